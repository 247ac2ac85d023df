"""Train the learned candidate ranker (``data/geo_ranker.json``) on GeoWebNews and TR-News.

Each gold toponym is handed to the resolver with the rest of its article (the evaluation's
"given" mode); every candidate of its name becomes a row of ``ALL_FEATURES``, labelled by whether
it is the gold GeoNames entry. Models are compared with the hand weights two ways, never on the
articles they were fitted to: cross-corpus (train on one corpus, score exact-id accuracy on the
other, both ways) and document-grouped k-fold over both corpora pooled (an article's names all
fall in one fold; the out-of-fold picks are scored per corpus). The artefact is only written when
the chosen model beats the hand weights on both corpora under both protocols.

Run ``python -m frontlines.geo.train_ranker [--gold ../shared/data] [--out PATH] [--kind trees] [--folds 5]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import Gazetteer
from .ranker import PACKAGED, Node, Ranker
from .resolve import ALL_FEATURES, FEATURES, Resolver, _key

Scorer = Callable[[Sequence[float]], float]


@dataclass
class Group:
    """One name of one article: its candidates' feature rows and the gold ids of its mentions."""

    rows: list[list[float]]
    gids: list[int]
    gate: bool  # whether the hand scorer gives the name an entry at all
    golds: list[int]
    doc: str = ""


def collect(gold_dir: Path, gaz: Gazetteer) -> dict[str, tuple[list[Group], int]]:
    """Per corpus: its groups and its number of gold toponyms (the accuracy denominator)."""
    from ..evaluation.geo import CORPORA, _given_mention
    from ..stages.places import PlaceStage

    stage = PlaceStage(gaz)
    res: Resolver = stage.resolver
    out: dict[str, tuple[list[Group], int]] = {}
    for name, (rel, reader) in CORPORA.items():
        groups: list[Group] = []
        n = 0
        for art in reader(gold_dir / "geo" / rel):
            mentions = [_given_mention(art.text, g, stage) for g in art.toponyms]
            n += len(mentions)
            res.resolve(mentions)
            golds: dict[tuple[str, bool, bool], list[int]] = defaultdict(list)
            for g, m in zip(art.toponyms, mentions, strict=True):
                golds[_key(m)].append(g.gid)
            for k, rows in res.last_features.items():
                hand = [hand_score(res, f) for f, _ in rows]
                groups.append(Group([f for f, _ in rows], [c.gid for _, c in rows],
                                    bool(hand) and max(hand) >= res.w.min_score, golds[k], art.doc_id))
        out[name] = (groups, n)
    return out


def hand_score(res: Resolver, f: Sequence[float]) -> float:
    return sum(w * x for w, x in zip(res._vector, f[:len(FEATURES)], strict=True))


def accuracy(groups: list[Group], n: int, score: Scorer) -> float:
    """Exact-id accuracy over all ``n`` gold toponyms (names without candidates count as wrong)."""
    right = 0
    for g in groups:
        if not g.rows or not g.gate:
            continue
        best = max(range(len(g.rows)), key=lambda i: score(g.rows[i]))
        right += sum(gid == g.gids[best] for gid in g.golds)
    return right / max(n, 1)


def right(groups: list[Group], score: Scorer) -> int:
    """Gold toponyms whose name's top-scored candidate is their gold entry."""
    return round(accuracy(groups, 1, score))


def grouped_cv(data: dict[str, tuple[list[Group], int]], kind: str, folds: int,
               seed: int = 0) -> dict[str, float]:
    """Out-of-fold exact accuracy per corpus: both corpora pooled, split by article into ``folds``."""
    docs = sorted({g.doc for gs, _ in data.values() for g in gs})
    random.Random(seed).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    hits = dict.fromkeys(data, 0)
    for i in range(folds):
        ranker = train([g for gs, _ in data.values() for g in gs if fold[g.doc] != i], kind)
        for name, (gs, _) in data.items():
            hits[name] += right([g for g in gs if fold[g.doc] == i], ranker.score)
    return {name: round(hits[name] / max(n, 1), 4) for name, (_, n) in data.items()}


def _matrix(groups: list[Group]) -> tuple[list[list[float]], list[int], list[float]]:
    """Rows, labels and weights (a name's mentions count once each) of the learnable groups."""
    x, y, w = [], [], []
    for g in groups:
        if not g.gate or not any(gid in g.gids for gid in g.golds):
            continue
        for row, gid in zip(g.rows, g.gids, strict=True):
            hits = sum(gold == gid for gold in g.golds)
            x.append(row)
            y.append(int(hits > 0))
            w.append(float(max(hits, 1)))
    return x, y, w


def train(groups: list[Group], kind: str, seed: int = 0) -> Ranker:
    import numpy as np

    x, y, w = _matrix(groups)
    xa, ya, wa = np.asarray(x), np.asarray(y), np.asarray(w)
    if kind == "linear":
        from sklearn.linear_model import LogisticRegression

        mu, sd = xa.mean(axis=0), xa.std(axis=0)
        sd[sd == 0] = 1.0
        lr = LogisticRegression(C=1.0, max_iter=2000)
        lr.fit((xa - mu) / sd, ya, sample_weight=wa)
        coef = lr.coef_[0] / sd
        bias = float(lr.intercept_[0] - (coef * mu).sum())
        return Ranker(ALL_FEATURES, "linear", bias, tuple(round(float(c), 6) for c in coef))
    from sklearn.ensemble import HistGradientBoostingClassifier

    gb = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.08, max_leaf_nodes=8, min_samples_leaf=20,
                                        l2_regularization=1.0, random_state=seed)
    gb.fit(xa, ya, sample_weight=wa)
    return Ranker(ALL_FEATURES, "trees", float(gb._baseline_prediction.ravel()[0]), trees=_trees(gb))


def _trees(gb: object) -> tuple[tuple[Node, ...], ...]:
    """sklearn's fitted predictors as flat node tuples (real-valued thresholds, no binning)."""
    out = []
    for (pred,) in gb._predictors:  # type: ignore[attr-defined]
        nodes = []
        for nd in pred.nodes:
            if nd["is_leaf"]:
                nodes.append((-1, 0.0, 0, 0, round(float(nd["value"]), 6)))
            else:
                nodes.append((int(nd["feature_idx"]), float(nd["num_threshold"]), int(nd["left"]),
                              int(nd["right"]), 0.0))
        out.append(tuple(nodes))
    return tuple(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m frontlines.geo.train_ranker", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/data"), help="the shared data folder")
    parser.add_argument("--gazetteer", type=Path, default=Path("data/gazetteer.sqlite"))
    parser.add_argument("--kind", choices=("linear", "trees"), default="trees")
    parser.add_argument("--out", type=Path, default=PACKAGED)
    parser.add_argument("--folds", type=int, default=5, help="folds of the document-grouped validation")
    parser.add_argument("--dry-run", action="store_true", help="report cross-validation only")
    args = parser.parse_args(argv)
    gaz = Gazetteer(args.gazetteer)
    data = collect(args.gold, gaz)
    res = Resolver(gaz)
    report: dict[str, dict[str, float]] = {}
    wins = True
    for test in data:
        train_groups = [g for name, (gs, _) in data.items() if name != test for g in gs]
        groups, n = data[test]
        hand = accuracy(groups, n, lambda f: hand_score(res, f))
        row = {"hand": round(hand, 4)}
        for kind in ("linear", "trees"):
            ranker = train(train_groups, kind)
            row[kind] = round(accuracy(groups, n, ranker.score), 4)
        report[f"test_{test}"] = row
        wins = wins and row[args.kind] > row["hand"]
    if args.folds > 1:
        for kind in ("linear", "trees"):
            for name, value in grouped_cv(data, kind, args.folds).items():
                report[f"test_{name}"][f"{kind}_cv{args.folds}"] = value
        wins = wins and all(row[f"{args.kind}_cv{args.folds}"] > row["hand"] for row in report.values())
    print(json.dumps(report, indent=1), file=sys.stderr)
    if args.dry_run:
        return 0
    if not wins:
        print(f"{args.kind} does not beat the hand weights on both corpora under both protocols: nothing written",
              file=sys.stderr)
        return 1
    ranker = train([g for gs, _ in data.values() for g in gs], args.kind)
    args.out.write_text(json.dumps(ranker.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
