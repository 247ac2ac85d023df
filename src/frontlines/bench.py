"""Throughput benchmark: the full pipeline against spaCy parse-only on the same texts, in one run.

Documents are read once in the parent, then processed by ``workers`` processes (each loads the
model once, with ``OPENBLAS_NUM_THREADS=1`` so processes do not fight over cores). Two timed
phases run on the same worker pool: the frontlines pipeline (pre-filter on unless disabled, all
stages) and plain ``nlp.pipe`` over the same texts: stock spaCy with every component, the model's
own attribute ruler and lemmatizer included (the pipeline runs those two through their exact,
memoised equivalent in ``fastattrs.py``; the baseline does not), and thinc's default matrix products
through ``blis`` (the pipeline sends them to numpy's BLAS: ``resources.set_gemm``; ``same_gemm=True``
adds a third phase, spaCy parse-only on the pipeline's backend, for a like-for-like ratio). The clock starts only when every
worker has its model loaded (a barrier), so model loading is not counted. Each worker reports its
peak RSS.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .records import Document

#: The benchmark corpus in the shared development data (relative to the repository root).
DEFAULT_CORPUS = Path("../shared/data/bench/news.jsonl")
#: Documents per task sent to a worker: big enough to batch, small enough to balance two workers.
CHUNK = 8

_state: dict[str, Any] = {}  # per worker process: the loaded pipeline (set by _init, never in the parent)


@dataclass
class BenchResult:
    corpus: str
    docs: int
    words: int
    errors: int
    events: int
    workers: int
    prefilter: bool
    seconds: float
    docs_per_s: float
    words_per_s: float
    parse_only_seconds: float | None
    ratio: float | None  # pipeline time / parse-only time (wall clock)
    cpu_seconds: float  # CPU time the workers spent in the pipeline phase (all workers together)
    parse_only_cpu_seconds: float | None
    cpu_ratio: float | None  # the same ratio in CPU time: stable when other jobs share the cores
    docs_per_cpu_s: float  # docs per CPU-second of one worker: what one free core would do
    peak_rss_mb: float  # the largest worker's peak resident memory
    peak_rss_mb_total: float  # all workers together
    words_parsed_share: float | None  # share of words the pre-filter sent to the full pipeline
    stage_seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage, all workers
    # the parse-only baseline is always stock spaCy (nlp.pipe, every component, the model's own
    # attribute_ruler and lemmatizer); the pipeline runs those two through fastattrs.py when exact
    fast_attrs: bool | None = None
    scaling: dict[str, float] = field(default_factory=dict)  # filled by callers that time several sizes
    # the largest worker's peak RSS when the pipeline phase ends (peak_rss_mb also covers parse-only)
    pipeline_peak_rss_mb: float | None = None
    gate: bool | None = None  # the pre-filter's learned sentence gate (prefilter_gate.py) was on
    gemm: str | None = None  # the pipeline's matrix-product backend (the baseline's is always "blis")
    # parse-only on the pipeline's own backend (same_gemm=True): what the pipeline costs over the same
    # spaCy, apart from the backend's gain
    same_gemm_parse_only_cpu_seconds: float | None = None
    same_gemm_cpu_ratio: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_corpus(path: str | Path, limit: int | None = None) -> list[Document]:
    """Readable documents of the corpus (unreadable ones are skipped: the benchmark times processing)."""
    from .ingest import read_paths  # noqa: PLC0415

    docs = (d for d in read_paths([path]) if isinstance(d, Document))
    return list(islice(docs, limit))


def words_of(docs: Iterable[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def _chunks(items: Sequence[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(items), size):
        yield list(items[i:i + size])


class _Timed:
    """Wraps a stage to add up its time (only inside benchmark workers)."""

    def __init__(self, stage: Any, totals: defaultdict[str, float]) -> None:
        self.stage, self.totals = stage, totals
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns

    def __call__(self, ann: Any) -> Any:
        t = time.process_time()  # CPU time: wall time per stage is meaningless when cores are shared
        try:
            return self.stage(ann)
        finally:
            self.totals[self.name] += time.process_time() - t


def _init(prefilter: bool, batch_size: int, barrier: Any, gate: bool = True, gemm: str = "numpy") -> None:
    """Worker initialiser: load the model and stages once, then wait until every worker is ready."""
    from .pipeline import Pipeline  # noqa: PLC0415
    from .prefilter import build_prefilter  # noqa: PLC0415
    from .resources import load_nlp, load_resources  # noqa: PLC0415
    from .stages import build_stages  # noqa: PLC0415

    resources = load_resources(nlp=load_nlp(gemm=gemm))
    totals: defaultdict[str, float] = defaultdict(float)
    stages = [_Timed(s, totals) for s in build_stages(resources)]
    pre = build_prefilter(resources.nlp, gate=gate) if prefilter else None
    _state.update(nlp=resources.nlp, totals=totals, prefilter=pre, gemm=gemm,
                  pipeline=Pipeline(resources.nlp, stages, batch_size=batch_size, prefilter=pre))
    warm_up(_state["pipeline"])
    totals.clear()
    if barrier is not None:
        barrier.wait()


def warm_up(pipeline: Any) -> None:
    """One small document through every stage, so lazy imports and caches are not timed."""
    from .ingest import finish, read_text  # noqa: PLC0415

    text = ("Government troops attacked rebel positions near Mosul on Monday, killing 12 fighters, "
            "officials said.\n\nThe weather was mild.")
    list(pipeline.run([finish(read_text(text, doc_id="warm-up", date="2024-01-08"))]))


def _pipeline_task(docs: list[Document]) -> tuple[int, int, int, int, float]:
    """(documents, errors, events, words parsed in full, CPU seconds) for one chunk."""
    from .prefilter import UNPARSED  # noqa: PLC0415

    cpu = time.process_time()
    errors = events = parsed_words = 0
    for result in _state["pipeline"].run(docs):
        if result.annotation is None:
            errors += 1
            continue
        ann = result.annotation
        events += len(ann.events)
        light = ann.doc.spans[UNPARSED] if UNPARSED in ann.doc.spans else ()
        parsed_words += len(ann.document.text.split()) - sum(len(s.text.split()) for s in light)
    return len(docs), errors, events, parsed_words, time.process_time() - cpu


def _parse_task(job: tuple[str, list[str]]) -> float:
    from .resources import set_gemm  # noqa: PLC0415

    gemm, texts = job
    if _state["gemm"] != gemm:
        set_gemm(_state["nlp"], gemm)
        _state["gemm"] = gemm
    cpu = time.process_time()
    for _ in _state["nlp"].pipe(texts):
        pass
    return time.process_time() - cpu


def _report() -> tuple[float, dict[str, float]]:
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss_kb / 1024.0, dict(_state["totals"])


def _report_task(_: int) -> tuple[int, float, dict[str, float], bool]:
    time.sleep(0.3)  # long enough that every worker takes one of these
    rss, totals = _report()
    return os.getpid(), rss, totals, getattr(_state["pipeline"], "fast", None) is not None


def run_bench(corpus: str | Path = DEFAULT_CORPUS, *, limit: int | None = None, workers: int = 1,
              prefilter: bool = True, parse_only: bool = True, batch_size: int = 32,
              docs: list[Document] | None = None, gate: bool = True, chunk: int = CHUNK,
              tick: Callable[[int], None] | None = None, gemm: str = "numpy",
              same_gemm: bool = False) -> BenchResult:
    """Time the pipeline (and spaCy parse-only) over ``corpus`` with ``workers`` processes."""
    docs = docs if docs is not None else load_corpus(corpus, limit)
    if not docs:
        from .errors import FrontlinesError  # noqa: PLC0415

        raise FrontlinesError(f"no readable documents in {corpus}")
    words = words_of(docs)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # inherited by the spawned workers
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(workers + 1)
    pool = ctx.Pool(workers, initializer=_init, initargs=(prefilter, batch_size, barrier, gate, gemm))
    try:
        barrier.wait(timeout=600)  # every worker has its model: start the clock
        t0 = time.perf_counter()
        n_docs = errors = events = parsed_words = 0
        cpu = 0.0
        for n, e, ev, pw, c in pool.imap_unordered(_pipeline_task, _chunks(docs, chunk)):
            n_docs, errors, events, parsed_words = n_docs + n, errors + e, events + ev, parsed_words + pw
            cpu += c
            if tick is not None:
                tick(n)
        seconds = time.perf_counter() - t0
        pipeline_rss = max(r for _, r, _, _ in pool.map(_report_task, range(workers * 3), chunksize=1))
        parse_seconds = parse_cpu = None
        if parse_only:
            t1 = time.perf_counter()
            parse_cpu = sum(pool.imap_unordered(_parse_task, _chunks_text(docs, chunk, "blis")))
            parse_seconds = time.perf_counter() - t1
        same_cpu = None
        if same_gemm:
            same_cpu = sum(pool.imap_unordered(_parse_task, _chunks_text(docs, chunk, gemm)))
        reports = {pid: (rss, totals, fast) for pid, rss, totals, fast in pool.map(
            _report_task, range(workers * 3), chunksize=1)}
    finally:
        pool.close()
        pool.join()
    rss = [r for r, _, _ in reports.values()] or [0.0]
    stage_seconds: defaultdict[str, float] = defaultdict(float)
    for _, totals, _ in reports.values():
        for name, secs in totals.items():
            stage_seconds[name] += secs
    return BenchResult(
        corpus=str(corpus), docs=len(docs), words=words, errors=errors, events=events, workers=workers,
        prefilter=prefilter, seconds=round(seconds, 3), docs_per_s=round(len(docs) / seconds, 2),
        words_per_s=round(words / seconds, 1),
        parse_only_seconds=None if parse_seconds is None else round(parse_seconds, 3),
        ratio=None if not parse_seconds else round(seconds / parse_seconds, 3),
        cpu_seconds=round(cpu, 3), parse_only_cpu_seconds=None if parse_cpu is None else round(parse_cpu, 3),
        cpu_ratio=None if not parse_cpu else round(cpu / parse_cpu, 3),
        docs_per_cpu_s=round(len(docs) / cpu, 2) if cpu else 0.0,
        peak_rss_mb=round(max(rss), 1), peak_rss_mb_total=round(sum(rss), 1),
        words_parsed_share=round(parsed_words / words, 4) if prefilter and words else None,
        stage_seconds={k: round(v, 2) for k, v in sorted(stage_seconds.items())},
        fast_attrs=all(f for _, _, f in reports.values()) if reports else None,
        pipeline_peak_rss_mb=round(pipeline_rss, 1), gate=gate if prefilter else None, gemm=gemm,
        same_gemm_parse_only_cpu_seconds=None if same_cpu is None else round(same_cpu, 3),
        same_gemm_cpu_ratio=None if not same_cpu else round(cpu / same_cpu, 3))


def _chunks_text(docs: Sequence[Document], size: int, gemm: str) -> Iterator[tuple[str, list[str]]]:
    for chunk in _chunks(docs, size):
        yield gemm, [d.text for d in chunk]


def scaling_efficiency(one: BenchResult, many: BenchResult) -> float:
    """Speed-up per added worker: 1.0 = perfectly linear."""
    return round((one.seconds / many.seconds) / (many.workers / one.workers), 3)
