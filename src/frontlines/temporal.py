"""Temporal expressions in news text resolved against a reference (document) date.

Rules first (they know news conventions dateparser does not: "on Tuesday" is the latest Tuesday
on or before the document date, "last summer" is the last summer that has ended, "in recent
weeks" is a four-week window), dateparser for the explicit dates the rules do not cover. More
rules (spans, numeric dates, decades, forward relatives, names that are no date) live in
``frontlines.timespans``, the calendar arithmetic in ``frontlines.timecal``.

Conventions (also the gold file's): weeks run Monday-Sunday; seasons are meteorological and
northern (spring = Mar-May, summer = Jun-Aug, autumn = Sep-Nov, winter = Dec-Feb, named by the
year of its December; "this summer" is the nearer of the last and the next); "since X" is a range
from the start of X to the document date. A plan ("will meet on Friday", "is due to visit on
Monday", "talks will resume in September") looks forward: the first such day or month on or after
the document date; a report looks back. "last Tuesday" is the latest Tuesday before the document
date, "next Tuesday" the first after it. "N days ago" is a day, "N weeks ago" (and "a fortnight
ago", "three weeks from now") the Monday-Sunday week holding that day, "N months ago" that month,
"N years ago" (and "a decade ago") that year; "two days earlier", "a week later", "the previous
year", "the following day" count from the latest date before them in the sentence, else (the
earlier ones only) from the document date. Early / mid / late: a year's Jan-Apr, May-Aug, Sep-Dec;
a month's days 1-10, 11-20, 21-end; a decade's years 0-3, 4-6, 7-9. A range's precision follows
its width: <= 1 day "day", <= 7 "week", <= 31 "month", else "range"; named periods keep their own
precision (week, month, season, year).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from . import timespans
from .records import DateRange
from .timecal import (
    FULL_MONTHS,
    MONTH,
    NUMW,
    PART,
    SEASON,
    UNRESOLVED,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Res,
    amount,
    future_year_for,
    is_future,
    month_of,
    month_range,
    part_of,
    past_year_for,
    shift_months,
    shift_years,
    step,
    week_range,
    width_precision,
)

# ---- handlers: (match, ref) -> (start, end, precision) | None ------------------------------------

def _h_full(m: re.Match[str], ref: date | None) -> Res | None:
    mon, day, year = month_of(m["mon"]), int(m["day"]), m["year"]
    if year:
        y = int(year)
    elif ref is None:
        return UNRESOLVED
    elif is_future(m.string, m.start(), m.end()):
        y = future_year_for(ref, mon, day)
    else:
        y = past_year_for(ref, mon, day)
    try:
        d = date(y, mon, day)
    except ValueError:
        return None
    return d, d, "day"


def _h_iso(m: re.Match[str], ref: date | None) -> Res | None:
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return d, d, "day"


def _h_month_year(m: re.Match[str], ref: date | None) -> Res | None:
    s, e = month_range(int(m["year"]), month_of(m["mon"]))
    return part_of(m["part"], s, e) if m["part"] else (s, e, "month")


_PREP_BEFORE = re.compile(r"\b(?:in|by|until|till|before|after|from|through|on|for|during|early|late|mid-)\s*$", re.I)


def _h_month(m: re.Match[str], ref: date | None) -> Res | None:
    if not m["mon"][0].isupper():
        return None  # "march", "may": verbs
    mon = month_of(m["mon"])
    if ref is None:
        return UNRESOLVED
    rel = (m["rel"] or "").lower()
    if not rel and _PREP_BEFORE.search(m.string[:m.start()]) and is_future(m.string, m.start(), m.end()):
        # "will resume in September"; a month as a modifier ("the November jobs report") keeps the past
        y = future_year_for(ref, mon, whole_month=True)
    else:
        y = ref.year if rel == "this" else past_year_for(ref, mon)
    if rel == "last" and y == ref.year and mon == ref.month:
        y -= 1
    if rel == "next":
        y = ref.year if mon > ref.month else ref.year + 1
    s, e = month_range(y, mon)
    return part_of(m["part"], s, e) if m["part"] else (s, e, "month")


def _h_year(m: re.Match[str], ref: date | None) -> Res | None:
    y = int(m["year"])
    s, e = date(y, 1, 1), date(y, 12, 31)
    return part_of(m["part"], s, e) if m["part"] else (s, e, "year")


def _h_year_range(m: re.Match[str], ref: date | None) -> Res | None:
    a, b = int(m["y1"]), int(m["y2"])
    if b < a:
        return None
    return date(a, 1, 1), date(b, 12, 31), "range"


def _h_month_span(m: re.Match[str], ref: date | None) -> Res | None:
    if not m["m1"][0].isupper() or (m["sep"].lower() == "and") != bool(m["pre"]):
        return None  # "and" only after "between"
    m1, m2 = month_of(m["m1"]), month_of(m["m2"])
    if m["year"]:
        y2 = int(m["year"])
    elif ref is None:
        return UNRESOLVED
    else:
        y2 = past_year_for(ref, m2)
    y1 = y2 if m1 <= m2 else y2 - 1
    return month_range(y1, m1)[0], month_range(y2, m2)[1], "range"


def _h_weekday(m: re.Match[str], ref: date | None) -> Res | None:
    if ref is None:
        return UNRESOLVED
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower().split()
    if rel and rel[0] == "next":
        d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    elif rel in ([], ["this"]) and is_future(m.string, m.start(), m.end()):
        d = ref + timedelta(days=(wd - ref.weekday()) % 7)
    else:
        back = (ref.weekday() - wd) % 7
        if back == 0 and rel and rel[0] == "last":
            back = 7
        d = ref - timedelta(days=back)
    return d, d, "day"


_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "earlier today": 0, "later today": 0, "yesterday": 1, "last night": 1, "overnight": 1}


def _h_dayword(m: re.Match[str], ref: date | None) -> Res | None:
    if ref is None:
        return UNRESOLVED
    word = " ".join(m[0].lower().split())
    if word.startswith("the day"):  # the day before yesterday, the day after tomorrow
        back = 2 if word.endswith("yesterday") else -2
    elif word.startswith("tomorrow"):
        back = -1
    else:
        back = 1 if word.startswith("yesterday") else _DAY_WORDS.get(word, 0)
    d = ref - timedelta(days=back)
    return d, d, "day"


def _h_ago(m: re.Match[str], ref: date | None) -> Res | None:
    if ref is None:
        return UNRESOLVED
    return step(ref, -amount(m["n"]), m["unit"].lower())


def _anchor(m: re.Match[str], ref: date | None) -> tuple[date | None, bool]:
    """What "two days earlier" and "the following year" count from: the start of the latest date
    before them in the same text (True), else the document date (False)."""
    before = [d for d in find_dates(m.string[:m.start()], ref) if d.start]
    if before and before[-1].start:
        return date.fromisoformat(before[-1].start), True
    return ref, False


_DURATION_BEFORE = re.compile(r"\b(?:over|within|during|for|in|throughout)\s+$", re.I)


def _h_relative(m: re.Match[str], ref: date | None) -> Res | None:
    """'two days earlier', 'a week later', 'the previous year', 'the following day', 'the next day'.
    With no date before them in the text, the earlier ones count back from the document date; the
    later ones are no date (in a report they count from a time told elsewhere), except in a plan."""
    word = (m["dir"] or m["rel"]).lower()
    if word == "next" and _DURATION_BEFORE.search(m.string[:m.start()]):
        return None  # "over the next week": a stretch from now on (timespans.h_coming)
    base, anchored = _anchor(m, ref)
    back = word in ("earlier", "previous", "preceding")
    if not anchored and (word == "same" or (not back and not is_future(m.string, m.start(), m.end()))):
        return None
    if base is None:
        return UNRESOLVED
    n = amount(m["n"]) if m["n"] else 1
    unit = (m["unit"] or m["unit2"]).lower()
    if unit in WEEKDAYS:  # "the previous Friday", "the following Monday": the nearest one before / after
        wd = WEEKDAYS[unit]
        offset = -((base.weekday() - wd - 1) % 7 + 1) if back else (wd - base.weekday() - 1) % 7 + 1
        d = base + timedelta(days=0 if word == "same" else offset)
        return d, d, "day"
    if unit == "week" and not m["n"]:  # "the previous week": the calendar week before
        s, e = week_range(base + timedelta(weeks=-1 if back else 1))
        return s, e, "week"
    return step(base, 0 if word == "same" else -n if back else n, unit)


def _h_named_period(m: re.Match[str], ref: date | None) -> Res | None:
    """last/this/next/earlier this/later this + week/month/year."""
    if ref is None:
        return UNRESOLVED
    rel, unit = " ".join(m["rel"].lower().replace(" in the", " this").split()), m["unit"].lower()
    step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    if unit == "week":
        s, e = week_range(ref + timedelta(weeks=step))
    elif unit == "month":
        t = shift_months(ref.replace(day=1), step)
        s, e = month_range(t.year, t.month)
    else:
        s, e = date(ref.year + step, 1, 1), date(ref.year + step, 12, 31)
    if rel == "earlier this":
        e = max(s, ref)
    elif rel == "later this":
        s = min(e, ref)
    if m["part"]:  # "late last year", "early next month"
        return part_of(m["part"], s, e)
    return s, e, unit


_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def _h_past_n(m: re.Match[str], ref: date | None) -> Res | None:
    """the past / last N days|weeks|months|years, and 'in recent days|weeks|months|years'."""
    if ref is None:
        return UNRESOLVED
    unit = m["unit"].lower()
    if unit == "decade":  # "the past decade", "in recent decades" (three)
        n = 3 if m["recent"] else amount(m["n"]) if m["n"] else 1
        return shift_years(ref, -10 * n), ref, "range"
    if m["recent"]:
        n = {"hour": 1, "day": 7, "week": 4, "month": 6, "year": 3}[unit]
        days = n if unit in ("hour", "day") else n * int(_UNIT_DAYS[unit])
    else:
        n = amount(m["n"]) if m["n"] else 1
        days = max(1, round(n * _UNIT_DAYS[unit]))
    if unit == "month" and not m["recent"]:
        s = shift_months(ref, -n)
    elif unit == "year" and not m["recent"]:
        s = ref.replace(year=ref.year - n) if not (ref.month == 2 and ref.day == 29) else ref - timedelta(days=365 * n)
    else:
        s = ref - timedelta(days=days)
    return s, ref, width_precision(s, ref)


def _h_edge(m: re.Match[str], ref: date | None) -> Res | None:
    """'the end of March', 'the beginning of last year': the first or last third of the period."""
    inner = find_dates(m["what"], ref)
    what = m["what"].lower().split()
    if not inner and what[-1] in ("year", "month", "week") and ref is not None:
        s, e = {"year": (date(ref.year, 1, 1), date(ref.year, 12, 31)), "month": month_range(ref.year, ref.month),
                "week": week_range(ref)}[what[-1]]
    elif inner and inner[0].start and inner[0].end:
        s, e = date.fromisoformat(inner[0].start), date.fromisoformat(inner[0].end)
    else:
        return UNRESOLVED if ref is None else None
    return part_of("early" if m["edge"].lower() in ("beginning", "start") else "late", s, e)


# Patterns, each with its handler. Matching is case-insensitive; months alone need a capital.
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Res | None]]] = [
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?:,?\s+(?P<year>{YEAR})\b)?", re.I), _h_full),
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                rf"(?P<mon>{MONTH})(?!\w)(?:,?\s+(?P<year>{YEAR})\b)?", re.I), _h_full),
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _h_iso),
    (re.compile(rf"\b(?:(?P<part>early|mid-?|middle\s+of|late)\s*)?(?P<mon>{MONTH})\s+(?:of\s+)?(?P<year>{YEAR})\b",
                re.I), _h_month_year),
    (re.compile(rf"\b(?:(?P<rel>last|this|next)\s+|(?P<part>early|mid-|late)\s*)?(?P<mon>{MONTH})(?!\w)(?!\s+\d)", re.I),
     _h_month),
    (re.compile(rf"\b(?:(?P<pre>between)\s+)?(?:(?P<m1>{MONTH})\s*(?P<sep>-|–|to|through|until|and)\s*(?P<m2>{MONTH}))(?:\s+(?P<year>{YEAR}))?(?!\w)", re.I),
     _h_month_span),
    (re.compile(rf"\b(?:from\s+|between\s+)?(?P<y1>{YEAR})\s*(?:-|–|to|through|until|and)\s*(?P<y2>{YEAR})\b", re.I),
     _h_year_range),
    (re.compile(rf"\b(?:(?:the\s+)?(?P<part>early|mid-?|late)\s*-?\s*)?(?P<year>{YEAR})\b(?!\s*(?:-|–)\s*\d)",
                re.I), _h_year),
    (re.compile(rf"\b(?:(?P<rel>last|this\s+past|this|next|early|late)\s+)?(?P<wd>{WEEKDAY}){PART}\b", re.I),
     _h_weekday),
    (re.compile(r"\b(?:(?:earlier|later)\s+today|(?:yester|tomor)(?:day|row)(?:\s+(?:morning|afternoon|evening|night))?|today"
                r"|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening)"
                r"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b", re.I), _h_dayword),
    (re.compile(rf"\b(?P<n>{NUMW})\s+(?P<unit>minute|hour|day|week|fortnight|month|year|decade)s?\s+ago\b", re.I),
     _h_ago),
    (re.compile(rf"\b(?:(?P<n>{NUMW})\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+(?P<dir>earlier|later)"
                r"|the\s+(?P<rel>previous|preceding|following|next|same(?=\s+day))\s+"
                rf"(?P<unit2>day|week|month|year|{WEEKDAY}))\b"
                r"(?!\s+and\s+a\s+half)", re.I),
     _h_relative),
    (re.compile(r"\b(?:(?P<part>early|mid-?|late)\s*)?(?P<rel>last|this|next|(?:earlier|later)\s+(?:this|in\s+the))"
                r"\s+(?P<unit>week|month|year)\b", re.I), _h_named_period),
    (re.compile(r"\b(?:(?:over|during|at|on)\s+the|(?P<rel>last|this|next|this\s+past))\s+weekend\b", re.I), timespans.h_weekend),
    (re.compile(r"\b(?:(?P<rel>last|this|next)\s+)?(?P<name>christmas\s+eve|christmas(?:\s+day)?|new\s+year'?s\s+eve"
                r"|new\s+year'?s(?:\s+day)?|boxing\s+day|(?:the\s+)?fourth\s+of\s+july|veterans\s+day|armistice\s+day"
                r"|remembrance\s+day|bastille\s+day|st\.?\s+patrick'?s\s+day|may\s+day"
                r"|valentine'?s\s+day|halloween)\b", re.I), timespans.h_holiday),
    (re.compile(rf"\bthe\s+(?P<edge>end|beginning|start)\s+of\s+(?P<what>(?:last|this|next)\s+"
                rf"(?:week|month|year)|(?:the\s+)?(?:{MONTH}(?:\s+{YEAR})?|{YEAR}|(?:the\s+)?(?:year|month|week)))(?!\w)", re.I),
     _h_edge),
    (re.compile(rf"\b(?:(?:the\s+)?(?:past|last)\s+(?:(?P<n>{NUMW}|few|twenty-four|forty-eight)\s+)?"
                rf"|(?:(?:in|over|during)\s+)?(?P<recent>recent)\s+)(?P<unit>hour|day|week|month|year|decade)s?\b", re.I),
     _h_past_n),
    (re.compile(rf"\b(?:(?P<rel>last|this|next|past)\s+|(?P<pre>(?:in|during|over)\s+the|the|in)\s+|(?P<lb>(?<=\bby\s)"
                rf"|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bsince\s)|(?<=\bfrom\s)))?"
                rf"(?:(?P<part>early|late|mid-?)\s*)?(?P<season>{SEASON})"
                rf"(?:\s+(?:of\s+)?(?P<year>{YEAR})(?:[-–/]\d\d)?)?\b", re.I), timespans.h_season),
]
_RULES.extend(timespans.SPAN_RULES)


# Words each rule's pattern cannot match without (lower case), by handler: a sentence holding none of a
# rule's words skips its pattern. Case-insensitive matching also lets four non-ASCII letters stand for
# ASCII ones (Kelvin K, long s, dotted and dotless i); text holding them runs every pattern.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_KEYS = ("18", "19", "20")
_DIGITS = tuple("0123456789")
_GATES: dict[Callable[[re.Match[str], date | None], Res | None], tuple[str, ...]] = {
    _h_full: _MONTH_KEYS, _h_iso: ("-",), _h_month_year: _MONTH_KEYS, _h_month: _MONTH_KEYS,
    _h_month_span: _MONTH_KEYS, _h_year_range: _YEAR_KEYS, _h_year: _YEAR_KEYS,
    _h_weekday: ("day",), _h_dayword: ("day", "night", "morning", "afternoon", "evening", "tomorrow"),
    _h_ago: ("ago",), _h_relative: ("earlier", "later", "previous", "preceding", "following", "next", "same"),
    _h_named_period: ("week", "month", "year"), timespans.h_weekend: ("weekend",),
    timespans.h_holiday: ("christmas", "year", "valentine", "halloween", "day", "july"), _h_edge: ("end", "beginning", "start"),
    _h_past_n: ("hour", "day", "week", "month", "year", "decade"), timespans.h_season: ("spring", "summer", "autumn", "fall", "winter"),
}
_GATES.update({
    timespans.h_day_span: _MONTH_KEYS, timespans.h_month_year_span: _MONTH_KEYS, timespans.h_weekday_span: ("day",),
    timespans.h_numeric: _DIGITS, timespans.h_nth: _DIGITS,
    timespans.h_fraction: ("half", "quarter"), timespans.h_week_of: ("week",), timespans.h_decade: ("0s", "0's", "0’s", "ties"),
    timespans.h_from_now: ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade"), timespans.h_coming: ("coming", "next"),
    timespans.h_recently: ("recently", "lately"), timespans.h_within: ("within",), timespans.h_movable: ("easter", "friday", "thanksgiving", "labor", "labour", "memorial"),
    timespans.h_months_of: ("months",),
    timespans.h_quarter: _DIGITS, timespans.h_century: ("century", "00s", "00's", "00’s"),
    timespans.h_year_pair: _DIGITS, timespans.h_part_in: (" in ",),
    timespans.h_no_date: _DIGITS, timespans.h_no_date_words: ("day", "fall", "spring"),
    timespans.h_month_name: ("march", "april", "may", "june", "july", "august"),
})
_FOLD_TRAPS = ("\u212a", "\u017f", "\u0131", "\u0130")


def _rules_for(text: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Res | None]]]:
    """The rules whose pattern can match somewhere in ``text`` (all of them for text with fold traps)."""
    if not text.isascii() and any(c in text for c in _FOLD_TRAPS):
        return _RULES
    low = text.lower()
    # one search per distinct word list (four rules share the month list, three the year list), each an
    # alternation of the plain words: it finds one exactly when ``any(k in low for k in keys)``
    held: dict[tuple[str, ...], bool] = {}
    out = []
    for p, h in _RULES:
        keys = _GATES.get(h)
        if keys is not None:
            hit = held.get(keys)
            if hit is None:
                hit = held[keys] = _gate_pattern(keys).search(low) is not None
            if not hit:
                continue
        out.append((p, h))
    return out


@functools.lru_cache(maxsize=64)
def _gate_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in keys))


def _parse_ref(ref: str | date | None) -> date | None:
    if ref is None or isinstance(ref, date):
        return ref
    try:
        return date.fromisoformat(ref[:10])
    except ValueError:
        return None


_SINCE = re.compile(r"\b(?:since)\s+(?:the\s+(?:start|beginning)\s+of\s+)?$", re.I)
_MONTH_ALONE = re.compile(rf"^{MONTH}$", re.I)
_NOT_A_DATE_AFTER = re.compile(r"^\s*-?\s*(?:year|month|week|day)s?[- ]old|^\s*(?:block|people|troops|soldiers|men|"
                               r"women|children|civilians|dead|killed)\b", re.I)


_AGE_AFTER = re.compile(r"^\s*-?\s*(?:year|month|week|day)s?[- ]old", re.I)


def find_dates(text: str, ref: str | date | None, base: int = 0) -> list[DateRange]:
    """Every temporal expression in ``text``, resolved against ``ref``; offsets shifted by ``base``."""
    found = _find_dates_memo(text, ref)
    if not base:
        return list(found)
    return [replace(d, char_start=(d.char_start or 0) + base, char_end=(d.char_end or 0) + base) for d in found]


@functools.lru_cache(maxsize=2048)
def _find_dates_memo(text: str, ref: str | date | None) -> tuple[DateRange, ...]:
    # the dates stage and the casualty stage both read every sentence's dates: find them once
    return tuple(_find_dates(text, ref))


def _find_dates(text: str, ref: str | date | None) -> list[DateRange]:
    base = 0
    refd = _parse_ref(ref)
    cands: list[tuple[int, int, Res]] = []
    for pattern, handler in _rules_for(text):
        for m in pattern.finditer(text):
            s, e = m.span()
            if _NOT_A_DATE_AFTER.match(text[e:e + 20]) and (m[0].isdigit() or _AGE_AFTER.match(text[e:e + 20])):
                continue
            if _MONTH_ALONE.match(m[0]) and m[0].lower().startswith("may") and not text[s].isupper():
                continue
            try:
                res = handler(m, refd)
            except (ValueError, OverflowError):  # "2008 years ago", "99999 days ago": no calendar date
                continue
            except KeyError:  # a name matched only through case folding ("\u017funday"): no word the tables know
                continue
            if res is not None:
                last = re.split(r"[\s-]", text[s:e - 1])[-1].lower()
                if text[e - 1] == "." and (last in FULL_MONTHS or (e == len(text.rstrip()) and m[0][0].isdigit())):
                    # the full stop ends the sentence, not an abbreviation ("in March.", "on 8 Jan.")
                    e -= 1
                cands.append((s, e, res))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Res]] = []
    for c in cands:
        if all(c[1] <= t[0] or c[0] >= t[1] for t in taken):
            taken.append(c)
    out = []
    for s, e, (ds, de, prec) in sorted(taken):
        if prec == "none":  # a name or count that holds a date word ("the Sunday Times")
            continue
        since = _SINCE.search(text[max(0, s - 40):s])
        if since and ds is not None and refd is not None and ds <= refd:
            s -= len(since[0])
            de, prec = refd, "range"
        elif since and ds is None:
            s -= len(since[0])
        out.append(DateRange(text=text[s:e], start=ds.isoformat() if ds else None,
                             end=de.isoformat() if de else None, precision=prec if ds else "unknown",
                             char_start=base + s, char_end=base + e))
    return out


def resolve(expression: str, ref: str | date | None) -> DateRange | None:
    """Resolve one expression as a whole (the longest expression found in it), or None."""
    found = find_dates(expression, ref)
    return max(found, key=lambda d: (d.char_end or 0) - (d.char_start or 0)) if found else None


_CALENDARISH = re.compile(rf"\b(?:{MONTH}|{YEAR}|{WEEKDAY})(?!\w)", re.I)
_AGE = re.compile(r"\bold\b|\bage", re.I)


def _dateparse(text: str, ref: date | None) -> Res | None:
    """dateparser for an explicit date the rules do not know; its period gives the precision."""
    import datetime as dt

    from dateparser.date import DateDataParser  # noqa: PLC0415 - slow import, only when needed

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day)  # type: ignore[assignment]
    elif not re.search(YEAR, text):
        return None
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        s, e = month_range(d.year, d.month)
        return s, e, "month"
    if period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31), "year"
    if period == "week":
        s, e = week_range(d)
        return s, e, "week"
    return d, d, "day"


# ---- dateline: "BAGHDAD, March 25 (Reuters) -" ----------------------------------------------------

_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z.'\- ]{{1,40}},\s*(?:[A-Z][A-Za-z.]{{1,15}}\s*,?\s*)?)?\(?\s*(?:{WEEKDAY},?\s+)?"
    rf"(?P<date>(?:{MONTH})\s+\d{{1,2}}(?:,?\s+{YEAR})?|\d{{1,2}}\s+{MONTH}(?:\s+{YEAR})?|{YEAR}-\d\d-\d\d)"
    rf"\s*(?:\(|\)|,|-|–|—|/|\s)", re.I)
_PUBLISHED = re.compile(
    rf"\b(?:published|posted|updated|dated)\b[^\n]{{0,30}}?(?P<date>(?:{MONTH})\s+\d{{1,2}},?\s+{YEAR}"
    rf"|\d{{1,2}}\s+{MONTH}\s+{YEAR}|{YEAR}-\d\d-\d\d)", re.I)


_BYLINE = re.compile(
    rf"(?im)^\s*by\s+[^\n]{{1,60}}?(?P<date>(?:{MONTH})\s+\d{{1,2}},?\s+{YEAR}|\d{{1,2}}\s+{MONTH}\s+{YEAR})")


def dateline_date(text: str, ref: str | date | None = None) -> str | None:
    """The ISO date in a news dateline or "Published ..." line near the top, or None.

    A dateline without a year ("BAGHDAD, March 25 (Reuters) -") needs ``ref`` (e.g. a crawl date)
    to pick the year; without one it gives None rather than guess.
    """
    head = text[:400]
    m = _DATELINE.match(head) or _PUBLISHED.search(head) or _BYLINE.search(head)
    for line in head.splitlines()[:4]:
        if m:
            break
        m = _DATELINE.match(line)
    if not m:
        return None
    found = find_dates(m["date"], ref)
    if not found or found[0].start is None or found[0].precision != "day":
        return None
    return found[0].start
