"""An evidence item's period and the period of the claim citing it do not overlap.

The evidence says which period its quote speaks about (``evidence.period``); the claim says
when its fact holds (``claim.period``, else the one period its text names). If the two share
no day, the evidence is about something else ("2016" evidence for a "2019" claim).

FAIL::

    claims:
      - {id: C1, text: In 2019 trade reached USD 4 billion., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, period: 2016, quote: {exact: trade reached USD 4 billion}}

PASS::

      - {id: E1, source: S1, period: 2019, quote: {exact: trade reached USD 4 billion}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.numbers import periods_overlap, text_period

CODE = "AM602"
ID = "period-mismatch"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """Only a claim citing an item with a period (the first of its ID) can be reported: the
    others are passed over with one set test, without reading their period, and when no
    item has one no claim is walked (at 10,000 claims 14.5 -> 2.0 ms of CPU)."""
    item_of = ctx.evidence.get  # looked up once, not once per item cited
    # the items' periods from their views, not off the models: a repeated ID's later item
    # may only let a claim through, and the test below reads the first item's period
    dated = {item_id for item_id, _, _, _, _, period, _, _ in ctx.evidence_fields
             if period is not None}
    if not dated:
        return
    undated = dated.isdisjoint
    for claim_id, text, _, cited, _, own, _, _, _ in ctx.claim_fields:
        if not cited or undated(cited):
            continue  # nothing to compare: no period to read
        claim_period = own or text_period(text)
        if claim_period is None:
            continue
        for index, evidence_id in enumerate(cited):
            item = item_of(evidence_id)
            if item is None or item.period is None:
                continue
            if periods_overlap(item.period, claim_period):
                continue
            yield Problem(
                f"claim {claim_id!r} is about {claim_period} but evidence {evidence_id!r} is "
                f"about {item.period}",
                node=claim_id,
                kind="claims",
                field=("evidence", index),
                target=evidence_id,
                hint="cite evidence about the claim's period, or correct one of the periods",
                related=(RelatedRef(f"period {item.period}", node=evidence_id, kind="evidence",
                                    field=("period",)),),
                data={"claim_period": claim_period, "evidence_period": item.period},
            )
