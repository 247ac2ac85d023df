"""Whether a gazetteer name in a text is used as a person's name there.

The small model tags many towns PERSON (a lone "Wigan" or "Edmonton" at the start of a sentence, a
town named in a list or a sports fixture), so the tag alone cannot veto a gazetteer name; but many
surnames are also town names somewhere ("Clinton", "Steele", "Bolton"). Evidence that a mention is a
person: the document gives the word as the surname of a longer person name ("Hillary Clinton" ...
"Clinton"), unless a locative preposition says otherwise ("in Clinton"); a title or kin word stands right
before it ("Mr. Bolton", "Governor Steele", "her brother Tyler"); or it is the subject of a speech verb
("said Bolton", "Steele told reporters").
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
# "in Riverdale", "near Carson": a place, whoever else bears the name ("from" and "at" go with people
# too: "a call from Obama", "at Clinton's rally")
LOCATIVE = frozenset({"in", "near", "outside", "into", "around", "across", "toward", "towards", "through", "inside",
                      "throughout", "within"})
# verbs whose subject is a speaker or writer: a place standing for its government is already
# metonymic, and the names reaching this test are those NER took for people
SPEECH = frozenset({"say", "tell", "add", "admit", "explain", "write", "note", "recall", "testify", "specify",
                    "insist", "claim", "deny", "announce", "warn", "argue", "ask", "reply", "answer", "agree",
                    "acknowledge", "describe", "believe", "think", "feel", "recount", "joke",
                    "laugh", "smile", "confirm", "comment", "suggest", "urge", "plead"})


def person_words(ents: Any) -> frozenset[str]:
    """The last word of every PERSON entity of two or more words ("Christopher Steele" gives "Steele"):
    the surnames that name a document's people alone later. Not the first word: the small model also
    tags a town and the business named after it as a person ("Riverdale Fuel Stop")."""
    out: set[str] = set()
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2:
            words = [t.text for t in e if t.is_alpha]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                out.add(words[-1])
    return frozenset(out)


def used_as_person(doc: Any, start: int, end: int, name: str, words: frozenset[str]) -> bool:
    """Whether tokens ``start:end`` (a mention of ``name``) read as a person (see the module doc)."""
    before = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    if before in TITLES:
        return True
    if name in words and before not in LOCATIVE:
        return True
    root = doc[start:end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH
