"""Events as an RFC 7946 FeatureCollection with flat properties (what GIS tools read best)."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


def event_type(event: JSON) -> str | None:
    """The label the dashboard colours by: the PLOVER category (what the store's stats count), else ACLED's."""
    acled = event.get("acled") or {}
    return event.get("plover") or acled.get("event_type")


def _names(actors: list[JSON] | None) -> str | None:
    names = [a.get("name") or a.get("text") for a in actors or []]
    return "; ".join(n for n in names if n) or None


def properties(event: JSON) -> JSON:
    loc = event.get("location") or {}
    date = event.get("date") or {}
    fat = event.get("fatalities") or {}
    attribution = event.get("attribution") or {}
    acled = event.get("acled") or {}
    evidence = event.get("evidence") or {}
    return {
        "event_id": event.get("canonical_id") or event.get("event_id"),
        "event_date": date.get("start") or event.get("doc_date"),
        "date_precision": date.get("precision"),
        "event_type": event_type(event),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "cameo": event.get("cameo"),
        "actor1": _names(event.get("actors")),
        "actor2": _names(event.get("recipients")),
        "location": loc.get("name") or loc.get("text"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "geo_precision": loc.get("precision"),
        "fatalities": fat.get("best"),
        "factuality": event.get("factuality"),
        "certainty": event.get("certainty"),
        "attribution": attribution.get("name"),
        "n_sources": event.get("n_sources"),
        "source": event.get("source"),
        "doc_id": event.get("doc_id"),
        "evidence": evidence.get("text"),
    }


def feature(event: JSON) -> JSON:
    loc = event.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    geometry = ({"type": "Point", "coordinates": [lon, lat]}
                if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) else None)
    return {"type": "Feature", "id": event.get("canonical_id") or event.get("event_id"), "geometry": geometry, "properties": properties(event)}


def feature_collection(events: list[JSON], *, total: int, limit: int, offset: int) -> JSON:
    return {"type": "FeatureCollection", "features": [feature(e) for e in events],
            "total": total, "limit": limit, "offset": offset}
