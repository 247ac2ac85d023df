"""Actors stage: dictionary-coded actor mentions (who), one per noun phrase or coordinated name.

"Senior Iraqi officials" -> IRQ GOV; "U.S. and British planes" -> USA MIL and GBR MIL; "Vladimir
Putin" -> RUS GOV (dated role code, chosen by the document date, else by the title written with the
name). People are also found by surname (``coding.people``), towns through the gazetteer, peoples and
generic agents placed by their sentence (``actor_context``): "police" alone has a sector and takes the
country of a sentence that names only one, else the report's dominant one. The events stage attaches
these to event arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..coding.actor_dict import ActorDictionary, Entry, pick_code, split_code
from ..coding.people import PAST, PeopleIndex, pick_role, strip_titles, title_sector, titles_before
from ..coding.syntax import ents_in, np_head
from ..records import Actor, Annotation
from .actor_context import appositions, domestic, dominant, organisations, place_peoples, sentence_places


class ActorStage:
    name = "actors"
    requires = frozenset({"doc", "sentences"})
    assigns = frozenset({"actors"})

    def __init__(self, dictionary: ActorDictionary | None = None, extra: Iterable[Path] = (),
                 gazetteer: Any = None) -> None:
        self.dictionary = dictionary if dictionary is not None else ActorDictionary(extra=extra)
        self.gazetteer = gazetteer  # optional: towns the dictionary lacks ("Cizre said") get their country
        self.people = PeopleIndex(self.dictionary.entries, (k[-1] for k in self.dictionary.agents))

    def __call__(self, ann: Annotation) -> Annotation:
        doc = ann.doc
        per_sentence: list[list[Actor]] = []
        # Span.ents rebuilds Doc.ents on every access (O(document) per sentence): build it once
        ents = list(doc.ents)  # type: ignore[attr-defined]
        starts = [e.start for e in ents]
        known: dict[str, Entry] = {}  # people named in full so far: "Mugabe" later is the same man
        for sentence in ann.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")  # type: ignore[attr-defined]
            if span is None:
                continue
            per_sentence.append(domestic(self.sentence_actors(span, ann.document.date, ann.document.text,
                                                               ents=ents_in(ents, starts, span), known=known),
                                          agent_head=self._agent_head))
        # sentences that name no country: the report's dominant one ("Police said..." in a story on Kenya)
        main = dominant(a for sent in per_sentence for a in sent)
        actors: list[Actor] = []
        for sent in per_sentence:
            actors.extend(domestic(sent, main, self._agent_head) if main else sent)
        return replace(ann, actors=tuple(actors))

    def sentence_actors(self, span: Any, date: str | None, doc_text: str, *, ents: list | None = None,
                        known: dict[str, Entry] | None = None) -> list[Actor]:
        """``ents``: ``span.ents`` when the caller has it already; ``known``: people named so far in the
        report, by surname (see ``_people``)."""
        ents = list(span.ents) if ents is None else ents
        # spaCy splits "al-Qaeda" into al, -, Qaeda; the dictionary keys have no hyphens
        toks = [t for t in span if t.text != "-"]  # type: ignore[attr-defined]
        words = [_word(t.lower_) for t in toks]
        lemmas = [t.lemma_.lower() if t.pos_ == "NOUN" else t.lower_ for t in toks]
        matches: list[tuple[int, int, Entry | None, str | None]] = []
        i = 0
        lookup = self.dictionary.lookup
        # most tokens start no entry: skip them without the two lookup calls (same answers)
        first = self.dictionary.first_words
        while i < len(toks):
            if words[i] not in first and lemmas[i] not in first:
                i += 1
                continue
            n, entry, agent = lookup(words, i)
            if n == 0:
                n, entry, agent = lookup(lemmas, i)
            if n == 0 or _hyphen_idiom(toks[i]):
                i += 1
                continue
            if entry is not None and (not any(ch.isupper() for t in toks[i:i + n] for ch in t.text)
                                      or n == 1 and _acronym(entry, toks[i].text) or _anti(toks[i])):
                entry = None  # "us", "chad": named actors are written with capitals; "Gia" is not GIA
                if agent is None:
                    i += 1
                    continue
            matches.append((i, i + n, entry, agent))
            i += n
        matches = self._people(ents, toks, words, matches, known)
        matches = self._misspelt(toks, words, matches)
        if self.gazetteer is not None:
            matches = self._towns(ents, toks, matches, date)
            matches = self._namesakes(toks, matches, date)
        groups: dict[int, list[tuple[int, int, Entry | None, str | None]]] = {}
        for m in matches:
            groups.setdefault(np_head(_root(toks[m[0]:m[1]])).i, []).append(m)
        doc = toks[0].doc if toks else None
        places = sentence_places(toks, matches, date)
        found: dict[int, list[Actor]] = {}
        for head_i, head_matches in groups.items():
            head = doc[head_i]  # type: ignore[index]
            found[head_i] = self._actors_for(head, head_matches, toks, date, doc_text, places)
        self._group_names(toks, words, groups, found, date, doc_text)
        organisations(ents, toks, matches, found, doc_text)
        appositions(doc, ents, found, doc_text)
        if self.gazetteer is not None:
            self._capitals(doc, found)
        _head_of_group(found, doc_text)
        _of_country(doc, found)
        return [a for head_i in sorted(found) for a in found[head_i]]

    def _people(self, ents: list, toks: list, words: list[str],
                matches: list[tuple[int, int, Entry | None, str | None]],
                known: dict[str, Entry] | None = None) -> list[tuple[int, int, Entry | None, str | None]]:
        """Person names the phrase lookup missed or matched only in part ("President Omar Hassan al-Bashir"
        matched "Hassan", a Jordanian prince): looked up by surname instead (``coding.people``). ``known``
        (surname -> person) carries the people an earlier sentence of the report named in full, so a later
        bare surname is the same person; it is updated here."""
        known = {} if known is None else known
        at = {t.i: k for k, t in enumerate(toks)}
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            idx = [at[t.i] for t in ent if t.i in at]
            if not idx:
                continue
            a, b = idx[0], idx[-1] + 1
            name = strip_titles(words[a:b])
            a = b - len(name)  # the name without the titles in front
            whole = next((e for s, end, e, _ in matches if e is not None and s <= a and b - 1 < end), None)
            if whole is not None:
                if len(name) > 1:
                    known.setdefault(name[-1], whole)
                continue  # the dictionary knows the whole name
            before = titles_before(words, a)
            entry = known.get(name[-1]) if len(name) == 1 else None
            entry = entry or self.people.find(name, title_sector(before))
            if entry is not None and len(name) > 1:
                known.setdefault(name[-1], entry)
            # dictionary people and bodies inside the name (a country word in it, "Bosnian Serbs", stays)
            inside = [m for m in matches if m[2] is not None and a <= m[0] and m[1] <= b
                      and (m[2].kind == "ethnic" or any(split_code(code).sectors for code, _, _ in m[2].codes))]
            if entry is None:
                # a dictionary name inside a longer unknown one is somebody else ("Hassan" in "Omar Hassan
                # al-Bashir"), unless it is the surname ("Sheikh Hamad bin Khalifa al-Thani")
                matches = [m for m in matches if m not in inside or m[1] == b]
                continue
            matches = [m for m in matches if m not in inside] + [(a, b, entry, None)]
        return sorted(matches, key=lambda m: m[0])

    def _agent_head(self, a: Actor) -> bool:
        """Whether an actor's last word is an agent ("protesters", "the Sovereign State") or a name, not a
        thing an agent word modifies ("a military operation")."""
        words = a.text.split()
        if not words:
            return False
        low = [w.strip("()").lower() for w in words]
        agents = self.dictionary.agents
        for n in (1, 2, 3):
            tail = tuple(low[-n:])
            last = tail[-1]
            if any(tail[:-1] + (w,) in agents for w in (last, last[:-1], last.removesuffix("es"))):
                return True  # "protesters", "Islamic fundamentalists", "security forces"
        return words[-1][:1].isupper() and len(words) > 1  # a name the dictionary lacks ("the X Front")

    def _capitals(self, doc: Any, found: dict[int, list[Actor]]) -> None:
        """A capital that says or does something is its government ("Washington said", "Moscow rejected"),
        the usual metonymy; a capital attacked or visited stays a place."""
        for head_i, acts in found.items():
            a = acts[0] if len(acts) == 1 else None
            if a is None or a.sector or a.country is None or doc[head_i].dep_ != "nsubj":
                continue
            cands = self.gazetteer.lookup(a.text, fuzzy=False)[:3]  # "Berlin" the Land ranks with the city
            if any(c.feature == "PPLC" and c.iso3 == a.country for c in cands):
                found[head_i] = [replace(a, sector="GOV", code=a.country + "GOV")]

    def _demonym_plural(self, tok: Any) -> bool:
        """"Palestinians", "Iraqis": a plural whose singular is a nationality, not a plural country name
        ("the Philippines", "the Emirates")."""
        word = tok.lower_
        entry = self.dictionary.entries.get((word,))
        single = self.dictionary.entries.get((word[:-1],)) if word.endswith("s") else None
        return (entry is not None and single is not None and entry.kind == single.kind == "country"
                and entry.name.lower() != word and not any(split_code(code).sectors for code, _, _ in entry.codes))

    def _misspelt(self, toks: list, words: list[str],
                  matches: list[tuple[int, int, Entry | None, str | None]]) -> list[tuple[int, int, Entry | None, str | None]]:
        """Country and nationality words misspelt by one letter ("Ghanians", "Ethopia"): capitalised names
        spaCy marks as places or nationalities, with exactly one country that close."""
        covered = {k for s, e, _, _ in matches for k in range(s, e)}
        added: list[tuple[int, int, Entry | None, str | None]] = []
        for k, t in enumerate(toks):
            if k in covered or t.ent_type_ not in ("GPE", "NORP") or not t.text[:1].isupper() or _anti(t):
                continue
            entry = self.dictionary.near_country(words[k])
            if entry is not None:
                added.append((k, k + 1, entry, None))
        return sorted(matches + added, key=lambda m: m[0]) if added else matches

    def _namesakes(self, toks: list, matches: list[tuple[int, int, Entry | None, str | None]],
                   date: str | None) -> list[tuple[int, int, Entry | None, str | None]]:
        """A town the dictionary gives to one country while the sentence is about another that has a sizeable
        town of that name ("Tripoli, the north Lebanese port": LBN, not LBY)."""
        places = sentence_places(toks, matches, date)
        out = list(matches)
        for k, (s, e, entry, agent) in enumerate(matches):
            if entry is None or entry.kind != "country" or e - s > 3:
                continue
            own = split_code(pick_code(entry, date))
            others = {c for c, _ in places if c != own.country}
            if own.country is None or own.sectors or not others:
                continue
            text = " ".join(t.text for t in toks[s:e])
            cands = [c for c in self.gazetteer.lookup(text, fuzzy=False) if c.match <= _GAZ_MATCH]
            home = max((c.population for c in cands if c.iso3 == own.country), default=0)
            if not home or not any(c.feature.startswith("PPL") for c in cands if c.iso3 == own.country):
                continue  # not a town ("Afghan", "Iraq")
            alt = [c for c in cands if c.iso3 in others and c.feature.startswith("PPL")
                   and c.population >= max(_GAZ_POP, _NAMESAKE_SHARE * home)]
            if len({c.iso3 for c in alt}) == 1:
                out[k] = (s, e, Entry(text, ((alt[0].iso3, "", ""),), "country"), agent)  # type: ignore[arg-type]
        return out

    def _towns(self, ents: list, toks: list, matches: list[tuple[int, int, Entry | None, str | None]],
               date: str | None) -> list[tuple[int, int, Entry | None, str | None]]:
        """Place names (spaCy GPE) the dictionary lacks, resolved to a country through the gazetteer: the
        candidate in a country the sentence names, else the clearly most populous one ("Cizre": TUR)."""
        at = {t.i: k for k, t in enumerate(toks)}
        named = [c for c, _ in sentence_places(toks, matches, date)]
        added: list[tuple[int, int, Entry | None, str | None]] = []
        for ent in ents:
            idx = [at[t.i] for t in ent if t.i in at]
            if ent.label_ != "GPE" or not idx or not ent.text[:1].isupper() or _anti(ent[0]):
                continue
            a, b = idx[0], idx[-1] + 1
            if any(s < b and a < e for s, e, _, _ in matches):
                continue  # the dictionary has it (or part of it)
            best: dict[str, int] = {}
            for cand in self.gazetteer.lookup(ent.text):
                if cand.iso3 and cand.match <= _GAZ_MATCH and cand.population >= _GAZ_POP:
                    best[cand.iso3] = max(best.get(cand.iso3, 0), cand.population)
            country = next((c for c in named if c in best), None)
            if country is None and best:
                ranked = sorted(best.values(), reverse=True)
                if len(ranked) == 1 or ranked[0] >= _GAZ_DOMINANCE * ranked[1]:
                    country = max(best, key=lambda c: best[c])
            if country is not None:
                added.append((a, b, Entry(ent.text, ((country, "", ""),), "country"), None))
        return sorted(matches + added, key=lambda m: m[0]) if added else matches

    def _group_names(self, toks: list, words: list[str], groups: dict, found: dict[int, list[Actor]],
                     date: str | None, doc_text: str) -> None:
        """Named groups missing from the dictionary ("the Kordofan Revolutionary Front"): the whole name is the
        actor, a rebel or opposition group; a region inside the name gives its country, a river or sea none."""
        for k, tok in enumerate(toks):
            if words[k] not in _GROUP_HEADS:
                continue  # words[k] is tok.lower_ unless hyphenated, and no group head has a hyphen
            sector = _GROUP_HEADS.get(tok.lower_)
            if sector is None or not tok.text[:1].isupper() or tok.pos_ != "PROPN":
                continue
            lo = tok.i
            for c in tok.lefts:
                if c.dep_ in ("compound", "amod", "nmod", "flat") and c.text[:1].isupper():
                    lo = min(lo, c.left_edge.i)
            while lo < tok.i and not tok.doc[lo].text[:1].isupper():
                lo += 1
            if lo == tok.i:
                continue
            matches = groups.get(tok.i, [])
            covering = [m for ms in groups.values() for m in ms if toks[m[0]].i <= tok.i <= toks[m[1] - 1].i]
            if any(e is not None and (e.kind != "country" or split_code(pick_code(e, date)).sectors)
                   for _, _, e, _ in matches + covering):
                continue  # the dictionary knows this group ("Polisario Front", "... Front of Liberia")
            country = None
            for s, e, entry, _ in matches:
                if entry is not None and " ".join(words[s:e]) not in _FEATURES and lo <= toks[s].i:
                    country = split_code(pick_code(entry, date)).country
                    break
            start, end = tok.doc[lo].idx, tok.idx + len(tok.text)
            text = doc_text[start:end]
            found[tok.i] = [Actor(text=text, start=start, end=end, name=text, country=country, sector=sector,
                                  code=(country or "~") + sector)]

    def _actors_for(self, head: Any, matches: list[tuple[int, int, Entry | None, str | None]],
                    toks: list, date: str | None, doc_text: str,
                    places: list[tuple[str, bool]] = ()) -> list[Actor]:  # type: ignore[assignment]
        named = [(s, e, entry) for s, e, entry, _ in matches if entry is not None]
        agent_sectors: list[str] = []
        agent_country = None  # an international body's agent ("aid group" NGO, "peacekeeping troops" IGO)
        for _, _, _, agent in matches:
            if agent:
                ac = split_code("~" + agent.lstrip("~"))
                agent_country = agent_country or ac.country
                for sec in ac.sectors:
                    if sec not in agent_sectors:
                        agent_sectors.append(sec)
        h = head  # type: ignore[assignment]
        start_tok = min(s for s, _, _, _ in matches)
        lo = min(toks[start_tok].i, _np_left(h))
        doc = h.doc  # type: ignore[attr-defined]
        first, last = doc[lo], doc[h.i]  # type: ignore[attr-defined]
        np_start, np_end = first.idx, last.idx + len(last.text)
        np_text = doc_text[np_start:np_end]
        if not named:
            if _not_a_party(h, matches, toks):
                return []
            sector = " ".join(agent_sectors) or None
            code = (agent_country or "~") + "".join(agent_sectors)
            return [Actor(text=np_text, start=np_start, end=np_end, name=np_text, country=agent_country,
                          sector=sector, code=code if code != "~" else None)]
        coded = []
        past = False
        for s, e, entry in named:
            # the title written with a name picks its role when the document has no date ("President Bill
            # Clinton", "the Bush administration" GOV; "former President Bill Clinton" ELI)
            before = title_sector(t.lower_ for t in doc[min(lo, toks[s].i):toks[e - 1].i + 1])
            past = past or before == "ELI"
            title = before or title_sector(t.lower_ for t in doc[toks[e - 1].i + 1:h.i + 1] if t.lower_ not in PAST)
            c = split_code(pick_role(entry, date, title))
            if before and before != "ELI" and not c.sectors and before not in agent_sectors:
                agent_sectors.append(before)  # the office the title names ("U.N. Secretary-General Kofi Annan")
            coded.append((s, e, entry, c))
        place_peoples(coded, doc[lo:h.i + 1], places)
        if past:
            agent_sectors = [sec for sec in agent_sectors if sec not in _OFFICES]  # "former president"
        if not agent_sectors and h.tag_ in ("NNS", "NNPS") and self._demonym_plural(h):
            agent_sectors = ["CVL"]  # "Palestinians", "168 Liberians": a nation's people are civilians
        countries = []
        for _, _, _, c in coded:
            if c.country and c.country not in countries:
                countries.append(c.country)
        coordinated = len(countries) > 1 and any(t.dep_ == "cc" for t in doc[lo:h.i])  # type: ignore[attr-defined]
        # one actor: the named match nearest the head ("Russian President Vladimir Putin" -> Putin)
        picks = coded if coordinated else [max(coded, key=lambda x: (x[3].country is not None, x[1]))]
        if not coordinated and len(countries) > 1 and not picks[0][3].sectors \
                and toks[picks[0][1] - 1].tag_ in ("NNS", "NNPS"):
            # "Bosnian Serbs", "Iraqi Kurds": the plural names the people, the adjective their country
            first = min((x for x in coded if x[3].country and not x[3].sectors), key=lambda x: x[0])
            if first[1] <= picks[0][0]:
                picks = [first]
        if not coordinated and picks[0][2].kind == "country" and picks[0][3].country not in (None, "IGO") \
                and any(split_code(code).sectors for code, _, _ in picks[0][2].codes):
            # "U.N. mediator Diego Cordovez", "EU envoy X": the person acts for the body named before the title
            body = [x for x in coded if x[3].country == "IGO" and x[1] < picks[0][0]]
            if body:
                picks = [body[-1]]
        out = []
        seen: set[str | None] = set()
        for s, e, entry, c in picks:
            if coordinated and c.country in seen:
                continue
            seen.add(c.country)
            sectors = list(c.sectors)
            for sec in agent_sectors:
                if sec not in sectors:
                    sectors.append(sec)
            # a country named alone ("Israel said") is its government only when it acts; leave sector empty
            code = c.code if list(c.sectors) == sectors else (c.country or "") + "".join(sectors)
            if coordinated:
                a, b = toks[s], toks[e - 1]
                text, start, end = doc_text[a.idx:b.idx + len(b.text)], a.idx, b.idx + len(b.text)
            else:
                text, start, end = np_text, np_start, np_end
            out.append(Actor(text=text, start=start, end=end, name=entry.name, country=c.country,
                             sector=" ".join(sectors) or None, code=code or None))
        return out


#: "Vietnamese-led forces", "Iranian-backed militias": the first part names the actor's country.
_AFFIXES = ("-led", "-backed", "-based", "-born", "-allied", "-aligned", "-run", "-dominated", "-sponsored",
            "-trained", "-funded", "-supported", "-armed")


#: Sectors of an office that a former holder (ELI) no longer has.
_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
#: Capitalised heads of group names and the sector such a group gets.
_GROUP_HEADS = {"front": "REB", "brigade": "REB", "brigades": "REB", "militia": "REB", "militias": "REB",
                "movement": "OPP", "alliance": "OPP", "coalition": "OPP"}
#: Rivers, seas and deserts that cross borders: inside a group's name they give no country.
_FEATURES = frozenset({"nile", "blue nile", "white nile", "red sea", "sea", "sahara", "sahel", "euphrates",
                       "tigris", "gulf", "mediterranean", "jordan river", "lake chad", "horn of africa"})
#: "Leaders of", "fighters of": the head names the sector, the "of" group the actor.
_MEMBER_HEADS = frozenset({"leader", "leaders", "member", "members", "supporter", "supporters", "fighter",
                           "fighters", "commander", "commanders", "militant", "militants", "spokesman",
                           "spokeswoman", "official", "officials"})


#: Gazetteer candidates for an unknown place name: matched by its main or an alternate name (not an
#: article-less or transliterated key), populated, and in a country at least twice as populous a match as
#: the next country's when the sentence names neither.
_GAZ_MATCH, _GAZ_POP, _GAZ_DOMINANCE = 2, 1000, 2
#: A namesake town in the sentence's country must have a tenth of the dictionary town's population.
_NAMESAKE_SHARE = 0.1
#: Heads that an agent word only describes ("military exercises", "police equipment", "government
#: spending"): an activity, a measure or material, never a party to an event.
_NOT_PARTIES = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "manoeuvres", "maneuvers", "equipment",
                          "hardware", "materiel", "supplies", "uniform", "spending", "budget", "expenditure",
                          "cooperation", "tie", "relation", "capability", "buildup", "build-up", "doctrine",
                          "strategy", "policy", "reform", "service", "training", "presence", "assistance"})


def _hyphen_idiom(tok: Any) -> bool:
    """The word opens a hyphenated "X-of-the-Y" modifier ("state-of-the-art ventilators"): no party."""
    doc = tok.doc
    return (tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
            and doc[tok.i + 2].lower_ == "of")


def _not_a_party(head: Any, matches: list[tuple[int, int, Entry | None, str | None]], toks: list) -> bool:
    """An agent word that names no party: a modifier of a non-agent head ("joint military exercises"), or
    "state" in a condition ("a state of emergency", "the state of war"; "the state of Texas" stays)."""
    if not any(toks[s].i <= head.i <= toks[e - 1].i for s, e, _, _ in matches):
        return str(head.lemma_).lower() in _NOT_PARTIES or head.lower_ in _NOT_PARTIES
    return head.lower_ == "state" and any(p.dep_ == "prep" and p.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ == "NOUN" for g in p.children) for p in head.children)


def _head_of_group(found: dict[int, list[Actor]], doc_text: str) -> None:
    """"Supporters of the Red Sea Alliance": one actor named after the group with the head's sector."""
    for head_i in sorted(found):
        actors = found.get(head_i, [])
        if len(actors) != 1 or actors[0].name != actors[0].text:
            continue
        a = actors[0]
        if a.text.split()[-1].lower() not in _MEMBER_HEADS or not a.sector:
            continue
        for other_i, others in list(found.items()):
            if other_i <= head_i or len(others) != 1:
                continue
            g = others[0]
            if g.name == g.text and not g.country and not g.sector:
                continue
            if g.start < a.end or doc_text[a.end:g.start].strip().lower() not in ("of", "of the"):
                continue
            # leaders or commanders of a rebel group are rebels, not a government or an army
            sector = g.sector if g.sector and a.sector in ("GOV", "MIL") else a.sector
            found[head_i] = [replace(a, name=g.name.removeprefix("the ").removeprefix("The "), country=g.country,
                                     sector=sector, code=(g.country or "~") + "".join(sector.split()))]
            del found[other_i]  # one party, named once
            break


def _of_country(doc: Any, found: dict[int, list[Actor]]) -> None:
    """"King Hassan of Morocco", "Sheikh Hamad of Qatar": the country named after the person (or people) is
    theirs, whatever the dictionary says of a name shared by others."""
    for head_i, actors in list(found.items()):
        head = doc[head_i]
        if len(actors) != 1 or head.pos_ != "PROPN" or not (actors[0].sector or head.tag_ == "NNPS"):
            continue  # a titled person, or a people ("the Albanians of southern Serbia")
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                place = found.get(pobj.i, [])
                if (pobj.dep_ == "pobj" and len(place) == 1 and place[0].country and not place[0].sector
                        and place[0].country != actors[0].country):
                    a, c = actors[0], place[0].country
                    found[head_i] = [replace(a, country=c, code=c + "".join((a.sector or "").split()))]


def _root(span_toks: list) -> Any:
    """The token of a matched name that the rest of the sentence attaches to: "Union" in "National Union for
    the Total Independence of Angola", "Yeltsin" in "President Boris Yeltsin"."""
    if len(span_toks) == 1:
        return span_toks[0]
    lo, hi = span_toks[0].i, span_toks[-1].i
    outside = [t for t in span_toks if (not lo <= t.head.i <= hi or t.head.i == t.i)
               and t.dep_ not in ("det", "case", "punct", "predet", "cc", "prep")]
    return outside[-1] if outside else span_toks[-1]  # "the United Nations": Nations, not "the"


def _anti(tok: Any) -> bool:
    """"anti-Syria", "anti-Taliban": the name is what the actor opposes, not who it is."""
    doc, i = tok.doc, tok.i
    if i >= 1 and doc[i - 1].lower_ in ("anti", "anti-"):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "anti"


def _acronym(entry: Entry, text: str) -> bool:
    """A short alias that stands for a longer name ("gia" for the Armed Islamic Group) written otherwise
    than in capitals: a name ("Gia"), not the acronym."""
    return (len(text) <= 4 and not text.isupper() and entry.kind != "country"
            and not entry.name.lower().startswith(text.lower()))


def _word(lower: str) -> str:
    if "-" in lower:
        for affix in _AFFIXES:
            if lower.endswith(affix):
                return lower[: -len(affix)]
    return lower


def _np_left(head: Any) -> int:
    lo = head.i  # type: ignore[attr-defined]
    for c in head.lefts:  # type: ignore[attr-defined]
        if c.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "predet"):
            lo = min(lo, c.left_edge.i)
    return lo
