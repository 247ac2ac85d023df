"""A cheap sentence pre-filter: only sentences that can hold an event get spaCy's full pipeline.

The tagger, parser and entity recogniser cost about 99% of spaCy's time; the tokenizer and a
punctuation sentencizer cost about 1%. A sentence can only yield an event if it contains a word the
event coder could code: a verb of the CAMEO verb lexicon (statement-only verbs such as "say" excluded)
or an event noun ("airstrike", "ceasefire"). ``Prefilter`` recognises those words in any inflected
form without a tagger: a word's candidate lemmas come from spaCy's own English lemmatizer exception
table plus its suffix rules, and a word is a cue when one candidate is a lexicon lemma. The check
is memoised per lower-cased word, so it costs a dict look-up per token.

Sentences without a cue keep their tokens and sentence boundaries (every sentence still reaches the
sentence-level stages) but get no tags, lemmas, entities or dependency tree: ``light_doc`` gives
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


@dataclass
class Prefilter:
    """Decides, from surface words alone, whether a sentence may hold an event."""

    lemmas: frozenset[str]  # lexicon lemmas (lower case) that make a word a cue
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # irregular form -> lemmas
    _cache: dict[str, bool] = field(default_factory=dict, repr=False)

    def is_cue(self, word: str) -> bool:
        """True when ``word`` (any case, any inflection) can be an event trigger."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = any(c in self.lemmas for c in self.candidates(word.lower()))
        return hit

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
        """True when any of ``words`` (a sentence, in order) is a cue: the sentence must be parsed.

        A capitalised word after the first is a name ("United States", "Islamic State"), not a trigger,
        unless the sentence is a title-case or upper-case headline ("Rebels Seize Airport").
        """
        words = list(words)
        alpha = [w for w in words if w[:1].isalpha()]
        headline = sum(w[:1].isupper() for w in alpha) * 2 > len(alpha)
        for i, w in enumerate(words):
            if i and not headline and w[:1].isupper():
                continue
            if self.is_cue(w):
                return True
        return False


def lexicon_lemmas(data_dir: Path | None = None) -> frozenset[str]:
    """The cue lemmas: every codable verb (patterns included) and every event noun of the coder's lexicon."""
    from .coding import DATA_DIR, read_tsv  # noqa: PLC0415 - only when a prefilter is built

    data_dir = data_dir or DATA_DIR
    lemmas: set[str] = set()
    blocked: set[str] = set()
    for row in read_tsv(data_dir / "verb_overrides.tsv"):
        lemma, particle, code = (row + ["", "", ""])[:3]
        if code == "-" and not particle:
            blocked.add(lemma)
        elif code not in _STATEMENT_ONLY:
            lemmas.add(lemma)
    pattern_blocks = {row[0] for row in read_tsv(data_dir / "verb_patterns.tsv") if row}
    for row in read_tsv(data_dir / "verbs.tsv"):
        lemma, _particle, code, block = (row + ["", "", "", ""])[:4]
        if lemma in blocked:
            continue
        if code in _STATEMENT_ONLY:
            continue  # "said": its Phoenix patterns code another verb of the sentence, itself a cue
        if code or (block or lemma) in pattern_blocks:
            lemmas.add(lemma)
    for row in read_tsv(data_dir / "nominal_events.tsv"):
        if row and row[0]:
            lemmas.add(row[0])
    # hyphenated and multi-word lexicon entries: any part word is enough to be safe
    parts = {p for lemma in lemmas for p in lemma.replace("-", " ").split() if len(p) > 2}
    return frozenset(lemmas | parts)


def build_prefilter(nlp: Any = None, data_dir: Path | None = None) -> Prefilter:
    """A Prefilter over the coder's lexicon; irregular forms come from ``nlp``'s lemmatizer tables if it has one."""
    exceptions: dict[str, tuple[str, ...]] = {}
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos in ("verb", "noun"):
            for form, lemmas in table[pos].items():
                exceptions[form] = tuple(dict.fromkeys((*exceptions.get(form, ()), *lemmas)))
    except (AttributeError, KeyError, ValueError):
        pass  # no rule lemmatizer: regular inflections only
    return Prefilter(lemmas=lexicon_lemmas(data_dir), exceptions=exceptions)


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
