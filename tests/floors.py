"""The quality gates' shared check: run one evaluation and hold every metric to its floor."""

from __future__ import annotations


def assert_above_floors(ctx, name: str, limit: int | None, floors: dict[str, float]) -> None:
    from frontlines import evaluation

    ctx.limit = limit
    metrics = evaluation.run(name, ctx)
    for key, floor in floors.items():
        assert metrics[key] >= floor, f"{name} {key} = {metrics[key]:.3f} fell below its floor {floor}"
