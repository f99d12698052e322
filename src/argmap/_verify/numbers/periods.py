"""Periods as day intervals: ``2020-01/2020-03`` covers 2020-01-01 to 2020-03-31."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

#: Days of each month of a common year (``calendar.mdays`` without its leading 0).
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """The days of ``month`` in ``year``, as ``calendar.monthrange(year, month)[1]``, and a
    ValueError for a month outside 1-12 as it raises (``calendar`` itself is 2.2 M
    instructions to import under callgrind, for this one number)."""
    if not 1 <= month <= 12:
        msg = f"bad month number {month}; must be 1-12"
        raise ValueError(msg)
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _MONTH_DAYS[month - 1] + leap


def _bound(part: str, last: bool) -> date:
    pieces = [int(p) for p in part.split("-")]
    if pieces[0] < date.min.year:
        # ISO 8601 year 0000 (1 BC) lies before every day Python's dates hold: its days are
        # taken as the first day there is, so year 0 compares before year 1 and never crashes
        return date.min
    if len(pieces) == 1:
        return date(pieces[0], 12, 31) if last else date(pieces[0], 1, 1)
    if len(pieces) == 2:
        if not last:
            return date(pieces[0], pieces[1], 1)
        return date(pieces[0], pieces[1], days_in_month(pieces[0], pieces[1]))
    return date(pieces[0], pieces[1], pieces[2])


@lru_cache(maxsize=4096)  # a map names few periods, compared for every pair of figures
def period_bounds(period: str) -> tuple[date, date]:
    """First and last day a period covers: ``2020-01/2020-03`` -> 2020-01-01, 2020-03-31."""
    parts = period.split("/")
    return _bound(parts[0], last=False), _bound(parts[-1], last=True)


def periods_overlap(a: str | None, b: str | None) -> bool:
    """True when either period is unknown or they share a day (2019 and 2018/2019 do)."""
    if a is None or b is None:
        return True
    a0, a1 = period_bounds(a)
    b0, b1 = period_bounds(b)
    return a0 <= b1 and b0 <= a1
