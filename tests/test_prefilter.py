"""The sentence pre-filter: cheap cue detection, and a pipeline that parses only wanted sentences."""

import pytest

from frontlines.ingest import finish, read_text
from frontlines.pipeline import Pipeline
from frontlines.prefilter import UNPARSED, build_prefilter


@pytest.fixture(scope="module")
def pre(nlp):
    """The lexicon rule alone (the learned gate on top of it is tested in test_prefilter_gate.py)."""
    return build_prefilter(nlp, gate=False)


@pytest.fixture(scope="module")
def gated(nlp):
    return build_prefilter(nlp)


@pytest.mark.parametrize("word", ["attacked", "shelling", "Airstrikes", "fought", "arrests", "kidnapped",
                                  "clashed", "ceasefire", "struck", "seized"])
def test_inflected_event_words_are_cues(pre, word):
    assert pre.is_cue(word)


@pytest.mark.parametrize("word", ["weather", "the", "blue", "Monday", "calm"])
def test_plain_words_are_not_cues(pre, word):
    assert not pre.is_cue(word)


@pytest.mark.parametrize(("sentence", "wanted"), [
    ("He said the weather was mild .", False),  # a statement alone is no event
    ("He said residents must be calm .", True),  # ... but a demand is
    ("The minister made a cake .", False),  # pattern-only verbs need their pattern
    ("The minister made an offer to the rebels .", True),
    ("Officials lifted the box .", False),  # object-coded verbs need their object
    ("Officials lifted the curfew on Monday .", True),
])
def test_conditional_cues_need_their_context(pre, sentence, wanted):
    assert pre.wants(sentence.split()) is wanted


def test_names_are_not_triggers_but_headlines_are(pre):
    assert not pre.wants("The United States and Britain said nothing about the weather .".split())
    assert pre.wants("The army attacked the town .".split())
    assert pre.wants("Rebels Attack Army Base Near Border".split())


TEXT = ("The weather in Kyiv was mild this week. Markets were calm.\n\n"
        "Rebels attacked an army base near Homs on Monday, killing five soldiers. The sky was blue.\n\n\n"
        "  Nothing else happened. Police arrested 12 protesters in Khartoum on Tuesday.\n")


@pytest.mark.parametrize("which", ["pre", "gated"])
def test_filtered_pipeline_keeps_every_sentence_and_every_event(resources, nlp, which, request):
    pre = request.getfixturevalue(which)
    from frontlines.stages import build_stages

    stages = build_stages(resources)
    doc = finish(read_text(TEXT, doc_id="pf1"))
    full = Pipeline(nlp, stages).process(doc).annotation
    fast = Pipeline(nlp, stages, prefilter=pre).process(doc).annotation
    assert fast.doc.text == TEXT
    unparsed = [s.text for s in fast.doc.spans[UNPARSED] if s.text.strip()]
    assert unparsed == ["The weather in Kyiv was mild this week.", "Markets were calm.", "The sky was blue.",
                        "Nothing else happened."]
    assert [s.text for s in fast.sentences] == [s.text for s in full.sentences]
    for s in fast.sentences:
        assert TEXT[s.start:s.end] == s.text
    assert {(e.trigger.text, e.cameo) for e in fast.events} == {(e.trigger.text, e.cameo) for e in full.events}
    assert {e.trigger.text for e in fast.events} >= {"attacked", "arrested"}
    # wanted sentences are really parsed, the others carry only a placeholder tree
    attacked = next(t for t in fast.doc if t.text == "attacked")
    assert attacked.dep_ == "ROOT" and attacked.lemma_ == "attack"
    weather = next(t for t in fast.doc if t.text == "weather")
    assert weather.dep_ == "dep" and weather.pos_ == ""
    # unparsed sentences are not judged from their placeholder tree; parsed ones are, as without the filter
    judged = {s.text: s.factuality for s in fast.sentences}
    assert all(judged[text] is None for text in unparsed)
    assert all(s.factuality is not None for s in full.sentences)
    full_labels = {s.text: s.factuality for s in full.sentences}
    assert all(label == full_labels[text] for text, label in judged.items() if text not in unparsed)
    assert {e.trigger.text: e.factuality for e in fast.events} == {e.trigger.text: e.factuality for e in full.events}


def test_filtered_pipeline_isolates_failures_and_all_light_documents(nlp, pre):
    pipe = Pipeline(nlp, [], prefilter=pre, batch_size=3)
    docs = [read_text(t, doc_id=f"d{i}") for i, t in enumerate([
        "Nothing happened today.", "Troops shelled the village.\n\nIt rained.", "A quiet day. Calm again."])]
    results = list(pipe.run(docs))
    assert all(r.ok for r in results)
    assert [r.annotation.doc.text for r in results] == [d.text for d in docs]
    assert [sum(bool(s.text.strip()) for s in r.annotation.doc.sents) for r in results] == [1, 2, 2]


def test_prefilter_recall_loss_on_gold_events(gold_dir, resources):
    from frontlines.evaluation import EvalContext
    from frontlines.evaluation.prefilter import evaluate

    metrics = evaluate(EvalContext(gold_dir=gold_dir, limit=None, _resources=resources))
    assert metrics["recall_loss"] <= 0.015, metrics  # budget 2%: the gate's threshold keeps a margin
    assert metrics["rule_recall_loss"] <= 0.006, metrics
    assert metrics["plover_gsr_events"] > 300 and metrics["conflibert_quad_events"] > 1000
    # the gate parses less than the rule alone, and costs few of the coder's events on unseen articles
    assert metrics["words_parsed_share"] < metrics["rule_words_parsed_share"] - 0.04, metrics
    assert metrics["coder_events"] > 500 and metrics["coder_events_lost"] <= 0.025, metrics
    assert metrics["coder_events_kept_end_to_end"] >= 0.97, metrics


def test_inflected_verb_entries_the_coder_never_reads_are_no_cues(pre, annotate):
    """The coder looks verbs up by spaCy lemma, so dictionary entries written as inflected forms
    ("took", "went") can never code; their base forms still count when they are coded."""
    assert "took" not in pre.strong and "went" not in pre.strong
    assert pre.is_cue("kidnapped") and pre.is_cue("shot")  # kidnap, shoot: coded base forms
    sentence = "She went home early and took a long nap."
    assert not pre.wants(sentence.rstrip(".").split() + ["."])
    assert annotate(sentence, date="2024-01-01").events == ()
