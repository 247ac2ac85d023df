"""spaCy's ``attribute_ruler`` and rule ``lemmatizer``, with the same output at a fraction of the cost.

In ``en_core_web_sm`` these two components cost about a fifth of a full parse, although they only
map tags to POS/morphology (179 one- and two-token Matcher patterns) and look lemmas up by
(word, POS, morphology). Their result for a token depends on a handful of values (its word, tag
and dependency label, and for the few two-token patterns its neighbour's), so ``FastAttrs``
memoises it per distinct token: the component's own patterns and the lemmatizer's own
``lemmatize`` are run once per distinct key, and the results are written back with
``Doc.from_array``.

``FastAttrs.from_nlp(nlp)`` returns None (keep the stock components) unless the pipeline has the
shape this is exact for: the ruler's patterns only test TAG, LOWER, DEP and IS_SPACE (equality or
IN), the lemmatizer is a rule lemmatizer without overwrite, and every component after them is an
entity recogniser (which reads none of the attributes they write). ``tests/test_fastattrs.py``
checks token-for-token identity with the stock components on real text.

Usage: ``nlp.pipe(texts, disable=fast.disabled)`` then ``fast(doc)`` on each doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Memo tables are emptied past this many entries, so a long ingest's memory stays bounded.
_MAX_MEMO = 200_000  # about 40 MB per table at the cap

# One token's pattern test: key -> bool, on (lower, tag, dep, is_space) strings of the original token.
_Test = Callable[[tuple[str, str, str, bool]], bool]


def _compile_token(spec: dict[str, Any]) -> _Test | None:
    """A test for one Matcher token pattern, or None when it uses anything but TAG/LOWER/DEP/IS_SPACE."""
    checks: list[tuple[int, Any, int]] = []  # (position in key, what to test, 0 equal / 1 (in?, set) / 2 regex)
    for name, value in spec.items():
        if name not in _KEYS:
            return None
        pos = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}[name]
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
                return None
            op, arg = next(iter(value.items()))
            if op == "REGEX":  # the Matcher's REGEX is re.search on the attribute's string
                checks.append((pos, re.compile(arg).search, 2))
            else:
                checks.append((pos, (op == "IN", frozenset(arg)), 1))
        elif isinstance(value, bool | str):
            checks.append((pos, value, 0))
        else:
            return None

    def test(key: tuple[str, str, str, bool]) -> bool:
        return all(key[p] == v if kind == 0 else ((key[p] in v[1]) == v[0]) if kind == 1 else v(key[p]) is not None
                   for p, v, kind in checks)

    # the values of LOWER or TAG a token must have (an index narrows the patterns to test); None: any
    # (the most selective first: a word, then whitespace-or-not, then a tag)
    usable = sorted(((p, frozenset([v]) if kind == 0 else v[1]) for p, v, kind in checks
                     if p in (0, 1, 3) and (kind == 0 or (kind == 1 and v[0]))), key=lambda a: (0, 3, 1).index(a[0]))
    anchor = usable[0] if usable else None
    test.anchor = anchor  # type: ignore[attr-defined]
    test.uses_dep = any(p == 2 for p, _, _ in checks)  # type: ignore[attr-defined]
    return test


def _index(tests: list[tuple[Any, _Test]]) -> tuple[dict[tuple[int, Any], list[tuple[Any, _Test]]],
                                                    list[tuple[Any, _Test]]]:
    """Tests by the (key position, value) they need, plus those that need none."""
    by_value: dict[tuple[int, Any], list[tuple[Any, _Test]]] = {}
    anywhere: list[tuple[Any, _Test]] = []
    for ident, test in tests:
        anchor = getattr(test, "anchor", None)
        if anchor is None:
            anywhere.append((ident, test))
            continue
        pos, values = anchor
        for v in values:
            by_value.setdefault((pos, v), []).append((ident, test))
    return by_value, anywhere


def _indexed_copy(lemmatizer: Any) -> Any:
    """The rule lemmatizer with its word lists (``lemma_index``: all nouns, verbs... of the language, up
    to 57k words a list) as sets, and a cache of its own. ``rule_lemmatize`` asks ``form in index`` of
    every candidate form a suffix rule makes: a list scan each time, which made the lemmatizer the
    larger part of the cost while the memo tables fill in a fresh process. Membership is the only use
    of those lists, so a set answers the same; the rules and exceptions are the same tables. The
    stock component (the parse-only baseline's) is left as it is."""
    import copy  # noqa: PLC0415

    from spacy.lookups import Lookups  # noqa: PLC0415

    tables = getattr(getattr(lemmatizer, "lookups", None), "tables", None)
    if tables is None or "lemma_index" not in tables or not hasattr(lemmatizer, "rule_lemmatize"):
        return lemmatizer
    lookups = Lookups()
    for name in tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            sets = lookups.add_table(name)
            for key, words in table.items():
                sets[key] = frozenset(words) if isinstance(words, list) else words
        else:
            lookups.set_table(name, table)
    clone = copy.copy(lemmatizer)
    clone.lookups, clone.cache = lookups, {}
    clone.lemmatize = clone.rule_lemmatize
    return clone


class FastAttrs:
    """Applies an attribute ruler and a rule lemmatizer to a Doc the pipeline parsed without them."""

    def __init__(self, ruler: Any, lemmatizer: Any, disabled: tuple[str, ...], single: list[tuple[int, _Test]],
                 multi: list[tuple[int, list[_Test], int]]) -> None:
        self.ruler, self.lemmatizer, self.disabled = ruler, _indexed_copy(lemmatizer), disabled
        self._multi = multi
        # every token test, identified by (pattern, position) with position -1 for single-token patterns
        self._index = _index([((i, -1), t) for i, t in single]
                             + [((m, j), t) for m, (_, tests, _) in enumerate(multi) for j, t in enumerate(tests)])
        self._attrs: dict[tuple[Any, ...], tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}
        self._word: dict[tuple[Any, ...], tuple[frozenset[tuple[int, int]], tuple[Any, ...]]] = {}
        self._final: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._lemma: dict[tuple[int, ...], int] = {}

    @classmethod
    def from_nlp(cls, nlp: Any) -> FastAttrs | None:
        """The fast equivalent of ``nlp``'s attribute_ruler + lemmatizer, or None where it would not be exact."""
        names = list(getattr(nlp, "pipe_names", ()))
        if "attribute_ruler" not in names or "lemmatizer" not in names:
            return None
        ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
        a, b = names.index("attribute_ruler"), names.index("lemmatizer")
        if b != a + 1 or getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        from spacy.pipeline import EntityRecognizer  # noqa: PLC0415

        if not all(isinstance(nlp.get_pipe(n), EntityRecognizer) for n in names[b + 1:]):
            return None
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG  # noqa: PLC0415

        if any(set(attrs) - {TAG, POS, MORPH, LEMMA, DEP} for attrs in ruler.attrs):
            return None
        single: list[tuple[int, _Test]] = []
        multi: list[tuple[int, list[_Test], int]] = []
        for i, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = [_compile_token(spec) for spec in pattern]
                if not tests or any(t is None for t in tests):
                    return None
                index = entry["index"] if entry["index"] >= 0 else len(pattern) + entry["index"]
                if not 0 <= index < len(pattern):
                    return None
                if len(pattern) == 1:
                    single.append((i, tests[0]))  # type: ignore[arg-type]
                else:
                    multi.append((i, tests, index))  # type: ignore[arg-type]
        return cls(ruler, lemmatizer, ("attribute_ruler", "lemmatizer"), single, multi)

    def _matches(self, key: tuple[Any, ...], vocab: Any) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        """(single-token patterns matching, (multi pattern, position) pairs matching) for a token key."""
        hit = self._attrs.get(key)
        if hit is None:
            # the tests that ignore the dependency label are run once per (word, tag, space), the few
            # that read it (whitespace and "but"/"that"-style patterns) once per label as well
            s = vocab.strings
            wkey = (key[0], key[1], key[3])
            word = self._word.get(wkey)
            if word is None:
                skey = (s[key[0]], s[key[1]] if key[1] else "", "", bool(key[3]))
                by_value, anywhere = self._index
                cands = [*by_value.get((0, skey[0]), ()), *by_value.get((1, skey[1]), ()),
                         *by_value.get((3, skey[3]), ()), *anywhere]
                plain = frozenset(ident for ident, t in cands if not t.uses_dep and t(skey))  # type: ignore[attr-defined]
                dep_tests = tuple(dict.fromkeys((ident, t) for ident, t in cands if t.uses_dep))  # type: ignore[attr-defined]
                word = self._word[wkey] = (plain, dep_tests)
            found, dep_tests = word
            if dep_tests:
                skey = (s[key[0]], s[key[1]] if key[1] else "", s[key[2]] if key[2] else "", bool(key[3]))
                found = found | {ident for ident, t in dep_tests if t(skey)}
            ids = sorted(found)
            hit = (tuple(i for i, j in ids if j < 0), tuple((m, j) for m, j in ids if j >= 0))
            self._attrs[key] = hit
        return hit

    def __call__(self, doc: Any) -> Any:
        import numpy  # noqa: PLC0415
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG  # noqa: PLC0415

        n = len(doc)
        if not n:
            return doc
        if len(self._final) > _MAX_MEMO or len(self._attrs) > _MAX_MEMO or len(self._lemma) > _MAX_MEMO:
            self._attrs.clear()
            self._word.clear()
            self._final.clear()
            self._lemma.clear()
        vocab = doc.vocab
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE, POS, MORPH, LEMMA, ORTH]).tolist()
        matches = self._matches
        found = [matches((r[0], r[1], r[2], r[3]), vocab) for r in rows]
        extra: dict[int, list[int]] = {}
        if self._multi:
            for i, (_, pairs) in enumerate(found):
                for m, j in pairs:
                    if j:
                        continue
                    pid, tests, index = self._multi[m]
                    end = i + len(tests)
                    if end <= n and all((m, k) in found[i + k][1] for k in range(1, len(tests))):
                        extra.setdefault(i + index, []).append(pid)
        memo = self._final
        finals = []
        relabel: list[tuple[int, int]] = []  # the ruler relabels whitespace tokens' dependencies
        for i, row in enumerate(rows):
            pids = found[i][0]
            more = extra.get(i)
            if more:
                pids = tuple(sorted({*pids, *more}))
            # the word (ORTH fixes LOWER and IS_SPACE), its tag and prior values, and the patterns that
            # matched it (which already reflect its dependency label)
            fkey = (row[7], row[1], row[4], row[5], row[6], pids)
            final = memo.get(fkey)
            if final is None:
                final = memo[fkey] = self._resolve(doc, i, row, pids)
            finals.append(final[:4])
            if final[4] is not None and final[4] != row[2]:
                relabel.append((i, final[4]))
        out = numpy.array(finals, dtype="uint64")
        doc.from_array([TAG, POS, MORPH, LEMMA], out)
        for i, dep in relabel:
            doc[i].dep = dep
        return doc

    def _resolve(self, doc: Any, i: int, row: list[int], pids: tuple[int, ...]) -> tuple[Any, ...]:
        """(tag, POS, morphology, lemma, dependency label set by a pattern or None) of token i after both."""
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG  # noqa: PLC0415

        values: dict[int, Any] = {TAG: row[1], POS: row[4], MORPH: row[5], LEMMA: row[6], DEP: None}
        for pid in pids:  # later patterns win, as in AttributeRuler.set_annotations
            for attr, value in self.ruler.attrs[pid].items():
                values[attr] = value
        tag, pos, morph, lemma = values[TAG], values[POS], values[MORPH], values[LEMMA]
        if lemma == 0:  # the lemmatizer only fills tokens without a lemma (overwrite is off)
            lkey = (row[7], pos, morph)
            known = self._lemma.get(lkey)
            if known is None:
                known = self._lemma[lkey] = self._lemmatize(doc, i, (tag, pos, morph))
            lemma = known
        return (tag, pos, morph, lemma, values[DEP])

    def _lemmatize(self, doc: Any, i: int, row: Any) -> int:
        """The stock lemmatizer's answer for token i once it has its final tag, POS and morphology."""
        token = doc[i]
        token.tag = int(row[0])
        token.pos = int(row[1])
        token.set_morph(int(row[2]) or None)
        return int(doc.vocab.strings.add(self.lemmatizer.lemmatize(token)[0]))
