"""A declared quantity does not agree with the words of the claim it came from.

``claims[].quantities`` make a figure explicit for arithmetic checks; its ``text`` must be a
span of the claim's text, and that span must read as the same kind, value, range, scale,
currency and qualifier. Otherwise the check verifies a number the claim does not state.

FAIL::

    claims:
      - id: C1
        text: Exports fell by 57%.
        quantities:
          - {id: q1, kind: percent, value: 75, text: 57%}

PASS::

        quantities:
          - {id: q1, kind: percent, value: 57, text: 57%}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._model import QuantityKind
from argmap._verify.numbers import Mention, format_mention, from_quantity, parse, periods_overlap

CODE = "AM303"
ID = "quantity-text-mismatch"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def _differences(declared: Mention, read: Mention) -> list[str]:
    found = []
    if declared.kind != read.kind:
        found.append(f"kind {declared.kind.value} vs {read.kind.value}")
    if declared.magnitude != read.magnitude:
        found.append(f"value {declared.magnitude} vs {read.magnitude}")
    if declared.upper_magnitude != read.upper_magnitude:
        found.append(f"upper {declared.upper_magnitude} vs {read.upper_magnitude}")
    if declared.kind == read.kind == QuantityKind.AMOUNT and declared.unit != read.unit:
        found.append(f"currency {declared.unit} vs {read.unit}")
    if declared.qualifier != read.qualifier:
        found.append(f"qualifier {declared.qualifier.value} vs {read.qualifier.value}")
    if declared.period and read.period and not periods_overlap(declared.period, read.period):
        found.append(f"period {declared.period} vs {read.period}")
    return found


def check(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.map.claims:
        for index, quantity in enumerate(claim.quantities):
            if not quantity.text:
                continue
            field = ("quantities", index, "text")
            if quantity.text not in claim.text:
                yield Problem(
                    f"quantity {quantity.id!r}: {quantity.text!r} does not occur in the "
                    "claim's text",
                    node=claim.id, kind="claims", field=field, target=quantity.text,
                    hint="copy the figure's words from the claim's text exactly",
                )
                continue
            declared = from_quantity(quantity, claim.text)
            start = claim.text.find(quantity.text)
            in_context = [m for m in parse(claim.text)
                          if m.start < start + len(quantity.text) and start < m.end]
            readings = in_context or list(parse(quantity.text))
            if not readings:
                yield Problem(
                    f"quantity {quantity.id!r}: no figure can be read in {quantity.text!r}",
                    node=claim.id, kind="claims", field=field, target=quantity.text,
                    hint="point text at the words that state the number",
                )
                continue
            problems = [_differences(declared, read) for read in readings]
            if any(not p for p in problems):
                continue
            best = min(range(len(readings)), key=lambda i: len(problems[i]))
            yield Problem(
                f"quantity {quantity.id!r} declares {format_mention(declared)!r} but its text "
                f"{quantity.text!r} reads as {format_mention(readings[best])!r} "
                f"({'; '.join(problems[best])})",
                node=claim.id, kind="claims", field=("quantities", index), target=quantity.text,
                hint="make the declared value, unit, scale and qualifier match the words",
                data={"declared": format_mention(declared),
                      "read": format_mention(readings[best])},
            )
