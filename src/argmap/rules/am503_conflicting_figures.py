"""Two claims state different values for the same measure and period.

To stay free of false alarms the measure is explicit: claims that speak about one measure
share a tag ``measure:NAME`` (e.g. ``measure:belarus-china-trade``). Their figures of the same
kind, unit (currency) and period, both without a qualifier, must agree within the rounding
each implies, and in direction ("fell 5%" is not "rose 5%"). Declared quantities are used
where a claim has them.

FAIL::

    claims:
      - {id: C1, tags: ["measure:trade"], text: In 2019 trade reached USD 4 billion.}
      - {id: C2, tags: ["measure:trade"], text: In 2019 trade was USD 5 billion.}

PASS::

      - {id: C2, tags: ["measure:trade"], text: In 2019 trade was USD 4.2 billion.}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._model import Claim, Qualifier
from argmap._verify.compare import claim_interval, claim_mentions, describe, shown
from argmap._verify.numbers import Mention

CODE = "AM503"
ID = "conflicting-figures"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_EXACT = Qualifier.EXACT


def _bounds(m: Mention) -> tuple[Decimal, Decimal] | None:
    """An exact figure's interval at its rounding, a fall below zero ("fell 5%" is -5);
    None when a side is open-ended."""
    if m.direction < 0 and m.value > 0:
        m = replace(m, value=-m.value, upper=None if m.upper is None else -m.upper)
    x = claim_interval(m)
    return None if x.lo is None or x.hi is None else (x.lo, x.hi)


def _apart(first: list[tuple[Mention, tuple[Decimal, Decimal]]],
           second: list[tuple[Mention, tuple[Decimal, Decimal]]]) -> tuple[Mention, Mention] | None:
    """Two figures, one of each claim, whose intervals do not overlap; linear in their
    number: the lowest top of one side against the highest bottom of the other."""
    for low_side, high_side, swap in ((first, second, False), (second, first, True)):
        low = min(low_side, key=lambda item: item[1][1])
        high = max(high_side, key=lambda item: item[1][0])
        if low[1][1] <= high[1][0]:
            return (high[0], low[0]) if swap else (low[0], high[0])
    return None


def check(ctx: RuleContext) -> Iterator[Problem]:
    groups: dict[tuple[Any, ...], dict[str, list[tuple[Mention, tuple[Decimal, Decimal]]]]]
    groups = defaultdict(dict)
    claims: dict[str, Claim] = {}
    # each claim's tags from its view (RuleContext.claim_fields), not off the model: most
    # claims have no measure tag, and a model's attribute costs about 450 instructions
    for claim, (claim_id, _, _, _, _, _, _, tags, _) in zip(ctx.map.claims, ctx.claim_fields,
                                                            strict=True):
        measures = [t for t in tags if t.startswith("measure:")]
        if not measures:
            continue
        for mention, _ in claim_mentions(claim):
            if mention.qualifier != _EXACT or mention.period is None:
                continue
            bounds = _bounds(mention)
            if bounds is None:
                continue
            unit = mention.unit if mention.kind.value == "amount" else None
            for measure in measures:
                key = (measure, mention.kind, unit, mention.period)
                groups[key].setdefault(claim_id, []).append((mention, bounds))
                claims.setdefault(claim_id, claim)
    for (measure, *_), members in groups.items():
        ids = list(members)
        for i, first_id in enumerate(ids):
            for second_id in ids[i + 1:]:
                pair = _apart(members[first_id], members[second_id])
                if pair is None:
                    continue
                first, second = pair
                yield Problem(
                    f"{measure}: {second_id!r} states {describe(second)!r} but "
                    f"{first_id!r} states {describe(first)!r}",
                    node=second_id,
                    kind="claims",
                    field=("text",),
                    hint="correct one of them, or give them different periods or measures",
                    related=(RelatedRef(f"states {shown(first.text)!r}", node=first_id,
                                        kind="claims", field=("text",)),),
                    data={"measure": measure, "values": [describe(first), describe(second)]},
                )
