"""Property tests over the ingest and record layers, bounded (max_examples, no per-example deadline on a
shared CI box): no input makes a reader raise or lose a record, and every record serialises to the contract."""

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines import records as R
from frontlines.engine.rows import annotation_from_json, document_row, event_rows
from frontlines.errors import DocumentError
from frontlines.ingest import finish, read_bytes, read_text
from frontlines.ingest.corpus import RawRecord, iter_csv, iter_json, iter_jsonl
from frontlines.ingest.feed import FeedEntry, iter_feed
from frontlines.ingest.html import read_html
from frontlines.schema import record_schema
from frontlines.serialize import annotation_to_json, error_to_json, records_of

BOUNDED = settings(max_examples=60, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _fuzz_target():
    path = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_readers.py"
    spec = importlib.util.spec_from_file_location("fuzz_readers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz_target()


# ---------------------------------------------------------------- readers

@settings(BOUNDED, max_examples=150)
@given(st.binary(max_size=2048))
def test_fuzz_target_random_bytes(data):
    FUZZ.one_input(data)


@BOUNDED
@given(st.sampled_from(FUZZ._seed_inputs()), st.binary(min_size=1, max_size=32), st.integers(0, 300))
def test_fuzz_target_mutated_seeds(seed, junk, at):
    FUZZ.one_input(seed[:at] + junk + seed[at:])


@BOUNDED
@given(st.text(max_size=600), st.sampled_from(FUZZ.SUFFIXES))
def test_read_bytes_on_any_text_yields_documents_or_one_clear_error(text, suffix):
    FUZZ.check(text.encode("utf-8", "surrogatepass"), suffix)


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
                     lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                     max_leaves=12)
_record = st.fixed_dictionaries({}, optional={"id": st.text(max_size=10) | st.integers(), "text": _json,
                                              "html": st.text(max_size=80), "date": _json, "source": _json})


@BOUNDED
@given(st.lists(_record | _json, min_size=1, max_size=6))
def test_jsonl_gives_exactly_one_result_per_line(objs):
    lines = [json.dumps(o) for o in objs]
    out = list(iter_jsonl("\n".join(lines), "c.jsonl"))
    assert len(out) == len(lines)  # nothing lost, nothing invented
    for obj, item in zip(objs, out, strict=True):
        assert isinstance(item, RawRecord | DocumentError)
        if isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj["text"] and isinstance(item, RawRecord):
            assert item.text == obj["text"]


@BOUNDED
@given(st.text(max_size=400))
def test_corpus_readers_never_raise(text):
    for reader in (iter_jsonl, iter_json, iter_csv):
        for item in reader(text, "x"):
            assert isinstance(item, RawRecord | DocumentError)


def test_json_with_huge_numbers_is_bounded():
    big = "9" * 10_000
    out = list(iter_jsonl(f'{{"id": {big}, "text": "Troops fired on protesters.", "n": {big}}}\n', "n.jsonl"))
    assert len(out) == 1 and isinstance(out[0], RawRecord) and out[0].id == big


_xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120)


@BOUNDED
@given(st.lists(_xml_text, min_size=1, max_size=4), _xml_text)
def test_feeds_of_any_entries_never_raise(entries, title):
    from xml.sax.saxutils import escape

    items = "".join(f"<item><title>{escape(t[:20])}</title><description>{escape(t)}</description></item>"
                    for t in entries)
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>{items}</channel></rss>'
    out = list(iter_feed(feed, "f.rss"))
    assert out and all(isinstance(i, FeedEntry | DocumentError) for i in out)


@BOUNDED
@given(st.text(max_size=500))
def test_html_reader_returns_a_document_or_a_document_error(html):
    try:
        doc = read_html(html, "h")
    except DocumentError as exc:
        assert exc.message
        return
    assert doc.text.strip()
    assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)


@BOUNDED
@given(st.text(min_size=1, max_size=500))
def test_finish_labels_or_refuses_cleanly(text):
    try:
        doc = finish(read_text(text, doc_id="t"))
    except DocumentError as exc:
        assert exc.message
        return
    assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)


# ---------------------------------------------------------------- records and serialisation

_s = st.text(max_size=30)
_o = st.none() | _s
_n = st.integers(0, 10_000)
_span = st.builds(R.Span, _s, _n, _n)
_actor = st.builds(R.Actor, _s, _n, _n, _s, _o, _o, _o)
_place = st.builds(R.Place, _s, _n, _n, _o, st.none() | st.integers(1, 10**7),
                   st.none() | st.floats(-90, 90), st.none() | st.floats(-180, 180), _o, _o, _o, _o,
                   st.none() | st.floats(0, 1))
_date = st.builds(R.DateRange, _o, _o, _o, st.sampled_from(["day", "month", "year", "unknown"]),
                  st.none() | _n, st.none() | _n)
_qty = st.builds(R.Quantity, st.sampled_from(["killed", "injured", "arrested"]), st.none() | _n, st.none() | _n,
                 st.none() | _n, _o, _o)
_attr = st.none() | st.builds(R.Attribution, _o, st.sampled_from(R.ATTRIBUTION_KINDS), _o)
_fact = st.none() | st.sampled_from(R.FACTUALITY_LABELS)
_event = st.builds(
    R.Event, _s, st.just("d1"), _span, _span, plover=_o, cameo=st.none() | st.from_regex(r"\d{2,4}", fullmatch=True),
    quad_class=st.none() | st.integers(1, 4), goldstein=st.none() | st.floats(-10, 10),
    acled_event_type=_o, actors=st.lists(_actor, max_size=3).map(tuple), recipients=st.lists(_actor, max_size=2).map(tuple),
    location=st.none() | _place, date=st.none() | _date, fatalities=st.none() | _qty, factuality=_fact,
    certainty=st.none() | st.floats(0, 1), attribution=_attr, negated=st.booleans())
_stat = st.builds(R.Statistic, _s, st.just("d1"), _span, _qty, _o, st.none() | _date, st.none() | _place, _fact, _attr)
_sentence = st.builds(R.Sentence, _s, st.just("d1"), _n, _n, _s, st.sampled_from(["paragraph", "quote"]), _fact,
                      st.none() | st.floats(0, 1), _attr)
_doc = st.builds(R.Document, st.just("d1"), st.text(min_size=1, max_size=200), _o, _o, _o, _o,
                 st.none() | st.dates().map(str), blocks=st.lists(st.builds(R.Block, _n, _n), max_size=3).map(tuple))
_annotation = st.builds(R.Annotation, _doc, st.none(), st.lists(_sentence, max_size=3).map(tuple),
                        st.lists(_actor, max_size=2).map(tuple), st.lists(_place, max_size=2).map(tuple),
                        st.lists(_date, max_size=2).map(tuple), st.lists(_qty, max_size=2).map(tuple),
                        st.lists(_event, max_size=3).map(tuple), st.lists(_stat, max_size=2).map(tuple))

_SCHEMA = jsonschema.Draft202012Validator(record_schema())


@BOUNDED
@given(_annotation)
def test_any_annotation_serialises_to_the_contract(ann):
    text = json.dumps(annotation_to_json(ann), ensure_ascii=False, allow_nan=False)
    assert json.loads(text)["doc_id"] == "d1"
    for rec in records_of(ann):
        _SCHEMA.validate(json.loads(json.dumps(rec)))
    _SCHEMA.validate(error_to_json(R.ErrorRecord("d1", "parse", "boom")))


@BOUNDED
@given(_annotation)
def test_parquet_rows_round_trip_every_field(ann):
    back = annotation_from_json(document_row(ann, "h")["annotation"])
    for name in ("document", "sentences", "actors", "places", "dates", "quantities", "events", "statistics"):
        assert getattr(back, name) == getattr(ann, name), name
    rows = event_rows(ann)
    assert len(rows) == len(ann.events) + len(ann.statistics)
    assert all(json.loads(r["record"])["event_id"] == r["event_id"] for r in rows)


# ---------------------------------------------------------------- the parser front end on hostile text

@settings(BOUNDED, max_examples=25)
@given(st.text(min_size=1, max_size=400))
def test_filtered_parse_keeps_any_text_intact(nlp, text):
    from frontlines.pipeline import Pipeline
    from frontlines.prefilter import build_prefilter

    pipe = Pipeline(nlp, [], prefilter=_prefilter(nlp, build_prefilter))
    result = pipe.process(R.Document("h", text))
    if not text.strip():
        assert result.error is not None and "no text" in result.error.message
    else:
        assert result.ok, result.error
        assert result.annotation.doc.text == text


_PRE: dict = {}


def _prefilter(nlp, build):
    if "p" not in _PRE:
        _PRE["p"] = build(nlp)
    return _PRE["p"]


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_empty_corpus_file_says_so(suffix):
    body = {".jsonl": b"\n\n", ".json": b"[]", ".csv": b"id,text\n"}[suffix]
    out = list(read_bytes(body if body.strip() else b" ", "c" + suffix, suffix=suffix))
    assert len(out) == 1 and out[0].message in ("no records found", "empty document")
