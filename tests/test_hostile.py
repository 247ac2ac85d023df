"""A corpus of bad documents mixed with good ones: one clear error each, and every good event kept."""

import json
import random
import subprocess
import sys

from frontlines.runner import process_paths
from frontlines.serialize import records_of

GOOD = {
    "good1.txt": "Government troops attacked rebel positions near the northern border on Monday, the army said.",
    "good2.txt": "Police arrested 14 protesters outside parliament on Tuesday.",
    "good3.html": "<html><body><article><p>Militants bombed a market in the eastern province on Friday, "
                  "killing at least nine people.</p></article></body></html>",
}


def _write_bad(root):
    random.seed(7)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.bin").write_bytes(bytes(random.randrange(256) for _ in range(4096)) + b"\x00" * 64)
    with open(root / "huge.txt", "wb") as fh:
        fh.write(b"Soldiers fired on the crowd. " * (20_000_000 // 29 + 1))
    (root / "broken.html").write_text("<html><body><div><<<</div></p></span><table><tr><td>" * 200,
                                      encoding="utf-8")
    (root / "invalid_utf8.txt").write_bytes(b"The army said " + bytes(random.randrange(0x80, 0x100)
                                                                        for _ in range(3000)))
    (root / "french.txt").write_text("Les forces gouvernementales ont attaqué les positions rebelles près de la "
                                     "frontière nord lundi, selon l'armée.", encoding="utf-8")
    return {"empty.txt", "binary.bin", "huge.txt", "broken.html", "invalid_utf8.txt", "french.txt"}


def _events_by_doc(results):
    return {r.annotation.document.origin.rsplit("/", 1)[-1]: [
        (e["plover"], e["cameo"], e["evidence"]["text"]) for e in records_of(r.annotation)] for r in results if r.ok}


def test_bad_documents_are_isolated(tmp_path, resources):
    clean = tmp_path / "clean"
    clean.mkdir()
    for name, text in GOOD.items():
        (clean / name).write_text(text, encoding="utf-8")
    expected = _events_by_doc(process_paths([clean], resources=resources))
    assert all(expected[name] for name in GOOD), expected

    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for name, text in GOOD.items():
        (mixed / name).write_text(text, encoding="utf-8")
    bad = _write_bad(mixed)
    results = list(process_paths([mixed], resources=resources))
    errors = [r.error for r in results if r.error]
    assert sorted((e.origin or e.doc_id).rsplit("/", 1)[-1] for e in errors) == sorted(bad)
    for e in errors:
        assert e.message and e.stage
    assert _events_by_doc(results) == expected


def test_cli_reports_each_bad_document_and_keeps_going(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD["good2.txt"], encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"Rebels \x00\x00\x00 attacked\x00\x00")
    proc = subprocess.run([sys.executable, "-m", "frontlines", "extract", str(tmp_path), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records and all(r["doc_id"] for r in records)
    err_lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(err_lines) == 2
    assert any("empty.txt" in line for line in err_lines) and any("nul.txt" in line for line in err_lines)
