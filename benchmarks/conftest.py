"""Micro-benchmarks (pytest-benchmark). Not part of the default test run (testpaths = tests):

    .venv/bin/pytest benchmarks --benchmark-only   (pyproject adds --benchmark-skip by default)
`frontlines bench` (make bench) is the end-to-end throughput figure; these time the parts.
"""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bench" / "news.jsonl"

SAMPLE = ("Government troops attacked rebel positions near the northern border on Monday, the army said. "
          "The weather was mild and markets were calm.\n\n"
          "Police arrested 14 protesters outside parliament on Tuesday. Officials declined to comment.\n\n"
          "Ukrainian forces shelled Russian positions near Bakhmut on Thursday, killing at least nine soldiers. "
          "Analysts expect the talks to resume next month.\n\n") * 8


@pytest.fixture(scope="session")
def resources():
    from frontlines.resources import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def texts() -> list[str]:
    """A few real articles when the shared bench corpus is present, else project-written text."""
    if BENCH.is_file():
        with BENCH.open(encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in islice(fh, 8)]
    return [SAMPLE] * 8
