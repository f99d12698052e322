"""A thesis with nothing in its favour: no supporting relation and no evidence.

A thesis stated without reasons is an assertion, not an argument. Options:
``evidence_counts`` (default true): evidence listed on the thesis itself counts as support;
set it to false to require at least one ``supports`` relation.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, text: Cycling tripled.}
    relations:
      - {id: R1, type: supports, from: P1, to: T1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM210"
ID = "unsupported-thesis"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {"evidence_counts": True}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.of_kind("thesis"):
        if any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
            continue
        if claim.evidence and ctx.options["evidence_counts"]:
            continue
        yield Problem(
            f"thesis {claim.id!r} has no support",
            node=claim.id,
            kind="claims",
            hint="add the premises that support it with a `supports` relation",
        )
