import pytest

from frontlines import pipeline as pipeline_module
from frontlines.errors import PipelineError
from frontlines.pipeline import Pipeline, check_order
from frontlines.records import Annotation, Document, ErrorRecord


class _Stage:
    def __init__(self, name, requires, assigns, fail_on=None):
        self.name, self.requires, self.assigns, self.fail_on = name, frozenset(requires), frozenset(assigns), fail_on

    def __call__(self, ann: Annotation) -> Annotation:
        if self.fail_on and self.fail_on in ann.document.text:
            raise ValueError("boom")
        return ann


def test_check_order_refuses_missing_requirement():
    check_order([_Stage("a", {"doc"}, {"sentences"}), _Stage("b", {"sentences"}, {"events"})])
    with pytest.raises(PipelineError, match="requires"):
        check_order([_Stage("b", {"sentences"}, {"events"}), _Stage("a", {"doc"}, {"sentences"})])


def test_default_stage_order_is_valid(resources):
    from frontlines.stages import build_stages

    stages = build_stages(resources)
    check_order(stages)
    names = [s.name for s in stages]
    assert names[0] == "sentences" and "events" in names


def test_one_failing_document_does_not_stop_the_batch(nlp):
    pipe = Pipeline(nlp, [_Stage("explode", {"doc"}, set(), fail_on="POISON")], batch_size=4)
    docs = [Document(f"d{i}", f"Document number {i} is fine.") for i in range(5)]
    docs.insert(2, Document("bad", "This one has POISON in it."))
    docs.insert(4, ErrorRecord("unreadable", "ingest", "binary content"))
    results = list(pipe.run(docs))
    assert len(results) == 7
    errors = [r.error for r in results if r.error]
    assert [(e.doc_id, e.stage) for e in errors] == [("bad", "explode"), ("unreadable", "ingest")]
    assert "ValueError: boom" in errors[0].message
    assert [r.annotation.doc_id for r in results if r.ok] == ["d0", "d1", "d2", "d3", "d4"]


def test_pipeline_refuses_overlong_document(nlp):
    pipe = Pipeline(nlp, [], max_chars=100)
    result = pipe.process(Document("long", "word " * 50))
    assert result.error and "too long" in result.error.message and result.error.doc_id == "long"


def test_blocks_never_merge_into_one_sentence(annotate):
    ann = annotate("Heading without a full stop\n\nRebels attacked the base on Monday.")
    assert [s.text for s in ann.sentences] == ["Heading without a full stop", "Rebels attacked the base on Monday."]


def test_end_to_end_event_has_offsets_into_text(annotate):
    text = "Police arrested dozens of protesters in the capital on Monday."
    ann = annotate(text, date="2021-02-01", doc_id="e2e")
    assert ann.events, "no event coded"
    for ev in ann.events:
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        for a in ev.actors + ev.recipients:
            assert text[a.start:a.end] == a.text
    assert any(ev.cameo and ev.cameo.startswith("17") for ev in ann.events)


def test_prefiltered_join_is_what_from_docs_gives(nlp):
    """The pre-filtered pieces are joined from their arrays (pipeline._concat); Doc.from_docs gives the same."""
    from spacy.attrs import IDS
    from spacy.tokens import Doc

    from frontlines.ingest import finish, read_text
    from frontlines.prefilter import UNPARSED, build_prefilter

    text = ("The weather in Erbil was mild.  Markets stayed open late.\n\nGunmen attacked a police checkpoint in "
            "Kirkuk on Sunday, killing two officers. The town's football team won again.\n\nNothing else "
            "happened. Rebels shelled the airport, officials said.\n")
    pipe = Pipeline(nlp, [], prefilter=build_prefilter(nlp))
    plan = pipe._plan(finish(read_text(text, doc_id="j1", date="2024-03-05")))
    heavy = iter(pipe._pipe([p for p in plan if isinstance(p, str)]))
    pieces = [next(heavy) if isinstance(p, str) else p for p in plan]
    assert len(pieces) > 2 and any(UNPARSED in p.spans for p in pieces)
    ours = pipeline_module._join(pieces, exclude=("tensor",))
    stock = Doc.from_docs(pieces, ensure_whitespace=False, exclude=("tensor",))
    assert ours.text == stock.text == text
    names = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START", "SPACY")
    assert ours.to_array([IDS[n] for n in names]).tolist() == stock.to_array([IDS[n] for n in names]).tolist()
    assert list(ours.spans) == list(stock.spans) == [UNPARSED]
    assert [(s.start, s.end, s.label, s.text) for s in ours.spans[UNPARSED]] == [
        (s.start, s.end, s.label, s.text) for s in stock.spans[UNPARSED]]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [(e.start, e.end, e.label_) for e in stock.ents]
    assert [[c.i for c in t.children] for t in ours] == [[c.i for c in t.children] for t in stock]
