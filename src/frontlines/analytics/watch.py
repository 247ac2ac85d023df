"""Watch a directory or feed: process documents as they arrive and emit new alerts as JSON lines.

Each cycle reads the sources with ``frontlines.ingest.read_paths``, skips documents already seen
(files by path, size and mtime; documents by id), runs the new ones through the pipeline, keeps
their events (in the store when one is given, else in memory), recomputes every monitor over
all events and yields the alerts whose ``alert_id`` has not been emitted before. Alert ids are
content hashes of what the alert is about, so a rerun over the same data emits nothing new.

Alert kinds: ``ceasefire_violation``, ``ceasefire_breakdown`` (ceasefire.py), ``dyad_escalation``
(dyads.escalations) and ``faction_split`` (factions.faction_alerts).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..records import Document, ErrorRecord
from ..serialize import records_of
from .ceasefire import ceasefire_alerts, monitor
from .dyads import EventDict, escalations, event_day
from .factions import faction_alerts, windows

log = logging.getLogger(__name__)


def compute_alerts(events: Sequence[EventDict], *, level: str = "name", weights: Mapping[str, float] | None = None,
                   window_days: int = 30, step_days: int = 7, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every alert the monitors raise over ``events``, sorted by date."""
    want = set(kinds) if kinds else {"ceasefire", "dyad", "faction"}
    alerts: list[dict[str, Any]] = []
    if "ceasefire" in want:
        alerts += ceasefire_alerts(monitor(events, level=level, weights=weights))
    if "dyad" in want:
        alerts += escalations(events, level=level, weights=weights)
    if "faction" in want:
        alerts += faction_alerts(windows(events, window_days=window_days, step_days=step_days, level=level,
                                         weights=weights))
    return sorted(alerts, key=lambda a: (a["date"], a["kind"], a["alert_id"]))


class Watcher:
    """State of one watch: what was read, the events so far, the alerts already emitted."""

    def __init__(self, pipeline: Any, sources: Sequence[str], *, store: Any = None, level: str = "name",
                 weights: Mapping[str, float] | None = None, window_days: int = 30, horizon_days: int = 180,
                 read: Callable[[Sequence[str]], Iterable[Document | ErrorRecord]] | None = None) -> None:
        self.pipeline = pipeline
        self.sources = list(sources)
        self.store = store
        self.level = level
        self.weights = weights
        self.window_days = window_days
        self.horizon_days = horizon_days  # alerts look this far back from the latest event (bounded work)
        self._latest: date | None = None
        self._read = read or _read_paths
        self._files: dict[str, tuple[int, int]] = {}
        self._docs: set[str] = set()
        self._events: dict[str, dict[str, Any]] = {}
        self.emitted: set[str] = set()
        self.errors: list[ErrorRecord] = []

    def _new_paths(self) -> list[str]:
        """Sources to read this cycle: new or changed files under directories; feeds and URLs every time."""
        out = []
        for src in self.sources:
            p = Path(src)
            files = sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")) if p.is_dir() else (
                [p] if p.is_file() else [])
            if not files and not p.exists():
                out.append(src)  # a URL or feed address: read it every cycle, documents dedupe by id
                continue
            for f in files:
                st = f.stat()
                sig = (st.st_size, st.st_mtime_ns)
                if self._files.get(str(f)) != sig:
                    self._files[str(f)] = sig
                    out.append(str(f))
        return out

    def poll(self) -> int:
        """Read and process whatever is new; returns the number of new documents."""
        paths = self._new_paths()
        if not paths:
            return 0
        fresh: list[Document] = []
        for item in self._read(paths):
            if isinstance(item, ErrorRecord):
                self.errors.append(item)
                log.warning("skipped %s: %s", item.origin or item.doc_id, item.message)
            elif item.doc_id not in self._docs:
                self._docs.add(item.doc_id)
                fresh.append(item)
        for result in self.pipeline.run(fresh):
            if not result.ok:
                self.errors.append(result.error)
                continue
            ann = result.annotation
            day = event_day({"doc_date": ann.document.date})
            if day and (self._latest is None or day > self._latest):
                self._latest = day
            if self.store is not None:
                self.store.add(ann)
            else:
                for rec in records_of(ann):
                    if rec.get("kind") == "event":
                        self._events[rec["event_id"]] = rec
        return len(fresh)

    def events(self) -> list[dict[str, Any]]:
        """Events within ``horizon_days`` of the latest document seen (all of them if none is dated)."""
        since = self._latest - timedelta(days=self.horizon_days) if self._latest else None
        if self.store is not None:
            from ..store import EventQuery  # noqa: PLC0415 - only a store-backed watch needs it

            return list(self.store.iter_events(EventQuery(since=since.isoformat() if since else None)))
        return [e for e in self._events.values() if since is None or (event_day(e) or since) >= since]

    def new_alerts(self) -> list[dict[str, Any]]:
        """Alerts not emitted before (and now marked emitted)."""
        fresh = [a for a in compute_alerts(self.events(), level=self.level, weights=self.weights,
                                           window_days=self.window_days) if a["alert_id"] not in self.emitted]
        self.emitted.update(a["alert_id"] for a in fresh)
        return fresh

    def cycle(self) -> list[dict[str, Any]]:
        return self.new_alerts() if self.poll() else []

    def run(self, *, interval: float = 60.0, once: bool = False, max_cycles: int | None = None,
            sleep: Callable[[float], None] = time.sleep) -> Iterator[dict[str, Any]]:
        """Yield alerts as they arise; ``once`` does a single cycle."""
        n = 0
        while True:
            yield from self.cycle()
            n += 1
            if once or (max_cycles is not None and n >= max_cycles):
                return
            sleep(interval)


def _read_paths(paths: Sequence[str]) -> Iterable[Document | ErrorRecord]:
    from ..ingest import read_paths  # noqa: PLC0415 - keeps analytics importable without the readers' deps

    return read_paths(paths)


def emitted_ids(path: str | Path) -> set[str]:
    """Alert ids already in an alerts file, so a restarted watch does not raise them again."""
    p = Path(path)
    if not p.is_file():
        return set()
    out = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        try:
            out.add(json.loads(line)["alert_id"])
        except (ValueError, KeyError, TypeError):
            continue
    return out


def write_alert(alert: Mapping[str, Any], out: Any) -> None:
    out.write(json.dumps(alert, ensure_ascii=False, sort_keys=True) + "\n")
    out.flush()
