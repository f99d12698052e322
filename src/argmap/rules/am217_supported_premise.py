"""A premise that other claims support: a premise with incoming support is a claim.

``kind: premise`` is a basic statement, backed by evidence (or, taken for granted, an
``assumption``). A premise that a ``supports`` relation leads into is concluded from others:
it is an intermediate conclusion, ``kind: claim``. Or the relation runs the wrong way: the
premise was meant to support the other claim (``P supports C`` written as ``C supports P``).
Reported once per premise, at its kind, with every relation that supports it.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, kind: premise, text: Cycling tripled., evidence: [E1]}
      - {id: C1, text: The lane is popular., evidence: [E1]}
    relations:
      - {id: R1, type: supports, from: P1, to: T1}
      - {id: R2, type: supports, from: C1, to: P1}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, kind: premise, text: Cycling tripled., evidence: [E1]}
      - {id: C1, text: The lane is popular.}
    relations:
      - {id: R1, type: supports, from: C1, to: T1}
      - {id: R2, type: supports, from: P1, to: C1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity

CODE = "AM217"
ID = "supported-premise"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    incoming = ctx.incoming
    for claim in ctx.of_kind("premise"):
        relations = incoming.get(claim.id)
        if relations is None:  # most premises: no list to build
            continue
        supports = [r for r in relations if r.type == "supports"]
        if not supports:
            continue
        names = ", ".join(repr(r.id) for r in supports)
        yield Problem(
            f"premise {claim.id!r} is supported by {names}; a premise with incoming support "
            "is a claim",
            node=claim.id,
            kind="claims",
            field=("kind",),
            hint="make it `kind: claim` (an intermediate conclusion), or reverse the relation "
            "if the premise was meant to support the other claim",
            related=tuple(
                RelatedRef(f"{', '.join(map(repr, r.from_))} supports it through {r.id!r}",
                           node=r.id, kind="relations", field=("to",))
                for r in supports
            ),
            data={"relations": [r.id for r in supports]},
        )
