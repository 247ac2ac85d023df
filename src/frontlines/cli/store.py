"""``ingest``, ``events`` and ``export``: the event store from the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from ..records import Annotation, Document, ErrorRecord
from .common import iso_date, progress, report_error

_db = click.option("--db", "db_url", envvar="FRONTLINES_DB",
                   help="Store URL: sqlite:///PATH (default ./frontlines.db) or postgresql://user@host:port/db.")



@click.command()
@click.argument("paths", nargs=-1, required=True)
@_db
@click.option("--date", "default_date", callback=iso_date, help="Publication date for documents that carry none.")
@click.option("--source", "default_source", help="Source name for documents that carry none.")
@click.option("--country-bias", help="ISO3 country the geocoder should prefer.")
@click.option("--batch-size", type=click.IntRange(1), default=50, show_default=True,
              help="Documents per database transaction.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: run the pipeline on a Dask cluster (month-partitioned Parquet, then the store).")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
@click.option("--workers", "n_workers", type=click.IntRange(1), default=2, show_default=True,
              help="Worker processes of the local Dask cluster (without --scheduler).")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the Dask engine's Parquet output in this directory (default: temporary).")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences with an event cue (faster; other sentences get no factuality label).")
def ingest(paths: tuple[str, ...], db_url: str | None, default_date: str | None, default_source: str | None,
           country_bias: str | None, batch_size: int, engine: str = "local", scheduler: str | None = None,
           n_workers: int = 2, parquet_dir: Path | None = None, prefilter: bool = True) -> None:
    """Extract events from PATHS and store them (documents already stored unchanged are skipped)."""
    from ..ingest import read_paths
    from ..resources import Settings, load_resources
    from ..runner import build_pipeline
    from ..store import open_store

    store = open_store(db_url)
    if engine == "dask":
        _ingest_dask(store, paths, scheduler, n_workers, parquet_dir, default_date, default_source, country_bias,
                     prefilter)
        return
    counts = {"skipped": 0, "errors": 0}

    def fresh(items: Iterator[Document | ErrorRecord], tick: Any) -> Iterator[Document | ErrorRecord]:
        # resumable: a document whose text is already stored is never parsed again
        for item in items:
            if isinstance(item, Document) and store.known(item):
                counts["skipped"] += 1
                tick()
                continue
            yield item

    try:
        settings = Settings(default_date=default_date, default_source=default_source, country_bias=country_bias)
        pipeline = build_pipeline(load_resources(settings), prefilter=prefilter)
        docs = read_paths(paths, default_date=default_date, default_source=default_source)
        batch: list[Annotation] = []
        totals = {"added": 0, "replaced": 0, "unchanged": 0, "events": 0}

        def flush() -> None:
            res = store.add_many(batch, batch_size=len(batch) or 1)
            for k in ("added", "replaced", "unchanged", "events"):
                totals[k] += getattr(res, k)
            batch.clear()

        with progress("ingesting") as tick:
            for result in pipeline.run(fresh(docs, tick)):
                tick()
                if result.error is not None:
                    counts["errors"] += 1
                    report_error(result.error)
                    continue
                assert result.annotation is not None
                batch.append(result.annotation)
                if len(batch) >= batch_size:
                    flush()
            flush()
        st = store.stats()
    finally:
        store.close()
    click.echo(f"stored {totals['added']} new and {totals['replaced']} changed documents "
               f"({totals['events']} event mentions); skipped {counts['skipped'] + totals['unchanged']} unchanged; "
               f"{counts['errors']} errors. Store: {st['documents']} documents, {st['events']} events "
               f"from {st['mentions']} mentions.", err=True)


def _ticks(tick: Any, n: int) -> None:
    for _ in range(n):
        tick()


def _ingest_dask(store: Any, paths: tuple[str, ...], scheduler: str | None, n_workers: int,
                 parquet_dir: Path | None, default_date: str | None, default_source: str | None,
                 country_bias: str | None, prefilter: bool = True) -> None:
    """``ingest --engine dask`` (frontlines.engine): same skipping and summary as the local engine."""
    from ..engine.dask_engine import ingest_dask

    def report(err: dict[str, Any]) -> None:
        report_error(ErrorRecord(err["doc_id"], err["stage"], err["message"], err.get("origin")))

    import logging

    if not logging.getLogger().isEnabledFor(logging.INFO):  # dask's cluster chatter only with -v
        logging.getLogger("distributed").setLevel(logging.ERROR)

    try:
        with progress("ingesting (dask)") as tick:
            result, added = ingest_dask(store, paths, scheduler=scheduler, n_workers=n_workers,
                                        parquet_dir=parquet_dir, default_date=default_date,
                                        default_source=default_source, country_bias=country_bias,
                                        prefilter=prefilter, on_error=report, tick=lambda n: _ticks(tick, n))
        st = store.stats()
    finally:
        store.close()
    click.echo(f"stored {added.added} new and {added.replaced} changed documents ({added.events} event mentions) "
               f"on {result.workers} Dask workers; skipped {result.skipped + added.unchanged} unchanged; "
               f"{len(result.errors)} errors. Store: {st['documents']} documents, {st['events']} events "
               f"from {st['mentions']} mentions.", err=True)


def _query_options(f: Any) -> Any:
    options = [
        click.option("--since", callback=iso_date, help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", callback=iso_date, help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--country", help="Country of the event location (ISO3, ISO2 or name)."),
        click.option("--actor", help="Actor name (substring), CAMEO actor code prefix or actor ISO3."),
        click.option("--type", "type_", help="PLOVER type, CAMEO code prefix or ACLED event type."),
        click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat"),
        click.option("--text", help="Full-text search over the evidence sentences."),
        click.option("--factuality", help="Factuality label(s), comma separated (asserted, reported...)."),
        click.option("--min-sources", type=click.IntRange(1), help="Only events reported by this many sources."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _query(limit: int | None, offset: int, **kw: Any) -> Any:
    from ..store import EventQuery
    from ..store.query import parse_bbox

    bbox = parse_bbox(kw.pop("bbox")) if kw.get("bbox") else None
    kw.pop("bbox", None)
    return EventQuery(type=kw.pop("type_"), bbox=bbox, limit=limit if limit is not None else 100, offset=offset,
                      **kw)


@click.command()
@_db
@_query_options
@click.option("--limit", type=click.IntRange(0), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def events(db_url: str | None, limit: int, offset: int, fmt: str, output: IO[str], **filters: Any) -> None:
    """Query stored (deduplicated) events."""
    from ..store import open_store
    from ..store.exports import to_csv

    q = _query(limit, offset, **filters)
    with open_store(db_url) as store:
        rows = store.query_events(q)
        total = store.count_events(q)
    if fmt == "jsonl":
        for row in rows:
            output.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        output.write(to_csv(rows))
    else:
        _table(rows, output)
        click.echo(f"{len(rows)} of {total} events", err=True)


def _table(rows: list[dict[str, Any]], output: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..store.exports import flat_row

    table = Table(show_lines=False)
    for col in ("date", "type", "cameo", "actors", "recipients", "place", "country", "src", "evidence"):
        table.add_column(col, overflow="fold")
    for e in rows:
        r = flat_row(e)
        table.add_row(r["date"] or "", r["plover"] or "", r["cameo"] or "", r["actors"], r["recipients"],
                      r["place"] or "", r["country"] or "", str(r["n_sources"]), (r["evidence"] or "")[:120])
    Console(file=output, width=None if output.isatty() else 160).print(table)


@click.command()
@_db
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled", "ucdp", "cameo", "plover", "geojson", "parquet"]))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path),
              help="Output file (a directory for parquet); stdout when omitted.")
@_query_options
def export(db_url: str | None, fmt: str, output: Path | None, **filters: Any) -> None:
    """Export stored events in a standard event-data format."""
    from ..store import open_store
    from ..store.exports import export as write

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o DIR")
    q = _query(None, 0, **filters)
    with open_store(db_url) as store:
        n = write(store.iter_events(q), fmt, output if output is not None else sys.stdout)
    click.echo(f"exported {n} events as {fmt}" + (f" to {output}" if output else ""), err=True)
