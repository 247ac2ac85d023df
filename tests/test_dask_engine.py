"""The Dask engine on a real LocalCluster (2 worker processes): Parquet by month, model loaded once per
worker, the same events as the in-process pipeline, and an output the store loads."""

import json

import pytest

pytest.importorskip("distributed")

from frontlines.engine import iter_annotations, load_parquet, run_dask  # noqa: E402
from frontlines.engine.dask_engine import PLUGIN_NAME, PipelinePlugin, local_cluster, run_documents  # noqa: E402
from frontlines.engine.rows import annotation_from_json, document_row, schema  # noqa: E402
from frontlines.ingest import read_paths  # noqa: E402
from frontlines.serialize import records_of  # noqa: E402

DOCS = [
    {"id": "k1", "date": "2024-03-04",
     "text": "Rebels attacked an army base near Homs on Sunday, killing five soldiers."},
    {"id": "k2", "date": "2024-04-10",
     "text": "Police arrested 14 protesters outside parliament in Khartoum on Tuesday."},
    {"id": "k3", "date": "2024-04-11", "text": "The weather was mild and markets were calm in Kyiv this week."},
    {"id": "k4", "date": "2024-04-11", "text": ""},
    {"id": "k5", "date": "2024-05-02",
     "text": "Ukrainian forces shelled Russian positions near Bakhmut on Thursday.\n\nIt rained later."},
    {"id": "k6", "date": "2024-05-09",
     "text": "Sudanese troops clashed with RSF fighters in El Fasher on Wednesday, residents said."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("dask") / "news.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster_client():
    from distributed import Client

    with local_cluster(2) as cluster, Client(cluster) as client:
        client.register_plugin(PipelinePlugin(prefilter=True), name=PLUGIN_NAME)
        yield client


def _local_records(resources, corpus):
    from frontlines.pipeline import Pipeline
    from frontlines.prefilter import build_prefilter
    from frontlines.stages import build_stages

    pipe = Pipeline(resources.nlp, build_stages(resources), prefilter=build_prefilter(resources.nlp))
    return {r.annotation.doc_id: r.annotation for r in pipe.run(read_paths([corpus])) if r.ok}


def test_two_workers_write_month_partitions_and_load_model_once(cluster_client, corpus, tmp_path, resources):
    out = tmp_path / "out"
    result = run_documents(cluster_client, read_paths([corpus]), out, chunk_size=1)
    assert (result.docs, result.stored, result.workers) == (5, 5, 2)
    assert [e["doc_id"] for e in result.errors] == ["k4"] and "neither" in result.errors[0]["message"]
    # every worker took work, and each loaded the model exactly once for all its tasks
    loads = cluster_client.run(lambda dask_worker: dask_worker.plugins[PLUGIN_NAME].loads)
    assert sorted(loads.values()) == [1, 1]

    import pyarrow.parquet as pq

    months = sorted(p.name for p in (out / "documents").iterdir())
    assert months == ["month=2024-03", "month=2024-04", "month=2024-05"]
    table = pq.read_table(out / "events", schema=schema("events"))
    assert table.num_rows == result.events > 0
    rows = table.to_pylist()
    for row in rows:
        record = json.loads(row["record"])
        assert record["event_id"] == row["event_id"] and record["kind"] == row["kind"]
        assert row["month"] == (record["date"] or {}).get("start", record["doc_date"])[:7]
    # the same events as the in-process pipeline
    local = _local_records(resources, corpus)
    want = sorted(r["event_id"] for ann in local.values() for r in records_of(ann))
    assert sorted(r["event_id"] for r in rows) == want
    assert {a.doc_id: a.events for a in iter_annotations(out)} == {k: a.events for k, a in local.items()}


def test_rerun_rewrites_the_same_parts(cluster_client, corpus, tmp_path):
    out = tmp_path / "out"
    run_documents(cluster_client, read_paths([corpus]), out, chunk_size=2)
    first = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    run_documents(cluster_client, read_paths([corpus]), out, chunk_size=2)
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == first
    assert len(list(iter_annotations(out))) == 5


def test_run_dask_output_loads_into_the_store_like_a_direct_add(corpus, tmp_path, resources):
    from frontlines.store import open_store

    out = tmp_path / "parquet"
    result = run_dask([corpus], out, n_workers=2, chunk_size=2, prefilter=True)
    assert result.stored == 5 and result.workers == 2
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as a, open_store(f"sqlite:///{tmp_path / 'b.db'}") as b:
        assert load_parquet(a, out).added == 5
        assert load_parquet(a, out).unchanged == 5  # loading twice duplicates nothing
        b.add_many(_local_records(resources, corpus).values())
        assert a.stats() == b.stats()
        key = lambda e: e["event_id"]  # noqa: E731
        assert sorted(a.query_events(), key=key) == sorted(b.query_events(), key=key)


def test_document_rows_round_trip_every_field(annotate):
    ann = annotate("Government troops attacked rebel positions near the northern border on Monday, the army said.",
                   date="2024-02-05", doc_id="rt")
    back = annotation_from_json(document_row(ann, "h")["annotation"])
    assert back.document == ann.document and back.sentences == ann.sentences and back.events == ann.events
    assert back.places == ann.places and back.quantities == ann.quantities and back.statistics == ann.statistics


def test_cli_ingest_engine_dask_equals_local_engine(corpus, tmp_path):
    import os
    import subprocess
    import sys

    from test_resume import _dump

    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    stores = {}
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.db"
        proc = subprocess.run([sys.executable, "-m", "frontlines", "ingest", str(corpus), "--db", f"sqlite:///{db}",
                               "--engine", engine, "--workers", "2"], capture_output=True, text=True, env=env,
                              timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "stored 5 new" in proc.stderr and "1 errors" in proc.stderr
        assert sum(line.startswith("error: k4") for line in proc.stderr.splitlines()) == 1
        stores[engine] = _dump(db)
    assert stores["dask"] == stores["local"]


def test_guided_chunks_cover_everything_once_and_shrink_at_the_end():
    from frontlines.engine.dask_engine import _chunks

    items = list(range(203))
    chunks = list(_chunks(items, 16, total=len(items), workers=2))  # type: ignore[arg-type]
    assert [x for c in chunks for x in c] == items
    sizes = [len(c) for c in chunks]
    assert sizes[0] == 16 and max(sizes) == 16
    assert sizes[-1] == 1 and sizes == sorted(sizes, reverse=True)
    # without a total the stream is cut into equal chunks (the ingest path reads a generator)
    assert [len(c) for c in _chunks(iter(items), 16)] == [16] * 12 + [11]
