"""The shortcuts the stages take for speed give exactly what the plain spaCy reads give (#10)."""

from __future__ import annotations

import pytest

TEXT = ("BAGHDAD, March 3 - Gunmen attacked a checkpoint in Kut, Wasit province, on Monday, police said.\n\n"
        "The Basra Operations Command said  U.S.-led planes struck near Mosul. \"We will respond,\" "
        "a spokesman for the Iraqi army told Reuters.\n\nHugo, Oklahoma and Churchill, Man. were quiet.")


def test_toponym_view_reads_what_the_doc_says(nlp):
    from frontlines.geo.toponyms import _View

    doc = nlp(TEXT)
    v = _View(doc)
    assert v.text == doc.text
    assert v.words == [t.text for t in doc]
    assert v.lower == [t.lower_ for t in doc]
    assert v.idx == [t.idx for t in doc]
    assert [bool(e) for e in v.ent] == [bool(t.ent_type_) for t in doc]
    assert [bool(a) for a in v.alpha] == [t.is_alpha for t in doc]
    assert [doc.vocab.strings[p] for p in v.pos] == [t.pos_ for t in doc]
    assert [e.text for e in v.ents] == [e.text for e in doc.ents]
    for a in range(len(doc)):
        for b in range(a + 1, min(a + 4, len(doc)) + 1):
            assert v.span_text(a, b) == doc[a:b].text


def test_toponym_view_of_a_prefiltered_doc(nlp):
    """Light (unparsed) pieces have no tags or entities; the view reads a joined document all the same."""
    from spacy.pipeline import Sentencizer
    from spacy.tokens import Doc

    from frontlines.geo.toponyms import _View
    from frontlines.prefilter import flatten_tree

    light = flatten_tree(Sentencizer()(nlp.make_doc("The weather was mild in Erbil.  Nothing else happened.\n\n")))
    doc = Doc.from_docs([light, nlp(TEXT)], ensure_whitespace=False, exclude=("tensor",))
    v = _View(doc)
    assert v.text == doc.text
    assert v.words == [t.text for t in doc]
    assert [e.text for e in v.ents] == [e.text for e in doc.ents]


def test_place_finder_answers_are_memoised_but_unchanged(resources):
    from frontlines.geo.toponyms import ToponymFinder

    finder = ToponymFinder(resources.gazetteer)
    doc = resources.nlp(TEXT)
    first = finder.find(doc)
    assert finder.find(doc) == first  # second pass runs on the memo
    assert {m.text for m in first} >= {"Kut", "Mosul", "Hugo", "Oklahoma", "Churchill"}
    assert finder.is_demonym("Iraqi") and not finder.is_demonym("Oman")
    assert finder.entities(doc) == tuple(doc.ents)


def test_demonym_prefix_index_matches_a_full_scan(resources):
    from frontlines.geo.demonyms import Demonyms, _lcp

    dem = Demonyms(resources.gazetteer)

    def scan(singular: str):
        best = None
        for name, cand in dem._names:
            n = _lcp(singular, name)
            if n >= 4 and n >= len(name) - 2 and n >= len(singular) - 5 and (best is None or n > best[0]):
                best = (n, cand)
        return None if best is None else best[1].gid

    for word in ("ukrainian", "syrian", "sudanese", "yemeni", "afghan", "europeans", "kurdish", "lebanese",
                 "somali", "ethiopian", "palestinian", "libyan", "african", "asian", "bosnian", "abc"):
        found = dem._find(word)
        singular = word[:-1] if word.endswith(("ans", "is", "ers", "ots", "ites", "ines")) else word
        if found is not None and word not in dem._table and word[:-1] not in dem._table:
            assert found.gid == scan(singular), word


def test_gazetteer_raw_name_cache_gives_the_folded_answer(resources):
    gaz = resources.gazetteer
    if gaz is None:
        pytest.skip("no gazetteer built")
    assert gaz.lookup("Kut") == gaz.lookup("KUT") == gaz.lookup("Kut")
    assert gaz.lookup("Mosul", fuzzy=False) == gaz.lookup(" mosul ", fuzzy=False)
    assert gaz.lookup("...") == ()


CASUALTY_TEXT = ("Two soldiers were shot dead and several others wounded in an attack near Aleppo on Monday. "
                 "Police detained dozens of protesters; a fatal stabbing and a murder-suicide were reported. "
                 "The death toll rose to 40, with hundreds of thousands displaced and a handful of refugees "
                 "taken into custody. Both men were in critical condition; the number of dead is unknown.")


def test_casualty_gates_skip_only_tokens_that_answer_nothing(nlp):
    from frontlines.stages.casualties import _KIND_LEMMAS, _KIND_WORDS, _fatal_incident, _kind_of
    from frontlines.stages.counting import _VAGUE_FIRST, _vague_at

    doc = nlp(CASUALTY_TEXT)
    answered = 0
    for tok in doc:
        if tok.lemma_.lower() not in _KIND_LEMMAS and tok.lower_ not in _KIND_WORDS:
            assert _kind_of(tok) is None and _fatal_incident(tok) == 0, tok.text
        else:
            answered += _kind_of(tok) is not None or _fatal_incident(tok) > 0
        if tok.lower_ not in _VAGUE_FIRST:
            assert _vague_at(doc, tok.i, len(doc)) is None, tok.text
    assert answered >= 8


def test_quantities_of_a_casualty_report(annotate):
    ann = annotate(CASUALTY_TEXT, date="2024-03-05")
    kinds = {(q.kind, q.best) for q in ann.quantities}
    assert {("killed", 2), ("killed", 40), ("arrested", 12), ("displaced", 100_000), ("injured", 2)} <= kinds


_DATE_BITS = ["March", "may", "May 5", "5th of May 2023", "mid-2024", "1990s", "the 1980s", "2019 to 2021", "last week",
              "Monday", "last Tuesday morning", "yesterday", "tonight", "overnight", "\u017funday", "\u212a", "\u0130",
              "3 days ago", "the end of last month", "Christmas Eve", "new year's", "this past weekend", "summer 2022",
              "in recent weeks", "the past 24 hours", "2023-05-01", "Jan.", "Sept. 11", "from", "between", "and",
              "soldiers", "killed", "the", "year-old", "-", ",", ".", "\u2013", "\u0661\u0662", "12", "of", "early",
              "Halloween", "valentine's day", "spring", "fall", "this afternoon", "earlier today", "next month"]


def test_date_rule_gates_change_nothing():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from frontlines import temporal

    def ungated(text: str, ref: str) -> list:
        keep = temporal._rules_for
        temporal._rules_for = lambda _text: temporal._RULES
        try:
            return temporal._find_dates(text, ref)
        finally:
            temporal._rules_for = keep

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(_DATE_BITS), min_size=1, max_size=8), st.sampled_from([" ", "  ", ", ", "-"]))
    def check(bits: list[str], sep: str) -> None:
        text = sep.join(bits)
        assert temporal._find_dates(text, "2024-03-05") == ungated(text, "2024-03-05")

    check()
    assert temporal._rules_for("Soldiers fired at the crowd.") == []
    assert len(temporal._rules_for("\u212a")) == len(temporal._RULES)


REPORTS = ("Officials said the army shelled Kut, according to witnesses. \"We will not leave,\" a resident told "
           "AFP, adding that militias had fled. Critics believe the ceasefire may collapse.\n\nThe ministry "
           "announced on Monday that talks would resume. Reuters reported: the convoy was hit. I think it will end.")


def test_attribution_candidates_hold_every_detection(nlp):
    from frontlines.stages.attribution import AttributionStage
    from frontlines.stages.docarrays import DocArrays

    stage = AttributionStage()
    doc = nlp(REPORTS)
    arrays = DocArrays(doc)
    assert arrays.text == doc.text
    cands = set(stage._candidates(doc, arrays))
    found = 0
    for sent in doc.sents:
        for tok in sent:
            det = stage._detect_at(tok, sent, None, None, doc.text)
            assert det is None or tok.i in cands, tok.text
            found += det is not None
            if tok.i in cands:  # the sentence's quotation flag, given or worked out, decides the same
                quoted = any(t.text in ("\"", "“", "”") for t in sent)
                assert det == stage._detect_at(tok, sent, None, None, doc.text, quoted)
    assert found >= 5
    assert stage.detect(doc) == stage.detect(doc, arrays)


def test_factuality_document_state_gives_what_each_call_gives(resources):
    from frontlines.factuality_model import sentence_flags
    from frontlines.stages.factuality import FactualityStage, _according_to, _DocState

    stage = FactualityStage()
    doc = resources.nlp(REPORTS + " Would they attack if the talks failed? Nobody knows. \"Why not?\"  \n\nWho "
                        "fired first ?\n\n")
    state = _DocState(doc)
    questions = 0
    for sent in doc.sents:
        assert state.sentence_flags(sent) == sentence_flags(sent)
        questions += state.sentence_flags(sent)[0]
        assert state.according_to(sent) == _according_to(sent)
        assert stage.judge_sentence(sent, state=state) == stage.judge_sentence(sent)
        for tok in sent:
            if tok.pos_ in ("VERB", "NOUN"):
                assert stage._certainty_of(tok, False, state) == stage.event_certainty(tok)
    assert state.certainty and questions >= 2
    assert any(state.according_to(s) for s in doc.sents)


def test_factuality_state_main_token_and_plural_subjects(resources):
    from frontlines.stages.factuality import FactualityStage, _DocState, main_token

    stage = FactualityStage()
    doc = resources.nlp("Critics say the strikes killed civilians. Analysts believe talks may fail.")
    state = _DocState(doc)
    for sent in doc.sents:
        assert state.main_token(sent) == main_token(sent)
        assert stage._hedge(sent, None, state) == stage._hedge(sent, None)
    assert stage._hedge(next(iter(doc.sents)), None, state)[1]  # "Critics say": a vague source


def _table_reads(doc, table, skip=()):
    from frontlines.coding.syntax import depth
    from frontlines.stages.docarrays import TokenTable

    assert isinstance(table, TokenTable)
    for t in doc:
        if any(a <= t.i < b for a, b in skip):
            continue
        assert (table.low[t.i], table.lem[t.i], table.tag[t.i], table.dep[t.i], table.pos[t.i]) == (
            t.lower_, t.lemma_.lower(), t.tag_, t.dep_, t.pos_)
        assert table.strings[table.lemma_ids[t.i]] == t.lemma_
        assert table.strings[table.ent_ids[t.i]] == t.ent_type_
        assert (bool(table.punct[t.i]), bool(table.space[t.i]), bool(table.num[t.i])) == (
            t.is_punct, t.is_space, t.like_num)
        assert table.head[t.i] == t.head.i
        assert table.children(t.i) == [c.i for c in t.children]
        assert table.read(t.i)
        assert [table.morph(t.i, f) for f in ("Tense", "VerbForm", "Number")] == [
            t.morph.get(f) for f in ("Tense", "VerbForm", "Number")]
        assert table.depth(t.i) == depth(t)


def test_token_table_reads_what_the_tokens_say(nlp):
    """The hedge features read a document's TokenTable; it gives the Token properties they replace, on a
    parsed document and on one the pre-filter left partly unparsed (those tokens' strings are skipped)."""
    from spacy.pipeline import Sentencizer
    from spacy.tokens import Doc

    from frontlines.prefilter import UNPARSED, flatten_tree
    from frontlines.stages.docarrays import TokenTable

    doc = nlp(REPORTS + " The 3 men (aged 20-25) were not seen since  June.\n\nIraq's army, it is believed, left.")
    _table_reads(doc, TokenTable(doc))
    light = flatten_tree(Sentencizer()(nlp.make_doc("The weather was mild in Erbil.  Nothing else happened.\n\n")))
    joined = Doc.from_docs([nlp(TEXT), light, nlp(REPORTS)], ensure_whitespace=False, exclude=("tensor",))
    skip = sorted((sp.start, sp.end) for sp in joined.spans[UNPARSED])
    assert skip
    table = TokenTable(joined, skip=skip)
    _table_reads(joined, table, skip)
    assert all(table.low[i] == "" and not table.read(i) for a, b in skip for i in range(a, b))
    assert TokenTable(nlp.make_doc("")).head == []
