"""Ceasefire monitor: find truce declarations, track violations, and call a breakdown by rule.

Declarations. An event declares a truce when it is not negated, not hypothetical/planned/denied,
and either carries CAMEO 087x (de-escalate; 0871 "declare truce, ceasefire") or is an AGREE,
RETREAT or CONCEDE event (PLOVER; CAMEO 03x/05x/08x) whose sentence names a ceasefire ("ceasefire",
"cease-fire", "truce", "armistice", "cessation of hostilities"), following the CAMEO verb
dictionary's &CEASEFIRE synset and the PLOVER codebook (RETREAT "ceasefire" context).
Requests, offers and rejections of a ceasefire (REQUEST/REJECT) are not declarations, nor is a
ceasefire event whose sentence puts a request, proposal, rejection or condition before any
agreement word ("urged both sides to accept a ceasefire").
Declarations by the same parties within ``merge_days`` are one truce (several reports of it).

Violations. After the declaration day, a material-conflict event (quad class 4) between two
different parties (or, for a unilateral truce, by the declaring party), matched at the chosen
actor level, so members match their group ("Nile Liberation Front fighters").

Breakdown rule (documented, all thresholds are parameters):
- baseline: the parties' material-conflict rate per week over the ``baseline_days`` before the
  declaration (shortened to the data actually available before it);
- at each violation day d, look at the trailing ``window_days`` (d-6..d): the truce has broken
  down when that window holds at least ``min_violations`` violations on at least ``min_days``
  distinct days AND at least ``breakdown_ratio`` times the baseline count for such a window;
- escalation: a window whose violations exceed the full pre-truce baseline rate, or whose
  violation fatalities exceed the baseline's for the same length of time.
Status: ``holding`` (no violation), ``violated`` (violations, rule not met), ``broken`` (met).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..ids import content_id
from .dyads import (
    EventDict,
    event_day,
    event_weight,
    fatalities,
    is_material_conflict,
    matches,
    pairs,
    sides,
)

CEASEFIRE_WORDS = re.compile(r"\b(?:cease[- ]?fires?|truces?|armistices?|cessation of hostilities)\b", re.IGNORECASE)
DECLARING_PLOVER = frozenset({"AGREE", "RETREAT", "CONCEDE"})
NOT_HAPPENED = frozenset({"planned", "hypothetical", "denied", "negated"})
_NOT_DECLARED = re.compile(r"\b(?:urg\w*|call(?:s|ed|ing)? for|appeal\w*|demand\w*|propos\w*|reject\w*|refus\w*|"
                           r"seek\w*|sought|press\w* for|push\w* for|offer\w*|hop\w*|plan\w*|if|would|could|may)\b",
                           re.IGNORECASE)
_DECLARED = re.compile(r"\b(?:agree\w*|sign\w*|declar\w*|announc\w*|accept\w*|reach\w*|implement\w*)\b",
                       re.IGNORECASE)
_SCOPE = re.compile(r"\b(?:in|across|around|throughout|for)\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
                    r"(?:\s+(?:province|state|region|city|district|governorate|area|front))?)")
_NATIONWIDE = re.compile(r"\b(?:nationwide|countrywide|nation-wide|across the country)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Truce:
    truce_id: str
    declared: date
    parties: tuple[str, ...]
    scope: str | None
    event_ids: tuple[str, ...]
    evidence: str


@dataclass(frozen=True, slots=True)
class Violation:
    day: date
    event_id: str
    attacker: str
    target: str
    fatalities: float
    weight: float
    evidence: str


@dataclass(frozen=True, slots=True)
class TruceStatus:
    truce: Truce
    status: str  # holding | violated | broken
    baseline_weekly: float
    baseline_days: int
    violations: tuple[Violation, ...] = ()
    breakdown_date: date | None = None
    escalated: bool = False
    peak_window: float = 0.0
    monitored_until: date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    baseline_clashes: tuple[tuple[date, float], ...] = ()  # (day, weight) of the pre-truce fighting
    rule: tuple[tuple[str, float], ...] = ()  # the thresholds this status was computed with

    def to_json(self) -> dict[str, Any]:
        t = self.truce
        return {
            "truce_id": t.truce_id, "declared": t.declared.isoformat(), "parties": list(t.parties),
            "scope": t.scope, "status": self.status,
            "breakdown_date": self.breakdown_date.isoformat() if self.breakdown_date else None,
            "escalated": self.escalated, "baseline_weekly": round(self.baseline_weekly, 3),
            "baseline_days": self.baseline_days, "violations": len(self.violations),
            "first_violation": self.violations[0].day.isoformat() if self.violations else None,
            "last_violation": self.violations[-1].day.isoformat() if self.violations else None,
            "peak_window": round(self.peak_window, 3),
            "monitored_until": self.monitored_until.isoformat() if self.monitored_until else None,
            "declaration_event_ids": list(t.event_ids), "evidence": t.evidence,
        }


def is_declaration(ev: EventDict) -> bool:
    if ev.get("negated") or (ev.get("factuality") in NOT_HAPPENED):
        return False
    cameo = str(ev.get("cameo") or "")
    text = (ev.get("evidence") or {}).get("text") or ""
    m = CEASEFIRE_WORDS.search(text)
    if m:
        request = _NOT_DECLARED.search(text, 0, m.start())
        declared = _DECLARED.search(text, 0, m.start())
        if request and (declared is None or request.start() < declared.start()):
            return False  # "urged them to accept a ceasefire", "rejected calls for a truce"
    if cameo.startswith("087"):
        return True
    return ev.get("plover") in DECLARING_PLOVER and CEASEFIRE_WORDS.search(text) is not None


def _scope(ev: EventDict) -> str | None:
    loc = ev.get("location") or {}
    if loc.get("name") or loc.get("text"):
        return str(loc.get("name") or loc.get("text"))
    text = (ev.get("evidence") or {}).get("text") or ""
    if _NATIONWIDE.search(text):
        return "nationwide"
    m = CEASEFIRE_WORDS.search(text)
    found = _SCOPE.search(text, m.end() if m else 0)
    return found.group(1) if found else None


def find_truces(events: Iterable[EventDict], *, level: str = "name", merge_days: int = 7) -> list[Truce]:
    """Truce declarations, one per truce: a declaration joins an open group (first report within
    ``merge_days``) when their party sets share two parties or one contains the other; a group's
    parties are those named by at least half of its reports, so one report that also names a place
    or a mediator does not make a separate truce."""
    groups: list[tuple[date, list[tuple[frozenset[str], EventDict]]]] = []
    for ev in sorted(events, key=lambda e: (event_day(e) or date.min, str(e.get("event_id")))):
        day = event_day(ev)
        if day is None or not is_declaration(ev):
            continue
        src, tgt = sides(ev, level)
        parties = frozenset(p for p in src + tgt if not CEASEFIRE_WORDS.search(p))
        if not parties:
            continue
        for first, members in reversed(groups):
            if (day - first).days > merge_days:
                continue
            if any(len(parties & ps) >= 2 or parties <= ps or ps <= parties for ps, _ in members):
                members.append((parties, ev))
                break
        else:
            groups.append((day, [(parties, ev)]))
    truces = []
    for day, members in groups:
        votes: dict[str, int] = defaultdict(int)
        for ps, _ in members:
            for p in ps:
                votes[p] += 1
        ordered = tuple(sorted(p for p, n in votes.items() if 2 * n >= len(members)))
        evs = [e for _, e in members]
        scope = next((s for s in (_scope(e) for e in evs) if s), None)
        truces.append(Truce(
            truce_id=content_id("truce", "|".join(ordered), day.isoformat()), declared=day, parties=ordered,
            scope=scope, event_ids=tuple(str(e.get("event_id")) for e in evs),
            evidence=((evs[0].get("evidence") or {}).get("text") or "")))
    return sorted(truces, key=lambda t: (t.declared, t.truce_id))


def _party_of(key: str, parties: tuple[str, ...], level: str) -> str | None:
    return next((p for p in parties if matches(key, p, level)), None)


def _between_parties(ev: EventDict, parties: tuple[str, ...], level: str) -> tuple[str, str] | None:
    for s, t in pairs(ev, level):
        ps, pt = _party_of(s, parties, level), _party_of(t, parties, level)
        if ps and pt and ps != pt:
            return s, t
        if len(parties) == 1 and ps:
            return s, t
    return None


def assess(truce: Truce, events: Iterable[EventDict], *, level: str = "name",
           weights: Mapping[str, float] | None = None, baseline_days: int = 28, window_days: int = 7,
           min_violations: float = 3, min_days: int = 2, breakdown_ratio: float = 0.5,
           until: date | None = None, next_declared: date | None = None) -> TruceStatus:
    """Apply the breakdown rule (module docstring) to one truce."""
    dated = sorted(((d, e) for e in events if (d := event_day(e)) is not None and (until is None or d <= until)),
                   key=lambda x: (x[0], str(x[1].get("event_id"))))
    first_day = dated[0][0] if dated else truce.declared
    last_day = dated[-1][0] if dated else truce.declared
    base_lo = max(truce.declared - timedelta(days=baseline_days), first_day)
    base_span = max((truce.declared - base_lo).days, 1)
    base_count = base_fat = 0.0
    clashes: list[tuple[date, float]] = []
    violations: list[Violation] = []
    for day, ev in dated:
        if not is_material_conflict(ev):
            continue
        w = event_weight(ev, weights)
        hit = _between_parties(ev, truce.parties, level) if w > 0 else None
        if hit is None:
            continue
        if base_lo <= day < truce.declared:
            clashes.append((day, w))
            base_count += w
            base_fat += w * fatalities(ev)
        elif day > truce.declared and (next_declared is None or day < next_declared):
            violations.append(Violation(day, str(ev.get("event_id")), hit[0], hit[1], w * fatalities(ev), w,
                                        (ev.get("evidence") or {}).get("text") or ""))
    baseline_weekly = base_count * 7.0 / base_span
    base_window = base_count * window_days / base_span
    base_window_fat = base_fat * window_days / base_span
    breakdown: date | None = None
    escalated = False
    peak = 0.0
    for v in violations:
        lo = v.day - timedelta(days=window_days - 1)
        window = [x for x in violations if lo <= x.day <= v.day]
        n = sum(x.weight for x in window)
        peak = max(peak, n)
        days = len({x.day for x in window})
        if (breakdown is None and n >= min_violations and days >= min_days
                and n >= breakdown_ratio * base_window):
            breakdown = v.day
        if n >= min_violations and (n > base_window or sum(x.fatalities for x in window) > max(base_window_fat, 0)):
            escalated = True
    status = "broken" if breakdown else ("violated" if violations else "holding")
    end = min(d for d in (last_day, until, next_declared - timedelta(days=1) if next_declared else None)
              if d is not None)
    rule = (("window_days", window_days), ("min_violations", min_violations), ("min_days", min_days),
            ("breakdown_ratio", breakdown_ratio), ("baseline_days", baseline_days))
    return TruceStatus(truce, status, baseline_weekly, base_span, tuple(violations), breakdown, escalated, peak, end,
                       baseline_clashes=tuple(clashes), rule=rule)


def monitor(events: Iterable[EventDict], *, level: str = "name", weights: Mapping[str, float] | None = None,
            until: date | None = None, **rule: Any) -> list[TruceStatus]:
    """Every truce in ``events`` with its status; a truce is watched until its parties declare another."""
    evs = list(events)
    truces = find_truces(evs, level=level)
    out = []
    for t in truces:
        later = [u.declared for u in truces if u.parties == t.parties and u.declared > t.declared]
        out.append(assess(t, evs, level=level, weights=weights, until=until,
                          next_declared=min(later) if later else None, **rule))
    return out


def ceasefire_alerts(statuses: Iterable[TruceStatus]) -> list[dict[str, Any]]:
    """One ``ceasefire_violation`` alert per truce and violation day, one ``ceasefire_breakdown`` per truce."""
    alerts = []
    for st in statuses:
        t = st.truce
        by_day: dict[date, list[Violation]] = defaultdict(list)
        for v in st.violations:
            by_day[v.day].append(v)
        for day, vs in sorted(by_day.items()):
            alerts.append({
                "alert_id": content_id("alert", "ceasefire_violation", t.truce_id, day.isoformat()),
                "kind": "ceasefire_violation", "date": day.isoformat(), "truce_id": t.truce_id,
                "declared": t.declared.isoformat(), "parties": list(t.parties), "count": sum(v.weight for v in vs),
                "attributed": [{"attacker": v.attacker, "target": v.target, "event_id": v.event_id,
                                "evidence": v.evidence} for v in vs],
                "event_ids": [v.event_id for v in vs],
                "message": f"ceasefire of {t.declared.isoformat()} between {' and '.join(t.parties)} violated: "
                           + "; ".join(f"{v.attacker} against {v.target}" for v in vs),
            })
        if st.breakdown_date:
            d = st.breakdown_date
            window = [v for v in st.violations if d - timedelta(days=6) <= v.day <= d]
            alerts.append({
                "alert_id": content_id("alert", "ceasefire_breakdown", t.truce_id),
                "kind": "ceasefire_breakdown", "date": d.isoformat(), "truce_id": t.truce_id,
                "declared": t.declared.isoformat(), "parties": list(t.parties),
                "count": sum(v.weight for v in window), "baseline_weekly": round(st.baseline_weekly, 3),
                "escalated": st.escalated, "event_ids": [v.event_id for v in window],
                "message": f"ceasefire of {t.declared.isoformat()} between {' and '.join(t.parties)} has broken "
                           f"down: {len(window)} violations in the week to {d.isoformat()} "
                           f"(pre-truce baseline {st.baseline_weekly:.1f} per week)",
            })
    return sorted(alerts, key=lambda a: (a["date"], a["kind"], a["alert_id"]))
