"""Records to the JSON contract (exact field names) and back. The one place the contract lives."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .records import (
    Actor,
    Annotation,
    Attribution,
    DateRange,
    ErrorRecord,
    Event,
    Place,
    Quantity,
    Sentence,
    Span,
    Statistic,
)

JSON = dict[str, Any]


def _span(span: Span | None) -> JSON | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _actor(a: Actor) -> JSON:
    return {"text": a.text, "start": a.start, "end": a.end, "name": a.name, "country": a.country,
            "sector": a.sector, "code": a.code}


def _place(p: Place | None) -> JSON | None:
    if p is None:
        return None
    return {"text": p.text, "start": p.start, "end": p.end, "name": p.name, "geonames_id": p.geonames_id,
            "lat": p.lat, "lon": p.lon, "country": p.country, "admin1": p.admin1, "feature": p.feature,
            "precision": p.precision}


def _date(d: DateRange | None) -> JSON | None:
    if d is None:
        return None
    return {"text": d.text, "start": d.start, "end": d.end, "precision": d.precision,
            "char_start": d.char_start, "char_end": d.char_end}


def _quantity(q: Quantity | None) -> JSON | None:
    if q is None:
        return None
    return {"low": q.low, "best": q.best, "high": q.high, "qualifier": q.qualifier, "text": q.text,
            "start": q.start, "end": q.end}


def _attribution(a: Attribution | None) -> JSON | None:
    if a is None:
        return None
    return {"text": a.text, "name": a.name, "kind": a.kind, "start": a.start, "end": a.end}


def event_to_json(e: Event, source: str | None = None, doc_date: str | None = None) -> JSON:
    return {
        "kind": "event", "event_id": e.event_id, "doc_id": e.doc_id, "source": source,
        "doc_date": doc_date, "evidence": _span(e.evidence), "trigger": _span(e.trigger),
        "plover": e.plover, "mode": e.mode, "cameo": e.cameo, "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "acled": ({"event_type": e.acled_event_type, "sub_event_type": e.acled_sub_event_type}
                  if e.acled_event_type else None),
        "actors": [_actor(a) for a in e.actors], "recipients": [_actor(a) for a in e.recipients],
        "location": _place(e.location), "date": _date(e.date),
        "fatalities": _quantity(e.fatalities), "injuries": _quantity(e.injuries), "arrests": _quantity(e.arrests),
        "factuality": e.factuality, "certainty": e.certainty, "attribution": _attribution(e.attribution),
        "negated": e.negated,
    }


def statistic_to_json(s: Statistic, source: str | None = None, doc_date: str | None = None) -> JSON:
    q = s.quantity
    return {
        "kind": "statistic", "event_id": s.stat_id, "doc_id": s.doc_id, "source": source, "doc_date": doc_date,
        "evidence": _span(s.evidence), "measure": q.kind, "count": _quantity(q), "population": s.population,
        "period": _date(s.period), "location": _place(s.location), "factuality": s.factuality,
        "attribution": _attribution(s.attribution),
    }


def sentence_to_json(s: Sentence) -> JSON:
    return {"sent_id": s.sent_id, "start": s.start, "end": s.end, "text": s.text, "block": s.block,
            "factuality": s.factuality, "certainty": s.certainty, "attribution": _attribution(s.attribution)}


def records_of(ann: Annotation) -> list[JSON]:
    """The extract output of one document: its events, then its statistics."""
    src, date = ann.document.source, ann.document.date
    return ([event_to_json(e, src, date) for e in ann.events]
            + [statistic_to_json(s, src, date) for s in ann.statistics])


def annotation_to_json(ann: Annotation) -> JSON:
    d = ann.document
    return {
        "doc_id": d.doc_id, "title": d.title, "url": d.url, "source": d.source, "date": d.date,
        "date_source": d.date_source, "text": d.text,
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in d.blocks],
        "sentences": [sentence_to_json(s) for s in ann.sentences],
        "actors": [_actor(a) for a in ann.actors],
        "places": [_place(p) for p in ann.places],
        "dates": [_date(x) for x in ann.dates],
        "quantities": [{"kind": q.kind, **(_quantity(q) or {})} for q in ann.quantities],
        "events": records_of(ann),
    }


def error_to_json(err: ErrorRecord) -> JSON:
    return {"kind": "error", **asdict(err)}
