"""A learned sentence gate for the pre-filter: of the candidate sentences, parse only the ones in which
the event coder has a fair chance of finding an event.

Candidates are the sentences the lexicon rule (``prefilter.Prefilter.rule``) keeps, a word the coder
could code, plus those with a statement verb ("said", "told": the coder codes a statement when its
speaker and the reported clause's subject are both parties, which surface words cannot tell). About
a third of the rule's words sit in sentences where the coder then finds nothing ("a spokesman said
the talks would continue", opinion prose with "attack" used figuratively). The gate is a logistic
regression over hashed surface features of the sentence (its lower-cased words and word pairs, the
cue lemmas the rule recognised and their neighbours, its length, digits, capitalised words, whether
the rule fired), trained with ``scripts/train_prefilter_gate.py`` on the coder's own output over the
bench corpus (label: the unfiltered pipeline codes at least one event in the sentence), never on
gold sets; the gold sets only measure the recall it costs (``frontlines eval prefilter``). The
threshold is picked on out-of-fold scores so that about 0.8% of the coder's events fall in
candidate sentences it skips.

The model (``data/prefilter_gate.json``) stores only the non-zero weights (L1 regularisation),
keyed by a CRC-32 hash of the feature string, so it holds no corpus text. Scoring a sentence costs a
few dictionary look-ups per word (per-word work is memoised), far below spaCy's cost per word.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Model file shipped with the package.
MODEL_PATH = Path(__file__).resolve().parent / "data" / "prefilter_gate.json"
#: Hash space: large enough that collisions are rare among the few thousand weights kept.
DIM = 1 << 20
VERSION = 2
_MAX_MEMO = 200_000
#: zlib.crc32(b"b:") (a word pair feature's prefix) and zlib.crc32(b"b:<s> ") (the pair opening a
#: sentence), written out so that importing computes nothing (tests check them).
_PAIR_CRC = 0xD01EC268
_BOS_CRC = 0x898E0570


def _h(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (DIM - 1)


def features(tokens: Sequence[str], pre: Any, memo: dict[str, Any] | None = None,
             rule: bool | None = None) -> set[int]:
    """Hashed features of one sentence (``tokens`` as spaCy's tokenizer splits it).

    ``pre`` (a ``prefilter.Prefilter``) names the cue lemmas a word may be; ``memo`` caches per-word work;
    ``rule``: whether the lexicon rule keeps the sentence (else only a statement verb made it a candidate).
    """
    memo = memo if memo is not None else {}
    out: set[int] = set()
    words = [t for t in tokens if not t.isspace()]
    prev = "<s>"
    # word pairs: _h("b:" + prev + " " + low) by continuing the CRC of "b:" + prev + " " (kept per word)
    # over low's bytes, zlib.crc32(a + b) == zlib.crc32(b, zlib.crc32(a)): the same hash, no new string
    prev_crc = _BOS_CRC
    n = len(words)
    digits = caps = 0
    for i, tok in enumerate(words):
        hit = memo.get(tok)
        if hit is None:
            low = tok.lower()
            strong, conditional = pre.classify(tok)
            cues = tuple(c for c in dict.fromkeys(pre.candidates(low)) if c in pre.strong) if strong else ()
            feats = [_h("w:" + low), *(_h("c:" + c) for c in cues), *(_h("k:" + c) for c in conditional)]
            if len(memo) > _MAX_MEMO:
                memo.clear()
            enc = low.encode("utf-8")
            hit = memo[tok] = (tuple(feats), low, cues + tuple(conditional), enc,
                               zlib.crc32(b" ", zlib.crc32(enc, _PAIR_CRC)))
        feats_t, low, lemmas, enc, next_crc = hit
        out.update(feats_t)
        out.add(zlib.crc32(enc, prev_crc) & (DIM - 1))
        if lemmas:
            nxt = words[i + 1].lower() if i + 1 < n else "</s>"
            cap = "C" if i and tok[:1].isupper() else "l"
            for lemma in lemmas:  # how the cue word is used: after a determiner it is a noun, etc.
                out.add(_h(f"cp:{prev} {lemma}"))
                out.add(_h(f"cn:{lemma} {nxt}"))
                out.add(_h(f"cf:{lemma} {low[-3:]} {cap}"))
        prev, prev_crc = low, next_crc
        digits += tok[:1].isdigit()
        caps += bool(i) and tok[:1].isupper()
    out.add(zlib.crc32(b"</s>", prev_crc) & (DIM - 1))
    out.add(_h(f"len:{min(7, n.bit_length())}"))
    out.add(_h(f"num:{min(digits, 2)}"))
    out.add(_h(f"cap:{min(4, (caps * 8) // max(1, n))}"))
    if rule is not None:
        out.add(_h(f"rule:{int(rule)}"))
    return out


@dataclass
class SentenceGate:
    """Keeps a sentence when its score (log-odds that the coder finds an event) reaches ``threshold``."""

    weights: dict[int, float] = field(repr=False)
    bias: float
    threshold: float  # in log-odds
    train_docs: int = 0  # bench articles used in training (the ones after them are held out)
    pre: Any = None  # the Prefilter whose cue lemmas feed the features
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def score(self, tokens: Sequence[str], rule: bool = True) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in features(tokens, self.pre, self._memo, rule))

    def keep(self, tokens: Sequence[str], rule: bool = True) -> bool:
        return self.score(tokens, rule) >= self.threshold

    @classmethod
    def load(cls, pre: Any, path: Path = MODEL_PATH) -> SentenceGate:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION or data.get("dim") != DIM:
            raise ValueError(f"{path}: gate model version {data.get('version')}/{data.get('dim')}, "
                             f"expected {VERSION}/{DIM}")
        return cls(weights={int(k): float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
                   threshold=float(data["threshold"]), train_docs=int(data.get("train_docs", 0)), pre=pre)


# --- training (scripts/train_prefilter_gate.py) -------------------------------------------------------

def _matrix(rows: list[set[int]]) -> Any:
    import numpy as np  # noqa: PLC0415
    from scipy.sparse import csr_matrix  # noqa: PLC0415

    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((i for r in rows for i in sorted(r)), dtype=np.int32, count=int(indptr[-1]))
    return csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), DIM))


def _fit(x: Any, y: Any, weight: Any, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    model = LogisticRegression(l1_ratio=1.0, solver="liblinear", C=c, max_iter=300)
    model.fit(x, y, sample_weight=weight)
    return model


def _pick(scores: Any, events: Any, target_loss: float, total_events: int) -> float:
    """The highest threshold at which the events in sentences scoring below it stay within budget."""
    import numpy as np  # noqa: PLC0415

    order = np.argsort(scores)
    lost = np.cumsum(events[order])
    budget = target_loss * total_events
    k = int(np.searchsorted(lost, budget, side="right"))  # the k lowest-scoring sentences may go
    if k == 0:
        return float(scores[order[0]]) - 1.0
    if k >= len(order):
        return float(scores[order[-1]]) + 1.0
    return float((scores[order[k - 1]] + scores[order[k]]) / 2)


def fit_report(docs: list[dict[str, Any]], *, folds: int = 5, target_loss: float = 0.01, c: float = 1.0,
               train_docs: int | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The model (trained on the first ``train_docs`` labelled ``docs``, threshold from their
    cross-validated scores) and a report: cross-validated figures, and the figures on the documents
    after ``train_docs``, which never reach training (``frontlines eval prefilter`` reads them too)."""
    import numpy as np  # noqa: PLC0415

    from .prefilter import build_prefilter  # noqa: PLC0415
    from .resources import load_resources  # noqa: PLC0415

    pre = build_prefilter(load_resources().nlp, gate=False)
    train_docs = len(docs) if train_docs is None else train_docs
    held = _rows(docs[train_docs:], folds, pre) if train_docs < len(docs) else None
    docs = docs[:train_docs]
    rows, events, nwords, folds_a, totals = _rows(docs, folds, pre)
    all_words, all_events, rule_words, rule_lost, fold_events = totals
    x = _matrix(rows)
    y = (events > 0).astype(int)
    weight = np.maximum(1, events).astype(float)
    oof = np.zeros(len(y))
    for f in range(folds):
        tr, te = folds_a != f, folds_a == f
        oof[te] = _fit(x[tr], y[tr], weight[tr], c).decision_function(x[te])
    thr = _pick(oof, events, target_loss, all_events)
    keep = oof >= thr
    # the threshold's own variance: picked on the other folds' out-of-fold scores, measured on this one
    fold_loss = []
    for f in range(folds):
        here = folds_a == f
        t = _pick(oof[~here], events[~here], target_loss, all_events - fold_events[f])
        fold_loss.append(round(float(events[here & (oof < t)].sum()) / max(1, fold_events[f]), 4))
    final = _fit(x, y, weight, c)
    coef = final.coef_[0]
    nz = np.flatnonzero(coef)
    model = {"version": VERSION, "dim": DIM, "bias": round(float(final.intercept_[0]), 5),
             "threshold": round(thr, 5), "weights": {str(int(i)): round(float(coef[i]), 5) for i in nz},
             "trained_on": "frontlines' own event coder output over the bench corpus sentences its lexicon "
                           "rule keeps (label: at least one coded event); no gold data"}
    report = {
        "sentences": len(y), "positives": int(y.sum()), "all_words": all_words, "all_events": all_events,
        "candidate_words_share": round(rule_words / all_words, 4), "candidate_events_lost": round(rule_lost / all_events, 4),
        "gate_threshold": round(thr, 4),
        "gate_words_share": round(float(nwords[keep].sum()) / all_words, 4),
        "gate_events_lost": round(float(events[~keep].sum()) / all_events, 4),
        "total_events_lost": round((float(events[~keep].sum()) + rule_lost) / all_events, 4),
        "held_out_fold_gate_events_lost": fold_loss,
        "nonzero_weights": int(len(nz)),
        "auc_oof": _auc(oof, y),
        "train_docs": train_docs,
    }
    model["train_docs"] = train_docs
    if held is not None:
        h_rows, h_events, h_words, _, (h_all_words, h_all_events, h_rule_words, h_rule_lost, _) = held
        h_keep = final.decision_function(_matrix(h_rows)) >= thr
        report["held_out"] = {
            "candidate_words_share": round(h_rule_words / h_all_words, 4),
            "gate_words_share": round(float(h_words[h_keep].sum()) / h_all_words, 4),
            "candidate_events_lost": round(h_rule_lost / h_all_events, 4),
            "gate_events_lost": round(float(h_events[~h_keep].sum()) / h_all_events, 4),
            "total_events_lost": round((float(h_events[~h_keep].sum()) + h_rule_lost) / h_all_events, 4),
            "events": h_all_events,
        }
    return model, report


def _rows(docs: list[dict[str, Any]], folds: int, pre: Any) -> tuple[Any, ...]:
    import numpy as np  # noqa: PLC0415

    memo: dict[str, Any] = {}
    rows, ev, words, fold = [], [], [], []
    all_words = all_events = rule_words = rule_lost = 0
    fold_events = [0] * folds
    for d, doc in enumerate(docs):
        for s in doc["sents"]:
            all_words += s["words"]
            all_events += s["events"]
            fold_events[d % folds] += s["events"]
            rule = pre.rule(s["tokens"])
            if s["boiler"] or not (rule or pre.statement(s["tokens"])):
                rule_lost += s["events"]
                continue
            rule_words += s["words"]
            rows.append(features(s["tokens"], pre, memo, rule))
            ev.append(s["events"])
            words.append(s["words"])
            fold.append(d % folds)
    return (rows, np.array(ev), np.array(words), np.array(fold),
            (all_words, all_events, rule_words, rule_lost, fold_events))


def _auc(scores: Any, y: Any) -> float:
    from sklearn.metrics import roc_auc_score  # noqa: PLC0415

    return round(float(roc_auc_score(y, scores)), 4)
