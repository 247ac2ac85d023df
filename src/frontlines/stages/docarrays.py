"""A parsed Doc's token attributes as plain lists, read once per document.

Iterating a Doc builds a Token object per token and ``Doc.text`` rebuilds itself from them on every
access; the stages that scan every token of a document (attribution, factuality) read these lists
instead. Values are spaCy's hash ids (compare with ``doc.vocab.strings["prep"]``) and POS symbol ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class DocArrays:
    __slots__ = ("_space", "_strings", "_text", "dep", "lemma", "lower", "orth", "pos", "tag")

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
        self._space: list[int] = space
        self._strings = doc.vocab.strings
        self._text: str | None = None

    @property
    def text(self) -> str:
        """``Doc.text`` (built on first use)."""
        if self._text is None:
            self._text = _text(self._strings, self.orth, self._space)
        return self._text


def _text(strings: Any, orth: list[int], space: list[int]) -> str:
    """Doc.text: every token's text and its trailing space (a single " " when SPACY is set)."""
    return "".join([strings[o] + " " if sp else strings[o] for o, sp in zip(orth, space, strict=True)])


def doc_text(doc: Any) -> str:
    """``doc.text`` from two attribute arrays (``Doc.text`` builds a Token object per token)."""
    from spacy.attrs import ORTH, SPACY  # noqa: PLC0415

    if not len(doc):
        return ""
    orth, space = doc.to_array([ORTH, SPACY]).T.tolist()
    return _text(doc.vocab.strings, orth, space)


class TokenTable:
    """A Doc's token attributes as strings and indices, for the feature extractors that read several
    attributes of every token of a sentence (the hedge classifier): the same values as the Token
    properties named in each comment, without a Token object per read. ``memos``: hash -> str and hash ->
    lower-cased str memos (``StringMemo``) shared across documents."""

    __slots__ = ("_first", "_keep", "_last", "_morphs", "_order", "_vocab", "dep", "ent_ids", "head", "lem", "lemma_ids",
                 "low", "morph_ids", "num", "pos", "punct", "space", "strings", "tag")

    def __init__(self, doc: Any, memos: tuple[StringMemo, StringMemo] | None = None, arrays: DocArrays | None = None,
                 skip: Iterable[tuple[int, int]] = ()) -> None:
        """``arrays``: the document's ``DocArrays`` when the caller has them. ``skip``: token ranges whose
        strings are never read, left "" (the pre-filter's unparsed sentences: their tokens head
        themselves, and parsed tokens have heads and children only in their own parsed piece)."""
        import numpy  # noqa: PLC0415
        from spacy.attrs import ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, LIKE_NUM, MORPH  # noqa: PLC0415

        memo, folded = memos if memos is not None else (StringMemo(doc.vocab.strings),
                                                        StringMemo(doc.vocab.strings, fold=True))
        a = arrays if arrays is not None else DocArrays(doc)
        n = len(doc)
        if n:
            ent, punct, space, num, morph = doc.to_array([ENT_TYPE, IS_PUNCT, IS_SPACE, LIKE_NUM, MORPH]).T.tolist()
            # HEAD is an offset, negative for left heads: read the unsigned array's bits as signed
            head = doc.to_array(HEAD).view("int64") + numpy.arange(n)
        else:
            ent = punct = space = num = morph = []
            head = numpy.zeros(0, dtype="int64")
        self.strings = memo
        keep = self._keep = _complement(n, skip)
        self._vocab = doc.vocab
        self.morph_ids: list[int] = morph  # Token.morph.key (``morph`` reads a field)
        self._morphs: dict[tuple[int, str], list[str]] = {}

        def read(ids: list[int], table: StringMemo) -> list[str]:
            if len(keep) == 1:
                return [table[h] for h in ids]
            out: list[str] = [""] * n
            for lo, hi in keep:
                out[lo:hi] = [table[h] for h in ids[lo:hi]]
            return out

        self.low: list[str] = read(a.lower, memo)  # Token.lower_
        self.lemma_ids: list[int] = a.lemma  # Token.lemma (the few reads of Token.lemma_ go through ``strings``)
        self.lem: list[str] = read(a.lemma, folded)  # Token.lemma_.lower()
        self.tag: list[str] = read(a.tag, memo)  # Token.tag_
        self.dep: list[str] = read(a.dep, memo)  # Token.dep_
        self.pos: list[str] = read(a.pos, memo)  # Token.pos_ (POS symbols are in the StringStore)
        self.ent_ids: list[int] = ent  # Token.ent_type (Token.ent_type_ through ``strings``)
        self.punct: list[int] = punct  # Token.is_punct
        self.space: list[int] = space  # Token.is_space
        self.num: list[int] = num  # Token.like_num
        self.head: list[int] = head.tolist()  # Token.head.i
        # the tokens grouped by head, in document order within a group (a stable sort), and where each
        # token's group starts and ends: ``children`` slices it (few tokens are asked for theirs)
        order = numpy.argsort(head, kind="stable")
        by_head, at = head[order], numpy.arange(n)
        self._order: list[int] = order.tolist()
        self._first: list[int] = numpy.searchsorted(by_head, at, side="left").tolist()
        self._last: list[int] = numpy.searchsorted(by_head, at, side="right").tolist()

    def read(self, i: int) -> bool:
        """Whether token i's strings were read (it is outside the ``skip`` ranges)."""
        return any(lo <= i < hi for lo, hi in self._keep)

    def morph(self, i: int, field: str) -> list[str]:
        """``doc[i].morph.get(field)``, parsed once per morphology and field."""
        key = (self.morph_ids[i], field)
        hit = self._morphs.get(key)
        if hit is None:
            from spacy.tokens import MorphAnalysis  # noqa: PLC0415

            hit = self._morphs[key] = MorphAnalysis.from_id(self._vocab, key[0]).get(field, None)
        return hit

    def depth(self, i: int) -> int:
        """``coding.syntax.depth(doc[i])``: the steps from token i up to its root (at most 50)."""
        head, d = self.head, 0
        while head[i] != i and d < 50:
            i = head[i]
            d += 1
        return d

    def children(self, i: int) -> list[int]:
        """``[c.i for c in doc[i].children]``: the tokens whose head is ``i`` (not ``i``), in document order."""
        return [c for c in self._order[self._first[i]:self._last[i]] if c != i]

    def sentence(self, start: int, end: int) -> list[int]:
        """The indices of the tokens of ``doc[start:end]`` that are not whitespace."""
        space = self.space
        return [i for i in range(start, end) if not space[i]]


class StringMemo(dict):  # type: ignore[type-arg]
    """hash -> string from a StringStore, each looked up once; ``fold``: the lower-cased string."""

    __slots__ = ("_fold", "store")

    def __init__(self, store: Any, fold: bool = False) -> None:
        super().__init__()
        self.store, self._fold = store, fold

    def __missing__(self, key: int) -> str:
        value: str = self.store[key]
        if self._fold:
            value = value.lower()
        self[key] = value
        return value


def _complement(n: int, skip: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``range(n)`` outside the sorted, disjoint ranges ``skip`` (one range when none)."""
    out: list[tuple[int, int]] = []
    at = 0
    for lo, hi in skip:
        if lo > at:
            out.append((at, lo))
        at = max(at, hi)
    if at < n or not out:
        out.append((at, n))
    return out
