"""Clause shapes the argument finders read past the parse's labels (spaCy tokens, duck-typed).

The parser labels a state as a passive ("Japan is opposed to X", "militias were engaged in fighting"), but
the state's subject is the one who opposes or fights, not someone acted on; and a sentence whose main verb
the parser hangs as a clause on a noun ("Doctors from two aid groups donated and delivered goods to X" with
"Doctors" as the root) still has that noun for the verb's subject.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..coding.syntax import lem
from ..records import Actor

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


def misread_main(t: Any) -> Any | None:
    """The root noun whose main verb the parser read as a clause on a noun inside its phrase ("Nurses from two
    charities donated and delivered medicine", root "Nurses"): the verb, or a verb coordinated with it, has
    an object, which a reduced relative ("a blogger arrested last week") does not; else None."""
    if t.dep_ != "acl" or t.tag_ not in ("VBD", "VBN"):
        return None
    root = t.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or not root.i < t.i:
        return None
    head = t.head
    if not (head.i == root.i or head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == root.i):
        return None
    verbs = [t, *(c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"
                  and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children))]  # sharing the subject
    if not any(o.dep_ in ("dobj", "obj") for v in verbs for o in v.children):
        return None
    return root


def before_clause(actors: list[Actor], t: Any, text: str) -> list[Actor]:
    """The actors' spans cut before the clause of ``t`` ("Nurses from two charities", not "... donated ...")."""
    prev = t.doc[t.left_edge.i - 1]
    end = prev.idx + len(prev.text)
    return [replace(a, end=end, text=text[a.start:end]) if a.start < end < a.end else a for a in actors]
