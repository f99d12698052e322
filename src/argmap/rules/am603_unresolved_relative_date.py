"""A relative date cannot be dated, so whether the quotes state it cannot be checked.

"Last year" in a claim or a quote means the year before the source was issued; argmap dates
it by the ``issued`` date of the source whose text holds the quote. When that source has no
issue date, or the phrase names no definite period ("in recent years", "the past few
years"), the claim's date is not checkable: information, so the analyst can add the issue
date or write the year. A claim that repeats the phrase its quote uses ("in recent years" for
"in recent years") needs no date. A claim date that no quote states while a quote's relative
date cannot be dated is reported here instead of AM302, since the quote may state it.

FAIL::

    claims:
      - {id: C1, text: Exports fell last year., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: "exports fell by a fifth"}}
    sources:
      - {id: S1, title: Trade report}

PASS::

    sources:
      - {id: S1, title: Trade report, issued: 2020-05}
    # 'last year' is 2019, and the quote must state 2019 (AM302)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder
from argmap._verify.dates import ClaimDate, DateStatus
from argmap.rules._shared import every_claim_date

CODE = "AM603"
ID = "unresolved-relative-date"
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {}
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_UNRESOLVED = DateStatus.UNRESOLVED

_HINT_VAGUE = "write the years the source gives, or keep the quote's own words"


def _why(found: ClaimDate, sources: list[str]) -> str:
    written = found.date
    if written.relative is not None:
        if written.offset is None:
            return f"{written.text!r} names no definite period"
        if sources:
            return (f"{written.text!r} is dated by the source's issue date, and "
                    + ", ".join(sources) + " gives none")
        return f"{written.text!r} is dated by the source's issue date, and no quote gives one"
    quotes = "; ".join(f"{e} says {s.text!r} and {source} has no issue date"
                       for e, s, source in found.unresolved)
    return f"no quote states {written.shown}, but {quotes}"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim, found in every_claim_date(ctx):
        if found.status != _UNRESOLVED:
            continue
        sources = list(dict.fromkeys(
            quote_holder(ctx.evidence[e])
            for e in claim.evidence if e in ctx.evidence))
        related = tuple(RelatedRef(f"the quote says {s.text!r}", node=e, kind="evidence",
                                   field=("quote", "exact"))
                        for e, s, _ in found.unresolved[:3])
        yield Problem(
            f"date {found.date.shown} cannot be checked: {_why(found, sources)}",
            node=claim.id,
            kind="claims",
            field=found.field,
            hint=_HINT_VAGUE if found.date.relative and found.date.offset is None
            else "give the source's issued date, or write the year the date means",
            related=related,
            data={"date": found.date.text, "period": found.date.period},
        )
