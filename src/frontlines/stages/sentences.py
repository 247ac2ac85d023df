"""Sentences stage: spaCy's sentences, each labelled with the kind of block it sits in."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..ids import content_id
from ..records import Annotation, Block, Sentence


class SentenceStage:
    name = "sentences"
    requires = frozenset({"doc"})
    assigns = frozenset({"sentences"})

    def __call__(self, ann: Annotation) -> Annotation:
        blocks = ann.document.blocks
        starts = [b.start for b in blocks]
        sentences = []
        for sent in ann.doc.sents:  # type: ignore[attr-defined]
            text = sent.text
            if not text.strip():
                continue
            kind = _block_kind(blocks, starts, sent.start_char)
            sentences.append(Sentence(
                sent_id=content_id("sent", ann.doc_id, sent.start_char, sent.end_char),
                doc_id=ann.doc_id, start=sent.start_char, end=sent.end_char, text=text, block=kind))
        return replace(ann, sentences=tuple(sentences))


def _block_kind(blocks: tuple[Block, ...], starts: list[int], offset: int) -> str:
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(blocks) and blocks[i].start <= offset < max(blocks[i].end, blocks[i].start + 1):
        return blocks[i].kind
    return "paragraph"
