"""A cited figure that a claim with declared quantities does not declare (fixable).

A claim's ``quantities`` make its figures explicit for arithmetic checks and for readers of
the data. Once a claim declares some of its figures, a figure its text states and a quote of
its evidence also states (AM301 is satisfied) but that no quantity declares is most likely
one the author missed. The safe fix (``argmap check --fix``) adds the quantity as the number
grammar reads it (kind, value, unit, scale, qualifier and the text span), with a new ID
``Q-<claim>-<n>``. Claims that declare no quantity are left alone unless the option
``all_claims`` is true.

FAIL::

    claims:
      - id: C1
        text: Cyclists per weekday rose from 400 to 1,200.
        evidence: [E1]      # quotes "rose from 400 to 1,200 per weekday"
        quantities:
          - {id: Q-BEFORE, kind: count, value: 400, unit: cyclists, text: "400"}

PASS::

        quantities:
          - {id: Q-BEFORE, kind: count, value: 400, unit: cyclists, text: "400"}
          - {id: Q-C1-1, kind: count, value: 1200, unit: cyclists, text: "1,200"}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from operator import attrgetter
from typing import Any

from argmap._engine.context import NodeEdit, Problem, ProblemFix, RuleContext
from argmap._findings import Severity
from argmap._model import Qualifier, QuantityKind
from argmap._verify.compare import describe, shown
from argmap._verify.numbers import FIGURE_KINDS, Mention
from argmap.rules._shared import every_claim_figure

CODE = "AM422"
ID = "undeclared-figure"
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {"all_claims": False}


def _number(value: Decimal) -> int | float | str:
    """A decimal as YAML writes it: an integer, a float that reads back as the same digits,
    or (for more digits than a float keeps) the digits as a string, which the model reads."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else format(value.normalize(), "f")


def quantity_data(mention: Mention, quantity_id: str, claim_period: str | None) -> dict[str, Any]:
    """The declaration of a figure, with only the fields that differ from the defaults."""
    data: dict[str, Any] = {"id": quantity_id, "kind": mention.kind.value,
                            "value": _number(mention.value)}
    if mention.upper is not None:
        data["upper"] = _number(mention.upper)
    if mention.unit:
        data["unit"] = mention.unit
    if mention.scale:
        data["scale"] = mention.scale.value
    if mention.qualifier is not Qualifier.EXACT:
        data["qualifier"] = mention.qualifier.value
    if mention.period and mention.period != claim_period:
        data["period"] = mention.period
    data["text"] = mention.text
    return data


class _Taken:
    """Whether an ID names a node or a quantity of the map, or one this run declared.

    The indexes of claims, evidence, sources and quantities answer for theirs (the rules of
    this group build them anyway); only the IDs of relations, checks and sections are put
    in a set, when the first finding needs one: building a set of every ID of the map cost
    0.25-0.40 s at 100,000 claims, for 4 findings."""

    def __init__(self, ctx: RuleContext) -> None:
        argmap = ctx.map
        self._indexes = (ctx.claims, ctx.evidence, ctx.sources, ctx.quantities)
        self._rest = set(map(_ID, argmap.relations))
        self._rest.update(map(_ID, argmap.checks))
        self._rest.update(map(_ID, argmap.sections))

    def __contains__(self, node_id: str) -> bool:
        return node_id in self._rest or any(node_id in index for index in self._indexes)

    def add(self, node_id: str) -> None:
        self._rest.add(node_id)


_ID = attrgetter("id")


def check(ctx: RuleContext) -> Iterator[Problem]:
    every_claim = bool(ctx.options.get("all_claims", False))
    taken: _Taken | None = None
    for claim, figure in every_claim_figure(ctx):
        m = figure.mention
        if (figure.quantity is not None or not figure.matches or m.vague or m.inferred
                or m.partial or m.kind not in FIGURE_KINDS):
            continue
        if not (claim.quantities or every_claim) or m.text not in claim.text:
            continue
        if m.kind == QuantityKind.COUNT and not m.unit and m.value != m.value.to_integral():
            continue  # "Python 3.11": a count is whole; a fractional bare one is misread
        if taken is None:
            taken = _Taken(ctx)
        number = 1
        while f"Q-{claim.id}-{number}" in taken:
            number += 1
        quantity_id = f"Q-{claim.id}-{number}"
        taken.add(quantity_id)
        declared = quantity_data(m, quantity_id, claim.period)
        yield Problem(
            f"figure {shown(m.text)!r} ({describe(m)}) is cited by "
            f"{figure.matches[0].evidence!r} but not declared among the claim's quantities",
            node=claim.id,
            kind="claims",
            field=("text",),
            target=m.text,
            hint=f"`argmap check --fix` declares it as {quantity_id!r}",
            data={"figure": m.text, "quantity": declared},
            fix=ProblemFix(f"declare {shown(m.text)!r} as quantity {quantity_id!r}",
                           (NodeEdit("append", declared, claim.id, "claims",
                                     ("quantities",)),)),
        )
