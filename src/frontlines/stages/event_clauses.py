"""Clause shapes the argument finders read past the parse's labels (spaCy tokens, duck-typed).

The parser labels a state as a passive ("Japan is opposed to X", "militias were engaged in fighting"), but
the state's subject is the one who opposes or fights, not someone acted on.
"""

from __future__ import annotations

from typing import Any

from ..coding.syntax import lem

#: Participles that, after "be" and before their preposition, describe the subject's own stance or activity
#: ("is opposed to", "were engaged in", "are involved in", "is committed to"), with the preposition that marks
#: that reading; "atrocities were committed in Darfur" (no "to") stays a passive.
STATIVE = {"oppose": frozenset({"to"}), "engage": frozenset({"in"}), "involve": frozenset({"in"}),
           "commit": frozenset({"to"}), "embroil": frozenset({"in"}), "entangle": frozenset({"in"}),
           "lock": frozenset({"in"}), "dedicate": frozenset({"to"}), "devote": frozenset({"to"})}


def stative(v: Any) -> bool:
    """``v`` is a participle of state whose "passive" subject is its doer: "be" + participle + its
    preposition, and no "by" agent ("the troops were committed to the operation by NATO" is a passive)."""
    preps = STATIVE.get(lem(v))
    if preps is None or v.tag_ != "VBN":
        return False
    kids = list(v.children)
    return (any(c.dep_ == "auxpass" and lem(c) == "be" for c in kids)
            and not any(c.dep_ == "agent" for c in kids)
            and any(c.dep_ == "prep" and c.lower_ in preps for c in kids))
