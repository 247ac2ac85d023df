"""The learned sentence gate on top of the pre-filter's lexicon rule (prefilter_gate.py)."""

import json

import pytest

from frontlines.ingest import read_text
from frontlines.pipeline import Pipeline
from frontlines.prefilter import UNPARSED, build_prefilter
from frontlines.prefilter_gate import DIM, MODEL_PATH, VERSION, SentenceGate, features

EVENTS = [
    "Rebels attacked an army base near Homs on Monday, killing five soldiers.",
    "Police arrested 30 protesters in Khartoum on Tuesday.",
    "Russian forces shelled Kharkiv overnight, officials said.",
    "Government troops clashed with militants near Mosul.",
    "Ukraine and Russia agreed to exchange prisoners, the mediators announced.",
]
#: has a lexicon cue ("go"), but the coder finds no event in it: the gate skips it
CHATTER = "Honestly, I would love to go back to Lviv one day and see my old school."


@pytest.fixture(scope="module")
def gated(nlp):
    return build_prefilter(nlp)


def _tokens(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


def test_model_file_is_small_versioned_and_holds_no_text():
    raw = MODEL_PATH.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert data["version"] == VERSION and data["dim"] == DIM
    assert 1000 < len(data["weights"]) < 20000 and len(raw) < 300_000
    assert all(k.isdigit() for k in data["weights"])  # hashed features only
    assert data["train_docs"] > 0 and -10 < data["threshold"] < 0


def test_event_sentences_pass_and_cue_chatter_does_not(nlp, gated, annotate):
    for text in EVENTS:
        assert gated.wants(_tokens(nlp, text)), text
    tokens = _tokens(nlp, CHATTER)
    assert gated.rule(tokens), "the lexicon rule alone would parse it"
    assert not gated.wants(tokens)
    assert annotate(CHATTER, date="2024-01-01").events == ()  # and the coder indeed finds nothing


def test_gate_decides_among_cue_and_statement_sentences_only(nlp, gated):
    texts = [*EVENTS, CHATTER, "The weather in Kyiv was mild this week.", "He said the talks must resume.",
             "He said he was tired.", "Officials in Kharkiv told reporters the bridge had reopened."]
    for text in texts:
        tokens = _tokens(nlp, text)
        assert not gated.wants(tokens) or gated.rule(tokens) or gated.statement(tokens)
    # a statement verb makes a candidate (the coder codes statements between parties); a name does not
    assert gated.statement(_tokens(nlp, "He said he was tired."))
    assert not gated.rule(_tokens(nlp, "He said he was tired."))
    assert not gated.statement(_tokens(nlp, "The weather in Kyiv was mild this week."))
    assert not gated.statement(_tokens(nlp, "Markets in Said Province were quiet."))


def test_features_do_not_depend_on_the_memo(nlp, gated):
    tokens = _tokens(nlp, EVENTS[0]) + ["\n\n"]
    memo: dict = {}
    first = features(tokens, gated, memo)
    assert features(tokens, gated, memo) == first == features(tokens, gated, None)
    assert features([t for t in tokens if not t.isspace()], gated) == first  # whitespace tokens ignored
    fresh = SentenceGate.load(gated)
    assert fresh.score(tokens) == pytest.approx(gated.gate.score(tokens))


def test_word_pair_features_are_the_hashes_of_their_strings(nlp, gated):
    """features() continues CRCs instead of hashing "b:<prev> <word>" strings: the same numbers."""
    import zlib

    from frontlines import prefilter_gate

    assert prefilter_gate._PAIR_CRC == zlib.crc32(b"b:") and prefilter_gate._BOS_CRC == zlib.crc32(b"b:<s> ")
    tokens = _tokens(nlp, "Rebels Shelled the old bridge near Raqqa, witnesses said.")
    low = [t.lower() for t in tokens]
    pairs = {prefilter_gate._h(f"b:{a} {b}") for a, b in zip(["<s>", *low], [*low, "</s>"], strict=True)}
    memo: dict = {}
    for _ in range(2):  # cold and warm memo
        assert pairs <= features(tokens, gated, memo)
    others = {prefilter_gate._h(f"b:{a} {b}") for a, b in (("<s>", "bridge"), ("rebels", "</s>"))}
    assert not others & features(tokens, gated, memo)


def test_gated_pipeline_parses_events_and_skips_chatter(resources, nlp, gated):
    from frontlines.stages import build_stages

    text = f"{EVENTS[0]} {CHATTER}\n\n{EVENTS[1]}\n"
    doc = read_text(text, doc_id="gate1", date="2024-01-01")
    stages = build_stages(resources)
    full = Pipeline(nlp, stages).process(doc).annotation
    fast = Pipeline(nlp, stages, prefilter=gated).process(doc).annotation
    assert [s.text for s in fast.doc.spans[UNPARSED] if s.text.strip()] == [CHATTER]
    assert {(e.trigger.text, e.cameo) for e in fast.events} == {(e.trigger.text, e.cameo) for e in full.events}
    ranges = Pipeline(nlp, [], prefilter=gated).unparsed_ranges(doc)
    assert [text[a:b].strip() for a, b in ranges if text[a:b].strip()] == [CHATTER]


def test_missing_or_foreign_model_is_refused(tmp_path, gated):
    bad = tmp_path / "gate.json"
    bad.write_text(json.dumps({"version": VERSION + 1, "dim": DIM, "weights": {}, "bias": 0, "threshold": 0}))
    with pytest.raises(ValueError, match="version"):
        SentenceGate.load(gated, bad)
