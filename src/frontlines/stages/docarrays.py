"""A parsed Doc's token attributes as plain lists, read once per document.

Iterating a Doc builds a Token object per token and ``Doc.text`` rebuilds itself from them on every
access; the stages that scan every token of a document (attribution, factuality) read these lists
instead. Values are spaCy's hash ids (compare with ``doc.vocab.strings["prep"]``) and POS symbol ids.
"""

from __future__ import annotations

from typing import Any


class DocArrays:
    __slots__ = ("dep", "lemma", "lower", "orth", "pos", "tag", "text")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, SPACY, TAG  # noqa: PLC0415

        self.orth: list[int]
        self.lower: list[int]
        self.lemma: list[int]
        self.pos: list[int]
        self.dep: list[int]
        self.tag: list[int]
        self.orth, self.lower, self.lemma, self.pos, self.dep, self.tag, space = (
            doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, TAG, SPACY]).T.tolist() if len(doc)
            else ([], [], [], [], [], [], []))
        strings = doc.vocab.strings
        # Doc.text: every token's text and its trailing space (a single " " when SPACY is set)
        self.text: str = "".join([strings[o] + " " if sp else strings[o] for o, sp in zip(self.orth, space,
                                                                                         strict=True)])
