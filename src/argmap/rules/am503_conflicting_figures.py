"""Two claims state different values for the same measure and period.

To stay free of false alarms the measure is explicit: claims that speak about one measure
share a tag ``measure:NAME`` (e.g. ``measure:belarus-china-trade``). Their figures of the same
kind, unit (currency) and period, both without a qualifier, must agree within the rounding
each implies. Declared quantities are used where a claim has them.

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
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._model import Claim, Qualifier
from argmap._verify.compare import claim_interval, claim_mentions, describe
from argmap._verify.numbers import Mention

CODE = "AM503"
ID = "conflicting-figures"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def _overlap(a: Mention, b: Mention) -> bool:
    """Exact figures: intervals at their rounding, both ends bounded."""
    x, y = claim_interval(a), claim_interval(b)
    if x.lo is None or x.hi is None or y.lo is None or y.hi is None:
        return True
    return x.lo < y.hi and y.lo < x.hi


def check(ctx: RuleContext) -> Iterator[Problem]:
    groups: dict[tuple[Any, ...], list[tuple[Claim, Mention]]] = defaultdict(list)
    for claim in ctx.map.claims:
        measures = [t for t in claim.tags if t.startswith("measure:")]
        if not measures:
            continue
        for mention, _ in claim_mentions(claim):
            if mention.qualifier != Qualifier.EXACT or mention.period is None:
                continue
            unit = mention.unit if mention.kind.value == "amount" else None
            for measure in measures:
                groups[(measure, mention.kind, unit, mention.period)].append((claim, mention))
    for (measure, *_), members in groups.items():
        reported: set[tuple[str, str]] = set()
        for i, (first_claim, first) in enumerate(members):
            for second_claim, second in members[i + 1:]:
                pair = (first_claim.id, second_claim.id)
                if first_claim.id == second_claim.id or pair in reported:
                    continue
                if _overlap(first, second):
                    continue
                reported.add(pair)
                yield Problem(
                    f"{measure}: {second_claim.id!r} states {describe(second)!r} but "
                    f"{first_claim.id!r} states {describe(first)!r}",
                    node=second_claim.id,
                    kind="claims",
                    field=("text",),
                    hint="correct one of them, or give them different periods or measures",
                    related=(RelatedRef(f"states {first.text!r}", node=first_claim.id,
                                        kind="claims", field=("text",)),),
                    data={"measure": measure, "values": [describe(first), describe(second)]},
                )
