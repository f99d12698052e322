"""An objection in the ``from`` of a ``supports`` relation: an objection attacks or undercuts.

``kind: objection`` is a view raised against the argument; it attacks a claim or undercuts an
inference. As a premise of support it contradicts its kind: the relation's type is wrong (it
attacks), the relation runs the wrong way (the reasons for the objection were meant to
support it: ``X supports O`` written as ``O supports X``), or the statement is no objection.
A ``supports`` relation *into* an objection is fine: an objection may have reasons of its
own. Reported once per relation and objection, at the premise; the finding's target (for an
``ignore`` entry) is the objection's ID.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: O1, kind: objection, text: It cost too much.}
      - {id: P1, kind: assumption, text: The budget was EUR 1 million.}
    relations:
      - {id: R1, type: attacks, from: O1, to: T1}
      - {id: R2, type: supports, from: O1, to: P1}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: O1, kind: objection, text: It cost too much.}
      - {id: P1, kind: assumption, text: The budget was EUR 1 million.}
    relations:
      - {id: R1, type: attacks, from: O1, to: T1}
      - {id: R2, type: supports, from: P1, to: O1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap.rules._shared import premises_of_kind

CODE = "AM218"
ID = "supporting-objection"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for at, relation, premise in premises_of_kind(ctx, "objection", "supports"):
        yield Problem(
            f"objection {premise!r} supports {relation.to!r} (relation {relation.id!r}); "
            "an objection attacks or undercuts",
            node=relation.id,
            path=("relations", at),
            field=("from", relation.from_.index(premise)),
            hint=f"if {relation.to!r} is a reason for the objection, reverse the relation; "
            f"if {premise!r} argues against {relation.to!r}, make it `type: attacks`; "
            f"if {premise!r} is no objection, change its kind",
            related=(RelatedRef(f"{premise!r} is an objection", node=premise,
                                kind="claims", field=("kind",)),),
            target=premise,
        )
