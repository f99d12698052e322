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
    for at, (name, kind, premises, to, _) in enumerate(ctx.relation_fields):
        if to == name:  # undercuts, supports or prefers aimed at itself
            yield Problem(
                f"relation {name!r} {kind} itself",
                node=name,
                path=("relations", at),
                field=("to",),
                hint="point the relation at the inference it is about",
            )
            continue
        if to in premises:
            yield Problem(
                f"{to!r} {kind} itself (relation {name!r})",
                node=name,
                path=("relations", at),
                field=("from", premises.index(to)),
                hint="a claim cannot be its own premise; remove it from `from` or fix `to`",
            )
