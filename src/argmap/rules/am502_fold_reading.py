"""An n-fold change holds under only one of its two readings.

"Increased 15-fold from 21 to 340 thousand" can mean 340/21 = 16.2 times as much, or an
increase of (340-21)/21 = 15.2 times the start. Writers use both; the map should know which
one its source meant. Reported as information, with both computed values in ``data``.

FAIL::

    checks:
      - {id: K1, type: fold, from: a, to: b, result: fold}   # 21 -> 340 thousand, 15-fold

PASS::

    checks:
      - {id: K1, type: fold, from: a, to: b, result: fold}   # 21 -> 315 thousand, 15-fold
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap.rules._shared import check_outcomes

CODE = "AM502"
ID = "fold-reading"
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for check_id, outcome in check_outcomes(ctx).items():
        if outcome is None or outcome.type != "fold":
            continue
        holding = [r for r in outcome.readings if r.holds]
        if len(holding) != 1:
            continue
        good = holding[0]
        bad = next(r for r in outcome.readings if not r.holds)
        values = outcome.data()["readings"]
        yield Problem(
            f"fold check {check_id!r}: {outcome.stated_text!r} holds as {good.formula} = "
            f"{values[good.name]['computed']}, not as {bad.formula} = "
            f"{values[bad.name]['computed']}",
            node=check_id,
            kind="checks",
            hint=f"say which reading the text means ('{good.name}')",
            data={**outcome.data(), "reading": good.name},
        )
