"""A claim that both supports and attacks the same target.

A premise cannot count for and against one conclusion at once; usually one relation has the
wrong ``type``, or two claims were merged. A ``contradicts`` relation (format 2) counts as
an attack in both directions. Reported on the attacking relation.

FAIL::

    relations:
      - {id: R1, type: supports, from: P1, to: T1}
      - {id: R2, type: attacks, from: P1, to: T1}

PASS::

    relations:
      - {id: R1, type: supports, from: P1, to: T1}
      - {id: R2, type: attacks, from: P2, to: T1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity

CODE = "AM206"
ID = "supports-and-attacks"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    supports: dict[tuple[str, str], str] = {}
    relations = ctx.relation_fields
    for name, kind, premises, to, _ in relations:
        if kind == "supports":
            for premise in premises:
                supports.setdefault((premise, to), name)
    for at, (name, kind, premises, to, _) in enumerate(relations):
        if kind not in ("attacks", "contradicts"):
            continue
        for premise in dict.fromkeys(premises):
            support = supports.get((premise, to))
            if support is None and kind == "contradicts":  # symmetric
                support = supports.get((to, premise))
            if support is None:
                continue
            yield Problem(
                f"{premise!r} both supports {to!r} (relation {support!r}) and "
                f"attacks it (relation {name!r})",
                node=name,
                path=("relations", at),
                field=("from", premises.index(premise)),
                target=premise,
                hint="check the relations' types; split the claim if it says two things",
                related=(RelatedRef(f"{premise!r} supports {to!r} here",
                                    node=support, kind="relations"),),
            )
