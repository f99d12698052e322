"""AM303 passes at once a reading with the declared value and upper end at the declared scale
and the same kind, unit and qualifier, whatever the periods the comparison lets pass (round
thirteen); before, only a reading without a scale and with the same period did. The
comparison as it was (round twelve) is kept here as the reference: the differences, and any
error, must be the same, on generated pairs (hostile values too) and on real maps."""

from __future__ import annotations

from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap._engine.context import RuleContext
from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.compare import EXACT
from argmap._verify.numbers import Mention, periods_overlap
from argmap._verify.numbers.mention import evolve
from argmap.rules import am303_quantity_text_mismatch as am303
from argmap.rules.am303_quantity_text_mismatch import _compare, _differences

ROOT = Path(__file__).resolve().parent.parent


def _old_differences(declared: Mention, read: Mention) -> list[str]:
    """Round twelve's ``_differences``."""
    if (declared.scale is None and read.scale is None and declared.value == read.value
            and declared.upper == read.upper):
        if (declared.kind == read.kind and declared.unit == read.unit
                and declared.qualifier == read.qualifier and declared.period == read.period
                and (not declared.period or periods_overlap(declared.period, read.period))):
            return []
        return _compare(declared, read)
    with localcontext(EXACT):
        return _compare(declared, read)


_VALUES = st.sampled_from([
    Decimal("4"), Decimal("4.0"), Decimal("0.5"), Decimal("1e30"), Decimal("9" * 60),
    Decimal("9" * 59 + "8"), Decimal("-3"), Decimal("9E+999999999999999999"),
    Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")]) | st.decimals(
    allow_nan=False, allow_infinity=False) | st.decimals()
_PERIODS = st.sampled_from([None, "", "2019", "2020", "2018/2020", "2019-03", "2019-13", "x"])


@st.composite
def _mentions(draw: st.DrawFn) -> Mention:
    return Mention(
        draw(st.sampled_from(list(QuantityKind))), draw(_VALUES), 0, 1, "x",
        draw(st.one_of(st.none(), _VALUES)),
        draw(st.sampled_from([None, "USD", "EUR", "people", "person", "test cases"])),
        draw(st.sampled_from([None, *Scale])), draw(st.sampled_from(list(Qualifier))),
        draw(_PERIODS))


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[Mention, Mention]:
    """A declared figure and a reading: most often the same but for one or two fields (the
    period, the scale, the unit...), as a claim's text reads its declared quantities."""
    declared = draw(_mentions())
    if draw(st.integers(0, 4)) == 0:
        return declared, draw(_mentions())
    read = declared
    for _ in range(draw(st.integers(0, 2))):
        field = draw(st.sampled_from(["period", "scale", "unit", "kind", "qualifier", "value",
                                      "upper"]))
        other = draw(_mentions())
        read = evolve(read, **{field: getattr(other, field)})
    return (declared, read) if draw(st.booleans()) else (read, declared)


def _outcome(function: object, declared: Mention, read: Mention) -> object:
    try:
        return function(declared, read)  # type: ignore[operator]
    except Exception as error:  # noqa: BLE001 - the same error, or none, on both sides
        return type(error), str(error)


_HUGE = Decimal("9E+999999999999999999")
_PLAIN = Mention(QuantityKind.AMOUNT, Decimal(4), 0, 1, "x", None, "USD", Scale.MILLION,
                 Qualifier.EXACT, "2019")


@settings(max_examples=500, deadline=None)
@given(_pairs())
@example((_PLAIN, evolve(_PLAIN, period="")))  # no period to compare: none read
@example((_PLAIN, evolve(_PLAIN, period=None)))
@example((_PLAIN, evolve(_PLAIN, period="2019-13")))  # a period that cannot be read
@example((evolve(_PLAIN, value=_HUGE), evolve(_PLAIN, value=_HUGE)))  # its magnitude overflows
@example((evolve(_PLAIN, upper=_HUGE), evolve(_PLAIN, upper=_HUGE)))
@example((evolve(_PLAIN, value=Decimal("sNaN")), _PLAIN))
def test_the_differences_are_the_ones_found_before(pair: tuple[Mention, Mention]) -> None:
    declared, read = pair
    assert _outcome(_differences, declared, read) == _outcome(_old_differences, declared, read)


MAPS = [ROOT / "claims" / "fiia-298", *sorted((ROOT / "tests" / "example-maps").glob("AM3*/*"))]


@pytest.mark.parametrize("folder", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_maps_findings_are_the_ones_found_before(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = argmap.load(next(folder.glob("*.yaml")) if folder.is_dir() else folder)
    new = [problem.message for problem in am303.check(RuleContext(loaded))]
    monkeypatch.setattr(am303, "_differences", _old_differences)
    assert new == [problem.message for problem in am303.check(RuleContext(loaded))]
