"""Fuzz target for the document readers (plain text, HTML, RSS/Atom feeds, JSONL/JSON/CSV corpora).

The contract under test: ``frontlines.ingest.read_bytes`` never raises for any input, and everything it
yields is a ``Document`` (non-empty text, blocks inside the text) or an ``ErrorRecord`` with a message.

Run it:
    .venv/bin/python fuzz/fuzz_readers.py                 # hypothesis engine, 60 s
    .venv/bin/python fuzz/fuzz_readers.py --seconds 600   # longer
    .venv/bin/python fuzz/fuzz_readers.py --atheris       # coverage-guided, if atheris is installed
A bounded run of the same target is part of the test suite (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import sys
import time

#: The first input byte picks the reader, as if the file had this suffix.
SUFFIXES = ("", ".txt", ".html", ".xml", ".rss", ".atom", ".jsonl", ".json", ".csv", ".md")


def check(data: bytes, suffix: str) -> list[object]:
    """Run one input through read_bytes and assert the contract; returns what it yielded."""
    from frontlines.ingest import read_bytes
    from frontlines.records import Document, ErrorRecord

    out = list(read_bytes(data, "fuzz-input", suffix=suffix))
    assert out, "read_bytes yielded nothing: the input was lost silently"
    for item in out:
        if isinstance(item, Document):
            assert item.text.strip(), "empty document"
            assert item.doc_id
            for block in item.blocks:
                assert 0 <= block.start <= block.end <= len(item.text), (block, len(item.text))
        else:
            assert isinstance(item, ErrorRecord), type(item)
            assert item.message and item.stage and item.doc_id
    return out


def one_input(data: bytes) -> None:
    """libFuzzer/atheris-style entry point: first byte = reader, the rest = file content."""
    if not data:
        return
    check(data[1:], SUFFIXES[data[0] % len(SUFFIXES)])


def _seed_inputs() -> list[bytes]:
    return [
        b"\x01Rebels attacked the town on Monday.\n\nPolice arrested 12 people.",
        b"\x02<html><body><article><p>Troops shelled the village.</p></article></body></html>",
        b'\x03<?xml version="1.0"?><rss><channel><title>T</title><item><title>A</title>'
        b"<description>Militants bombed a market.</description></item></channel></rss>",
        b'\x06{"id": "a", "text": "Protesters marched in Khartoum."}\n{"id": 1}\n',
        b'\x07[{"id": "a", "html": "<p>Fighting erupted.</p>"}]',
        b"\x08id,text\nx,Soldiers clashed with gunmen near Mosul.\n",
    ]


def run_hypothesis(seconds: float, batch: int = 200) -> int:
    """Hypothesis as the input engine: rounds of ``batch`` random and seed-mutated inputs until time is up."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    seeds = _seed_inputs()
    runs = 0

    @settings(max_examples=batch, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=4096), st.sampled_from(seeds),
                     st.tuples(st.sampled_from(seeds), st.binary(max_size=64), st.integers(0, 400)).map(
                         lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:])))
    def target(data: bytes) -> None:
        nonlocal runs
        runs += 1
        one_input(data)

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        target()
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--atheris", action="store_true", help="use atheris (coverage-guided) instead")
    args, rest = parser.parse_known_args(argv)
    if args.atheris:
        import atheris  # type: ignore[import-not-found]

        with atheris.instrument_imports():
            import frontlines.ingest  # noqa: F401
        atheris.Setup([sys.argv[0], f"-max_total_time={int(args.seconds)}", *rest], one_input)
        atheris.Fuzz()
        return 0
    runs = run_hypothesis(args.seconds)
    print(f"{runs} inputs, no contract violation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
