"""``eval``: score the pipeline against a gold set in ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import evaluation


@click.command("eval")
@click.argument("name", required=False)
@click.option("--data", "gold_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Gold data folder (default ../shared/data or $FRONTLINES_GOLD).")
@click.option("--limit", type=int, help="Score only the first N items (quick runs).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate(name: str | None, gold_dir: Path | None, limit: int | None, fmt: str) -> None:
    """Score accuracy on gold set NAME (run without NAME to list them)."""
    if name is None:
        for available in evaluation.available():
            click.echo(available)
        return
    ctx = evaluation.EvalContext(limit=limit) if gold_dir is None else evaluation.EvalContext(gold_dir, limit)
    metrics = evaluation.run(name, ctx)
    if fmt == "json":
        click.echo(json.dumps(metrics, sort_keys=True))
    else:
        width = max(map(len, metrics), default=0)
        for key, value in metrics.items():
            click.echo(f"{key:<{width}}  {value:.4f}" if isinstance(value, float) else f"{key:<{width}}  {value}")
