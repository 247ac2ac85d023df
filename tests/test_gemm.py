"""spaCy's matrix products through numpy's BLAS (resources.set_gemm) give the stock (blis) analyses."""

from __future__ import annotations

import pytest

from frontlines.resources import set_gemm

# Our own sentences, written to exercise tags, parses and several entity types.
TEXTS = [
    "Government troops shelled rebel positions outside Idlib on Sunday, killing at least 14 fighters, "
    "a monitoring group said.",
    "The ministry in Baghdad denied reports that police had detained three journalists near the port of Basra.",
    "Thousands of teachers marched through central Nairobi on Friday to demand higher wages, and riot police "
    "fired tear gas when some of them threw stones.",
    "Officials from the European Union and the African Union met in Addis Ababa to discuss a ceasefire that "
    "both sides had agreed to in March.",
    "\"We will not negotiate under fire,\" the prime minister told reporters on Tuesday, two days after a car "
    "bomb killed 23 people in Kabul.",
    "Mr. Okafor, a senior commander, said his unit had recovered 1,200 rifles and $3.5 million in cash.",
    "Analysts expect the talks to resume next month, although neither delegation has confirmed a date.",
    "The United Nations warned that fighting in Sudan's Darfur region could displace another 200,000 people "
    "before the rainy season.",
]


def _analyses(nlp):
    return [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]
            for doc in nlp.pipe(TEXTS)]


def test_numpy_backend_gives_the_stock_analyses(nlp):
    set_gemm(nlp, "blis")
    try:
        stock = _analyses(nlp)
    finally:
        set_gemm(nlp, "numpy")
    fast = _analyses(nlp)
    assert sum(len(d) for d in fast) > 150
    assert fast == stock
    # the texts hold entities of several kinds, so the recogniser's output is really compared
    assert {"GPE", "DATE", "CARDINAL", "ORG"} <= {e[6] for d in fast for e in d}


def test_default_backend_is_numpy_and_unknown_backends_are_refused(nlp):
    parser = nlp.get_pipe("parser")
    assert all(not node.ops.use_blis for node in parser.model.walk())
    with pytest.raises(ValueError, match="gemm backend"):
        set_gemm(nlp, "mkl")
