"""Round twenty reads each declared quantity as a mention once a map (``mention_of`` and the
map's ``declared_mentions``), where the figures, AM303 and the arithmetic each asked
``from_quantity`` and its cache. Round nineteen's readings are kept here as the oracles:
``from_quantity`` itself, ``_mentions`` and ``evaluate`` without a memo (the old code paths,
still taken when no memo is given). The memo must give the same mentions, in any order of
asking, for quantities read against another text, and on real maps."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._engine.context import RuleContext
from argmap._model import Qualifier, Quantity, QuantityKind, Scale
from argmap._verify.arith import evaluate
from argmap._verify.compare import _mentions, declared_mentions
from argmap._verify.numbers import from_quantity
from argmap._verify.numbers.declared import DeclaredMemo, mention_of
from argmap.rules._shared import check_outcomes

ROOT = Path(__file__).resolve().parent.parent
_FOLDERS = [ROOT / "claims" / "fiia-298", ROOT / "examples" / "bike-lanes",
            *sorted((ROOT / "tests" / "example-maps").glob("AM30*/*")),
            *sorted((ROOT / "tests" / "example-maps").glob("AM50*/*"))]

_VALUES = st.sampled_from([Decimal("4"), Decimal("4.0"), Decimal("0.5"), Decimal("57"),
                           Decimal("300"), Decimal("-3")]) | st.decimals(
    allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**6)
_TEXTS = st.sampled_from([None, "", "4", "USD 4 billion", "57%", "over 300", "4.0"])
_CLAIMS = st.sampled_from(["", "Trade reached USD 4 billion in 2019.",
                           "Exports fell by 57%, over 300 firms.", "4 and 4.0 and 4",
                           "In 2019, about 57% of the 300 firms; USD 4 billion."])


@st.composite
def _quantity(draw: st.DrawFn, n: int) -> Quantity:
    return Quantity(id=f"q{n}", kind=draw(st.sampled_from(list(QuantityKind))),
                    value=draw(_VALUES), upper=draw(st.none() | _VALUES),
                    unit=draw(st.sampled_from([None, "USD", "firms"])),
                    scale=draw(st.sampled_from([None, *Scale])),
                    qualifier=draw(st.sampled_from(list(Qualifier))),
                    period=draw(st.sampled_from([None, "2019", "2018/2020"])),
                    text=draw(_TEXTS))


@settings(max_examples=200, deadline=None)
@given(data=st.data(), count=st.integers(1, 6))
def test_the_memo_reads_what_from_quantity_reads(data: st.DataObject, count: int) -> None:
    """Asked in any order, again and again, against one text or another: each answer is
    the one ``from_quantity`` gives for that quantity and text."""
    quantities = [data.draw(_quantity(i)) for i in range(count)]
    memo: DeclaredMemo = {}
    asks = data.draw(st.lists(st.tuples(st.integers(0, count - 1), _CLAIMS), max_size=20))
    for at, text in asks:
        quantity = quantities[at]
        assert repr(mention_of(memo, quantity, text)) == repr(from_quantity(quantity, text))
    assert len(memo) <= count
    for key, (quantity, _, _) in memo.items():
        assert key == id(quantity)  # each entry holds its quantity, so the id stays its own


@settings(max_examples=150, deadline=None)
@given(data=st.data(), count=st.integers(0, 5), text=_CLAIMS,
       period=st.sampled_from([None, "2019"]))
def test_mentions_with_the_memo_are_the_mentions_without(data: st.DataObject, count: int,
                                                         text: str, period: str | None
                                                         ) -> None:
    quantities = [data.draw(_quantity(i)) for i in range(count)]
    memo: DeclaredMemo = {}
    old = repr(_mentions(text, quantities, period))
    assert repr(_mentions(text, quantities, period, memo)) == old
    assert repr(_mentions(text, quantities, period, memo)) == old  # read from the memo


@settings(max_examples=150, deadline=None)
@given(data=st.data(), kind=st.sampled_from(["ratio", "fold", "share", "part", "sum",
                                              "difference", "percent-change"]),
       text=_CLAIMS)
def test_evaluate_with_the_memo_is_evaluate_without(data: st.DataObject, kind: str,
                                                    text: str) -> None:
    from argmap._model import Claim

    quantities = [data.draw(_quantity(i)) for i in range(4)]
    claim = Claim(id="C1", text=text or ".", quantities=quantities)
    pairs = {q.id: (claim, q) for q in quantities}
    ids = data.draw(st.lists(st.sampled_from([*pairs, "missing"]), min_size=3, max_size=3))
    check = SimpleNamespace(id="K1", type=kind, tolerance=None, minuend=ids[0],
                            subtrahend=ids[1], numerator=ids[0], denominator=ids[1],
                            part=ids[0], whole=ids[1], share=ids[0], to=ids[0],
                            from_=ids[1], parts=ids[:2], total=ids[2], result=ids[2])
    memo: DeclaredMemo = {}
    old = repr(evaluate(check, pairs))
    evaluated.append(old != "None")
    assert repr(evaluate(check, pairs, memo)) == old
    assert repr(evaluate(check, pairs, memo)) == old


#: whether each generated check was evaluated: most must be, or the test compares Nones
evaluated: list[bool] = []


def test_most_generated_checks_are_evaluated() -> None:
    evaluated.clear()
    test_evaluate_with_the_memo_is_evaluate_without()
    assert sum(evaluated) > len(evaluated) // 3


@pytest.mark.parametrize("folder", _FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_maps_read_the_same_through_the_map_memo(folder: Path) -> None:
    argmap_ = argmap.load(folder)
    ctx = RuleContext(argmap_)
    memo = declared_mentions(ctx)
    assert declared_mentions(ctx) is memo  # one memo a map
    for claim in argmap_.claims:
        for quantity in claim.quantities:
            assert repr(mention_of(memo, quantity, claim.text)) == repr(
                from_quantity(quantity, claim.text))
        old = repr(_mentions(claim.text, claim.quantities, claim.period))
        assert repr(_mentions(claim.text, claim.quantities, claim.period, memo)) == old
    outcomes = check_outcomes(ctx)
    assert {c.id: repr(evaluate(c, ctx.quantities)) for c in argmap_.checks} == {
        key: repr(value) for key, value in outcomes.items()}
