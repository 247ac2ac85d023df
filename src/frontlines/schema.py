"""JSON Schema of the records ``frontlines extract`` writes (events, statistics, errors)."""

from __future__ import annotations

from typing import Any

from .records import ATTRIBUTION_KINDS, FACTUALITY_LABELS

_STR = {"type": ["string", "null"]}
_INT = {"type": ["integer", "null"]}
_NUM = {"type": ["number", "null"]}


def _obj(props: dict[str, Any], required: list[str] | None = None, nullable: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": ["object", "null"] if nullable else "object", "properties": props,
                              "required": required if required is not None else list(props)}
    return schema


_SPAN = _obj({"text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}})
_ACTOR = _obj({"text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"},
               "name": _STR, "country": _STR, "sector": _STR, "code": _STR})
_PLACE = _obj({"text": _STR, "start": _INT, "end": _INT, "name": _STR, "geonames_id": _INT, "lat": _NUM,
               "lon": _NUM, "country": _STR, "admin1": _STR, "feature": _STR, "precision": _STR}, nullable=True)
_DATE = _obj({"text": _STR, "start": _STR, "end": _STR, "precision": {"type": "string"}},
             ["text", "start", "end", "precision"], nullable=True)
_QUANTITY = _obj({"low": _INT, "best": _INT, "high": _INT, "qualifier": _STR, "text": _STR},
                 ["low", "best", "high", "qualifier", "text"], nullable=True)
_ATTRIBUTION = _obj({"text": _STR, "name": _STR, "kind": {"enum": list(ATTRIBUTION_KINDS)}},
                    ["text", "name", "kind"], nullable=True)
_FACTUALITY = {"enum": [*FACTUALITY_LABELS, None]}

EVENT_SCHEMA: dict[str, Any] = {
    **_obj({
        "kind": {"const": "event"}, "event_id": {"type": "string"}, "doc_id": {"type": "string"},
        "evidence": _SPAN, "plover": _STR, "mode": _STR, "cameo": {"type": ["string", "null"], "pattern": r"^\d{2,4}$"},
        "quad_class": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
        "goldstein": {"type": ["number", "null"], "minimum": -10, "maximum": 10},
        "acled": _obj({"event_type": _STR, "sub_event_type": _STR}, nullable=True),
        "actors": {"type": "array", "items": _ACTOR}, "recipients": {"type": "array", "items": _ACTOR},
        "location": _PLACE, "date": _DATE, "fatalities": _QUANTITY, "injuries": _QUANTITY, "arrests": _QUANTITY,
        "factuality": _FACTUALITY, "certainty": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "attribution": _ATTRIBUTION,
    }),
    "title": "frontlines event",
}

STATISTIC_SCHEMA: dict[str, Any] = {
    **_obj({
        "kind": {"const": "statistic"}, "event_id": {"type": "string"}, "doc_id": {"type": "string"},
        "evidence": _SPAN, "measure": {"type": "string"}, "count": _QUANTITY, "population": _STR,
        "period": _DATE, "factuality": _FACTUALITY, "attribution": _ATTRIBUTION,
    }),
    "title": "frontlines statistic (cumulative toll)",
}

ERROR_SCHEMA: dict[str, Any] = {
    **_obj({"kind": {"const": "error"}, "doc_id": {"type": "string"}, "stage": {"type": "string"},
            "message": {"type": "string"}}),
    "title": "frontlines error (a document that could not be processed)",
}

RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "frontlines-record",
    "title": "frontlines extract record",
    "oneOf": [EVENT_SCHEMA, STATISTIC_SCHEMA, ERROR_SCHEMA],
}


def record_schema() -> dict[str, Any]:
    return RECORD_SCHEMA
