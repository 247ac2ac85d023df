"""Dedupe quality: pairwise precision/recall on the team's test set, reduction rate on real news.

The test set (``tests/data/dedupe_*.jsonl`` in the repository) holds coded reports: several
differently worded reports of the same events plus near misses (same place other day, same day
other place, same place and day other type or other actors). Each line is one report with a
``cluster``; reports with ``same_doc_as`` share one document. Scores are over report pairs:
a pair is predicted "same" when both reports land in one canonical event.

The reduction rate runs the real pipeline over ``bench/news.jsonl`` (``--limit`` documents) into
a temporary SQLite store: ``1 - canonical events / event mentions``.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..ids import content_id
from ..records import Actor, Annotation, DateRange, Document, Event, Place, Quantity, Sentence, Span
from . import EvalContext, Metrics


def default_testset_files(pattern: str = "dedupe_events*.jsonl") -> list[Path]:
    """The team's test set in the repository: coded reports (``dedupe_events*``) or raw texts
    (``dedupe_texts*``, run through the real pipeline)."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        folder = base / "tests" / "data"
        files = sorted(folder.glob(pattern)) if folder.is_dir() else []
        if files:
            return files
    return []


def load_reports(files: Iterable[Path]) -> list[dict[str, Any]]:
    reports: list[dict[str, Any]] = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            reports += [json.loads(line) for line in fh if line.strip()]
    return reports


def _find(text: str, needle: str | None, base: int) -> tuple[int, int]:
    i = text.find(needle) if needle else -1
    return (base + i, base + i + len(needle or "")) if i >= 0 else (base, base)


def _actor(spec: dict[str, Any], text: str, base: int) -> Actor:
    s, e = _find(text, spec["name"], base)
    return Actor(text=spec["name"], start=s, end=e, name=spec["name"], country=spec.get("country"),
                 sector=spec.get("sector"), code=spec.get("code"))


def report_event(r: dict[str, Any], doc_id: str, base: int) -> Event:
    """The coded event of one report whose text starts at ``base`` in its document."""
    text = r["text"]
    ts, te = _find(text, r.get("trigger"), base)
    place = r.get("place")
    loc = None
    if place:
        ps, pe = _find(text, place["name"], base)
        loc = Place(text=place["name"], start=ps, end=pe, name=place["name"], lat=place.get("lat"),
                    lon=place.get("lon"), country=place.get("country"), admin1=place.get("admin1"),
                    precision=place.get("precision"))
    d = r.get("date")
    date = DateRange(None, d["start"], d["end"], d.get("precision", "day")) if d else None
    fat = r.get("fatalities")
    return Event(
        event_id=content_id("evt", doc_id, ts, r.get("cameo")), doc_id=doc_id,
        evidence=Span(text, base, base + len(text)), trigger=Span(r.get("trigger") or "", ts, te),
        plover=r.get("plover"), cameo=r.get("cameo"), acled_event_type=r.get("acled"),
        actors=tuple(_actor(a, text, base) for a in r.get("actors", [])),
        recipients=tuple(_actor(a, text, base) for a in r.get("recipients", [])),
        location=loc, date=date,
        fatalities=Quantity("killed", fat, fat, fat, "exact") if fat is not None else None,
        factuality="asserted")


def report_annotations(reports: Sequence[dict[str, Any]]) -> tuple[list[Annotation], dict[str, str]]:
    """Annotations (one per document) and report -> event_id."""
    docs: dict[str, list[dict[str, Any]]] = {}
    for r in reports:
        docs.setdefault(r.get("same_doc_as") or r["report"], []).append(r)
    anns, event_of = [], {}
    for key, group in docs.items():
        text = " ".join(r["text"] for r in group)
        doc_id = content_id("doc", key, text)
        events, sentences, base = [], [], 0
        for r in group:
            ev = report_event(r, doc_id, base)
            events.append(ev)
            end = base + len(r["text"])
            sentences.append(Sentence(content_id("sent", doc_id, base, end), doc_id, base, end, r["text"]))
            event_of[r["report"]] = ev.event_id
            base += len(r["text"]) + 1
        first = group[0]
        document = Document(doc_id=doc_id, text=text, source=first.get("source"), date=first.get("doc_date"),
                            url=f"https://example.org/{key}")
        anns.append(Annotation(document=document, sentences=tuple(sentences), events=tuple(events)))
    return anns, event_of


def _pair_scores(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """Precision, recall and F1 over report pairs given as (same in gold, same in prediction)."""
    tp = fp = fn = 0
    for same_gold, same_pred in pairs:
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "pairs_same": float(tp + fn), "pairs_merged": float(tp + fp)}


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against gold clusters (same keys)."""
    return _pair_scores(
        (gold[a] == gold[b], predicted.get(a) is not None and predicted.get(a) == predicted.get(b))
        for a, b in itertools.combinations(sorted(gold), 2))


def score_testset(reports: Sequence[dict[str, Any]], url: str | None = None, **store_kw: Any) -> dict[str, float]:
    """Add the reports to a fresh store and score the canonical events it formed."""
    from ..store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(url or f"sqlite:///{tmp}/dedupe.db", **store_kw)
        try:
            anns, event_of = report_annotations(reports)
            store.add_many(anns)
            canonical = {r: (store.get_event(e) or {}).get("canonical_id") for r, e in event_of.items()}
        finally:
            store.close()
    gold = {r["report"]: r["cluster"] for r in reports}
    return pairwise({k: v for k, v in canonical.items() if v}, gold)


def score_texts(reports: Sequence[dict[str, Any]], pipeline: Any, url: str | None = None) -> dict[str, float]:
    """End to end: the real pipeline codes each report's text, the store dedupes, pairs are scored.

    A report is placed in the canonical events of its coded events of the gold PLOVER type; two
    reports are "same" when those sets intersect. A report whose event the coder misses can only
    cost recall.
    """
    from ..ingest import finish, read_text
    from ..store import open_store

    docs = [finish(read_text(r["text"], doc_id=content_id("doc", r["report"]), date=r.get("doc_date"),
                             source=r.get("source"), url=f"https://example.org/{r['report']}")) for r in reports]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(url or f"sqlite:///{tmp}/texts.db")
        try:
            store.add_many(res.annotation for res in pipeline.run(docs) if res.annotation is not None)
            placed: dict[str, set[str]] = {}
            for r, d in zip(reports, docs, strict=True):
                doc = store.get_document(d.doc_id) or {"events": []}
                placed[r["report"]] = {e["canonical_id"] for e in doc["events"] if e.get("plover") == r["plover"]}
        finally:
            store.close()
    gold = {r["report"]: r["cluster"] for r in reports}
    scores = _pair_scores((gold[a] == gold[b], bool(placed[a] & placed[b]))
                          for a, b in itertools.combinations(sorted(placed), 2))
    return {"precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1"],
            "coded": sum(1 for v in placed.values() if v) / len(placed) if placed else 0.0}


def reduction(ctx: EvalContext) -> dict[str, float]:
    """Run the pipeline over bench/news.jsonl into a temporary store; how many mentions merged."""
    from ..ingest import read_paths
    from ..pipeline import Pipeline
    from ..stages import build_stages
    from ..store import open_store

    path = ctx.path("bench", "news.jsonl")
    docs = read_paths([path])
    if ctx.limit:
        docs = itertools.islice(docs, ctx.limit)
    pipeline = Pipeline(ctx.resources.nlp, build_stages(ctx.resources))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/news.db")
        try:
            store.add_many(r.annotation for r in pipeline.run(docs) if r.annotation is not None)
            st = store.stats()
            multi = store.count_events(_multi_source())
            multi_doc = store.db.query(
                "SELECT count(*) FROM (SELECT canonical_id FROM events GROUP BY canonical_id"
                " HAVING count(DISTINCT doc_id) > 1) x")[0][0]
        finally:
            store.close()
    mentions, events = st["mentions"], st["events"]
    return {"news_documents": float(st["documents"]), "news_mentions": float(mentions),
            "news_events": float(events), "news_reduction_rate": 1 - events / mentions if mentions else 0.0,
            "news_multi_source_events": float(multi), "news_multi_document_events": float(multi_doc)}


def _multi_source() -> Any:
    from ..store import EventQuery

    return EventQuery(min_sources=2)


def evaluate(ctx: EvalContext) -> Metrics:
    metrics: Metrics = {}
    files = default_testset_files()
    if files:
        metrics.update({f"testset_{k}": v for k, v in score_testset(load_reports(files)).items()})
    texts = default_testset_files("dedupe_texts*.jsonl")
    if texts:
        from ..pipeline import Pipeline
        from ..stages import build_stages

        pipeline = Pipeline(ctx.resources.nlp, build_stages(ctx.resources))
        metrics.update({f"texts_{k}": v for k, v in score_texts(load_reports(texts), pipeline).items()})
    metrics.update(reduction(ctx))
    return metrics
