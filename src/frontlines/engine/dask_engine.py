"""Scale-out on Dask: the same batch function on a cluster, writing month-partitioned Parquet.

The client reads documents (``ingest.read_paths``) and sends them to workers in chunks; a worker
plugin loads the spaCy model and stages once per worker process; each task runs the pipeline over
its chunk and writes its own Parquet part files (``events/month=YYYY-MM/part-<chunk>-0.parquet``,
``documents/month=.../...``). Part names are content hashes of the chunk, so a re-run rewrites the
same files instead of adding duplicates. ``load_parquet`` puts a finished output into a store.

Any Dask cluster works: ``scheduler=None`` starts a ``LocalCluster`` of ``n_workers`` processes;
an address ("tcp://host:8786") uses an existing one (SLURM via dask-jobqueue, Kubernetes via
dask-kubernetes: see docs/scale.md). Workers need the project installed and a shared ``out_dir``.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ids import content_id
from ..records import Document, ErrorRecord

PLUGIN_NAME = "frontlines-pipeline"
#: Documents per task: enough for nlp.pipe batching, small enough to spread over workers.
CHUNK = 16

try:  # the plugin base class; a stand-in keeps this module importable for type checks without distributed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover
    WorkerPlugin = object  # type: ignore[misc, assignment]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the model and the default stages once per worker; tasks find them via ``get_worker()``."""

    name = PLUGIN_NAME

    def __init__(self, prefilter: bool = False, batch_size: int = 32, default_date: str | None = None,
                 default_source: str | None = None, country_bias: str | None = None) -> None:
        self.prefilter, self.batch_size = prefilter, batch_size
        self.settings = {"default_date": default_date, "default_source": default_source,
                         "country_bias": country_bias}
        self.pipeline: Any = None
        self.loads = 0

    def setup(self, worker: Any = None) -> None:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from ..pipeline import Pipeline  # noqa: PLC0415
        from ..prefilter import build_prefilter  # noqa: PLC0415
        from ..resources import Settings, load_resources  # noqa: PLC0415
        from ..stages import build_stages  # noqa: PLC0415

        resources = load_resources(Settings(**self.settings))  # type: ignore[arg-type]
        pre = build_prefilter(resources.nlp) if self.prefilter else None
        self.pipeline = Pipeline(resources.nlp, build_stages(resources), batch_size=self.batch_size, prefilter=pre)
        self.loads += 1
        from ..bench import warm_up  # noqa: PLC0415

        warm_up(self.pipeline)  # lazy imports and caches load here, once, not in the first task


def _plugin() -> PipelinePlugin:
    from distributed import get_worker  # noqa: PLC0415

    plugin: PipelinePlugin = get_worker().plugins[PLUGIN_NAME]  # type: ignore[assignment]
    return plugin


def process_chunk(docs: list[Document], out_dir: str) -> dict[str, Any]:
    """Run one chunk on a worker and write its Parquet parts; returns counts and error records."""
    from ..store import text_hash  # noqa: PLC0415
    from .rows import document_row, event_rows  # noqa: PLC0415

    pipeline = _plugin().pipeline
    t0, cpu0 = time.perf_counter(), time.process_time()
    events: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for result in pipeline.run(docs):
        if result.annotation is None:
            errors.append(_error_json(result.error))
            continue
        ann = result.annotation
        events.extend(event_rows(ann))
        documents.append(document_row(ann, text_hash(ann.document.text)))
    key = content_id("part", *(d.doc_id for d in docs), *(text_hash(d.text) for d in docs))
    _write(Path(out_dir), "events", events, key)
    _write(Path(out_dir), "documents", documents, key)
    return {"docs": len(docs), "stored": len(documents), "events": len(events), "errors": errors,
            "seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - cpu0, "pid": os.getpid()}


def _error_json(err: ErrorRecord | None) -> dict[str, Any]:
    assert err is not None
    return {"doc_id": err.doc_id, "stage": err.stage, "message": err.message, "origin": err.origin}


def _write(out: Path, kind: str, rows: list[dict[str, Any]], key: str) -> None:
    if not rows:
        return
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    from .rows import schema  # noqa: PLC0415

    table = pa.Table.from_pylist(rows, schema=schema(kind))
    pq.write_to_dataset(table, out / kind, partition_cols=["month"], basename_template=f"{key}-{{i}}.parquet",
                        existing_data_behavior="overwrite_or_ignore")


@dataclass
class DaskResult:
    out_dir: str
    docs: int = 0
    stored: int = 0
    events: int = 0
    skipped: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # worker CPU time in tasks, all workers together
    workers: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _chunks(items: Iterable[Document], size: int, total: int | None = None,
            workers: int = 1) -> Iterator[list[Document]]:
    """Chunks of ``size``; with a known ``total``, chunks shrink near the end (guided scheduling) so
    that the last tasks finish together instead of one worker idling through a full-size tail."""
    chunk: list[Document] = []
    remaining = total
    target = size if remaining is None else _guided(size, remaining, workers)
    for item in items:
        chunk.append(item)
        if len(chunk) >= target:
            yield chunk
            if remaining is not None:
                remaining -= len(chunk)
                target = _guided(size, remaining, workers)
            chunk = []
    if chunk:
        yield chunk


def _guided(size: int, remaining: int, workers: int) -> int:
    # a quarter of each worker's fair share of what is left, never more than ``size``
    return max(1, min(size, -(-remaining // (4 * max(1, workers)))))


def local_cluster(n_workers: int) -> Any:
    from distributed import LocalCluster  # noqa: PLC0415

    # no dashboard: nothing listens beyond the scheduler's own loopback port
    return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, scheduler_kwargs={"dashboard": False},
                        silence_logs=logging.ERROR, env={"OPENBLAS_NUM_THREADS": "1"})


def run_documents(client: Any, documents: Iterable[Document | ErrorRecord], out_dir: str | Path, *,
                  chunk_size: int = CHUNK, skip: Callable[[Document], bool] | None = None,
                  on_error: Callable[[dict[str, Any]], None] | None = None,
                  tick: Callable[[int], None] | None = None) -> DaskResult:
    """Process ``documents`` on ``client``'s cluster (plugin already registered) into ``out_dir``."""
    from distributed import as_completed  # noqa: PLC0415

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = DaskResult(out_dir=str(out), workers=len(client.scheduler_info()["workers"]))
    report = on_error or (lambda e: None)

    def docs() -> Iterator[Document]:
        for item in documents:
            if isinstance(item, ErrorRecord):
                err = _error_json(item)
                result.errors.append(err)
                report(err)
            elif skip is not None and skip(item):
                result.skipped += 1
            else:
                yield item

    t0 = time.perf_counter()
    in_flight = as_completed()
    window = max(2, 3 * result.workers)  # bounded: the client never holds the whole corpus
    total = len(documents) if isinstance(documents, Sized) else None
    for chunk in _chunks(docs(), chunk_size, total, result.workers):
        in_flight.add(client.submit(process_chunk, chunk, str(out), pure=False))
        while in_flight.count() >= window:
            _collect(next(in_flight), result, report, tick)
    for future in in_flight:
        _collect(future, result, report, tick)
    result.seconds = round(time.perf_counter() - t0, 3)
    (out / "errors.jsonl").write_text("".join(json.dumps(e) + "\n" for e in result.errors), encoding="utf-8")
    return result


def _collect(future: Any, result: DaskResult, report: Callable[[dict[str, Any]], None],
             tick: Callable[[int], None] | None) -> None:
    part = future.result()
    result.docs += part["docs"]
    result.stored += part["stored"]
    result.events += part["events"]
    result.cpu_seconds += part["cpu_seconds"]
    for err in part["errors"]:
        result.errors.append(err)
        report(err)
    if tick is not None:
        tick(part["docs"])


def run_dask(paths: Iterable[str | Path], out_dir: str | Path, scheduler: str | None = None, n_workers: int = 2,
             *, prefilter: bool = False, default_date: str | None = None, default_source: str | None = None,
             country_bias: str | None = None, chunk_size: int = CHUNK,
             skip: Callable[[Document], bool] | None = None,
             on_error: Callable[[dict[str, Any]], None] | None = None,
             tick: Callable[[int], None] | None = None) -> DaskResult:
    """Read ``paths`` and process them on a Dask cluster into month-partitioned Parquet under ``out_dir``."""
    from distributed import Client  # noqa: PLC0415

    from ..ingest import read_paths  # noqa: PLC0415

    cluster = local_cluster(n_workers) if scheduler is None else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        client.register_plugin(PipelinePlugin(prefilter, default_date=default_date, default_source=default_source,
                                              country_bias=country_bias), name=PLUGIN_NAME)
        docs = read_paths(paths, default_date=default_date, default_source=default_source)
        return run_documents(client, docs, out_dir, chunk_size=chunk_size, skip=skip, on_error=on_error, tick=tick)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def load_parquet(store: Any, out_dir: str | Path, *, batch_size: int = 200) -> Any:
    """Add every document of a ``run_dask`` output to ``store`` (already stored unchanged ones are no-ops)."""
    return store.add_many(iter_annotations(out_dir), batch_size=batch_size)


def iter_annotations(out_dir: str | Path) -> Iterator[Any]:
    """The annotations of a ``run_dask`` output, in doc_id order (deterministic whatever the worker order)."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    from .rows import annotation_from_json, schema  # noqa: PLC0415

    root = Path(out_dir) / "documents"
    if not root.is_dir():
        return
    table = pq.read_table(root, columns=["doc_id", "annotation"], schema=schema("documents"))
    rows = sorted(zip(table.column("doc_id").to_pylist(), table.column("annotation").to_pylist(), strict=True))
    seen: set[str] = set()
    for doc_id, data in rows:
        if doc_id not in seen:
            seen.add(doc_id)
            yield annotation_from_json(data)


def dask_scaling(docs: list[Document], *, prefilter: bool = True, sizes: tuple[int, ...] = (1, 2)) -> dict[str, float]:
    """Docs/s of the Dask engine on LocalClusters of ``sizes`` workers, and the efficiency of the largest."""
    import tempfile  # noqa: PLC0415

    from distributed import Client  # noqa: PLC0415

    out: dict[str, float] = {}
    # the same chunking rule for every size; guided chunks (``_chunks``) keep the tail short
    chunk = max(1, min(CHUNK, len(docs) // (4 * max(sizes))))
    for n in sizes:
        with local_cluster(n) as cluster, Client(cluster) as client, tempfile.TemporaryDirectory() as tmp:
            client.register_plugin(PipelinePlugin(prefilter), name=PLUGIN_NAME)  # returns once loaded everywhere
            res = run_documents(client, docs, tmp, chunk_size=chunk)
            out[f"workers_{n}_seconds"] = res.seconds
            out[f"workers_{n}_docs_per_s"] = round(len(docs) / res.seconds, 2)
            out[f"workers_{n}_docs_per_cpu_s"] = round(len(docs) / res.cpu_seconds, 2)
    lo, hi = min(sizes), max(sizes)
    out["efficiency"] = round((out[f"workers_{lo}_seconds"] / out[f"workers_{hi}_seconds"]) / (hi / lo), 3)
    # the same in CPU time: 1.0 = adding workers costs no extra work (robust when other jobs share the cores)
    out["cpu_efficiency"] = round(out[f"workers_{hi}_docs_per_cpu_s"] / out[f"workers_{lo}_docs_per_cpu_s"], 3)
    return out


def ingest_dask(store: Any, paths: Iterable[str | Path], *, scheduler: str | None = None, n_workers: int = 2,
                parquet_dir: str | Path | None = None, prefilter: bool = False, default_date: str | None = None,
                default_source: str | None = None, country_bias: str | None = None,
                on_error: Callable[[dict[str, Any]], None] | None = None,
                tick: Callable[[int], None] | None = None) -> tuple[DaskResult, Any]:
    """``frontlines ingest --engine dask``: documents the store already holds unchanged are skipped in the
    client, the rest run on the cluster into Parquet, and the Parquet output is added to the store."""
    import tempfile  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="frontlines-dask-") as tmp:
        out = Path(parquet_dir) if parquet_dir is not None else Path(tmp)
        result = run_dask(paths, out, scheduler=scheduler, n_workers=n_workers, prefilter=prefilter,
                          default_date=default_date, default_source=default_source, country_bias=country_bias,
                          skip=store.known, on_error=on_error, tick=tick)
        added = load_parquet(store, out)
    return result, added
