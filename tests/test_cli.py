import json

import jsonschema
from click.testing import CliRunner

from frontlines.cli import cli

TEXT = ("KABUL, May 3 - Taliban fighters attacked a police post in Kunduz on Sunday, killing four officers, "
        "the interior ministry said. Police arrested two suspects.")


def _run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_extract_output_validates_against_schema(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    schema = json.loads(_run("schema"))
    out = _run("extract", str(path), "--date", "2020-05-03", "--source", "Test Wire", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert any(r["kind"] == "event" for r in records)
    for rec in records:
        jsonschema.validate(rec, schema)
        assert TEXT[rec["evidence"]["start"]:rec["evidence"]["end"]] == rec["evidence"]["text"]
        assert rec["source"] == "Test Wire"


def test_schema_rejects_a_broken_record():
    schema = json.loads(_run("schema"))
    bad = {"kind": "event", "event_id": "x", "doc_id": "d", "quad_class": 9}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted a record missing required fields")


def test_extract_reads_stdin_and_writes_csv_and_json():
    out = _run("extract", "-", "--format", "csv", input=TEXT)
    header = out.splitlines()[0].split(",")
    assert header[:3] == ["kind", "event_id", "doc_id"] and len(out.splitlines()) > 1
    data = json.loads(_run("extract", "-", "--format", "json", input=TEXT))
    assert isinstance(data, list) and data


def test_annotate_gives_offsets_for_every_span(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(TEXT, encoding="utf-8")
    [doc] = [json.loads(line) for line in _run("annotate", str(path), "--format", "jsonl").splitlines()]
    assert set(doc) >= {"doc_id", "sentences", "places", "dates", "quantities", "events"}
    for s in doc["sentences"]:
        assert TEXT[s["start"]:s["end"]] == s["text"]
        assert "factuality" in s and "attribution" in s
    for p in doc["places"]:
        assert TEXT[p["start"]:p["end"]] == p["text"]
    for q in doc["quantities"]:
        assert TEXT[q["start"]:q["end"]] == q["text"]


def test_bad_date_option_is_a_usage_error():
    result = CliRunner().invoke(cli, ["extract", "-", "--date", "yesterday"], input=TEXT)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_eval_lists_and_refuses_unknown():
    out = _run("eval")
    assert out.strip(), "no evaluations listed"
    result = CliRunner().invoke(cli, ["eval", "no_such_set"])
    assert result.exit_code != 0
