"""Small linear models over lexical + dependency features, stored as JSON weight tables.

Two models back the factuality stage (trained by ``scripts/train_factuality.py`` on the training
splits only, no torch):
- ``event``: ridge regression from an event trigger's features to a factuality score in [-3, +3]
  (UDS-IH2 scale: +3 happened, -3 did not), turned into certainty = (score + 3) / 6.
- ``hedge``: logistic regression from a sentence's features to P(uncertain) (CoNLL-2010 weasel/hedge):
  lemma uni/bigrams, cue-lexicon hits by category and term, and where the cues sit in the parse
  ("some + NOUN" subject, passive "is believed", "it is said"), word forms, and Wikipedia-weasel
  structure (v3: vague-group subjects, "a number of", agentless opinion passives, frequency adverbs,
  superlatives; a named opinion holder or an inline citation against); NBSVM-style feature scaling
  is folded into the stored weights.

The rule cues (``cues.py``) are features too, so the models refine the rules rather than replace them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources as importlib_resources
from itertools import repeat
from operator import mul
from typing import Any

from .cues import Assessment, Lexicon
from .stages.docarrays import TokenTable

Token = Any
Span = Any

_QUANT_WEASELS = {"some", "many", "several", "various", "most", "few", "numerous", "certain", "countless",
                  "critics", "experts", "observers", "others", "scholars", "historians", "people", "analysts"}


@dataclass(frozen=True, slots=True)
class LinearModel:
    """``bias + sum(weight[f] * value)`` over named features; ``link`` is identity or logistic."""

    weights: dict[str, float]
    bias: float
    link: str = "identity"
    threshold: float = 0.5
    meta: dict[str, Any] | None = None

    def score(self, features: dict[str, float]) -> float:
        # the products in feature order, summed left to right (as a list comprehension would)
        z = self.bias + sum(map(mul, map(self.weights.get, features, repeat(0.0)), features.values()))
        if self.link == "logistic":
            return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return z

    def to_json(self) -> dict[str, Any]:
        return {"link": self.link, "bias": self.bias, "threshold": self.threshold, "meta": self.meta or {},
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-5}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(weights={k: float(v) for k, v in data["weights"].items()}, bias=float(data["bias"]),
                   link=data.get("link", "identity"), threshold=float(data.get("threshold", 0.5)),
                   meta=data.get("meta"))


def load_model(name: str) -> LinearModel | None:
    """A packaged model file ``data/<name>.json``, or None when it has not been trained/shipped."""
    path = importlib_resources.files("frontlines").joinpath("data", f"{name}.json")
    try:
        return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def sentence_flags(sent: Span) -> tuple[bool, bool]:
    """Whether a sentence is a question and whether it holds a condition ("if", "unless")."""
    return sent.text.rstrip().endswith("?"), any(t.lower_ in ("if", "unless") for t in sent)


def event_features(tok: Token, assessment: Assessment, *, in_quote: bool = False,
                   flags: tuple[bool, bool] | None = None, table: TokenTable | None = None) -> dict[str, float]:
    """Features of an event trigger for the certainty regression. ``flags``: ``sentence_flags`` of
    the trigger's sentence, from callers that see many triggers per sentence; ``table``: the
    ``TokenTable`` of its document, from callers that featurize several of its tokens (its strings
    must cover the trigger)."""
    if table is None:
        table = TokenTable(tok.doc)
    f: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        f[name] = f.get(name, 0.0) + value

    i = tok.i
    low_of, lem_of, tag_of, dep_of, pos_of, head_of = (table.low, table.lem, table.tag, table.dep, table.pos,
                                                       table.head)
    pos, tag, dep = pos_of[i], tag_of[i], dep_of[i]
    add(f"label={assessment.label}")
    add("rule_certainty", assessment.certainty)
    for cue in assessment.cues[:6]:
        near = "0" if cue.depth == 0 else ("1" if cue.depth == 1 else "2+")
        add(f"cue={cue.category}@{near}")
        add(f"cueword={cue.word}")
        add(f"cue={cue.category}/{cue.relation}")
    add(f"pos={pos}")
    add(f"tag={tag}")
    add(f"dep={dep}")
    add(f"lemma={lem_of[i]}")
    tense, form = table.morph(i, "Tense"), table.morph(i, "VerbForm")
    add(f"tense={tense[0] if tense else '-'}|{form[0] if form else '-'}")
    h = head_of[i]
    add(f"head={lem_of[h]}/{dep}")
    add(f"headpos={pos_of[h]}/{dep}")
    if h != i:
        add(f"gp={lem_of[head_of[h]]}/{dep_of[h]}")
        add(f"path={dep}>{dep_of[h]}")
    kids = table.children(i)
    for c in kids:
        cdep = dep_of[c]
        if cdep in ("aux", "auxpass", "neg", "mark", "advmod", "det", "prt", "case"):
            add(f"child={cdep}:{low_of[c]}")
        add(f"childdep={cdep}")
        if cdep in ("nsubj", "nsubjpass"):
            add(f"subj={low_of[c] if pos_of[c] == 'PRON' else pos_of[c]}")
    if not any(dep_of[c] in ("nsubj", "nsubjpass", "expl") for c in kids) and pos == "VERB":
        add("nosubj")
        if tag == "VB" and dep == "ROOT":
            add("imperative")
    question, conditional = flags if flags is not None else sentence_flags(tok.sent)
    if question:
        add("question")
    if conditional:
        add("sent_if")
    if in_quote:
        add("in_quote")
    add("depth", min(table.depth(i), 6) / 6.0)
    return f


@dataclass(frozen=True, slots=True)
class CueIndex:
    """The cue lexicon arranged for one pass over a sentence's tokens, built once (the stage's
    constructor) instead of testing each of its ~1,300 terms as a substring of every sentence.

    ``found`` gives exactly the terms ``t`` with ``f" {t} " in " " + " ".join(words) + " "``: while no
    word is empty or holds a space, that test is "one word equals t" or "a run of words equals t's
    words"; other sentences (and odd terms) take the substring test itself."""

    words: frozenset[str]  # one-word terms of any category
    phrases: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # first word -> (term, its words)
    odd: tuple[str, ...]  # terms that are neither (empty, doubled or edge spaces): always substrings
    everything: tuple[str, ...]
    multiword: dict[str, tuple[str, ...]]  # category -> its terms holding a space, in lexicon order
    cats_of: dict[str, tuple[str, ...]]  # term -> the _CUE_CATEGORIES holding it
    multiword_at: dict[str, dict[str, int]]  # category -> its multiword term -> its place in ``multiword``

    @classmethod
    def build(cls, lex: Lexicon) -> CueIndex:
        words: set[str] = set()
        phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        odd: list[str] = []
        everything: dict[str, None] = {}
        for terms in lex.table.values():
            for term in terms:
                if term in everything:
                    continue
                everything[term] = None
                parts = tuple(term.split(" "))
                if not term or not all(parts):
                    odd.append(term)
                elif len(parts) == 1:
                    words.add(term)
                else:
                    phrases.setdefault(parts[0], []).append((term, parts))
        multiword = {cat: tuple(t for t in terms if " " in t) for cat, terms in lex.table.items()}
        cats_of: dict[str, list[str]] = {}
        for cat in _CUE_CATEGORIES:
            for term in lex.terms(cat):
                cats_of.setdefault(term, []).append(cat)
        return cls(frozenset(words), {k: tuple(v) for k, v in phrases.items()}, tuple(odd), tuple(everything),
                   multiword, {t: tuple(c) for t, c in cats_of.items()},
                   {cat: {t: i for i, t in enumerate(ts)} for cat, ts in multiword.items()})

    def found(self, seq: list[str]) -> set[str]:
        if "" in seq or " " in "".join(seq):  # some word is empty or holds a space
            text = " " + " ".join(seq) + " "
            return {t for t in self.everything if f" {t} " in text}
        out = set(self.words.intersection(seq))
        if self.odd:
            text = " " + " ".join(seq) + " "
            out |= {t for t in self.odd if f" {t} " in text}
        starts = self.phrases.keys() & seq  # (most sentences start no phrase)
        if starts:
            n = len(seq)
            for i, w in enumerate(seq):
                if w in starts:
                    for term, parts in self.phrases[w]:
                        k = len(parts)
                        if i + k <= n and tuple(seq[i:i + k]) == parts:
                            out.add(term)
        return out


def sentence_features(span: Span, lex: Lexicon, root_assessment: Assessment | None = None, *,
                      index: CueIndex | None = None, table: TokenTable | None = None) -> dict[str, float]:
    """Features of a sentence for the hedge (uncertainty) classifier. ``index``: ``CueIndex.build(lex)``,
    passed in by callers that featurize many sentences (built here otherwise); ``table``: the
    ``TokenTable`` of the span's document, from callers that featurize several of its sentences."""
    if index is None:
        index = CueIndex.build(lex)
    if table is None:
        table = TokenTable(span.doc)
    f: dict[str, float] = {}
    get = f.get

    def add(name: str, value: float = 1.0) -> None:
        f[name] = get(name, 0.0) + value

    # the span's tokens that are not whitespace, by index into the table's lists
    toks = table.sentence(span.start, span.end)
    low_of, lem_of, tag_of, dep_of, head_of, kids_of = (table.low, table.lem, table.tag, table.dep, table.head,
                                                        table.children)
    lows = [low_of[i] for i in toks]
    lemmas = [lem_of[i] for i in toks]
    punct = table.punct
    last = len(lemmas) - 1
    for k, lem in enumerate(lemmas):
        if punct[toks[k]]:
            continue
        name = f"w={lem}"
        f[name] = get(name, 0.0) + 1.0
        if k < last:
            name = f"b={lem}_{lemmas[k + 1]}"
            f[name] = get(name, 0.0) + 1.0
    found_low = index.found(lows)
    for cat in ("hedge", "weasel", "booster"):
        terms = lex.terms(cat)
        n = sum(1 for term in found_low if term in terms)
        if n:
            add(f"lex_{cat}", min(n, 3))
    speculative, report = lex.terms("speculative"), lex.terms("report")  # lex.has(cat, w) is w in lex.terms(cat)
    pos_of = table.pos
    for i, low, lem in zip(toks, lows, lemmas, strict=True):
        tag, dep = tag_of[i], dep_of[i]
        if lem in speculative:
            add("lex_spec")
        if tag in ("JJS", "RBS"):
            add("superlative")
        if tag == "MD":
            add(f"modal={low}")
        if dep in ("det", "amod", "nsubj", "nsubjpass") and low in _QUANT_WEASELS and dep_of[head_of[i]] in (
                "nsubj", "nsubjpass", "ROOT"):
            add("vague_subject")
            add(f"vague_subject={low}")
        if dep == "auxpass":
            hlem = lem_of[head_of[i]]
            if hlem in report or hlem in speculative:
                add("passive_report")  # "is said", "is believed", "was considered"
        if dep == "nsubj" and pos_of[i] == "NOUN" and lem_of[head_of[i]] in report and not any(
                dep_of[c] in ("det", "poss", "compound") and low_of[c] not in _QUANT_WEASELS for c in kids_of(i)):
            add("bare_plural_reporter")  # "critics say", "scholars argue"
    if root_assessment is not None:
        add(f"root_label={root_assessment.label}")
        for cue in root_assessment.cues[:4]:
            add(f"root_cue={cue.category}")
    add("len", min(len(toks), 60) / 60.0)
    _lexicon_features(lows, lemmas, found_low, lex, index, add)
    _dependency_features(table, toks, lows, lemmas, lex, add)
    _weasel_features(table, toks, lows, lemmas, add)
    return f


# Lexicon categories whose hits (by category and by term) the hedge classifier sees: a category
# count generalises to cue words the training sentences never used.
_CUE_CATEGORIES = ("hedge", "weasel", "booster", "speculative", "report", "attribution_noun", "planned",
                   "hypothetical", "negation")
# Vague quantifiers and frequency adverbs, the commonest Wikipedia weasels ("some historians", "often").
_VAGUE_WORDS = frozenset({"some", "many", "several", "various", "most", "few", "numerous", "certain", "countless",
                          "much", "often", "sometimes", "usually", "generally", "widely", "commonly", "frequently",
                          "occasionally", "typically"})


def _lexicon_features(lows: list[str], lemmas: list[str], found_low: set[str], lex: Lexicon, index: CueIndex,
                      add: Any) -> None:
    """Cue-lexicon hits: words and multiword terms, matched on word forms or lemmas."""
    # each distinct word once, in first-occurrence order: a set's order varies with PYTHONHASHSEED, and
    # LinearModel.score sums in feature order (the last bits of a probability would vary with it)
    words = dict.fromkeys([*lows, *lemmas])
    found_lem = index.found(lemmas)
    # each category's one-word hits in ``words`` order, its multiword hits in lexicon order (as if every
    # category's terms were tested against every word and every multiword term against the found sets)
    one: dict[str, list[str]] = {}
    for word in words:
        for cat in index.cats_of.get(word, ()):
            one.setdefault(cat, []).append(word)
    found = found_low | found_lem
    for cat in _CUE_CATEGORIES:
        # one-word terms by lookup, multiword ones ("it is believed") as phrases
        hits = one.get(cat, [])
        at = index.multiword_at.get(cat)
        if at:
            multiword = index.multiword[cat]
            hits += [multiword[i] for i in sorted(at[t] for t in found if t in at)]
        n = len(hits)
        for term in hits:
            add(f"lxt={cat}:{term}")
        if n:
            add(f"lx={cat}", min(n, 3))
            add(f"lxany={cat}")
    modality = lex.terms("modality")  # lex.get(cat, w) is lex.terms(cat).get(w)
    for low, lem in zip(lows, lemmas, strict=True):
        w = modality.get(low)
        if w is None:
            w = modality.get(lem)
        if w is not None:  # Pattern's epistemic weight: +1 certain ... -1 impossible
            add("mod_w", w)
            add("mod_neg" if w < 0.5 else "mod_pos")


def _dependency_features(table: TokenTable, toks: list[int], lows: list[str], lemmas: list[str], lex: Lexicon,
                         add: Any) -> None:
    """Where the cue words sit in the parse: "some + NOUN" as a subject, passive "is believed",
    "it is said", a bare plural subject of a reporting verb, modals and adverbs on the root."""
    weasel, hedge = lex.terms("weasel"), lex.terms("hedge")  # lex.has(cat, w) is w in lex.terms(cat)
    report, speculative = lex.terms("report"), lex.terms("speculative")
    low_of, lem_of, tag_of, dep_of, pos_of, head_of, kids_of = (table.low, table.lem, table.tag, table.dep,
                                                                table.pos, table.head, table.children)
    for t, low, lem in zip(toks, lows, lemmas, strict=True):
        h = head_of[t]
        dep, tag = dep_of[t], tag_of[t]
        if low in _VAGUE_WORDS or low in weasel or low in hedge or lem in hedge:
            add(f"cd={lem}>{dep}")
            add(f"cdh={lem}>{dep}>{dep_of[h]}")
            if dep in ("det", "amod", "advmod", "nummod"):
                add(f"cdhead={lem}>{pos_of[h]}>{dep_of[h]}")
        hlem = lem_of[h]
        cue_head = hlem in report or hlem in speculative
        if dep == "auxpass":
            add(f"pass={hlem}")
            if cue_head:
                add("pass_report_spec")
                if any(dep_of[c] in ("xcomp", "ccomp") for c in kids_of(h)):
                    add("pass_report_comp")  # "is believed to have", "it was said that"
        if dep in ("nsubj", "nsubjpass"):
            kind = "pron:" + low if pos_of[t] == "PRON" else tag
            dets = [low_of[c] for c in kids_of(t) if dep_of[c] in ("det", "amod", "nummod", "poss")]
            if not dets and tag == "NNS":
                kind = "bareNNS"
            add(f"subj={kind}>{hlem if cue_head else pos_of[h]}")
            for d in dets:
                if d in _VAGUE_WORDS:
                    add(f"subjq={d}")
        if dep == "expl" or (low == "it" and dep in ("nsubj", "nsubjpass")):
            add(f"it>{hlem}")
        if dep == "advmod" and dep_of[h] == "ROOT":
            add(f"advroot={lem}")
        if tag in ("JJS", "RBS", "JJR", "RBR"):
            add(f"cmp={tag}")
        if tag == "MD":
            add(f"md={low}>{tag_of[h]}")
        if dep == "ROOT":
            add(f"root={lem}")
            add(f"roottag={tag}")
    add(f"len={min(len(toks) // 10, 6)}")


# Wikipedia-style weasels (v3 features). Nouns naming a vague group of people ("some critics", "many
# experts", "others say").
_VAGUE_PEOPLE = frozenset({
    "people", "critics", "experts", "observers", "others", "scholars", "historians", "analysts", "commentators",
    "researchers", "scientists", "fans", "writers", "authors", "sources", "supporters", "opponents", "proponents",
    "detractors", "skeptics", "sceptics", "economists", "academics", "theorists", "believers", "members", "users",
    "residents", "locals", "musicians", "reviewers", "journalists", "activists", "officials", "politicians",
    "doctors", "linguists", "editors", "players", "some", "many", "most", "several", "few", "they", "someone",
    "somebody"})
_VAGUE_DETS = frozenset({"some", "many", "several", "various", "most", "few", "numerous", "certain", "countless",
                         "other", "much", "multiple"})
# heads of vague quantity phrases: "a (wide) variety of", "a number of", "the majority of"
_VAGUE_OF = frozenset({
    "variety", "number", "range", "majority", "lot", "lots", "amount", "deal", "host", "handful", "plethora",
    "array", "multitude", "myriad", "plenty", "bulk", "vast", "dozens", "hundreds", "thousands", "millions",
    "abundance", "wealth", "series", "kind", "kinds", "sort", "sorts"})
# frequency, evidential and degree adverbs ("often called", "widely regarded", "reportedly", "fairly")
_VAGUE_ADVERBS = frozenset({
    "often", "sometimes", "usually", "generally", "widely", "commonly", "frequently", "occasionally", "typically",
    "largely", "mostly", "mainly", "primarily", "traditionally", "popularly", "normally", "reportedly", "allegedly",
    "supposedly", "arguably", "possibly", "probably", "likely", "apparently", "seemingly", "purportedly",
    "presumably", "perhaps", "broadly", "considerably", "relatively", "fairly", "somewhat", "rather", "quite",
    "highly", "extremely"})
# predicates that, passive and without an agent, report an unnamed opinion ("is considered", "has been called")
_OPINION_VERBS = frozenset({
    "consider", "regard", "believe", "think", "say", "claim", "call", "describe", "see", "view", "know", "suggest",
    "argue", "rumor", "rumour", "report", "allege", "suppose", "presume", "assume", "credit", "deem", "hail",
    "acclaim", "recognize", "recognise", "dub", "label", "rate", "rank", "praise", "criticize", "criticise", "accept",
    "hold", "expect", "estimate", "speculate", "attribute", "cite", "acknowledge", "portray", "perceive",
    "characterize", "characterise", "hypothesize", "theorize", "feel", "fear", "doubt", "question", "note",
    "mention", "state", "propose", "hope"})
# evaluative adjectives (Wikipedia "peacock" terms)
_PEACOCK = frozenset({
    "famous", "legendary", "notable", "renowned", "prominent", "popular", "important", "significant", "major",
    "great", "greatest", "best", "leading", "influential", "acclaimed", "celebrated", "iconic", "remarkable",
    "outstanding", "well-known", "widespread", "controversial", "unique", "considerable", "substantial", "extensive",
    "massive", "huge", "large", "numerous", "various", "common", "rare", "unusual", "typical", "successful",
    "critical", "key", "primary", "main"})
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _weasel_features(table: TokenTable, toks: list[int], lows: list[str], lemmas: list[str], add: Any) -> None:
    """Unattributed claims as Wikipedia editors tag them: a vague group as subject ("some critics
    argue"), a vague quantity ("a number of"), an opinion verb in the passive without an agent ("is
    widely regarded", "it is believed"), frequency adverbs, superlatives ("one of the most"),
    evaluative adjectives; a named source of an opinion verb and an inline citation count against.
    Word forms are features too, beside the lemmas (``w=``): "claimed" and "claims" hedge differently."""
    n = len(toks)
    named_source = False
    low_of, lem_of, tag_of, dep_of, pos_of, head_of, kids_of = (
        table.low, table.lem, table.tag, table.dep, table.pos, table.head, table.children)
    strings, lemma_of = table.strings, table.lemma_ids  # (Token.lemma_ is strings[lemma_of[i]])
    for w in dict.fromkeys(lows):  # (first-occurrence order, not a set's: see _lexicon_features)
        add(f"f={w}")
    for i, (t, low, lem) in enumerate(zip(toks, lows, lemmas, strict=True)):
        # cheap tests on the token first: the tree is walked only around the few candidate words
        dep = dep_of[t]
        tag = tag_of[t]
        if lem in _VAGUE_OF or low in _VAGUE_DETS:
            if any(dep_of[c] == "prep" and low_of[c] == "of" for c in kids_of(t)):
                if lem in _VAGUE_OF:
                    add("vague_of")
                    add(f"vague_of={lem}")
                if low in _VAGUE_DETS:
                    add("quant_of")  # "some of the ..."
        if dep in ("nsubj", "nsubjpass"):
            h = head_of[t]
            kids = kids_of(t)
            mods = {low_of[c] for c in kids if dep_of[c] in ("det", "amod", "nummod", "advmod")}
            vague = (low in _VAGUE_DETS and not any(dep_of[c] == "prep" for c in kids)) or bool(mods & _VAGUE_DETS)
            people = low in _VAGUE_PEOPLE or lem in _VAGUE_PEOPLE
            if vague:
                add("subj_vague")
                add(f"subj_vague>{pos_of[h]}")
                if people:
                    add("subj_vague_people")
                if dep_of[h] == "ROOT":
                    add("subj_vague_main")
            elif people and tag == "NNS" and not mods:
                add("subj_bare_people")
            if (strings[table.ent_ids[t]] in _NAMED or pos_of[t] == "PROPN") and lem_of[h] in _OPINION_VERBS:
                named_source = True
        elif dep == "auxpass":
            h = head_of[t]
            hlem = lem_of[h]
            if hlem in _OPINION_VERBS:
                agent = any(dep_of[c] == "agent" for c in kids_of(h))
                add("pass_op_agent" if agent else "pass_op_noagent")
                add(f"pass_op={hlem}|{'ag' if agent else 'na'}|{'main' if dep_of[h] == 'ROOT' else 'emb'}")
                if any(dep_of[c] in ("expl", "nsubjpass") and low_of[c] == "it" for c in kids_of(h)):
                    add("it_is_op")  # "it is believed that"
        elif dep == "advmod":
            if low in _VAGUE_ADVERBS:
                h = head_of[t]
                where = "main" if dep_of[h] == "ROOT" else "emb"
                add(f"freq@{where}")
                add(f"freq={low}@{where}")
                if tag_of[h] == "VBN":
                    add("freq_vbn")  # "widely regarded", "often called"
            if tag in ("JJS", "RBS") and not any(
                    low_of[c] in ("the", "its", "his", "her", "their") for c in kids_of(head_of[t])):
                add("sup_adv")
        elif dep == "expl" and strings[lemma_of[head_of[t]]] == "be":
            for c in kids_of(head_of[t]):
                if dep_of[c] in ("attr", "nsubj"):
                    add(f"there_be={lem_of[c]}")  # "there are those who", "there is evidence"
        if tag == "VBN" and lem in _OPINION_VERBS and dep in ("acl", "amod", "advcl", "xcomp", "conj"):
            add("vbn_op_agent" if any(dep_of[c] == "agent" for c in kids_of(t)) else "vbn_op_noagent")  # "then considered"
        elif tag == "MD":
            h = head_of[t]
            add(f"md@{'main' if dep_of[h] == 'ROOT' else 'emb'}")
            if any(dep_of[c] == "aux" and strings[lemma_of[c]] == "have" for c in kids_of(h)):
                add("md_have")
        if lem in _PEACOCK and pos_of[t] == "ADJ":
            add("peacock")
            add(f"peacock@{dep}")
        if low == "one":
            if i + 3 < n and lows[i + 1] == "of" and lows[i + 2] == "the" and tag_of[toks[i + 3]] in ("RBS", "JJS"):
                add("one_of_the_most")
        elif low == "according":
            if i + 2 < n and lows[i + 1] == "to" and (lows[i + 2] in _VAGUE_DETS or lows[i + 2] in _VAGUE_PEOPLE):
                add("according_vague")
        elif low == "so-called" or (low == "so" and i + 2 < n and lows[i + 1] == "-" and lows[i + 2] == "called"):
            add("so_called")
    if named_source:
        add("named_source")
    num = table.num
    for a in range(n - 2):  # an inline citation "(Smith, 1999)" sources the sentence
        if lows[a] in ("-lrb-", "(") and pos_of[toks[a + 1]] == "PROPN" and any(num[x] for x in toks[a + 1:a + 6]):
            add("paren_cite")
            break


def vectorize(rows: Iterable[dict[str, float]], vocab: dict[str, int]) -> Any:
    """Sparse matrix for training (scikit-learn is only needed by the training script)."""
    from scipy.sparse import csr_matrix  # noqa: PLC0415

    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        for name, value in row.items():
            j = vocab.get(name)
            if j is not None:
                indices.append(j)
                data.append(value)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(vocab)))
