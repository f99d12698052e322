"""A source accessed before it was issued.

``accessed`` is when the analyst read the source, ``issued`` when it was published; reading
it before it existed means one of the dates is wrong. Dates are compared at the precision
given: accessed 2020-12 and issued 2020-12-15 may both be right, accessed 2020-11-30 and issued
2020-12 cannot. A date that is not a calendar date (month 13, year 10^22) is AM604's
finding and is not compared here.

FAIL::

    sources:
      - {id: S1, title: City report, issued: 2023-04, accessed: 2022-05-02}

PASS::

    sources:
      - {id: S1, title: City report, issued: 2023-04, accessed: 2023-05-02}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.dates import date_bounds, show_date

CODE = "AM410"
ID = "accessed-before-issued"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for source in ctx.sources.values():
        if source.accessed is None or source.issued is None:
            continue
        accessed, issued = date_bounds(source.accessed), date_bounds(source.issued)
        if accessed is None or issued is None or accessed[1] >= issued[0]:
            continue
        yield Problem(
            f"source {source.id!r} was accessed ({show_date(source.accessed)}) before it was "
            f"issued ({show_date(source.issued)})",
            node=source.id,
            kind="sources",
            field=("accessed",),
            hint="check both dates: accessed is when you read it, issued when it was published",
            data={"source": source.id, "accessed": show_date(source.accessed),
                  "issued": show_date(source.issued)},
        )
