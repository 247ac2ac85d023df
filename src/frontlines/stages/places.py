"""Place stage: toponyms to GeoNames entries, and each event's location with its precision.

Finding and resolving live in ``frontlines.geo``; this stage turns the resolutions into
``Place`` records and attaches one to every event: the place in the event's own clause
("clashed ... in Kut"), else the nearest in its sentence, else the document's main place with a
coarser precision. Places standing for governments ("Washington said") never locate an event.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..geo.demonyms import Demonyms
from ..geo.gazetteer import Gazetteer
from ..geo.metonymy import is_metonymic
from ..geo.resolve import Resolution, Resolver, Weights
from ..geo.toponyms import ToponymFinder
from ..records import Annotation, Event, Place

# a place borrowed from the document rather than the event's own sentence is only known roughly
_COARSER = {"city": "admin2", "admin2": "admin1", "admin1": "admin1", "country": "country"}


@dataclass(frozen=True, slots=True)
class Located:
    """A place record plus what the stage knows about how it is used."""

    place: Place
    metonymic: bool
    token: int | None  # index of the mention's syntactic head in the spaCy Doc
    source: str = "ner"  # how it was found (dateline, ner, gazetteer, org, context, demonym)
    role: str = "other"  # locative ("in Kut"), modifier ("U.S. planes", "Kut police") or other


def place_of(r: Resolution) -> Place:
    m, c = r.mention, r.candidate
    if c is None:
        return Place(text=m.text, start=m.start, end=m.end, precision="unknown")
    return Place(text=m.text, start=m.start, end=m.end, name=c.name, geonames_id=c.gid, lat=c.lat, lon=c.lon,
                 country=c.iso3, admin1=c.admin1_name, feature=c.feature, precision=c.precision, score=r.score)


class PlaceStage:
    name = "places"
    requires = frozenset({"doc", "sentences", "events"})
    assigns = frozenset({"places", "events"})

    def __init__(self, gazetteer: Gazetteer, *, country_bias: str | None = None,
                 weights: Weights | None = None) -> None:
        demonyms = Demonyms(gazetteer)
        self.finder = ToponymFinder(gazetteer, demonyms=demonyms)
        self.resolver = Resolver(gazetteer, country_bias=country_bias, weights=weights, demonyms=demonyms)

    def locate(self, doc: Any, *, demonyms: bool = False) -> list[Located]:
        """Every toponym in the parsed document with its resolution (``geonames_id`` None = no match).

        Demonyms ("Iraqi") are found and resolved as context for the other names but only
        returned when asked (geoparsing benchmarks score them; events never use them).
        """
        mentions = self.finder.find(doc)
        resolved = self.resolver.resolve(mentions)
        context = {(r.candidate.cc, r.candidate.admin1) for r in resolved
                   if r.candidate is not None and r.candidate.cc and r.mention.source != "demonym"}
        context |= {(cc, None) for cc, _ in context}
        # names placed on firm evidence (a place entity, a dateline, "Town, State") count again wherever they
        # recur, unless NER also reads the name as a person ("Salah" the striker, not the village)
        people = {e.text for e in self.finder.entities(doc) if e.label_ == "PERSON"}
        known: dict[str, bool] = {}
        for r in resolved:
            m = r.mention
            if r.candidate is not None and (m.within is not None or m.source in ("ner", "dateline")
                                            and m.text not in people):
                known[m.text] = known.get(m.text, False) or m.within is not None
        extra = self.finder.context_pass(doc, mentions, context, known=known)
        if extra:
            resolved = self.resolver.resolve(sorted([*mentions, *extra], key=lambda m: m.start))
        out = []
        for r in resolved:
            if r.mention.source == "demonym" and not demonyms:
                continue
            span = doc.char_span(r.mention.start, r.mention.end, alignment_mode="expand")
            root = span.root if span is not None else None
            metonymic = r.mention.metonymic or (span is not None and is_metonymic(span))
            out.append(Located(place_of(r), metonymic, root.i if root is not None else None,
                               r.mention.source, _role(root)))
        return out

    def __call__(self, ann: Annotation) -> Annotation:
        located = self.locate(ann.doc)
        main: list[Place | None] = []  # the document's main place, worked out once (for the first event needing it)
        events = tuple(self._attach(ann.doc, e, located, main) for e in ann.events)
        return replace(ann, places=tuple(x.place for x in located), events=events)

    @staticmethod
    def main_place(located: list[Located]) -> Place | None:
        """The document's main place: the most-mentioned, counting a mention of a country or province
        as half a mention of each place inside it (so "Kut ... Wasit ... Iraq" gives Kut), then the
        earliest. Places standing for governments are left out."""
        usable = [x.place for x in located
                  if x.place.geonames_id is not None and not x.metonymic and x.source != "modifier"]
        if not usable:
            return None
        counts = Counter(p.geonames_id for p in usable)
        distinct = list({q.geonames_id: q for q in usable}.values())

        def support(p: Place) -> float:
            s = float(counts[p.geonames_id])
            for q in distinct:
                if q.geonames_id == p.geonames_id or q.country != p.country:
                    continue
                if q.precision == "country" or (q.precision == "admin1" and p.precision in ("city", "admin2")
                                                and q.admin1 == p.admin1):
                    s += 0.5 * counts[q.geonames_id]
            return s

        return max(usable, key=lambda p: (support(p), -p.start))

    def _attach(self, doc: Any, event: Event, located: list[Located], main_memo: list[Place | None] | None = None,
                ) -> Event:
        ev = event.evidence
        # the sentence's places, less governments ("Washington said"), the reporter's dateline and
        # nationalities in disguise ("U.S. planes")
        inside = [x for x in located if ev.start <= x.place.start and x.place.end <= ev.end
                  and x.place.geonames_id is not None and not x.metonymic
                  and x.source not in ("dateline", "modifier")
                  and not (x.role == "modifier" and x.place.precision == "country")]
        if inside:
            trig = doc.char_span(event.trigger.start, event.trigger.end,
                                 alignment_mode="expand")
            trig_i = trig.root.i if trig is not None else None

            def rank(x: Located) -> tuple[int, int, int]:
                steps = _steps_to(doc, x.token, trig_i)
                return ({"locative": 0, "other": 1}.get(x.role, 2), steps if steps is not None else 99,
                        abs(x.place.start - event.trigger.start))

            return replace(event, location=min(inside, key=rank).place)
        if main_memo is None:
            main = self.main_place(located)
        else:
            if not main_memo:
                main_memo.append(self.main_place(located))
            main = main_memo[0]
        if main is None:
            return event
        return replace(event, location=replace(main, precision=_COARSER.get(main.precision or "", main.precision)))


def _steps_to(doc: Any, token: int | None, target: int | None, limit: int = 6) -> int | None:
    """How many head links lead from ``token`` up to ``target`` (None if it is not an ancestor)."""
    if token is None or target is None:
        return None
    t = doc[token]
    for steps in range(limit):
        if t.i == target:
            return steps
        if t.head.i == t.i:
            return None
        t = t.head
    return None


_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "around", "across", "throughout",
                             "within", "from", "toward", "towards", "through", "on", "along", "over", "between"})


def _role(token: Any) -> str:
    """How a place name sits in its clause: object of a locative preposition, a noun modifier, or other."""
    if token is None:
        return "other"
    t = token
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:  # "in Kut and Diwaniyah", "in Kut, Wasit"
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE_PREPS:
        return "locative"
    if t.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and t.head.pos_ in ("NOUN", "PROPN"):
        return "modifier"
    return "other"
