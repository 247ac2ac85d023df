"""CoNLL-2010 Wikipedia (weasel/hedge) sentence uncertainty: F1 of the uncertain class.

Gold: ``factuality/conll2010_wikiweasel/train.csv`` (text,label; 1 = uncertain). The factuality
stage's hedge classifier was fitted on part of that file, so only sentences it never saw are scored:
the model stores a fingerprint (crc32) of its training sentences and every other row counts. On the
dev file that is the held-out article block (a contiguous fifth of the articles, see
``scripts/train_factuality.py: article_blocks``), so the score is document-grouped, not a random
split that leaks an article's own words; on a new file of the same kind every row counts. A model
without a fingerprint falls back to the older held-out fifth, crc32(sentence) % 5 == 0.

``--limit N`` takes N evenly spaced rows of the held-out set (the file is sorted by label, so its
first rows are all certain). ``uncertain_f1`` is one held-out fold. The training script's ``--kfold`` rotates the held-out block
through all five (threshold and C chosen inside each training part, nested) and stores each fold's
stage F1 in the model's meta; ``cv5_grouped_f1_mean``/``_sd`` repeat that mean and spread here (a
property of the shipped model's training recipe on the dev file, not recomputed on ``gold_dir``).

A sentence counts as uncertain when the stage labels it "speculated" or "hypothetical": the hedge
classifier decides whether the sentence is hedged, the rules only keep an unambiguous cue ("might",
"may have", "perhaps", an if-clause) it disagrees with. The Wikipedia gold marks weasels ("some
say", "is believed") far more than root modals ("may be used"), which is why the rules alone score
low (``uncertain_f1_rules_only``); the classifier alone is ``uncertain_f1_hedge_classifier``.
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Callable
from typing import Any

from . import EvalContext, Metrics

UNCERTAIN = frozenset({"speculated", "hypothetical"})


def heldout(text: str) -> bool:
    """The older fixed held-out fifth (models trained before the fingerprint was stored)."""
    return zlib.crc32(text.strip().encode("utf-8")) % 5 == 0


def seen_in_training(meta: dict[str, Any] | None) -> Callable[[str], bool] | None:
    """Whether a sentence was among the hedge model's training sentences (its stored crc32
    fingerprint), or None when the model stores none."""
    codes = (meta or {}).get("trained_crc32")
    if not isinstance(codes, str) or not codes:
        return None
    seen = {int(codes[i:i + 8], 16) for i in range(0, len(codes), 8)}
    return lambda text: zlib.crc32(text.strip().encode("utf-8")) in seen


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(ctx: EvalContext) -> Metrics:
    from ..stages.factuality import FactualityStage

    path = ctx.path("factuality", "conll2010_wikiweasel", "train.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)]
    stage = FactualityStage()
    meta = stage.hedge_model.meta if stage.hedge_model is not None else None
    seen = seen_in_training(meta)
    rows = [r for r in rows if not seen(r[0])] if seen is not None else [r for r in rows if heldout(r[0])]
    if ctx.limit and ctx.limit < len(rows):
        # evenly spaced, not the first rows: the file lists all certain sentences before the uncertain ones
        step = len(rows) / ctx.limit
        rows = [rows[int(i * step)] for i in range(ctx.limit)]
    nlp: Any = ctx.resources.nlp
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
    out = {"uncertain_f1": round(f, 4), "uncertain_precision": round(p, 4), "uncertain_recall": round(r, 4),
           "uncertain_f1_rules_only": round(f_rules, 4), "uncertain_f1_hedge_classifier": round(f_hedge, 4),
           "n": float(len(rows))}
    folds = (meta or {}).get("cv5_grouped_f1_stage")
    if isinstance(folds, list) and folds:
        mean = sum(folds) / len(folds)
        out["cv5_grouped_f1_mean"] = round(mean, 4)
        out["cv5_grouped_f1_sd"] = round((sum((v - mean) ** 2 for v in folds) / len(folds)) ** 0.5, 4)
    return out
