"""The alignment network: actors as nodes, cooperation-minus-conflict balance as edges, factions
as communities, and what changed between windows.

Edges. For each event, each unordered pair of actors it relates (source x target, or the members of
a conjoined subject with no object) gains ``weight * goldstein``: cooperation pushes an edge up,
conflict pushes it down. Edge attributes: ``balance`` (that sum), ``cooperation``/``conflict``
(weighted counts) and ``events``.

Factions. Greedy modularity communities (networkx, resolution 1) on the subgraph of positive
edges, so a group only forms around cooperation; then communities whose net balance with each
other is positive are joined, largest first (modularity cuts a cooperating group into its denser
parts; a faction is a group that cooperates more than it fights, as in correlation clustering
on the signed network); then a signed refinement pass moves each actor to the community it has
the highest total balance with (negative balance repels: an actor whose ties to every community
net to zero or less stands alone). Deterministic: nodes and pairs are visited in sorted order.

Changes between windows (``compare``): ``closer`` pairs whose balance rose by ``threshold`` or
more, ``hostile`` pairs that went from non-negative (or absent) to negative, ``splits`` (a faction
of the earlier window whose members, still present, now sit in different factions) and
``merges`` (a faction joining members of several earlier factions).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import networkx as nx

from ..ids import content_id
from .dyads import EventDict, event_day, event_weight, is_conflict, is_cooperation, pairs

Faction = frozenset[str]


@dataclass(frozen=True, slots=True)
class _Tie:
    """One event reduced to what the network needs (computed once, reused by every window)."""

    day: date
    pairs: tuple[tuple[str, str], ...]
    weight: float
    goldstein: float
    conflict: bool
    cooperation: bool


def _ties(events: Iterable[EventDict], level: str, weights: Mapping[str, float] | None) -> list[_Tie]:
    out = []
    for ev in events:
        day = event_day(ev)
        w = event_weight(ev, weights) if day is not None else 0.0
        if day is None or w == 0:
            continue
        ps = tuple(sorted({(min(a, b), max(a, b)) for a, b in pairs(ev, level)}))
        if ps:
            out.append(_Tie(day, ps, w, float(ev.get("goldstein") or 0.0), is_conflict(ev), is_cooperation(ev)))
    return sorted(out, key=lambda t: t.day)


def _graph(ties: Iterable[_Tie]) -> nx.Graph:
    g = nx.Graph()
    for t in ties:
        for a, b in t.pairs:
            for n in (a, b):
                if n not in g:
                    g.add_node(n, events=0.0)
                g.nodes[n]["events"] += t.weight
            if not g.has_edge(a, b):
                g.add_edge(a, b, balance=0.0, cooperation=0.0, conflict=0.0, events=0.0)
            e = g[a][b]
            e["balance"] += t.weight * t.goldstein
            e["events"] += t.weight
            if t.conflict:
                e["conflict"] += t.weight
            elif t.cooperation:
                e["cooperation"] += t.weight
    return g


def alignment_graph(events: Iterable[EventDict], *, since: date | None = None, until: date | None = None,
                    level: str = "name", weights: Mapping[str, float] | None = None) -> nx.Graph:
    """The network of ``events`` between ``since`` and ``until`` (module docstring)."""
    return _graph(t for t in _ties(events, level, weights)
                  if (since is None or t.day >= since) and (until is None or t.day <= until))


def detect_factions(g: nx.Graph, *, resolution: float = 1.0, rounds: int = 10,
                    merge_above: float = 0.0) -> list[Faction]:
    """Factions (see module docstring), largest first."""
    pos = nx.Graph()
    pos.add_nodes_from(sorted(g.nodes))
    pos.add_weighted_edges_from(sorted((a, b, d["balance"]) for a, b, d in g.edges(data=True) if d["balance"] > 0))
    if pos.number_of_edges():
        comms = [set(c) for c in nx.community.greedy_modularity_communities(pos, weight="weight",
                                                                           resolution=resolution)]
    else:
        comms = [{n} for n in pos.nodes]
    for _ in range(3):
        comms = _merge_aligned(g, comms, merge_above)
        comms, moved = _refine(g, comms, rounds)
        if not moved:
            break
    out = [frozenset(c) for c in comms if c]
    return sorted(out, key=lambda c: (-len(c), sorted(c)))


def _merge_aligned(g: nx.Graph, comms: list[set[str]], above: float) -> list[set[str]]:
    """Join the two communities with the highest net balance between them while it is above
    ``above``: modularity cuts a cooperating group into its denser parts, but parts that cooperate
    more than they fight are one faction (greedy correlation clustering on the signed network)."""
    comms = [set(c) for c in comms if c]
    while len(comms) > 1:
        member = {n: i for i, c in enumerate(comms) for n in c}
        between: dict[tuple[int, int], float] = {}
        for a, b, d in g.edges(data=True):
            i, j = sorted((member[a], member[b]))
            if i != j:
                between[(i, j)] = between.get((i, j), 0.0) + d["balance"]
        if not between:
            break
        (i, j), best = max(sorted(between.items()), key=lambda kv: kv[1])
        if best <= above:
            break
        comms[i] |= comms[j]
        del comms[j]
    return comms


def _refine(g: nx.Graph, comms: list[set[str]], rounds: int) -> tuple[list[set[str]], bool]:
    """Move each actor to the community it has the highest total balance with; an actor whose ties
    to every community net to zero or less stands alone. Nodes visited in sorted order."""
    comms = [set(c) for c in comms]
    member = {n: i for i, c in enumerate(comms) for n in c}
    any_moved = False
    for _ in range(rounds):
        moved = False
        for n in sorted(g.nodes):
            pull: dict[int, float] = {}
            for m in g.neighbors(n):
                pull[member[m]] = pull.get(member[m], 0.0) + g[n][m]["balance"]
            here = member[n]
            current = pull.get(here, 0.0)
            best = max(sorted(pull), key=lambda c: pull[c], default=here)
            if current <= 0 and pull.get(best, 0.0) <= 0 and len(comms[here]) > 1:
                comms.append(set())  # hostile to everyone it knows: alone
                best = len(comms) - 1
            elif best == here or pull[best] <= current:
                continue
            comms[here].discard(n)
            comms[best].add(n)
            member[n] = best
            moved = any_moved = True
        if not moved:
            break
    return [c for c in comms if c], any_moved


def faction_of(factions: Iterable[Faction], node: str) -> Faction | None:
    return next((f for f in factions if node in f), None)


def compare(before: nx.Graph, before_f: list[Faction], after: nx.Graph, after_f: list[Faction], *,
            threshold: float = 2.0) -> dict[str, list[Any]]:
    """What changed between two windows (module docstring)."""
    closer, hostile = [], []
    for a, b in sorted(tuple(sorted(e)) for e in after.edges):
        new = after[a][b]["balance"]
        old = before[a][b]["balance"] if before.has_edge(a, b) else 0.0
        if new < 0 <= old:
            hostile.append({"pair": [a, b], "before": round(old, 3), "after": round(new, 3)})
        elif new - old >= threshold and new > 0:
            closer.append({"pair": [a, b], "before": round(old, 3), "after": round(new, 3)})
    common = set(before.nodes) & set(after.nodes)
    splits, merges = [], []
    for f in before_f:
        present = sorted(f & common)
        parts = sorted({faction_of(after_f, n) or frozenset({n}) for n in present}, key=sorted)
        if len(present) >= 2 and len(parts) >= 2:
            splits.append({"faction": sorted(f), "into": [sorted(p & f) for p in parts]})
    for f in after_f:
        present = sorted(f & common)
        parts = sorted({faction_of(before_f, n) or frozenset({n}) for n in present}, key=sorted)
        if len(present) >= 2 and len(parts) >= 2:
            merges.append({"faction": sorted(f), "from": [sorted(p & f) for p in parts]})
    return {"closer": closer, "hostile": hostile, "splits": splits, "merges": merges}


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date
    graph: nx.Graph
    factions: list[Faction]

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "factions": [self.describe(f) for f in self.factions]}

    def describe(self, f: Faction) -> dict[str, Any]:
        sub = self.graph.subgraph(f)
        return {"members": sorted(f), "size": len(f),
                "internal_balance": round(sum(d["balance"] for _, _, d in sub.edges(data=True)), 3),
                "events": round(sum(self.graph.nodes[n]["events"] for n in f), 3)}


def windows(events: Iterable[EventDict], *, window_days: int = 30, step_days: int = 7, level: str = "name",
            weights: Mapping[str, float] | None = None, until: date | None = None,
            resolution: float = 1.0) -> list[Window]:
    """Sliding windows of ``window_days`` ending every ``step_days`` from the first full window.

    Window ends are anchored on the first event day, so adding later events never moves an
    earlier window (the watch command relies on this to raise each alert once); a last window
    ends on the last day when the steps do not reach it.
    """
    ties = _ties(events, level, weights)
    if not ties:
        return []
    days = [t.day for t in ties]
    first = days[0]
    last = until or days[-1]
    end = first + timedelta(days=window_days - 1)
    if end > last:
        end = last
    ends = []
    while end <= last:
        ends.append(end)
        end += timedelta(days=step_days)
    if not ends or ends[-1] < last:
        ends.append(last)  # the latest data, in a window that moves with it
    out = []
    for end in ends:
        start = end - timedelta(days=window_days - 1)
        g = _graph(ties[bisect_left(days, start):bisect_right(days, end)])
        out.append(Window(start, end, g, detect_factions(g, resolution=resolution)))
    return out


def _net(g: nx.Graph, a: Iterable[str], b: Iterable[str]) -> float:
    """Total balance between two groups of actors (0 when they have no ties)."""
    bs = set(b)
    return sum(d["balance"] for x in a for y, d in g[x].items() if y in bs) if g else 0.0


def faction_alerts(wins: list[Window], *, lookback_days: int | None = None) -> list[dict[str, Any]]:
    """``faction_split`` alerts: actors who shared a faction in a window ending within ``lookback_days``
    (default: two window lengths, and at least the previous window with events) before the current one, now sit in different factions whose net
    balance with each other is negative. Community boundaries alone move with noise (modularity
    splits a cooperating group into its denser halves), so a split is only raised once the parts
    are hostile, and only for the actors engaged in that hostility (each with a negative balance
    towards the other part): an actor merely drifting off, or an ally of an ally, raises nothing.
    Each pair of actors splits at most once, dated by the window in which it first did."""
    alerts: list[dict[str, Any]] = []
    done: set[frozenset[str]] = set()
    busy = [w for w in wins if w.graph.number_of_nodes()]  # a quiet window says nothing about alignment
    for i, cur in enumerate(busy):
        memo: dict[tuple[frozenset[str], frozenset[str]], float] = {}

        def net(a: frozenset[str], b: frozenset[str], g: nx.Graph = cur.graph,
                memo: dict[tuple[frozenset[str], frozenset[str]], float] = memo) -> float:
            if (a, b) not in memo:
                memo[(a, b)] = _net(g, a, b)
            return memo[(a, b)]

        span = lookback_days if lookback_days is not None else 2 * ((cur.end - cur.start).days + 1)
        # the windows of the last ``span`` days, and at least the last one with any events
        earlier = [w for j, w in enumerate(busy[:i]) if (cur.end - w.end).days <= span or j == i - 1]
        present = set(cur.graph.nodes)
        for ref in earlier:
            for f in ref.factions:
                parts = sorted({faction_of(cur.factions, n) or frozenset({n}) for n in f & present}, key=sorted)
                if len(parts) < 2:
                    continue
                engaged: dict[int, set[str]] = {}
                pairs_now: set[frozenset[str]] = set()
                for a, pa in enumerate(parts):
                    for b in range(a + 1, len(parts)):
                        pb = parts[b]
                        if net(pa, pb) >= 0:
                            continue
                        ea = {x for x in pa & f if net(frozenset({x}), pb) < 0}
                        eb = {y for y in pb & f if net(frozenset({y}), pa) < 0}
                        pairs_now |= {frozenset((x, y)) for x in ea for y in eb}
                        if ea and eb:
                            engaged.setdefault(a, set()).update(ea)
                            engaged.setdefault(b, set()).update(eb)
                fresh = pairs_now - done
                if not fresh:
                    continue
                done |= pairs_now
                into = [sorted(parts[k] & f) for k in sorted(engaged)]
                members = sorted(f & present)
                alerts.append({
                    "alert_id": content_id("alert", "faction_split", "|".join(",".join(sorted(p)) for p in fresh)),
                    "kind": "faction_split", "date": cur.end.isoformat(),
                    "window": [cur.start.isoformat(), cur.end.isoformat()],
                    "was_together": [ref.start.isoformat(), ref.end.isoformat()], "faction": members,
                    "into": into, "hostile": sorted(sorted(p) for p in fresh),
                    "message": "faction split: " + " | ".join(", ".join(p) for p in into)
                               + f" (together in {ref.start}..{ref.end}, hostile in {cur.start}..{cur.end})",
                })
    return sorted(alerts, key=lambda a: (a["date"], a["alert_id"]))
