"""An objection that no one answers: nothing attacks it and nothing undercuts its inference.

A claim of ``kind: objection`` is raised against the argument; a map that records it but
never replies leaves the reader to decide whether it stands. It counts as answered when a
relation ``attacks`` it, or when a relation ``undercuts`` an inference it is a premise of.
Claims of other kinds that attack something are rebuttals in their own right and are not
reported.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: O1, kind: objection, text: It cost too much.}
    relations:
      - {id: R1, type: attacks, from: O1, to: T1}

PASS::

    relations:
      - {id: R1, type: attacks, from: O1, to: T1}
      - {id: R2, type: attacks, from: P1, to: O1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM702"
ID = "unanswered-objection"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.of_kind("objection"):
        if any(r.type == "attacks" for r in ctx.incoming.get(claim.id, ())):
            continue
        if any(
            r.type == "undercuts"
            for relation in ctx.outgoing.get(claim.id, ())
            for r in ctx.incoming.get(relation.id, ())
        ):
            continue
        yield Problem(
            f"objection {claim.id!r} is not answered",
            node=claim.id,
            kind="claims",
            hint="attack it, undercut the inference it makes, or say why it does not matter "
            "with an `ignore` entry",
        )
