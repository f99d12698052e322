"""A relation whose target is one of its own premises, or an undercut of itself.

``C1 supports C1`` is circular reasoning in one step; ``C1 attacks C1`` makes the claim
self-defeating (under grounded semantics it can never be accepted); an undercut that targets
its own relation contests nothing (as does a ``supports`` or ``prefers`` aimed at itself,
format 2). Each is almost always a copy-and-paste slip.

FAIL::

    relations:
      - {id: R1, type: supports, from: [P1, C1], to: C1}

PASS::

    relations:
      - {id: R1, type: supports, from: [P1, P2], to: C1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM204"
ID = "self-relation"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for at, relation in enumerate(ctx.map.relations):
        if relation.to == relation.id:  # undercuts, supports or prefers aimed at itself
            yield Problem(
                f"relation {relation.id!r} {relation.type} itself",
                node=relation.id,
                path=("relations", at),
                field=("to",),
                hint="point the relation at the inference it is about",
            )
            continue
        if relation.to in relation.from_:
            yield Problem(
                f"{relation.to!r} {relation.type} itself (relation {relation.id!r})",
                node=relation.id,
                path=("relations", at),
                field=("from", relation.from_.index(relation.to)),
                hint="a claim cannot be its own premise; remove it from `from` or fix `to`",
            )
