"""A date is stated only by quotes whose sources have no snapshot: nothing verifies it.

Dates are cited like figures (AM302), and so they become unverifiable like figures (AM306):
AM302 finds the year, date or period in a quote, but the quote is checked against nothing,
because its source (``via`` when set, else ``source``) keeps no text copy (``snapshot``).
Evidence re-pointed to such a source, or a quote typed from memory, would otherwise make a
date unverifiable without any failing finding. A warning (AM407 lists each such quote as
information); ``--strict`` makes it an error. A date some quote of a snapshot states, or one
only the union of several quotes covers ("2013" in one, "2018" in another), is not reported.

FAIL::

    claims:
      - {id: C1, text: Russia lifted its transit ban in June 2019., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: "In June 2019, Russia lifted the transit ban"}}
    sources:
      - {id: S1, title: Trade report}

PASS::

    sources:
      - {id: S1, title: Trade report, snapshot: {path: snapshots/s1.txt}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder
from argmap._verify.dates import DateStatus
from argmap.rules._shared import every_claim_date, only_unsnapshotted, snapshot_verifies

CODE = "AM308"
ID = "unverifiable-date"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_CITED = DateStatus.CITED


def check(ctx: RuleContext) -> Iterator[Problem]:
    verifies = snapshot_verifies(ctx)
    for claim, found in every_claim_date(ctx):
        if found.status != _CITED or not found.cited_by:
            continue
        if verifies(found.cited_by[0]):
            continue  # the first quote's snapshot verifies it (most): no list of the others
        evidence = list(dict.fromkeys(found.cited_by))
        if any(verifies(e) for e in evidence[1:]):
            continue  # a snapshot verifies it (or an unknown source, AM202's finding)
        holders = sorted({quote_holder(ctx.evidence[e]) for e in evidence})
        what = (f"the claim's period {found.date.period}" if found.field == ("period",)
                else f"date {found.date.shown}")
        yield Problem(
            f"{what} cannot be verified: " + only_unsnapshotted(evidence, holders),
            node=claim.id,
            kind="claims",
            field=found.field,
            target=found.date.text,
            hint="save the source's text under snapshots/ and add snapshot: {path: ...} to "
            "the source, or cite a source that has one",
            related=tuple(RelatedRef("the quote", node=e, kind="evidence",
                                     field=("quote", "exact")) for e in evidence[:3]),
            data={"date": found.date.text, "period": found.date.period,
                  "field": found.field[0], "evidence": evidence, "sources": holders},
        )
