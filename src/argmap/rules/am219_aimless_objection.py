"""An objection aimed at nothing: it neither attacks nor undercuts anything.

``kind: objection`` is a view raised against a claim or an inference, so it is the premise
of an ``attacks``, ``undercuts`` or ``contradicts`` relation. One that is none of them
contradicts its kind: the
relation it makes was forgotten, runs the wrong way (``O attacks C`` written as ``C attacks
O``), or the statement is no objection (make it a ``claim``, ``premise`` or
``assumption``).

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: A1, kind: assumption, text: The lane was cheap to build.}
      - {id: O1, kind: objection, text: It cost EUR 2.4 million.}
    relations:
      - {id: R1, type: supports, from: A1, to: T1}
      - {id: R2, type: attacks, from: A1, to: O1}

PASS::

    relations:
      - {id: R1, type: supports, from: A1, to: T1}
      - {id: R2, type: attacks, from: O1, to: A1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM219"
ID = "aimless-objection"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.of_kind("objection"):
        made = [r.type for r in ctx.outgoing.get(claim.id, ())]
        if "attacks" in made or "undercuts" in made or "contradicts" in made:
            continue
        yield Problem(
            f"objection {claim.id!r} attacks nothing and undercuts nothing",
            node=claim.id,
            kind="claims",
            field=("kind",),
            hint="relate it to what it argues against (`type: attacks` a claim, `type: "
            "undercuts` a relation), check that its relations do not run the wrong way, or "
            "change its kind",
        )
