"""A year, date or period of a claim is not stated by the quotes of the claim's evidence.

A date is a fact and is cited like a figure (AM301): every year, date and period in a claim's
text, and its ``period``, must be stated by one of its evidence quotes: equal to a date the
quote states, within it ("2019" within "2014–2019"), or the same date written less precisely
("March 2020" for "11 March 2020"); the two ends of a period may be stated apart
("2013–2018" by "in 2013" and "in 2018"). The quote's ``prefix`` and ``suffix`` count, words
in square brackets and ``evidence.period`` do not. A relative date ("last year") is dated by
the issue date of the source holding the quote (AM603 when it cannot be). A year that is the
period of a figure AM301 reports for that period is reported there only. A claim with no
evidence that other claims support (an intermediate conclusion, a thesis) needs none for its
dates unless ``exempt_concluded`` (default true) is false; a claim with evidence, concluded
or not, has its dates compared with its quotes, as AM301 does its figures. See
``docs/numbers.md`` (Dates).

FAIL::

    claims:
      - {id: C1, text: Russia lifted its transit ban in June 2018., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: "In June 2019, Russia lifted the transit ban"}}

PASS::

    claims:
      - {id: C1, text: Russia lifted its transit ban in June 2019., evidence: [E1]}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.dates import ClaimDate, DateStatus, dates_of
from argmap.rules._shared import keep_claim_dates

if TYPE_CHECKING:
    from argmap._model import Claim

CODE = "AM302"
ID = "uncited-date"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {"exempt_concluded": True}
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_NO_EVIDENCE, _UNCITED = DateStatus.NO_EVIDENCE, DateStatus.UNCITED


def _what(found: ClaimDate) -> str:
    if found.field == ("period",):
        return f"the claim's period {found.date.period}"
    return f"date {found.date.shown}"


def check(ctx: RuleContext) -> Iterator[Problem]:
    exempt = bool(ctx.options.get("exempt_concluded", True))
    pairs: list[tuple[Claim, ClaimDate]] = []  # every claim's dates, for AM308 and AM603
    # claim_dates, its first test on the claim's view (RuleContext.claim_fields): most
    # claims fail it, and claim_dates would read its fields off the model
    for claim, fields in zip(ctx.map.claims, ctx.claim_fields, strict=True):
        dates = dates_of(ctx, claim, fields)
        if not dates:
            continue  # most claims state no date: no list of the missing to build
        pairs += [(claim, found) for found in dates]
        # a claim citing no evidence has each of its dates so, one citing some none of them
        if dates[0].status is _NO_EVIDENCE:
            if exempt and any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
                continue
            listed = [d.date.text for d in dates if d.field == ("text",)]
            listed += [d.date.period or "" for d in dates if d.field == ("period",)]
            shown = ", ".join(repr(t) for t in dict.fromkeys(listed))
            yield Problem(
                f"the claim dates its statement ({shown}) but cites no evidence",
                node=claim.id,
                kind="claims",
                field=dates[0].field,
                hint="add an evidence item whose quote states the date",
                data={"dates": list(dict.fromkeys(listed))},
            )
            continue
        for found in dates:
            if found.status == _UNCITED:
                yield _uncited(claim.id, claim.evidence, found)
    keep_claim_dates(ctx, pairs)  # every claim walked, none raised: the walk AM308 reads


def _uncited(claim_id: str, evidence: list[str], found: ClaimDate) -> Problem:
    detail = "no quote of " + ", ".join(dict.fromkeys(evidence)) + " states it"
    related: tuple[RelatedRef, ...] = ()
    if found.nearest is not None:
        evidence_id, stated = found.nearest
        detail += f"; closest: {evidence_id} says {stated.shown}"
        related = (RelatedRef(f"the quote says {stated.text!r}", node=evidence_id,
                              kind="evidence", field=("quote", "exact")),)
    return Problem(
        f"{_what(found)} is not cited: {detail}",
        node=claim_id,
        kind="claims",
        field=found.field,
        target=found.date.text,
        hint="quote the source's words that state the date (a longer quote, its prefix or "
        "suffix, or another evidence item), or correct the date against the source",
        related=related,
        data={"date": found.date.text, "period": found.date.period,
              "field": found.field[0]},
    )
