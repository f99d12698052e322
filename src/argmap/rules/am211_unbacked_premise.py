"""A premise that nothing backs: no support, no evidence, and not marked as an assumption.

An argument is only as good as its premises. A premise should either be argued for (a
``supports`` relation into it), be backed by evidence, or be marked ``kind: assumption`` so
the reader sees that the analyst takes it for granted. A premise here is any claim used in a
relation's ``from``, or any claim of ``kind: premise``. Exempt: theses (AM210),
assumptions, and objections, which the map records as raised against it rather than puts
forward (whether an objection stands is AM701's and AM702's business).

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, text: Cycling tripled.}
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
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.claims.values():
        if claim.kind in ("thesis", "assumption", "objection") or claim.evidence:
            continue
        if claim.kind != "premise" and claim.id not in ctx.outgoing:
            continue
        if any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
            continue
        yield Problem(
            f"premise {claim.id!r} is neither supported, evidenced, nor marked as an assumption",
            node=claim.id,
            kind="claims",
            hint="cite evidence for it, support it with another claim, or mark it "
            "`kind: assumption`",
        )
