"""Annotations to Parquet rows and back, exactly (every record field), without pickle.

Two datasets, both partitioned by month (``YYYY-MM`` of the event date, else the document date,
else ``unknown``):
- ``events/``: one row per event or statistic, the JSON contract's fields as columns (nested
  objects as JSON strings) plus ``record`` (the whole contract object as JSON);
- ``documents/``: one row per document, with ``annotation`` = the full annotation (document,
  sentences, actors, places, dates, quantities, events, statistics) as JSON of the record fields,
  which ``annotation_from_json`` turns back into the same records for ``store.add``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from .. import records as R
from ..serialize import records_of

#: Event-contract fields stored as plain Parquet columns; the other contract fields are JSON strings.
SCALARS = ("kind", "event_id", "doc_id", "source", "doc_date", "plover", "mode", "cameo", "quad_class",
           "goldstein", "factuality", "certainty", "negated", "measure", "population")
NESTED = ("evidence", "trigger", "acled", "actors", "recipients", "location", "date", "fatalities", "injuries",
          "arrests", "attribution", "count", "period")
UNKNOWN_MONTH = "unknown"


def month_of(record: dict[str, Any]) -> str:
    when = record.get("date") or record.get("period") or {}
    day = (when.get("start") if isinstance(when, dict) else None) or record.get("doc_date") or ""
    return day[:7] if len(day) >= 7 and day[4] == "-" else UNKNOWN_MONTH


def event_rows(ann: R.Annotation) -> list[dict[str, Any]]:
    rows = []
    for rec in records_of(ann):
        row: dict[str, Any] = {k: rec.get(k) for k in SCALARS}
        row.update({k: None if rec.get(k) is None else json.dumps(rec[k], ensure_ascii=False) for k in NESTED})
        row["record"] = json.dumps(rec, ensure_ascii=False)
        row["month"] = month_of(rec)
        rows.append(row)
    return rows


def document_row(ann: R.Annotation, content_hash: str) -> dict[str, Any]:
    data = {f.name: _plain(getattr(ann, f.name)) for f in dataclasses.fields(ann) if f.name not in ("doc", "done")}
    day = ann.document.date or ""
    return {"doc_id": ann.doc_id, "content_hash": content_hash, "n_events": len(ann.events),
            "annotation": json.dumps(data, ensure_ascii=False),
            "month": day[:7] if len(day) >= 7 else UNKNOWN_MONTH}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def annotation_from_json(text: str) -> R.Annotation:
    """The Annotation a ``documents`` row holds (``doc`` is None: stores never need the spaCy Doc)."""
    data = json.loads(text)
    ann = _build(R.Annotation, data)
    return dataclasses.replace(ann, done=frozenset(k for k in data if data[k]))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(R))


def _build(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {name: _value(hints[name], value) for name, value in data.items() if name in hints}
    return cls(**kwargs)


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_value(item, v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)  # type: ignore[arg-type]
    return value


def schema(kind: str) -> Any:
    """The fixed Arrow schema of the ``events`` or ``documents`` dataset: every part file agrees, even
    one whose rows leave a column empty (inferred types would differ and the dataset would not read)."""
    import pyarrow as pa  # noqa: PLC0415

    if kind == "documents":
        return pa.schema([("doc_id", pa.string()), ("content_hash", pa.string()), ("n_events", pa.int64()),
                          ("annotation", pa.string()), ("month", pa.string())])
    types_ = {"quad_class": pa.int64(), "goldstein": pa.float64(), "certainty": pa.float64(),
              "negated": pa.bool_()}
    fields = [(name, types_.get(name, pa.string())) for name in SCALARS]
    fields += [(name, pa.string()) for name in NESTED]
    return pa.schema([*fields, ("record", pa.string()), ("month", pa.string())])
