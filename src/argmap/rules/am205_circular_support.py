"""Claims that support each other in a circle: A supports B supports ... supports A.

Circular support gives no reason to believe any claim in the circle. The finding names the
shortest circle through its first claim, and points at every claim and relation in it (and
at any other claim caught in the same knot), so it can be broken where it is weakest.
Support directly from a claim to itself is AM204.

FAIL::

    relations:
      - {id: R1, type: supports, from: A, to: B}
      - {id: R2, type: supports, from: B, to: A}

PASS::

    relations:
      - {id: R1, type: supports, from: A, to: B}
      - {id: R2, type: attacks, from: B, to: A}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.graph import support_cycles

CODE = "AM205"
ID = "circular-support"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for cycle in support_cycles(ctx):
        path = " -> ".join((*cycle.claims, cycle.claims[0]))
        related: list[RelatedRef] = []
        for index, claim in enumerate(cycle.claims):
            target = cycle.claims[(index + 1) % len(cycle.claims)]
            related.append(
                RelatedRef(f"{claim!r} supports {target!r}", node=claim, kind="claims")
            )
            related.append(
                RelatedRef(f"through relation {cycle.relations[index]!r}",
                           node=cycle.relations[index], kind="relations")
            )
        others = [m for m in cycle.members if m not in cycle.claims]
        related.extend(
            RelatedRef(f"{m!r} is in the same circle of support", node=m, kind="claims")
            for m in others
        )
        more = f" ({len(others)} more claims are caught in it)" if others else ""
        yield Problem(
            f"circular support: {path}{more}",
            node=cycle.claims[0],
            kind="claims",
            hint="a claim cannot be a reason for itself; remove or reverse one relation",
            related=tuple(related),
            data={"cycle": list(cycle.claims), "relations": list(cycle.relations),
                  "members": list(cycle.members)},
        )
