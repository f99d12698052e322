"""A claim that no chain of relations connects to any thesis.

Such a claim takes no part in the argument: often a relation was forgotten or points at a
misspelt ID. Unlike viewers that silently drop unconnected nodes, argmap keeps the claim in
the map and the drawing, and reports it here. Connection goes through relations in either
direction, and through undercuts to the relation they undercut. Not reported when the map has
no thesis at all (that is AM208).

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, text: Parking is scarce.}

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
from argmap._verify.graph import thesis_connected

CODE = "AM209"
ID = "disconnected-claim"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    if not any(claim.kind == "thesis" for claim in ctx.map.claims):
        return
    connected = thesis_connected(ctx)
    for claim_id in ctx.claims:
        if claim_id not in connected:
            yield Problem(
                f"claim {claim_id!r} is not connected to any thesis",
                node=claim_id,
                kind="claims",
                hint="relate it to the argument (supports, attacks) or remove it",
            )
