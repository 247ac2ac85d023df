"""How many gold events the sentence pre-filter would hide from the parser, and how much text it skips.

Recall loss = share of gold event sentences (PLOVER GSR records; ConfliBERT quad sentences with a
cooperation/conflict class 1-4) in which the pre-filter finds no cue, so the event coder would never
see them parsed. The pass rate on the bench corpus (share of words sent to the parser) is what buys
the speed; ``words_parsed_share`` reports it. Both are given for the lexicon rule alone (``rule_*``)
and for the rule with the learned sentence gate (prefilter_gate.py; the plain keys, what bulk
ingest runs).

``coder_events_lost``: on bench articles the gate never saw in training (after its
``train_docs``), the share of the events the unfiltered pipeline codes whose trigger sits in a
sentence the filter skips; ``coder_events_kept_end_to_end`` compares the event counts of the
filtered and unfiltered pipelines (a skipped neighbour can change how a kept run is parsed).
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
    out = _measure(ctx, pre, Sentencizer())
    if pre.gate is not None:
        rule = _measure(ctx, build_prefilter(nlp, gate=False), Sentencizer())
        out.update({f"rule_{k}": v for k, v in rule.items() if not k.endswith("_events")})
        out.update(_coder_loss(ctx, pre))
    return out


def _coder_loss(ctx: EvalContext, pre: Prefilter) -> Metrics:
    from ..bench import load_corpus  # noqa: PLC0415
    from ..pipeline import Pipeline, Stage  # noqa: PLC0415
    from ..stages.actors import ActorStage  # noqa: PLC0415
    from ..stages.events import EventStage  # noqa: PLC0415
    from ..stages.sentences import SentenceStage  # noqa: PLC0415

    bench = ctx.gold_dir / "bench" / "news.jsonl"
    if not bench.is_file():
        return {}
    start = int(pre.gate.train_docs or 0)
    docs = load_corpus(bench, start + (ctx.limit or 100))[start:]
    if not docs:
        return {}
    res = ctx.resources
    stages: list[Stage] = [SentenceStage(), ActorStage(gazetteer=res.gazetteer), EventStage()]
    full, filtered = Pipeline(res.nlp, stages), Pipeline(res.nlp, stages, prefilter=pre)
    events = lost = kept = 0
    for doc in docs:
        ann = full.process(doc).annotation
        if ann is None:
            continue
        skipped = filtered.unparsed_ranges(doc)
        events += len(ann.events)
        lost += sum(any(a <= e.trigger.start < b for a, b in skipped) for e in ann.events)
        got = filtered.process(doc).annotation
        kept += len(got.events) if got is not None else 0
    return {"coder_events": float(events), "coder_events_docs": float(len(docs)),
            "coder_events_lost": round(lost / max(1, events), 4),
            "coder_events_kept_end_to_end": round(kept / max(1, events), 4)}


def _measure(ctx: EvalContext, pre: Prefilter, sentencizer: object) -> Metrics:
    nlp = ctx.resources.nlp
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
                doc = sentencizer(nlp.make_doc(json.loads(line)["text"]))  # type: ignore[attr-defined, operator]
                for sent in doc.sents:
                    n = sum(1 for t in sent if not t.is_space)
                    words += n
                    parsed += n if pre.wants(t.text for t in sent) else 0
        out["words_parsed_share"] = round(parsed / max(1, words), 4)
    return out
