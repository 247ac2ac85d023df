"""Plots (matplotlib, Agg backend, PNG or SVG by file suffix): dyad series, the alignment network,
and a ceasefire timeline. Each function writes one file and returns its path."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ConfigError
from .ceasefire import TruceStatus
from .dyads import DyadPoint
from .factions import Faction

CONFLICT = "#c0392b"
COOPERATION = "#2471a3"
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"]


def _pyplot() -> Any:
    import matplotlib  # noqa: PLC0415 - imported lazily: only plotting needs it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    return plt


def _check(path: str | Path) -> Path:
    p = Path(path)
    if p.suffix.lower() not in (".png", ".svg"):
        raise ConfigError(f"plot file must end in .png or .svg, not {p.name!r}")
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def _date_axis(ax: Any) -> None:
    import matplotlib.dates as mdates  # noqa: PLC0415

    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    ax.grid(axis="y", alpha=0.3)


def plot_dyad(points: Sequence[DyadPoint], path: str | Path, *, title: str | None = None,
              by: str = "week", marks: Sequence[tuple[date, str]] = (), max_partners: int = 6) -> Path:
    """Two panels: conflict and cooperation event counts per period (bars), and the Goldstein balance
    (line, with fatalities as grey bars on a second axis when any). ``marks`` draws dated vertical lines."""
    out = _check(path)
    if not points:
        raise ConfigError("nothing to plot: no events between these actors")
    plt = _pyplot()
    totals: dict[str, float] = {}
    for p in points:
        totals[p.partner] = totals.get(p.partner, 0.0) + p.events
    # the most active partners only: a dozen stacked colours is not readable
    partners = sorted(sorted(totals), key=lambda k: -totals[k])[:max_partners]
    points = [p for p in points if p.partner in partners]
    fig, axes = plt.subplots(2, 1, figsize=(10 if len(partners) == 1 else 12, 6.5), sharex=True,
                             gridspec_kw={"height_ratios": [1.2, 1]})
    width = {"day": 0.8, "week": 5.5, "month": 24.0}.get(by, 5.5)
    periods = sorted({p.period for p in points})
    up = dict.fromkeys(periods, 0.0)
    down = dict.fromkeys(periods, 0.0)
    single = len(partners) == 1
    for i, partner in enumerate(partners):
        rows = {p.period: p for p in points if p.partner == partner}
        colour = PALETTE[i % len(PALETTE)]
        conf = [rows[d].conflict if d in rows else 0.0 for d in periods]
        coop = [rows[d].cooperation if d in rows else 0.0 for d in periods]
        axes[0].bar(periods, conf, width=width, bottom=[up[d] for d in periods],
                    color=CONFLICT if single else colour, label="conflict events" if single else partner)
        axes[0].bar(periods, [-c for c in coop], width=width, bottom=[-down[d] for d in periods],
                    color=COOPERATION if single else colour, hatch=None if single else "//", alpha=1 if single else 0.6,
                    label="cooperation events" if single else None)
        for d, a, b in zip(periods, conf, coop, strict=True):
            up[d] += a
            down[d] += b
        # several partners: a quiet week is no point on that partner's line (else a crowd of zeros)
        shown = [d for d in periods if d in rows and (single or rows[d].events)]
        axes[1].plot(shown, [rows[d].balance for d in shown], marker="o", color=colour, label=f"balance vs {partner}")
    axes[0].axhline(0, color="black", lw=0.8)
    axes[0].set_ylabel(f"events per {by}\n(conflict up, cooperation down{'' if single else ', hatched'})")
    ticks = axes[0].get_yticks()
    axes[0].set_yticks(ticks)
    axes[0].set_yticklabels([f"{abs(t):g}" for t in ticks])
    if single:
        axes[0].legend(loc="lower right", fontsize=8)
    else:
        axes[0].legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="partner")
    axes[1].axhline(0, color="black", lw=0.8)
    axes[1].set_ylabel("Goldstein balance\n(cooperation - conflict)")
    fat = [sum(p.fatalities for p in points if p.period == d) for d in periods]
    if any(fat):
        ax2 = axes[1].twinx()
        ax2.bar(periods, fat, width=width, color="grey", alpha=0.25, label="fatalities")
        ax2.set_ylabel("fatalities", color="grey")
    if single:
        axes[1].legend(loc="lower left", fontsize=8)
    for ax in axes:
        _date_axis(ax)
        for day, _label in marks:
            ax.axvline(day, color="black", ls="--", lw=1)
    for day, label in marks:
        axes[0].annotate(label, (day, 1), xycoords=("data", "axes fraction"), xytext=(3, -12),
                         textcoords="offset points", fontsize=8,
                         bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.8, "lw": 0})
    actor = points[0].actor
    fig.suptitle(title or f"{actor} vs {', '.join(partners) if len(partners) <= 3 else 'partners'}, per {by}")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def faction_layout(g: nx.Graph, factions: Sequence[Faction]) -> dict[str, tuple[float, float]]:
    """Factions around a large circle, each on an arc as long as it needs, members on a small circle
    around their faction's centre: allies sit together and every label has room (a force layout
    piles small factions on each other)."""
    groups = [sorted(f & set(g.nodes)) for f in factions]
    groups = [grp for grp in groups if grp]
    placed = {n for grp in groups for n in grp}
    groups += [[n] for n in sorted(set(g.nodes) - placed)]
    radius = [0.0 if len(grp) == 1 else 0.1 + 0.1 * len(grp) for grp in groups]
    room = [2 * r + 0.45 for r in radius]  # a member circle plus space for labels
    big = max(1.0, sum(room) / (2 * math.pi))
    pos: dict[str, tuple[float, float]] = {}
    done = 0.0
    for grp, r, need in zip(groups, radius, room, strict=True):
        angle = 2 * math.pi * (done + need / 2) / sum(room) + math.pi / 2
        done += need
        cx, cy = (big * math.cos(angle), big * math.sin(angle)) if len(groups) > 1 else (0.0, 0.0)
        for j, n in enumerate(grp):
            a = 2 * math.pi * j / len(grp) + angle
            pos[n] = (cx + r * math.cos(a), cy + r * math.sin(a))
    return pos


def plot_factions(g: nx.Graph, factions: Sequence[Faction], path: str | Path, *, title: str | None = None,
                  max_nodes: int = 40) -> Path:
    """The alignment network: nodes coloured by faction and sized by activity; green edges cooperate,
    red edges fight, width by |balance|. Only the ``max_nodes`` most active actors are drawn."""
    out = _check(path)
    plt = _pyplot()
    keep = sorted(g.nodes, key=lambda n: (-g.nodes[n].get("events", 0.0), n))[:max_nodes]
    h = g.subgraph(keep)
    fig, ax = plt.subplots(figsize=(10, 8))
    if h.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no events in this window", ha="center", va="center", transform=ax.transAxes)
    else:
        pos = faction_layout(h, factions)
        colour = {}
        for i, f in enumerate(factions):
            for n in f:
                colour[n] = PALETTE[i % len(PALETTE)] if len(f) > 1 else "#bbbbbb"
        scale = max((abs(d["balance"]) for _, _, d in h.edges(data=True)), default=1.0) or 1.0
        for a, b, d in h.edges(data=True):
            bal = d["balance"]
            ax.plot([pos[a][0], pos[b][0]], [pos[a][1], pos[b][1]], color="#27ae60" if bal >= 0 else CONFLICT,
                    lw=0.8 + 5 * abs(bal) / scale, alpha=0.7, ls="-" if bal >= 0 else "--", zorder=1)
        sizes = [200 + 60 * min(h.nodes[n].get("events", 0.0), 40) for n in h.nodes]
        ax.scatter([pos[n][0] for n in h.nodes], [pos[n][1] for n in h.nodes], s=sizes,
                   c=[colour.get(n, "#bbbbbb") for n in h.nodes], edgecolors="black", zorder=2)
        for n, size in zip(h.nodes, sizes, strict=True):
            ax.annotate(n, pos[n], xytext=(0, math.sqrt(size) / 2 + 4), textcoords="offset points", ha="center",
                        fontsize=9,
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "alpha": 0.7, "lw": 0})
        from matplotlib.lines import Line2D  # noqa: PLC0415

        handles = [Line2D([0], [0], color="#27ae60", lw=3, label="cooperation (net)"),
                   Line2D([0], [0], color=CONFLICT, lw=3, ls="--", label="conflict (net)")]
        handles += [Line2D([0], [0], marker="o", ls="", color=PALETTE[i % len(PALETTE)], markersize=10,
                           label=f"faction {i + 1}") for i, f in enumerate(factions) if len(f) > 1]
        ax.legend(handles=handles, loc="best", fontsize=9)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        pad = 0.15 * (max(xs) - min(xs) + 1)
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad / 2, max(ys) + pad / 1.5)
    ax.set_axis_off()
    ax.set_title(title or "Alignment network")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def plot_ceasefire(status: TruceStatus, path: str | Path, *, title: str | None = None) -> Path:
    """Fighting between the parties per day (grey before the declaration, red violations after), the
    trailing 7-day count against the pre-truce weekly rate and the breakdown threshold, the declaration
    and the breakdown date."""
    out = _check(path)
    plt = _pyplot()
    t = status.truce
    rule = dict(status.rule)
    window = int(rule.get("window_days", 7))
    lo = min([d for d, _ in status.baseline_clashes] + [t.declared - timedelta(days=7)])
    end = max(status.monitored_until or t.declared, t.declared + timedelta(days=7))
    days = [lo + timedelta(days=i) for i in range((end - lo).days + 1)]
    before = dict.fromkeys(days, 0.0)
    after = dict.fromkeys(days, 0.0)
    for d, w in status.baseline_clashes:
        before[d] = before.get(d, 0.0) + w
    for v in status.violations:
        after[v.day] = after.get(v.day, 0.0) + v.weight
    fig, ax = plt.subplots(figsize=(11, 4.8))
    first = status.violations[0].day if status.violations else end
    ax.axvspan(t.declared, first, color="#27ae60", alpha=0.12, label="truce holding")
    ax.bar(days, [before[d] for d in days], width=0.8, color="#888888", label="clashes before the truce")
    ax.bar(days, [after[d] for d in days], width=0.8, color=CONFLICT, label="violations")
    ax.set_ylabel("per day")
    ax.set_ylim(0, max([*before.values(), *after.values(), 1.0]) * 2.2)  # room for the legend
    ax2 = ax.twinx()
    total = {d: before[d] + after[d] for d in days}
    trailing = [sum(total.get(d - timedelta(days=k), 0.0) for k in range(window)) for d in days]
    ax2.plot(days, trailing, color="black", lw=1.8, label=f"last {window} days")
    ax2.axhline(status.baseline_weekly * window / 7, color="black", ls=":", lw=1.2,
                label=f"pre-truce rate ({status.baseline_weekly:.1f}/week)")
    threshold = max(rule.get("min_violations", 3.0), rule.get("breakdown_ratio", 0.5) * status.baseline_weekly * window / 7)
    ax2.axhline(threshold, color=CONFLICT, ls="--", lw=1, label=f"breakdown threshold ({threshold:g})")
    ax2.set_ylabel(f"events in the last {window} days")
    ax2.set_ylim(0, max(trailing + [threshold, 1.0]) * 1.25)
    ax.axvline(t.declared, color=COOPERATION, lw=2.5, label=f"declared {t.declared.isoformat()}")
    if status.breakdown_date:
        ax.axvline(status.breakdown_date, color="black", lw=2.5, label=f"breakdown {status.breakdown_date.isoformat()}")
    _date_axis(ax)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=8, ncol=3)
    scope = f" in {t.scope}" if t.scope else ""
    ax.set_title(title or f"Ceasefire between {' and '.join(t.parties)}{scope}: {status.status}")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out
