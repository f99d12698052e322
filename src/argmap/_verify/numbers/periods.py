"""Periods as day intervals: ``2020-01/2020-03`` covers 2020-01-01 to 2020-03-31."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


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
        return date(pieces[0], pieces[1], calendar.monthrange(pieces[0], pieces[1])[1])
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
