"""A premise with no evidence that is not marked as an assumption.

``kind: premise`` is a basic statement the argument rests on: the map backs it with evidence,
or marks it ``kind: assumption`` so the reader sees that the analyst takes it for granted. A
premise that other claims support is a claim, not a premise (AM217, which reports it instead
of this rule); a plain claim with neither support nor evidence is AM216.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, kind: premise, text: Cycling tripled.}
    relations:
      - {id: R1, type: supports, from: P1, to: T1}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, kind: assumption, text: Cycling tripled.}
    relations:
      - {id: R1, type: supports, from: P1, to: T1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM211"
ID = "unbacked-premise"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.of_kind("premise"):
        if claim.evidence:
            continue
        if any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
            continue  # a claim by its structure: AM217
        yield Problem(
            f"premise {claim.id!r} has no evidence and is not marked as an assumption",
            node=claim.id,
            kind="claims",
            hint="cite evidence for it, or mark it `kind: assumption` if the map takes it for "
            "granted; a premise that other claims support is a `kind: claim`",
        )
