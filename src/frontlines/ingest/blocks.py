"""Joining extracted blocks into one text with offsets, and spotting page widgets."""

from __future__ import annotations

import re

from ..records import Block

_WIDGET = re.compile(
    r"^(recent comments|recent posts|share this|share on|related posts|leave a (comment|reply)|"
    r"\d+ comments?|comments? \(\d+\)|subscribe|sign up for|follow us|tags?:|categories:|filed under|"
    r"posted in|permalink|click here|read more|advertisement|skip to content)\b",
    re.IGNORECASE,
)
_SHARE = re.compile(r"^(share|tweet|email|print|facebook|twitter|reddit|linkedin|whatsapp)(\s*[|/•·]?\s*"
                    r"(share|tweet|email|print|facebook|twitter|reddit|linkedin|whatsapp))*\s*$", re.IGNORECASE)


def is_widget(text: str) -> bool:
    """Navigation, share links and comment-list headers that carry no reporting."""
    t = text.strip()
    return bool(_WIDGET.match(t) and len(t) < 80) or bool(_SHARE.match(t))


def assemble(pieces: list[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    """Join (kind, text) pieces with blank lines; blocks record where each one sits."""
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for kind, text in pieces:
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(text)
        blocks.append(Block(offset, offset + len(text), kind))  # type: ignore[arg-type]
        offset += len(text)
    return "".join(parts), tuple(blocks)


def text_blocks(text: str) -> tuple[Block, ...]:
    """Paragraph blocks of plain text: runs separated by blank lines."""
    blocks = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.DOTALL):
        blocks.append(Block(m.start(), m.end(), "paragraph"))
    return tuple(blocks)
