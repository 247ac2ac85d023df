"""Numbers written in news: "60", "4,000", "1.5 million", "twenty-one", "two dozen", "a hundred".

Vague amounts (``VAGUE``) follow ACLED's conservative coding convention where ACLED states one
(ACLED codebook: "several"/"many"/an unstated plural -> 10, "dozens" -> 12, "hundreds" -> 100);
the others are the smallest amount the word can mean (a score = 20, "a few"/"a handful" = 3,
"thousands" = 1,000). Each entry is (low, best): ``best`` is what gets counted, ``low`` the least
the word can mean where that is below it ("several" is at least 3).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "both": 2,
    "pair": 2, "couple": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "score": 20, "half": 0.5,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
          "score": 20}

#: vague amount -> (low, best); see the module docstring for where each comes from
VAGUE: dict[str, tuple[int, int]] = {
    "several": (3, 10), "many": (3, 10), "numerous": (3, 10), "multiple": (2, 10),
    "a number of": (3, 10), "a few": (2, 3), "few": (2, 3), "a handful of": (2, 3), "a handful": (2, 3),
    "some": (2, 3), "dozens": (12, 12), "dozens of": (12, 12), "scores": (20, 20), "scores of": (20, 20),
    "hundreds": (100, 100), "hundreds of": (100, 100), "thousands": (1000, 1000), "thousands of": (1000, 1000),
    "tens of thousands": (10000, 10000), "hundreds of thousands": (100000, 100000),
    "millions": (1_000_000, 1_000_000),
}

_NUM = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")


def parse_number(text: str) -> float | None:
    """The value of a written number, or None. Handles digits, words and mixtures ("1.5 million")."""
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip().replace(" and ", " ")) if w]
    if words[:2] == ["half", "a"]:
        words = ["0.5", *words[2:]]
    if words[-2:] == ["a", "half"]:  # "two and a half"
        words = [*words[:-2], "0.5"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        m = _NUM.match(w)
        if m:
            current += float(m[1].replace(",", "") + ("." + m[2] if m[2] else ""))
            seen = True
        elif w in SCALES and w not in ("dozen", "score"):
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total += current
                current = 0
            seen = True
        elif w in ("dozen", "score"):
            current = (current or 1) * SCALES[w]
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w == "of":
            continue
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value


def vague_amount(text: str) -> tuple[int, int] | None:
    """(low, best) of a vague amount word ("dozens", "several"), or None."""
    return VAGUE.get(" ".join(text.lower().split()))
