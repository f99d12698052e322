"""A claim states a figure more precisely than its source does.

"USD 4.2 billion" cited to a source that says "USD 4 billion" adds a precision nobody
measured. The figure is cited (AM301 stays silent) but the claim should round as its source
does.

FAIL::

    claims:
      - {id: C1, text: Trade reached USD 4.2 billion., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: bilateral trade reached USD 4 billion}}

PASS::

    claims:
      - {id: C1, text: Trade reached USD 4 billion., evidence: [E1]}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.compare import shown
from argmap.rules._shared import every_claim_figure

CODE = "AM304"
ID = "more-precise-than-source"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim, figure in every_claim_figure(ctx):
        if figure.matches or not figure.too_precise:
            continue
        support = figure.too_precise[0]
        yield Problem(
            f"figure {shown(figure.mention.text)!r} is more precise than its source: "
            f"{support.evidence} says {shown(support.mention.text)!r}",
            node=claim.id,
            kind="claims",
            field=("text",),
            hint=f"write the figure as the source does ({shown(support.mention.text)!r})",
            related=(RelatedRef("the less precise figure", node=support.evidence,
                                kind="evidence", field=("quote", "exact")),),
            target=figure.mention.text,
            data={"figure": figure.mention.text, "source_figure": support.mention.text},
        )
