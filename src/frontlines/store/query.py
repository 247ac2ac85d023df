"""Event queries: one dataclass of filters, turned into a WHERE clause for either backend."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from .dedupe import day_number
from .schema import NO_DAY

#: PLOVER 0.8 event types (facts from the PLOVER ontology, CC BY-SA)
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
})


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters over canonical events; every filter given must hold (AND)."""

    since: str | None = None  # ISO date; events whose date range ends on or after it
    until: str | None = None  # ISO date; events whose date range starts on or before it
    country: str | None = None  # ISO3, ISO2 or a country name (location country)
    actor: str | None = None  # actor name (substring), CAMEO actor code prefix, or ISO3 country of an actor
    type: str | None = None  # PLOVER type, CAMEO code prefix, or ACLED event/sub-event type
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    text: str | None = None  # full-text search over the evidence sentences
    factuality: str | None = None  # one label or several, comma separated
    min_sources: int | None = None
    limit: int = 100
    offset: int = 0


def country_code(value: str) -> str:
    """ISO3 for an ISO3/ISO2 code or a country name; unknown values pass through upper-cased."""
    v = value.strip()
    try:
        import pycountry

        if len(v) == 3 and v.isalpha():
            hit = pycountry.countries.get(alpha_3=v.upper())
        elif len(v) == 2 and v.isalpha():
            hit = pycountry.countries.get(alpha_2=v.upper())
        else:
            hit = pycountry.countries.lookup(v)
        if hit is not None:
            return str(hit.alpha_3)
    except (LookupError, ImportError):
        pass
    return v.upper()


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word must occur (quoted, so operators in user text are literal)."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError as exc:
        raise StoreError(f"bad bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat") from exc
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise StoreError(f"bad bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat")
    return parts  # type: ignore[return-value]


def build_where(q: EventQuery, dialect: str) -> tuple[str, list[Any]]:
    """SQL condition over ``canonical c`` and its parameters."""
    conds: list[str] = []
    params: list[Any] = []
    d0 = day_number(q.since) if q.since else None
    d1 = day_number(q.until, end=True) if q.until else None
    if q.since and d0 is None or q.until and d1 is None:
        raise StoreError(f"bad date in since/until: {q.since!r}, {q.until!r}")
    if d0 is not None:
        conds.append("c.day_end >= ?")
        params.append(d0)
    if d1 is not None:
        conds.append("c.day_start <= ?")
        params.append(d1)
    if q.bbox is not None:
        x0, y0, x1, y1 = q.bbox
        if dialect == "sqlite":
            # the R*Tree holds (lon, lat, day): one index probe answers bbox and dates together
            sub = ("c.id IN (SELECT id FROM canonical_rtree WHERE min_lon >= ? AND max_lon <= ?"
                   " AND min_lat >= ? AND max_lat <= ?")
            sub_params: list[Any] = [x0, x1, y0, y1]
            if d0 is not None:
                sub += " AND max_day >= ?"
                sub_params.append(d0)
            if d1 is not None:
                sub += " AND min_day <= ?"
                sub_params.append(min(d1, NO_DAY - 1))
            conds.append(sub + ")")
            params += sub_params
        else:
            conds.append("c.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)")
            params += [x0, y0, x1, y1]
        # R*Tree boxes are float32 and rounded outwards: check the exact coordinates too
        conds.append("c.lon >= ? AND c.lon <= ? AND c.lat >= ? AND c.lat <= ?")
        params += [x0, x1, y0, y1]
    if q.text and q.text.strip():
        if dialect == "sqlite":
            query = fts_query(q.text)
            if query:
                conds.append("c.id IN (SELECT rowid FROM canonical_fts WHERE canonical_fts MATCH ?)")
                params.append(query)
        else:
            conds.append("c.tsv @@ plainto_tsquery('english', ?)")
            params.append(q.text)
    if q.country:
        conds.append("c.country = ?")
        params.append(country_code(q.country))
    if q.actor:
        v = q.actor.strip()
        conds.append("c.canonical_id IN (SELECT e.canonical_id FROM events e JOIN event_actors a"
                     " ON a.event_id = e.event_id WHERE a.norm LIKE ? OR upper(a.code) LIKE ? OR a.country = ?)")
        params += [f"%{v.lower()}%", f"{v.upper()}%", v.upper()]
    if q.type:
        v = q.type.strip()
        if v.isdigit():
            conds.append("c.cameo LIKE ?")
            params.append(f"{v}%")
        elif v.upper() in PLOVER_TYPES:
            conds.append("c.plover = ?")
            params.append(v.upper())
        else:
            conds.append("(lower(c.acled_event_type) = ? OR lower(c.acled_sub_event_type) = ?)")
            params += [v.lower(), v.lower()]
    if q.factuality:
        labels = [x.strip() for x in q.factuality.split(",") if x.strip()]
        conds.append(f"c.factuality IN ({', '.join('?' * len(labels))})")
        params += labels
    if q.min_sources is not None:
        conds.append("c.n_sources >= ?")
        params.append(q.min_sources)
    return (" AND ".join(conds) or "1 = 1"), params
