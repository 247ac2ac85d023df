"""Factuality cues and their scope over the dependency tree (ConText-style).

A cue ("may", "planning", "denied", "if", "said") governs the events in its syntactic scope: the
predicate it modifies and the complements below it, never a sibling clause. "Sadrist leaders were
planning mass protests while the strike went on" marks the protests as planned (object of
"planning") but not the strike (a "while" clause hanging off the main verb). ``assess`` walks from an
event's trigger token up to the sentence root, collecting the cues met on the way; the innermost
non-reporting cue decides the label and reporting cues above it make an otherwise asserted event
"reported".

Certainty is the degree to which the text presents the event as having actually happened (or
holding): 1 = asserted fact, ~0.5 = a guess, low for plans and conditions, ~0 for negated events.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import Any

Token = Any  # a spaCy Token (kept untyped: spaCy ships no stubs mypy can use here)

LEXICON_FILE = "factuality_cues.tsv"

# Certainty of an event presented plainly as fact, by the shape of its trigger.
ASSERTED = 0.95


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue words by category, with weights (see scripts/build_factuality_lexicon.py)."""

    table: dict[str, dict[str, float]]

    def get(self, category: str, term: str) -> float | None:
        return self.table.get(category, {}).get(term)

    def has(self, category: str, term: str) -> bool:
        return term in self.table.get(category, {})

    def terms(self, category: str) -> dict[str, float]:
        return self.table.get(category, {})


def load_lexicon(text: str | None = None) -> Lexicon:
    """Read the packaged cue lexicon (or ``text`` in the same TSV format)."""
    if text is None:
        text = importlib_resources.files("frontlines").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")
    table: dict[str, dict[str, float]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        category, term, weight = line.split("\t")
        table.setdefault(category, {})[term] = float(weight)
    return Lexicon(table)


@dataclass(frozen=True, slots=True)
class Cue:
    category: str  # negation | hypothetical | speculative | planned | denial | neg_implicative | report
    word: str
    weight: float
    depth: int  # 0 = on the trigger itself, 1 = its governor...
    token_i: int
    relation: str  # how the trigger's chain reached the cue's governor


@dataclass(frozen=True, slots=True)
class Assessment:
    label: str  # one of records.FACTUALITY_LABELS
    certainty: float
    cues: tuple[Cue, ...]
    report: Cue | None  # the innermost reporting cue above the trigger, if any


_FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
_SPEC_MODALS = {"may", "might", "could", "can"}
_HYPO_MODALS = {"would", "'d"}
_DEONTIC_MODALS = {"should", "must", "ought", "need"}
# Relations through which a governor's lexical meaning reaches the trigger (complements).
_COMPLEMENT = {"xcomp", "ccomp", "dobj", "obj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "nsubjpass",
               "csubj", "csubjpass", "agent", "dative", "advcl", "appos", "compound", "amod"}
# Subordinators that make an adverbial clause a fact of its own (time, cause, contrast).
_FACTUAL_MARKS = {"while", "when", "after", "before", "as", "because", "since", "although", "though",
                  "whereas", "once", "until", "till", "where"}
_CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
_NEG_WORDS = {"not", "n't", "never", "no", "nobody", "none", "nothing", "nowhere", "neither", "nor", "without"}
_SPEC_ADVERBS_EXTRA = {"reportedly": "report", "allegedly": "speculative", "purportedly": "speculative"}


def _modal_cue(word: str, lex: Lexicon, has_perfect: bool, reported_future: bool = False) -> tuple[str, float] | None:
    if word in _HYPO_MODALS:
        # "the army said it would attack": the reported speaker's future, not a condition
        return ("planned", 0.35) if reported_future and not has_perfect else ("hypothetical", 0.3)
    if word in _FUTURE_MODALS:
        return "planned", lex.get("planned", "will") or 0.4
    if word in _SPEC_MODALS:
        if word == "can":
            return None
        return "speculative", (lex.get("speculative", word) or 0.45)
    if word in _DEONTIC_MODALS:
        # "must have been" is an inference about the past; "must go" an obligation
        return ("speculative", 0.65) if has_perfect else ("planned", 0.3)
    return None


def _own_cues(node: Token, lex: Lexicon, depth: int, relation: str) -> list[Cue]:
    """Cues attached directly to ``node``: auxiliaries, negators, hedging adverbs, conditional marks."""
    out: list[Cue] = []
    children = list(node.children)
    has_perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    reported_future = (node.dep_ == "ccomp" and lex.has("report", node.head.lemma_.lower())
                       and not any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in children)
                       and not any(c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") for g in c.children)
                                   for c in children))
    for c in children:
        low = c.lower_
        dep = c.dep_
        if dep == "neg" or (low in _NEG_WORDS and dep in ("advmod", "det", "preconj", "neg")):
            out.append(Cue("negation", low, 0.05, depth, c.i, relation))
        elif dep in ("aux", "auxpass") and c.tag_ == "MD":
            found = _modal_cue(low, lex, has_perfect, reported_future)
            if found:
                out.append(Cue(found[0], low, found[1], depth, c.i, relation))
        elif dep == "mark" and low == "whether":
            out.append(Cue("speculative", low, 0.4, depth, c.i, relation))  # an open question, not a condition
        elif dep == "mark" and low in _CONDITIONAL_MARKS:
            out.append(Cue("hypothetical", low, lex.get("hypothetical", low) or 0.25, depth, c.i, relation))
        elif dep in ("nsubj", "nsubjpass") and (low in ("nobody", "none", "nothing", "noone") or any(
                g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            out.append(Cue("negation", low, 0.05, depth, c.i, relation))  # "No one was killed", "Nobody fired"
        elif dep in ("advmod", "amod") and low in _SPEC_ADVERBS_EXTRA:
            cat = _SPEC_ADVERBS_EXTRA[low]
            out.append(Cue(cat, low, 0.7 if cat == "report" else 0.55, depth, c.i, relation))
        elif dep == "advmod" and c.pos_ == "ADV" and lex.has("speculative", low):
            out.append(Cue("speculative", low, lex.get("speculative", low) or 0.5, depth, c.i, relation))
        elif dep == "prep" and low == "according":
            out.append(Cue("report", "according", lex.get("report", "according") or 0.85, depth, c.i, relation))
        elif dep in ("parataxis", "advcl", "ccomp") and c.lemma_.lower() in lex.terms("report") \
                and c.i > node.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) \
                and not any(g.dep_ in ("dobj", "ccomp") for g in c.children):
            # "The army shelled the town, residents said." (the reporting clause hangs off the content)
            lemma = c.lemma_.lower()
            out.append(Cue("report", lemma, lex.get("report", lemma) or 0.8, depth, c.i, relation))
    if depth == 0 and node.pos_ in ("VERB", "AUX") and node.lower_ in ("going",):
        pass
    return out


def _governor_cue(head: Token, rel: str, node: Token, lex: Lexicon, depth: int) -> Cue | None:
    """The cue a governor's own meaning contributes to a trigger reached through ``rel``."""
    lemma = head.lemma_.lower()
    if rel in ("nsubj", "nsubjpass", "csubj") and head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if rel == "nsubj":
        # only predicates about the subject's reality count ("the attack seems unlikely")
        if head.pos_ == "ADJ" and lex.has("speculative", lemma):
            return Cue("speculative", lemma, lex.get("speculative", lemma) or 0.5, depth, head.i, rel)
        return None
    if rel == "advcl":
        return None  # marks decide adverbial clauses
    if rel in ("ccomp", "xcomp", "dobj", "obj", "pobj", "prep", "pcomp", "acl", "nsubjpass", "attr", "oprd",
               "advcl", "csubjpass", "dative", "appos", "amod", "compound"):
        if lemma == "go" and head.tag_ == "VBG" and rel == "xcomp":
            return Cue("planned", "going to", 0.4, depth, head.i, rel)
        if lex.has("denial", lemma):
            return Cue("denial", lemma, lex.get("denial", lemma) or 0.3, depth, head.i, rel)
        if lex.has("neg_implicative", lemma) and rel in ("xcomp", "dobj", "obj", "pobj", "prep", "pcomp"):
            return Cue("neg_implicative", lemma, lex.get("neg_implicative", lemma) or 0.1, depth, head.i, rel)
        if lex.has("planned", lemma) and rel != "appos" and head.tag_ != "MD":
            if rel in ("xcomp", "dobj", "obj", "pobj", "prep", "pcomp", "acl", "nsubjpass", "ccomp", "compound"):
                return Cue("planned", lemma, lex.get("planned", lemma) or 0.3, depth, head.i, rel)
        if lex.has("speculative", lemma) and head.pos_ in ("VERB", "NOUN", "ADJ", "AUX") \
                and rel in ("ccomp", "xcomp", "acl", "pobj", "prep", "dobj", "attr", "pcomp", "nsubjpass"):
            return Cue("speculative", lemma, lex.get("speculative", lemma) or 0.5, depth, head.i, rel)
        if lex.has("report", lemma) and rel in ("ccomp", "xcomp", "dobj", "acl", "pobj", "prep", "pcomp"):
            return Cue("report", lemma, lex.get("report", lemma) or 0.8, depth, head.i, rel)
        if head.pos_ == "NOUN" and lex.has("attribution_noun", lemma) and rel in ("acl", "ccomp", "pobj", "prep"):
            return Cue("report", lemma, 0.75, depth, head.i, rel)
    return None


def collect_cues(tok: Token, lex: Lexicon) -> list[Cue]:
    """All cues that scope over ``tok``, innermost first (depth order)."""
    cues: list[Cue] = []
    node = tok
    depth = 0
    relation = "self"
    cues += _own_cues(node, lex, depth, relation)
    opaque = False  # once inside a factual adverbial/relative clause only reporting cues pass
    while node.head.i != node.i:
        rel = node.dep_
        head = node.head
        depth += 1
        if rel == "conj":
            # coordinated predicates share the governor's scope; with their own subject they are
            # separate clauses and only inherit what is above the governor
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            if not own_subject and not opaque:
                cues += [c for c in _own_cues(head, lex, depth, rel) if c.category != "negation"]
            node = head
            continue
        if rel in ("relcl",) or (rel == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS
                                                        for c in node.children)):
            opaque = True
        if rel == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and not opaque:
            cues.append(Cue("planned", "to", 0.4, depth, node.i, rel))
        gov = _governor_cue(head, rel, node, lex, depth) if rel in _COMPLEMENT or rel == "nsubj" else None
        if gov is not None and (not opaque or gov.category == "report"):
            cues.append(gov)
        # the governor's own auxiliaries and adverbs scope over its complements but not its subject
        if rel in ("ccomp", "xcomp", "dobj", "obj", "pobj", "prep", "pcomp", "acl", "attr", "oprd",
                   "advcl", "conj") and not opaque:
            for c in _own_cues(head, lex, depth, rel):
                if c.category == "negation" and gov is not None and gov.category == "report":
                    continue  # "did not say that X" does not negate X
                if c.category == "negation" and rel in ("ccomp", "advcl"):
                    continue
                cues.append(c)
        elif opaque:
            cues += [c for c in _own_cues(head, lex, depth, rel) if c.category == "report"]
        else:
            cues += [c for c in _own_cues(head, lex, depth, rel) if c.category == "report"]
        node = head
    return cues


_LABEL_OF = {"negation": "negated", "hypothetical": "hypothetical", "speculative": "speculated",
             "planned": "planned", "denial": "denied", "neg_implicative": "negated", "report": "reported"}


def decide(tok: Token, cues: list[Cue], *, in_quote: bool = False) -> Assessment:
    """Label and certainty from the collected cues."""
    report = next((c for c in cues if c.category == "report"), None)
    modal = [c for c in cues if c.category != "report"]
    if not modal:
        base = ASSERTED
        if tok.pos_ in ("NOUN", "PROPN"):
            base = 0.85
        if report is not None:
            return Assessment("reported", round(min(base, report.weight), 3), tuple(cues), report)
        if in_quote:
            return Assessment("reported", round(base * 0.95, 3), tuple(cues), None)
        return Assessment("asserted", base, tuple(cues), None)
    first = modal[0]
    same_level = [c for c in modal if c.depth == first.depth]
    cats = {c.category for c in same_level}
    ability = {"could", "can", "ca"}
    if "negation" in cats and any(c.word in ability and c.category == "speculative" for c in same_level) \
            and tok.tag_ in ("VB",) and first.depth == 0 and _past_context(tok):
        # "they could not reach the camp": a failed attempt, the event did not happen
        return Assessment("negated", 0.1, tuple(cues), report)
    if "negation" in cats and cats & {"hypothetical", "speculative", "planned"}:
        # "would not", "may not", "will not": the event is not asserted either way
        pick = next(c for c in same_level if c.category != "negation")
        certainty = min(pick.weight, 0.25)
        label = _LABEL_OF[pick.category]
    else:
        order = ("denial", "neg_implicative", "negation", "hypothetical", "speculative", "planned")
        pick = min(same_level, key=lambda c: order.index(c.category))
        label = _LABEL_OF[pick.category]
        certainty = pick.weight
        if label in ("negated",):
            # a negated plan ("did not plan to attack") is as unreal as a negated fact
            certainty = min(certainty, 0.1)
    # outer cues can only lower certainty further (a guess about a plan is no surer than the plan)
    for c in modal[len(same_level):]:
        if c.category in ("speculative", "hypothetical"):
            certainty = min(certainty, max(certainty * 0.8, c.weight * certainty / 0.6))
    if report is not None and label not in ("denied",):
        certainty *= 0.5 + 0.5 * report.weight
    return Assessment(label, round(max(0.0, min(1.0, certainty)), 3), tuple(cues), report)


def _past_context(tok: Token) -> bool:
    """"could" as the past of "can": the modal is past and nothing in the clause points ahead."""
    return any(c.lower_ == "could" for c in tok.children) and not any(
        c.lower_ in ("if", "unless", "soon", "tomorrow") for c in tok.subtree)


def assess(tok: Token, lex: Lexicon, *, in_quote: bool = False) -> Assessment:
    return decide(tok, collect_cues(tok, lex), in_quote=in_quote)
