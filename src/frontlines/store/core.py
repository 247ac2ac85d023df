"""The event store: documents, sentences, event mentions and the canonical (deduplicated) events.

Writes go through ``add``/``add_many``; a document is identified by its ``doc_id`` and its URL and
versioned by a hash of its text, so re-adding is a no-op and a changed text replaces the old
version, its events and their share in every canonical event. Reads (``query_events`` ...) return
canonical events as ``serialize.event_to_json`` dicts plus ``canonical_id``, ``n_sources`` and
``mentions``.
"""

from __future__ import annotations

import json
import statistics as pystats
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal
from urllib.parse import urlparse

from ..ids import content_id
from ..records import Annotation, Document, Event
from ..serialize import event_to_json, sentence_to_json, statistic_to_json
from .db import Database, connect
from .dedupe import DedupeConfig, Features, features, iso_day, match_score, place_conflict
from .query import EventQuery, build_where

AddStatus = Literal["added", "unchanged", "replaced"]

_CANON_COLS = ("canonical_id, rep_event_id, plover, cameo, acled_event_type, acled_sub_event_type, date_start, "
               "date_end, day_start, day_end, lat, lon, country, precision, factuality, n_sources, n_mentions, "
               "actor_keys, actor_text, evidence, data")


def text_hash(text: str) -> str:
    return content_id("txt", text)


def _source_key(doc: Document) -> str:
    if doc.source:
        return doc.source.strip().lower()
    if doc.url:
        host = urlparse(doc.url).netloc.lower()
        return host[4:] if host.startswith("www.") else host or doc.doc_id
    return doc.doc_id


def _info(event: Event) -> int:
    """How much a mention says: the richest one represents its canonical event."""
    return (4 * (event.location is not None and event.location.lat is not None) + 2 * (event.date is not None)
            + 2 * bool(event.actors) + bool(event.recipients) + 2 * (event.fatalities is not None)
            + (event.factuality == "asserted"))


@dataclass(slots=True)
class _Member:
    """One mention as the canonical row needs it (the columns of ``events`` plus the parsed JSON)."""

    event_id: str
    doc_id: str
    day_start: int | None
    day_end: int | None
    lat: float | None
    lon: float | None
    country: str | None
    precision: str | None
    source_key: str
    actor_keys: str
    info: int
    json: str
    data: dict[str, Any]


@dataclass
class AddResult:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    statuses: list[AddStatus] = field(default_factory=list)

    def count(self, status: AddStatus, n_events: int) -> None:
        self.statuses.append(status)
        setattr(self, status, getattr(self, status) + 1)
        self.events += n_events


class Store:
    """A migrated database plus the dedupe settings; build with ``open_store``."""

    def __init__(self, db: Database, dedupe: DedupeConfig | None = None) -> None:
        self.db = db
        self.dedupe = dedupe or DedupeConfig()
        self.schema_version = db.migrate()

    @property
    def dialect(self) -> str:
        return self.db.dialect

    # ------------------------------------------------------------------ writes
    def known(self, document: Document) -> bool:
        """True when this exact text is already stored under this doc_id or URL (ingest skips it)."""
        h = text_hash(document.text)
        if document.url:
            rows = self.db.query("SELECT 1 FROM documents WHERE content_hash = ? AND (doc_id = ? OR url = ?)",
                                 (h, document.doc_id, document.url))
        else:
            rows = self.db.query("SELECT 1 FROM documents WHERE content_hash = ? AND doc_id = ?",
                                 (h, document.doc_id))
        return bool(rows)

    def add(self, ann: Annotation) -> AddStatus:
        with self.db.transaction():
            return self._add(ann)

    def add_many(self, annotations: Iterable[Annotation], *, batch_size: int = 200) -> AddResult:
        """Add in transactions of ``batch_size`` documents; a failure rolls back only its batch."""
        result = AddResult()
        batch: list[Annotation] = []
        for ann in annotations:
            batch.append(ann)
            if len(batch) >= batch_size:
                self._add_batch(batch, result)
                batch = []
        if batch:
            self._add_batch(batch, result)
        return result

    def _add_batch(self, batch: Sequence[Annotation], result: AddResult) -> None:
        with self.db.transaction():
            for ann in batch:
                result.count(self._add(ann), len(ann.events))

    def _add(self, ann: Annotation) -> AddStatus:
        doc = ann.document
        h = text_hash(doc.text)
        if doc.url:
            old = self.db.query("SELECT doc_id, content_hash FROM documents WHERE doc_id = ? OR url = ?",
                                (doc.doc_id, doc.url))
        else:
            old = self.db.query("SELECT doc_id, content_hash FROM documents WHERE doc_id = ?", (doc.doc_id,))
        if any(row[1] == h for row in old):
            return "unchanged"
        touched: set[str] = set()
        for (old_id, _) in old:
            touched |= self._delete_document(old_id)
        # settle what the old version leaves behind first, so a re-found canonical id is free again
        for cid in sorted(touched):
            self._recompute(cid)
        self._insert_document(ann, h)
        self._insert_events(ann)
        return "replaced" if old else "added"

    def _delete_document(self, doc_id: str) -> set[str]:
        """Remove a document and everything extracted from it; return the canonical ids it touched."""
        touched = {r[0] for r in self.db.query("SELECT DISTINCT canonical_id FROM events WHERE doc_id = ?",
                                               (doc_id,))}
        self.db.execute("DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events WHERE doc_id = ?)",
                        (doc_id,))
        for table in ("events", "sentences", "doc_actors", "doc_places", "statistics", "documents"):
            self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        return touched

    def _insert_document(self, ann: Annotation, h: str) -> None:
        d = ann.document
        self.db.execute(
            "INSERT INTO documents (doc_id, content_hash, url, title, source, author, date, date_source, language,"
            " origin, text, blocks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d.doc_id, h, d.url, d.title, d.source, d.author, d.date, d.date_source, d.language, d.origin, d.text,
             json.dumps([[b.start, b.end, b.kind] for b in d.blocks])))
        self.db.executemany(
            "INSERT INTO sentences (sent_id, doc_id, start_char, end_char, text, block, factuality, certainty,"
            " attribution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.sent_id, d.doc_id, s.start, s.end, s.text, s.block, s.factuality, s.certainty,
              json.dumps(sentence_to_json(s)["attribution"])) for s in _unique(ann.sentences, "sent_id")])
        self.db.executemany(
            "INSERT INTO doc_actors (doc_id, start_char, end_char, text, name, country, sector, code)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.doc_id, a.start, a.end, a.text, a.name, a.country, a.sector, a.code) for a in ann.actors])
        self.db.executemany(
            "INSERT INTO doc_places (doc_id, start_char, end_char, text, name, geonames_id, lat, lon, country,"
            " admin1, feature, precision, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.doc_id, p.start, p.end, p.text, p.name, p.geonames_id, p.lat, p.lon, p.country, p.admin1,
              p.feature, p.precision, p.score) for p in ann.places])
        self.db.executemany(
            "INSERT INTO statistics (stat_id, doc_id, measure, best, data) VALUES (?, ?, ?, ?, ?)",
            [(s.stat_id, d.doc_id, s.quantity.kind, s.quantity.best,
              json.dumps(statistic_to_json(s, d.source, d.date))) for s in _unique(ann.statistics, "stat_id")])

    def _insert_events(self, ann: Annotation) -> None:
        d = ann.document
        skey = _source_key(d)
        todo = _unique(ann.events, "event_id")
        if not todo:
            return
        ids = [e.event_id for e in todo]
        # the same event id from another document version is already stored: keep that one
        have = {r[0] for r in self.db.query(
            f"SELECT event_id FROM events WHERE event_id IN ({', '.join('?' * len(ids))})", ids)}
        event_rows, actor_rows, canon_rows = [], [], []
        for e in todo:
            if e.event_id in have:
                continue
            f = features(e, d.date)
            data = event_to_json(e, d.source, d.date)
            member = _Member(e.event_id, d.doc_id, f.day_start, f.day_end, f.lat, f.lon, f.country, f.precision,
                             skey, " ".join(sorted(f.actor_keys)), _info(e), json.dumps(data), data)
            cid = self._match(f) if self.dedupe.enabled else None
            event_rows.append((e.event_id, d.doc_id, cid or content_id("can", e.event_id), e.plover, e.cameo,
                               e.acled_event_type, f.day_start, f.day_end, f.lat, f.lon, f.country, f.precision,
                               skey, member.actor_keys, member.info, member.json, f.admin1))
            actor_rows += [(e.event_id, role, a.name, (a.name or a.text or "").lower(), a.country, a.code, a.sector)
                           for role, group in (("actor", e.actors), ("recipient", e.recipients)) for a in group]
            # a new real-world event: its canonical row is this mention alone, no need to read it back
            if cid is None:
                canon_rows.append(self._canonical_row(content_id("can", e.event_id), [member]))
            if self.dedupe.enabled:
                # later events of the same batch must see this one to match against it
                self._flush_events(event_rows, actor_rows, canon_rows)
                if cid is not None:
                    self._recompute(cid)
        self._flush_events(event_rows, actor_rows, canon_rows)

    def _flush_events(self, event_rows: list[Any], actor_rows: list[Any], canon_rows: list[Any]) -> None:
        self.db.executemany(
            "INSERT INTO events (event_id, doc_id, canonical_id, plover, cameo, acled_event_type, day_start,"
            " day_end, lat, lon, country, precision, source_key, actor_keys, info, data, admin1)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event_rows)
        self.db.executemany("INSERT INTO event_actors (event_id, role, name, norm, country, code, sector)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?)", actor_rows)
        self.db.executemany(f"INSERT INTO canonical ({_CANON_COLS}) VALUES ({', '.join('?' * 21)})", canon_rows)
        event_rows.clear()
        actor_rows.clear()
        canon_rows.clear()

    def _match(self, f: Features) -> str | None:
        """The canonical event this mention reports, if any.

        The mention is compared with each stored mention in the date window, not with a merged
        profile, and must match at least half of a canonical event's mentions: one loose link
        cannot chain unrelated reports together. A single mention placed clearly elsewhere vetoes
        its canonical event: an unlocated report cannot carry a Homs shelling into an Idlib event.
        Best mean score wins, ties by id.
        """
        if f.day_start is None or f.day_end is None:
            return None
        tol = self.dedupe.date_tolerance_days
        # one type key, the one types_compatible decides on first, so the (plover, day) index answers
        if f.plover:
            type_sql, type_param = "e.plover = ?", f.plover
        elif f.cameo_root:
            type_sql, type_param = "e.plover IS NULL AND e.cameo LIKE ?", f.cameo_root + "%"
        elif f.acled:
            type_sql, type_param = "e.plover IS NULL AND e.acled_event_type = ?", f.acled
        else:
            return None
        rows = self.db.query(
            "SELECT e.canonical_id, c.n_mentions, e.plover, e.cameo, e.acled_event_type, e.day_start, e.day_end,"
            " e.lat, e.lon, e.country, e.precision, e.actor_keys, e.admin1 FROM events e"
            " JOIN canonical c ON c.canonical_id = e.canonical_id"
            # mentions spanning more than max_span_days never match: that bounds the index range
            f" WHERE {type_sql} AND e.day_start <= ? AND e.day_start >= ? AND e.day_end >= ?",
            (type_param, f.day_end + tol, f.day_start - tol - self.dedupe.max_span_days, f.day_start - tol))
        votes: dict[str, list[float]] = {}
        sizes: dict[str, int] = {}
        vetoed: set[str] = set()
        for cid, n, plover, cameo, acled, d0, d1, lat, lon, country, precision, keys, admin1 in rows:
            old = Features(plover, (cameo or "")[:2] or None, acled, d0, d1, lat, lon, country, precision,
                           frozenset((keys or "").split()), admin1)
            score = match_score(f, old, self.dedupe)
            sizes[cid] = n
            if place_conflict(f, old, self.dedupe):
                vetoed.add(cid)
            elif score is not None:
                votes.setdefault(cid, []).append(score)
        best: tuple[float, str] | None = None
        for cid, scores in votes.items():
            if cid not in vetoed and 2 * len(scores) >= sizes[cid]:
                cand = (sum(scores) / len(scores), cid)
                best = cand if best is None or cand > best else best
        return best[1] if best else None

    def _recompute(self, cid: str) -> None:
        """Rebuild one canonical row from its current mentions (delete it when none are left)."""
        rows = self.db.query(
            "SELECT event_id, doc_id, day_start, day_end, lat, lon, country, precision, source_key, actor_keys,"
            " info, data FROM events WHERE canonical_id = ? ORDER BY event_id", (cid,))
        self.db.execute("DELETE FROM canonical WHERE canonical_id = ?", (cid,))
        if not rows:
            return
        # a canonical id stays put while the mention that founded it is there (ids clients hold stay valid)
        founders = {content_id("can", r[0]) for r in rows}
        new_cid = cid if cid in founders else content_id("can", rows[0][0])
        if new_cid != cid:
            self.db.execute("UPDATE events SET canonical_id = ? WHERE canonical_id = ?", (new_cid, cid))
            self.db.execute("DELETE FROM canonical WHERE canonical_id = ?", (new_cid,))
        self._write_canonical(new_cid, [_Member(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                                                json.loads(r[11])) for r in rows])

    def _write_canonical(self, cid: str, members: list[_Member]) -> None:
        self.db.execute(f"INSERT INTO canonical ({_CANON_COLS}) VALUES ({', '.join('?' * 21)})",
                        self._canonical_row(cid, members))

    @staticmethod
    def _canonical_row(cid: str, members: list[_Member]) -> tuple[Any, ...]:
        """The merged view of ``members``: the richest mention, gaps filled from the others."""
        rep = max(enumerate(members), key=lambda im: (im[1].info, -im[0]))[1]
        data = dict(rep.data)
        if data.get("location") is None or data["location"].get("lat") is None:
            located = [m for m in members if m.lat is not None]
            if located:
                data["location"] = max(located, key=lambda m: m.info).data["location"]
        mentions = [m.data for m in members]
        if len(members) > 1:
            data["fatalities"] = _merge_counts([m.get("fatalities") for m in mentions]) or data.get("fatalities")
        loc = data.get("location") or {}
        keys = sorted({k for m in members for k in (m.actor_keys or "").split()})
        actor_text = " ".join(sorted({a["name"] or a["text"] or "" for m in mentions
                                      for a in (*m["actors"], *m["recipients"])}))
        evidence = "\n".join(dict.fromkeys(m["evidence"]["text"] for m in mentions if m.get("evidence")))
        acled = data.get("acled") or {}
        return (cid, data["event_id"], data.get("plover"), data.get("cameo"), acled.get("event_type"),
             acled.get("sub_event_type"), iso_day(rep.day_start), iso_day(rep.day_end), rep.day_start, rep.day_end,
             loc.get("lat"), loc.get("lon"), loc.get("country") or _actor_country(data), loc.get("precision"),
             data.get("factuality"), len({m.source_key for m in members}), len(members), " ".join(keys),
             actor_text, evidence, json.dumps(data))

    # ------------------------------------------------------------------ reads
    def count_events(self, q: EventQuery | None = None) -> int:
        where, params = build_where(q or EventQuery(), self.dialect)
        return int(self.db.query(f"SELECT count(*) FROM canonical c WHERE {where}", params)[0][0])

    def query_events(self, q: EventQuery | None = None) -> list[dict[str, Any]]:
        q = q or EventQuery()
        where, params = build_where(q, self.dialect)
        rows = self.db.query(
            f"SELECT canonical_id, n_sources, data FROM canonical c WHERE {where}"
            " ORDER BY c.day_start DESC NULLS LAST, c.canonical_id LIMIT ? OFFSET ?", (*params, q.limit, q.offset))
        return self._hydrate(rows)

    def iter_events(self, q: EventQuery | None = None, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
        """Every matching event, oldest first, no limit. Only the ids are held in memory; the events
        are read ``chunk`` at a time, so exports of a large store stay small on both backends."""
        where, params = build_where(q or EventQuery(), self.dialect)
        ids = [r[0] for r in self.db.query(f"SELECT canonical_id FROM canonical c WHERE {where}"
                                           " ORDER BY c.day_start NULLS LAST, c.canonical_id", params)]
        for i in range(0, len(ids), chunk):
            part = ids[i:i + chunk]
            found = {r[0]: r for r in self.db.query(
                "SELECT canonical_id, n_sources, data FROM canonical"
                f" WHERE canonical_id IN ({', '.join('?' * len(part))})", part)}
            yield from self._hydrate([found[c] for c in part if c in found])

    def _hydrate(self, rows: Sequence[Any]) -> list[dict[str, Any]]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        mentions: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for cid, event_id, doc_id, data, url, source, ddate in self.db.query(
                "SELECT e.canonical_id, e.event_id, e.doc_id, e.data, d.url, d.source, d.date FROM events e"
                " JOIN documents d ON d.doc_id = e.doc_id"
                f" WHERE e.canonical_id IN ({', '.join('?' * len(ids))}) ORDER BY e.doc_id, e.event_id", ids):
            mentions[cid].append({"event_id": event_id, "doc_id": doc_id, "evidence": json.loads(data)["evidence"],
                                  "url": url, "source": source, "doc_date": ddate})
        out = []
        for cid, n_sources, data in rows:
            d = json.loads(data)
            d["canonical_id"] = cid
            d["n_sources"] = n_sources
            d["mentions"] = mentions[cid]
            out.append(d)
        return out

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """A canonical event (by canonical id or any mention's id) with the provenance of each mention."""
        row = self.db.query("SELECT canonical_id FROM events WHERE event_id = ?", (event_id,))
        cid = row[0][0] if row else event_id
        rows = self.db.query("SELECT canonical_id, n_sources, data FROM canonical WHERE canonical_id = ?", (cid,))
        if not rows:
            return None
        out = self._hydrate(rows)[0]
        out["provenance"] = [self._provenance(m["event_id"]) for m in out["mentions"]]
        return out

    def _provenance(self, event_id: str) -> dict[str, Any]:
        data, doc_id, url, source, title, ddate = self.db.query(
            "SELECT e.data, e.doc_id, d.url, d.source, d.title, d.date FROM events e"
            " JOIN documents d ON d.doc_id = e.doc_id WHERE e.event_id = ?", (event_id,))[0]
        ev = json.loads(data)
        ev_span = ev.get("evidence") or {"start": 0, "end": 0, "text": ""}
        sent = self.db.query("SELECT sent_id, start_char, end_char, text FROM sentences WHERE doc_id = ?"
                             " AND start_char <= ? AND end_char >= ? ORDER BY start_char DESC LIMIT 1",
                             (doc_id, ev_span["start"], ev_span["end"]))
        if sent:
            sent_id, s0, s1, stext = sent[0]
        else:
            sent_id, s0, s1, stext = None, ev_span["start"], ev_span["end"], ev_span["text"]
        highlights = []
        spans: list[tuple[str, Any]] = [("trigger", ev.get("trigger"))]
        spans += [("actor", a) for a in ev.get("actors", [])] + [("recipient", a) for a in ev.get("recipients", [])]
        spans.append(("place", ev.get("location")))
        date_ = ev.get("date")
        if date_ and date_.get("char_start") is not None:
            spans.append(("date", {"text": date_.get("text"), "start": date_["char_start"], "end": date_["char_end"]}))
        spans += [(k, ev.get(k)) for k in ("fatalities", "injuries", "arrests")]
        for kind, span in spans:
            if (span and span.get("start") is not None and span.get("end") is not None
                    and s0 <= span["start"] < span["end"] <= s1):
                highlights.append({"kind": kind, "text": span.get("text"),
                                   "start": span["start"] - s0, "end": span["end"] - s0})
        return {"event_id": event_id, "doc_id": doc_id, "url": url, "source": source, "title": title,
                "doc_date": ddate, "sentence": {"sent_id": sent_id, "text": stext, "start": s0, "end": s1},
                "highlights": highlights}

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.db.query("SELECT doc_id, content_hash, url, title, source, author, date, date_source, language,"
                             " origin, text FROM documents WHERE doc_id = ?", (doc_id,))
        if not rows:
            return None
        keys = ("doc_id", "content_hash", "url", "title", "source", "author", "date", "date_source", "language",
                "origin", "text")
        out: dict[str, Any] = dict(zip(keys, rows[0], strict=True))
        out["sentences"] = [
            {"sent_id": r[0], "start": r[1], "end": r[2], "text": r[3], "block": r[4], "factuality": r[5],
             "certainty": r[6], "attribution": json.loads(r[7]) if r[7] else None}
            for r in self.db.query("SELECT sent_id, start_char, end_char, text, block, factuality, certainty,"
                                   " attribution FROM sentences WHERE doc_id = ? ORDER BY start_char", (doc_id,))]
        out["events"] = [
            {**json.loads(r[1]), "canonical_id": r[0]}
            for r in self.db.query("SELECT canonical_id, data FROM events WHERE doc_id = ? ORDER BY event_id",
                                   (doc_id,))]
        out["statistics"] = [json.loads(r[0]) for r in self.db.query(
            "SELECT data FROM statistics WHERE doc_id = ? ORDER BY stat_id", (doc_id,))]
        return out

    def stats(self) -> dict[str, Any]:
        one = self.db.query
        by_type = {k or "unknown": n for k, n in one("SELECT plover, count(*) FROM canonical GROUP BY plover")}
        by_country = {k or "unknown": n for k, n in one("SELECT country, count(*) FROM canonical GROUP BY country")}
        by_week: dict[str, int] = {}
        for day, n in one("SELECT day_start, count(*) FROM canonical GROUP BY day_start"):
            if day is None:
                key = "unknown"
            else:
                y, w, _ = date.fromordinal(day).isocalendar()
                key = f"{y}-W{w:02d}"
            by_week[key] = by_week.get(key, 0) + n
        return {
            "documents": one("SELECT count(*) FROM documents")[0][0],
            "mentions": one("SELECT count(*) FROM events")[0][0],
            "events": one("SELECT count(*) FROM canonical")[0][0],
            "statistics": one("SELECT count(*) FROM statistics")[0][0],
            "by_type": dict(sorted(by_type.items())), "by_country": dict(sorted(by_country.items())),
            "by_week": dict(sorted(by_week.items())),
        }

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _unique(items: Iterable[Any], attr: str) -> list[Any]:
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(getattr(item, attr), item)
    return list(seen.values())


def _merge_counts(counts: list[dict[str, Any] | None]) -> dict[str, Any] | None:
    """Reports disagree on tolls: keep the median best and the widest low/high (UCDP-style)."""
    known = [c for c in counts if c and c.get("best") is not None]
    if not known:
        return None
    bests = sorted(int(c["best"]) for c in known)
    lows = [int(c["low"] if c.get("low") is not None else c["best"]) for c in known]
    highs = [int(c["high"] if c.get("high") is not None else c["best"]) for c in known]
    out = dict(known[0])
    out.update(best=int(pystats.median_low(bests)), low=min(lows), high=max(highs))
    if len(known) > 1:
        out["qualifier"] = "range" if min(lows) != max(highs) else out.get("qualifier")
    return out


def _actor_country(data: dict[str, Any]) -> str | None:
    countries = {a.get("country") for a in (*data.get("actors", []), *data.get("recipients", [])) if a.get("country")}
    return countries.pop() if len(countries) == 1 else None


def open_store(url: str | None = None, *, dedupe: DedupeConfig | None = None) -> Store:
    """Open (and migrate) a store: None -> ./frontlines.db, ``sqlite:///PATH``, ``postgresql://...``."""
    return Store(connect(url), dedupe)
