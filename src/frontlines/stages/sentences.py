"""Sentences stage: spaCy's sentences, each labelled with the kind of block it sits in."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..ids import content_id
from ..records import Annotation, Block, Sentence
from .docarrays import doc_text


class SentenceStage:
    name = "sentences"
    requires = frozenset({"doc"})
    assigns = frozenset({"sentences"})

    def __call__(self, ann: Annotation) -> Annotation:
        blocks = ann.document.blocks
        starts = [b.start for b in blocks]
        sentences = []
        text_of_doc = doc_text(ann.doc)
        for sent in ann.doc.sents:  # type: ignore[attr-defined]
            text = text_of_doc[sent.start_char:sent.end_char].rstrip()  # sent.text, without a Token per token
            if not text.strip():
                continue
            start, end = sent.start_char, sent.start_char + len(text)
            kind = _block_kind(blocks, starts, start)
            sentences.append(Sentence(
                sent_id=content_id("sent", ann.doc_id, start, end),
                doc_id=ann.doc_id, start=start, end=end, text=text, block=kind))
        return replace(ann, sentences=tuple(sentences))


def _block_kind(blocks: tuple[Block, ...], starts: list[int], offset: int) -> str:
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(blocks) and blocks[i].start <= offset < max(blocks[i].end, blocks[i].start + 1):
        return blocks[i].kind
    return "paragraph"
