"""Calendar arithmetic and word tables for ``frontlines.temporal``: month, week, season and holiday
ranges, parts of periods (early / mid / late, halves, quarters), and whether a sentence speaks of
the future (a future-tense cue before the expression), which decides the direction in which an
expression without a year or an explicit last/next ("on Friday", "in September") resolves.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .numwords import parse_number

Res = tuple[date | None, date | None, str]
UNRESOLVED: Res = (None, None, "unknown")
# a phrase that holds a date-like word but is no date ("the Sunday Times", "Resolution 1973"): it claims
# its span so that no shorter rule reads a date inside it, and yields nothing
NO_DATE: Res = (None, None, "none")

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
FULL_MONTHS = {m.lower() for m in calendar.month_name if m}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
YEAR = r"(?:1[89]\d\d|20\d\d)"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMW = (r"(?:\d+|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]" + _UNITS_W + r")?"
        r"|" + _UNITS_W + r"|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|a\s+hundred|several|a\s+few"
        r"|a\s+couple\s+of|a\s+couple)")
SEASON = r"(?:spring|summer|autumn|fall|winter)"
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
ORD = r"(?P<ord>first|second|third|fourth|last|final)"


def month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def season_range(y: int, s: str) -> tuple[date, date]:
    m = SEASON_START[s]
    if m == 12:
        return date(y, 12, 1), date(y + 1, 3, 1) - timedelta(days=1)
    return date(y, m, 1), month_range(y, m + 2)[1]


def week_range(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def width_precision(start: date, end: date) -> str:
    days = (end - start).days
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    return "range"


def past_year_for(ref: date, month: int, day: int = 1) -> int:
    """The year that puts month/day on or before ``ref`` (news reports the past)."""
    try:
        return ref.year if date(ref.year, month, day) <= ref else ref.year - 1
    except ValueError:  # 29 February
        return ref.year - 1


def future_year_for(ref: date, month: int, day: int = 1, *, whole_month: bool = False) -> int:
    """The year that puts month/day on or after ``ref`` (a plan); with ``whole_month`` the current
    month still counts ("will resume in May" written on 5 May is this May)."""
    if whole_month:
        return ref.year if month >= ref.month else ref.year + 1
    try:
        return ref.year if date(ref.year, month, day) >= ref else ref.year + 1
    except ValueError:
        return ref.year + 1


def amount(word: str) -> int:
    w = " ".join(word.lower().split())
    if w.startswith("a couple"):
        return 2
    n = parse_number(w)
    return int(n) if n is not None else 3  # "several", "a few"


def shift_months(d: date, n: int) -> date:
    y, mth = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, mth + 1, min(d.day, calendar.monthrange(y, mth + 1)[1]))


def shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def part_of(part: str | None, s: date, e: date) -> Res:
    """early / mid / late of a period: a year's first, middle or last four months, a month's first,
    second or last ten days (the 21st to the end), any other period's thirds."""
    p = (part or "").lower().rstrip("-").strip()
    if (e - s).days >= 364:  # a year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec
        first = {"early": 1, "mid": 5, "middle": 5, "late": 9}.get(p)
        if first is None:
            return s, e, "year"
        return date(s.year, first, 1), month_range(s.year, first + 3)[1], "range"
    if s.day == 1 and e == month_range(s.year, s.month)[1]:  # a month: its dekads
        if p == "early":
            e = s + timedelta(days=9)
        elif p in ("mid", "middle"):
            s, e = s + timedelta(days=10), s + timedelta(days=19)
        elif p == "late":
            s = s + timedelta(days=20)
        return s, e, width_precision(s, e)
    total = (e - s).days + 1
    third = total // 3
    if p == "early":
        s, e = s, s + timedelta(days=third - 1)
    elif p in ("mid", "middle"):
        s, e = s + timedelta(days=third), s + timedelta(days=2 * third - 1)
    elif p == "late":
        s = s + timedelta(days=2 * third)
    return s, e, width_precision(s, e)


def fraction_of(ordinal: str, unit: str, s: date, e: date) -> tuple[date, date] | None:
    """The first/second half or first..fourth/last quarter of a year ``s``..``e``."""
    parts = 2 if unit == "half" else 4
    index = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(ordinal, parts - 1)
    if index >= parts:
        return None
    months = 12 // parts
    first = 1 + index * months
    return date(s.year, first, 1), month_range(s.year, first + months - 1)[1]


def decade_part(part: str | None, start: int) -> tuple[date, date]:
    """A decade, or its early (years 0-3), mid (4-6) or late (7-9) part."""
    p = (part or "").lower().rstrip("-").strip()
    a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(p, (0, 9))
    return date(start + a, 1, 1), date(start + b, 12, 31)


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx) // 451
    month, day = divmod(h + lx - 7 * m + 114, 31)
    return date(y, month, day + 1)


def thanksgiving(y: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(y, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


# A plan, not a report: a future-tense cue before the expression in the same clause, or, for an
# expression that opens the sentence ("On Friday, the court will rule"), right after it. A quotation
# mark or a verb in the past tense between them ("'We will win,' he said on Monday", "the man who will
# stand trial was arrested on Friday", "On Tuesday, the company said it will ...") breaks the link;
# past plans ("was to arrive on Monday", "would") are left to the default reading, since the day they
# name may have passed by the time of writing.
_FUTURE_CUE = re.compile(
    r"(?<!political\s)(?<!popular\s)(?<!\bfree\s)(?<!\bgood\s)(?<!\bthe\s)(?<!\bown\s)(?<!\bhis\s)(?<!\bher\s)"
    r"\b(?:will(?![,.;:]|\s+of\b)|shall|won't|(?-i:may|might|must)(?!\s+(?:not\s+)?have\b)|(?:is|are|am)\s+(?:due|set|scheduled|slated|expected|going|planned|planning|to)"
    r"|plans?\s+to|planning\s+to|scheduled\s+(?:for|to)|upcoming"
    # the present of a schedule ("the summit opens on Monday", "voters go to the polls on Sunday")
    r"|(?:begins|starts|opens|closes|expires|resumes|reconvenes|convenes|kicks\s+off|takes\s+(?:effect|place)"
    r"|goes\s+to\s+the\s+polls|go\s+to\s+the\s+polls|is\s+due|are\s+due)(?=\s+(?:on|in|at|next|this|by|after|before|until)\b)"
    r"|(?:hopes?|wants?|aims?|intends?|expects?|vow(?:s|ed)|pledge[sd]?|promise[sd]?|seeks?)\s+to)\b"
    r"|\w'll\b|\w’ll\b", re.I)
_IRREGULAR_PAST = ("said|told|went|came|took|gave|made|began|saw|held|met|won|lost|fought|fled|left|struck|shot|hit|"
                   "wrote|spoke|knew|thought|brought|led|sent|spent|stood|ran|fell|broke|chose|drove|rose|became|"
                   "kept|found|heard|paid|was|were|had|did|says")
_BREAK = re.compile(
    rf"[\"“”]|''|\bago\b|\byesterday\b|(?<!\bwill\s)(?<!'ll\s)(?<!’ll\s)\b(?:has|have|hasn't|haven't|hadn't|hasn’t|haven’t)\s+(?:\w+ly\s+)?"
    rf"(?:been|had|done|made|come|become|run|put|set|got|gotten|{_IRREGULAR_PAST}|[a-z]+(?:ed|en|wn|rn))\b"
    rf"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bhave\s)(?<!\bhas\s)(?<!\bget\s)"
    rf"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\btheir\s)"
    rf"\b(?:{_IRREGULAR_PAST}|[a-z]+ed)\b", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?$", re.I)
_OPENER = re.compile(r"^\W*(?:(?:on|by|until|from|early|late|this|next|in)\s+)?$", re.I)


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``text[start:end]`` dates a plan rather than a report."""
    before = text[:start]
    if _SINCE_BEFORE.search(before):
        return False
    cues = list(_FUTURE_CUE.finditer(before))
    if cues and not _BREAK.search(before, cues[-1].end()):  # (from the cue on: lookbehinds still see it)
        return True
    if _OPENER.match(before) and not text.startswith(("'s", "’s"), end):  # not "Monday's debate might ..."
        after = text[:end + 60]
        cue = _FUTURE_CUE.search(after, end)
        if cue and not _BREAK.search(after, end, cue.start()):
            return True
    return False


def step(base: date, n: int, unit: str) -> Res:
    """The day, week, month or year ``n`` units from ``base`` (negative: back): "two days ago" is a
    day, "three weeks ago" the Monday-Sunday week that holds that day, "six months ago" that month."""
    if unit in ("minute", "hour"):
        return base, base, "day"
    if unit == "day":
        d = base + timedelta(days=n)
        return d, d, "day"
    if unit in ("week", "fortnight"):
        s, e = week_range(base + timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
        return s, e, "week"
    if unit == "month":
        t = shift_months(base, n)
        s, e = month_range(t.year, t.month)
        return s, e, "month"
    y = base.year + n * (10 if unit == "decade" else 1)
    return date(y, 1, 1), date(y, 12, 31), "year"
