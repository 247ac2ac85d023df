"""Factuality labels and certainty, with cue scope over the dependency tree (real spaCy model)."""

from __future__ import annotations

import pytest

from frontlines.cues import load_lexicon
from frontlines.stages.factuality import FactualityStage


@pytest.fixture(scope="module")
def stage():
    return FactualityStage()


def _judge(nlp, stage, text: str, word: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return stage.event_certainty(tok)


@pytest.mark.parametrize("text, word, label", [
    ("Troops killed twelve people in Homs on Monday.", "killed", "asserted"),
    ("Police arrested forty protesters in Tehran, the ministry said.", "arrested", "reported"),
    ("According to the ministry, militants attacked a checkpoint near Kirkuk.", "attacked", "reported"),
    ("The army may have shelled the village overnight.", "shelled", "speculated"),
    ("Perhaps the militia attacked the convoy by mistake.", "attacked", "speculated"),
    ("Hamas vowed to attack Israeli towns.", "attack", "planned"),
    ("The union is planning a general strike in Khartoum next week.", "strike", "planned"),
    ("Russian forces will launch an offensive in the spring.", "launch", "planned"),
    ("If the talks fail, the militia would attack Tripoli.", "attack", "hypothetical"),
    ("Rebels did not attack the convoy.", "attack", "negated"),
    ("The rebels failed to capture the airport.", "capture", "negated"),
    ("The ministry denied that police fired on protesters.", "fired", "denied"),
    ("The army said it would attack Mosul.", "attack", "planned"),
    ("No one was killed in the attack on Kidal.", "killed", "negated"),
    ("It is unclear whether the strike hit the depot.", "hit", "speculated"),
])
def test_labels(nlp, stage, text, word, label):
    assessment, certainty = _judge(nlp, stage, text, word)
    assert assessment.label == label, (text, assessment)
    assert 0.0 <= certainty <= 1.0


def test_scope_follows_the_tree_not_the_sentence(nlp, stage):
    text = "Sadrist leaders said they were planning mass protests in Baghdad, while the oil strike in Basra continued."
    protests, _ = _judge(nlp, stage, text, "protests")
    continued, _ = _judge(nlp, stage, text, "continued")
    assert protests.label == "planned"
    assert continued.label != "planned"


def test_certainty_orders_fact_guess_and_negation(nlp, stage):
    _, fact = _judge(nlp, stage, "Government troops shelled Idlib on Sunday.", "shelled")
    _, guess = _judge(nlp, stage, "Government troops might have shelled Idlib on Sunday.", "shelled")
    _, plan = _judge(nlp, stage, "Government troops are threatening to shell Idlib.", "shell")
    _, neg = _judge(nlp, stage, "Government troops never shelled Idlib.", "shelled")
    assert fact > guess > neg
    assert fact > plan
    assert fact >= 0.7 and neg <= 0.3


def test_rules_alone_without_models(nlp):
    rules = FactualityStage(use_models=False)
    a, certainty = _judge(nlp, rules, "The army might attack Mosul.", "attack")
    assert a.label == "speculated" and certainty == a.certainty < 0.6


def test_sentence_guess_in_commentary(nlp, stage):
    doc = nlp("I'm guessing we went after Sadr in exchange for Iranian help with the Basra ceasefire.")
    assert stage.judge_sentence(doc[:]).label == "speculated"
    doc = nlp("Some analysts believe the offensive is widely considered a failure.")
    assert stage.judge_sentence(doc[:]).label == "speculated"
    doc = nlp("The offensive began on 4 June with artillery strikes on Zaporizhzhia.")
    judgement = stage.judge_sentence(doc[:])
    assert judgement.label == "asserted" and judgement.certainty > 0.6


def test_lexicon_file_has_categories_and_header():
    lex = load_lexicon()
    for category in ("speculative", "planned", "hypothetical", "negation", "denial", "report", "hedge"):
        assert lex.terms(category), category
    assert lex.get("speculative", "might") < lex.get("report", "confirm")


def test_stage_on_blog_post(annotate):
    text = ("From the Kyiv Herald:\n\n"
            "Russian troops shelled Kharkiv on Monday, killing three civilians.\n\n"
            "I think they may attack Sumy next. My guess is that Moscow wants a buffer zone.\n\n"
            "Posted by Olena at 8:02 PM\n\n4 comments:")
    ann = annotate(text, source="Frontline Notes")
    by_text = {s.text.strip(): s for s in ann.sentences}
    quoted = by_text["Russian troops shelled Kharkiv on Monday, killing three civilians."]
    assert quoted.block == "quote" and quoted.factuality == "reported"
    guess = by_text["I think they may attack Sumy next."]
    assert guess.factuality == "speculated" and guess.certainty < quoted.certainty
    widget = next(s for s in ann.sentences if s.text.startswith("Posted by"))
    assert widget.block == "boilerplate" and widget.factuality is None
    for e in ann.events:
        assert e.factuality is not None and 0.0 <= e.certainty <= 1.0


def test_named_source_stays_reported_vague_source_is_a_hedge(nlp, stage):
    named = stage.judge_sentence(nlp("Sadrist leaders said they were planning mass protests in Baghdad.")[:])
    assert named.label == "reported"
    vague = stage.judge_sentence(nlp("Critics say the army shelled the market on purpose.")[:])
    assert vague.label == "speculated"
    assert vague.certainty < named.certainty


def test_according_to_covers_the_whole_sentence(annotate):
    ann = annotate("Iraqi troops clashed with militiamen in Basra on Tuesday, killing at least 30 people, "
                   "according to police.", source="Basra Wire")
    s = ann.sentences[0]
    assert s.factuality == "reported"
    assert s.attribution.name == "police" and s.attribution.kind == "government"


@pytest.mark.parametrize("text", [
    "Some historians believe the fortress was built by the Ottomans.",
    "Many observers say the vote in Khartoum was rigged.",
    "It is widely believed that the militia controls the border crossing.",
    "The commander is said to have fled to Idlib.",
    "The bridge was probably destroyed by Ukrainian artillery.",
])
def test_weasels_and_hedges_without_a_modal_are_speculated(nlp, stage, text):
    judgement = stage.judge_sentence(nlp(text)[:])
    assert judgement.label == "speculated", (text, judgement.hedge)
    assert judgement.hedge >= stage.hedge_model.threshold


@pytest.mark.parametrize("text, label", [
    ("The militia may have shelled the camp overnight.", "speculated"),  # epistemic perfect
    ("The army might attack Mosul.", "speculated"),
    ("If the talks fail, the militia would attack Tripoli.", "hypothetical"),  # a real condition
    ("Detainees may be held for up to 90 days under the emergency law.", "asserted"),  # permission
    ("He would later command the northern front.", "asserted"),  # narrative future-in-the-past
])
def test_classifier_overrules_only_ambiguous_modals(nlp, stage, text, label):
    assert stage.judge_sentence(nlp(text)[:]).label == label


def test_rules_alone_keep_every_modal(nlp):
    rules = FactualityStage(use_models=False)
    assert rules.judge_sentence(nlp("Detainees may be held for up to 90 days under the emergency law.")[:]).label \
        == "speculated"


def test_sentence_features_see_where_the_weasel_sits(nlp):
    from frontlines.factuality_model import sentence_features

    lex = load_lexicon()
    f = sentence_features(nlp("Many observers say the vote was rigged.")[:], lex)
    assert f.get("subjq=many") == 1.0 and "lxany=weasel" in f
    f = sentence_features(nlp("It is widely believed that the militia controls the crossing.")[:], lex)
    assert "pass_report_spec" in f and "pass_report_comp" in f and "it>believe" in f
    f = sentence_features(nlp("Troops shelled the town on Monday.")[:], lex)
    assert not any(k.startswith(("subjq=", "pass_report", "lxany=weasel")) for k in f)


def test_hedge_model_artefact_records_how_it_was_validated():
    from frontlines.evaluation.conll2010 import seen_in_training
    from frontlines.factuality_model import load_model

    model = load_model("factuality_hedge_model")
    assert model is not None and model.link == "logistic" and 0.2 <= model.threshold <= 0.8
    meta = model.meta or {}
    assert "article block != 0" in meta["trained_on"]  # block 0 stays out for `frontlines eval conll2010`
    assert meta["inner_cv_f1"] > 0.6
    for key in ("grouped", "crc32"):  # document-grouped folds and, for comparison, random sentence folds
        folds = meta[f"cv5_{key}_f1_stage"]
        assert len(folds) == 5 and all(0.5 < v < 0.8 for v in folds)
        assert abs(meta[f"cv5_{key}_f1_stage_mean"] - sum(folds) / 5) < 1e-3
    codes = meta["trained_crc32"]
    assert len(codes) % 8 == 0 and 4000 < len(codes) // 8 < 7000  # four fifths of the 7,363 sentences
    seen = seen_in_training(meta)
    assert seen is not None and not seen("Troops shelled the town of Kupiansk on Monday, officials said.")


def test_seen_in_training_reads_the_fingerprint():
    import zlib

    from frontlines.evaluation.conll2010 import seen_in_training

    trained = ["Some analysts say the truce will not hold.", "Rebels took the airport in El Fasher."]
    codes = "".join(f"{c:08x}" for c in sorted(zlib.crc32(t.encode()) for t in trained))
    seen = seen_in_training({"trained_crc32": codes})
    assert seen is not None
    assert seen(trained[0]) and seen("  " + trained[1] + "\n")  # compared stripped, as the eval reads rows
    assert not seen("Rebels took the airport in Nyala.")
    assert seen_in_training({}) is None and seen_in_training(None) is None


@pytest.mark.parametrize("text, present, absent", [
    ("Some critics argue that the ceasefire in Idlib is a sham.",
     {"subj_vague", "subj_vague_people", "subj_vague_main"}, {"named_source"}),
    ("A number of analysts expect the offensive to stall near Bakhmut.", {"vague_of", "vague_of=number"}, set()),
    ("The truce is widely regarded as a failure.",
     {"pass_op_noagent", "freq_vbn", "freq=widely@main", "pass_op=regard|na|main"}, {"pass_op_agent"}),
    ("The truce was described by the UN envoy as fragile.", {"pass_op_agent"}, {"pass_op_noagent"}),
    ("It is believed that the militia controls the crossing.", {"it_is_op", "pass_op_noagent"}, set()),
    ("Kherson is one of the most contested cities in the war.", {"one_of_the_most"}, set()),
    ("Troops shelled the town on Monday.", {"f=shelled", "f=troops"},
     {"subj_vague", "vague_of", "pass_op_noagent", "freq@main", "freq@emb", "it_is_op", "one_of_the_most"}),
])
def test_weasel_features_find_unattributed_claims(nlp, text, present, absent):
    from frontlines.factuality_model import sentence_features

    f = sentence_features(nlp(text)[:], load_lexicon())
    assert present <= f.keys(), (text, sorted(k for k in f if not k.startswith(("w=", "b=", "f=", "lxt="))))
    assert not absent & f.keys(), text


def test_named_source_of_an_opinion_counts_against_a_weasel(nlp):
    from frontlines.factuality_model import sentence_features

    lex = load_lexicon()
    assert "named_source" in sentence_features(nlp("Zelensky believes the front will hold.")[:], lex)
    assert "named_source" not in sentence_features(nlp("Many believe the front will hold.")[:], lex)


def test_cue_index_matches_the_substring_test_it_replaces(nlp):
    # CueIndex (built once per stage) must find exactly the lexicon terms that the plain
    # `" term " in " words "` test finds, multiword phrases and odd inputs included
    from frontlines.factuality_model import CueIndex

    lex = load_lexicon()
    index = CueIndex.build(lex)
    everything = {t for terms in lex.table.values() for t in terms}

    def substring(seq):
        text = " " + " ".join(seq) + " "
        return {t for t in everything if f" {t} " in text}

    for text in ("It is believed that some analysts say the militia may have shelled the town.",
                 "Rebels in Darfur appear to be regrouping, and so forth, a lot of observers think.",
                 "Kyiv ruled out a ceasefire in case Moscow calls off the talks.",
                 "Troops shelled the town on Monday."):
        doc = nlp(text)
        for seq in ([t.lower_ for t in doc], [t.lemma_.lower() for t in doc]):
            assert index.found(seq) == substring(seq)
    assert {"appear to be", "a lot"} <= index.found("they appear to be a lot".split())
    # a word holding a space falls back to the substring test itself
    odd = ["they", "appear to", "be", "a", "lot"]
    assert index.found(odd) == substring(odd) and "appear to be" in index.found(odd)
