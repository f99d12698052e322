"""A map with claims but no thesis.

Every map argues for something. Without a claim of ``kind: thesis`` nothing says which claim
the others lead to, so connectivity (AM209), support (AM210) and acceptance (AM701) cannot be
judged. Reported at the first claim.

FAIL::

    claims:
      - {id: C1, text: The lane was worth building.}
      - {id: P1, text: Cycling tripled.}

PASS::

    claims:
      - {id: C1, kind: thesis, text: The lane was worth building.}
      - {id: P1, text: Cycling tripled.}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM208"
ID = "no-thesis"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    claims = ctx.map.claims
    if claims and not any(claim.kind == "thesis" for claim in claims):
        yield Problem(
            f"the map has {len(claims)} claim{'s' if len(claims) != 1 else ''} but no thesis",
            path=("claims", 0),
            hint="mark the main conclusion with `kind: thesis`",
        )
