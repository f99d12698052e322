"""An evidence item that no claim cites.

Evidence backs claims through the claim's ``evidence`` list; an item no claim lists backs
nothing, and whatever it shows is missing from the argument.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
    evidence:
      - {id: E1, source: S1, quote: {exact: Cycling tripled.}}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: Cycling tripled.}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM213"
ID = "unused-evidence"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """A map whose items are all cited is told by one test in C (the index's keys among the
    cited IDs) before any item is walked."""
    used = ctx.evidence_users
    if used.keys() >= ctx.evidence.keys():
        return
    for evidence_id in ctx.evidence:
        if evidence_id not in used:
            yield Problem(
                f"evidence {evidence_id!r} is not cited by any claim",
                node=evidence_id,
                kind="evidence",
                hint="list it in the `evidence` of the claim it backs, or remove it",
            )
