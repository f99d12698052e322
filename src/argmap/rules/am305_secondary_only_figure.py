"""A figure's only support is the analysed document itself, not a primary source.

The map's ``subject`` is the source it analyses. A figure quoted only from it is cited, but
the analyst has not traced it to where the number comes from (a statistics office, a news
agency). Listed as information for the paper's report.

FAIL::

    subject: paper
    claims:
      - {id: C1, text: Exports fell by 57%., evidence: [E1]}
    evidence:
      - {id: E1, source: paper, quote: {exact: Belarusian exports fell by 57%}}

PASS::

    evidence:
      - {id: E1, source: customs, quote: {exact: Belarusian exports fell by 57%}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.compare import describe, shown
from argmap.rules._shared import every_claim_figure

CODE = "AM305"
ID = "secondary-only-figure"
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    subject = ctx.map.subject
    if subject is None:
        return
    for claim, figure in every_claim_figure(ctx):
        supports = figure.matches or figure.too_precise or figure.understated
        if not supports:
            continue
        sources = {ctx.evidence[s.evidence].source for s in supports}
        if sources != {subject}:
            continue
        yield Problem(
            f"figure {shown(figure.mention.text)!r} has no primary source: only {subject!r}, the "
            "analysed document, states it",
            node=claim.id,
            kind="claims",
            field=("text",),
            hint="cite the primary source the document took the figure from",
            target=figure.mention.text,
            data={"figure": figure.mention.text, "reading": describe(figure.mention),
                  "evidence": sorted({s.evidence for s in supports})},
        )
