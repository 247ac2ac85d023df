"""Analytics commands: dyads, factions, ceasefires, watch and plot (thin layers over frontlines.analytics).

Events come from the store (``--db URL``, default ./frontlines.db) or from ``--events FILE``
(``frontlines extract`` JSONL/JSON output), so the commands also work without a store.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any

import click

from ..analytics import ceasefire as cf
from ..analytics import dyads as dy
from ..analytics import factions as fa

LEVEL = click.Choice(list(dy.LEVELS))


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


def _span(ctx: click.Context, param: click.Parameter, value: str) -> int:
    m = re.fullmatch(r"\s*(\d+)\s*([dwm]?)\s*", value or "")
    if not m or int(m.group(1)) == 0:
        raise click.BadParameter(f"expected a duration such as 30d, 4w or 2m, got {value!r}")
    return int(m.group(1)) * {"": 1, "d": 1, "w": 7, "m": 30}[m.group(2)]


def _weights(ctx: click.Context, param: click.Parameter, value: str | None) -> dict[str, float]:
    try:
        return dy.parse_weights(value)
    except Exception as exc:  # noqa: BLE001 - shown as a usage error
        raise click.BadParameter(str(exc)) from exc


def source_options(f: Any) -> Any:
    f = click.option("--db", "db", default=None, help="Store URL (default ./frontlines.db).")(f)
    f = click.option("--events", "event_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="Read events from extract output (JSONL/JSON) instead of the store.")(f)
    f = click.option("--since", callback=_day, help="First day (YYYY-MM-DD).")(f)
    f = click.option("--until", callback=_day, help="Last day (YYYY-MM-DD).")(f)
    f = click.option("--level", type=LEVEL, default="name", show_default=True,
                     help="Actor level: country, sector (country+sector) or name (named group).")(f)
    f = click.option("--weights", callback=_weights, default=None,
                     help="Factuality weights over the defaults, e.g. 'speculated=0,reported=0.5' "
                          "(0 filters a label out).")(f)
    return f


def load_events(db: str | None, event_files: Sequence[str], since: date | None = None,
                until: date | None = None) -> list[dict[str, Any]]:
    """Events from files (extract output) or from the store, limited to [since, until]."""
    if event_files:
        events = list(_read_event_files(event_files))
    else:
        try:
            from ..store import EventQuery, open_store  # noqa: PLC0415
        except ImportError as exc:
            raise click.UsageError("no store available: pass --events FILE (frontlines extract output)") from exc
        with open_store(db) as store:
            events = list(store.iter_events(EventQuery(
                since=(since - timedelta(days=1)).isoformat() if since else None,
                until=(until + timedelta(days=1)).isoformat() if until else None)))
    out = []
    for ev in events:
        day = dy.event_day(ev)
        if day is None or (since and day < since) or (until and day > until):
            continue
        out.append(ev)
    return out


def _read_event_files(paths: Sequence[str]) -> Iterable[dict[str, Any]]:
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        if text.lstrip().startswith("["):
            rows = json.loads(text)
        else:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        for row in rows:
            if isinstance(row, dict) and "events" in row and "doc_id" in row and "kind" not in row:
                rows_in = row["events"]  # annotate output: one object per document
            else:
                rows_in = [row]
            for r in rows_in:
                if isinstance(r, dict) and r.get("kind", "event") == "event":
                    yield r


def _emit(rows: list[dict[str, Any]], fmt: str, output: IO[str], columns: Sequence[str]) -> None:
    if fmt == "jsonl":
        for r in rows:
            output.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, output, ensure_ascii=False, indent=2)
        output.write("\n")
    elif fmt == "csv":
        w = csv.DictWriter(output, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(r.get(k)) for k in columns})
    else:
        cells = [[_cell(r.get(c)) for c in columns] for r in rows]
        widths = [min(max([len(c)] + [len(row[i]) for row in cells]), 60) for i, c in enumerate(columns)]
        output.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        widths[-1] = max([len(columns[-1])] + [len(row[-1]) for row in cells])  # the last column is never cut
        for row in cells:
            output.write("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default="table",
                      show_default=True)
OUTPUT = click.option("-o", "--output", type=click.File("w"), default="-", help="Output file (default stdout).")


@click.command()
@click.option("--actor", required=True, help="The actor (a named group, ISO3 country, or 'SDN MIL' by level).")
@click.option("--vs", default=None, help="The other side; default: every partner of --actor.")
@click.option("--by", type=click.Choice(list(dy.PERIODS)), default="week", show_default=True)
@source_options
@FORMAT
@OUTPUT
def dyads(actor: str, vs: str | None, by: str, db: str | None, event_files: tuple[str, ...], since: date | None,
          until: date | None, level: str, weights: dict[str, float], fmt: str, output: IO[str]) -> None:
    """Event counts, Goldstein balance and fatalities between two actors, per day/week/month."""
    events = load_events(db, event_files, since, until)
    points = dy.dyad_series(events, actor, vs, level=level, by=by, weights=weights, since=since, until=until)
    _emit([p.to_json() for p in points], fmt, output,
          ["period", "actor", "partner", "events", "conflict", "material_conflict", "cooperation", "balance",
           "fatalities"])


def _faction_windows(events: list[dict[str, Any]], window: int, until: date | None, level: str,
                     weights: dict[str, float]) -> tuple[fa.Window, fa.Window | None]:
    end = until or max((d for d in map(dy.event_day, events) if d), default=date.today())
    cur_start = end - timedelta(days=window - 1)
    prev_end = cur_start - timedelta(days=1)
    prev_start = prev_end - timedelta(days=window - 1)
    out = []
    for lo, hi in ((cur_start, end), (prev_start, prev_end)):
        g = fa.alignment_graph(events, since=lo, until=hi, level=level, weights=weights)
        out.append(fa.Window(lo, hi, g, fa.detect_factions(g)))
    return out[0], (out[1] if out[1].graph.number_of_nodes() else None)


@click.command()
@click.option("--window", default="30d", callback=_span, show_default=True, help="Window length (30d, 4w, 2m).")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), default=None,
              help="Also draw the network to this .png/.svg file.")
@source_options
@FORMAT
@OUTPUT
def factions(window: int, plot_path: str | None, db: str | None, event_files: tuple[str, ...], since: date | None,
             until: date | None, level: str, weights: dict[str, float], fmt: str, output: IO[str]) -> None:
    """Factions in the latest window and what changed since the window before it."""
    events = load_events(db, event_files, since, until)
    cur, prev = _faction_windows(events, window, until, level, weights)
    rows = [{"faction": i + 1, "window": f"{cur.start}..{cur.end}", **cur.describe(f)}
            for i, f in enumerate(cur.factions)]
    change = fa.compare(prev.graph, prev.factions, cur.graph, cur.factions) if prev else {}
    if fmt == "table":
        _emit(rows, fmt, output, ["faction", "size", "internal_balance", "events", "members"])
        if prev:
            output.write(f"\nchanges since {prev.start}..{prev.end}:\n")
            for kind, label in (("closer", "moved closer"), ("hostile", "turned hostile")):
                for c in change[kind]:
                    output.write(f"  {label}: {c['pair'][0]} - {c['pair'][1]} ({c['before']:g} -> {c['after']:g})\n")
            for s in change["splits"]:
                output.write("  split: " + " | ".join(", ".join(p) for p in s["into"]) + "\n")
            for m in change["merges"]:
                output.write("  merged: " + " + ".join(", ".join(p) for p in m["from"]) + "\n")
    else:
        _emit(rows + ([{"changes": change, "previous_window": f"{prev.start}..{prev.end}"}] if prev else []),
              fmt, output, ["faction", "window", "size", "members", "internal_balance", "events"])
    if plot_path:
        from ..analytics.plots import plot_factions  # noqa: PLC0415

        plot_factions(cur.graph, cur.factions, plot_path, title=f"Alignment network {cur.start} to {cur.end}")
        click.echo(f"wrote {plot_path}", err=True)


@click.command()
@source_options
@FORMAT
@OUTPUT
@click.option("--alerts", is_flag=True, help="List the violation and breakdown alerts instead of the truces.")
def ceasefires(db: str | None, event_files: tuple[str, ...], since: date | None, until: date | None, level: str,
               weights: dict[str, float], fmt: str, output: IO[str], alerts: bool) -> None:
    """Truce declarations with their parties, scope and status (holding, violated, broken)."""
    events = load_events(db, event_files, None, until)
    statuses = [s for s in cf.monitor(events, level=level, weights=weights, until=until)
                if since is None or s.truce.declared >= since]
    if alerts:
        _emit(cf.ceasefire_alerts(statuses), fmt, output, ["date", "kind", "parties", "message"])
        return
    _emit([s.to_json() for s in statuses], fmt, output,
          ["declared", "parties", "scope", "status", "violations", "first_violation", "breakdown_date",
           "baseline_weekly", "escalated"])


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--interval", type=float, default=60.0, show_default=True, help="Seconds between polls.")
@click.option("--once", is_flag=True, help="One cycle, then exit.")
@click.option("-o", "--output", type=click.File("a"), default="-", help="Append alerts (JSON lines) here.")
@click.option("--db", default=None, help="Also store events in this store (URL); default: keep them in memory.")
@click.option("--level", type=LEVEL, default="name", show_default=True)
@click.option("--weights", callback=_weights, default=None)
@click.option("--window", default="30d", callback=_span, show_default=True, help="Faction window.")
@click.option("--horizon", default="180d", callback=_span, show_default=True,
              help="Alerts look back this far from the latest document.")
def watch(sources: tuple[str, ...], interval: float, once: bool, output: IO[str], db: str | None, level: str,
          weights: dict[str, float], window: int, horizon: int) -> None:
    """Process documents as they arrive in DIR or FEED and write alerts as JSON lines."""
    from .. import resources as res  # noqa: PLC0415
    from ..analytics.watch import Watcher, emitted_ids, write_alert  # noqa: PLC0415
    from ..runner import build_pipeline  # noqa: PLC0415

    pipeline = build_pipeline(res.load_resources())
    store = None
    if db:
        from ..store import open_store  # noqa: PLC0415

        store = open_store(db)
    watcher = Watcher(pipeline, sources, store=store, level=level, weights=weights, window_days=window,
                      horizon_days=horizon)
    if output.name not in ("-", "<stdout>"):
        watcher.emitted |= emitted_ids(output.name)  # a restarted watch appends only new alerts
    try:
        for alert in watcher.run(interval=interval, once=once):
            write_alert(alert, output)
    except KeyboardInterrupt:
        pass
    finally:
        if store is not None:
            store.close()


@click.group()
def plot() -> None:
    """Draw analytics to PNG or SVG (by the -o suffix)."""


@plot.command("dyad")
@click.option("--actor", required=True)
@click.option("--vs", default=None)
@click.option("--by", type=click.Choice(list(dy.PERIODS)), default="week", show_default=True)
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False), help="file.png or file.svg")
@source_options
def plot_dyad_cmd(actor: str, vs: str | None, by: str, out: str, db: str | None, event_files: tuple[str, ...],
                  since: date | None, until: date | None, level: str, weights: dict[str, float]) -> None:
    """Conflict/cooperation counts and Goldstein balance between two actors."""
    from ..analytics.plots import plot_dyad  # noqa: PLC0415

    events = load_events(db, event_files, since, until)
    points = dy.dyad_series(events, actor, vs, level=level, by=by, weights=weights, since=since, until=until)
    marks = [(s.truce.declared, "truce") for s in cf.monitor(events, level=level, weights=weights)
             if vs and any(dy.matches(p, actor, level) for p in s.truce.parties)
             and any(dy.matches(p, vs, level) for p in s.truce.parties)]
    marks += [(s.breakdown_date, "breakdown") for s in cf.monitor(events, level=level, weights=weights)
              if s.breakdown_date and vs and any(dy.matches(p, vs, level) for p in s.truce.parties)
              and any(dy.matches(p, actor, level) for p in s.truce.parties)]
    plot_dyad(points, out, by=by, marks=marks)
    click.echo(f"wrote {out}", err=True)


@plot.command("factions")
@click.option("--window", default="30d", callback=_span, show_default=True)
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False))
@source_options
def plot_factions_cmd(window: int, out: str, db: str | None, event_files: tuple[str, ...], since: date | None,
                      until: date | None, level: str, weights: dict[str, float]) -> None:
    """The alignment network of the latest window, coloured by faction."""
    from ..analytics.plots import plot_factions  # noqa: PLC0415

    events = load_events(db, event_files, since, until)
    cur, _ = _faction_windows(events, window, until, level, weights)
    plot_factions(cur.graph, cur.factions, out, title=f"Alignment network {cur.start} to {cur.end}")
    click.echo(f"wrote {out}", err=True)


@plot.command("ceasefire")
@click.option("--index", type=int, default=-1, show_default=True, help="Which truce (in date order; -1 = latest).")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False))
@source_options
def plot_ceasefire_cmd(index: int, out: str, db: str | None, event_files: tuple[str, ...], since: date | None,
                       until: date | None, level: str, weights: dict[str, float]) -> None:
    """Daily violations of one truce against its pre-truce baseline."""
    from ..analytics.plots import plot_ceasefire  # noqa: PLC0415

    statuses = cf.monitor(load_events(db, event_files, None, until), level=level, weights=weights, until=until)
    if not statuses:
        raise click.UsageError("no ceasefire declarations found")
    try:
        status = statuses[index]
    except IndexError as exc:
        raise click.UsageError(f"there are {len(statuses)} truces; --index {index} is out of range") from exc
    plot_ceasefire(status, out)
    click.echo(f"wrote {out}", err=True)

