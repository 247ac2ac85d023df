"""A cheap, offline English check: share of very common English function words, and script."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it his her they their were are be has have had "
    "said not this but an or which who will would been its after over also more than into two about up out "
    "when he she we i you our all one new there what some could may against people other government police "
    "forces killed".split()
)


def english_score(text: str, sample: int = 5000) -> tuple[float, int]:
    """(share of words that are common English function words, number of words looked at)."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0, 0
    return sum(w in _EN_FUNCTION_WORDS for w in words) / len(words), len(words)


def detect_language(text: str) -> str:
    """'en', or 'other' when the text is clearly not English, or 'und' when too short to tell."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.6:
        return "other"
    score, n = english_score(text)
    if n < 8:
        return "und"
    return "en" if score >= 0.12 else "other"
