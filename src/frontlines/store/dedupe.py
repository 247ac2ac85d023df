"""Cross-report dedupe: decide whether a new event mention reports an already stored real-world event.

Two mentions are the same event when their types are compatible, their dates overlap (with a
tolerance), their locations are within a distance and their actors overlap. A missing side of a
criterion (no location, no actors) neither confirms nor refutes, but ``min_evidence`` of the three
(same place within ``max_km``, shared actors, the same exact day) must positively agree, so that
two undescribed "attacks" in the same week do not merge.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from ..records import Actor, Event

#: place precisions too coarse for a distance test (their coordinates are centroids)
COARSE = frozenset({"country", "admin1", "unknown"})

#: words that say what kind of actor, not which one ("Russian forces" ~ "Russian troops")
_GENERIC = frozenset("""
the a an of and in on at for by from with to its their his her our
forces force troops troop soldiers soldier army military militants militant fighters fighter gunmen gunman
men group groups members member officials official authorities authority government police officers officer
security unit units personnel people residents civilians civilian protesters protester demonstrators
state regime side
mr mrs ms dr sen senator rep representative president minister prime former leader leaders spokesman spokeswoman
spokesperson chief head secretary general gen col lt capt governor mayor commander director chairman deputy
""".split())


@dataclass(frozen=True, slots=True)
class DedupeConfig:
    """Thresholds; the defaults were chosen on the team's dedupe test set (tests/data/dedupe_*.jsonl)."""

    enabled: bool = True
    max_km: float = 40.0  # two point locations further apart are different events
    veto_km: float = 50.0  # a cluster member placed further away (or max_km, if larger) vetoes a merge
    date_tolerance_days: int = 1  # reports a day apart ("yesterday") still overlap
    max_span_days: int = 7  # a vaguer date (a month, a year) cannot place two reports on one event
    min_evidence: int = 2  # how many of (same place, shared actors, same exact day) must agree
    min_actor_overlap: float = 0.0  # overlap above this counts as agreement when the places agree
    min_actor_overlap_unlocated: float = 0.5  # ... and when no precise place confirms the match


@dataclass(frozen=True, slots=True)
class Features:
    """What dedupe compares, computed once per mention (and stored, so canonicals can be matched in SQL)."""

    plover: str | None
    cameo_root: str | None
    acled: str | None
    day_start: int | None
    day_end: int | None
    lat: float | None
    lon: float | None
    country: str | None
    precision: str | None
    actor_keys: frozenset[str]
    admin1: str | None = None


def day_number(iso: str | None, *, end: bool = False) -> int | None:
    """Proleptic ordinal day of an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD...``)."""
    if not iso:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day)).toordinal()
        if month:
            if not end:
                return date(year, int(month), 1).toordinal()
            nxt = date(year + (int(month) == 12), int(month) % 12 + 1, 1)
            return nxt.toordinal() - 1
        return date(year, 12, 31).toordinal() if end else date(year, 1, 1).toordinal()
    except ValueError:
        return None


def iso_day(n: int | None) -> str | None:
    return None if n is None else date.fromordinal(n).isoformat()


def normalize_actor(actor: Actor) -> set[str]:
    """Keys under which two actor mentions count as the same actor."""
    keys: set[str] = set()
    # a role-only code ("~GOV": some official) says what kind of actor, not which one
    if actor.code and not actor.code.startswith("~"):
        keys.add("code:" + actor.code.upper())
    words = [w for w in re.findall(r"[a-z0-9]+", (actor.name or actor.text or "").lower()) if w not in _GENERIC]
    for w in words:
        keys.add("w:" + (w[:-1] if len(w) > 4 and w.endswith("s") else w))
    if not keys and actor.country:
        # a bare "government forces" with a country: the country plus the sector identifies it
        keys.add(f"c:{actor.country}:{actor.sector or ''}")
    return keys


def features(event: Event, doc_date: str | None) -> Features:
    if event.date is not None and (event.date.start or event.date.end):
        d0 = day_number(event.date.start or event.date.end)
        d1 = day_number(event.date.end or event.date.start, end=True)
    else:
        # undated: news reports what happened that day or the day before
        d1 = day_number(doc_date)
        d0 = d1 - 1 if d1 is not None else None
    loc = event.location
    keys: set[str] = set()
    for a in (*event.actors, *event.recipients):
        keys |= normalize_actor(a)
    lat = loc.lat if loc is not None else None
    lon = loc.lon if loc is not None else None
    return Features(
        plover=event.plover, cameo_root=(event.cameo or "")[:2] or None, acled=event.acled_event_type,
        day_start=d0, day_end=d1 if d1 is not None and d0 is not None and d1 >= d0 else d0,
        lat=lat, lon=lon, country=loc.country if loc is not None else None,
        precision=(loc.precision or "unknown") if loc is not None and lat is not None else None,
        actor_keys=frozenset(keys), admin1=_fold(loc.admin1) if loc is not None else None)


def _fold(name: str | None) -> str | None:
    """Accent- and case-free, so "Ḩalab" and "Halab" compare equal."""
    if not name:
        return None
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def types_compatible(a: Features, b: Features) -> bool:
    if a.plover and b.plover:
        # PLOVER is the primary typology; coders pick different CAMEO roots (shell 194, kill 20x) for one attack
        return a.plover == b.plover
    if a.cameo_root and b.cameo_root:
        return a.cameo_root == b.cameo_root
    return bool(a.acled and a.acled == b.acled)


def codes_agree(x: str, y: str) -> bool:
    """CAMEO-style codes are a 3-letter entity plus 3-letter roles: RUS (Russia) agrees with RUSMIL
    (its military), SDNGOVMIL with SDNLEGMIL (both name the military); SDNMIL and SDNPRM do not."""
    if x[:3] != y[:3]:
        return False
    rx = {x[i:i + 3] for i in range(3, len(x), 3)}
    ry = {y[i:i + 3] for i in range(3, len(y), 3)}
    return not rx or not ry or bool(rx & ry)


def actor_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient |A & B| / min(|A|, |B|): a report naming one side of a two-sided clash
    still fully agrees with a canonical event that names both."""
    # codes and name words are separate vocabularies: compare code sets when both sides have codes
    ca = sorted(k[5:] for k in a if k.startswith("code:"))
    cb = sorted(k[5:] for k in b if k.startswith("code:"))
    if ca and cb:
        small, big = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        hits = sum(1 for x in small if any(codes_agree(x, y) for y in big))
        return hits / len(small)
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def place_conflict(new: Features, old: Features, cfg: DedupeConfig) -> bool:
    """Do two mentions name clearly different places? Points further apart than the veto distance, or,
    where a side has no precise point, a different country or province. A missing place never conflicts."""
    coords = new.lat is not None and old.lat is not None and new.lon is not None and old.lon is not None
    if coords and new.precision not in COARSE and old.precision not in COARSE:
        return haversine_km(new.lat, new.lon, old.lat, old.lon) > max(cfg.veto_km, cfg.max_km)  # type: ignore[arg-type]
    if new.country and old.country and new.country != old.country:
        return True
    # a country-level place says nothing about the province
    return bool(new.admin1 and old.admin1 and new.admin1 != old.admin1
                and "country" not in (new.precision, old.precision))


def match_score(new: Features, old: Features, cfg: DedupeConfig) -> float | None:
    """None when the two cannot be the same event, else a score (higher = more alike)."""
    if not types_compatible(new, old):
        return None
    if new.day_start is None or old.day_start is None or new.day_end is None or old.day_end is None:
        return None
    tol = cfg.date_tolerance_days
    if new.day_start > old.day_end + tol or old.day_start > new.day_end + tol:
        return None
    if max(new.day_end - new.day_start, old.day_end - old.day_start) > cfg.max_span_days:
        return None
    score = 0.0
    located = False
    # location
    if new.lat is not None and old.lat is not None and new.lon is not None and old.lon is not None:
        coarse = new.precision in COARSE or old.precision in COARSE
        if coarse:
            # a province or country centroid: no distance, but the province and country must agree
            if new.country and old.country and new.country != old.country:
                return None
            if (new.admin1 and old.admin1 and new.admin1 != old.admin1
                    and "country" not in (new.precision, old.precision)):
                return None
            score += 0.25
        else:
            km = haversine_km(new.lat, new.lon, old.lat, old.lon)
            if km > cfg.max_km:
                return None
            score += 1.0 - km / (cfg.max_km + 1e-9) * 0.5
            located = True
    elif new.country and old.country and new.country != old.country:
        return None
    # actors
    agree = False
    if new.actor_keys and old.actor_keys:
        overlap = actor_overlap(new.actor_keys, old.actor_keys)
        if overlap <= cfg.min_actor_overlap or not located and overlap < cfg.min_actor_overlap_unlocated:
            return None
        score += overlap
        agree = True
    same_day = new.day_start == new.day_end == old.day_start == old.day_end
    if located + agree + same_day < cfg.min_evidence:
        return None
    return score + 0.5 * same_day
