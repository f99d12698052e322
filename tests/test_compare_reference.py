"""Round five's quicker comparison of figures against the code it replaced, kept here as the
reference: an interval reads the reach of a near bound only for the qualifiers that have
one, and a claim figure's comparisons share one entry into the exact decimal context."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import SCALE_FACTORS, Qualifier, QuantityKind, Scale
from argmap._verify.compare import _FACTORS, EXACT, Interval, _compare, _interval, compare
from argmap._verify.numbers import Mention

Q = Qualifier
_NEAR = Decimal("0.1")


def _old_interval(m: Mention, half: Decimal) -> Interval:
    """``compare._interval`` as it was (round four)."""
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


_DECIMALS = st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e15"),
                        max_value=Decimal("1e15"), places=3) | st.sampled_from(
    [Decimal(0), Decimal("-0.0"), Decimal("4E+20"), Decimal("1E-9"), Decimal("300")])


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    """Any figure: every kind, qualifier, scale and unit, signed values, ranges either way."""
    kind = draw(st.sampled_from(list(QuantityKind)))
    value = draw(_DECIMALS)
    upper = draw(st.none() | _DECIMALS)
    return Mention(kind, value, 0, 1, "x", upper=upper,
                   unit=draw(st.sampled_from([None, "USD", "EUR", "files"])),
                   scale=draw(st.sampled_from([None, *Scale])),
                   qualifier=draw(st.sampled_from(list(Qualifier))), near=draw(st.booleans()),
                   step=draw(st.sampled_from([Decimal(1), Decimal("0.1"), Decimal("0.01"),
                                              Decimal(10), Decimal("0.05")])),
                   period=draw(st.sampled_from([None, "2019", "2014/2019"])),
                   direction=draw(st.sampled_from([0, 1, -1])))


@settings(max_examples=300)
@given(mentions(), st.sampled_from([Decimal(0), Decimal("0.5"), Decimal("0.05"),
                                    Decimal("5E+8"), Decimal("0.000")]))
def test_an_interval_is_the_one_built_before(m: Mention, half: Decimal) -> None:
    with localcontext(EXACT):
        assert _interval(m, half) == _old_interval(m, half)


def test_the_prebuilt_scale_factors_are_the_scales() -> None:
    factors = {scale: Decimal(factor) for scale, factor in SCALE_FACTORS.items()}
    assert factors == _FACTORS


@settings(max_examples=150)
@given(mentions(), st.lists(mentions(), max_size=4))
def test_comparisons_in_one_exact_context_are_each_comparison(
        claim: Mention, sources: list[Mention]) -> None:
    with localcontext(EXACT):
        shared = [_compare(claim, source) for source in sources]
    assert shared == [compare(claim, source) for source in sources]


#: small values of few places, so that bounds and values meet; any decimal, NaN and infinities
_VALUE = st.decimals(places=2, min_value=Decimal(-50), max_value=Decimal(50)) | st.decimals()
_BOUND = st.none() | _VALUE


def _outcome(call: Any) -> object:
    """A call's value, or the type of what it raised (a NaN compared raises)."""
    try:
        return call()
    except Exception as error:  # noqa: BLE001 - the two must fail alike
        return type(error)


@given(_BOUND, _BOUND, st.booleans(), st.booleans(), _VALUE)
def test_holds_is_containing_the_value_as_a_closed_interval(
        lo: Decimal | None, hi: Decimal | None, lo_open: bool, hi_open: bool,
        value: Decimal) -> None:
    """Round eleven: ``Interval.holds`` compares the value itself, without building the
    interval ``[value, value]`` that ``contains`` (the reference) took."""
    interval = Interval(lo, hi, lo_open, hi_open)
    assert _outcome(lambda: interval.holds(value)) == _outcome(
        lambda: interval.contains(Interval(value, value)))
