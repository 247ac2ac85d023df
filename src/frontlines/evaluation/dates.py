"""Temporal expressions against the team-written gold file ``tests/data/dates_gold.jsonl``.

Each case: ``text``, reference (document) date ``ref`` (null = unknown), the ``expression`` that
must be found and its ``start``/``end``/``precision``; ``expression`` null means the sentence holds
no date at all (ages, street numbers, "may march", "prices fall"). Every case must pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..temporal import find_dates
from . import EvalContext, Metrics

GOLD_NAME = Path("tests") / "data" / "dates_gold.jsonl"


def gold_path() -> Path:
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base / GOLD_NAME
        if candidate.is_file():
            return candidate
    raise EvaluationError(f"dates gold file not found: {GOLD_NAME} (run from the repository)")


def load_cases(path: Path | None = None) -> list[dict[str, Any]]:
    with (path or gold_path()).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check(case: dict[str, Any]) -> tuple[bool, str]:
    """Whether one case resolves as the gold says, and what was found instead."""
    found = find_dates(case["text"], case.get("ref"))
    if case.get("expression") is None:
        return (not found, f"expected no date, found {[d.text for d in found]}")
    match = [d for d in found if d.text == case["expression"]]
    if not match:
        return False, f"expression {case['expression']!r} not found; found {[d.text for d in found]}"
    d = match[0]
    got = (d.start, d.end, d.precision)
    want = (case.get("start"), case.get("end"), case.get("precision"))
    return got == want, f"got {got}, want {want}"


def evaluate(ctx: EvalContext) -> Metrics:
    cases = load_cases()
    if ctx.limit is not None:
        cases = cases[:ctx.limit]
    ok = sum(check(c)[0] for c in cases)
    return {"cases": float(len(cases)), "correct": float(ok), "accuracy": ok / len(cases) if cases else 0.0}
