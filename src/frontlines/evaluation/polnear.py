"""PolNeAR attribution: F1 of attribution source spans on the dev articles.

Gold: ``attribution/polnear/dev`` (brat standoff, ``Source`` spans of attribution relations; some
articles were annotated by two annotators, each file is scored on its own). Predictions are the
attribution stage's reporting constructions (``AttributionStage.detect``) over the article text.
``source_f1`` counts a predicted span correct when it overlaps a gold source span and shares its
head (last) word, one-to-one; ``source_f1_exact`` needs identical offsets (after trimming
punctuation and quotes).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import EvalContext, Metrics

_TRIM = " \t\n\"'“”‘’,.:;()"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def read_sources(path: Path, text: str) -> list[tuple[int, int]]:
    spans = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, *rest = parts[1].split(" ")
        if label != "Source":
            continue
        offsets = " ".join(rest).split(";")
        start = int(offsets[0].split()[0])
        end = int(offsets[-1].split()[-1])
        spans.append(_trim(text, start, end))
    return sorted(set(spans))


def _last_word(text: str, span: tuple[int, int]) -> str:
    words = re.findall(r"[\w’'-]+", text[span[0]:span[1]].lower())
    return words[-1] if words else ""


def _match(text: str, pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    used: set[int] = set()
    hits = 0
    for p in pred:
        for k, g in enumerate(gold):
            if k in used:
                continue
            ok = p == g if exact else (p[0] < g[1] and g[0] < p[1] and _last_word(text, p) == _last_word(text, g))
            if ok:
                used.add(k)
                hits += 1
                break
    return hits


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(ctx: EvalContext) -> Metrics:
    from ..stages.attribution import AttributionStage

    root = ctx.path("attribution", "polnear", "dev")
    ann_files = sorted((root / "attributions").glob("*.ann"))
    texts: dict[str, str] = {}
    for f in ann_files:
        stem = f.stem.rsplit("_", 1)[0]
        texts.setdefault(stem, (root / "text" / f"{stem}.txt").read_text(encoding="utf-8"))
    stems = sorted(texts)
    if ctx.limit:
        stems = stems[: ctx.limit]
    nlp: Any = ctx.resources.nlp
    stage = AttributionStage()
    predicted: dict[str, list[tuple[int, int]]] = {}
    for stem, doc in zip(stems, nlp.pipe(texts[s] for s in stems), strict=False):
        spans = {_trim(doc.text, d.source_start, d.source_end) for d in stage.detect(doc)}
        predicted[stem] = sorted(s for s in spans if s[0] < s[1])
    tp = tp_exact = n_pred = n_gold = 0
    for f in ann_files:
        stem = f.stem.rsplit("_", 1)[0]
        if stem not in predicted:
            continue
        text = texts[stem]
        gold = read_sources(f, text)
        pred = predicted[stem]
        tp += _match(text, pred, gold, exact=False)
        tp_exact += _match(text, pred, gold, exact=True)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r, f1 = _prf(tp, n_pred, n_gold)
    _, _, f1_exact = _prf(tp_exact, n_pred, n_gold)
    return {"source_f1": round(f1, 4), "source_precision": round(p, 4), "source_recall": round(r, 4),
            "source_f1_exact": round(f1_exact, 4), "gold_sources": float(n_gold), "predicted": float(n_pred)}
