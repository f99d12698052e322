"""A source's ``issued`` or ``accessed`` date is not a calendar date.

CSL-JSON writes a date as ``date-parts``, ``[[year, month, day]]`` (two entries for a
range), and nothing stops a typo there: month 13, day 31 of April, a year of 10^22, a word.
Such a date cannot be right, and AM410, AM601 and the dating of relative dates (AM302, AM603)
cannot read it, so it is an error. Years 1-9999 are read; months 13-16 are the four seasons,
as CSL processors read them. ISO dates are checked when the map loads (AM1xx); CSL
``literal`` and ``raw`` are free text and not checked.

FAIL::

    sources:
      - {id: S1, title: City report, issued: {date-parts: [[2023, 13, 2]]}}

PASS::

    sources:
      - {id: S1, title: City report, issued: {date-parts: [[2023, 12, 2]]}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.dates import date_problem, show_date

CODE = "AM604"
ID = "impossible-source-date"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for source in ctx.sources.values():
        for name, value in (("issued", source.issued), ("accessed", source.accessed)):
            problem = date_problem(value)
            if problem is None or value is None:
                continue
            yield Problem(
                f"source {source.id!r}: the {name} date is not a calendar date: {problem}",
                node=source.id,
                kind="sources",
                field=(name,),
                hint="write the date as date-parts [[year, month, day]] (or an ISO date)",
                data={"source": source.id, "field": name, "date": show_date(value),
                      "problem": problem},
            )
