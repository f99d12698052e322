"""A claim states a year, date or period but carries no evidence.

A date is a fact too: "the lifting of the ban in June 2019" needs a source. Unlike figures,
dates are not matched against the quote (a quote often dates its figure by context), but the
claim must cite at least one evidence item. Claims that other claims support (intermediate
conclusions, theses) are exempt unless ``exempt_concluded`` (default true) is false.

FAIL::

    claims:
      - {id: C1, text: Belarus joined the Belt and Road Initiative in 2013.}

PASS::

    claims:
      - {id: C1, text: Belarus joined the Belt and Road Initiative in 2013., evidence: [E1]}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.numbers import TEMPORAL_KINDS, parse

CODE = "AM302"
ID = "uncited-date"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {"exempt_concluded": True}


def check(ctx: RuleContext) -> Iterator[Problem]:
    exempt = bool(ctx.options.get("exempt_concluded", True))
    for claim in ctx.map.claims:
        if claim.evidence:
            continue
        if exempt and any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
            continue
        dates = [m.text for m in parse(claim.text) if m.kind in TEMPORAL_KINDS]
        if not dates:
            continue
        listed = ", ".join(repr(d) for d in dict.fromkeys(dates))
        yield Problem(
            f"the claim dates its statement ({listed}) but cites no evidence",
            node=claim.id,
            kind="claims",
            field=("text",),
            hint="add an evidence item whose source states the date",
            data={"dates": list(dict.fromkeys(dates))},
        )
