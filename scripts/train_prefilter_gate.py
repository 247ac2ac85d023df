"""Train the pre-filter's sentence gate (``frontlines/prefilter_gate.py``) from the event coder's own output.

    .venv/bin/python scripts/train_prefilter_gate.py label [--corpus ../shared/data/bench/news.jsonl] [--workers 2]
    .venv/bin/python scripts/train_prefilter_gate.py train [--folds 5] [--target-loss 0.008] [--train-docs 1300]

``label`` runs the unfiltered pipeline (spaCy, sentences, actors, events) over the corpus and records,
for every punctuation sentence the pre-filter sees, its tokens, whether the lexicon rule wants it
and how many events the coder finds in it (by trigger offset). The labels are the coder's output,
never the gold sets; the cache lives outside the repository (it holds corpus text).

``train`` fits a logistic regression on hashed sentence features (``prefilter_gate.features``) over
the sentences the lexicon rule wants, reports cross-validated figures (by document folds: words
parsed, coder events in skipped sentences), picks the threshold from the out-of-fold scores so that
the share of coder events lost stays at ``--target-loss``, and writes the model to
``src/frontlines/data/prefilter_gate.json``. Gold recall loss is measured afterwards with
``frontlines eval prefilter`` (the gold sets never reach training).
"""

from __future__ import annotations

import argparse
import bisect
import json
import multiprocessing as mp
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/tmp/frontlines_prefilter_gate_labels.pkl")
OUT = ROOT / "src" / "frontlines" / "data" / "prefilter_gate.json"

_state: dict = {}


def _init() -> None:
    from frontlines.pipeline import Pipeline
    from frontlines.prefilter import build_prefilter
    from frontlines.resources import load_resources
    from frontlines.stages.actors import ActorStage
    from frontlines.stages.events import EventStage
    from frontlines.stages.sentences import SentenceStage

    res = load_resources()
    stages = [SentenceStage(), ActorStage(gazetteer=res.gazetteer), EventStage()]
    _state["pipe"] = Pipeline(res.nlp, stages)
    _state["nlp"] = res.nlp
    _state["pre"] = build_prefilter(res.nlp, gate=False)
    from spacy.pipeline import Sentencizer

    _state["sentencizer"] = Sentencizer()


def _label(doc):  # -> dict
    from frontlines.pipeline import segment_text

    nlp, pre, sentencize = _state["nlp"], _state["pre"], _state["sentencizer"]
    skip = [(b.start, b.end) for b in doc.blocks if b.kind == "boilerplate"]
    sents = []
    offset = 0
    for seg in segment_text(doc.text):
        light = sentencize(nlp.make_doc(seg))
        for sent in light.sents:
            at = offset + sent.start_char
            tokens = [t.text for t in sent]
            sents.append({"start": at, "end": offset + sent.end_char, "tokens": tokens,
                          "boiler": any(a <= at < b for a, b in skip), "rule": pre.wants(tokens),
                          "words": sum(1 for t in sent if not t.is_space), "events": 0})
        offset += len(seg)
    result = _state["pipe"].process(doc)
    starts = [s["start"] for s in sents]
    if result.annotation is not None:
        for ev in result.annotation.events:
            i = bisect.bisect_right(starts, ev.trigger.start) - 1
            if i >= 0:
                sents[i]["events"] += 1
    return {"id": doc.doc_id, "sents": sents, "ok": result.annotation is not None}


def label(args: argparse.Namespace) -> None:
    from frontlines.bench import load_corpus

    docs = load_corpus(args.corpus, args.limit)
    ctx = mp.get_context("spawn")
    out = []
    with ctx.Pool(args.workers, initializer=_init) as pool:
        for i, rec in enumerate(pool.imap(_label, docs, chunksize=4)):
            out.append(rec)
            if i % 100 == 0:
                print(f"{i}/{len(docs)}", file=sys.stderr, flush=True)
    CACHE.write_bytes(pickle.dumps(out))
    n = sum(len(d["sents"]) for d in out)
    ev = sum(s["events"] for d in out for s in d["sents"])
    print(f"{len(out)} documents, {n} sentences, {ev} events -> {CACHE}")


def train(args: argparse.Namespace) -> None:
    from frontlines.prefilter_gate import fit_report

    docs = pickle.loads(CACHE.read_bytes())
    model, report = fit_report(docs, folds=args.folds, target_loss=args.target_loss, c=args.c,
                               train_docs=args.train_docs)
    print(json.dumps(report, indent=2))
    if not args.dry_run:
        OUT.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    lab = sub.add_parser("label")
    lab.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "bench" / "news.jsonl"))
    lab.add_argument("--limit", type=int, default=None)
    lab.add_argument("--workers", type=int, default=2)
    tr = sub.add_parser("train")
    tr.add_argument("--folds", type=int, default=5)
    tr.add_argument("--target-loss", type=float, default=0.008)
    tr.add_argument("--c", type=float, default=1.0)
    tr.add_argument("--train-docs", type=int, default=1300)
    tr.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    {"label": label, "train": train}[args.cmd](args)


if __name__ == "__main__":
    main()
