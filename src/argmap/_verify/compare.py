"""Comparing a claim's figure with a source's, as a fact-checker does.

A figure is read as an interval. On the claim side the rounding of the written number widens
it ("USD 4 billion" covers 3.5-4.5 billion; "18.79 million" 18.785-18.795 million); on the
source side the number is taken as stated. Qualifiers are bounds ("over 300" is above 300,
"just over" and "nearly" stay within 10 %, "about" within 10 %), and ranges keep both ends.
The claim is supported when the source's interval lies inside the claim's. Kinds, currencies
and periods must agree; nothing is converted (a fifth is not 20 %, % is not percentage points).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING

from argmap._model import Qualifier, QuantityKind
from argmap._verify.check_types import result_ref
from argmap._verify.numbers import (
    FIGURE_KINDS,
    Mention,
    from_quantity,
    parse,
    periods_overlap,
)

if TYPE_CHECKING:
    from argmap._model import Claim, Quantity
    from argmap._verify.index import MapIndex

__all__ = [
    "ClaimFigure",
    "Interval",
    "Verdict",
    "claim_figures",
    "claim_interval",
    "compare",
    "source_interval",
]

Q = Qualifier
K = QuantityKind
_NEAR = Decimal("0.1")  # "just over", "nearly", "about": within 10 %


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of magnitudes; ``None`` is unbounded on that side."""

    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False

    def contains(self, other: Interval) -> bool:
        """True when every value of ``other`` is in this interval."""
        if self.lo is not None:
            if other.lo is None or other.lo < self.lo:
                return False
            if other.lo == self.lo and self.lo_open and not other.lo_open:
                return False
        if self.hi is not None:
            if other.hi is None or other.hi > self.hi:
                return False
            if other.hi == self.hi and self.hi_open and not other.hi_open:
                return False
        return True

    def holds(self, value: Decimal) -> bool:
        return self.contains(Interval(value, value))

    def __str__(self) -> str:
        lo = "-inf" if self.lo is None else _plain(self.lo)
        hi = "inf" if self.hi is None else _plain(self.hi)
        return f"{'(' if self.lo_open else '['}{lo}, {hi}{')' if self.hi_open else ']'}"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _factor(m: Mention) -> Decimal:
    return m.magnitude / m.value if m.value else Decimal(1)


def _interval(m: Mention, half: Decimal) -> Interval:
    v = m.magnitude
    near = max(half, abs(v) * _NEAR)
    match m.qualifier:
        case Q.RANGE:
            upper = m.upper_magnitude if m.upper_magnitude is not None else v
            return Interval(v - half, upper + half)
        case Q.APPROX:
            return Interval(v - near, v + near)
        case Q.OVER:
            return Interval(v, v + near if m.near else None, lo_open=True)
        case Q.AT_LEAST:
            return Interval(v, v + near if m.near else None)
        case Q.UNDER:
            return Interval(v - near if m.near else None, v, hi_open=True)
        case Q.AT_MOST:
            return Interval(v - near if m.near else None, v)
    return Interval(v - half, v + half)


def claim_interval(
    m: Mention, step: Decimal | None = None, tolerance: Decimal | None = None
) -> Interval:
    """What a figure can mean when written as it is: rounding widens it by half a step.

    ``tolerance`` (a relative error) replaces the rounding when given.
    """
    if tolerance is not None:
        half = abs(m.magnitude) * tolerance
    else:
        half = (step if step is not None else m.step * _factor(m)) / 2
    return _interval(m, half)


def source_interval(m: Mention) -> Interval:
    """What a source's figure states: the number itself, with its qualifier's bounds."""
    return _interval(m, Decimal(0))


class Verdict(IntEnum):
    """How a claim figure relates to a source figure; higher is better."""

    DIFFERENT_KIND = 0
    DIFFERENT_UNIT = 1
    DIFFERENT_VALUE = 2
    DIFFERENT_PERIOD = 3
    TOO_PRECISE = 4
    MATCH = 5


def compare(claim: Mention, source: Mention) -> Verdict:
    """Does ``source`` support ``claim``? Same kind, currency and period, value inside."""
    if claim.kind != source.kind:
        return Verdict.DIFFERENT_KIND
    if claim.kind == K.AMOUNT and claim.unit != source.unit:
        return Verdict.DIFFERENT_UNIT
    stated = source_interval(source)
    if claim_interval(claim).contains(stated):
        if not periods_overlap(claim.period, source.period):
            return Verdict.DIFFERENT_PERIOD
        return Verdict.MATCH
    claim_step = claim.step * _factor(claim)
    source_step = source.step * _factor(source)
    if claim_step < source_step and claim_interval(claim, step=source_step).contains(stated):
        if not periods_overlap(claim.period, source.period):
            return Verdict.DIFFERENT_PERIOD
        return Verdict.TOO_PRECISE
    return Verdict.DIFFERENT_VALUE


# --- the figures of a claim and their support ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Support:
    """A source figure that bears on a claim figure."""

    evidence: str
    mention: Mention
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class ClaimFigure:
    """A figure a claim states, with what its evidence says about it."""

    claim: str
    mention: Mention
    quantity: str | None  # the declared quantity covering it, if any
    derived_by: str | None  # the check whose result it is, if any
    matches: tuple[Support, ...]
    too_precise: tuple[Support, ...]
    nearest: Support | None


def _quote_mentions(index: MapIndex, evidence_id: str) -> tuple[Mention, ...]:
    """What an evidence item's quote states, each figure dated by the item's period; once."""
    return index.memo((_quote_mentions, evidence_id), lambda: _read_quote(index, evidence_id))


def _read_quote(index: MapIndex, evidence_id: str) -> tuple[Mention, ...]:
    item = index.evidence.get(evidence_id)
    if item is None or item.quote is None:
        return ()
    return tuple(
        replace(m, period=item.period) if m.is_figure and item.period and not m.period
        else m
        for m in parse(item.quote.exact)
    )


def _overlaps(a: Mention, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def _declared_mention(quantity: Quantity, claim: Claim) -> Mention | None:
    if not quantity.text or quantity.text not in claim.text:
        return None
    return from_quantity(quantity, claim.text)


def _results(index: MapIndex) -> dict[str, str]:
    """Quantity ID -> the check that derives it; once per map."""
    return index.memo(_results, lambda: _find_results(index))


def _find_results(index: MapIndex) -> dict[str, str]:
    found: dict[str, str] = {}
    for check in index.map.checks:
        result = result_ref(check)
        if result is not None:
            found.setdefault(result, check.id)
    return found


def claim_mentions(claim: Claim) -> list[tuple[Mention, Quantity | None]]:
    """The figures of a claim: read from its text, a declared quantity replacing the reading
    of the span it covers; declared quantities the grammar missed are added."""
    pairs: list[tuple[Mention, Quantity | None]] = []
    declared = [(q, _declared_mention(q, claim)) for q in claim.quantities]
    used: set[int] = set()
    for mention in parse(claim.text):
        if not mention.is_figure:
            continue
        chosen: tuple[Mention, Quantity | None] = (mention, None)
        for index, (quantity, as_mention) in enumerate(declared):
            if as_mention is not None and _overlaps(mention, as_mention.start, as_mention.end):
                chosen = (as_mention, quantity)
                used.add(index)
                break
        pairs.append(chosen)
    for index, (quantity, as_mention) in enumerate(declared):
        if index not in used and as_mention is not None and as_mention.kind in FIGURE_KINDS:
            pairs.append((as_mention, quantity))
    if not claim.period:
        return pairs
    return [(m if m.period else replace(m, period=claim.period), q) for m, q in pairs]


def claim_figures(index: MapIndex, claim: Claim) -> tuple[ClaimFigure, ...]:
    """Each figure of a claim with the evidence figures that support it; once per map."""
    return index.memo((claim_figures, claim.id, claim.text), lambda: _figures(index, claim))


def _figures(index: MapIndex, claim: Claim) -> tuple[ClaimFigure, ...]:
    results = _results(index)
    figures = []
    evidence_ids = list(dict.fromkeys(claim.evidence))
    for mention, quantity in claim_mentions(claim):
        supports = [
            Support(evidence_id, found, compare(mention, found))
            for evidence_id in evidence_ids
            for found in _quote_mentions(index, evidence_id)
            if found.is_figure
        ]
        figures.append(
            ClaimFigure(
                claim=claim.id,
                mention=mention,
                quantity=quantity.id if quantity is not None else None,
                derived_by=results.get(quantity.id) if quantity is not None else None,
                matches=tuple(s for s in supports if s.verdict == Verdict.MATCH),
                too_precise=tuple(s for s in supports if s.verdict == Verdict.TOO_PRECISE),
                nearest=_nearest(mention, supports),
            )
        )
    return tuple(figures)


def _nearest(mention: Mention, supports: Sequence[Support]) -> Support | None:
    """The best of the non-matching figures, for a helpful message."""
    candidates = [s for s in supports if s.verdict < Verdict.TOO_PRECISE]
    if not candidates:
        return None
    return max(candidates, key=lambda s: (s.verdict, -abs(s.mention.magnitude
                                                           - mention.magnitude)))


def describe(m: Mention) -> str:
    """Short description of what a figure means: ``USD 4 billion (2019)``."""
    from argmap._verify.numbers import format_mention

    period = f" ({m.period})" if m.period and m.is_figure else ""
    return f"{format_mention(m)}{period}"


def why(verdict: Verdict) -> str:
    return {
        Verdict.DIFFERENT_KIND: "a different kind of figure (never converted)",
        Verdict.DIFFERENT_UNIT: "a different unit or currency",
        Verdict.DIFFERENT_VALUE: "a different value",
        Verdict.DIFFERENT_PERIOD: "a different period",
        Verdict.TOO_PRECISE: "a less precise figure",
        Verdict.MATCH: "the same figure",
    }[verdict]
