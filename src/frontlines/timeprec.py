"""Date precision to the codes of the two big conflict datasets.

ACLED ``time_precision`` (ACLED codebook): 1 = the day is known; 2 = the week or a few days
around it; 3 = only the month or a longer period.
UCDP GED ``date_prec`` (UCDP GED codebook): 1 = exact day; 2 = within 2-6 days; 3 = the week;
4 = within 8-30 days or the month; 5 = more than 30 days (season, year, longer).
"""

from __future__ import annotations

from datetime import date

from .records import DateRange


def span_days(d: DateRange) -> int | None:
    """Days between start and end (0 for a single day), None when unresolved."""
    if not d.start or not d.end:
        return None
    return (date.fromisoformat(d.end) - date.fromisoformat(d.start)).days


def acled_time_precision(d: DateRange | None) -> int:
    """ACLED time_precision (1-3); an unknown or missing date is the least precise, 3."""
    if d is None or d.precision == "unknown":
        return 3
    days = span_days(d)
    if d.precision == "day" or days == 0:
        return 1
    if d.precision == "week" or (days is not None and days <= 7):
        return 2
    return 3


def ucdp_date_prec(d: DateRange | None) -> int:
    """UCDP GED date_prec (1-5), from the actual width of the range where it is known."""
    if d is None or d.precision == "unknown":
        return 5
    days = span_days(d)
    if days is None:
        return {"day": 1, "week": 3, "month": 4}.get(d.precision, 5)
    if days == 0:
        return 1
    if days <= 5:
        return 2
    if days <= 7:
        return 3
    if days <= 30 or d.precision == "month":
        return 4
    return 5
