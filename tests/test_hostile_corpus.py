"""A hostile corpus (deep and unclosed HTML, a 50 MB document, invalid UTF-8, NUL bytes, 10,000-digit JSON
numbers, XML entity bombs) mixed with good documents: 0 crashes, 0 lost documents, one clear error each."""

import json
import subprocess
import sys

import pytest

from frontlines.runner import process_paths
from frontlines.serialize import records_of

GOOD = {
    "good1.txt": "Government troops attacked rebel positions near Mosul on Monday, the army said.",
    "good2.html": "<html><body><article><p>Militants bombed a market in Kandahar on Friday, killing nine "
                  "people.</p></article></body></html>",
    "good3.rss": '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Clashes'
                 "</title><description>Sudanese soldiers clashed with RSF fighters in El Fasher on Tuesday."
                 "</description></item></channel></rss>",
}
GOOD_JSONL = [{"id": "j-good-1", "text": "Police arrested 14 protesters outside parliament in Khartoum on Tuesday."},
              {"id": "j-good-2", "text": "Ukrainian forces shelled Russian positions near Bakhmut on Thursday."}]

BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">'
                            for i in range(1, 10))
                  + ']><rss version="2.0"><channel><title>x</title><item><description>&lol9;</description>'
                  "</item></channel></rss>")
EXTERNAL_ENTITY = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<rss version="2.0"><channel><item><description>&x;</description></item></channel></rss>')


def _write(root):
    """Write the corpus; return {file or record key: expected error fragment} for every hostile item."""
    for name, text in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
    bad = {}
    (root / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "Soldiers fired on the crowd." +
                                    "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    bad["deep.html"] = ""  # lxml stops at its depth limit: read, or refused with a clear error
    (root / "unclosed.html").write_text("<html><body><div><p><b><i><table><tr><td><<<>>>" * 5000, encoding="utf-8")
    bad["unclosed.html"] = ""
    with open(root / "big50mb.txt", "wb") as fh:
        fh.write(b"Rebels shelled the city again. " * (50_000_000 // 31 + 1))
    bad["big50mb.txt"] = "too large"
    (root / "invalid.txt").write_bytes(b"Troops \xff\xfe\xc3\x28 attacked \xa0\xa1" + bytes(range(0x80, 0x100)) * 20)
    bad["invalid.txt"] = ""
    (root / "nul.txt").write_bytes(b"Police \x00\x00 arrested\x00 protesters " * 20)
    bad["nul.txt"] = "binary"
    (root / "bomb.rss").write_text(BILLION_LAUGHS, encoding="utf-8")
    bad["bomb.rss"] = "entity"
    (root / "external.xml").write_text(EXTERNAL_ENTITY, encoding="utf-8")
    bad["external.xml"] = "entity"
    digits = "7" * 10_000
    lines = [json.dumps(GOOD_JSONL[0]),
             f'{{"id": "j-digits", "text": {digits}}}',
             f'{{"id": "j-num-meta", "text": "Rebels seized the airport in Kabul on Monday.", "score": {digits}}}',
             '{"id": "j-broken", "text": "unterminated',
             json.dumps({"id": "j-huge", "text": "Militants attacked. " * 300_000}),
             json.dumps(GOOD_JSONL[1])]
    (root / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad.update({"j-digits": "", "corpus.jsonl:4": "malformed JSON", "j-huge": "too long"})
    return bad


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    return root, _write(root)


def _key(err):
    if err.doc_id.startswith("j-"):
        return err.doc_id
    if ".jsonl:" in err.doc_id:  # a line that is not JSON has no id: it is named by file:line
        return err.doc_id.rsplit("/", 1)[-1]
    return (err.origin or err.doc_id).rsplit("/", 1)[-1]


def test_hostile_corpus_one_error_each_and_no_good_document_lost(hostile, resources):
    root, bad = hostile
    results = list(process_paths([root], resources=resources))
    errors = [r.error for r in results if r.error]
    keys = sorted(_key(e) for e in errors)
    # deep.html may be read (its one sentence survives) or refused; either way it is never lost silently
    expected = sorted(k for k in bad if k != "deep.html")
    assert [k for k in keys if k != "deep.html"] == expected, [(e.doc_id, e.origin, e.message) for e in errors]
    for e in errors:
        assert e.message and e.stage
        fragment = bad.get(_key(e))
        assert fragment is None or fragment.lower() in e.message.lower(), (e.doc_id, e.message)
    stored = {r.annotation.doc_id: r.annotation for r in results if r.ok}
    origins = {(a.document.origin or "").rsplit("/", 1)[-1] for a in stored.values()}
    assert {"good1.txt", "good2.html"} <= origins and any(o.startswith("good3.rss") for o in origins)
    assert {"j-good-1", "j-good-2", "j-num-meta"} <= set(stored)
    # every input is accounted for: each good document or record is a result, each bad one an error
    assert len(results) == len(stored) + len(errors)
    assert "deep.html" in origins or "deep.html" in keys
    events = [r for a in stored.values() for r in records_of(a)]
    assert any(r["doc_id"] == "j-good-1" for r in events) and any(r["doc_id"] == "j-good-2" for r in events)


def test_cli_survives_the_hostile_corpus(hostile):
    root, bad = hostile
    proc = subprocess.run([sys.executable, "-m", "frontlines", "extract", str(root), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {"j-good-1", "j-good-2"} <= {r["doc_id"] for r in records}
    err_lines = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    for key in bad:
        if key != "deep.html":
            assert sum(key in line for line in err_lines) == 1, (key, err_lines)
