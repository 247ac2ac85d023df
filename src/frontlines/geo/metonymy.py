"""Whether a place name stands for its government in its sentence ("Washington said", "Moscow's
position"): such a mention is no event location."""

from __future__ import annotations

from typing import Any

_SPEECH = frozenset({"say", "tell", "announce", "deny", "warn", "accuse", "claim", "urge", "demand", "insist",
                     "respond", "reject", "condemn", "call", "argue", "threaten", "agree", "refuse", "vow", "state",
                     "confirm", "blame", "criticize", "criticise", "praise", "welcome", "sanction",
                     "want", "hope", "decide", "plan", "recognize", "recognise", "expel", "impose", "approve"})


def is_metonymic(ent: Any) -> bool:
    """A place standing for its government: subject of a speech/policy verb, or its possessor."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SPEECH:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _SPEECH:  # "Kyiv accused Moscow of ..."
        return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in ("government", "decision", "position", "policy",
                                                            "foreign", "ministry", "envoy", "ambassador",
                                                            "officials", "official", "leaders", "demand"):
        return True
    return False
