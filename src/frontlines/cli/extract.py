"""``extract``, ``annotate`` and ``schema``: documents in, event records out."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from ..pipeline import Result
from ..resources import Settings
from ..runner import process_paths
from ..schema import record_schema
from ..serialize import annotation_to_json, error_to_json, records_of
from .common import iso_date, progress, report_error

CSV_COLUMNS = ("kind", "event_id", "doc_id", "plover", "cameo", "quad_class", "goldstein", "acled_event_type",
               "acled_sub_event_type", "actors", "recipients", "location", "lat", "lon", "date_start", "date_end",
               "fatalities", "injuries", "arrests", "factuality", "certainty", "attribution", "evidence")



_paths = click.argument("paths", nargs=-1, required=True)
_date = click.option("--date", "default_date", callback=iso_date,
                     help="Publication date (YYYY-MM-DD) for documents that carry none.")
_source = click.option("--source", "default_source", help="Source name for documents that carry none.")
_output = click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
                       help="Write here instead of stdout.")
_country = click.option("--country-bias", help="ISO3 country the geocoder should prefer.")


def _results(paths: tuple[str, ...], default_date: str | None, default_source: str | None,
             country_bias: str | None) -> Iterator[Result]:
    settings = Settings(default_date=default_date, default_source=default_source, country_bias=country_bias)
    with progress("extracting") as tick:
        for result in process_paths(paths, settings=settings):
            tick()
            if result.error is not None:
                report_error(result.error)
            yield result


@click.command()
@_paths
@_date
@_source
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json", "table"]), default="jsonl",
              show_default=True)
@_output
@_country
def extract(paths: tuple[str, ...], default_date: str | None, default_source: str | None, fmt: str,
            output: IO[str], country_bias: str | None) -> None:
    """Extract event and statistic records from PATHS (files, directories, feeds, URLs or - for stdin)."""
    records = (r for res in _results(paths, default_date, default_source, country_bias)
               if res.annotation is not None for r in records_of(res.annotation))
    if fmt == "jsonl":
        for rec in records:
            output.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(records), output, ensure_ascii=False, indent=2)
        output.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(output, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for rec in records:
            writer.writerow(flat_row(rec))
    else:
        _table(list(records), output)


@click.command()
@_paths
@_date
@_source
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@_output
@_country
def annotate(paths: tuple[str, ...], default_date: str | None, default_source: str | None, fmt: str,
             output: IO[str], country_bias: str | None) -> None:
    """One JSON object per document: sentences, places, dates, quantities and events, with offsets."""
    for res in _results(paths, default_date, default_source, country_bias):
        obj = annotation_to_json(res.annotation) if res.annotation is not None else error_to_json(res.error)  # type: ignore[arg-type]
        output.write(json.dumps(obj, ensure_ascii=False) + "\n")


@click.command()
@_output
def schema(output: IO[str]) -> None:
    """Print the JSON Schema of the records `extract` writes."""
    json.dump(record_schema(), output, indent=2)
    output.write("\n")


def _names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{a['name']}" + (f" [{a['country'] or ''}{' ' + a['sector'] if a.get('sector') else ''}]"
                                       if a.get("country") or a.get("sector") else "") for a in actors)


def _count(q: dict[str, Any] | None) -> str:
    return "" if not q or q.get("best") is None else str(q["best"])


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One record as a flat CSV row."""
    if rec["kind"] == "statistic":
        count = rec.get("count") or {}
        return {"kind": "statistic", "event_id": rec["event_id"], "doc_id": rec["doc_id"],
                "fatalities": count.get("best"), "evidence": rec["evidence"]["text"],
                "factuality": rec.get("factuality")}
    loc, dt, acled, attr = rec.get("location") or {}, rec.get("date") or {}, rec.get("acled") or {}, \
        rec.get("attribution") or {}
    return {
        "kind": "event", "event_id": rec["event_id"], "doc_id": rec["doc_id"], "plover": rec.get("plover"),
        "cameo": rec.get("cameo"), "quad_class": rec.get("quad_class"), "goldstein": rec.get("goldstein"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "actors": _names(rec["actors"]), "recipients": _names(rec["recipients"]), "location": loc.get("name"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "date_start": dt.get("start"), "date_end": dt.get("end"),
        "fatalities": _count(rec.get("fatalities")), "injuries": _count(rec.get("injuries")),
        "arrests": _count(rec.get("arrests")), "factuality": rec.get("factuality"), "certainty": rec.get("certainty"),
        "attribution": attr.get("name"), "evidence": rec["evidence"]["text"],
    }


def _table(records: list[dict[str, Any]], output: IO[str]) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    table = Table(title=f"{len(records)} records", show_lines=False)
    for col in ("date", "type", "cameo", "actors", "recipients", "where", "killed", "factuality", "evidence"):
        table.add_column(col, overflow="fold")
    for rec in records:
        row = flat_row(rec)
        kind = f"{row.get('plover') or ''}" if rec["kind"] == "event" else "STATISTIC"
        table.add_row(row.get("date_start") or rec.get("doc_date") or "", kind, row.get("cameo") or "",
                      row.get("actors") or "", row.get("recipients") or "", row.get("location") or "",
                      str(row.get("fatalities") or ""), row.get("factuality") or "", row["evidence"][:160])
    Console(file=output, width=200 if output is not sys.stdout else None).print(table)
