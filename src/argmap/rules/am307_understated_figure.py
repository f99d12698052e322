"""A claim's bound is weaker than its source's: true, but it understates what the source says.

"Over 50 MPs" cited to a source that says "over 100 MPs" is true, yet it gives the reader
half of what is known; so is "at least 300" for a source's "5,000", and "under 200" for
"under 100". The figure is cited (AM301 stays silent) but the claim should state the
source's bound. A bound the source does not support ("over 150" for "over 100", "up to 20%"
for "up to 10%") overstates and is an AM301 error instead. The verdict for each pair of
qualifiers is tabled in ``docs/numbers.md``.

FAIL::

    claims:
      - {id: C1, text: Over 50 MPs signed the letter., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: over 100 MPs signed the letter}}

PASS::

    claims:
      - {id: C1, text: Over 100 MPs signed the letter., evidence: [E1]}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.compare import shown
from argmap.rules._shared import every_claim_figure

CODE = "AM307"
ID = "understated-figure"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim, figure in every_claim_figure(ctx):
        if figure.matches or figure.too_precise or not figure.understated:
            continue
        support = figure.understated[0]
        stronger = "a stronger bound"
        yield Problem(
            f"figure {shown(figure.mention.text)!r} understates its source: {support.evidence} "
            f"says {shown(support.mention.text)!r}, {stronger}",
            node=claim.id,
            kind="claims",
            field=("text",),
            hint=f"state the bound the source states ({shown(support.mention.text)!r})",
            related=(RelatedRef("the stronger bound", node=support.evidence, kind="evidence",
                                field=("quote", "exact")),),
            data={"figure": figure.mention.text, "source_figure": support.mention.text},
        )
