"""More rules for ``frontlines.temporal``: spans ("between March 3 and 5", "from Monday to
Wednesday", "from January 2007 until March 2008"), numeric dates, "the 18th", parts of years
("the first half of 2008"), weeks of a month, decades and their parts, the forward relatives
("three weeks from now", "the next two weeks", "in the coming days"), "recently", movable
holidays, centuries, quarters and halves ("Q3 2018", "H1 2008"), year pairs ("2016-17"), seasons,
weekends, fixed holidays, and phrases that hold a date word but are no date ("the Sunday Times",
"Theresa May", "Resolution 1973").

Conventions: a numeric date needs a four-digit year and is read only when one reading is
possible (a day above 12, or both numbers equal; "04/05/2009" is no date); "the 18th" is the
latest 18th on or before the document date (on or after it in a plan); "recently" is the four
weeks up to the document date, like "in recent weeks", and "soon" is no date; a decade's early
part is its years 0-3, mid 4-6, late 7-9 ("the 1900s" and "the 19th century" are centuries:
1900-1999, 1800-1899); the n-th week of a month is its days 7n-6 to 7n, the last week its last
seven days; a span without a year takes the year that puts its start on or before the document
date; "in two weeks" is a date only in a plan (else a duration).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .timecal import (
    MONTH,
    NO_DATE,
    ORD,
    UNRESOLVED,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Res,
    amount,
    decade_part,
    easter,
    fraction_of,
    future_year_for,
    is_future,
    month_of,
    month_range,
    part_of,
    past_year_for,
    season_range,
    shift_months,
    step,
    thanksgiving,
    week_range,
    width_precision,
)

_TO = r"\s*(?P<sep>-|–|to|through|thru|until|till|and)\s*"


def _span_ok(m: re.Match[str]) -> bool:
    """'and' joins a span only after 'between'; 'between' needs 'and' ("between 3 and 5")."""
    pre = (m["pre"] or "").lower()
    sep = m["sep"].lower()
    return (sep == "and") == (pre == "between")


def _year_for(ref: date | None, m: re.Match[str], mon: int, day: int) -> int | None:
    if ref is None:
        return None
    if is_future(m.string, m.start(), m.end()):
        return future_year_for(ref, mon, day)
    return past_year_for(ref, mon, day)


def h_day_span(m: re.Match[str], ref: date | None) -> Res | None:
    """'March 3-5', 'between March 3 and 5', 'from March 10 to March 14', '12-15 April'."""
    if not _span_ok(m):
        return None
    # the first pattern names the start month (mon) and maybe the end month (mon2); the second names the end
    # month (mon2) and maybe the start month (mon1)
    mon1 = month_of(m["mon1"] or m["mon"] or m["mon2"])
    mon2 = month_of(m["mon2"] or m["mon"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    wraps = (mon1, d1) > (mon2, d2)  # "December 28 to January 3"
    if m["year"]:  # the year written is the end's
        y2 = int(m["year"])
        y1 = y2 - wraps
    else:  # without one, the start is the latest such day on or before the document date (in a plan, the first after)
        y = _year_for(ref, m, mon1, d1)
        if y is None:
            return UNRESOLVED
        y1, y2 = y, y + wraps
    try:
        s, e = date(y1, mon1, d1), date(y2, mon2, d2)
    except ValueError:
        return None
    if e < s:
        return None
    return s, e, width_precision(s, e)


def h_month_year_span(m: re.Match[str], ref: date | None) -> Res | None:
    """'from January 2007 until March 2008', 'March 2007 - May 2008'."""
    if not _span_ok(m):
        return None
    s = month_range(int(m["y1"]), month_of(m["m1"]))[0]
    e = month_range(int(m["y2"]), month_of(m["m2"]))[1]
    return (s, e, "range") if s <= e else None


def h_weekday_span(m: re.Match[str], ref: date | None) -> Res | None:
    """'from Monday to Wednesday': the latest such stretch ending on or before the document date
    (starting on or after it in a plan)."""
    if not _span_ok(m):
        return None
    if ref is None:
        return UNRESOLVED
    w1, w2 = WEEKDAYS[m["w1"].lower()], WEEKDAYS[m["w2"].lower()]
    if is_future(m.string, m.start(), m.end()):
        s = ref + timedelta(days=(w1 - ref.weekday()) % 7)
        e = s + timedelta(days=(w2 - w1) % 7)
    else:
        e = ref - timedelta(days=(ref.weekday() - w2) % 7)
        s = e - timedelta(days=(w2 - w1) % 7)
    return s, e, width_precision(s, e)


def h_numeric(m: re.Match[str], ref: date | None) -> Res | None:
    """25/03/2008, 03/25/2008, 25.03.2008, 2008/03/25: only where one reading is possible."""
    y = int(m["y"])
    if m["a"]:
        a, b = int(m["a"]), int(m["b"])
        if a <= 12 and b <= 12 and a != b:
            return NO_DATE  # day and month cannot be told apart
        day, mon = (a, b) if a > 12 else (b, a)
    else:
        mon, day = int(m["mm"]), int(m["dd"])
    try:
        d = date(y, mon, day)
    except ValueError:
        return NO_DATE
    return d, d, "day"


def h_nth(m: re.Match[str], ref: date | None) -> Res | None:
    """'on the 18th': that day of the document's month, or of the month before when it is later
    than the document date (the month after, in a plan)."""
    if ref is None:
        return UNRESOLVED
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    rel = (m["rel"] or "").lower()
    future = rel == "next" or (not rel and is_future(m.string, m.start(), m.end()))
    step = 1 if future else -1
    start = ref.replace(day=1)
    if rel == "last":
        start = shift_months(start, -1)
    elif rel == "next":
        start = shift_months(start, 1)
    elif (day < ref.day) if future else (day > ref.day):
        start = shift_months(start, step)
    for _ in range(3):  # the 31st of a 30-day month: the next such month in the same direction
        try:
            d = start.replace(day=day)
            return d, d, "day"
        except ValueError:
            start = shift_months(start, step)
    return None


def _year_of(what: str, ref: date | None) -> int | None:
    w = " ".join(what.lower().split())
    y = re.search(r"\d{4}", w)
    if y:
        return int(y[0])
    if ref is None:
        return None
    if w.startswith(("last", "the previous", "previous", "the preceding")):
        return ref.year - 1
    if w.startswith(("next", "the following", "the coming")):
        return ref.year + 1
    return ref.year  # this year, the year, the current year


def h_fraction(m: re.Match[str], ref: date | None) -> Res | None:
    """'the first half of 2008', 'the second half of last year', 'the first quarter of 2009'."""
    y = _year_of(m["what"], ref)
    if y is None:
        return UNRESOLVED
    span = fraction_of(m["ord"].lower(), m["unit"].lower(), date(y, 1, 1), date(y, 12, 31))
    return (span[0], span[1], "range") if span else None


def h_months_of(m: re.Match[str], ref: date | None) -> Res | None:
    """'the first six months of 2008', 'the last three months of last year'."""
    y = _year_of(m["what"], ref)
    if y is None:
        return UNRESOLVED
    n = amount(m["n"])
    if not 1 <= n <= 12:
        return None
    if m["ord"].lower() == "first":
        return date(y, 1, 1), month_range(y, n)[1], width_precision(date(y, 1, 1), month_range(y, n)[1])
    s = date(y, 13 - n, 1)
    return s, date(y, 12, 31), width_precision(s, date(y, 12, 31))


def h_week_of(m: re.Match[str], ref: date | None) -> Res | None:
    """'the first week of March': days 1-7; 'the last week of March': its last seven days."""
    mon = month_of(m["mon"])
    if not m["mon"][0].isupper():
        return None
    if m["year"]:
        y = int(m["year"])
    else:
        got = _year_for(ref, m, mon, 1)
        if got is None:
            return UNRESOLVED
        y = got
    s, e = month_range(y, mon)
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        return e - timedelta(days=6), e, "week"
    n = {"first": 0, "second": 1, "third": 2, "fourth": 3}[ordinal]
    s = s + timedelta(days=7 * n)
    return s, s + timedelta(days=6), "week"


def h_decade(m: re.Match[str], ref: date | None) -> Res | None:
    """'the 1990s', 'the early 1980s', 'the mid-2000s', "the '90s"."""
    if m["word"]:  # "the nineties": the 1990s
        start = 1900 + 10 * ("  twenties thirties forties fifties sixties seventies eighties nineties".split().index(
            m["word"].lower()) + 2)
    elif m["dec"]:
        start = int(m["dec"])
        if start in (1800, 1900):
            return None  # "the 1800s", "the 1900s": centuries (h_century)
    else:
        two = int(m["dec2"])
        start = 1900 + two
        if ref is not None and 2000 + two <= ref.year:
            start = 2000 + two
    s, e = decade_part(m["part"] or m["part2"], start)
    return s, e, "range"


def h_from_now(m: re.Match[str], ref: date | None) -> Res | None:
    """'three weeks from now', 'two years hence', 'in two weeks' (in a plan), 'in a month's time': the
    day, week, month or year that far ahead."""
    if not m["tail"] and not (m["inn"] and is_future(m.string, m.start(), m.end())):
        return None  # "killed 40 in two days", "two weeks": a duration
    if ref is None:
        return UNRESOLVED
    return step(ref, amount(m["n"]), m["unit"].lower())


_DURATION_BEFORE = re.compile(r"\b(?:over|within|during|for|in|throughout)\s+$", re.I)
_COMING = {"day": 7, "week": 28, "month": 183, "year": 3 * 365}
_NEXT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def _ahead(ref: date, n: int, unit: str) -> date:
    """The day ``n`` hours, days, weeks, months or years after ``ref``."""
    if unit == "month":
        return shift_months(ref, n)
    if unit == "year":
        return date(ref.year + n, ref.month, min(ref.day, 28)) if ref.month == 2 else ref.replace(year=ref.year + n)
    return ref + timedelta(days=max(1, round(n * _NEXT_DAYS[unit])))


def h_coming(m: re.Match[str], ref: date | None) -> Res | None:
    """'the next two weeks', 'in the coming days': from the document date forward (the mirror of
    'the past two weeks', 'in recent days')."""
    unit = m["unit"].lower()
    if m["next"] and not m["n"] and not _DURATION_BEFORE.search(m.string[:m.start()]):
        return None  # "the next day", "elections the next year": the one after another (temporal._h_relative)
    if ref is None:
        return UNRESOLVED
    n = amount(m["n"]) if m["n"] else 1
    if m["coming"] and not m["n"] and m[0].lower().endswith("s"):  # "the coming weeks"; "the coming week" is one
        e = ref + timedelta(days=_COMING.get(unit, 1))
    else:
        e = _ahead(ref, n, unit)
    return ref, e, width_precision(ref, e)


def h_within(m: re.Match[str], ref: date | None) -> Res | None:
    """'within six months' in a plan: from the document date to that far ahead (in a report it
    counts from a time told elsewhere: no date)."""
    if not is_future(m.string, m.start(), m.end()):
        return None
    if ref is None:
        return UNRESOLVED
    e = _ahead(ref, amount(m["n"]), m["unit"].lower())
    return ref, e, width_precision(ref, e)


def h_recently(m: re.Match[str], ref: date | None) -> Res | None:
    """'recently', 'lately': the four weeks up to the document date; 'until recently' is no date."""
    if (m["until"] or "").strip():
        return NO_DATE
    if ref is None:
        return UNRESOLVED
    s = ref - timedelta(days=28)
    return s, ref, width_precision(s, ref)


def h_movable(m: re.Match[str], ref: date | None) -> Res | None:
    """Easter, Good Friday, Easter Monday, Thanksgiving: the latest on or before the document date
    (on or after it in a plan)."""
    if ref is None:
        return UNRESOLVED
    name = " ".join(m["name"].lower().split())

    def day_in(y: int) -> date:
        if name.startswith("thanksgiving"):
            return thanksgiving(y)
        if name.startswith(("labor", "labour")):  # US Labor Day: the first Monday of September
            return date(y, 9, 1) + timedelta(days=(0 - date(y, 9, 1).weekday()) % 7)
        if name.startswith("memorial"):  # US Memorial Day: the last Monday of May
            return date(y, 5, 31) - timedelta(days=date(y, 5, 31).weekday())
        shift = {"good friday": -2, "easter monday": 1}.get(name, 0)
        return easter(y) + timedelta(days=shift)

    future = is_future(m.string, m.start(), m.end())
    d = day_in(ref.year)
    if future and d < ref:
        d = day_in(ref.year + 1)
    elif not future and d > ref:
        d = day_in(ref.year - 1)
    return d, d, "day"


def h_weekend(m: re.Match[str], ref: date | None) -> Res | None:
    """The weekend: the latest Saturday-Sunday on or before the document date; "next weekend", and
    "this weekend" in a plan written on a weekday, the coming one."""
    if ref is None:
        return UNRESOLVED
    sat = ref - timedelta(days=(ref.weekday() - 5) % 7)
    rel = (m["rel"] or "").lower()
    if rel == "last" and ref.weekday() >= 5:
        sat -= timedelta(days=7)
    if rel == "next" or (rel == "this" and ref.weekday() < 5 and is_future(m.string, m.start(), m.end())):
        sat += timedelta(days=7)
    return sat, sat + timedelta(days=1), "week"


_HOLIDAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
             "new years eve": (12, 31), "new years": (1, 1), "new years day": (1, 1),
             "valentines day": (2, 14), "halloween": (10, 31), "boxing day": (12, 26), "fourth of july": (7, 4),
             "the fourth of july": (7, 4), "veterans day": (11, 11), "armistice day": (11, 11),
             "remembrance day": (11, 11), "bastille day": (7, 14), "st patricks day": (3, 17),
             "st. patricks day": (3, 17), "may day": (5, 1)}


def h_holiday(m: re.Match[str], ref: date | None) -> Res | None:
    """Fixed-date holidays: the latest on or before the document date (the next, in a plan);
    "last Christmas" the latest before it, "next Christmas" the first after it."""
    if ref is None:
        return UNRESOLVED
    month, day = _HOLIDAYS[" ".join(m["name"].lower().replace("'", "").replace("’", "").split())]
    rel = (m["rel"] or "").lower()
    future = rel == "next" or (rel != "last" and is_future(m.string, m.start(), m.end()))
    d = date((future_year_for if future else past_year_for)(ref, month, day), month, day)
    if d == ref and rel in ("last", "next"):
        d = d.replace(year=d.year + (1 if rel == "next" else -1))
    return d, d, "day"


def h_season(m: re.Match[str], ref: date | None) -> Res | None:
    """A season; early / mid / late is its first, second or third month ("by late summer")."""
    got = _season(m, ref)
    part = (m["part"] or "").lower().rstrip("-").strip()
    if part and got is not None and got[0] is not None:
        i = {"early": 0, "mid": 1, "late": 2}[part]
        first = shift_months(got[0], i)
        s, e = month_range(first.year, first.month)
        return s, e, "month"
    return got


def _season(m: re.Match[str], ref: date | None) -> Res | None:
    season = m["season"].lower()
    if not (m["rel"] or m["pre"] or m["year"] or m["lb"] is not None):
        return None  # "prices fall", "hot spring": not a date
    if m["year"]:  # "winter 2006", "the winter of 2014-15": a winter is named by its December
        s, e = season_range(int(m["year"]), season)
        return s, e, "season"
    if ref is None:
        return UNRESOLVED
    rel = (m["rel"] or "").lower()
    # the latest season of that name that has started by ``ref``
    y = ref.year
    s, e = season_range(y, season)
    while s > ref:
        y -= 1
        s, e = season_range(y, season)
    if rel in ("last", "past") and e >= ref:  # still running: "last summer" is the one before
        s, e = season_range(y - 1, season)
    elif rel == "next":
        s, e = season_range(y + 1, season)
    elif (rel == "this" or is_future(m.string, m.start(), m.end())) and e < ref:
        # "this spring" written in January, "will ... in the summer" written in October: the
        # coming one when the last has ended (for "this", when the coming one is nearer)
        ns, ne = season_range(y + 1, season)
        if rel != "this" or (ns - ref) < (ref - e):
            s, e = ns, ne
    return s, e, "season"


def h_quarter(m: re.Match[str], ref: date | None) -> Res | None:
    """'Q3 2018', '3Q 2018': that quarter of the year; 'H1 2008': that half."""
    q, y = int(m["q"] or m["q2"]), int(m["year"])
    if m["h"] == "H":  # a half
        if q > 2:
            return None
        return date(y, 6 * q - 5, 1), month_range(y, 6 * q)[1], "range"
    return date(y, 3 * q - 2, 1), month_range(y, 3 * q)[1], "range"


def h_century(m: re.Match[str], ref: date | None) -> Res | None:
    """'the 19th century' = 1800-1899 (as analysts file it), 'the 1900s' = 1900-1999; early / mid /
    late are its thirds (years 0-32, 33-65, 66-99)."""
    start = (int(m["n"]) - 1) * 100 if m["n"] else int(m["hund"])
    if not 1000 <= start <= 2100:
        return None
    p = (m["part"] or "").lower().rstrip("-").strip()
    a, b = {"early": (0, 32), "mid": (33, 65), "late": (66, 99)}.get(p, (0, 99))
    return date(start + a, 1, 1), date(start + b, 12, 31), "range"


def h_year_pair(m: re.Match[str], ref: date | None) -> Res | None:
    """'2016-17', '2014/15': the two years (a season, a fiscal or school year)."""
    a = int(m["y1"])
    b = a - a % 100 + int(m["yy"])
    if b != a + 1:
        return None
    return date(a, 1, 1), date(b, 12, 31), "range"


def h_part_in(m: re.Match[str], ref: date | None) -> Res | None:
    """'early in the year', 'late in the month', 'mid in the week', 'late in 2007', 'early in March'."""
    if m["year"]:
        y = int(m["year"])
        return part_of(m["part"], date(y, 1, 1), date(y, 12, 31))
    if m["mon"]:
        if not m["mon"][0].isupper():
            return None
        mon = month_of(m["mon"])
        if m["year2"]:
            s, e = month_range(int(m["year2"]), mon)
        elif ref is None:
            return UNRESOLVED
        else:
            s, e = month_range(past_year_for(ref, mon), mon)
        return part_of(m["part"], s, e)
    if ref is None:
        return UNRESOLVED
    unit = m["what"].lower().split()[-1]
    if unit == "year":
        s, e = date(ref.year, 1, 1), date(ref.year, 12, 31)
    elif unit == "month":
        s, e = month_range(ref.year, ref.month)
    else:
        s, e = week_range(ref)
    return part_of(m["part"], s, e)


# a preposition, article or time word before a month makes it a date after all ("in June Britain voted")
_DATE_CONTEXT_BEFORE = re.compile(
    rf"\b(?:in|on|since|during|by|until|till|of|from|to|through|early|late|mid|last|this|next|and|or|before|after"
    rf"|between|throughout|for|the|an?|around|about|circa|{MONTH}|\d+(?:st|nd|rd|th)?)\W*$", re.I)


def h_no_date(m: re.Match[str], ref: date | None) -> Res | None:
    """Numbers and names that hold a date word: claim the span, give no date."""
    return NO_DATE


def h_no_date_words(m: re.Match[str], ref: date | None) -> Res | None:
    return NO_DATE


def h_month_name(m: re.Match[str], ref: date | None) -> Res | None:
    """A month that is a name: "Theresa May", "Mr. March", "June Carter"."""
    if m["named"]:  # "Theresa May said", "Mr. March told", unless the word before is "In", "Since", "Last" ...
        first = m["first"]
        if _DATE_CONTEXT_BEFORE.search(first + " ") or re.fullmatch(rf"{WEEKDAY}|{MONTH}|every|each|that|its|their"
                                                                   r"|his|her|our|during|throughout|a|an", first, re.I):
            return None
        return NO_DATE
    if m["given"]:  # "June Carter said", unless a preposition or article makes it a date ("a June rally")
        if _DATE_CONTEXT_BEFORE.search(m.string[max(0, m.start() - 30):m.start()]):
            return None
        if re.fullmatch(rf"{WEEKDAY}|{MONTH}", m["surname"], re.I):
            return None
    return NO_DATE


# Years read as counts after a word of quantity or as labels ("about 2000 families", "Resolution 1973"),
# weekdays in names ("the Sunday Times", "Bloody Sunday"), "the fall of Baghdad", "the 25th Infantry",
# "USA Today", and a month that is a given name ("June Carter said").
_LABEL = (r"(?:resolution|no\.|number|nos?\.|room|flight|route|highway|interstate|article|section|chapter|"
          r"paragraph|bill|unit|model|page|apartment|suite|exit|platform|gate|bus|code|h\.r\.|windows|lot|"
          r"regulation|directive|precinct|pier|terminal|hangar|cell|ward)")
_QUANT = (r"(?:about|around|some|nearly|almost|more\s+than|fewer\s+than|less\s+than|at\s+least|up\s+to|"
          r"approximately|roughly|an\s+estimated|over)")
_PLURAL = r"(?!(?:was|has|is|as|this|its|his|us|yes|thus|plus|less|across|whereas|unless)\b)[a-z]+[^\Ws]s\b"

NOT_A_DATE_NUM = re.compile(
    rf"\b{_QUANT}\s+{YEAR}\s+{_PLURAL}"
    rf"|\b{_LABEL}\s+{YEAR}\b"
    r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\s+(?:infantry|armou?red|airborne|brigade|division|battalion|regiment|"
    r"floor|anniversary|amendment|congress|district|precinct|street|avenue|birthday|round)\b", re.I)
NOT_A_DATE_WORDS = re.compile(
    rf"\b{WEEKDAY}\s+(?-i:Times|Telegraph|Express|Mirror|Herald|Post|Star|Independent|Observer|Tribune|"
    rf"Sport|People|Mail|World|Business|Review|Night\s+Live)\b"
    rf"|\bbloody\s+{WEEKDAY}\b"
    r"|\bgood\s+friday\s+(?:agreement|accords?|deal|peace)\b"
    r"|\busa\s+today\b"
    r"|\bthe\s+(?:fall|spring)\s+of\s+(?:the\s+)?(?-i:[A-Z][a-z])|\bthe\s+fall\s+(?:in|from)\b", re.I)
MONTH_NAMES = re.compile(
    r"(?P<given>\b(?:April|May|June|July|August)\s+(?P<surname>[A-Z][a-z]+)\b)"
    r"|(?P<named>\b(?P<first>[A-Z][a-z]+)\.?\s+(?:March|April|May|June|August)\b(?!\s*\d))")


SPAN_RULES = [
    (re.compile(rf"\b(?:(?P<pre>between|from)\s+)?(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<d1>\d{{1,2}})"
                rf"(?:st|nd|rd|th)?{_TO}(?:(?:{WEEKDAY},?\s+)?(?P<mon2>{MONTH})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
                rf"(?P<mon1>)(?:,?\s+(?P<year>{YEAR})\b)?", re.I), h_day_span),
    (re.compile(rf"\b(?:(?P<pre>between|from)\s+)?(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<mon1>{MONTH}))?"
                rf"{_TO}(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{MONTH})(?!\w)(?P<mon>)"
                rf"(?:,?\s+(?P<year>{YEAR})\b)?", re.I), h_day_span),
    (re.compile(rf"\b(?:(?P<pre>between|from)\s+)?(?P<m1>{MONTH})\s+(?P<y1>{YEAR}){_TO}(?P<m2>{MONTH})\s+"
                rf"(?P<y2>{YEAR})\b", re.I), h_month_year_span),
    (re.compile(rf"\b(?:(?P<pre>between|from)\s+)?(?P<w1>{WEEKDAY}){_TO}(?P<w2>{WEEKDAY})\b", re.I), h_weekday_span),
    (re.compile(r"(?<![\d/.])(?:(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)|(?P<yy>)(?=\d{4}/))"
                r"(?P<y>(?:19|20)\d\d)(?:/(?P<mm>\d{1,2})/(?P<dd>\d{1,2}))?(?![\d/])"), h_numeric),
    (re.compile(r"(?<=\bon\s)the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?P<rel>last|this|next)\s+month)?"
                r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|but|or|when|as|while|after|before|at|in|of|until|with|near|"
                r"outside|inside|against|amid|during|following)\b)", re.I), h_nth),
    (re.compile(rf"\bthe\s+{ORD}\s+(?P<unit>half|quarter)\s+of\s+(?P<what>{YEAR}|(?:(?:last|this|next|the\s+previous|"
                r"the\s+following|the\s+current)\s+|the\s+)year)\b", re.I), h_fraction),
    (re.compile(rf"\bthe\s+{ORD}\s+week\s+of\s+(?P<mon>{MONTH})(?:\s+(?P<year>{YEAR}))?(?!\w)", re.I), h_week_of),
    (re.compile(r"\bthe\s+(?:(?P<part>early|late|mid-?)\s*)?(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dec2>\d0))['’]?s\b"
                r"|\bthe\s+(?:(?P<part2>early|late|mid-?)\s*)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies"
                r"|eighties|nineties)\b",
                re.I), h_decade),
    (re.compile(r"(?:\b(?P<inn>in)\s+)?\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of"
                r"|a\s+few)\s+(?P<unit>minute|hour|day|week|fortnight|month|year|decade)s?\b"
                r"(?P<tail>\s+(?:from\s+now|hence)\b|['’]?\s+time\b)?(?!['’]?\s*of\b|-)", re.I), h_from_now),
    (re.compile(r"(?:\b(?:(?:in|over|during)\s+)?the\s+(?P<coming>coming|upcoming)|\bthe\s+(?P<next>next))\s+(?:(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)\s+)?"
                r"(?P<unit>hour|day|week|month|year)s?\b", re.I), h_coming),
    (re.compile(r"\b(?:(?P<until>until|till)\s+)?(?:recently|lately)\b", re.I), h_recently),
    (re.compile(r"\bwithin\s+(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
                r"(?P<unit>hour|day|week|month|year)s?\b", re.I), h_within),
    (re.compile(r"\b(?P<name>good\s+friday|easter(?:\s+(?:sunday|monday|day))?|thanksgiving(?:\s+day)?|labou?r\s+day|memorial\s+day)\b", re.I),
     h_movable),
    (re.compile(rf"\b(?:(?P<h>[QH])(?P<q>[1-4])|(?P<q2>[1-4])Q)\s*(?P<year>{YEAR})\b"), h_quarter),
    (re.compile(rf"\bthe\s+(?P<ord>first|last|final)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})"
                rf"\s+months\s+of\s+(?P<what>{YEAR}|(?:(?:last|this|next|the\s+previous|the\s+following|the\s+current)"
                r"\s+|the\s+)year)\b", re.I), h_months_of),
    (re.compile(r"\bthe\s+(?:(?P<part>early|mid-?|late)\s*)?(?:(?P<n>1[0-9]|2[01])(?:st|nd|rd|th)\s+century"
                r"|(?P<hund>1[89]00)['’]?s)\b", re.I), h_century),
    (re.compile(rf"\b(?P<y1>{YEAR})\s*[-–/]\s*(?P<yy>\d\d)\b(?![-/.]\d)"), h_year_pair),
    (re.compile(rf"\b(?P<part>early|late|mid)\s+in\s+(?P<what>the\s+(?:year|month|week)|(?P<mon>{MONTH})(?!\w)"
                rf"(?:\s+(?P<year2>{YEAR}))?|(?P<year>{YEAR}))\b", re.I), h_part_in),
    (NOT_A_DATE_NUM, h_no_date), (NOT_A_DATE_WORDS, h_no_date_words), (MONTH_NAMES, h_month_name),
]
