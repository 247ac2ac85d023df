"""Accuracy measured against gold sets. Each gold set has a module here with ``evaluate(ctx)``.

``frontlines eval NAME`` imports ``frontlines.evaluation.NAME`` and prints its metrics. Gold data
lives in ``../shared/data`` (override with ``--data`` or ``FRONTLINES_GOLD``).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..errors import EvaluationError
from ..resources import Resources, load_resources

Metrics = dict[str, float]


def default_gold_dir() -> Path:
    env = os.environ.get("FRONTLINES_GOLD")
    if env:
        return Path(env)
    # the repository's sibling ../shared/data, found from the working directory or from this file
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path("../shared/data")


@dataclass
class EvalContext:
    """What an evaluation needs: where the gold data is, an optional size limit, and resources."""

    gold_dir: Path = field(default_factory=default_gold_dir)
    limit: int | None = None
    _resources: Resources | None = None

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = load_resources()
        return self._resources

    def path(self, *parts: str) -> Path:
        p = self.gold_dir.joinpath(*parts)
        if not p.exists():
            raise EvaluationError(f"gold data not found: {p}")
        return p


class Evaluation(Protocol):
    def __call__(self, ctx: EvalContext) -> Metrics: ...


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def run(name: str, ctx: EvalContext) -> Metrics:
    name = name.replace("-", "_")  # "tr-news" is the module tr_news
    if name not in available():
        raise EvaluationError(f"unknown evaluation {name!r}; available: {', '.join(available())}")
    module = importlib.import_module(f"{__name__}.{name}")
    return module.evaluate(ctx)  # type: ignore[no-any-return]
