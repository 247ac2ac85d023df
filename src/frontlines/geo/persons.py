"""Whether a name the small model tags PERSON is used as a person's name in its document.

The small model tags many towns PERSON ("driving to Castlegar", "the Kent-based team", "Edmonton was
the only city"), so the tag alone cannot veto a gazetteer name; but many surnames are also town
names somewhere ("Steele", "Bolton", "Sutton"). Evidence that a mention is a person: the document
gives the same word inside a longer person name ("Christopher Steele" ... "Steele"), a title or kin
word stands right before it ("Mr. Heiden", "Governor Bush", "his brother Tyler"), or it is the
subject of a speech verb ("said Noma", "Holloway told the club website").
"""

from __future__ import annotations

from typing import Any

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
                    "gov", "governor", "president", "sen", "senator", "rep", "congressman", "congresswoman",
                    "judge", "justice", "coach", "rev", "reverend", "pastor", "bishop", "imam", "rabbi",
                    "sgt", "sergeant", "capt", "captain", "lt", "lieutenant", "gen", "general", "col", "colonel",
                    "officer", "detective", "constable", "minister", "chancellor", "prince", "princess",
                    "father", "mother", "brother", "sister", "son", "daughter", "wife", "husband", "uncle",
                    "aunt", "cousin", "grandson", "granddaughter", "grandfather", "grandmother", "nephew",
                    "niece", "boyfriend", "girlfriend", "fiancé", "fiance", "widow"})
# verbs whose subject is a speaker or writer: a place standing for its government is already
# metonymic, and the names reaching this test are those NER took for people
SPEECH = frozenset({"say", "tell", "add", "admit", "explain", "write", "note", "recall", "testify", "specify",
                    "insist", "claim", "deny", "announce", "warn", "argue", "ask", "reply", "answer", "agree",
                    "acknowledge", "describe", "believe", "think", "feel", "recount", "joke",
                    "laugh", "smile", "confirm", "comment", "suggest", "urge", "plead"})


def person_words(ents: Any) -> frozenset[str]:
    """The first and last words of every PERSON entity of two or more words ("Christopher Steele"
    gives "Christopher" and "Steele"): a document's people, as the words that name them alone."""
    out: set[str] = set()
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2:
            words = [t.text for t in e if t.is_alpha]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                out.update((words[0], words[-1]))
    return frozenset(out)


def used_as_person(doc: Any, start: int, end: int, name: str, words: frozenset[str]) -> bool:
    """Whether tokens ``start:end`` (a mention of ``name``) read as a person (see the module doc)."""
    if name in words:
        return True
    if start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES:
        return True
    root = doc[start:end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH
