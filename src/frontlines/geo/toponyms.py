"""Finding toponym mentions in a parsed document.

Sources, merged so that each stretch of text is one mention: spaCy GPE/LOC/FAC entities,
datelines ("BAGHDAD, March 25 -"), gazetteer names that the small model mislabels as PERSON/ORG
or misses ("clashes in Kut"), place names inside organisation names ("Basra Operations
Command", "Laurel County Jail", "Beverly Hills Police"), towns followed by their state ("Churchill,
Man.", which also pins the town to that state), and countries inside hyphenated words and money
amounts ("U.S.-led", "US dollars": modifiers, never event places). Leading "the" and trailing "'s"
are trimmed; demonyms ("Iraqi") are not places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .demonyms import Demonyms
from .gazetteer import Candidate, Gazetteer
from .metonymy import is_metonymic
from .persons import person_words, used_as_person
from .spans import Taken, ascii_lowered

ADMIN_WORDS = frozenset({"province", "provinces", "governorate", "state", "region", "district", "county", "oblast",
                         "prefecture", "department", "territory", "wilayat", "emirate", "canton", "municipality",
                         "parish", "krai", "raion", "rayon", "muhafazah", "qada"})
CITY_WORDS = frozenset({"city", "town", "village", "capital", "port"})
# offices and bodies that belong to a state or province ("New York Gov. Cuomo", "the governor of Texas",
# "Ohio lawmakers") or to a town ("the Moscow mayor", "the mayor of Venice"): hints, never part of the name
ADMIN_OFFICES = frozenset({"governor", "gov", "governors", "governorship", "legislature", "lawmakers", "legislators",
                           "statehouse", "senator", "senators", "sen"})
CITY_OFFICES = frozenset({"mayor", "mayors", "mayoral"})
# local public bodies named after their town or county: "Beverly Hills Police Department", "Bantam Superior Court"
LOCAL_BODIES = frozenset({"police", "sheriff", "sheriff's", "fire", "council", "mayor", "municipal", "borough",
                          "township", "superior", "court", "coroner", "jail", "detention", "schools"})
# words that rank or qualify such a body rather than name its town: "Supreme Court" is no court of Supreme,
# Louisiana, nor "Federal Police" the police of Federal, Entre Ríos
BODY_RANKS = frozenset({"supreme", "superior", "high", "federal", "national", "royal", "district", "circuit",
                        "appeals", "appellate", "municipal", "constitutional", "criminal", "civil", "family",
                        "juvenile", "probate", "military", "metropolitan", "regional", "provincial", "tribal"})
LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "to", "into", "around", "across", "toward", "towards",
                      "through", "inside", "throughout", "within", "between", "of", "via", "north", "south", "east",
                      "west", "northern", "southern", "eastern", "western", "central", "and"})
STRICT_LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "into", "around", "across", "toward",
                             "towards", "through", "inside", "throughout", "within"})
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'\.\-]+(?:[ \t]+[A-Z][A-Z'\.\-]+){0,3})[ \t]*(?=,|\(|—|–|-|:)")
_TRIM_HEAD = ("the ", "The ", "THE ")
_TOWN_BEFORE = re.compile(r"([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}),[ \t]*$")
_STATE_AFTER = re.compile(r",[ \t]*([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})")
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                       "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
                       "ramadan", "eid", "today", "tomorrow", "yesterday", "tonight"})
_HYPHENED = re.compile(r"(?<![\w-])[A-Za-z][\w.]*(?:-[A-Za-z][\w.]*)+")
# words NER tags as places that name no place on their own ("the South", "Centre")
GENERIC = frozenset({"north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
                     "eastern", "western", "midwest", "north east", "north west", "south east", "south west",
                     "lakes", "coast", "mountains", "valley", "downtown", "uptown", "city", "state",
                     "capital", "province", "region", "district", "county", "island", "islands", "river", "the west",
                     "earth", "world", "globe", "heaven", "hell", "mars", "moon", "sun"})


_ADMIN_TAIL = re.compile(r"\s+(?:local government area|lga|" + "|".join(sorted(ADMIN_WORDS)) + r")$", re.I)
_CITY_TAIL = re.compile(r"\s+(?:city|town|village)$", re.I)


def split_kind(name: str) -> tuple[str, bool, bool]:
    """"Anbar Province" -> ("Anbar", admin=True, city=False); "Basra city" -> ("Basra", False, True)."""
    m = _ADMIN_TAIL.search(name)
    if m and m.start() > 0:
        return name[: m.start()], True, False
    m = _CITY_TAIL.search(name)
    if m and m.start() > 0:
        return name[: m.start()], False, True
    return name, False, False


def word_hints(after: str, before: str, before2: str) -> tuple[bool, bool]:
    """(admin, city): what the lower-cased words right after a name and the two before it say of its
    kind: "Anbar province", "the province of Anbar", "Texas Gov.", "the city of Basra", "the mayor of Venice"."""
    after = after.rstrip(".")
    of = before2.rstrip(".") if before == "of" else ""
    admin = after in ADMIN_WORDS or after in ADMIN_OFFICES or of in ADMIN_WORDS or of in ADMIN_OFFICES
    city = after in CITY_WORDS or after in CITY_OFFICES or of in CITY_WORDS or of in CITY_OFFICES
    return admin, city


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names a place, before resolution."""

    text: str
    start: int
    end: int
    source: str = "ner"  # ner | dateline | gazetteer | org | demonym | context | modifier ("US-led", "US dollars")
    admin_hint: bool = False  # "Anbar province": prefer an admin area
    city_hint: bool = False  # "the city of Basra": prefer a populated place
    metonymic: bool = False  # "Washington said": the government, not an event location
    within: tuple[str, str] | None = None  # (ISO2, admin1 code) the text places it in: "Churchill, Man."


class _View:
    """One Doc's token attributes, read once per document: iterating a Doc builds a Token object per
    token, and ``Doc.text`` and ``Doc.ents`` rebuild themselves on every access."""

    __slots__ = ("alpha", "doc", "ents", "ent", "idx", "lower", "people", "pos", "text", "words")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, LOWER, ORTH, POS, SPACY  # noqa: PLC0415

        self.doc = doc
        self.ents: tuple[Any, ...] = tuple(doc.ents)
        strings = doc.vocab.strings
        orth, lower, pos, ent, idx, alpha, space = doc.to_array(
            [ORTH, LOWER, POS, ENT_TYPE, IDX, IS_ALPHA, SPACY]).T.tolist()
        self.words: list[str] = [strings[x] for x in orth]
        # Doc.text joins every token's text and trailing space (a single " " when SPACY is set)
        self.text: str = "".join([w + " " if sp else w for w, sp in zip(self.words, space, strict=True)])
        self.lower: list[str] = [strings[x] for x in lower]
        self.pos: list[int] = pos  # spaCy's POS symbol ids
        self.ent: list[int] = ent  # entity label id, 0 outside any entity
        self.idx: list[int] = idx
        self.alpha: list[int] = alpha
        self.people: frozenset[str] | None = None  # ``person_words`` of the document, when first asked

    def as_person(self, a: int, b: int, name: str) -> bool:
        """Whether tokens ``a:b`` (a mention of ``name``) read as a person's name (``persons.used_as_person``)."""
        if self.people is None:
            self.people = person_words(self.ents)
        return used_as_person(self.doc, a, b, name, self.people)

    def span_text(self, a: int, b: int) -> str:
        """``doc[a:b].text`` (b > a) without building the span."""
        return self.text[self.idx[a]: self.idx[b - 1] + len(self.words[b - 1])]


def _pos_ids(*tags: str) -> frozenset[int]:
    from spacy.parts_of_speech import IDS  # noqa: PLC0415

    return frozenset(IDS[t] for t in tags)


def _trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    for head in _TRIM_HEAD:
        if text.startswith(head):
            text, start = text[len(head):], start + len(head)
    for tail in ("'s", "’s", "'", "’"):
        if text.endswith(tail):
            text, end = text[: -len(tail)], end - len(tail)
    stripped = text.rstrip(" .,;:")
    end -= len(text) - len(stripped)
    return stripped, start, end


class ToponymFinder:
    """Finds place mentions in a spaCy Doc with the help of the gazetteer."""

    def __init__(self, gazetteer: Gazetteer, *, min_population: int = 20_000,
                 demonyms: Demonyms | None = None) -> None:
        self.gaz = gazetteer
        self.min_population = min_population
        self.demonyms = demonyms or Demonyms(gazetteer)
        self._propn = next(iter(_pos_ids("PROPN")))
        self._name_pos = _pos_ids("ADJ", "PROPN", "NOUN")
        self._last: _View | None = None  # the document ``find`` read last, for ``context_pass``
        # answers that depend only on the (read-only) gazetteer, memoised per name
        self._memo: dict[tuple[Any, ...], Any] = {}

    def _view(self, doc: Any, *, fresh: bool = False) -> _View:
        v = self._last
        if fresh or v is None or v.doc is not doc:
            v = self._last = _View(doc)
        return v

    def entities(self, doc: Any) -> tuple[Any, ...]:
        """``doc.ents``, read once per document (shared with ``find``)."""
        return self._view(doc).ents

    def _remember(self, key: tuple[Any, ...], value: Any) -> Any:
        if len(self._memo) >= 200_000:
            self._memo.clear()
        self._memo[key] = value
        return value

    # -- helpers -------------------------------------------------------------------------------
    def _strong(self, name: str, *, loose_ok: bool = False) -> Candidate | None:
        """The best candidate if the name is a prominent place (country, admin area, sizeable town)."""
        key = ("strong", name, loose_ok)
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        return self._remember(key, self._strong_of(name, loose_ok))  # type: ignore[no-any-return]

    def _strong_of(self, name: str, loose_ok: bool) -> Candidate | None:
        if name.lower() in GENERIC:
            return None
        for c in self.gaz.lookup(name, fuzzy=True):
            if c.match > 2 and not loose_ok:
                continue
            if c.feature in ("PCLI", "CONT", "ADM1") or c.population >= self.min_population:
                return c
        return None

    def split_kind(self, name: str) -> tuple[str, bool, bool]:
        """``split_kind``, except that a name a place bears whole keeps its tail: "Ohio County" is the
        county of that name, not the state of Ohio with a hint; "Kansas City" is no town called Kansas."""
        short, admin, city = split_kind(name)
        if admin and short != name and any(c.match == 0 and c.is_admin for c in self.gaz.lookup(name, fuzzy=False)):
            return name, True, False
        if city and short != name and any(c.match <= 1 and c.feature.startswith("PPL")
                                          for c in self.gaz.lookup(name, fuzzy=False)):
            return name, False, True  # "Kansas City", "Sioux City": not a town called Kansas
        return short, admin, city

    def is_demonym(self, text: str) -> bool:
        """"Iraqi", "Syrians", "Sudanese": a nationality word, unless it is itself a place (Oman)."""
        key = ("demonym", text)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._remember(key, self._is_demonym(text))
        return hit  # type: ignore[no-any-return]

    def _is_demonym(self, text: str) -> bool:
        if not text[:1].isupper() or self.demonyms.lookup(text) is None:
            return False
        exact = [c for c in self.gaz.lookup(text, fuzzy=False) if c.match <= 1]
        return not any(c.feature == "PCLI" or c.population >= 100_000 and c.match == 0 for c in exact)

    def _demonym(self, text: str, start: int, end: int) -> Mention:
        return Mention(text, start, end, "demonym")

    # -- main ------------------------------------------------------------------------------------
    def find(self, doc: Any, *, extra: Iterable[tuple[int, int]] = ()) -> list[Mention]:
        v = self._view(doc, fresh=True)
        text = v.text
        found: list[Mention] = []
        for m in _DATELINE.finditer(text):
            name = m.group(1).strip()
            if len(name) < 3 or not self._strong(name.title()):
                continue
            found.append(Mention(name, m.start(1), m.start(1) + len(name), "dateline"))
        for ent in v.ents:
            label = ent.label_
            if label in ("GPE", "LOC", "FAC"):
                found.extend(self._from_entity(v, ent, "ner"))
            elif label in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"):
                found.extend(self._mislabelled(v, ent))
            elif label in ("DATE", "TIME", "LANGUAGE", "LAW") and len(ent) <= 3 \
                    and all(p == self._propn for p in v.pos[ent.start:ent.end]):
                found.extend(self._mislabelled(v, ent))  # "in Manbij" read as a DATE, "in Aleppo" as a LANGUAGE
            elif label == "MONEY":  # "70 million US dollars", "Sudanese pounds"
                found.extend(replace(m, source="modifier") if m.source == "org" else m
                             for m in self._inside(v, ent))
        found.extend(self._hyphenated(text))
        pinned = self._town_and_state(v)
        found.extend(pinned)
        found.extend(self._loose_propns(v))
        for i, word in enumerate(v.words):
            if not v.ent[i] and word[:1].isupper() and v.pos[i] in self._name_pos and self.is_demonym(word):
                found.append(self._demonym(word, v.idx[i], v.idx[i] + len(word)))
        merged = _merge(found)
        if pinned:  # NER or a dateline may own these spans: keep what "Town, State" says about them
            by_span = {(m.start, m.end): m for m in pinned}
            merged = [replace(m, within=by_span[m.start, m.end].within,
                              admin_hint=m.admin_hint or by_span[m.start, m.end].admin_hint)
                      if (m.start, m.end) in by_span else m for m in merged]
        return merged

    @staticmethod
    def _hints(v: _View, first: int, last: int) -> tuple[bool, bool]:
        low = v.lower
        return word_hints(low[last + 1] if last + 1 < len(low) else "", low[first - 1] if first > 0 else "",
                          low[first - 2] if first > 1 else "")

    def _from_entity(self, v: _View, ent: Any, source: str) -> list[Mention]:
        commas = [i for i in range(ent.start, ent.end) if v.words[i] == ","]
        if commas:  # "Donington Park, Leicestershire" taken as one entity: each part on its own
            bounds = [ent.start, *(i + 1 for i in commas)]
            ends = [*commas, ent.end]
            return [m for a, b in zip(bounds, ends, strict=True) if b > a
                    for m in self._from_entity(v, v.doc[a:b], source)]
        name, start, end = _trim(ent.text, ent.start_char, ent.end_char)
        if not name or not any(ch.isupper() for ch in name[:1]) or name.lower() in GENERIC:
            return []
        admin, city = self._hints(v, ent.start, ent.end - 1)
        name, a2, c2 = self.split_kind(name)
        admin, city = admin or a2, city or c2
        end = start + len(name)
        if self.is_demonym(name):
            return [self._demonym(name, start, end)]
        return [Mention(name, start, end, source, admin, city, is_metonymic(ent))]

    def _mislabelled(self, v: _View, ent: Any) -> list[Mention]:
        """PERSON/ORG entities that are really places ("in Kut"), and places inside org names."""
        out: list[Mention] = []
        name, start, end = _trim(ent.text, ent.start_char, ent.end_char)
        name, admin_tail, _ = self.split_kind(name)  # "Guma LGA"
        end = start + len(name)
        prev = v.lower[ent.start - 1] if ent.start > 0 else None
        locative = prev is not None and prev in LOCATIVE or admin_tail
        if ent.label_ == "NORP" and self.is_demonym(name):
            return [self._demonym(name, start, end)]
        if ent.label_ == "NORP" and name and len(ent) <= 3:
            # the small model calls some cities NORP ("Aleppo"); only exact, prominent names pass
            exact = [c for c in self.gaz.lookup(name, fuzzy=False) if c.match <= 1]
            if any(c.feature in ("PCLI", "ADM1") or c.population >= 100_000 for c in exact):
                admin, city = self._hints(v, ent.start, ent.end - 1)
                return [Mention(name, start, end, "gazetteer", admin, city, is_metonymic(ent))]
        if ent.label_ in ("PERSON", "ORG") and len(ent) == 1 and self.is_demonym(name):
            return [self._demonym(name, start, end)]  # "Azerbaijani" mistaken for a name
        if ent.label_ in ("DATE", "TIME", "LANGUAGE", "LAW"):
            if any(low.rstrip(".") in _CALENDAR for low in v.lower[ent.start:ent.end]):
                return []  # "in March" is a month, not the Cambridgeshire town
            cand = self._strong(name) if prev is not None and prev in STRICT_LOCATIVE else None
            return [] if cand is None else [Mention(name, start, end, "gazetteer", *self._hints(v, ent.start,
                                                                                                ent.end - 1))]
        if ent.label_ in ("PERSON", "ORG") and name and not self.is_demonym(name):
            cand = self._strong(name)
            admin, city = self._hints(v, ent.start, ent.end - 1)
            admin = admin or bool(admin_tail)  # "Enugu State" as one ORG entity
            if cand is not None and (locative or admin or city or cand.feature in ("PCLI", "ADM1")
                                     or (ent.label_ == "ORG" and len(ent) == 1 and cand.population >= 200_000)) \
                    and (admin or city or cand.feature in ("PCLI", "ADM1") or not v.as_person(ent.start, ent.end, name)):
                return [Mention(name, start, end, "gazetteer", admin, city, is_metonymic(ent))]
        if ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "PRODUCT"):
            out.extend(self._inside(v, ent))
        return out

    def _pin(self, name: str, area: str) -> tuple[str, str, bool] | None:
        """(ISO2, admin1 code or "", whether it is an admin area) of the place called ``name`` inside
        the province or country called ``area`` ("Churchill", "Man."; "Paris", "Texas"; "Queensland",
        "Australia"), or None. A name that is itself a country or province ("Washington, Oregon and
        Idaho", "China, Japan") is a list, not a town in the next one."""
        key = ("pin", name, area)
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        return self._remember(key, self._pin_of(name, area))  # type: ignore[no-any-return]

    def _pin_of(self, name: str, area: str) -> tuple[str, str, bool] | None:
        areas = {(c.cc, c.admin1 if c.feature == "ADM1" else "") for c in self.gaz.lookup(area, fuzzy=False)
                 if c.feature in ("ADM1", "PCLI") and c.match <= 2 and c.cc and (c.admin1 or c.feature == "PCLI")}
        if not areas:
            return None
        named = [c for c in self.gaz.lookup(name, fuzzy=False) if c.match == 0]
        if any(c.feature == "PCLI" for c in named) or (
                any(c.feature == "ADM1" and (c.cc, "") not in areas for c in named)):
            return None
        inside = [c for c in named if c.feature in ("PPL", "PPLC", "ADM1", "ADM2")
                  and ((c.cc, c.admin1) in areas and c.feature != "ADM1" or (c.cc, "") in areas)]
        if not inside:
            return None
        best = max(inside, key=lambda c: c.population)
        state = (best.cc, best.admin1) in areas and best.feature != "ADM1"
        # "Ankara, Turkey" is the city even though its province is bigger: an area only if no town
        return best.cc or "", best.admin1 or "" if state else "", all(c.is_admin for c in inside)

    def state_after(self, name: str, text: str, end: int) -> tuple[str, str] | None:
        """(ISO2, admin1 or "") when ``text`` goes on after a place named ``name`` with ", <its state
        or country>" ("Hugo, Oklahoma"; "Churchill, Man."; "Queensland, Australia"): for a toponym
        whose span is given, not found."""
        m = _STATE_AFTER.match(text, end)
        if m is None:
            return None
        words = m.group(1).split()
        for n in range(min(len(words), 3), 0, -1):
            pin = self._pin(name, " ".join(words[:n]))
            if pin is not None:
                return pin[0], pin[1]
        return None

    def names_a_town_before(self, name: str, text: str, start: int) -> bool:
        """Whether ``text`` names a place inside ``name`` just before it ("Bronx, New York";
        "Tacoma, Washington"): then ``name`` is the state, not its namesake city."""
        m = _TOWN_BEFORE.search(text, max(0, start - 60), start)
        if m is None:
            return False
        words = m.group(1).split()
        return any(self._pin(" ".join(words[-n:]), name) for n in range(min(len(words), 3), 0, -1))

    def _town_and_state(self, v: _View) -> list[Mention]:
        """"Churchill, Man.", "Hugo, Oklahoma", "LOUISVILLE, KY": a town followed by its state or
        province, which pins the town to that province whatever NER made of it."""
        out: list[Mention] = []
        words, n_tok = v.words, len(v.words)
        for c in range(1, n_tok):
            if words[c] != ",":
                continue
            for n_area in (3, 2, 1):
                a0, a1 = c + 1, min(c + 1 + n_area, n_tok)
                if a1 - a0 < n_area or not all(w[:1].isupper() for w in words[a0:a1]) or (
                        a1 < n_tok and v.alpha[a1] and words[a1][:1].isupper()):
                    continue  # "Montreal, Quebec City": the area's name goes on
                pinned = None
                for n in (3, 2, 1):
                    if c < n or not all(w[:1].isupper() for w in words[c - n:c]):
                        continue
                    seg = v.span_text(c - n, c)
                    if seg.lower() in GENERIC:
                        continue
                    pin = self._pin(seg.title() if seg.isupper() else seg, v.span_text(a0, a1))
                    if pin is not None:
                        pinned = c - n, seg, pin
                        break
                if pinned is None:
                    continue
                s0, seg, (cc, admin1, is_admin) = pinned
                out.append(Mention(seg, v.idx[s0], v.idx[s0] + len(seg), "gazetteer", is_admin, False,
                                   within=(cc, admin1)))
                area = v.span_text(a0, a1)
                out.append(Mention(area, v.idx[a0], v.idx[a0] + len(area), "gazetteer", bool(admin1), False))
                break
        return out

    def _hyphenated(self, text: str) -> list[Mention]:
        """Countries and nationalities joined by hyphens, which NER leaves whole or untagged:
        "U.S.-led", "US-based", "anti-Russian", "Turkish-Russian". Only country-level names count,
        so compound town names ("Deir ez-Zor") and Arabic articles ("Al-") are left to the other sources."""
        out: list[Mention] = []
        for m in _HYPHENED.finditer(text):
            pos = m.start()
            for part in m.group(0).split("-"):
                start, pos = pos, pos + len(part) + 1
                if not part[:1].isupper() or len(part) < 2:
                    continue
                name = part if part.count(".") >= 2 else part.rstrip(".")
                if self.is_demonym(name):
                    out.append(self._demonym(name, start, start + len(name)))
                elif any(c.feature == "PCLI" and c.match <= 2 for c in self.gaz.lookup(name, fuzzy=False)):
                    out.append(Mention(name, start, start + len(name), "modifier"))
        return out

    def _named(self, text: str, *, admin: bool, min_population: int = 1_000) -> bool:
        """Whether ``text`` is exactly the own name of an admin area (``admin``) or of a town."""
        if text.lower() in GENERIC or text.lower() in ADMIN_WORDS:
            return False
        for c in self.gaz.lookup(text, fuzzy=False):
            if c.match == 0 and (c.is_admin if admin else c.feature.startswith("PPL")
                                 and c.population >= min_population):
                return True
        return False

    def _inside(self, v: _View, span: Any) -> list[Mention]:
        """Place names embedded in a longer name: "University of Basra", "Aleppo Media Center"."""
        words, low = v.words, v.lower
        first, stop = span.start, span.end
        out: list[Mention] = []
        i = 0
        while i < stop - first:
            hit = None
            for n in (3, 2, 1):
                a = first + i
                b = a + n
                if b > stop or not all(w[:1].isupper() for w in words[a:b]):
                    continue
                text = v.span_text(a, b)
                at = v.idx[a]
                if self.is_demonym(text):
                    hit = (n, self._demonym(text, at, at + len(text)))
                    break
                c = self._strong(text)
                if c is not None and (c.feature in ("PCLI", "ADM1") or c.population >= 100_000):
                    hit = (n, Mention(text, at, at + len(text), "org"))
                    break
                if n > 1 and low[b - 1] in ADMIN_WORDS and self._named(text, admin=True):
                    hit = (n, Mention(text, at, at + len(text), "org", True))  # "Laurel County Jail"
                    break
                if b < len(low) and low[b] in LOCAL_BODIES and low[b - 1] not in BODY_RANKS \
                        and self._named(text, admin=False):
                    hit = (n, Mention(text, at, at + len(text), "org"))  # "Beverly Hills Police"
                    break
            if hit:
                out.append(hit[1])
                i += hit[0]
            else:
                i += 1
        return out

    def context_pass(self, doc: Any, have: list[Mention], places: set[tuple[str, str | None]],
                     *, min_population: int = 2_000, known: Mapping[str, bool] | None = None) -> list[Mention]:
        """Names the first pass skipped (ORG/PERSON/plain proper nouns) that are exactly the name of a
        town in a province the document already talks about ("A Danbury man ..."), and further
        mentions of the names in ``known`` (those the first pass placed)."""
        v = self._view(doc)
        taken = Taken(len(v.text), ((m.start, m.end) for m in have))
        out: list[Mention] = []
        admins = {p for p in places if p[1]}
        spans = [(e.start, e.end) for e in v.ents
                 if e.label_ in ("ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART") and len(e) <= 3]
        propn, ent = self._propn, v.ent
        spans += [(i, i + 1) for i, p in enumerate(v.pos) if p == propn and not ent[i]]
        for a, b in spans:
            text = v.span_text(a, b)
            name, start, end = _trim(text, v.idx[a], v.idx[a] + len(text))
            if not name[:1].isupper() or name.lower() in GENERIC or taken.overlaps(start, end):
                continue
            for c in self.gaz.lookup(name.title() if name.isupper() else name, fuzzy=False):
                if c.match != 0 or c.population < min_population:
                    continue
                if (c.cc, c.admin1) in admins or (c.cc, None) in places and c.population >= 50_000:
                    # not the NER label: the small model tags many towns PERSON (persons.py)
                    if not v.as_person(a, b, name):
                        admin, city = self._hints(v, a, b - 1)
                        out.append(Mention(name, start, end, "context", admin, city))
                        taken.add(start, end)
                    break
        return out + self._repeats(v, taken, known or {})

    def _repeats(self, v: _View, taken: Taken, known: Mapping[str, bool]) -> list[Mention]:
        """Later mentions of a name the document already placed, wherever NER put them ("born in
        Churchill, Man. ... a Churchill doctor"): one name keeps one sense within a story. ``known``
        maps each placed name to whether its text pinned it ("Town, State")."""
        out: list[Mention] = []
        doc, text = v.doc, v.text
        lowered = ascii_lowered(text)
        for name in sorted({k for k in known if len(k) >= 3 and k[:1].isupper()}, key=len, reverse=True):
            if taken.only_there(lowered, name):
                continue  # the name occurs only where it was placed: no further mention to find
            pattern = self._memo.get(("re", name))
            if pattern is None:
                pattern = self._remember(("re", name), re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])",
                                                                   re.IGNORECASE))
            for m in pattern.finditer(text):
                found = m.group(0)
                if not (found[:1].isupper() and (found.istitle() or found.isupper() or found == name)):
                    continue
                start, end = m.span()
                if taken.overlaps(start, end):
                    continue
                span = doc.char_span(start, end)
                if span is None or not any(p == self._propn for p in v.pos[span.start:span.end]):
                    continue
                first = span.start
                ent = next((e for e in v.ents if e.start <= first < e.end), None)
                ent_start = ent.start + int(v.lower[ent.start] == "the") if ent is not None else 0
                before = v.lower[span.start - 1] if span.start else ""
                # not inside a longer name ("Robinson College Cambridge"), a person ("Paris Hilton") or an
                # organisation of that very name ("Xinhua", unless its text pinned it: "Churchill, Man.");
                # "Allendale Woman's Club" does name the town
                if ent is not None and (ent_start < span.start
                                        or ent.label_ == "ORG" and ent.end == span.end and not known[name]
                                        or ent.label_ not in ("GPE", "LOC", "FAC", "ORG")
                                        and before not in STRICT_LOCATIVE):
                    continue
                admin, city = self._hints(v, span.start, span.end - 1)
                out.append(Mention(found, start, end, "context", admin, city))
                taken.add(start, end)
        return out

    def _loose_propns(self, v: _View) -> list[Mention]:
        """Proper nouns outside any entity, after a locative preposition, that name a known place."""
        out: list[Mention] = []
        words, pos, ent, propn = v.words, v.pos, v.ent, self._propn
        n_tok = len(words)
        i = 0
        while i < n_tok:
            if ent[i] or pos[i] != propn or not words[i][:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < n_tok and pos[j + 1] == propn and not ent[j + 1] and j - i < 2:
                j += 1
            text = v.span_text(i, j + 1)
            prev = v.lower[i - 1] if i else ""
            # after "in", "near"... any known town; otherwise only a big, exactly named one ("of Cape Town")
            need = 0 if prev in STRICT_LOCATIVE else 100_000 if prev in ("of", "and") else 1_000_000
            cand = None if self.is_demonym(text) else self._strong(text)
            # a big place must carry exactly this as its main name, whichever entry _strong ranked first
            # ("Aleppo" the city, not the province's alternate name; "Sadr" is only Sadr City's nickname)
            exact = [] if cand is None or need == 0 else [
                c for c in self.gaz.lookup(text, fuzzy=False) if c.match == 0]
            if cand is not None and (need == 0 or any(
                    c.population >= need or (c.feature == "PCLI" and need <= 100_000) for c in exact)):
                admin, city = self._hints(v, i, j)
                out.append(Mention(text, v.idx[i], v.idx[i] + len(text), "gazetteer", admin, city))
            i = j + 1
        return out


def _merge(mentions: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: longer and better-sourced mentions win overlaps."""
    rank = {"dateline": 0, "ner": 1, "gazetteer": 2, "org": 3, "modifier": 3, "demonym": 4, "context": 5}
    ordered = sorted(mentions, key=lambda m: (rank.get(m.source, 9), -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for m in ordered:
        if any(m.start < k.end and k.start < m.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
