"""ConfliBERT CAMEO quad classes: macro-F1 over sentence classes 0-4.

Gold: ``events/conflibert_cameo/quad_train.tsv`` (``sentence<TAB>label``; 0 = no cooperation or
conflict event, i.e. statements/appeals or nothing; 1 verbal coop, 2 material coop, 3 verbal
conflict, 4 material conflict). A sentence's predicted class is its main event's quad class
(``coding.select.main_event``), 0 when it has none.
"""

from __future__ import annotations

import csv

from ..coding.select import main_event
from ..ids import content_id
from ..records import Document
from . import EvalContext, Metrics
from ._run import code_documents

CLASSES = (0, 1, 2, 3, 4)


def load(ctx: EvalContext) -> list[tuple[str, int]]:
    path = ctx.path("events", "conflibert_cameo", "quad_train.tsv")
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for rec in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(rec) >= 2 and rec[-1].strip().isdigit():
                rows.append(("\t".join(rec[:-1]), int(rec[-1])))
    return rows[: ctx.limit] if ctx.limit else rows


def predict(ctx: EvalContext, sentences: list[str]) -> list[int]:
    docs = [Document(doc_id=content_id("q", i, s), text=s) for i, s in enumerate(sentences)]
    anns = code_documents(ctx, docs)
    out = []
    for d in docs:
        ann = anns.get(d.doc_id)
        ev = main_event(ann.events, ann.doc) if ann is not None else None
        out.append(ev.quad_class if ev is not None and ev.quad_class is not None and not ev.negated else 0)
    return out


def macro_f1(gold: list[int], pred: list[int]) -> dict[str, float]:
    out: dict[str, float] = {}
    f1s = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[f"f1_class_{c}"] = f1
        f1s.append(f1)
    out["macro_f1"] = sum(f1s) / len(f1s)
    out["accuracy"] = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0
    return out


def evaluate(ctx: EvalContext) -> Metrics:
    rows = load(ctx)
    pred = predict(ctx, [s for s, _ in rows])
    metrics = macro_f1([g for _, g in rows], pred)
    metrics["sentences"] = float(len(rows))
    return metrics
