"""Who asserts each sentence and event (real spaCy model, real pipeline)."""

from __future__ import annotations

import pytest

from frontlines.stages.attribution import AttributionStage, load_verb_rates


@pytest.fixture(scope="module")
def stage():
    return AttributionStage()


def _sources(nlp, stage, text):
    return [(d.source_text, d.kind, d.name) for d in stage.detect(nlp(text))]


@pytest.mark.parametrize("text, source, kind", [
    ("Sadrist leaders said that they were planning mass protests in Baghdad.", "Sadrist leaders", "organization"),
    ("Militants attacked a checkpoint near Kirkuk, according to the Interior Ministry.",
     "the Interior Ministry", "government"),
    ("Spencer Ackerman thinks the first blow may have come from the Iraqi army.", "Spencer Ackerman", "person"),
    ("The Sudanese army shelled Omdurman overnight, residents told Reuters.", "residents", "unknown"),
    ("A spokesman for the Hamas movement denied that its fighters had fired rockets.",
     "A spokesman for the Hamas movement", "organization"),
    ("The New York Times reported that Ukrainian drones hit a refinery in Ryazan.", "The New York Times", "outlet"),
])
def test_reporting_constructions(nlp, stage, text, source, kind):
    found = _sources(nlp, stage, text)
    assert (source, kind) in [(s, k) for s, k, _ in found], found


def test_plain_statement_has_no_source(nlp, stage):
    assert _sources(nlp, stage, "Turkish jets struck targets near Qamishli on Friday.") == []


def test_pronoun_takes_the_last_named_person(nlp, stage):
    doc = nlp("Volodymyr Zelensky visited Kherson on Monday. He said the city would be rebuilt.")
    det = [d for d in stage.detect(doc) if d.source_text == "He"]
    assert det and det[0].name == "Volodymyr Zelensky" and det[0].kind == "person"


def test_verb_rates_file_is_packaged():
    rates = load_verb_rates()
    assert rates.get("say", 0) > 0.5
    assert rates.get("know", 1) < 0.5


def test_commentary_post_quoting_a_newspaper(annotate):
    text = ("From the Baghdad Observer:\n\n"
            "Mahdi Army fighters clashed with Iraqi troops in Basra on Tuesday.\n\n"
            "Sadrist leaders said they were planning mass protests in Najaf.\n\n"
            "I'm guessing the government went after Sadr to please Tehran.\n\n"
            "[Update: Spencer Ackerman thinks the first blow may have come from the Iraqi army.]")
    ann = annotate(text, source="Gulf Watch blog")
    by_text = {s.text.strip(): s for s in ann.sentences}
    clash = by_text["Mahdi Army fighters clashed with Iraqi troops in Basra on Tuesday."]
    assert clash.attribution.kind == "outlet" and clash.attribution.name == "Baghdad Observer"
    protests = by_text["Sadrist leaders said they were planning mass protests in Najaf."]
    assert protests.attribution.name == "Sadrist leaders" and protests.attribution.kind == "organization"
    guess = by_text["I'm guessing the government went after Sadr to please Tehran."]
    assert guess.attribution.kind == "author" and guess.attribution.name == "Gulf Watch blog"
    update = next(s for s in ann.sentences if "Ackerman" in s.text)
    assert update.attribution.name == "Spencer Ackerman" and update.attribution.kind == "person"
    assert update.factuality == "speculated"
    for e in ann.events:
        assert e.attribution is not None


def test_quotation_spanning_paragraphs_keeps_its_speaker(annotate):
    text = ("“We will not leave Bakhmut,” said Colonel Oleksandr Syrsky. “The enemy has lost thousands.\n\n"
            "“Our artillery destroyed three depots last night,” he added.\n\n"
            "Russian officials gave no figures.")
    ann = annotate(text, source="Kyiv Wire")
    depots = next(s for s in ann.sentences if "depots" in s.text)
    assert depots.attribution.name == "Oleksandr Syrsky"
    lost = next(s for s in ann.sentences if "thousands" in s.text)
    assert lost.attribution.kind == "person" and "Syrsky" in (lost.attribution.name or "")
    plain = next(s for s in ann.sentences if s.text.startswith("Russian officials"))
    assert plain.attribution.kind == "outlet" and plain.attribution.name == "Kyiv Wire"


def test_news_default_is_the_outlet(annotate):
    ann = annotate("Houthi forces fired a missile at a tanker in the Red Sea on Sunday.", source="Aden Daily")
    s = ann.sentences[0]
    assert s.attribution.kind == "outlet" and s.attribution.name == "Aden Daily"


def test_speech_act_without_content_stays_the_writers(annotate):
    ann = annotate("Iraqi troops entered Basra on Friday. Perhaps Maliki asked for it.", source="Gulf Wire")
    guess = next(s for s in ann.sentences if "Maliki" in s.text)
    assert guess.attribution.name == "Gulf Wire"
    assert guess.factuality == "speculated"


def test_polnear_reader_and_matching(tmp_path):
    from frontlines.evaluation.polnear import _match, read_sources

    text = "The ministry said troops left Raqqa. “We won,” a commander told reporters."
    ann = tmp_path / "a.ann"
    ann.write_text("T1\tSource 0 12\tThe ministry\nT2\tCue 13 17\tsaid\n"
                   "T3\tSource 47 58\ta commander\nT4\tCue 59 63\ttold\n", encoding="utf-8")
    gold = read_sources(ann, text)
    assert [text[a:b] for a, b in gold] == ["The ministry", "a commander"]
    assert _match(text, [(4, 12), (47, 58)], gold, exact=False) == 2  # head word shared
    assert _match(text, [(4, 12), (47, 58)], gold, exact=True) == 1
    assert _match(text, [(18, 24)], gold, exact=False) == 0


def test_statement_lead_in_and_a_second_speaker(annotate):
    text = ("Clashes continued in El Fasher on Sunday.\n\n"
            "The Sudanese foreign ministry said in a statement:\n\n"
            "The militia shelled the Abu Shouk camp and killed eleven displaced people.\n\n"
            "Aid groups said they could not reach the camp. Ahmed Hassan, a local doctor, added:\n\n"
            "\"We have no medicine left. Children are dying every day.\"")
    ann = annotate(text, source="Darfur Monitor")
    by_start = {s.text.strip()[:20]: s for s in ann.sentences}
    shelled = by_start["The militia shelled "]
    assert shelled.block == "quote" and shelled.attribution.kind == "government"
    assert "foreign ministry" in shelled.attribution.name
    aid = by_start["Aid groups said they"]
    assert aid.block != "quote" and aid.attribution.kind == "organization"
    assert aid.factuality == "negated"  # "could not reach": it did not happen
    dying = by_start["Children are dying e"]
    assert dying.attribution.name == "Ahmed Hassan" and dying.attribution.kind == "person"


def test_cumulative_toll_carries_factuality_and_source(annotate):
    ann = annotate("Since the war began, the death toll has risen to 30,000, according to the health ministry in Gaza.",
                   source="Levant Wire")
    assert ann.statistics, "the quantities stage should find the cumulative toll"
    toll = ann.statistics[0]
    assert toll.factuality == "reported"
    assert toll.attribution.kind == "government" and "health ministry" in toll.attribution.name


def test_quote_state_matches_a_character_walk():
    """_quote_state reads the last curly quote and the straight ones after it; a walk over every character
    (curly quotes set the state, straight ones flip it) gives the same on every short string."""
    from itertools import product

    from frontlines.stages.attribution import _quote_state

    def walk(text, state):
        for ch in text:
            state = True if ch == "“" else False if ch == "”" else (not state) if ch == "\"" else state
        return state

    for n in range(7):
        for chars in product("“”\"a", repeat=n):
            text = "".join(chars)
            for was_open in (False, True):
                assert _quote_state(text, was_open) == walk(text, was_open), (text, was_open)


@pytest.mark.parametrize("text, span, name", [
    ("Maria Lopez, a nurse at the clinic in Aleppo, said the ward had no power.",
     "Maria Lopez, a nurse at the clinic in Aleppo", "Maria Lopez"),
    ("The farmers, who had lost their harvest to the floods, said the dams were opened too late.",
     "The farmers, who had lost their harvest to the floods", "The farmers"),
])
def test_source_span_is_the_whole_phrase_and_the_name_its_core(nlp, stage, text, span, name):
    # PolNeAR marks the source as the full noun phrase, set-off apposition and relative clause included
    found = [(d.source_text, d.name) for d in stage.detect(nlp(text))]
    assert (span, name) in found, found


def test_continued_is_speech_only_with_a_quotation_or_colon(nlp, stage):
    said = _sources(nlp, stage, "“We will hold the bridge until the spring,” the colonel continued.")
    assert "the colonel" in [s for s, _, _ in said], said
    colon = _sources(nlp, stage, "The mayor of Kharkiv continued: the trams will run again next week.")
    assert "The mayor of Kharkiv" in [s for s, _, _ in colon], colon
    # aspect, not speech
    assert _sources(nlp, stage, "The army continued to shell the outskirts of Kherson overnight.") == []


@pytest.mark.parametrize("text, source", [
    ("The opposition bloc opposes the new draft constitution.", "The opposition bloc"),
    ("The Kenyan government offered talks to the striking doctors.", "The Kenyan government"),
])
def test_a_verb_that_is_usually_a_cue_needs_no_clause(nlp, stage, text, source):
    # rate of being a PolNeAR cue with a subject between 0.4 and 0.5: a stance, the subject is its source
    found = _sources(nlp, stage, text)
    assert source in [s for s, _, _ in found], found


def test_which_as_the_subject_of_a_reporting_verb_is_a_source(nlp, stage):
    doc = nlp("Protesters blamed the Interior Ministry, which denied that its troops had fired on the crowd.")
    found = [d for d in stage.detect(doc) if d.source_text == "which"]
    assert found and found[0].name is not None and "Interior Ministry" in found[0].name, found


def test_a_quotation_opened_straight_and_closed_curly_is_closed(nlp, stage):
    found = _sources(nlp, stage, "\"We will stay in the port until the last shell,” said Captain Ivan Melnyk.")
    assert "Captain Ivan Melnyk" in [s for s, _, _ in found], found
    # still inside an open quotation: the speech belongs to the quoted speaker
    inner = _sources(nlp, stage, "“Our commander said the bridge would hold, and it did,” a soldier told us.")
    assert "Our commander" not in [s for s, _, _ in inner], inner
