"""A declared arithmetic check does not hold.

Each check in ``checks`` is recomputed from the magnitudes of its quantities: ``ratio``
(numerator / denominator), ``fold`` (to / from, and (to - from) / from), ``share``
(part / whole, x 100 for a percent result), ``part`` (whole x share, a percent share as a
percentage), ``sum``, ``difference`` and ``percent-change`` ((to - from) / from x 100; a
positive stated result of a fall is compared with its size).
Without a ``tolerance`` the stated result may differ by the rounding its writing implies.
The finding gives the computed value, the stated value and the relative error; ``data``
carries them for reports. A check whose divisor is zero (a ratio, n-fold change, share or
percent change of nothing) has no value and fails too: it is not evaluable.

FAIL::

    claims:
      - id: C1
        text: Traffic increased 15-fold from 21 thousand to 640 thousand containers.
        quantities:
          - {id: fold, kind: fold, value: 15, text: 15-fold}
          - {id: a, kind: count, value: 21, scale: thousand, text: 21 thousand}
          - {id: b, kind: count, value: 640, scale: thousand, text: 640 thousand}
    checks:
      - {id: K1, type: fold, from: a, to: b, result: fold}

PASS::

          - {id: b, kind: count, value: 340, scale: thousand, text: 340 thousand}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.arith import zero_divisor
from argmap.rules._shared import check_outcomes

CODE = "AM501"
ID = "check-failed"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for item in ctx.map.checks:
        divisor = zero_divisor(item, ctx.quantities)
        if divisor is not None:
            yield Problem(
                f"{item.type} check {item.id!r} cannot be evaluated: {divisor}",
                node=item.id,
                kind="checks",
                hint="a ratio, n-fold change, share or percent change of zero has no value; "
                "correct the quantity or remove the check",
                data={"check": item.id, "type": item.type, "evaluable": False},
            )
    for check_id, outcome in check_outcomes(ctx).items():
        if outcome is None or outcome.holds:
            continue
        computed = "; ".join(f"{r.formula} = {outcome.data()['readings'][r.name]['computed']}"
                             for r in outcome.readings)
        error = outcome.data()["relative_error"]
        yield Problem(
            f"{outcome.type} check {check_id!r} fails: {computed}, but the stated result is "
            f"{outcome.stated_text!r}"
            + (f" (relative error {error})" if error is not None else ""),
            node=check_id,
            kind="checks",
            hint="correct the figures, or set a tolerance if the text rounds more loosely",
            data=outcome.data(),
        )
