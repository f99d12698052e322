"""A claim with neither support nor evidence: a claim is concluded from others or evidenced.

``kind: claim`` (the default) says the statement is argued for: a ``supports`` relation
leads into it, or it carries evidence. A claim with neither contradicts its kind: it is taken
for granted (``kind: assumption``), a premise whose evidence is missing, or the conclusion of
a relation that runs the wrong way (``P supports C`` written as ``C supports P`` leaves C
with no support). Theses (AM210), premises (AM211), assumptions and objections have rules of
their own.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: C1, text: Cycling tripled.}
    relations:
      - {id: R1, type: supports, from: C1, to: T1}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: C1, text: Cycling tripled.}
      - {id: A1, kind: assumption, text: The counts are reliable.}
    relations:
      - {id: R1, type: supports, from: C1, to: T1}
      - {id: R2, type: supports, from: A1, to: C1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM216"
ID = "unbacked-claim"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.of_kind("claim"):
        if claim.evidence:
            continue
        if any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
            continue
        yield Problem(
            f"claim {claim.id!r} is neither supported nor evidenced",
            node=claim.id,
            kind="claims",
            hint="support it with a `supports` relation or cite evidence; if the map takes "
            "it for granted, make it `kind: assumption`; if a relation into it was meant, "
            "check that its relations do not run the wrong way",
        )
