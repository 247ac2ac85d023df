"""Train the factuality stage's two small linear models on TRAIN splits only.

Usage: .venv/bin/python scripts/train_factuality.py [--gold ../shared/data] [--which event,hedge]

- event model: ridge regression on UDS-IH2 train.jsonl (trigger features -> factuality score -3..+3);
  alpha chosen by 3-fold cross-validation inside train. dev.jsonl is never seen here.
- hedge model: logistic regression on the CoNLL-2010 Wikipedia train.csv, fixed split by
  crc32(sentence) % 5: bucket 0 is held out (``frontlines eval conll2010`` reports on it), the rest
  trains; C and the decision threshold are chosen by 5-fold cross-validation inside the training part.

Writes src/frontlines/data/factuality_event_model.json and factuality_hedge_model.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontlines.cues import assess, load_lexicon  # noqa: E402
from frontlines.factuality_model import LinearModel, event_features, sentence_features, vectorize  # noqa: E402
from frontlines.resources import load_nlp  # noqa: E402
from frontlines.stages.factuality import main_token  # noqa: E402

DATA = ROOT / "src" / "frontlines" / "data"
MIN_COUNT = 3


def conll_heldout(text: str) -> bool:
    """The fixed held-out part of CoNLL-2010 train.csv (shared with evaluation/conll2010.py)."""
    return zlib.crc32(text.strip().encode("utf-8")) % 5 == 0


def _vocab(rows: list[dict[str, float]], min_count: int = MIN_COUNT) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for r in rows:
        counts.update(r.keys())
    names = sorted(n for n, c in counts.items() if c >= min_count)
    return {n: i for i, n in enumerate(names)}


def train_event(gold: Path, nlp: object) -> None:
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold
    from spacy.tokens import Doc

    lex = load_lexicon()
    rows = [json.loads(line) for line in (gold / "factuality" / "uds_ih2" / "train.jsonl").open()]
    docs = nlp.pipe((Doc(nlp.vocab, words=r["text"].split(" ")) for r in rows), batch_size=256)  # type: ignore
    feats: list[dict[str, float]] = []
    ys: list[float] = []
    groups: list[int] = []
    for k, (r, doc) in enumerate(zip(rows, docs, strict=False)):
        for t in r["targets"]:
            tok = doc[t["span1"][0]]
            feats.append(event_features(tok, assess(tok, lex)))
            ys.append(float(t["label"]))
            groups.append(k)
    vocab = _vocab(feats)
    X = vectorize(feats, vocab)
    y = np.array(ys)
    best = None
    for alpha in (1.0, 3.0, 10.0, 30.0):
        preds = np.zeros_like(y)
        for tr, te in KFold(3, shuffle=True, random_state=0).split(X):
            m = Ridge(alpha=alpha).fit(X[tr], y[tr])
            preds[te] = m.predict(X[te])
        r = float(np.corrcoef(preds, y)[0, 1])
        print(f"event alpha={alpha} cv r={r:.3f}")
        if best is None or r > best[0]:
            best = (r, alpha)
    assert best is not None
    m = Ridge(alpha=best[1]).fit(X, y)
    names = sorted(vocab, key=vocab.__getitem__)
    model = LinearModel(weights=dict(zip(names, (float(w) for w in m.coef_), strict=False)), bias=float(m.intercept_),
                        link="identity", meta={"trained_on": "UDS-IH2 train.jsonl", "alpha": best[1],
                                               "cv_pearson_r": round(best[0], 4), "n": len(y)})
    (DATA / "factuality_event_model.json").write_text(json.dumps(model.to_json(), separators=(",", ":")))
    print(f"event model: {len(model.weights)} features, cv r={best[0]:.3f}")


def train_hedge(gold: Path, nlp: object) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    lex = load_lexicon()
    with (gold / "factuality" / "conll2010_wikiweasel" / "train.csv").open(newline="") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)]
    rows = [r for r in rows if not conll_heldout(r[0])]
    feats = []
    for doc in nlp.pipe((t for t, _ in rows), batch_size=256):  # type: ignore[attr-defined]
        root = main_token(doc[:]) if len(doc) else None
        feats.append(sentence_features(doc[:], lex, assess(root, lex) if root is not None else None))
    y = np.array([lab for _, lab in rows])
    vocab = _vocab(feats, MIN_COUNT)
    X = vectorize(feats, vocab)
    best = None
    for C in (0.05, 0.1, 0.2):
        probs = np.zeros(len(y))
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
            m = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X[tr], y[tr])
            probs[te] = m.predict_proba(X[te])[:, 1]
        for thr in np.arange(0.3, 0.75, 0.05):
            f1 = f1_score(y, probs >= thr)
            if best is None or f1 > best[0]:
                best = (f1, C, float(thr))
        print(f"hedge C={C} best cv f1 so far={best[0]:.3f} (C={best[1]}, thr={best[2]:.2f})")
    assert best is not None
    m = LogisticRegression(C=best[1], max_iter=3000, class_weight="balanced").fit(X, y)
    names = sorted(vocab, key=vocab.__getitem__)
    model = LinearModel(weights=dict(zip(names, (float(w) for w in m.coef_[0]), strict=False)), bias=float(m.intercept_[0]),
                        link="logistic", threshold=round(best[2], 3),
                        meta={"trained_on": "CoNLL-2010 Wikipedia train.csv, crc32 % 5 != 0",
                              "C": best[1], "cv_f1": round(best[0], 4), "n": len(y)})
    (DATA / "factuality_hedge_model.json").write_text(json.dumps(model.to_json(), separators=(",", ":")))
    print(f"hedge model: {len(model.weights)} features, cv f1={best[0]:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--which", default="event,hedge")
    args = ap.parse_args()
    nlp = load_nlp()
    which = set(args.which.split(","))
    if "event" in which:
        train_event(args.gold, nlp)
    if "hedge" in which:
        train_hedge(args.gold, nlp)


if __name__ == "__main__":
    main()
