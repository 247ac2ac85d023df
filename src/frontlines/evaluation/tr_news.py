"""TR-News geocoding accuracy (see ``geo.py`` for the protocol); ``frontlines eval tr-news``."""

from __future__ import annotations

from . import EvalContext, Metrics
from .geo import run_corpora


def evaluate(ctx: EvalContext) -> Metrics:
    return run_corpora(ctx, ("trnews",))
