"""A learned candidate ranker: a small versioned JSON artefact read by the resolver.

``python -m frontlines.geo.train_ranker`` writes it from the dev corpora. Two kinds: ``linear``
(a weight per feature plus a bias) and ``trees`` (gradient-boosted regression trees, each a flat
list of nodes). Either way the score is a log-odds that the candidate is the right entry. The ranker
only orders a name's candidates: whether the name gets an entry at all stays with the hand scorer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ResourceMissing

VERSION = 1
PACKAGED = Path(__file__).resolve().parent.parent / "data" / "geo_ranker.json"

# a tree node: (feature index or -1 for a leaf, threshold, left child, right child, leaf value)
Node = tuple[int, float, int, int, float]


@dataclass(frozen=True, slots=True)
class Ranker:
    features: tuple[str, ...]
    kind: str
    bias: float
    weights: tuple[float, ...] = ()
    trees: tuple[tuple[Node, ...], ...] = ()

    def score(self, f: Sequence[float]) -> float:
        if self.kind == "linear":
            return self.bias + sum(w * x for w, x in zip(self.weights, f, strict=True))
        total = self.bias
        for tree in self.trees:
            i = 0
            while True:
                feat, thr, left, right, value = tree[i]
                if feat < 0:
                    total += value
                    break
                i = left if f[feat] <= thr else right
        return total

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "kind": self.kind, "features": list(self.features), "bias": self.bias,
                "weights": list(self.weights), "trees": [[list(n) for n in t] for t in self.trees]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        if data.get("version") != VERSION:
            raise ResourceMissing(f"geo ranker version {data.get('version')} != {VERSION}: retrain it")
        trees = tuple(tuple((int(n[0]), float(n[1]), int(n[2]), int(n[3]), float(n[4])) for n in t)
                      for t in data.get("trees", ()))
        return cls(tuple(data["features"]), data["kind"], float(data["bias"]),
                   tuple(float(w) for w in data.get("weights", ())), trees)

    @classmethod
    def load(cls, path: Path | None = None) -> Ranker:
        path = path or PACKAGED
        if not path.is_file():
            raise ResourceMissing(f"geo ranker not found: {path}")
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
