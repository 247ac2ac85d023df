"""Back-to-back `frontlines bench` runs with the pre-filter's learned gate off and on (same texts, same
workers count), for before/after figures in CPU time:

    .venv/bin/python benchmarks/compare_gate.py --limit 300 --workers 2 [--chunk 8] [--order off,on]
"""

from __future__ import annotations

import argparse
import json

from frontlines.bench import CHUNK, DEFAULT_CORPUS, load_corpus, run_bench

KEYS = ("docs_per_s", "cpu_seconds", "parse_only_cpu_seconds", "cpu_ratio", "docs_per_cpu_s", "ratio",
        "peak_rss_mb", "pipeline_peak_rss_mb", "words_parsed_share", "events", "errors", "stage_seconds")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=CHUNK)
    ap.add_argument("--order", default="off,on")
    args = ap.parse_args()
    docs = load_corpus(args.corpus, args.limit)
    out = {}
    for name in args.order.split(","):
        res = run_bench(args.corpus, docs=docs, workers=args.workers, gate=name == "on", chunk=args.chunk)
        out[f"gate_{name}"] = {k: getattr(res, k) for k in KEYS}
        print(json.dumps({f"gate_{name}": out[f"gate_{name}"]}), flush=True)
    a, b = out.get("gate_off"), out.get("gate_on")
    if a and b:
        spacy_a = a["cpu_seconds"] - sum(a["stage_seconds"].values())
        spacy_b = b["cpu_seconds"] - sum(b["stage_seconds"].values())
        print(json.dumps({"spacy_and_prefilter_cpu_s": [round(spacy_a, 2), round(spacy_b, 2)],
                          "cpu_ratio": [a["cpu_ratio"], b["cpu_ratio"]]}))


if __name__ == "__main__":
    main()
