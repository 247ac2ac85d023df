"""Dependency helpers shared by the actor and event stages (spaCy tokens, duck-typed)."""

from __future__ import annotations

import bisect
from typing import Any

from .wordlists import POSTED

Token = Any  # a spaCy Token; typed loosely so the package does not import spaCy at import time

#: Dependencies of a word that modifies a noun inside its noun phrase.
MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "flat", "npadvmod", "quantmod"})
#: Children dropped from an argument's span: clauses, coordination, punctuation.
_DROP = frozenset({"relcl", "conj", "cc", "punct", "appos", "advcl", "preconj", "parataxis"})
#: Prepositional modifiers kept inside an actor's span ("the president of Iraq", "villagers in Idlib").
_KEEP_PREPS = frozenset({"of", "in", "near", "from", "inside", "outside", "across", "around"})
#: Nouns whose "of" complement names their country or organisation ("the president of Iraq").
_TITLES = frozenset({"president", "leader", "minister", "government", "army", "force", "head", "chief", "king",
                     "queen", "member", "ministry", "parliament", "people", "citizen", "spokesman", "spokeswoman",
                     "official", "ambassador", "envoy", "delegation", "commander", "troop", "police", "military",
                     "navy", "embassy", "authority", "premier", "secretary", "foreign", "representative",
                     "soldier", "militia", "ruler", "emir", "sheikh", "prince", "chairman", "mayor", "governor",
                     "nation", "kingdom", "republic", "emirate", "sultanate"})  # "the island nation of Nauru"
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def np_head(tok: Token) -> Token:
    """Climb from a modifier ("Iraqi" in "Iraqi troops", "U.S." in "U.S. and British planes") to its noun."""
    for _ in range(6):
        dep = tok.dep_
        head = tok.head
        if head.i == tok.i:
            break
        if dep == "npadvmod" and tok.pos_ == "PROPN" and tok.i > head.i:
            break  # "..., and with strings attached, Cuba": a name after the noun is not its modifier
        if dep in MOD_DEPS and head.pos_ in _NOMINAL:
            tok = head
        elif dep in MOD_DEPS and head.dep_ == "amod" and head.head.pos_ in _NOMINAL:
            tok = head.head  # "Vietnamese-led forces": Vietnamese -> led -> forces
        elif dep == "conj" and head.dep_ in MOD_DEPS:
            tok = head
        elif (dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _TITLES
              and head.head.i < tok.i):
            tok = head.head  # "the president of Iraq"
        else:
            break
    return tok


def arg_span(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without clauses or conjuncts."""
    lo = hi = head.i
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if t is head and c.dep_ in _DROP:
                continue
            if c.dep_ in ("relcl", "appos", "punct", "advcl") and c.i > head.i:
                continue
            if t is head and c.dep_ == "prep" and c.i > head.i and (
                    c.lower_ not in _KEEP_PREPS or c.lower_ == "in" and head.lemma_.lower() in POSTED):
                continue  # "the request for revocation...", "troops on Sunday", "the ambassador in Berlin"
            if t is head and c.dep_ == "npadvmod" and c.i > head.i and (c.ent_type_ in ("DATE", "TIME")
                                                                         or c.lower_ in _WEEKDAYS):
                continue  # "summoned France's ambassador Monday": when, not who
            lo, hi = min(lo, c.i), max(hi, c.i)
            stack.append(c)
    doc = head.doc
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    while hi > head.i and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    if hi + 1 < len(doc) and doc[hi + 1].text == ")" and sum(
            (t.text == "(") - (t.text == ")") for t in doc[lo:hi + 1]) > 0:
        hi += 1  # "the Department of State Services (DSS)": the bracket the span opened is closed in it
    # a bracketed acronym right after the name belongs to it: "the Nigerian Air Force (NAF)"
    if hi + 3 < len(doc) and doc[hi + 1].text == "(" and doc[hi + 3].text == ")" and doc[hi + 2].text.isupper():
        hi += 3
    return lo, hi + 1


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("troops and militias" -> both)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in _NOMINAL:
                out.append(c)
                stack.append(c)
    return out


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("fail", "cease"):
        return True  # "failed to reach a deal"
    if tok.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in tok.head.children):
        return tok.head.lemma_ not in ("say", "tell", "think", "believe")
    return False


#: Lemmas the small English model gets wrong for event words ("staged" -> "stag").
_LEMMA_FIX = {"stag": "stage", "wag": "wage", "spar": "spare", "bor": "bore"}


def lem(tok: Token) -> str:
    """Lower-case lemma with the model's known slips corrected."""
    lemma = tok.lemma_.lower()
    return _LEMMA_FIX.get(lemma, lemma)


def ents_in(ents: list[Any], starts: list[int], span: Any) -> list[Any]:
    """``span.ents`` from a prebuilt ``doc.ents`` and its start offsets: ``Span.ents`` rebuilds the document's
    entity list on every call, which made per-sentence lookups quadratic in the document."""
    out = []
    for ent in ents[bisect.bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def participle_hosts(t: Token) -> list[Token]:
    """The words whose event an adverbial "-ing" participle without its own subject may report the toll
    of: the verb it hangs on ("stormed" in "stormed the base, killing five"), that verb's event-noun
    subject ("fighting" in "fighting erupted, killing ten") and, for coordinated participles ("killing
    two and wounding ten"), the participles before it."""
    hosts = []
    node = t
    while node.dep_ == "conj" and node.head.tag_ == "VBG":
        node = node.head
        hosts.append(node)
    if node.tag_ != "VBG" or node.dep_ not in ("advcl", "acl", "xcomp"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in (*node.children, *t.children)):
        return []  # "while they were killing": its own clause, not a consequence
    head = node.head
    # ... and the event noun a light verb carries ("carried out air strikes, killing ten")
    return [*hosts, head, *(c for c in head.children if c.dep_ in ("nsubj", "dobj") and head.pos_ in ("VERB", "AUX"))]
