"""Event-word lexicons: verbs with CAMEO codes and Phoenix patterns, and event nouns.

The Phoenix verb dictionary groups verbs into blocks (synonym sets) that share a default code and a
list of patterns ("* TO PULL OUT &MILITARY FROM +"). A pattern's literal words must occur in order
around the verb within a small window; the longest matching pattern wins, else the default code.
Words without a trailing ``_`` match as prefixes (Phoenix stems), ``&NAME`` matches a synset member.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import DATA_DIR, read_tsv

#: How far (in tokens) a pattern word may be from the previous matched word.
_GAP = 6
#: Bound on the entries of _match_patterns' memo (block -> word -> its patterns); a full memo is cleared.
_MAX_MEMO = 200_000
#: Verbs that carry no event themselves: their object noun does ("launched an offensive").
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "hold", "mount", "begin", "start", "continue",
                         "wage", "resume", "step", "intensify", "escalate", "unleash", "undertake", "make",
                         "perform", "organize", "organise", "lead", "have", "engage", "join", "order",
                         "announce", "call", "declare", "impose", "sign", "reach", "conclude", "broker",
                         "open", "renew", "press", "take", "execute", "commit", "orchestrate", "spearhead", "issue"})

Matcher = tuple[int, object]  # (kind, value): 0 exact str, 1 prefix str, 2 frozenset of words (prefix match)


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    pre: tuple[Matcher, ...]
    post: tuple[Matcher, ...]
    keys: frozenset[str]  # 1-4 character heads; the pattern is only tried when one occurs in the window

    @property
    def size(self) -> int:
        return len(self.pre) + len(self.post)


# the code of a modifier row that makes the noun no event at all ("press release", "news release")
NOT_AN_EVENT = "-"


@dataclass(frozen=True, slots=True)
class NounCode:
    code: str
    mode: str | None


class Lexicon:
    """Verb and noun event lexicons; construct once (reads the data files), then look up per token."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        synsets: dict[str, frozenset[str]] = {}
        for row in read_tsv(data_dir / "synsets.tsv"):
            members = {m.split()[0].rstrip("_") for m in (row[1].split("|") if len(row) > 1 else []) if m.strip()}
            synsets[row[0]] = frozenset(members)
        self.verbs: dict[tuple[str, str], str | None] = {}
        self.block_of: dict[str, str] = {}
        for row in read_tsv(data_dir / "verbs.tsv"):
            lemma, particle, code, block = (row + ["", "", "", ""])[:4]
            if self.verbs.get((lemma, particle)) is None:  # a coded entry beats an uncoded homonym
                self.verbs[(lemma, particle)] = code or None
                if code or lemma not in self.block_of:
                    self.block_of[lemma] = block or lemma
        self.phrasal: dict[tuple[str, str], str | None] = {}
        self.overridden: set[str] = set()
        for row in read_tsv(data_dir / "verb_overrides.tsv"):
            lemma, particle, code = (row + ["", "", ""])[:3]
            self.verbs[(lemma, particle)] = None if code == "-" else code
            if particle:
                self.phrasal[(lemma, particle)] = self.verbs[(lemma, particle)]
            else:
                self.overridden.add(lemma)
        self.particles: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for lemma, particle in self.verbs:
            if particle:
                self.particles[lemma] = (*self.particles[lemma], particle)
        patterns: dict[str, list[Pattern]] = defaultdict(list)
        for row in read_tsv(data_dir / "verb_patterns.tsv"):
            block, code, pre, post = (row + ["", "", "", ""])[:4]
            pre_m = tuple(_matcher(w, synsets) for w in pre.split())
            post_m = tuple(_matcher(w, synsets) for w in post.split())
            if not any(k == 2 or (k == 0 and len(str(v)) > 3 and v not in _FUNCTION_WORDS)
                       or (k == 1 and len(str(v)) > 3 and v not in _FUNCTION_WORDS) for k, v in pre_m + post_m):
                continue  # only function words ("* IN ON"): matches almost any sentence
            first = (post_m or pre_m)[0]
            keys = frozenset(_heads(first))
            patterns[block].append(Pattern(code, pre_m, post_m, keys))
        self.patterns = {b: sorted(ps, key=lambda p: -p.size) for b, ps in patterns.items()}
        # key -> positions (in self.patterns[block]) of the block's patterns that have it, so a call
        # visits only the patterns whose key is in its window, in the same (longest first) order
        self._keyed: dict[str, dict[str, tuple[int, ...]]] = {}
        for b, ps in self.patterns.items():
            keyed: dict[str, list[int]] = defaultdict(list)
            for n, pat in enumerate(ps):
                for key in pat.keys:
                    keyed[key].append(n)
            self._keyed[b] = {k: tuple(v) for k, v in keyed.items()}
        self._word_keys: dict[str, dict[str, frozenset[int]]] = {}  # block -> word -> its patterns
        self._memo_size = 0  # entries in _word_keys, all blocks together
        self.verb_objects: dict[tuple[str, str], str] = {}
        for row in read_tsv(data_dir / "verb_objects.tsv"):
            verbs_, objects_, code = (row + ["", "", ""])[:3]
            for v in verbs_.split("|"):
                for o in objects_.split("|"):
                    self.verb_objects.setdefault((v, o), code)
        self.nouns: dict[str, dict[str, NounCode]] = defaultdict(dict)
        for row in read_tsv(data_dir / "nominal_events.tsv"):
            noun, modifier, code, mode = (row + ["", "", "", ""])[:4]
            self.nouns[noun][modifier] = NounCode(code, mode or None)

    def verb_code(self, lemma: str, particle: str, words: list[str], index: int) -> str | None:
        """CAMEO code for the verb at ``words[index]`` (lower-case sentence tokens), or None."""
        if particle and (lemma, particle) in self.phrasal:
            return self.phrasal[(lemma, particle)]  # "called for", "stepped down": the phrase decides
        if lemma in self.overridden:
            return self.verbs.get((lemma, ""))  # the project's choice beats the broad Phoenix patterns
        block = self.block_of.get(lemma)
        if block is not None and (lemma, "") not in _NO_PATTERNS:
            hit = self._match_patterns(block, words, index)
            if hit is not None:
                return hit
        if particle and (lemma, particle) in self.verbs:
            return self.verbs[(lemma, particle)]
        return self.verbs.get((lemma, ""))

    def is_light(self, lemma: str) -> bool:
        return lemma in LIGHT_VERBS

    def noun_code(self, lemma: str, modifiers: set[str]) -> NounCode | None:
        table = self.nouns.get(lemma)
        if table is None:
            return None
        for mod, code in table.items():
            if mod and mod in modifiers:
                return None if code.code == NOT_AN_EVENT else code
        return table.get("")

    def _match_patterns(self, block: str, words: list[str], index: int) -> str | None:
        """The code of the first (longest) pattern of ``block`` that matches around ``words[index]``.
        A pattern is tried only when one of its keys (1-4 characters) is a word or word prefix within
        12 words before and 15 after the verb."""
        candidates = self.patterns.get(block)
        if not candidates:
            return None
        lo, hi = max(0, index - 12), min(len(words), index + 16)
        memo = self._word_keys.get(block)
        if memo is None:
            memo = self._word_keys[block] = {}
        if self._memo_size > _MAX_MEMO:  # bounded: about 120 bytes an entry
            self._word_keys.clear()
            self._memo_size = 0
            memo = self._word_keys[block] = {}
        hits: set[int] = set()
        for w in words[lo:hi]:
            found = memo.get(w)
            if found is None:
                found = memo[w] = self._patterns_keyed_by(block, w)
                self._memo_size += 1
            if found:
                hits |= found
        for n in sorted(hits):
            p = candidates[n]
            if _match_seq(p.post, words, index + 1, 1) and _match_seq(p.pre, words, index - 1, -1):
                return p.code
        return None

    def _patterns_keyed_by(self, block: str, word: str) -> frozenset[int]:
        """Positions of the patterns of ``block`` with a key that is ``word`` or one of its 1-4 character
        prefixes (keys are at most 4 characters, so a longer word can only match through a prefix)."""
        keyed = self._keyed[block]
        found = frozenset(n for k in range(1, min(4, len(word)) + 1) for n in keyed.get(word[:k], ()))
        return found or _NO_HITS


_NO_HITS: frozenset[int] = frozenset()
#: Verbs whose Phoenix patterns are too broad for news prose: default codes only.
_NO_PATTERNS: frozenset[tuple[str, str]] = frozenset()


_FUNCTION_WORDS = frozenset({"with", "from", "that", "this", "they", "their", "have", "been", "were", "will",
                             "would", "into", "about", "against", "over", "under", "after", "before", "them",
                             "there", "which", "what", "when", "where", "also", "more", "than", "upon", "said"})


def _matcher(word: str, synsets: dict[str, frozenset[str]]) -> Matcher:
    if word.isupper() and word in synsets:
        return (2, synsets[word])
    if word.isupper():
        return (1, word.lower())
    if word.endswith("_") or len(word) <= 3:
        return (0, word.rstrip("_"))
    return (1, word)


def _heads(m: Matcher) -> list[str]:
    kind, value = m
    if kind == 2:
        return [w[:4] for w in value]  # type: ignore[attr-defined]
    return [str(value)[:4]]


def _word_ok(m: Matcher, word: str) -> bool:
    kind, value = m
    if kind == 0:
        return word == value
    if kind == 1:
        return word.startswith(value)  # type: ignore[arg-type]
    return any(word.startswith(v) for v in value)  # type: ignore[attr-defined]


def _match_seq(seq: tuple[Matcher, ...], words: list[str], start: int, step: int) -> bool:
    """Match ``seq`` (in reading order) going away from the verb, each word within _GAP of the previous."""
    if not seq:
        return True
    order = seq if step > 0 else tuple(reversed(seq))
    pos = start
    for m in order:
        found = -1
        for k in range(_GAP + 1):
            j = pos + step * k
            if j < 0 or j >= len(words):
                break
            if _word_ok(m, words[j]):
                found = j
                break
        if found < 0:
            return False
        pos = found + step
    return True
