"""Query parameters of ``GET /api/v1/events``: ACLED-like names, validated, mapped to the store's EventQuery."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query, Request

from ..records import FACTUALITY_LABELS
from .errors import ApiError, ErrorDetail

MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000

FactualityParam = Literal["asserted", "reported", "speculated", "planned", "denied", "negated", "hypothetical"]
assert set(FactualityParam.__args__) == set(FACTUALITY_LABELS)  # type: ignore[attr-defined]

#: documented in the spec only: parse_bbox checks it with clearer messages (and the ranges)
_NUM = r"\s*-?\d{1,3}(\.\d+)?\s*"
BBOX_PATTERN = f"^{_NUM},{_NUM},{_NUM},{_NUM}$"


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The validated filters, before they become the store's EventQuery."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    actor: str | None = None
    type: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None
    factuality: str | None = None
    min_sources: int | None = None
    limit: int = 100
    offset: int = 0

    def to_query(self) -> object:
        from ..store import EventQuery  # noqa: PLC0415 - the store module is optional at import time

        return EventQuery(since=self.since, until=self.until, country=self.country, actor=self.actor,
                          type=self.type, bbox=self.bbox, text=self.text, factuality=self.factuality,
                          min_sources=self.min_sources, limit=self.limit, offset=self.offset)


def _bad(name: str, message: str) -> ApiError:
    return ApiError(422, "invalid_parameter", f"invalid {name}: {message}",
                    details=[ErrorDetail(loc=["query", name], message=message, type="value_error")])


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees (WGS84), west-south-east-north like GeoJSON."""
    if raw is None:
        return None
    if not re.fullmatch(BBOX_PATTERN, raw):
        raise _bad("bbox", "expected four decimal numbers: min_lon,min_lat,max_lon,max_lat")
    parts = tuple(float(p) for p in raw.split(","))
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise _bad("bbox", "expected four numbers: min_lon,min_lat,max_lon,max_lat")
    w, s, e, n = parts
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise _bad("bbox", "longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if w > e or s > n:
        raise _bad("bbox", "min_lon must not exceed max_lon, nor min_lat max_lat")
    return (w, s, e, n)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def DateQuery(description: str) -> Any:  # noqa: N802 - reads like FastAPI's Query
    """A calendar date as YYYY-MM-DD only (pydantic alone would also take "0" as a Unix timestamp)."""
    return Query(max_length=10, description=description, json_schema_extra={"pattern": ISO_DATE, "format": "date"})


def parse_date(name: str, raw: str | None) -> date | None:
    if raw is None:
        return None
    if not re.fullmatch(ISO_DATE, raw):
        raise _bad(name, "expected a calendar date YYYY-MM-DD")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _bad(name, f"{raw!r} is not a calendar date") from None


def date_window(raw_from: str | None, raw_to: str | None) -> tuple[date | None, date | None]:
    """The validated (event_date_from, event_date_to) pair."""
    since, until = parse_date("event_date_from", raw_from), parse_date("event_date_to", raw_to)
    if since and until and since > until:
        raise _bad("event_date_from", "event_date_from is after event_date_to")
    return since, until


#: every query parameter GET /api/v1/events understands; anything else is refused, so a misspelt
#: filter (``event_typ=``) answers 422 instead of silently returning every event
KNOWN_PARAMS = frozenset({"event_date_from", "event_date_to", "country", "actor", "event_type", "bbox", "q",
                          "factuality", "min_sources", "limit", "offset", "format"})


# The dependencies below are async (no I/O, microseconds of work): a plain def would make FastAPI hop
# to its thread pool for each of them on every request.
async def known_params_only(request: Request) -> None:
    unknown = sorted(set(request.query_params) - KNOWN_PARAMS)
    if unknown:
        raise ApiError(422, "invalid_parameter", f"unknown query parameter {unknown[0]!r}",
                       details=[ErrorDetail(loc=["query", name], message="unknown parameter", type="extra_forbidden")
                                for name in unknown])


async def event_filters(
    event_date_from: Annotated[str | None, DateQuery("Earliest event date (YYYY-MM-DD, inclusive).")] = None,
    event_date_to: Annotated[str | None, DateQuery("Latest event date (YYYY-MM-DD, inclusive).")] = None,
    country: Annotated[str | None, Query(max_length=64, description="ISO3 code or country name.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor name or code (substring).")] = None,
    event_type: Annotated[str | None, Query(max_length=100,
                                            description="ACLED event type or PLOVER category.")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat (degrees).",
                                      examples=["35.5,32.0,42.5,37.5"],
                                      json_schema_extra={"pattern": BBOX_PATTERN})] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence.")] = None,
    factuality: Annotated[FactualityParam | None, Query(description="Factuality label.")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000, description="Minimum reporting sources.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Events to skip.")] = 0,
) -> EventFilters:
    """FastAPI dependency: validated filters (a bad value raises a 422 in the one error shape)."""
    since, until = date_window(event_date_from, event_date_to)
    return EventFilters(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        country=_clean(country), actor=_clean(actor), type=_clean(event_type), bbox=parse_bbox(bbox),
        text=_clean(q), factuality=factuality, min_sources=min_sources, limit=limit, offset=offset,
    )
