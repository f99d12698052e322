"""Round six's quicker reading of claim figures against the code it replaced, kept here as
the reference: a quote's figures are put in their family's kind once, when the quote is read;
an exact figure against an exact one is decided by comparing interval ends; a declared
quantity reads its value's own digits only when no reading of the claim states the value.
Each must give exactly what the old code gave."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.compare import (
    _HALF,
    _LOWER,
    _NEAR,
    _UPPER,
    _ZERO,
    CITED,
    EXACT,
    NEAREST,
    Support,
    Verdict,
    _bare_ratio,
    _bound_against_bound,
    _bucket_key,
    _bucketed,
    _claim_interval,
    _coarser,
    _drops_hedge,
    _factor,
    _interval,
    _order,
    _range_against_range,
    _reading_key,
    _supports_in,
    _unsigned,
    compare,
    family,
    same_count_unit,
)
from argmap._verify.numbers import Mention, parse, periods_overlap
from argmap._verify.numbers.declared import _step_of, declared, locate
from argmap._verify.numbers.mention import evolve

K = QuantityKind
Q = Qualifier

# --- the comparison as it was (round five) ----------------------------------------------------


def _old_compare(claim: Mention, source: Mention) -> Verdict:
    with localcontext(EXACT):
        claim, source = family(claim), family(source)
        if claim.kind == K.FOLD and _bare_ratio(claim, source):
            source = evolve(source, kind=K.FOLD)
        if claim.kind != source.kind:
            return Verdict.DIFFERENT_KIND
        if claim.kind == K.AMOUNT and claim.unit != source.unit:
            return Verdict.DIFFERENT_UNIT
        if claim.kind == K.COUNT and not same_count_unit(claim.unit, source.unit):
            return Verdict.DIFFERENT_UNIT
        if claim.direction and source.direction:
            if claim.direction != source.direction:
                return Verdict.DIFFERENT_DIRECTION
            claim, source = _unsigned(claim), _unsigned(source)
        verdict = _old_value_verdict(claim, source)
        if verdict in CITED and not periods_overlap(claim.period, source.period):
            return Verdict.DIFFERENT_PERIOD
        return verdict


def _old_value_verdict(claim: Mention, source: Mention) -> Verdict:
    stated = _interval(source, _ZERO)
    half = claim.step * _factor(claim) * _HALF
    x = claim.magnitude
    lower_bound = not source.near and source.qualifier in _LOWER
    upper_bound = not source.near and source.qualifier in _UPPER
    if claim.qualifier == Q.RANGE and source.qualifier == Q.RANGE:
        return _range_against_range(claim, source, stated, half)
    if claim.near or claim.qualifier not in {Q.OVER, Q.AT_LEAST, Q.UNDER, Q.AT_MOST}:
        if _claim_interval(claim).contains(stated):
            return Verdict.MATCH
        if _drops_hedge(claim, source):
            return Verdict.TOO_PRECISE
        return _coarser(claim, source, stated, Verdict.DIFFERENT_VALUE)
    slack = max(half, abs(x) * _NEAR)
    if claim.qualifier in _LOWER:
        if lower_bound:
            return _bound_against_bound(claim, source, stated, source.magnitude - x, half)
        if _claim_interval(claim).contains(stated) and stated.lo is not None:
            return Verdict.MATCH if stated.lo - x <= slack else Verdict.UNDERSTATES
        return _coarser(claim, source, stated, Verdict.DIFFERENT_VALUE)
    if claim.qualifier == Q.UNDER:
        if upper_bound:
            return _bound_against_bound(claim, source, stated, x - source.magnitude, half)
        if _claim_interval(claim).contains(stated) and stated.hi is not None:
            return Verdict.MATCH if x - stated.hi <= slack else Verdict.UNDERSTATES
        return _coarser(claim, source, stated, Verdict.DIFFERENT_VALUE)
    top = stated.hi
    if top is None:
        return Verdict.DIFFERENT_VALUE
    if abs(top - x) <= half:
        return Verdict.MATCH
    if top > x:
        return _coarser(claim, source, stated, Verdict.DIFFERENT_VALUE)
    if upper_bound or x - top > slack:
        return Verdict.OVERSTATES
    return Verdict.MATCH


def _old_supports(quotes: list[tuple[str, list[Mention]]], mention: Mention) -> list[Support]:
    """Round five's ``_read_quote`` bucketing and ``_supports`` on the quotes' figures."""
    own = _bucket_key(mention)
    size = _order(mention)
    chosen: list[tuple[str, Mention]] = []
    for evidence_id, figures in quotes:
        distinct: dict[tuple[object, ...], Mention] = {}
        for m in figures:
            distinct.setdefault(_reading_key(m), m)
        grouped: dict[tuple[object, ...], list[Mention]] = {}
        for m in distinct.values():
            grouped.setdefault(_bucket_key(m), []).append(m)
        for bucket_key, members in grouped.items():
            members.sort(key=_order)
            chosen.extend((evidence_id, m) for m in _old_nearest(
                [_order(m) for m in members], members, size,
                NEAREST if bucket_key == own else 1))
    return [Support(evidence_id, m, _old_compare(mention, m)) for evidence_id, m in chosen]


def _old_sorted(mention: Mention, supports: list[Support]) -> tuple[
        tuple[Support, ...], tuple[Support, ...], Support | None, tuple[Support, ...]]:
    """Round thirteen's ``_sorted`` and ``_nearest``: every support built, then sorted by
    verdict, the nearest of the others by the sizes of their figures read again."""
    matches = tuple(s for s in supports if s.verdict == Verdict.MATCH)
    too_precise = tuple(s for s in supports if s.verdict == Verdict.TOO_PRECISE)
    understated = tuple(s for s in supports if s.verdict == Verdict.UNDERSTATES)
    others = [s for s in supports if s.verdict not in CITED]
    size = _order(mention)
    nearest = max(others, key=lambda s: (s.verdict, -abs(_order(s.mention) - size)),
                  default=None)
    return matches, too_precise, nearest, understated


def _old_nearest(sizes: list[Decimal], members: list[Mention], size: Decimal,
                 count: int) -> list[Mention]:
    if len(members) <= count:
        return members
    at = next((i for i, s in enumerate(sizes) if s >= size), len(sizes))
    lo, hi = at, at
    while hi - lo < count:
        if lo > 0 and (hi >= len(sizes) or size - sizes[lo - 1] <= sizes[hi] - size):
            lo -= 1
        else:
            hi += 1
    return members[lo:hi]


# --- figures: every kind and qualifier, and exact pairs close in value ------------------------

_DECIMALS = st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e15"),
                        max_value=Decimal("1e15"), places=3) | st.sampled_from(
    [Decimal(0), Decimal("-0.0"), Decimal("4E+20"), Decimal("1E-9"), Decimal("300"),
     Decimal("0.2"), Decimal("20"), Decimal("2.5"), Decimal("3.97")])
_STEPS = st.sampled_from([Decimal(1), Decimal("0.1"), Decimal("0.01"), Decimal(10),
                          Decimal("0.05"), Decimal(100), Decimal("1E+3")])


@st.composite
def mentions(draw: st.DrawFn, value: Decimal | None = None) -> Mention:
    kind = draw(st.sampled_from(list(QuantityKind)))
    return Mention(kind, draw(_DECIMALS) if value is None else value, 0, 1, "x",
                   upper=draw(st.none() | _DECIMALS),
                   unit=draw(st.sampled_from([None, "USD", "EUR", "files", "file", "cases"])),
                   scale=draw(st.sampled_from([None, *Scale])),
                   qualifier=draw(st.sampled_from([Q.EXACT, Q.EXACT, *Qualifier])),
                   near=draw(st.booleans()), step=draw(_STEPS),
                   period=draw(st.sampled_from([None, "2019", "2014/2019"])),
                   direction=draw(st.sampled_from([0, 0, 1, -1])), vague=draw(st.booleans()))


@st.composite
def close_pairs(draw: st.DrawFn) -> tuple[Mention, Mention]:
    """A claim figure and a source figure near it: a shift of a few steps either way, in
    the same kind and unit more often than not, so that matches and coarser roundings occur."""
    claim = draw(mentions())
    shift = draw(st.sampled_from([0, 0, 1, -1, 2, 5, -7])) * draw(_STEPS) * _HALF
    source = draw(mentions(value=claim.value + shift))
    if draw(st.booleans()):
        source = evolve(source, kind=claim.kind, unit=claim.unit, scale=claim.scale,
                        qualifier=draw(st.sampled_from([Q.EXACT, claim.qualifier])))
    return claim, source


@settings(max_examples=300)
@given(close_pairs())
def test_a_comparison_is_the_one_made_before(pair: tuple[Mention, Mention]) -> None:
    claim, source = pair
    assert compare(claim, source) == _old_compare(claim, source)


@settings(max_examples=120)
@given(mentions(), st.lists(st.lists(mentions(), max_size=18), max_size=3))
def test_the_supports_of_a_figure_are_the_ones_found_before(
        mention: Mention, quotes: list[list[Mention]]) -> None:
    named = [(f"E{i}", figures) for i, figures in enumerate(quotes)]
    prepared = [(evidence_id, _bucketed(figures)) for evidence_id, figures in named]
    assert _supports_in(prepared, mention) == _old_sorted(mention, _old_supports(named, mention))


# --- declared quantities (round five) ----------------------------------------------------------


def _old_declared(kind: str, value_text: str, upper_text: str | None, unit: str | None,
                  scale: str | None, qualifier: str, period: str | None, text: str,
                  claim_text: str | None) -> Mention:
    value = Decimal(value_text)
    start = locate(text, claim_text) if claim_text and text else -1
    step = _step_of(value)
    near, direction = False, 0
    if start >= 0 and claim_text:
        end = start + len(text)
        readings = tuple(m for m in parse(claim_text) if m.start < end and start < m.end)
    else:
        readings = parse(text) if text else ()
    for parsed in readings:
        if abs(parsed.value) == abs(value):
            step, near, direction = parsed.step, parsed.near, parsed.direction
            break
    return Mention(QuantityKind(kind), value, max(start, 0), max(start, 0) + len(text), text,
                   upper=None if upper_text is None else Decimal(upper_text), unit=unit,
                   scale=Scale(scale) if scale else None, qualifier=Qualifier(qualifier),
                   period=period, step=step, near=near, direction=direction)


_WRITTEN = st.sampled_from(["300", "18.79", "4", "4.0", "1E+3", "-57", "2019", "0.5", "12",
                            "1,097", "3.97"])
_TEXTS = st.sampled_from(["", "300", "USD 18.79 million", "fell by 57%", "about 300", "4",
                          "just over 12", "1,097 files", "a fifth", "2019", "3.97 times"])


@settings(max_examples=300)
@given(_WRITTEN, _TEXTS, st.lists(st.sampled_from(
    ["In 2019 ", "trade fell by 57% ", "about 300 firms", "USD 18.79 million ", "4.0 ", "4 ",
     "just over 12 cases", "1,097 files", "a fifth of ", "x", "3.97 times", "1097"]),
    max_size=5).map("".join) | st.none())
def test_a_declared_quantity_reads_what_it_read_before(
        written: str, text: str, claim_text: str | None) -> None:
    value_text = str(Decimal(written.replace(",", "")))
    args = ("count", value_text, None, None, None, "exact", None, text, claim_text)
    assert declared.__wrapped__(*args) == _old_declared(*args)


# --- a quote's buckets (round nine) -------------------------------------------------------------


def _old_bucketed(figures: list[Mention]) -> dict[tuple[object, ...], object]:
    """Round nine's ``_bucketed``: every quote grouped and sorted, the family forms in one
    entry into the exact context (round ten skips both for a quote of one figure or none,
    and enters the context for a fraction only)."""
    distinct: dict[tuple[object, ...], Mention] = {}
    for m in figures:
        distinct.setdefault(_reading_key(m), m)
    grouped: dict[tuple[object, ...], list[Mention]] = {}
    for m in distinct.values():
        grouped.setdefault(_bucket_key(m), []).append(m)
    ordered = {bucket: sorted(zip(map(_order, members), members, strict=True),
                              key=lambda pair: pair[0])
               for bucket, members in grouped.items()}
    buckets = {}
    with localcontext(EXACT):
        for bucket, pairs in ordered.items():
            kept = tuple(m for _, m in pairs)
            buckets[bucket] = (tuple(size for size, _ in pairs), kept, tuple(map(family, kept)))
    return buckets


#: Values of more digits than the default context keeps: a fraction's family form (a hundred
#: times it) is exact only in the exact context.
_LONG = st.sampled_from([Decimal("0.12345678901234567890123456789"),
                         Decimal("123456789012345678901234567.891")])


@settings(max_examples=200)
@given(st.lists(mentions() | mentions(value=Decimal("0.2")) | st.builds(
    evolve, mentions(), kind=st.just(K.FRACTION), value=_LONG), max_size=4))
def test_a_quotes_buckets_are_the_ones_built_before(figures: list[Mention]) -> None:
    new = {key: (bucket.sizes, bucket.mentions, bucket.forms)
           for key, bucket in _bucketed(figures).items()}
    assert new == _old_bucketed(figures)
    assert list(new) == list(_old_bucketed(figures))
