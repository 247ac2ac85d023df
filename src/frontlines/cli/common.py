"""Bits every command shares: the progress bar and how document errors are reported."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import click

from ..records import ErrorRecord


def report_error(err: ErrorRecord) -> None:
    """One clear line per bad document, on stderr, naming it."""
    where = f" ({err.origin})" if err.origin and err.origin != err.doc_id else ""
    click.echo(f"error: {err.doc_id}{where} [{err.stage}]: {err.message}", err=True)


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr when it is a terminal; a no-op tick otherwise."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn  # noqa: PLC0415

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a YYYY-MM-DD option, normalised, or a usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter("expected YYYY-MM-DD") from exc
