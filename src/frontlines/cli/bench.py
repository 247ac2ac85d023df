"""``bench``: documents/s, words/s, peak memory and pipeline/parse-only time on a corpus."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import click

from ..bench import DEFAULT_CORPUS, load_corpus, run_bench, scaling_efficiency
from ..errors import FrontlinesError
from ..resources import GEMM_BACKENDS
from .common import progress


def _advance(tick: Callable[[], None], n: int) -> None:
    for _ in range(n):
        tick()


@click.command()
@click.argument("corpus", required=False, type=click.Path(dir_okay=True, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N documents.")
@click.option("--workers", type=click.IntRange(min=1), default=lambda: os.cpu_count() or 1,
              show_default="number of CPUs", help="Worker processes (each loads the model once).")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True)
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences with an event cue.")
@click.option("--parse-only/--no-parse-only", default=True, show_default=True,
              help="Also time plain spaCy parsing of the same texts (for the ratio).")
@click.option("--gemm", type=click.Choice(GEMM_BACKENDS), default="numpy", show_default=True,
              help="The pipeline's matrix-product backend (the parse-only baseline is stock spaCy: blis).")
@click.option("--same-gemm", is_flag=True,
              help="Also time parse-only on the pipeline's backend (like-for-like CPU ratio).")
@click.option("--scaling", is_flag=True, help="Also run with 1 worker and report the scaling efficiency.")
@click.option("--dask", "dask_scaling", is_flag=True,
              help="Also time the Dask engine with 1 and 2 local workers (scaling efficiency).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def bench(corpus: Path | None, limit: int | None, workers: int, batch_size: int, prefilter: bool,
          parse_only: bool, gemm: str, same_gemm: bool, scaling: bool, dask_scaling: bool, fmt: str) -> None:
    """Benchmark the pipeline on CORPUS (default ../shared/data/bench/news.jsonl)."""
    corpus = corpus or DEFAULT_CORPUS
    if not corpus.exists():
        raise FrontlinesError(f"benchmark corpus not found: {corpus}")
    docs = load_corpus(corpus, limit)
    with progress("benchmarking", total=len(docs)) as tick:
        result = run_bench(corpus, workers=workers, prefilter=prefilter, parse_only=parse_only,
                           batch_size=batch_size, docs=docs, tick=lambda n: _advance(tick, n),
                           gemm=gemm, same_gemm=same_gemm and parse_only)
    out = result.as_dict()
    if scaling and workers > 1:
        one = run_bench(corpus, workers=1, prefilter=prefilter, parse_only=False, batch_size=batch_size, docs=docs,
                        gemm=gemm)
        out["scaling"] = {"workers_1_docs_per_s": one.docs_per_s, f"workers_{workers}_docs_per_s": result.docs_per_s,
                          "efficiency": scaling_efficiency(one, result)}
    if dask_scaling:
        from ..engine import dask_scaling as measure  # noqa: PLC0415

        out["dask"] = measure(docs, prefilter=prefilter)
    if fmt == "json":
        click.echo(json.dumps(out, indent=2))
        return
    for key, value in out.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items())
        click.echo(f"{key:>22}: {value}")
