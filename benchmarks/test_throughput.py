"""Timings of the pipeline's parts: pre-filter, parse, full pipeline with and without the pre-filter, readers."""

from __future__ import annotations

import json

import pytest

from frontlines.ingest import read_bytes, read_text
from frontlines.pipeline import Pipeline
from frontlines.prefilter import build_prefilter
from frontlines.stages import build_stages


@pytest.fixture(scope="module")
def docs(texts):
    return [read_text(t, doc_id=f"b{i}") for i, t in enumerate(texts)]


def test_prefilter_decisions(benchmark, resources, texts):
    from spacy.pipeline import Sentencizer

    pre, sz, nlp = build_prefilter(resources.nlp), Sentencizer(), resources.nlp
    sents = [[t.text for t in s] for text in texts for s in sz(nlp.make_doc(text)).sents]
    kept = benchmark(lambda: sum(pre.wants(s) for s in sents))
    assert 0 < kept <= len(sents)


def test_spacy_parse_only(benchmark, resources, texts):
    benchmark.pedantic(lambda: list(resources.nlp.pipe(texts)), rounds=2, iterations=1)


@pytest.mark.parametrize("prefilter", [False, True], ids=["full-parse", "prefiltered"])
def test_pipeline(benchmark, resources, docs, prefilter):
    pipe = Pipeline(resources.nlp, build_stages(resources),
                    prefilter=build_prefilter(resources.nlp) if prefilter else None)
    results = benchmark.pedantic(lambda: list(pipe.run(docs)), rounds=2, iterations=1)
    assert all(r.ok for r in results)


def test_jsonl_reader(benchmark, texts):
    data = "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts * 20)).encode()
    out = benchmark(lambda: list(read_bytes(data, "bench.jsonl", suffix=".jsonl")))
    assert len(out) == len(texts) * 20
