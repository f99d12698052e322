"""The quantities of a check cannot be combined: different kinds, units or currencies.

A sum of dollars and euros, a share of containers in tonnes, a fold change whose result is a
percentage: argmap never converts, so the check is meaningless as declared. Fold results
must be folds (or ratios), percent-change results percentages, shares percentages, fractions
or ratios; a part is in the kind and unit of its whole.

FAIL::

    checks:
      - {id: K1, type: sum, parts: [usd_part, eur_part], total: usd_total}

PASS::

    checks:
      - {id: K1, type: sum, parts: [usd_part, usd_part2], total: usd_total}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.arith import unit_problems

CODE = "AM504"
ID = "check-unit-mismatch"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for item in ctx.map.checks:
        for problem in unit_problems(item, ctx.quantities):
            yield Problem(
                f"{item.type} check {item.id!r}: {problem}",
                node=item.id,
                kind="checks",
                hint="use quantities of one kind and unit, or split the check",
            )
