"""AM303 compares a declared quantity with a reading outside the exact Decimal context when
neither has a scale and their values are equal (no arithmetic for the context to round);
the comparison as it was, always in the exact context, is kept here as the reference."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.compare import EXACT
from argmap._verify.numbers import Mention
from argmap.rules.am303_quantity_text_mismatch import _compare, _differences


def _reference(declared: Mention, read: Mention) -> list[str]:
    with localcontext(EXACT):
        return _compare(declared, read)


_VALUES = st.one_of(
    st.sampled_from([Decimal("4"), Decimal("4.0"), Decimal("0.5"), Decimal("1e30"),
                     Decimal("9" * 60), Decimal("9" * 59 + "8"), Decimal("-3")]),
    st.decimals(allow_nan=False, allow_infinity=False),
)


@st.composite
def _mentions(draw: st.DrawFn) -> Mention:
    return Mention(
        draw(st.sampled_from(list(QuantityKind))), draw(_VALUES), 0, 1, "x",
        draw(st.one_of(st.none(), _VALUES)),
        draw(st.sampled_from([None, "USD", "EUR", "people", "person"])),
        draw(st.sampled_from([None, *Scale])), draw(st.sampled_from(list(Qualifier))),
        draw(st.sampled_from([None, "2019", "2020", "2018/2020", "2019-03"])))


def _outcome(function: object, declared: Mention, read: Mention) -> object:
    try:
        return function(declared, read)  # type: ignore[operator]
    except ArithmeticError as error:
        return type(error)


@settings(max_examples=500)
@given(_mentions(), _mentions())
def test_differences_are_the_references(declared: Mention, read: Mention) -> None:
    assert _outcome(_differences, declared, read) == _outcome(_reference, declared, read)


@settings(max_examples=300)
@given(_mentions())
def test_a_mention_against_itself_as_the_reference(mention: Mention) -> None:
    assert _differences(mention, mention) == _reference(mention, mention)
