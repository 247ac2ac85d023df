"""Choosing a sentence's main event, for scoring against one-event-per-sentence gold sets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..records import Event
from .syntax import depth


def main_event(events: Sequence[Event], doc: Any) -> Event | None:
    """The event a human coder would pick: the highest in the tree, typed before untyped, verbal before nominal.

    Ties go to the earlier trigger. Negated events are kept out when a non-negated one exists.
    """
    if not events:
        return None

    def key(ev: Event) -> tuple[int, int, int, int, int]:
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")  # type: ignore[attr-defined]
        tok = span[0] if span is not None and len(span) else None
        verbal = tok is not None and tok.pos_ == "VERB"
        d = depth(tok) if tok is not None else 99
        if tok is not None and not verbal and (tok.dep_ in ("dobj", "conj")
                                              or (tok.dep_ == "pobj" and tok.head.lower_ == "to")):
            # "imposed sanctions", "agreed to a truce": the noun stands where its verb is; nouns in
            # adjuncts ("following the invasion", "after the attack") stay background
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            # "according to a press release" attributes; it is no act the way "agreed to" is
            if gov.pos_ == "VERB" and gov.lower_ != "according":
                d = depth(gov)
        if tok is not None and verbal and tok.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" or c.dep_ == "mark" and c.lower_ in ("if", "unless")
                for c in tok.children):
            # a purpose clause ("went there to arrest X") or a condition ("will withdraw if it is asked to"):
            # intended or supposed, not the reported act
            d += 2
        return (ev.negated, d, ev.plover is None, not verbal, ev.trigger.start)

    return min(events, key=key)
