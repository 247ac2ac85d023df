"""UDS-IH2 event factuality: Pearson r between the factuality stage's certainty and the gold score.

Gold: ``factuality/uds_ih2/dev.jsonl`` (pre-tokenised sentences, one-token predicate spans with a
score in [-3, +3]). The sentences are parsed over their own tokens so the spans line up; the score
compared is ``6 * certainty - 3`` (a linear map, so r equals r with certainty itself). The certainty
model was trained on train.jsonl only.
"""

from __future__ import annotations

import json
import math
from typing import Any

from . import EvalContext, Metrics


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def evaluate(ctx: EvalContext) -> Metrics:
    from spacy.tokens import Doc

    from ..stages.factuality import FactualityStage

    path = ctx.path("factuality", "uds_ih2", "dev.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if ctx.limit:
        rows = rows[: ctx.limit]
    nlp: Any = ctx.resources.nlp
    stage = FactualityStage()
    rules_only = FactualityStage(use_models=False)
    gold: list[float] = []
    pred: list[float] = []
    rule_pred: list[float] = []
    sign_hits = 0
    for row, doc in zip(rows, nlp.pipe((Doc(nlp.vocab, words=r["text"].split(" ")) for r in rows),
                                       batch_size=256), strict=False):
        for target in row["targets"]:
            tok = doc[target["span1"][0]]
            _, certainty = stage.event_certainty(tok)
            _, rule_certainty = rules_only.event_certainty(tok)
            y = float(target["label"])
            gold.append(y)
            pred.append(6.0 * certainty - 3.0)
            rule_pred.append(6.0 * rule_certainty - 3.0)
            sign_hits += (certainty >= 0.5) == (y >= 0)
    return {
        "pearson_r": round(_pearson(pred, gold), 4),
        "pearson_r_rules_only": round(_pearson(rule_pred, gold), 4),
        "mae": round(sum(abs(p - g) for p, g in zip(pred, gold, strict=False)) / max(1, len(gold)), 4),
        "polarity_accuracy": round(sign_hits / max(1, len(gold)), 4),
        "n": float(len(gold)),
    }
