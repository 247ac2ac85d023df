"""`frontlines bench` on a small corpus: every figure is there and consistent (real worker processes)."""

import json
import os
import subprocess
import sys

TEXTS = [
    "Government troops attacked rebel positions near Mosul on Monday, the army said.\n\nThe weather was mild.",
    "Police arrested 14 protesters outside parliament in Khartoum on Tuesday. Markets were calm.",
    "Ukrainian forces shelled Russian positions near Bakhmut on Thursday, killing at least nine soldiers.",
    "Analysts expect the talks to resume next month. Officials declined to comment on the plan.",
]


def test_bench_cli_reports_throughput_memory_and_ratio(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"b{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "frontlines", "bench", str(corpus), "--limit", "3", "--workers", "2",
                           "--same-gemm", "--format", "json"], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert (out["docs"], out["workers"], out["errors"]) == (3, 2, 0)
    assert out["words"] == sum(len(t.split()) for t in TEXTS[:3])
    assert out["events"] >= 3
    assert out["docs_per_s"] > 0 and out["words_per_s"] > out["docs_per_s"]
    assert out["ratio"] > 0 and out["cpu_ratio"] > 0 and out["parse_only_seconds"] > 0
    # the pipeline multiplies through numpy's BLAS; --same-gemm adds parse-only on that backend too
    assert out["gemm"] == "numpy" and out["same_gemm_parse_only_cpu_seconds"] > 0
    assert out["same_gemm_cpu_ratio"] > out["cpu_ratio"] * 0.5
    assert 100 < out["peak_rss_mb"] < 1024 and out["peak_rss_mb_total"] >= out["peak_rss_mb"]
    assert 0 < out["words_parsed_share"] < 1  # "The weather was mild." and "Markets were calm." are skipped
    assert {"sentences", "events"} <= set(out["stage_seconds"])


def test_bench_without_prefilter_parses_everything(tmp_path):
    from frontlines.bench import run_bench
    from frontlines.ingest import read_text

    docs = [read_text(t, doc_id=f"b{i}") for i, t in enumerate(TEXTS[:2])]
    out = run_bench("inline", docs=docs, workers=1, prefilter=False, parse_only=False)
    assert out.docs == 2 and out.words_parsed_share is None and out.ratio is None
    assert out.peak_rss_mb > 100
