"""The memoised attribute ruler + lemmatizer (fastattrs.py) gives exactly spaCy's own output."""

from __future__ import annotations

import json

import pytest

from frontlines.fastattrs import FastAttrs
from frontlines.serialize import annotation_to_json

TEXTS = [
    "Government forces shelled rebel positions near Aleppo on Tuesday, killing at least 14 fighters.",
    "\"We ain't leaving,\" a resident told reporters. Y'all know nothin' about this, she said.",
    "The ministry said it would not negotiate with the militants until they released the hostages.",
    "Protesters gathered outside parliament in Kyiv; police arrested 30 people and used tear gas.",
    "  Sudan's army   said  it had retaken the bridge.\n\nI'd like to thank everyone who helped us, himself included.",
    "UN envoy: talks to resume. He'd earlier met the foreign ministers of Iraq, Iran and Turkey.",
    "Nothing was said. Anybody could've done it, but nobody did; they're investigating whether it's true.",
    "Shelling hit Kharkiv's suburbs overnight, officials said, as peace talks stalled again in Istanbul.",
]


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


def test_same_tokens_as_the_stock_components(nlp):
    fast = FastAttrs.from_nlp(nlp)
    assert fast is not None, "the pinned model should have the shape fastattrs is exact for"
    assert fast.disabled == ("attribute_ruler", "lemmatizer")
    stock = [_tokens(d) for d in nlp.pipe(TEXTS)]
    for _ in range(2):  # the second pass answers from the memo tables
        got = [_tokens(fast(d)) for d in nlp.pipe(TEXTS, disable=fast.disabled)]
        assert got == stock
    # the rules really ran: pronoun lemmas from the ruler, inflected lemmas from the lemmatizer
    lemmas = {t[0]: t[4] for doc in stock for t in doc}
    assert lemmas["killing"] == "kill" and lemmas["himself"] == "himself" and lemmas["arrested"] == "arrest"


def test_refused_where_it_would_not_be_exact(nlp):
    import spacy

    assert FastAttrs.from_nlp(spacy.blank("en")) is None
    with nlp.select_pipes(disable=["lemmatizer"]):
        assert FastAttrs.from_nlp(nlp) is None


def test_pipeline_output_is_unchanged(resources):
    from frontlines.ingest import finish, read_text
    from frontlines.pipeline import Pipeline
    from frontlines.stages import build_stages

    stages = build_stages(resources)
    docs = [finish(read_text(t, doc_id=f"d{i}", date="2024-03-05")) for i, t in enumerate(TEXTS)]
    fast = Pipeline(resources.nlp, stages, fast_attrs=True)
    slow = Pipeline(resources.nlp, stages, fast_attrs=False)
    assert fast.fast is not None and slow.fast is None
    a = [json.dumps(annotation_to_json(r.annotation), sort_keys=True) for r in fast.run(docs)]
    b = [json.dumps(annotation_to_json(r.annotation), sort_keys=True) for r in slow.run(docs)]
    assert a == b
    assert any('"events": [{' in x for x in a)


@pytest.mark.parametrize("limit", [40])
def test_identical_on_real_articles(nlp, gold_dir, limit):
    """Token for token on real news (the bench corpus), where the memo tables see thousands of words."""
    from frontlines.pipeline import segment_text

    path = gold_dir / "bench" / "news.jsonl"
    if not path.exists():
        pytest.skip("bench corpus absent")
    with path.open(encoding="utf-8") as fh:
        texts = [seg for _, line in zip(range(limit), fh, strict=False) for seg in segment_text(json.loads(line)["text"])]
    fast = FastAttrs.from_nlp(nlp)
    assert fast is not None
    stock = [_tokens(d) for d in nlp.pipe(texts)]
    got = [_tokens(fast(d)) for d in nlp.pipe(texts, disable=fast.disabled)]
    assert got == stock


def test_lemmatizer_copy_answers_like_the_stock_one(nlp):
    """FastAttrs lemmatizes with a copy whose word lists are sets; the stock component keeps its lists."""
    fast = FastAttrs.from_nlp(nlp)
    stock = nlp.get_pipe("lemmatizer")
    assert fast is not None and fast.lemmatizer is not stock and fast.lemmatizer.cache is not stock.cache
    assert all(isinstance(v, list) for v in stock.lookups.get_table("lemma_index").values())
    assert all(isinstance(v, frozenset) for v in fast.lemmatizer.lookups.get_table("lemma_index").values())
    words = 0
    for doc in nlp.pipe(TEXTS + ["The geese were fleeing; analyses showed leaves, wolves and mice fled worse."]):
        for tok in doc:
            if tok.pos_ in ("NOUN", "VERB", "ADJ", "ADV"):
                words += 1
                assert fast.lemmatizer.rule_lemmatize(tok) == stock.rule_lemmatize(tok), tok.text
    assert words > 40
