"""Dyads: who did what to whom, over time, for a pair of actors at a chosen level.

Everything here works on event dicts in the JSON contract (``serialize.event_to_json``), so it
runs the same on ``frontlines extract`` output, on store rows and on test fixtures.

Levels (how an actor mention becomes a node):
- ``country``: the actor's ISO3 / IGO code;
- ``sector``: country + first PLOVER sector ("SDN MIL"), falling back to the country alone;
- ``name``: the named group, normalised (case, determiners, generic heads such as "forces",
  "fighters", "positions" and trailing locative phrases removed), so "Nile Liberation Front
  fighters near Tawila" and "the Nile Liberation Front" are one node.

Balance is the Goldstein-weighted sum over events (positive = cooperation, negative = conflict),
each event multiplied by its factuality weight (``DEFAULT_WEIGHTS``; 0 drops it).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from ..errors import ConfigError
from ..ids import content_id

EventDict = Mapping[str, Any]
Level = Literal["country", "sector", "name"]
Period = Literal["day", "week", "month"]
LEVELS: tuple[str, ...] = ("country", "sector", "name")
PERIODS: tuple[str, ...] = ("day", "week", "month")

#: Factuality -> weight. Asserted and reported facts count fully; speculation counts half;
#: plans, hypotheticals, denials and negations are not events that happened.
DEFAULT_WEIGHTS: dict[str, float] = {
    "asserted": 1.0, "reported": 1.0, "speculated": 0.5, "planned": 0.0, "hypothetical": 0.0,
    "denied": 0.0, "negated": 0.0, "unknown": 1.0,
}

# Head nouns that name members or assets of a group rather than the group itself.
_GENERIC = {
    "forces", "force", "fighters", "fighter", "troops", "soldiers", "militia", "militias", "militiamen",
    "positions", "position", "units", "unit", "members", "commanders", "commander", "leaders", "leader",
    "officials", "official", "delegation", "delegates", "representatives", "spokesman", "spokeswoman",
    "gunmen", "convoy", "convoys", "bases", "base", "checkpoint", "checkpoints", "patrol", "patrols",
    "negotiators", "envoys", "envoy", "elements", "supporters", "loyalists", "camp", "camps",
    "elders", "officers", "officer", "chiefs", "chief", "spokesperson", "delegate", "headquarters",
}
# "unidentified gunmen" stays whole: the adjective alone names nobody.
_VAGUE = {"unidentified", "unknown", "masked", "armed", "suspected", "local", "foreign", "other"}
_DETERMINERS = {
    "the", "a", "an", "its", "their", "his", "her", "several", "some", "many", "dozens", "hundreds", "scores",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
}
# What AGREE/RETREAT events are about, often left as their object by a coder: never a party.
_AGREEMENT_NOUNS = {"ceasefire", "ceasefires", "cease-fire", "truce", "truces", "armistice", "agreement", "agreements",
                    "deal", "deals", "pact", "accord", "accords", "talks", "memorandum", "plan", "proposal"}
_PROPER = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][\w'-]*")
# Dates and numbers that a coder sometimes leaves among the recipients.
_NOT_ACTOR = re.compile(r"^(?:\d[\d,.]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d+)?|"
                        r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tomorrow)$")
# Locative phrases always end a name ("fighters near Tawila"); other prepositions only when a
# common noun follows ("of betrayal", "with the army"), not "Front for the Liberation of X".
_LOCATIVE_PP = re.compile(r"\s+(?:near|in|at|on|around|outside|inside|across|along|over|against|during|after|"
                          r"before|about|north|south|east|west)"
                          r"\s.*$", re.IGNORECASE)
_OTHER_PP = re.compile(r"\s+(?:of|for|with|from|to|by|under)\s+"
                       r"(?:(?:the|a|an|its|their)\s+)?(?!(?:the|a|an|its|their)\s)[a-z0-9].*$")
_OF_HEAD = re.compile(r"^(?:\w+\s+)*?(?:" + "|".join(sorted(_GENERIC)) + r")\s+of\s+(.+)$", re.IGNORECASE)
_CONJ_THE = re.compile(r",\s*(?:and\s+)?(?=[Tt]he\s)|\s+and\s+(?=[Tt]he\s)")
_CONJ_CAP = re.compile(r"\s+and\s+(?=[A-Z])")


def parse_weights(spec: str | Mapping[str, float] | None) -> dict[str, float]:
    """``"speculated=0,reported=0.5"`` (or a mapping) over the defaults."""
    weights = dict(DEFAULT_WEIGHTS)
    if spec is None:
        return weights
    items = spec.items() if isinstance(spec, Mapping) else (
        part.split("=", 1) for part in spec.split(",") if part.strip())
    for item in items:
        if len(item) != 2:
            raise ConfigError(f"bad weight {item!r}: expected LABEL=NUMBER")
        label, value = item
        label = str(label).strip().lower()
        if label not in weights:
            raise ConfigError(f"unknown factuality label {label!r} (known: {', '.join(weights)})")
        try:
            weights[label] = float(value)
        except ValueError as exc:
            raise ConfigError(f"bad weight for {label!r}: {value!r}") from exc
    return weights


def event_weight(ev: EventDict, weights: Mapping[str, float] | None = None) -> float:
    """How much one event counts: 0 for negated events, else its factuality's weight."""
    if ev.get("negated"):
        return 0.0
    w = weights or DEFAULT_WEIGHTS
    return float(w.get(ev.get("factuality") or "unknown", w.get("unknown", 1.0)))


def event_day(ev: EventDict) -> date | None:
    """The day the event happened: its resolved date's start, else the document's date."""
    d = ev.get("date") or {}
    start = _iso(d.get("start"))
    if start is not None and d.get("precision") == "day":
        return start
    end = _iso(d.get("end"))
    published = _iso(ev.get("doc_date"))
    if published is None:
        mention_dates = sorted(str(m.get("doc_date")) for m in ev.get("mentions") or () if m.get("doc_date"))
        published = _iso(mention_dates[0]) if mention_dates else None
    if start and d.get("precision") not in (None, "day", "unknown") and published and start <= published <= (
            end or start):
        return published  # "in the past week", reported today: the report's day, not the week's first
    return start or published


def _iso(value: Any) -> date | None:
    return _parse_day(str(value)[:10]) if value else None


@lru_cache(maxsize=8192)
def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ConfigError(f"unknown period {by!r} (choose from {', '.join(PERIODS)})")


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def normalize_name(text: str) -> str:
    """A group's name without case, determiners, generic heads or trailing place phrases."""
    t = " ".join(text.replace("\u2019", "'").split())
    m = _OF_HEAD.match(t)
    if m:  # "leaders of the Southern Front" -> "the Southern Front"
        t = m.group(1)
    t = _head(t)
    words = [w for w in re.split(r"\s+", t.lower().strip(" .,;:")) if w]
    while len(words) > 1 and words[0] in _DETERMINERS:
        words.pop(0)
    while len(words) > 1 and words[-1] in _GENERIC and words[-2] not in _VAGUE:
        words.pop()
    if words:  # "the army's positions" -> "army"
        words[-1] = re.sub(r"'s?$", "", words[-1])
    return " ".join(w for w in words if w)


def _head(text: str) -> str:
    """The phrase without trailing prepositional phrases ("patrols on the Gedaref highway" -> "patrols")."""
    return _OTHER_PP.sub("", _LOCATIVE_PP.sub("", text))


def split_conjoined(text: str) -> list[str]:
    """"The army and the Nile Liberation Front" -> both parties (only for conjoined named parties)."""
    parts = [p.strip() for p in _CONJ_THE.split(text) if p and p.strip()]
    if len(parts) == 1:
        # "Red Sea Alliance and Blue Nile Movement", but not "Justice and Equality Movement"
        caps = [p.strip() for p in _CONJ_CAP.split(text)]
        if len(caps) > 1 and all(len(p.split()) >= 2 for p in caps):
            parts = caps
    return parts if len(parts) > 1 else [text]


def actor_keys(actor: Mapping[str, Any], level: str = "name") -> list[str]:
    """The node name(s) one actor mention stands for at ``level`` (several if it is conjoined)."""
    if level == "country":
        return [str(actor["country"])] if actor.get("country") else []
    if level == "sector":
        country = actor.get("country")
        if not country:
            return []
        sector = (actor.get("sector") or "").split()
        return [f"{country} {sector[0]}" if sector else str(country)]
    if level != "name":
        raise ConfigError(f"unknown actor level {level!r} (choose from {', '.join(LEVELS)})")
    return list(_name_keys(str(actor.get("name") or ""), str(actor.get("text") or ""), str(actor.get("code") or ""),
                           actor.get("country"), actor.get("sector")))


@lru_cache(maxsize=65536)
def _name_keys(name: str, text: str, code: str, country: str | None, sector: str | None) -> tuple[str, ...]:
    """Cached: the same mention text recurs across events and windows."""
    # A dictionary match on a specific group gives a canonical name (aliases collapse); a match that
    # only found a country ("Sudan" for "Sudanese army") or no code at all leaves the mention text
    # as the best name of the group.
    specific = name and code and not code.startswith("~") and not _country_name(name, country)
    use = name if specific else (text or name)
    if not (code or country or sector) and not _PROPER.search(_head(use)):
        return ()  # "joint patrols", "security": an uncoded common noun is not an actor
    keys = [normalize_name(part) for part in split_conjoined(use)]
    return tuple(k for k in keys if k and not _NOT_ACTOR.match(k) and k.split()[-1] not in _AGREEMENT_NOUNS)


@lru_cache(maxsize=512)
def _country_name(name: str, iso3: str | None) -> bool:
    n = normalize_name(name)
    if iso3 and n == iso3.lower():
        return True
    try:
        import pycountry  # noqa: PLC0415 - only needed for coded actors
    except ImportError:  # pragma: no cover - a hard dependency
        return False
    c = pycountry.countries.get(alpha_3=iso3) if iso3 and len(iso3) == 3 else None
    if c is None:
        try:
            c = pycountry.countries.lookup(name)
        except LookupError:
            return False
    names = {getattr(c, f, None) for f in ("name", "common_name", "official_name")}
    return n in {normalize_name(x) for x in names if x}


def sides(ev: EventDict, level: str = "name") -> tuple[list[str], list[str]]:
    """(source nodes, target nodes). A mention that lies inside the event's location span is the
    place, not a party ("agreed to defend Port Sudan")."""
    loc = ev.get("location") or {}
    lo, hi = loc.get("start"), loc.get("end")

    def party(a: Mapping[str, Any]) -> bool:
        s, e = a.get("start"), a.get("end")
        if lo is None or hi is None or s is None or e is None:
            return True
        return not (lo <= s and e <= hi)

    src = _dedupe(k for a in ev.get("actors") or () if party(a) for k in actor_keys(a, level))
    tgt = _dedupe(k for a in ev.get("recipients") or () if party(a) for k in actor_keys(a, level))
    return src, tgt


def pairs(ev: EventDict, level: str = "name") -> list[tuple[str, str]]:
    """Directed (source, target) pairs of one event. Joint sources are a reciprocal pair when they
    act on nobody else ("A and B clashed") or when they cooperate ("A and B agreed to pool funds"):
    acting together is cooperation between them; attacking a third party together is not scored
    between them."""
    src, tgt = sides(ev, level)
    out = [(s, t) for s in src for t in tgt if s != t]
    if len(src) > 1 and (not tgt or is_cooperation(ev)):
        out += [(s, t) for s in src for t in src if s != t]
    return out


def is_conflict(ev: EventDict) -> bool:
    qc, g = ev.get("quad_class"), ev.get("goldstein")
    return qc in (3, 4) or (qc is None and g is not None and float(g) < 0)


def is_material_conflict(ev: EventDict) -> bool:
    """Fighting, not words: quad class 4, or an ASSAULT/COERCE type when the quad class is absent."""
    if ev.get("quad_class") == 4:
        return True
    return ev.get("quad_class") is None and ev.get("plover") in ("ASSAULT", "COERCE")


def is_cooperation(ev: EventDict) -> bool:
    qc, g = ev.get("quad_class"), ev.get("goldstein")
    return qc in (1, 2) and g is not None and float(g) > 0 or (qc is None and g is not None and float(g) > 0)


def fatalities(ev: EventDict) -> int:
    f = ev.get("fatalities") or {}
    return int(f.get("best") or 0)


@dataclass(frozen=True, slots=True)
class DyadPoint:
    """One period of one dyad: weighted counts, Goldstein balance and fatalities."""

    period: date
    actor: str
    partner: str
    events: float = 0.0
    conflict: float = 0.0  # verbal and material (quad classes 3 and 4)
    material_conflict: float = 0.0  # fighting only (quad class 4)
    cooperation: float = 0.0
    conflict_score: float = 0.0  # sum of weight * -goldstein over conflict events (>= 0)
    cooperation_score: float = 0.0  # sum of weight * goldstein over cooperation events (>= 0)
    fatalities: float = 0.0

    @property
    def balance(self) -> float:
        return self.cooperation_score - self.conflict_score

    def to_json(self) -> dict[str, Any]:
        return {"period": self.period.isoformat(), "actor": self.actor, "partner": self.partner,
                "events": round(self.events, 3), "conflict": round(self.conflict, 3),
                "material_conflict": round(self.material_conflict, 3),
                "cooperation": round(self.cooperation, 3), "conflict_score": round(self.conflict_score, 3),
                "cooperation_score": round(self.cooperation_score, 3), "balance": round(self.balance, 3),
                "fatalities": round(self.fatalities, 3)}


def _node(query: str, level: str) -> str:
    return normalize_name(query) if level == "name" else query.strip().upper()


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@lru_cache(maxsize=65536)
def matches(key: str, query: str, level: str = "name") -> bool:
    """Whether node ``key`` is ``query`` or one of its members (word-bounded containment for names)."""
    q = _node(query, level)
    k = key if level == "name" else key.upper()
    if k == q:
        return True
    if level == "name":
        return bool(q) and re.search(rf"(?:^|\s){re.escape(q)}(?:\s|$)", k) is not None
    return k.startswith(q + " ") if level == "sector" else False


def dyad_series(events: Iterable[EventDict], actor: str, vs: str | None = None, *, level: str = "name",
                by: str = "week", weights: Mapping[str, float] | None = None, since: date | None = None,
                until: date | None = None, fill: bool = True) -> list[DyadPoint]:
    """Per-period series between ``actor`` and ``vs`` (or each partner of ``actor``), both directions.

    Periods with no events are filled with zeros between the first and last period seen (or
    ``since``/``until``), so a quiet truce shows as zeros rather than as a gap.
    """
    acc: dict[tuple[str, date], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    seen_days: list[date] = []
    for ev in events:
        day = event_day(ev)
        if day is None or (since and day < since) or (until and day > until):
            continue
        seen_days.append(day)
        w = event_weight(ev, weights)
        if w == 0:
            continue
        partners = set()
        for s, t in pairs(ev, level):
            for a, b in ((s, t), (t, s)):
                if matches(a, actor, level) and (vs is None or matches(b, vs, level)) and not matches(b, actor, level):
                    partners.add(_node(vs, level) if vs else b)
        g = float(ev.get("goldstein") or 0.0)
        for partner in partners:
            row = acc[(partner, period_start(day, by))]
            row["events"] += w
            if is_conflict(ev):
                row["conflict"] += w
                row["conflict_score"] += w * max(-g, 0.0)
                if is_material_conflict(ev):
                    row["material_conflict"] += w
            elif is_cooperation(ev):
                row["cooperation"] += w
                row["cooperation_score"] += w * max(g, 0.0)
            row["fatalities"] += w * fatalities(ev)
    me = _node(actor, level)
    partners_all = sorted({p for p, _ in acc} | ({_node(vs, level)} if vs else set()))
    periods = sorted({d for _, d in acc})
    if fill and (periods or seen_days):
        lo = period_start(since or min(periods + seen_days), by)
        hi = period_start(until or max(periods + seen_days), by)
        periods = list(_period_range(lo, hi, by))
    out = []
    for partner in partners_all:
        for p in periods:
            found = acc.get((partner, p))
            if found is None and not fill:
                continue
            out.append(DyadPoint(p, me, partner, **(dict(found) if found else {})))
    return out


def _period_range(lo: date, hi: date, by: str) -> Iterator[date]:
    p = lo
    while p <= hi:
        yield p
        p = next_period(p, by)


def escalations(events: Iterable[EventDict], *, level: str = "name", by: str = "week",
                weights: Mapping[str, float] | None = None, baseline_periods: int = 4, min_history: int = 2,
                k: float = 2.0, min_events: float = 3.0) -> list[dict[str, Any]]:
    """Dyads whose material-conflict count in a period rises beyond their own baseline.

    Rule: for each undirected pair and period, the baseline is the mean and standard deviation
    of the pair's counts over the previous ``baseline_periods`` periods (zeros included, only
    periods after the first event of the data set, at least ``min_history`` of them). The period
    escalates when its count reaches ``max(min_events, mean + k * sd)`` and exceeds the mean;
    the alert is dated the day the count crossed that threshold.
    """
    evs = sorted(((event_day(ev), ev) for ev in events if event_day(ev)), key=lambda x: (x[0], str(x[1].get("event_id"))))
    if not evs:
        return []
    first = period_start(evs[0][0], by)  # type: ignore[arg-type]
    daily: dict[frozenset[str], list[tuple[date, float, EventDict]]] = defaultdict(list)
    for day, ev in evs:
        if not is_material_conflict(ev):
            continue
        w = event_weight(ev, weights)
        if w == 0:
            continue
        for pair in {frozenset(p) for p in pairs(ev, level)}:
            daily[pair].append((day, w, ev))  # type: ignore[arg-type]
    alerts = []
    for pair, items in sorted(daily.items(), key=lambda kv: sorted(kv[0])):
        counts: dict[date, float] = defaultdict(float)
        for day, w, _ in items:
            counts[period_start(day, by)] += w
        for p in sorted(counts):
            history = []
            q = p
            for _ in range(baseline_periods):
                q = _previous_period(q, by)
                if q < first:
                    break
                history.append(counts.get(q, 0.0))
            if len(history) < min_history:
                continue
            mean = statistics.fmean(history)
            sd = statistics.pstdev(history)
            threshold = max(min_events, mean + k * sd)
            running = 0.0
            for day, w, _ev in items:
                if period_start(day, by) != p:
                    continue
                running += w
                if running >= threshold and running > mean:
                    a, b = sorted(pair)
                    alerts.append({
                        "alert_id": content_id("alert", "dyad_escalation", a, b, p.isoformat()),
                        "kind": "dyad_escalation", "date": day.isoformat(), "parties": [a, b],
                        "period": p.isoformat(), "count": round(running, 3),
                        "baseline_mean": round(mean, 3), "baseline_sd": round(sd, 3),
                        "event_ids": [e.get("event_id") for d, _, e in items if period_start(d, by) == p and d <= day],
                        "message": f"{a} / {b}: {running:g} clashes in the {by} of {p.isoformat()} "
                                   f"against a baseline of {mean:.1f} per {by}",
                    })
                    break
    return sorted(alerts, key=lambda a: (a["date"], a["alert_id"]))


def _previous_period(p: date, by: str) -> date:
    if by == "day":
        return p - timedelta(days=1)
    if by == "week":
        return p - timedelta(days=7)
    return (p - timedelta(days=1)).replace(day=1)
