"""CoNLL-2010 Wikipedia (weasel/hedge) sentence uncertainty: F1 of the uncertain class.

Gold: ``factuality/conll2010_wikiweasel/train.csv`` (text,label; 1 = uncertain). The factuality
stage's hedge classifier was fitted on this file, so only the fixed held-out fifth
(crc32(sentence) % 5 == 0, never seen in training) is scored; ``scripts/train_factuality.py --kfold``
rotates that fifth through all five buckets and stores the mean in the model's meta. A sentence
counts as uncertain when the stage labels it "speculated" or "hypothetical": the hedge classifier
decides whether the sentence is hedged, the rules only keep an unambiguous cue ("might", "may have",
"perhaps", an if-clause) it disagrees with. The Wikipedia gold marks weasels ("some say", "is
believed") far more than root modals ("may be used"), which is why the rules alone score low
(``uncertain_f1_rules_only``); the classifier alone is ``uncertain_f1_hedge_classifier``.
"""

from __future__ import annotations

import csv
import zlib
from typing import Any

from . import EvalContext, Metrics

UNCERTAIN = frozenset({"speculated", "hypothetical"})


def heldout(text: str) -> bool:
    return zlib.crc32(text.strip().encode("utf-8")) % 5 == 0


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(ctx: EvalContext) -> Metrics:
    from ..stages.factuality import FactualityStage

    path = ctx.path("factuality", "conll2010_wikiweasel", "train.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)]
    rows = [r for r in rows if heldout(r[0])]
    if ctx.limit:
        rows = rows[: ctx.limit]
    nlp: Any = ctx.resources.nlp
    stage = FactualityStage()
    rules = FactualityStage(use_models=False)
    threshold = stage.hedge_model.threshold if stage.hedge_model is not None else 1.0
    counts = {"stage": [0, 0, 0], "rules": [0, 0, 0], "hedge": [0, 0, 0]}
    for (_, gold), doc in zip(rows, nlp.pipe((t for t, _ in rows), batch_size=256), strict=False):
        for key, st in (("stage", stage), ("rules", rules), ("hedge", stage)):
            # each gold item is one sentence, even where spaCy would split it
            judgement = st.judge_sentence(doc[:])
            if key == "hedge":
                pred = judgement.hedge >= threshold
            else:
                pred = judgement.label in UNCERTAIN
            c = counts[key]
            c[0] += pred and gold == 1
            c[1] += pred and gold == 0
            c[2] += (not pred) and gold == 1
    p, r, f = _f1(*counts["stage"])
    _, _, f_rules = _f1(*counts["rules"])
    _, _, f_hedge = _f1(*counts["hedge"])
    return {"uncertain_f1": round(f, 4), "uncertain_precision": round(p, 4), "uncertain_recall": round(r, 4),
            "uncertain_f1_rules_only": round(f_rules, 4), "uncertain_f1_hedge_classifier": round(f_hedge, 4),
            "n": float(len(rows))}
