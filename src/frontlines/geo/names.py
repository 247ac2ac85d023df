"""Name keys shared by the gazetteer build and its lookups.

Three keys per name, from strict to loose: ``norm`` (case, accents and punctuation folded),
``bare`` (``norm`` without an Arabic-style article such as Al-/Ad-/El-) and ``loose`` (``bare``
with transliteration noise folded: doubled letters, a final ``h`` after a vowel, ``ou``/``oo``
to ``u``...). Lookups try them in that order, so "Al Diwaniyah", "Diwaniya" and "Diwaniyah"
all reach the same entry while exact spellings still win.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Arabic definite-article spellings met in English transliteration (sun letters assimilate: ad-, ar-, as-...).
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "at", "an", "az", "ash", "adh", "ath", "ul", "il", "ed", "er",
                      "es", "et", "en", "ez"})
_APOSTROPHES = "'’‘`´ʻʼʿʾ"
_PUNCT = re.compile(r"[^a-z0-9 ]+")
_LATIN = re.compile(r"^[a-z0-9 ]+$")


_FOLD = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "đ": "d", "ø": "o", "Ł": "L", "Đ": "D", "Ø": "O"})
_DROP = str.maketrans("", "", _APOSTROPHES)


@functools.lru_cache(maxsize=65_536)  # the resolver folds the same mention texts again and again
def norm(name: str) -> str:
    """Lower case, accents stripped, apostrophes dropped, other punctuation to spaces."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_FOLD))
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _PUNCT.sub(" ", text.translate(_DROP))
    return " ".join(text.split())


def is_latin(key: str) -> bool:
    return bool(key) and bool(_LATIN.match(key))


def bare(key: str) -> str:
    """``key`` without a leading Arabic article ("al anbar" -> "anbar"); unchanged if none."""
    head, _, rest = key.partition(" ")
    if rest and head in ARTICLES:
        return rest
    # "alanbar"-style fused articles are too ambiguous with real names (Alabama), so only spaced ones
    return key


_LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"([^aeiou ])eh\b"), r"\1a"),  # Levantine -eh for ta marbuta: Qatraneh -> Qatrana(h)
    (re.compile(r"([aeiou])h\b"), r"\1"),  # Basrah -> Basra, Diwaniyah -> Diwaniya
    (re.compile(r"ou"), "u"),
    (re.compile(r"oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"iy"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # Falluja -> Faluja, Mosul/Mossul
    (re.compile(r"\bsaint\b"), "st"),
    (re.compile(r"\bmount\b"), "mt"),
    (re.compile(r" "), ""),
)


def loose(key: str) -> str:
    """A transliteration-tolerant key of ``bare(key)``; short names keep their bare key."""
    k = bare(key)
    if len(k) < 4:
        return k
    for pattern, repl in _LOOSE_RULES:
        k = pattern.sub(repl, k)
    return k


def keys(name: str) -> tuple[str, str, str]:
    n = norm(name)
    return n, bare(n), loose(n)
