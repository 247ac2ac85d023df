"""A cheap, offline English check: share of very common English function words, and script."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it his her they their were are be has have had "
    "said not this but an or which who will would been its after over also more than into two about up out "
    "when he she we i you our all one new there what some could may against people other government police "
    "forces killed wounded injured attacked arrested army troops soldiers fighters officials official militants "
    "rebels protesters outside near after before during since while where because against between under "
    "city town village province country capital region border north south east west northern southern eastern "
    "western week day days month year years last first second three four five dozens hundreds least told "
    "says say according spokesman ministry president minister leader leaders group groups party military attack "
    "attacks fighting clashes clashed strike strikes bombing bombings ceasefire talks agreed peace war".split()
)


def english_score(text: str, sample: int = 5000) -> tuple[float, int]:
    """(share of lower-case words that are common English function words, number of them looked at).

    Capitalised words are left out: reports dense with names ("Kassala Popular Front") would otherwise
    dilute the function words, while names say nothing about the language anyway."""
    words = [w for w in _WORD.findall(text[:sample]) if not w[0].isupper()]
    if not words:
        return 0.0, 0
    return sum(w in _EN_FUNCTION_WORDS for w in words) / len(words), len(words)


def detect_language(text: str) -> str:
    """'en', or 'other' when the text is clearly not English, or 'und' when too short to tell."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < 0.6:
        return "other"
    score, n = english_score(text)
    if n < 5:
        return "und"
    return "en" if score >= 0.15 else "other"
