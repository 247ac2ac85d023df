"""Read-only analytics routes over the store: dyad series and factions (``frontlines.analytics``).

Each request reads the events of its date window from the store and computes on them; the
same functions back the ``dyads`` and ``factions`` commands, so the API and CLI agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from pydantic import BaseModel

from .errors import ApiError, ErrorDetail, error_responses
from .params import DateQuery, date_window

#: at most this many events feed one analytics answer (newer ones first would bias; the window should be narrowed)
MAX_EVENTS = 200_000

MAX_POINTS = 50_000
PERIOD_DAYS = {"day": 1, "week": 7, "month": 28}

LevelParam = Literal["country", "sector", "name"]
PeriodParam = Literal["day", "week", "month"]


class DyadAnswer(BaseModel):
    actor: str
    vs: str | None
    by: str
    level: str
    partners: list[dict[str, Any]]
    points: list[dict[str, Any]]


class FactionAnswer(BaseModel):
    level: str
    start: str | None
    end: str | None
    factions: list[dict[str, Any]]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def _only(*names: str) -> Any:
    allowed = frozenset(names)

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise ApiError(422, "invalid_parameter", f"unknown query parameter {unknown[0]!r}",
                           details=[ErrorDetail(loc=["query", n], message="unknown parameter", type="extra_forbidden")
                                    for n in unknown])
    return check


def with_dyad_keys(event: dict[str, Any]) -> dict[str, Any]:
    """Add the analytics node names of the event's two sides (so a client can ask for its dyad)."""
    try:
        from ..analytics import dyads as dy  # noqa: PLC0415
    except ImportError:
        return event
    sources, targets = dy.sides(event)
    return {**event, "dyad_keys": {"sources": sources, "targets": targets}}


def install(app: FastAPI, call: Any, store: Any) -> bool:
    """Add /api/v1/dyads and /api/v1/factions when the analytics package is present."""
    try:
        from ..analytics import dyads as dy  # noqa: PLC0415
        from ..analytics import factions as fa  # noqa: PLC0415
    except ImportError:
        return False
    from ..store import EventQuery  # noqa: PLC0415

    def events(since: date | None, until: date | None) -> list[dict[str, Any]]:
        # a day of margin each side: vague dates are placed by dyads.event_day, not by the store's range
        q = EventQuery(since=(since - timedelta(days=1)).isoformat() if since and since > date.min else None,
                       until=(until + timedelta(days=1)).isoformat() if until and until < date.max else None)

        def read() -> list[dict[str, Any]]:
            out = []
            for i, ev in enumerate(store.iter_events(q)):
                if i >= MAX_EVENTS:
                    break
                out.append(ev)
            return out

        rows = call(read)
        return [e for e in rows if (d := dy.event_day(e)) is not None
                and (since is None or d >= since) and (until is None or d <= until)]

    @app.get("/api/v1/dyads", tags=["analytics"], response_model=DyadAnswer,
             responses=error_responses(422, 503),
             dependencies=[Depends(_only("actor", "vs", "by", "level", "event_date_from", "event_date_to"))])
    def dyads(actor: Annotated[str, Query(min_length=1, max_length=200, description="Actor name, ISO3 or 'SDN MIL'.")],
              vs: Annotated[str | None, Query(max_length=200, description="The other side (default: every partner).")]
              = None,
              by: Annotated[PeriodParam, Query(description="Period.")] = "week",
              level: Annotated[LevelParam, Query(description="Actor level.")] = "name",
              event_date_from: Annotated[str | None, DateQuery("First day (YYYY-MM-DD).")] = None,
              event_date_to: Annotated[str | None, DateQuery("Last day (YYYY-MM-DD).")] = None) -> DyadAnswer:
        """Per-period counts, Goldstein balance and fatalities between an actor and its partners."""
        since, until = date_window(event_date_from, event_date_to)
        if not actor.strip():
            raise ApiError(422, "invalid_parameter", "invalid actor: empty",
                           details=[ErrorDetail(loc=["query", "actor"], message="empty", type="value_error")])
        vs = vs.strip() or None if vs else None
        evs = events(since, until)
        # quiet periods are filled with zeros: only across the data's own span (a window from year 1
        # would otherwise mean a million empty days), and refused when still too many
        days = [d for d in map(dy.event_day, evs) if d]
        lo = max(since, min(days)) if since and days else None
        hi = min(until, max(days)) if until and days else None
        sparse = dy.dyad_series(evs, actor, vs, level=level, by=by, since=lo, until=hi, fill=False)
        if days:
            span = ((hi or max(days)) - (lo or min(days))).days // PERIOD_DAYS[by] + 1
            n = span * len({p.partner for p in sparse})
            if n > MAX_POINTS:
                raise ApiError(422, "too_many_points", f"{n:,} points: narrow the dates, pass vs, or use a longer by",
                               details=[ErrorDetail(loc=["query", "by"], message="too fine for this window",
                                                    type="value_error")])
        points = dy.dyad_series(evs, actor, vs, level=level, by=by, since=lo, until=hi) if sparse else []
        totals: dict[str, dict[str, float]] = {}
        for p in points:
            t = totals.setdefault(p.partner, {"events": 0.0, "conflict": 0.0, "cooperation": 0.0, "fatalities": 0.0})
            t["events"] += p.events
            t["conflict"] += p.conflict
            t["cooperation"] += p.cooperation
            t["fatalities"] += p.fatalities
        partners = [{"partner": k, **{n: round(v, 3) for n, v in t.items()}}
                    for k, t in sorted(totals.items(), key=lambda kv: (-kv[1]["events"], kv[0]))]
        return DyadAnswer(actor=actor, vs=vs, by=by, level=level, partners=partners,
                          points=[p.to_json() for p in points])

    @app.get("/api/v1/factions", tags=["analytics"], response_model=FactionAnswer,
             responses=error_responses(422, 503),
             dependencies=[Depends(_only("level", "event_date_from", "event_date_to"))])
    def factions(level: Annotated[LevelParam, Query(description="Actor level.")] = "name",
                 event_date_from: Annotated[str | None, DateQuery("First day (YYYY-MM-DD).")] = None,
                 event_date_to: Annotated[str | None, DateQuery("Last day (YYYY-MM-DD).")] = None) -> FactionAnswer:
        """The alignment network (cooperation minus conflict between actors) and its factions."""
        since, until = date_window(event_date_from, event_date_to)
        evs = events(since, until)
        g = fa.alignment_graph(evs, since=since, until=until, level=level)
        found = fa.detect_factions(g)
        days = [d for d in map(dy.event_day, evs) if d]
        win = fa.Window(since or (min(days) if days else date.min), until or (max(days) if days else date.min),
                        g, found)
        member_of = {n: i + 1 for i, f in enumerate(found) for n in f}
        return FactionAnswer(
            level=level, start=since.isoformat() if since else (min(days).isoformat() if days else None),
            end=until.isoformat() if until else (max(days).isoformat() if days else None),
            factions=[{"faction": i + 1, **win.describe(f)} for i, f in enumerate(found)],
            nodes=[{"id": n, "events": round(d["events"], 3), "faction": member_of.get(n)}
                   for n, d in sorted(g.nodes(data=True))],
            edges=[{"source": a, "target": b, **{k: round(v, 3) for k, v in d.items()}}
                   for a, b, d in sorted(g.edges(data=True))],
        )

    return True
