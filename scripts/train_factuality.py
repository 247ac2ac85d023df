"""Train the factuality stage's two small linear models on TRAIN splits only.

Usage: .venv/bin/python scripts/train_factuality.py [--gold ../shared/data] [--which event,hedge]

- event model: ridge regression on UDS-IH2 train.jsonl (trigger features -> factuality score -3..+3);
  alpha chosen by 3-fold cross-validation inside train. dev.jsonl is never seen here.
- hedge model: logistic regression (NBSVM-style feature scaling) on the CoNLL-2010 Wikipedia
  train.csv, split into five document-grouped article blocks (``article_blocks``): block 0 is held
  out, the rest trains, and the model stores a fingerprint of its training sentences so that
  ``frontlines eval conll2010`` scores only sentences it never saw. Vocabulary, C and the decision
  threshold come from grouped cross-validation inside the training part only (nested). ``--kfold``
  also rotates the held-out block through all five (and, for comparison with earlier rounds, the
  random crc32(sentence) % 5 buckets) and stores each fold's F1, mean and spread in the model's meta.

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
HEDGE_C = (0.03, 0.05, 0.1)  # NBSVM-scaled features: strong regularisation won in grouped CV


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


def _nb_scale(X: object, y: np.ndarray) -> np.ndarray:
    """NBSVM-style feature scale |log-count ratio| + 0.1 (Wang & Manning 2012): cue words that split
    the classes get room in the regularised fit, frequent neutral words less."""
    B = (X > 0).astype(float)  # type: ignore[operator]
    p = np.asarray(B[y == 1].sum(0)).ravel() + 1.0
    q = np.asarray(B[y == 0].sum(0)).ravel() + 1.0
    return np.abs(np.log((p / p.sum()) / (q / q.sum()))) + 0.1


def article_blocks(labels: np.ndarray, k: int = 5) -> np.ndarray:
    """Document-grouped folds for the CoNLL-2010 Wikipedia file. It has no article ids, but it lists
    the certain sentences, then the uncertain ones, each class in article order (alphabetical titles):
    a sentence's rank within its class, scaled to [0, 1), says roughly where its article sits, so
    cutting that scale into ``k`` contiguous blocks keeps an article's sentences (both classes) in one
    block. Random splits leak an article's names and topic words into its own test fold."""
    pos = np.zeros(len(labels))
    for c in (0, 1):
        idx = np.where(labels == c)[0]
        pos[idx] = np.arange(len(idx)) / max(len(idx), 1)
    return np.minimum((pos * k).astype(int), k - 1)


def _fit_hedge(feats: list[dict[str, float]], y: np.ndarray, groups: np.ndarray,
               meta: dict[str, object]) -> LinearModel:
    """Vocabulary, C and decision threshold from cross-validation inside ``feats`` only (folds = the
    distinct ``groups``, so the inner folds are as grouped as the outer ones), then one fit on all of it.
    The threshold matters: F1 of the uncertain class moves by several points across 0.3-0.6."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    def fit(X: object, yy: np.ndarray, C: float) -> tuple[object, np.ndarray]:
        scale = _nb_scale(X, yy)
        m = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=0)
        return m.fit(X.multiply(scale).tocsr(), yy), scale  # type: ignore[attr-defined]

    best: tuple[float, float, float] | None = None
    for C in HEDGE_C:
        probs = np.zeros(len(y))
        for g in sorted(set(groups.tolist())):
            te = np.where(groups == g)[0]
            tr = np.where(groups != g)[0]
            vocab_in = _vocab([feats[i] for i in tr], MIN_COUNT)
            m, scale = fit(vectorize([feats[i] for i in tr], vocab_in), y[tr], C)
            Xte = vectorize([feats[i] for i in te], vocab_in)
            probs[te] = m.predict_proba(Xte.multiply(scale).tocsr())[:, 1]  # type: ignore[attr-defined]
        for thr in np.arange(0.2, 0.8, 0.01):
            f1 = float(f1_score(y, probs >= thr))
            if best is None or f1 > best[0]:
                best = (f1, C, float(thr))
    assert best is not None
    vocab = _vocab(feats, MIN_COUNT)
    m, scale = fit(vectorize(feats, vocab), y, best[1])
    names = sorted(vocab, key=vocab.__getitem__)
    coef = m.coef_[0] * scale  # type: ignore[attr-defined]
    model = LinearModel(weights={n: float(w) for n, w in zip(names, coef, strict=True) if abs(w) >= 1e-3},
                        bias=float(m.intercept_[0]), link="logistic", threshold=round(best[2], 3),  # type: ignore
                        meta={**meta, "C": best[1], "inner_cv_f1": round(best[0], 4), "n": len(y),
                              "features": "sentence_features v3 (lexical, lexicon, dependency, weasel)",
                              "scaling": "nb"})
    return LinearModel.from_json(model.to_json())  # scored exactly as shipped (rounded weights)


def _f1(pred: list[bool], gold: list[int]) -> float:
    tp = sum(p and g == 1 for p, g in zip(pred, gold, strict=True))
    fp = sum(p and g == 0 for p, g in zip(pred, gold, strict=True))
    fn = sum((not p) and g == 1 for p, g in zip(pred, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fingerprint(texts: list[str]) -> str:
    """The training sentences as sorted crc32 hex codes, stored in the model so that
    ``frontlines eval conll2010`` scores only sentences the model never saw, on any file."""
    return "".join(f"{c:08x}" for c in sorted({zlib.crc32(t.strip().encode("utf-8")) for t in texts}))


def train_hedge(gold: Path, nlp: object, kfold: bool = False) -> None:
    from frontlines.evaluation.conll2010 import UNCERTAIN
    from frontlines.stages.factuality import FactualityStage

    lex = load_lexicon()
    with (gold / "factuality" / "conll2010_wikiweasel" / "train.csv").open(newline="") as fh:
        rows = [(r["text"].strip(), int(r["label"])) for r in csv.DictReader(fh)]
    y = np.array([lab for _, lab in rows])
    blocks = article_blocks(y)
    buckets = np.array([zlib.crc32(t.encode("utf-8")) % 5 for t, _ in rows])
    docs = list(nlp.pipe((t for t, _ in rows), batch_size=256))  # type: ignore[attr-defined]
    feats = []
    for doc in docs:
        root = main_token(doc[:]) if len(doc) else None
        feats.append(sentence_features(doc[:], lex, assess(root, lex) if root is not None else None))

    def fold(split: np.ndarray, k: int, name: str) -> tuple[LinearModel, float, float]:
        train = np.where(split != k)[0]
        model = _fit_hedge([feats[i] for i in train], y[train], split[train],
                           {"trained_on": f"CoNLL-2010 Wikipedia train.csv, {name} != {k}"})
        test = np.where(split == k)[0]
        gold_k = [int(y[i]) for i in test]
        clf = [model.score(feats[i]) >= model.threshold for i in test]
        stage = FactualityStage(lex, hedge_model=model)
        full = [len(docs[i]) > 0 and stage.judge_sentence(docs[i][:]).label in UNCERTAIN for i in test]
        return model, _f1(clf, gold_k), _f1(full, gold_k)

    # article block 0 is held out: `frontlines eval conll2010` scores it (the sentences not in the fingerprint)
    model, f_clf, f_stage = fold(blocks, 0, "article block")
    print(f"hedge model: {len(model.weights)} features, C={model.meta and model.meta['C']}, "
          f"thr={model.threshold}, inner cv f1={model.meta and model.meta['inner_cv_f1']}; held-out block: "
          f"classifier f1={f_clf:.4f}, stage f1={f_stage:.4f}")
    meta = dict(model.meta or {})
    meta["heldout_f1_classifier"] = round(f_clf, 4)
    meta["heldout_f1_stage"] = round(f_stage, 4)
    if kfold:
        for split, name, key in ((blocks, "article block", "grouped"), (buckets, "crc32 % 5", "crc32")):
            clf_scores, stage_scores = [], []
            for k in range(5):
                _, a, b = (None, f_clf, f_stage) if split is blocks and k == 0 else fold(split, k, name)
                clf_scores.append(a)
                stage_scores.append(b)
                print(f"{key} fold {k}: classifier f1={a:.4f}, stage f1={b:.4f}", flush=True)
            meta[f"cv5_{key}_f1_classifier"] = [round(v, 4) for v in clf_scores]
            meta[f"cv5_{key}_f1_stage"] = [round(v, 4) for v in stage_scores]
            meta[f"cv5_{key}_f1_stage_mean"] = round(float(np.mean(stage_scores)), 4)
            meta[f"cv5_{key}_f1_stage_sd"] = round(float(np.std(stage_scores)), 4)
            print(f"5-fold ({name}) F1: classifier {np.mean(clf_scores):.4f} +- {np.std(clf_scores):.4f}, "
                  f"stage {np.mean(stage_scores):.4f} +- {np.std(stage_scores):.4f}")
    meta["trained_crc32"] = fingerprint([rows[i][0] for i in np.where(blocks != 0)[0]])
    model = LinearModel(weights=model.weights, bias=model.bias, link=model.link, threshold=model.threshold, meta=meta)
    (DATA / "factuality_hedge_model.json").write_text(json.dumps(model.to_json(), separators=(",", ":")))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--which", default="event,hedge")
    ap.add_argument("--kfold", action="store_true", help="also report 5-fold CV over the crc32 buckets")
    args = ap.parse_args()
    nlp = load_nlp()
    which = set(args.which.split(","))
    if "event" in which:
        train_event(args.gold, nlp)
    if "hedge" in which:
        train_hedge(args.gold, nlp, kfold=args.kfold)


if __name__ == "__main__":
    main()
