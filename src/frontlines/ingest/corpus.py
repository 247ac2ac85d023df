"""JSONL, JSON and CSV corpora: one document per record (``id``, ``text`` or ``html``, optional metadata)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import DocumentError

#: Records bigger than this are refused on their own; the rest of the corpus goes on.
MAX_RECORD_CHARS = 5_000_000
_FIELDS = ("id", "text", "html", "date", "source", "url", "title", "author")


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One corpus record before it becomes a Document (a typed carrier, not a dict)."""

    key: str  # where it came from: file:line
    id: str | None
    text: str | None
    html: str | None
    date: str | None
    source: str | None
    url: str | None
    title: str | None
    author: str | None


def _record(key: str, obj: object) -> RawRecord:
    if not isinstance(obj, dict):
        raise DocumentError(key, f"record is a JSON {type(obj).__name__}, expected an object")
    values: dict[str, str | None] = {}
    for name in _FIELDS:
        value = obj.get(name)
        if value is None or value == "":
            values[name] = None
        elif isinstance(value, str | int) and not isinstance(value, bool):
            values[name] = str(value)
        else:
            raise DocumentError(key, f"field {name!r} must be a string, got {type(value).__name__}")
    if values["text"] is None and values["html"] is None:
        raise DocumentError(values["id"] or key, "record has neither 'text' nor 'html'")
    for name in ("text", "html"):
        v = values[name]
        if v is not None and len(v) > MAX_RECORD_CHARS:
            raise DocumentError(values["id"] or key, f"record too long: {len(v):,} characters")
    return RawRecord(key=key, **values)  # type: ignore[arg-type]


def _loads(line: str) -> object:
    # parse_int/parse_constant guard against 10,000-digit numbers and NaN/Infinity tricks
    return json.loads(line, parse_int=_bounded_int, parse_constant=_no_constant)


def _bounded_int(s: str) -> int | str:
    return int(s) if len(s) <= 30 else s


def _no_constant(s: str) -> None:
    return None


def iter_jsonl(text: str, name: str) -> Iterator[RawRecord | DocumentError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        key = f"{name}:{lineno}"
        try:
            yield _record(key, _loads(line))
        except DocumentError as exc:
            yield exc
        except (ValueError, RecursionError) as exc:
            yield DocumentError(key, f"malformed JSON: {type(exc).__name__}: {str(exc)[:200]}")


def iter_json(text: str, name: str) -> Iterator[RawRecord | DocumentError]:
    try:
        data = _loads(text)
    except (ValueError, RecursionError) as exc:
        yield DocumentError(name, f"malformed JSON: {type(exc).__name__}: {str(exc)[:200]}")
        return
    items = data if isinstance(data, list) else [data]
    for i, obj in enumerate(items):
        try:
            yield _record(f"{name}[{i}]", obj)
        except DocumentError as exc:
            yield exc


def iter_csv(text: str, name: str) -> Iterator[RawRecord | DocumentError]:
    csv.field_size_limit(MAX_RECORD_CHARS + 1)
    reader = csv.DictReader(io.StringIO(text))
    try:
        for i, row in enumerate(reader, 2):
            try:
                yield _record(f"{name}:{i}", {k: v for k, v in row.items() if isinstance(k, str)})
            except DocumentError as exc:
                yield exc
    except csv.Error as exc:
        yield DocumentError(name, f"malformed CSV: {exc}")
