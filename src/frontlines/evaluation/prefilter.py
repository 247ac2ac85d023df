"""How many gold events the sentence pre-filter would hide from the parser, and how much text it skips.

Recall loss = share of gold event sentences (PLOVER GSR records; ConfliBERT quad sentences with a
cooperation/conflict class 1-4) in which the pre-filter finds no cue, so the event coder would never
see them parsed. The pass rate on the bench corpus (share of words sent to the parser) is what buys
the speed; ``words_parsed_share`` reports it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from itertools import islice

from ..prefilter import Prefilter, build_prefilter
from . import EvalContext, Metrics


def _plover(ctx: EvalContext) -> Iterator[str]:
    records = json.loads(ctx.path("events", "plover_gsr", "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    for rec in records:
        if rec.get("event") not in (None, "DOCUMENT") and rec.get("text"):
            yield rec["text"]


def _quad(ctx: EvalContext) -> Iterator[str]:
    with ctx.path("events", "conflibert_cameo", "quad_train.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) == 2 and row[1].strip() in {"1", "2", "3", "4"}:
                yield row[0]


def _kept(nlp: object, sentencizer: object, pre: Prefilter, text: str) -> bool:
    """True when at least one of the text's sentences reaches the parser."""
    doc = sentencizer(nlp.make_doc(text))  # type: ignore[attr-defined, operator]
    return any(pre.wants([t.text for t in sent]) for sent in doc.sents)


def evaluate(ctx: EvalContext) -> Metrics:
    from spacy.pipeline import Sentencizer  # noqa: PLC0415

    nlp = ctx.resources.nlp
    pre = build_prefilter(nlp)
    sentencizer = Sentencizer()
    out: Metrics = {}
    lost_all = total_all = 0
    for name, source in (("plover_gsr", _plover), ("conflibert_quad", _quad)):
        texts = list(islice(source(ctx), ctx.limit))
        lost = sum(not _kept(nlp, sentencizer, pre, t) for t in texts)
        out[f"{name}_events"] = float(len(texts))
        out[f"{name}_recall_loss"] = round(lost / max(1, len(texts)), 4)
        lost_all += lost
        total_all += len(texts)
    out["recall_loss"] = round(lost_all / max(1, total_all), 4)
    bench = ctx.gold_dir / "bench" / "news.jsonl"
    if bench.is_file():
        words = parsed = 0
        with bench.open(encoding="utf-8") as fh:
            for line in islice(fh, ctx.limit or 300):
                doc = sentencizer(nlp.make_doc(json.loads(line)["text"]))  # type: ignore[attr-defined]
                for sent in doc.sents:
                    n = sum(1 for t in sent if not t.is_space)
                    words += n
                    parsed += n if pre.wants(t.text for t in sent) else 0
        out["words_parsed_share"] = round(parsed / max(1, words), 4)
    return out
