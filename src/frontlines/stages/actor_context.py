"""Sentence context for coded actors: where peoples act, organisations the dictionary lacks, titles in
apposition, and the country generic agents take from their sentence or report.

Split from ``actors.py``; these helpers work on the actors a sentence's dictionary matches produced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from ..coding.actor_dict import Coded, Entry, is_nonstate, pick_code, split_code
from ..coding.syntax import np_head
from ..records import Actor

#: Prepositions after which a bare place name is a location, not an actor ("fighting in Kabul").
LOCATIVE = frozenset({"in", "at", "near", "across", "inside", "outside", "throughout", "around", "from", "into",
                       "between", "along", "within", "towards", "toward", "over", "through"})


#: Heads that make a nationality adjective an ethnicity ("the Albanian population", "the Turkish minority").
_PEOPLE_HEADS = frozenset({"population", "populations", "minority", "minorities", "community", "communities",
                           "majority"})


def sentence_places(toks: list, matches: list[tuple[int, int, Entry | None, str | None]],
            date: str | None) -> list[tuple[str, bool]]:
    """Countries the sentence names as places or nations, in order, each with whether it is the object of a
    locative preposition ("in Serbia", "near Macedonia's border")."""
    out = []
    for _s, e, entry, _ in matches:
        if entry is None or entry.kind != "country":
            continue
        c = split_code(pick_code(entry, date))
        if c.country is None or c.sectors or is_nonstate(c.country):
            continue
        head = np_head(toks[e - 1])
        out.append((c.country, head.dep_ == "pobj" and head.head.lower_ in LOCATIVE))
    return out


def place_peoples(coded: list, span: Any, places: list[tuple[str, bool]]) -> None:
    """Peoples take the country where they act, as event coders code them: "ethnic Albanians in Serbia" is
    SRB, "Hutu rebels" in a sentence about Burundi BDI, "Tamil refugees" with no place named LKA."""
    ethnic_np = any(t.lower_ == "ethnic" for t in span) or span[-1].lower_ in _PEOPLE_HEADS
    state = [x for x in coded if x[2].kind != "ethnic" and x[3].country]
    for k, (s, e, entry, c) in enumerate(coded):
        if entry.kind == "ethnic":
            if state:
                continue  # "Iraqi Kurds", "Turkish Kurd refugees": the state named with them
            # a place it is in, else the one country the sentence names ("Shona rebels' demands on the
            # Mozambique government"), else its home, else the country the sentence names most
            named = {country for country, _ in places}
            only = next(iter(named)) if len(named) == 1 else None
            where = _where(places, None, True) or only or c.country or _where(places, None)
        elif ethnic_np and entry.kind == "country" and c.country and not is_nonstate(c.country) \
                and not c.sectors and len(state) == 1:
            where = _where(places, c.country)  # "ethnic Albanians", "the Albanian population"
        else:
            continue
        if where and where != c.country:
            coded[k] = (s, e, entry, Coded((where or "~") + "".join(c.sectors), where, c.sectors))


def _where(places: list[tuple[str, bool]], own: str | None, locative_only: bool = False) -> str | None:
    """The country a people acts in: a locative place first, else the sentence's most named other country."""
    for country, locative in places:
        if locative and country != own:
            return country
    if locative_only:
        return None
    counts: dict[str, int] = {}
    for country, _ in places:
        if country != own:
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None  # ties: first named (dicts keep order)


#: Heads of organisation names ("the Third World Water Forum", "the Association of African Jurists").
_ORG_HEADS = frozenset({"association", "committee", "forum", "federation", "foundation", "institute", "society",
                        "league", "network", "organization", "organisation", "watch", "centre", "center", "trust",
                        "initiative", "campaign", "coalition"})


#: Words that make an organisation a country's own (parties, state bodies), not an NGO.
_DOMESTIC_ORG = frozenset({"national", "republican", "democratic", "federal", "state", "provincial", "party",
                           "municipal", "county", "city"})


def organisations(ents: list, toks: list, matches: list[tuple[int, int, Entry | None, str | None]],
                   found: dict[int, list[Actor]], doc_text: str) -> None:
    """Organisations the dictionary lacks and that name no country: non-governmental (PLOVER's NGO), with
    the sector of an agent in the name ("Association of African Jurists": NGO JUD)."""
    at = {t.i: k for k, t in enumerate(toks)}
    for ent in ents:
        root = ent.root
        if ent.label_ != "ORG" or root.lower_ not in _ORG_HEADS or not root.text[:1].isupper() \
                or any(t.lower_ in _DOMESTIC_ORG for t in ent):
            continue  # "the Republican National Committee": a domestic body, not an NGO
        idx = [at[t.i] for t in ent if t.i in at]
        inside = [m for m in matches if idx and idx[0] <= m[0] and m[1] <= idx[-1] + 1]
        if any(m[2] is not None for m in inside) or any(a.country for a in found.get(root.i, ())):
            continue  # a named body or country inside: the dictionary's coding stands
        sectors: list[str] = []
        for m in inside:
            for sec in split_code("~" + (m[3] or "").lstrip("~")).sectors:
                if sec not in sectors and sec not in ("GOV", "UNK"):
                    sectors.append(sec)
        first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
        start, end = first.idx, ent[-1].idx + len(ent[-1].text)
        text = doc_text[start:end]
        found[root.i] = [Actor(text=text, start=start, end=end, name=text, country="NGO",
                               sector=" ".join(sectors) or None, code="NGO" + "".join(sectors))]


#: Sectors of agents that belong to a state when nothing says otherwise ("police", "rebels", "protesters").
_DOMESTIC = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "CVL", "PTY", "SPY", "PRM", "UAF", "CRM",
                       "REF", "EDU", "LAB", "BUS", "JRN", "MED", "AGR", "REL", "ELI", "SOC"})


def domestic(actors: list[Actor], default: str | None = None,
              agent_head: Callable[[Actor], bool] | None = None) -> list[Actor]:
    """Generic agents take the country of a sentence that names only one ("police fired on protesters in
    Cizre": TUR COP, TUR CVL), as ICEWS-style coders assume for domestic actors; ``default`` (the report's
    country) serves a sentence that names none. ``agent_head`` tells an agent ("the rebels") from a thing an
    agent word only modifies ("a military operation"), which has no country to take."""
    countries = {a.country for a in actors if a.country and not is_nonstate(a.country)}
    if not countries and default:
        countries = {default}
    if len(countries) != 1:
        return actors
    (country,) = tuple(countries)
    out = []
    for a in actors:
        sectors = (a.sector or "").split()
        if a.country is None and sectors and set(sectors) <= _DOMESTIC and _generic(a) \
                and (agent_head is None or agent_head(a)):
            a = replace(a, country=country, code=country + "".join(sectors))
        out.append(a)
    return out


def _generic(a: Actor) -> bool:
    """An agent or a group the dictionary lacks ("police", "the Kordofan Revolutionary Front"), not a named
    actor whose code has no country (a former official, "ELI")."""
    return (a.code or "~").startswith("~")


def dominant(actors: Iterable[Actor]) -> str | None:
    """The country a report is about: named at least twice and in at least 60% of country mentions."""
    counts: dict[str, int] = {}
    for a in actors:
        if a.country and not is_nonstate(a.country) and not (a.code or "~").startswith("~"):
            counts[a.country] = counts.get(a.country, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] >= 2 and counts[best] >= 0.6 * sum(counts.values()) else None


def appositions(doc: Any, ents: list, found: dict[int, list[Actor]], doc_text: str) -> None:
    """"Jan Egeland, the UN relief coordinator," / "the UN envoy, Lakhdar Brahimi": a person in apposition
    to a title acts in that office: for an international body always, for a country when the dictionary
    does not know the person (who then becomes an actor)."""
    people_at = {e.root.i: e for e in ents if e.label_ == "PERSON"}

    def actor_at(t: Any) -> Actor | None:
        acts = found.get(t.i)
        if acts is None:
            return _person_actor(people_at[t.i], doc_text) if t.i in people_at else None
        return acts[0] if len(acts) == 1 else None

    for head_i in [i for i in found if doc[i].dep_ == "appos"] + [i for i in people_at if i not in found]:
        t1 = doc[head_i]
        t2 = t1.head if t1.dep_ == "appos" else next((c for c in t1.children if c.dep_ == "appos"), None)
        if t2 is None or t2.i == t1.i:
            continue
        a1, a2 = actor_at(t1), actor_at(t2)
        if a1 is None or a2 is None:
            continue
        pair = [(t1, a1), (t2, a2)]
        # a person: a name the dictionary lacks, or knows with a role (not a place: "Liberia, the WFP said")
        people = [(t, a) for t, a in pair if _named(t) and (a.sector or t.ent_type_ not in ("GPE", "LOC"))]
        titles = [(t, a) for t, a in pair if not _named(t) and a.country]
        if len(people) != 1 or len(titles) != 1:
            continue
        (pt, person), (_, title) = people[0], titles[0]
        if title.country == person.country and not person.sector and title.sector:
            # "Kofi Annan, UN secretary-general": the body known, the office from the title
            found[pt.i] = [replace(person, sector=title.sector,
                                   code=(person.country or "") + "".join(title.sector.split()))]
            continue
        if title.country == person.country or person.country is not None and title.country != "IGO":
            continue
        sectors = (title.sector or person.sector or "").split()
        found[pt.i] = [replace(person, country=title.country, sector=" ".join(sectors) or None,
                               code=(title.country or "") + "".join(sectors))]


def _named(tok: Any) -> bool:
    """A person's name (spaCy PERSON, or a bare proper name: "Oshima"), not a title ("the ... Coordinator",
    "UN secretary-general")."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("ORG", "NORP") \
        and not any(c.dep_ in ("det", "poss") for c in tok.children)


def _person_actor(ent: Any, doc_text: str) -> Actor:
    """An actor for a person the dictionary does not know (no country or sector of its own)."""
    start, end = ent[0].idx, ent[-1].idx + len(ent[-1].text)
    text = doc_text[start:end]
    return Actor(text=text, start=start, end=end, name=text, country=None, sector=None, code=None)
