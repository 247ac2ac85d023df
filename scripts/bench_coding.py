"""Benchmark: how much the actor + event coders add to spaCy parse time on ../shared/data/bench/news.jsonl.

Run: .venv/bin/python scripts/bench_coding.py [--limit 300] [--data ../shared/data]
Prints parse seconds, coding seconds (actors, events) and coding as a share of parse time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from frontlines.records import Annotation, Document
from frontlines.resources import load_nlp
from frontlines.stages.actors import ActorStage
from frontlines.stages.events import EventStage
from frontlines.stages.sentences import SentenceStage


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    rows = []
    with (args.data / "bench" / "news.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if len(rows) >= args.limit:
                break
    nlp = load_nlp()
    sentences, actors, events = SentenceStage(), ActorStage(), EventStage()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows], batch_size=32))  # type: ignore[attr-defined]
    parse = time.perf_counter() - t0
    anns = [sentences(Annotation(document=Document(str(r.get("id", i)), r["text"], date=r.get("date")), doc=d))
            for i, (r, d) in enumerate(zip(rows, docs, strict=True))]
    t0 = time.perf_counter()
    anns = [actors(a) for a in anns]
    t_actors = time.perf_counter() - t0
    t0 = time.perf_counter()
    anns = [events(a) for a in anns]
    t_events = time.perf_counter() - t0
    tokens = sum(len(d) for d in docs)
    n_events = sum(len(a.events) for a in anns)
    print(f"documents {len(rows)}, tokens {tokens:,}, events {n_events:,}")
    print(f"parse {parse:.1f}s, actors {t_actors:.1f}s, events {t_events:.1f}s, "
          f"coding = {(t_actors + t_events) / parse:.1%} of parse time")


if __name__ == "__main__":
    main()
