"""Resumable ingest: SIGKILL `frontlines ingest` mid-run, run it again, and the store equals a clean run's."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

ACTORS = ["Government troops", "Rebel fighters", "Police", "Militants", "Ukrainian forces", "Sudanese soldiers",
          "Protesters", "Israeli aircraft"]
ACTS = ["attacked a checkpoint", "clashed with gunmen", "arrested 12 people", "shelled a village",
        "bombed a convoy", "seized an airport"]
PLACES = ["near Mosul", "in Aleppo", "outside Kharkiv", "in El Fasher", "near Gaza City", "in Kabul"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _corpus(path, n=36):
    lines = []
    for i in range(n):
        a, v, p, d = ACTORS[i % 8], ACTS[(i * 5) % 6], PLACES[(i * 7) % 6], DAYS[i % 5]
        text = (f"{a} {v} {p} on {d}, officials said.\n\n"
                f"The incident was the {i + 1}th of its kind this month. Witnesses described heavy damage.")
        lines.append(json.dumps({"id": f"doc{i:03d}", "text": text, "date": f"2024-0{1 + i % 6}-1{i % 10}",
                                 "source": ["Reuters", "AP", "AFP"][i % 3]}))
    lines.insert(5, json.dumps({"id": "broken", "text": 12345678901234567890123456789012345678901234567890}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def _ingest(corpus, db, **kw):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-m", "frontlines", "ingest", str(corpus), "--db", f"sqlite:///{db}",
                             "--batch-size", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def _count(db) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as con:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _dump(db) -> dict[str, list]:
    """Every row of every ordinary table (the full-text and R-tree indexes are derived from them)."""
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if not r[0].startswith(("canonical_fts", "canonical_rtree", "sqlite_"))]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in tables}


@pytest.mark.slow
def test_sigkill_mid_ingest_then_resume_equals_clean_run(tmp_path):
    corpus = tmp_path / "news.jsonl"
    n = _corpus(corpus)
    clean_db, resumed_db = tmp_path / "clean.db", tmp_path / "resumed.db"

    clean = _ingest(corpus, clean_db)
    out, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err
    assert _count(clean_db) == n
    assert err.count("error:") == 1 and "broken" in err  # the bad record is reported, not fatal

    victim = _ingest(corpus, resumed_db)
    deadline = time.monotonic() + 300
    while _count(resumed_db) < 4 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert victim.poll() is None, "ingest finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=60)
    assert victim.returncode == -signal.SIGKILL
    partial = _count(resumed_db)
    assert 4 <= partial < n

    again = _ingest(corpus, resumed_db)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"skipped {partial}" in err  # checkpoint: what was stored is not parsed again
    assert _dump(resumed_db) == _dump(clean_db)

    # idempotent: a third run changes nothing
    third = _ingest(corpus, resumed_db)
    _, err = third.communicate(timeout=600)
    assert third.returncode == 0 and f"skipped {n}" in err
    assert _dump(resumed_db) == _dump(clean_db)
