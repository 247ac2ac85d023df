"""Victim counts on the Gun Violence Database (``counts/gvdb/dev.tsv``): per-article killed and
injured exact match, the measure of Zhong et al. (2023, "Extracting victim counts from text").

Gold: the article's crowd-annotated victim list. A victim whose outcome includes "killed" counts
as killed; one marked "injured" or "hospitalized" but not killed counts as injured (a victim who
died in hospital is a death, not an injury). Prediction: the full pipeline, then
``quantities.article_counts`` (counts deduplicated across sentences; statistics never count).
The document date comes from the dateline where there is one (``dev.json`` holds other articles
under the same ids, so its dates are not used).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from rich.progress import Progress

from ..pipeline import Pipeline
from ..records import Block, Document
from ..stages import build_stages
from ..stages.quantities import article_counts, extract_mentions
from ..temporal import dateline_date
from . import EvalContext, Metrics


def gold_counts(victims: list[dict[str, object]]) -> tuple[int, int]:
    killed = injured = 0
    for v in victims:
        was = v.get("victim-was") or []
        if "killed" in was:  # type: ignore[operator]
            killed += 1
        elif "injured" in was or "hospitalized" in was:  # type: ignore[operator]
            injured += 1
    return killed, injured


def read_gold(path: Path, limit: int | None = None) -> Iterator[tuple[Document, tuple[int, int]]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        for n, row in enumerate(reader):
            if limit is not None and n >= limit:
                break
            info = json.loads(row["Json"])
            yield (to_document(row), gold_counts(info.get("victim-section") or []))


def to_document(row: dict[str, str]) -> Document:
    """The article as ingest would give it: the title (glued to the body in the file) as a heading
    block, the date from the dateline."""
    text, title = row["Full text"], (row.get("Article title") or "").strip()
    blocks: tuple[Block, ...] = ()
    if title and text.startswith(title):
        text = title + ".\n\n" + text[len(title):].lstrip()
        blocks = (Block(0, len(title) + 1, "heading"), Block(len(title) + 3, len(text)))
    date = dateline_date(text[len(title):].lstrip() if title else text)
    return Document(doc_id=f"gvdb-{row['Article id']}", text=text, title=title or None,
                    url=row.get("Article url") or None, date=date, date_source="dateline" if date else None,
                    blocks=blocks)


def evaluate(ctx: EvalContext) -> Metrics:
    base = ctx.path("counts", "gvdb")
    gold = list(read_gold(base / "dev.tsv", ctx.limit))
    res = ctx.resources
    pipeline = Pipeline(res.nlp, build_stages(res))
    hits_k = hits_i = hits_both = errors = 0
    n = len(gold)
    with Progress(transient=True) as progress:
        task = progress.add_task("gvdb", total=n)
        for (_, (gk, gi)), result in zip(gold, pipeline.run(d for d, _ in gold), strict=True):
            progress.advance(task)
            if result.annotation is None:  # a failing document scores as a miss, and is counted
                errors += 1
                continue
            counts = article_counts(extract_mentions(result.annotation))
            pk, pi = counts["killed"], counts["injured"]
            hits_k += pk == gk
            hits_i += pi == gi
            hits_both += pk == gk and pi == gi
    return {"articles": float(n), "errors": float(errors), "killed_exact": hits_k / n if n else 0.0,
            "injured_exact": hits_i / n if n else 0.0, "both_exact": hits_both / n if n else 0.0}
