"""Comparing a claim's figure with a source's, as a fact-checker does.

A figure is read as an interval. On the claim side the rounding of the written number widens
it ("USD 4 billion" covers 3.5-4.5 billion; "18.79 million" 18.785-18.795 million); on the
source side the number is taken as stated. Qualifiers are bounds ("over 300" is above 300,
"just over" and "nearly" stay within 10 %, "about" within 10 %), and ranges keep both ends.

Kinds, units, currencies, directions and periods must agree. Equivalent forms are one kind:
a fraction is a percentage ("a fifth" is 20 %, within the fraction's rounding of 5 points), a
ratio is an n-fold change ("2.5 times" = "2.5x" = "2.5-fold"); % is never percentage points,
and nothing else is converted. Directions: "rose by 5%" is not "fell 5%" nor "-5%".

A claim's bound is held against the source's (see the table in docs/numbers.md): equal bounds
match; a weaker lower bound ("over 50" where the source says "over 100") is true but
understates (a warning); one the source does not reach ("over 150") is an error; "up to X"
states the most a figure reaches, so "up to 20%" where the source says "up to 10%"
overstates (an error). Exact figures, ranges, "about" and the near bounds ("just over",
"nearly", "barely") match when the source's interval lies inside the claim's.
A range against a source's range holds its ends as bounds: a wider one understates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, localcontext
from enum import IntEnum
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from argmap._lazyre import lazy_compile
from argmap._members import plain_members
from argmap._model import SCALE_FACTORS
from argmap._slotinit import slot_maker, slot_record
from argmap._verify.check_types import result_ref
from argmap._verify.numbers import (
    FIGURE_KINDS,
    Mention,
    from_quantity,
    parse,
    periods_overlap,
)
from argmap._verify.numbers.declared import DeclaredMemo, locate, mention_of
from argmap._verify.numbers.mention import K, Q, evolve
from argmap._verify.numbers.reading import unit_name

if TYPE_CHECKING:
    from argmap._model import Claim, Quantity
    from argmap._verify.index import ClaimFields, MapIndex

__all__ = [
    "EXACT",
    "ClaimFigure",
    "Interval",
    "Verdict",
    "claim_figures",
    "claim_interval",
    "compare",
    "declared_mentions",
    "describe",
    "family",
    "figures_of",
    "same_count_unit",
    "shown",
    "source_interval",
]

_NEAR = Decimal("0.1")  # "just over", "nearly", "about": within 10 %
_ZERO = Decimal(0)
#: The arithmetic context of comparisons: no rounding, so that two figures that differ in
#: their 29th digit (or their 5,000th) differ. Comparisons only add, subtract and multiply,
#: which stay exact; nothing here divides.
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
#: A quote with more figures of one kind than this compares each claim figure with only this
#: many of them, the nearest in value: the work stays linear in the size of hostile texts.
NEAREST = 16


@slot_record
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
        """:meth:`contains` of the closed interval ``[value, value]``, its comparisons in
        the same order, without building that interval."""
        lo = self.lo
        if lo is not None and (value < lo or (value == lo and self.lo_open)):
            return False
        hi = self.hi
        return hi is None or not (value > hi or (value == hi and self.hi_open))

    def __str__(self) -> str:
        lo = "-inf" if self.lo is None else _plain(self.lo)
        hi = "inf" if self.hi is None else _plain(self.hi)
        return f"{'(' if self.lo_open else '['}{lo}, {hi}{')' if self.hi_open else ']'}"


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


_ONE = Decimal(1)
_HALF = Decimal("0.5")
#: Each scale's factor as a Decimal, built once: a comparison reads two or three of them.
_FACTORS = {scale: Decimal(factor) for scale, factor in SCALE_FACTORS.items()}


def _factor(m: Mention) -> Decimal:
    return _FACTORS[m.scale] if m.scale else _ONE


def _near(v: Decimal, half: Decimal) -> Decimal:
    """How far "about", "just over" and "nearly" reach from ``v``: 10 %, at least ``half``."""
    return max(half, abs(v) * _NEAR)


def _interval(m: Mention, half: Decimal) -> Interval:
    """``m`` as an interval, widened by ``half``; the reach of a near bound is computed only
    for the qualifiers that have one (most figures are exact)."""
    v = m.magnitude
    match m.qualifier:
        case Q.EXACT:
            return Interval(v - half, v + half)
        case Q.RANGE:
            upper = m.upper_magnitude if m.upper_magnitude is not None else v
            return Interval(v - half, upper + half)
        case Q.APPROX:
            near = _near(v, half)
            return Interval(v - near, v + near)
        case Q.OVER:
            return Interval(v, v + _near(v, half) if m.near else None, lo_open=True)
        case Q.AT_LEAST:
            return Interval(v, v + _near(v, half) if m.near else None)
        case Q.UNDER:
            return Interval(v - _near(v, half) if m.near else None, v, hi_open=True)
        case Q.AT_MOST:
            return Interval(v - _near(v, half) if m.near else None, v)
    return Interval(v - half, v + half)


def claim_interval(
    m: Mention, step: Decimal | None = None, tolerance: Decimal | None = None
) -> Interval:
    """What a figure can mean when written as it is: rounding widens it by half a step.

    ``tolerance`` (a relative error) replaces the rounding when given.
    """
    with localcontext(EXACT):
        return _claim_interval(m, step, tolerance)


def _claim_interval(
    m: Mention, step: Decimal | None = None, tolerance: Decimal | None = None
) -> Interval:
    """:func:`claim_interval` in the EXACT context already entered: a comparison enters it
    once, not once more for each interval it reads."""
    if tolerance is not None:
        half = abs(m.magnitude) * tolerance
    else:
        half = (step if step is not None else m.step * _factor(m)) * _HALF
    return _interval(m, half)


def source_interval(m: Mention) -> Interval:
    """What a source's figure states: the number itself, with its qualifier's bounds."""
    with localcontext(EXACT):
        return _interval(m, _ZERO)


class Verdict(IntEnum):
    """How a claim figure relates to a source figure; higher is better. ``UNDERSTATES`` and
    ``TOO_PRECISE`` cite the figure with a warning; ``MATCH`` cites it."""

    DIFFERENT_KIND = 0
    DIFFERENT_UNIT = 1
    DIFFERENT_DIRECTION = 2
    DIFFERENT_VALUE = 3
    OVERSTATES = 4
    DIFFERENT_PERIOD = 5
    UNDERSTATES = 6
    TOO_PRECISE = 7
    MATCH = 8


#: Verdicts that cite a figure (AM301 stays silent): a match, or one with a warning.
CITED = frozenset({Verdict.MATCH, Verdict.TOO_PRECISE, Verdict.UNDERSTATES})


_V = plain_members(Verdict)  # each comparison returns one

_HUNDRED = Decimal(100)


def family(m: Mention) -> Mention:
    """A figure in the kind its equivalents share: a fraction as a percentage ("a fifth" is
    20 %, with a step of 5 points), a ratio as an n-fold change."""
    if m.kind == K.FRACTION:
        return replace(m, kind=K.PERCENT, value=m.value * _HUNDRED, step=m.step * _HUNDRED,
                       upper=None if m.upper is None else m.upper * _HUNDRED)
    if m.kind == K.RATIO:
        return replace(m, kind=K.FOLD)
    return m


@lru_cache(maxsize=1 << 12)  # a map names few units, compared once per pair of figures
def _unit_key(unit: str) -> str:
    """A unit's vocabulary name; a declared compound ("test cases") is keyed by its head
    noun, as the grammar reads "49 test cases"."""
    name = unit_name(unit)
    if name is None and " " in unit.strip():
        name = unit_name(unit.rsplit(maxsplit=1)[-1])
    return name or unit.casefold()


def same_count_unit(a: str | None, b: str | None) -> bool:
    """Two count units agree when either is unnamed or both name the same unit ("file" and
    "files" do; "KiB" and "MiB", "files" and "companies" do not)."""
    return a is None or b is None or _unit_key(a) == _unit_key(b)


def _unsigned(m: Mention) -> Mention:
    if m.value >= 0 and (m.upper is None or m.upper >= 0):
        return m
    low, high = abs(m.value), None if m.upper is None else abs(m.upper)
    if high is not None and high < low:
        low, high = high, low
    return replace(m, value=low, upper=high)


def compare(claim: Mention, source: Mention) -> Verdict:
    """Does ``source`` support ``claim``? Same kind, unit, direction and period; the value
    inside, a bound no stronger than the source's (weaker: ``UNDERSTATES``)."""
    with localcontext(EXACT):
        return _compare(claim, source)


def _compare(claim: Mention, source: Mention) -> Verdict:
    return _verdict(family(claim), family(source))


def _verdict(claim: Mention, source: Mention) -> Verdict:
    """:func:`compare` of two figures already in their family's kind (:func:`family`), in
    the EXACT context: a quote's figures are put in theirs once, when the quote is read."""
    if claim.kind == K.FOLD and _bare_ratio(claim, source):
        source = replace(source, kind=K.FOLD)
    if claim.kind != source.kind:
        return _V.DIFFERENT_KIND
    if claim.kind == K.AMOUNT and claim.unit != source.unit:
        return _V.DIFFERENT_UNIT
    if claim.kind == K.COUNT and not same_count_unit(claim.unit, source.unit):
        return _V.DIFFERENT_UNIT
    if claim.direction and source.direction:
        if claim.direction != source.direction:
            return _V.DIFFERENT_DIRECTION
        # "fell 57%" and "-57%" say the same: compare the sizes of the change
        claim, source = _unsigned(claim), _unsigned(source)
    if claim.qualifier == Q.EXACT and source.qualifier == Q.EXACT:  # most pairs: no frame
        verdict = _exact_verdict(claim, source)
    else:
        verdict = _value_verdict(claim, source)
    if verdict in CITED and not periods_overlap(claim.period, source.period):
        return _V.DIFFERENT_PERIOD
    return verdict


def _bare_ratio(claim: Mention, source: Mention) -> bool:
    """A bare decimal in a quote ("4096 | 2.261", a table of ratios) states a fold of the
    same number written to the same decimals ("2.261 times"): it has no unit, scale, sign,
    qualifier or kind of its own. An integer ("3") is not read so: it may count anything."""
    return (source.kind == K.COUNT and source.unit is None and source.scale is None
            and source.qualifier == Q.EXACT and not source.direction and not source.vague
            and source.step < 1 and source.step == claim.step and source.upper is None
            and source.value == claim.value)


_LOWER = frozenset({Q.OVER, Q.AT_LEAST})
_UPPER = frozenset({Q.UNDER, Q.AT_MOST})


def _value_verdict(claim: Mention, source: Mention) -> Verdict:
    if claim.qualifier == Q.EXACT and source.qualifier == Q.EXACT:
        return _exact_verdict(claim, source)
    stated = _interval(source, _ZERO)  # in compare's EXACT context
    half = claim.step * _factor(claim) * _HALF
    x = claim.magnitude
    lower_bound = not source.near and source.qualifier in _LOWER
    upper_bound = not source.near and source.qualifier in _UPPER
    if claim.qualifier == Q.RANGE and source.qualifier == Q.RANGE:
        return _range_against_range(claim, source, stated, half)
    if claim.near or claim.qualifier not in {Q.OVER, Q.AT_LEAST, Q.UNDER, Q.AT_MOST}:
        if _claim_interval(claim).contains(stated):
            return _V.MATCH
        if _drops_hedge(claim, source):
            return _V.TOO_PRECISE
        return _coarser(claim, source, stated, _V.DIFFERENT_VALUE)
    slack = max(half, abs(x) * _NEAR)  # a bound rounds a stated value: "over 300" for 310
    if claim.qualifier in _LOWER:  # "over 50": true if the source's least is above 50
        if lower_bound:
            return _bound_against_bound(claim, source, stated, source.magnitude - x, half)
        if _claim_interval(claim).contains(stated) and stated.lo is not None:
            return _V.MATCH if stated.lo - x <= slack else _V.UNDERSTATES
        return _coarser(claim, source, stated, _V.DIFFERENT_VALUE)
    if claim.qualifier == Q.UNDER:  # "under 50": true if the source's most is below 50
        if upper_bound:
            return _bound_against_bound(claim, source, stated, x - source.magnitude, half)
        if _claim_interval(claim).contains(stated) and stated.hi is not None:
            return _V.MATCH if x - stated.hi <= slack else _V.UNDERSTATES
        return _coarser(claim, source, stated, _V.DIFFERENT_VALUE)
    # "up to 20%": the most the figure reaches; more than the source's most overstates
    top = stated.hi
    if top is None:
        return _V.DIFFERENT_VALUE
    if abs(top - x) <= half:
        return _V.MATCH
    if top > x:
        return _coarser(claim, source, stated, _V.DIFFERENT_VALUE)
    if upper_bound or x - top > slack:
        return _V.OVERSTATES
    return _V.MATCH


def _exact_verdict(claim: Mention, source: Mention) -> Verdict:
    """An exact figure against an exact one, most of a map's comparisons: what the general
    path decides with three intervals, in a few comparisons of their ends. The claim's
    rounding holds the source's number: a match; else the source's coarser rounding holds
    the claim's: too precise (the near flags change neither: an exact figure's interval
    has no near reach, and ``_coarser``'s last test only repeats its first)."""
    # the magnitudes and factors read inline, in the order the properties read them
    claim_scale, source_scale = claim.scale, source.scale
    x = claim.value * SCALE_FACTORS[claim_scale] if claim_scale else claim.value
    s = source.value * SCALE_FACTORS[source_scale] if source_scale else source.value
    claim_step = claim.step * (_FACTORS[claim_scale] if claim_scale else _ONE)
    half = claim_step * _HALF
    if x - half <= s <= x + half:
        return _V.MATCH
    source_step = source.step * (_FACTORS[source_scale] if source_scale else _ONE)
    if claim_step >= source_step:
        return _V.DIFFERENT_VALUE
    half = source_step * _HALF
    return _V.TOO_PRECISE if x - half <= s <= x + half else _V.DIFFERENT_VALUE


def _range_against_range(claim: Mention, source: Mention, stated: Interval,
                         half: Decimal) -> Verdict:
    """A range against a range: each end is a figure the claim states, so each must be the
    source's at the claim's rounding. A wider range ("8,000 to 32,000 bytes" for "between
    8,000 and 12,000") states an end the source does not, as a narrower or shifted one does."""
    if not _claim_interval(claim).contains(stated):
        return _coarser(claim, source, stated, _V.DIFFERENT_VALUE)
    low = claim.magnitude
    high = claim.upper_magnitude if claim.upper_magnitude is not None else low
    beyond = max((stated.lo - low) if stated.lo is not None else _ZERO,
                 (high - stated.hi) if stated.hi is not None else _ZERO)
    return _V.MATCH if beyond <= half else _V.DIFFERENT_VALUE


def _drops_hedge(claim: Mention, source: Mention) -> bool:
    """An exact claim of the number an ``about`` source states ("20%" for "about 20%"): the
    claim is more precise than its source (AM304), not a different value. Another number
    within the source's 10 % ("21%" for "about 20%") is one the source does not state."""
    return (claim.qualifier == Q.EXACT and not claim.near and source.qualifier == Q.APPROX
            and _claim_interval(claim).holds(source.magnitude))


def _bound_against_bound(claim: Mention, source: Mention, stated: Interval, margin: Decimal,
                         half: Decimal) -> Verdict:
    """Two bounds on the same side; ``margin`` is how much further the source's bound goes
    than the claim's (positive: the claim is weaker)."""
    if abs(margin) <= half:
        return _V.MATCH
    if margin > 0:
        return _V.UNDERSTATES
    return _coarser(claim, source, stated, _V.OVERSTATES)


def _coarser(claim: Mention, source: Mention, stated: Interval, otherwise: Verdict) -> Verdict:
    """``TOO_PRECISE`` when the claim matches at the source's coarser rounding ("USD 4.2
    billion" for "USD 4 billion", "over 4.2 billion" for "over 4 billion")."""
    claim_step = claim.step * _factor(claim)
    source_step = source.step * _factor(source)
    if claim_step >= source_step:
        return otherwise
    if _claim_interval(claim, step=source_step).contains(stated):
        return _V.TOO_PRECISE
    if claim.qualifier == source.qualifier and not claim.near and not source.near and abs(
            claim.magnitude - source.magnitude) <= source_step * _HALF:
        return _V.TOO_PRECISE
    return otherwise


# --- the figures of a claim and their support ---------------------------------------------------


@slot_record
class Support:
    """A source figure that bears on a claim figure."""

    evidence: str
    mention: Mention
    verdict: Verdict


@slot_record
class ClaimFigure:
    """A figure a claim states, with what its evidence says about it: the quote figures that
    match it, that match at a coarser rounding, that state a stronger bound (the claim
    understates), and the nearest of the others."""

    claim: str
    mention: Mention
    quantity: str | None  # the declared quantity covering it, if any
    derived_by: str | None  # the check whose result it is, if any
    matches: tuple[Support, ...]
    too_precise: tuple[Support, ...]
    nearest: Support | None
    understated: tuple[Support, ...] = ()


#: ``Support(*fields)`` and ``ClaimFigure(*fields)``, every field given in order, built
#: without the call of the class (:func:`argmap._slotinit.slot_maker`): one per figure
#: compared and per support kept, about 1,600 instructions fewer each.
_new_support: Callable[[str, Mention, Verdict], Support] = slot_maker(Support)
_new_figure: Callable[[str, Mention, str | None, str | None, tuple[Support, ...],
                       tuple[Support, ...], Support | None, tuple[Support, ...]],
                      ClaimFigure] = slot_maker(ClaimFigure)


#: What a figure says, for telling repeated figures apart (the span left out):
#: ``(*m.reading(), m.period, m.step, m.near, m.vague)``, read in one call.
_reading_key: Callable[[Mention], tuple[object, ...]] = attrgetter(
    "kind", "value", "upper", "unit", "scale", "qualifier", "direction", "period", "step",
    "near", "vague")
#: The kinds :func:`family` changes, and the kind it gives each.
_FAMILY_KIND = {K.FRACTION: K.PERCENT, K.RATIO: K.FOLD}


def _bucket_key(m: Mention) -> tuple[object, ...]:
    """Figures that can match each other share a bucket: one kind family (and currency);
    ``family(m)``'s kind, without building the figure in it."""
    kind = m.kind
    return (_FAMILY_KIND.get(kind, kind), m.unit if kind == K.AMOUNT else None)


def _order(m: Mention) -> Decimal:
    """A figure's size in its family: only a fraction's differs from its own (a hundred
    times it, as a percentage)."""
    return abs(family(m).magnitude if m.kind == K.FRACTION else m.magnitude)


@slot_record  # one per quote that states a figure, and per kind of figure it states
class _Bucket:
    """The distinct figures of one bucket of a quote, sorted by size, each also in its
    family's kind (:func:`family`, read in the EXACT context), as every comparison reads it."""

    sizes: tuple[Decimal, ...]
    mentions: tuple[Mention, ...]
    forms: tuple[Mention, ...]

    def nearest(self, size: Decimal, count: int) -> Sequence[Mention]:
        """The ``count`` figures nearest to ``size`` (all of them when there are few)."""
        return self.mentions[slice(*self.nearest_span(size, count))]

    def nearest_span(self, size: Decimal, count: int) -> tuple[int, int]:
        """Where the ``count`` figures nearest to ``size`` lie in :attr:`mentions`."""
        if len(self.mentions) <= count:
            return 0, len(self.mentions)
        at = bisect_left(self.sizes, size)
        lo, hi = at, at
        while hi - lo < count:
            if lo > 0 and (hi >= len(self.sizes) or size - self.sizes[lo - 1]
                           <= self.sizes[hi] - size):
                lo -= 1
            else:
                hi += 1
        return lo, hi


def _quote_mentions(index: MapIndex, evidence_id: str) -> dict[tuple[object, ...], _Bucket]:
    """What an evidence item's quote states, each figure dated by the item's period, in
    buckets; once per map, in :func:`_quotes_read`'s dictionary."""
    read = _quotes_read(index)
    found = read.get(evidence_id)
    if found is None:
        found = read[evidence_id] = _read_quote(index, evidence_id)
    return found


def _quotes_read(index: MapIndex) -> dict[str, dict[tuple[object, ...], _Bucket]]:
    """Evidence ID -> its quote's figures (:func:`_read_quote`), each item read once per map
    into one dictionary in the memo, owned (and dropped) as :func:`_quote_mentions`'s values
    are: a memo key per item cost a tuple, a closure, an entry and a list item each, and
    most items are cited once (as :func:`argmap._verify.dates._quotes` reads dates)."""
    return index.memo((_quote_mentions,), dict)


def _read_quote(index: MapIndex, evidence_id: str) -> dict[tuple[object, ...], _Bucket]:
    item = index.evidence.get(evidence_id)
    if item is None:
        return {}
    quote = item.quote
    if quote is None:
        return {}
    read = parse(quote.exact)
    if not _any_figure(read):  # most quotes hold no number, many only a year
        return {}
    period = item.period
    figures = [found for found in read if found.kind in FIGURE_KINDS]
    if period:
        figures = [found if found.period else evolve(found, period=period)
                   for found in figures]
    return _bucketed(figures)


#: ``_Bucket(*fields)``, built without the call of the class (see ``_new_support``).
_new_bucket: Callable[[tuple[Decimal, ...], tuple[Mention, ...], tuple[Mention, ...]],
                      _Bucket] = slot_maker(_Bucket)


def _bucketed(figures: Iterable[Mention]) -> dict[tuple[object, ...], _Bucket]:
    """A quote's figures, each distinct one once, in buckets sorted by size; the sizes read
    outside the exact context, the family forms in it (entered for a fraction only)."""
    distinct = _distinct(figures)
    if len(distinct) <= 1:  # most quotes state no figure or one: no grouping, no sort
        return {_bucket_key(m): _new_bucket((_order(m),), (m,), (_family_form(m),))
                for m in distinct}
    grouped: dict[tuple[object, ...], list[Mention]] = {}
    for m in distinct:
        grouped.setdefault(_bucket_key(m), []).append(m)
    # each size read once, outside the exact context, as before; the sort is stable
    ordered = {bucket: sorted(zip(map(_order, members), members, strict=True), key=_FIRST)
               for bucket, members in grouped.items()}
    buckets = {}
    for bucket, pairs in ordered.items():
        kept = tuple(m for _, m in pairs)
        buckets[bucket] = _new_bucket(tuple(size for size, _ in pairs), kept,
                                      tuple(map(_family_form, kept)))
    return buckets


_FIRST = itemgetter(0)
#: Up to this many figures are told apart by comparing their readings in a list, more in a
#: dict: the list's tests grow as the square of their number.
_FEW = 8


def _distinct(figures: Iterable[Mention]) -> list[Mention]:
    """The first of each reading (:data:`_reading_key`) among ``figures``, in order. One
    figure (most quotes that state any) is its own; a few are compared in a list: a reading
    holds decimals fresh from the grammar, whose first hash costs about 200 ns each, where an
    equality test stops at the first field that differs. Many go through a dict, linearly.
    The figures are the grammar's readings (no signalling NaN, which neither hashes nor
    compares quietly)."""
    figures = figures if type(figures) is list else list(figures)
    if len(figures) <= 1:
        return figures
    if len(figures) > _FEW:
        by_reading: dict[tuple[object, ...], Mention] = {}
        for m in figures:
            by_reading.setdefault(_reading_key(m), m)
        return list(by_reading.values())
    readings: list[tuple[object, ...]] = []
    kept: list[Mention] = []
    for m in figures:
        reading = _reading_key(m)
        if reading not in readings:
            readings.append(reading)
            kept.append(m)
    return kept


def _family_form(m: Mention) -> Mention:
    """``family(m)`` read in the EXACT context, entered only for a fraction: the one kind
    whose family form is computed (a ratio's only changes its kind, others are the figure)."""
    if m.kind != K.FRACTION:
        return family(m)
    with localcontext(EXACT):
        return family(m)


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


#: Markup a text may hold (Argdown's, and Markdown's links) whose numbers state nothing: a
#: mention of a title (``@[Statement 1]``), a tag (``#tag-2``; ``&#10;`` is an HTML entity,
#: whose number a renderer shows), a link's address.
_MARKUP = lazy_compile(
    r"@\[[^\]\n]*\]|@<[^>\n]*>|(?<![\w\\&])#(?:\([^)\n]*\)|[\w-]+)|\]\([^)\n]*\)")


def _markup_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "#" not in text and "](" not in text:
        return []
    return [match.span() for match in _MARKUP.finditer(text)]


def _any_figure(found: tuple[Mention, ...]) -> bool:
    """Whether any of a text's readings is a figure (a year or a date is not)."""
    for m in found:  # noqa: SIM110 - no generator built per claim, as any() would
        if m.kind in FIGURE_KINDS:
            return True
    return False


def claim_mentions(claim: Claim) -> list[tuple[Mention, Quantity | None]]:
    """The figures of a claim: read from its text, a declared quantity replacing the reading
    of the span it covers; declared quantities the grammar missed are added."""
    text = claim.text
    quantities = claim.quantities  # a model's field: about 450 instructions a read, once
    if not quantities and not _any_figure(parse(text)):
        return []  # most claims state no figure: none of the work below finds one
    return _mentions(text, quantities, claim.period)


def declared_mentions(index: MapIndex) -> DeclaredMemo:
    """The map's declared quantities read as mentions (:func:`~.numbers.declared.mention_of`),
    one entry a quantity, shared by the figures, AM303 and the arithmetic."""
    return index.memo(declared_mentions, dict)


def _mentions(text: str, quantities: list[Quantity], period: str | None,
              memo: DeclaredMemo | None = None) -> list[tuple[Mention, Quantity | None]]:
    """:func:`claim_mentions` of a claim's fields, read by the caller (from the claim's view,
    :attr:`MapIndex.claim_fields`, where it has one), for a claim that may state a figure;
    its declared quantities read through the map's ``memo`` when given."""
    pairs: list[tuple[Mention, Quantity | None]] = []
    # each declared quantity found in the text as a whole figure, sorted by where it starts
    declared: list[tuple[int, int, Quantity, Mention]] = []
    for i, q in enumerate(quantities):
        if (written := q.text) and locate(written, text) >= 0:
            as_mention = from_quantity(q, text) if memo is None else mention_of(memo, q, text)
            declared.append((as_mention.start, i, q, as_mention))
    if len(declared) > 1:
        declared.sort(key=_START_AND_POSITION)
    starts = [item[0] for item in declared]
    longest = max((item[3].end - item[3].start for item in declared), default=0)
    used: set[int] = set()
    markup = _markup_spans(text)
    for mention in parse(text):
        if mention.kind not in FIGURE_KINDS:
            continue
        start, end = mention.start, mention.end
        if markup and any(s <= start and end <= e for s, e in markup):
            continue  # a number in a hashtag, a mention's title or a link's address
        if declared:
            # only declared spans that start less than the longest span before this mention
            # (bisected) can overlap it; the first in the claim's order of quantities wins
            first = None
            for item in declared[bisect_left(starts, start - longest):bisect_left(starts, end)]:
                found = item[3]
                if found.start < end and start < found.end and (
                        first is None or item[1] < first[1]):
                    first = item
            if first is not None:
                pairs.append((first[3], first[2]))
                used.add(first[1])
                continue
        pairs.append((mention, None))
    if len(used) < len(declared):  # a declared quantity the grammar did not read: added
        for _, position, quantity, as_mention in sorted(declared, key=_POSITION):
            if position not in used and as_mention.kind in FIGURE_KINDS:
                pairs.append((as_mention, quantity))
    if not period:
        return pairs
    return [(m if m.period else evolve(m, period=period), q) for m, q in pairs]


#: A declared quantity's entry ``(start, position, quantity, mention)`` sorted by where it
#: starts, then by its place in the claim's list; or by that place alone.
_START_AND_POSITION = itemgetter(0, 1)
_POSITION = itemgetter(1)


def figures_of(index: MapIndex, claim: Claim,  # noqa: ARG001 - the walks' signature
               fields: ClaimFields) -> tuple[ClaimFigure, ...]:
    """:func:`claim_figures`, its claim's fields read from the claim's view
    (:attr:`MapIndex.claim_fields`) rather than off the model (about 450 instructions a read),
    for walks over every claim: most claims state no figure."""
    if not fields[4] and not _any_figure(parse(fields[1])):  # no quantities, no figure read
        return ()
    return _fields_figures(index, fields)


def _fields_figures(index: MapIndex, fields: ClaimFields) -> tuple[ClaimFigure, ...]:
    """:func:`figures_of` of a claim that may state a figure, kept in the memo as
    :func:`claim_figures` keeps it; apart from :func:`figures_of`, whose every call (one per
    claim) would make the closure's cells."""
    claim_id, text, _, evidence, quantities, period, _, _, _ = fields
    return index.memo((claim_figures, claim_id, text), lambda: _supported(
        index, claim_id, evidence, _mentions(
            text, quantities, period, declared_mentions(index) if quantities else None)))


def claim_figures(index: MapIndex, claim: Claim) -> tuple[ClaimFigure, ...]:
    """Each figure of a claim with the evidence figures that support it; once per map. A
    claim that declares no quantity and whose text reads no figure (most) has none: no memo
    entry (:func:`claim_mentions` returns at the same test)."""
    text = claim.text  # a model's field: about 450 instructions a read, once
    if not claim.quantities and not _any_figure(parse(text)):
        return ()
    return index.memo((claim_figures, claim.id, text), lambda: _figures(index, claim))


def _supports_in(quotes: Sequence[tuple[str, dict[tuple[object, ...], _Bucket]]],
                 mention: Mention) -> _Sorted:
    """The quote figures worth comparing with ``mention``, sorted by verdict: in its own
    bucket, the nearest in size; in every other bucket, the nearest one (for the message).
    The claim figure is put in its family's kind once, and each quote figure was when its
    quote was read. A support is built only for a figure kept: of those that cite nothing,
    the nearest is chosen from their verdicts and sizes (at 10,000 claims 4,457 of 16,251
    supports were built to be dropped)."""
    if not quotes:
        return _UNSUPPORTED  # no quote states a figure: no comparison, no exact context
    own = _bucket_key(mention)
    size = _order(mention)
    matches: list[Support] = []
    too_precise: list[Support] = []
    understated: list[Support] = []
    others: list[_Other] = []
    # the quotes are read (and their figures ordered) outside the exact context, as before;
    # the comparisons share one entry into it
    with localcontext(EXACT):
        claim = family(mention)
        for evidence_id, buckets in quotes:
            for bucket_key, bucket in buckets.items():
                mentions, forms = bucket.mentions, bucket.forms
                # most buckets: one figure, its own nearest
                lo, hi = (0, 1) if len(mentions) == 1 else bucket.nearest_span(
                    size, NEAREST if bucket_key == own else 1)
                for at in range(lo, hi):
                    verdict = _verdict(claim, forms[at])
                    if verdict is _MATCH:
                        matches.append(_new_support(evidence_id, mentions[at], verdict))
                    elif verdict is _TOO_PRECISE:
                        too_precise.append(_new_support(evidence_id, mentions[at], verdict))
                    elif verdict is _UNDERSTATES:
                        understated.append(_new_support(evidence_id, mentions[at], verdict))
                    else:
                        others.append((verdict, evidence_id, mentions[at], bucket.sizes[at]))
    # the nearest's distances are read outside the exact context, as its sizes were
    return tuple(matches), tuple(too_precise), _nearest(others, size), tuple(understated)


def _figures(index: MapIndex, claim: Claim) -> tuple[ClaimFigure, ...]:
    """A claim's figures with their support. The claim's quotes are looked up once, when
    the first figure needs them, not once per figure; a figure repeated (the same reading:
    the same size, so the same nearest) is compared and sorted once."""
    mentions = claim_mentions(claim)
    return _supported(index, claim.id, claim.evidence, mentions) if mentions else ()


def _supported(index: MapIndex, claim_id: str, cited: list[str],
               mentions: list[tuple[Mention, Quantity | None]]) -> tuple[ClaimFigure, ...]:
    """:func:`_figures` of a claim's figures (:func:`claim_mentions`), its ID and the items
    it cites, read by the caller: :func:`figures_of` reads them from the claim's view, not
    off the model (about 450 instructions a read, five reads a claim)."""
    if not mentions:
        return ()
    results = _results(index)
    figures = []
    quotes: list[tuple[str, dict[tuple[object, ...], _Bucket]]] | None = None
    # a figure repeated (the same reading) is compared once. A claim of one figure repeats
    # none: its reading is not read. A few figures' readings are compared in a list, as a
    # quote's are (:func:`_distinct`): a reading holds decimals whose first hash costs about
    # 200 ns each; many are hashed in a dict
    single = len(mentions) == 1
    readings: list[tuple[object, ...]] = []
    compared: list[_Sorted] = []
    seen: dict[tuple[object, ...], _Sorted] | None = None if len(mentions) <= _FEW else {}
    for mention, quantity in mentions:
        reading = () if single else _reading_key(mention)
        if single:
            found = None
        elif seen is not None:
            found = seen.get(reading)
        else:
            found = compared[readings.index(reading)] if reading in readings else None
        if found is None:
            if quotes is None:
                # a quote without figures supports none: left out once, not per figure
                quotes = _claim_quotes(index, cited)
            found = _supports_in(quotes, mention)
            if seen is not None:
                seen[reading] = found
            elif not single:
                readings.append(reading)
                compared.append(found)
        quantity_id = quantity.id if quantity is not None else None
        figures.append(_new_figure(
            claim_id, mention, quantity_id,
            results.get(quantity_id) if quantity_id is not None else None,
            found[0], found[1], found[2], found[3]))
    return tuple(figures)


def _claim_quotes(index: MapIndex, cited: list[str]
                  ) -> list[tuple[str, dict[tuple[object, ...], _Bucket]]]:
    """The items ``cited`` names whose quotes state a figure, each once, in the order cited,
    with their figures (:func:`_quote_mentions`, read from its dictionary here)."""
    read = _quotes_read(index)
    quotes = []
    for evidence_id in (dict.fromkeys(cited) if len(cited) > 1 else cited):
        buckets = read.get(evidence_id)
        if buckets is None:
            buckets = read[evidence_id] = _read_quote(index, evidence_id)
        if buckets:
            quotes.append((evidence_id, buckets))
    return quotes


#: The supports of a figure by what they say: matches, too precise, the nearest of the
#: others, understated (:class:`ClaimFigure`'s fields, in its order).
_Sorted = tuple[tuple[Support, ...], tuple[Support, ...], Support | None, tuple[Support, ...]]
_UNSUPPORTED: _Sorted = ((), (), None, ())
#: A quote figure that cites no claim figure, a candidate for the nearest:
#: ``(verdict, evidence ID, figure, its size in its bucket)``.
_Other = tuple[Verdict, str, Mention, Decimal]
_MATCH, _TOO_PRECISE, _UNDERSTATES = Verdict.MATCH, Verdict.TOO_PRECISE, Verdict.UNDERSTATES


def _nearest(others: Sequence[_Other], size: Decimal) -> Support | None:
    """The best of the figures that cite nothing, for a helpful message: the best verdict,
    then the nearest to ``size`` (the first of equals); one is its own nearest."""
    if not others:
        return None
    best = others[0] if len(others) == 1 else max(
        others, key=lambda other: (other[0], -abs(other[3] - size)))
    return _new_support(best[1], best[2], best[0])


def shown(text: str, limit: int = 60) -> str:
    """A figure's text as a message shows it: a 20,000-digit number as its ends only."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def describe(m: Mention) -> str:
    """Short description of what a figure means: ``USD 4 billion (2019)``."""
    from argmap._verify.numbers import format_mention

    period = f" ({m.period})" if m.period and m.is_figure else ""
    return f"{shown(format_mention(m))}{period}"


def why(verdict: Verdict) -> str:
    return {
        Verdict.DIFFERENT_KIND: "a different kind of figure (never converted)",
        Verdict.DIFFERENT_UNIT: "a different unit or currency",
        Verdict.DIFFERENT_DIRECTION: "a change in the other direction",
        Verdict.DIFFERENT_VALUE: "a different value",
        Verdict.OVERSTATES: "a bound the claim goes beyond: it overstates the source",
        Verdict.DIFFERENT_PERIOD: "a different period",
        Verdict.UNDERSTATES: "a stronger bound, so the claim understates it",
        Verdict.TOO_PRECISE: "a less precise figure",
        Verdict.MATCH: "the same figure",
    }[verdict]
