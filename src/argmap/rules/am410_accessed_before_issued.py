"""A source accessed before it was issued.

``accessed`` is when the analyst read the source, ``issued`` when it was published; reading
it before it existed means one of the dates is wrong. Dates are compared at the precision
given: accessed 2020-12 and issued 2020-12-15 may both be right, accessed 2020-11-30 and issued
2020-12 cannot.

FAIL::

    sources:
      - {id: S1, title: City report, issued: 2023-04, accessed: 2022-05-02}

PASS::

    sources:
      - {id: S1, title: City report, issued: 2023-04, accessed: 2023-05-02}
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._model import CslDate

CODE = "AM410"
ID = "accessed-before-issued"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _bounds(parts: list[int]) -> tuple[date, date] | None:
    """First and last day a date of this precision can mean."""
    try:
        year = parts[0]
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = parts[1]
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, parts[2])
    except (ValueError, IndexError, calendar.IllegalMonthError):
        return None
    return day, day


def _iso_bounds(text: str) -> tuple[date, date] | None:
    ends = [_ISO.match(piece.strip()) for piece in text.split("/")]
    if not ends or any(m is None for m in ends):
        return None
    ranges = [_bounds([int(g) for g in m.groups() if g is not None]) for m in ends if m]
    if any(r is None for r in ranges):
        return None
    return ranges[0][0], ranges[-1][1]  # type: ignore[index]


def date_bounds(value: str | CslDate | None) -> tuple[date, date] | None:
    """The earliest and latest day a CSL or ISO date can mean, or None when unreadable.

    >>> date_bounds("2020-12")
    (datetime.date(2020, 12, 1), datetime.date(2020, 12, 31))
    """
    if value is None:
        return None
    if isinstance(value, str):
        return _iso_bounds(value)
    if value.date_parts:
        ranges = []
        for entry in value.date_parts[:2]:
            try:
                parts = [int(p) for p in entry[:3]]
            except (TypeError, ValueError):
                return None
            bounds = _bounds(parts) if parts else None
            if bounds is None:
                return None
            ranges.append(bounds)
        return ranges[0][0], ranges[-1][1]
    text = value.raw or value.literal
    return _iso_bounds(text) if text else None


def _show(value: str | CslDate) -> str:
    if isinstance(value, str):
        return value
    if value.date_parts:
        return "/".join("-".join(str(p) for p in entry) for entry in value.date_parts)
    return value.raw or value.literal or "?"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for source in ctx.sources.values():
        if source.accessed is None or source.issued is None:
            continue
        accessed, issued = date_bounds(source.accessed), date_bounds(source.issued)
        if accessed is None or issued is None or accessed[1] >= issued[0]:
            continue
        yield Problem(
            f"source {source.id!r} was accessed ({_show(source.accessed)}) before it was "
            f"issued ({_show(source.issued)})",
            node=source.id,
            kind="sources",
            field=("accessed",),
            hint="check both dates: accessed is when you read it, issued when it was published",
            data={"source": source.id, "accessed": _show(source.accessed),
                  "issued": _show(source.issued)},
        )
