"""The learned-ranker training script's validation: nothing is scored by a model fitted to its article."""

from __future__ import annotations

from frontlines.geo.ranker import Ranker
from frontlines.geo.resolve import ALL_FEATURES
from frontlines.geo.train_ranker import Group, accuracy, grouped_cv, right, train

N = len(ALL_FEATURES)
SIGNAL = ALL_FEATURES.index("country_share")


def _row(signal: float, noise: float) -> list[float]:
    row = [noise] * N
    row[SIGNAL] = signal
    return row


def _corpus(prefix: str, docs: int, *, learnable: bool) -> tuple[list[Group], int]:
    """Names with three candidates; the gold one carries the signal feature (or, if not learnable,
    a doc-specific quirk that only memorising the article would catch)."""
    groups = []
    for d in range(docs):
        for k in range(3):
            gold = 3 * k + (d % 3)
            rows = [_row(1.0 if (learnable and 3 * k + i == gold) else 0.0, float((d * 7 + i) % 5))
                    for i in range(3)]
            groups.append(Group(rows, [3 * k + i for i in range(3)], True, [gold, gold], f"{prefix}-{d}"))
    return groups, 6 * docs


def test_right_counts_each_mention_of_a_name():
    g = Group([_row(1.0, 0.0), _row(0.0, 0.0)], [1, 2], True, [1, 1, 2], "d")
    score = Ranker(ALL_FEATURES, "linear", 0.0, tuple(1.0 if i == SIGNAL else 0.0 for i in range(N))).score
    assert right([g], score) == 2
    assert accuracy([g], 4, score) == 0.5
    gated = Group(g.rows, g.gids, False, g.golds, "d")
    assert right([gated], score) == 0  # a name the hand scorer leaves unresolved is wrong


def test_grouped_cv_learns_a_real_signal_out_of_fold():
    data = {"a": _corpus("a", 20, learnable=True), "b": _corpus("b", 20, learnable=True)}
    cv = grouped_cv(data, "linear", 4)
    assert cv["a"] > 0.95 and cv["b"] > 0.95
    noise = {"a": _corpus("a", 20, learnable=False), "b": _corpus("b", 20, learnable=False)}
    assert max(grouped_cv(noise, "linear", 4).values()) < 0.7  # no signal: about one in three by chance


def test_grouped_cv_never_scores_an_article_with_a_model_fitted_on_it(monkeypatch):
    import frontlines.geo.train_ranker as tr

    data = {"a": _corpus("a", 12, learnable=True), "b": _corpus("b", 9, learnable=True)}
    seen: list[set[str]] = []
    real_train = tr.train

    def spy(groups, kind, seed=0):
        seen.append({g.doc for g in groups})
        fitted = real_train(groups, kind, seed)
        trained_on = seen[-1]

        class Checked:
            def score(self, f):
                return fitted.score(f)

        checked = Checked()
        checked.trained_on = trained_on  # type: ignore[attr-defined]
        return checked

    scored: list[tuple[set[str], set[str]]] = []
    real_right = tr.right

    def spy_right(groups, score):
        scored.append(({g.doc for g in groups}, score.__self__.trained_on))
        return real_right(groups, score)

    monkeypatch.setattr(tr, "train", spy)
    monkeypatch.setattr(tr, "right", spy_right)
    tr.grouped_cv(data, "linear", 3)
    assert len(seen) == 3 and all(len(s) == 14 for s in seen)  # 21 articles, a third held out each time
    assert scored and all(not (docs & trained) for docs, trained in scored)
    assert set().union(*(docs for docs, _ in scored)) == {g.doc for gs, _ in data.values() for g in gs}


def test_a_trees_ranker_round_trips_through_json():
    ranker = train(_corpus("a", 8, learnable=True)[0], "trees")
    assert ranker.kind == "trees" and ranker.trees
    assert Ranker.from_json(ranker.to_json()) == ranker
