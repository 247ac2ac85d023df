"""A cheap sentence pre-filter: only sentences that can hold an event get spaCy's full pipeline.

The tagger, parser and entity recogniser cost about 99% of spaCy's time; the tokenizer and a
punctuation sentencizer cost about 1%. A sentence can only yield an event if the event coder's own
lexicon (``coding.lexicon.Lexicon``) can code one of its words, so ``Prefilter`` asks that lexicon:
- a verb with a default event code or an event noun ("attacked", "airstrike") is a cue on its own;
- a verb that codes only in context is a cue when its context is there: a Phoenix pattern of its
  verb block ("made an offer"), a particle with its own code ("called off"), a listed object
  ("lifted the curfew"), or, for statement verbs ("said"), an obligation modal ("said X must go").
Words are recognised in any inflection without a tagger: a word's candidate lemmas come from
spaCy's English lemmatizer exception table plus its suffix rules, memoised per word.

Sentences without a cue keep their tokens and sentence boundaries (every sentence still reaches the
sentence-level stages) but get no tags, lemmas, entities or dependency tree: ``flatten_tree`` gives
each one a flat placeholder tree (the first token is the root, dependency label ``dep``) so that the
joined document keeps the sentence boundaries, and records the sentence in ``doc.spans[UNPARSED]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: doc.spans key listing the sentences that were not parsed (stages may treat them as plain text).
UNPARSED = "frontlines_unparsed"

#: Suffix rules (suffix, replacement) for verbs and nouns: spaCy's English lemmatizer rules, plus the
#: doubled-consonant forms ("shelled", "bombing" are covered; "stopped" -> "stopp" -> "stop").
_RULES: tuple[tuple[str, str], ...] = (
    ("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("ied", "y"),
)
#: Statement-only CAMEO codes (saying, commenting): a sentence whose only cue is "said" holds no event.
_STATEMENT_ONLY = frozenset({"010", "011", "012", "013", "014", "015", "017"})
#: Bound on the per-word memo of candidate lemmas (cleared when full).
_MAX_MEMO = 200_000
#: Obligation modals that make a statement a demand (the coder's rule: "said Turkey must mediate").
_MUST = frozenset({"must", "should", "ought"})


@dataclass
class Prefilter:
    """Decides, from surface words alone, whether a sentence may hold an event.

    ``strong`` lemmas are cues on their own (a verb with a default event code, an event noun).
    ``conditional`` lemmas only code through the coder's lexicon when something else is in the
    sentence: a Phoenix pattern of their verb block ("made" + "offer"), a particle with its own code
    ("called off"), or a listed object ("lifted" + "curfew"); ``lexicon`` (the coder's own
    ``coding.lexicon.Lexicon``) decides those, on the whole sentence, a superset of the verb's clause.
    """

    strong: frozenset[str]
    conditional: frozenset[str] = frozenset()
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # irregular form -> lemmas
    lexicon: Any = None
    particles: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> particles with a code
    objects: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> objects with a code
    statements: frozenset[str] = frozenset()  # "say": an event only as a demand ("said X must go")
    gate: Any = None  # a prefilter_gate.SentenceGate: of the sentences the rule keeps, the ones worth parsing
    _cache: dict[str, tuple[bool, tuple[str, ...]]] = field(default_factory=dict, repr=False)
    _lemmas: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def lemmas(self) -> frozenset[str]:
        return self.strong | self.conditional

    def classify(self, word: str) -> tuple[bool, tuple[str, ...]]:
        """(cue on its own, conditional lemmas it may be) for ``word`` in any case and inflection."""
        hit = self._cache.get(word)
        if hit is None:
            cands = tuple(dict.fromkeys(self.candidates(word.lower())))
            hit = self._cache[word] = (any(c in self.strong for c in cands),
                                       tuple(c for c in cands if c in self.conditional))
        return hit

    def _lemma_set(self, lower: str) -> frozenset[str]:
        """``candidates(lower)`` as a set, memoised (the object check asks it of every later word)."""
        hit = self._lemmas.get(lower)
        if hit is None:
            if len(self._lemmas) > _MAX_MEMO:
                self._lemmas.clear()
            hit = self._lemmas[lower] = frozenset(self.candidates(lower))
        return hit

    def is_cue(self, word: str) -> bool:
        """True when ``word`` can be an event trigger (on its own or with the right context)."""
        strong, conditional = self.classify(word)
        return strong or bool(conditional)

    def candidates(self, lower: str) -> Iterator[str]:
        yield lower
        yield from self.exceptions.get(lower, ())
        for suffix, repl in _RULES:
            if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
                stem = lower[: len(lower) - len(suffix)] + repl
                yield stem
                if not repl and len(stem) > 2 and stem[-1] == stem[-2]:
                    yield stem[:-1]  # stopped -> stopp -> stop

    def wants(self, words: Iterable[str]) -> bool:
        """True when the sentence ``words`` (tokens, in order) must be parsed: it holds a cue
        (``rule``); with a learned ``gate``, it holds a cue or a statement verb (``statement``) and
        the gate gives the coder a fair chance of finding an event in it."""
        words = list(words)
        if self.gate is None:
            return self.rule(words)
        rule = self.rule(words)
        return (rule or self.statement(words)) and self.gate.keep(words, rule)

    def statement(self, words: Iterable[str]) -> bool:
        """True when a statement verb ("said", "told") stands in the sentence. The coder codes a
        statement (CAMEO 010-017) when its speaker and the reported clause's subject are both parties
        ("the ministry said the embassy had raised concerns"), which surface words cannot tell: with a
        ``gate``, such sentences are candidates and the gate decides."""
        words = list(words)
        alpha = [w for w in words if w[:1].isalpha()]
        headline = sum(w[:1].isupper() for w in alpha) * 2 > len(alpha)
        return any(not (i and not headline and w[:1].isupper()) and not self.statements.isdisjoint(self.classify(w)[1])
                   for i, w in enumerate(words))

    def rule(self, words: Iterable[str]) -> bool:
        """True when ``words`` (a sentence, in order) hold a cue the event coder's lexicon can code.

        A capitalised word after the first is a name ("United States", "Islamic State"), not a trigger,
        unless the sentence is a title-case or upper-case headline ("Rebels Seize Airport").
        """
        words = list(words)
        headline: bool | None = None  # worked out at the first capitalised cue word, if any
        lower: list[str] | None = None
        cache = self._cache
        for i, w in enumerate(words):
            hit = cache.get(w)
            strong, conditional = hit if hit is not None else self.classify(w)
            if not (strong or conditional):
                continue  # most words: no cue, whatever their case
            if i and w[:1].isupper():
                if headline is None:
                    alpha = [x for x in words if x[:1].isalpha()]
                    headline = sum(x[:1].isupper() for x in alpha) * 2 > len(alpha)
                if not headline:
                    continue
            if strong:
                return True
            lower = lower if lower is not None else [x.lower() for x in words]
            if any(self._in_context(lemma, lower, i) for lemma in conditional):
                return True
        return False

    def _in_context(self, lemma: str, words: list[str], i: int) -> bool:
        if lemma in self.statements and not _MUST.isdisjoint(words[i + 1:]):
            return True
        if self.particles.get(lemma) and not self.particles[lemma].isdisjoint(words[i + 1:i + 4]):
            return True
        objects = self.objects.get(lemma)
        if objects and any(not objects.isdisjoint(self._lemma_set(w)) for w in words[i + 1:]):
            return True
        lex = self.lexicon
        block = lex.block_of.get(lemma) if lex is not None else None
        if block is None or not lex.patterns.get(block):
            return False
        code = lex._match_patterns(block, words, i)
        return code is not None and code[:3] not in _STATEMENT_ONLY


def _coded(code: str | None) -> bool:
    return bool(code) and str(code)[:3] not in _STATEMENT_ONLY


def lexicon_cues(lexicon: Any) -> dict[str, Any]:
    """Strong and conditional cue lemmas (and their particles and objects) from the coder's Lexicon."""
    strong: set[str] = set(lexicon.nouns)
    statements = {lemma for (lemma, particle), code in lexicon.verbs.items()
                  if not particle and code and str(code)[:3] in _STATEMENT_ONLY}
    conditional: set[str] = set(statements)
    particles: dict[str, set[str]] = {}
    for (lemma, particle), code in lexicon.verbs.items():
        if not particle and _coded(code):
            strong.add(lemma)
        elif particle and _coded(code):
            particles.setdefault(lemma, set()).add(particle)
    objects: dict[str, set[str]] = {}
    for (verb, obj), code in lexicon.verb_objects.items():
        if _coded(code):
            objects.setdefault(verb, set()).add(obj)
    for lemma, block in lexicon.block_of.items():
        if lemma not in strong and lexicon.patterns.get(block):
            conditional.add(lemma)
    conditional |= (set(particles) | set(objects)) - strong
    # hyphenated and multi-word entries ("air-strike", "cease-fire"): a part word is enough to be safe
    parts = {p for lemma in strong for p in lemma.replace("-", " ").split() if len(p) > 2} - strong
    return {"strong": frozenset(strong | parts), "conditional": frozenset(conditional),
            "particles": {k: frozenset(v) for k, v in particles.items()},
            "objects": {k: frozenset(v) for k, v in objects.items()}, "statements": frozenset(statements)}


def build_prefilter(nlp: Any = None, data_dir: Path | None = None, *, gate: bool = True) -> Prefilter:
    """A Prefilter over the event coder's lexicon; irregular forms come from ``nlp``'s lemmatizer tables.
    ``gate``: also skip the cue sentences the learned gate (``prefilter_gate.py``) scores as event-free."""
    from .coding.lexicon import Lexicon  # noqa: PLC0415 - only when a prefilter is built

    lexicon = Lexicon(data_dir) if data_dir is not None else Lexicon()
    exceptions: dict[str, tuple[str, ...]] = {}
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos in ("verb", "noun"):
            for form, lemmas in table[pos].items():
                exceptions[form] = tuple(dict.fromkeys((*exceptions.get(form, ()), *lemmas)))
    except (AttributeError, KeyError, ValueError):
        pass  # no rule lemmatizer: regular inflections only
    cues = lexicon_cues(lexicon)
    dead = _unreachable_verbs(nlp, lexicon)
    cues["strong"] = cues["strong"] - dead
    pre = Prefilter(exceptions=exceptions, lexicon=lexicon, **cues)
    if gate:
        from .prefilter_gate import SentenceGate  # noqa: PLC0415

        pre.gate = SentenceGate.load(pre)
    return pre


def _unreachable_verbs(nlp: Any, lexicon: Any) -> frozenset[str]:
    """Verb entries written as inflected forms ("took", "went", "going") that the coder never looks up:
    it codes a verb by its spaCy lemma, and spaCy's lemmatizer turns an inflected verb into its base
    ("take", "go"). Such a word is no cue (its base form, when coded, still is, through ``candidates``)."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        exc = lookups.get_table("lemma_exc")["verb"]
        index = set(lookups.get_table("lemma_index")["verb"])
        rules = lookups.get_table("lemma_rules")["verb"]
    except (AttributeError, KeyError, ValueError):
        return frozenset()
    nouns = set(lexicon.nouns)
    dead = set()
    for (lemma, particle), code in lexicon.verbs.items():
        if particle or not _coded(code) or lemma in nouns or lemma in index or " " in lemma or "-" in lemma:
            continue
        if lemma in exc:
            bases = set(exc[lemma])
        else:  # the lemmatizer's suffix rules, kept only where they reach a known verb (as spaCy does)
            bases = {lemma[: len(lemma) - len(old)] + new for old, new in rules if lemma.endswith(old)} & index
        if bases and lemma not in bases:
            dead.add(lemma)
    return frozenset(dead)


def flatten_tree(doc: Any) -> Any:
    """Give every sentence of an unparsed ``doc`` a flat placeholder tree so that joined documents
    keep its sentence boundaries, and list its sentences under ``doc.spans[UNPARSED]``."""
    import numpy  # noqa: PLC0415
    from spacy.attrs import DEP, HEAD  # noqa: PLC0415

    sents = list(doc.sents)
    n = len(doc)
    heads = numpy.zeros(n, dtype="int64")
    deps = numpy.full(n, doc.vocab.strings.add("dep"), dtype="uint64")
    root = doc.vocab.strings.add("ROOT")
    for sent in sents:
        heads[sent.start:sent.end] = sent.start - numpy.arange(sent.start, sent.end)
        deps[sent.start] = root
    arr = numpy.stack([heads.view("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], arr)
    doc.spans[UNPARSED] = [doc[s.start:s.end] for s in sents]
    return doc
