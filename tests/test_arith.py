"""Evaluating declared arithmetic (``argmap._verify.arith``), directly: each check type,
both readings of an n-fold change, tolerance explicit and implied by rounding, unit problems."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from argmap._model import ArithmeticCheck, Claim, Quantity
from argmap._verify.arith import evaluate, unit_problems, zero_divisor

D = Decimal
_CHECK = TypeAdapter(ArithmeticCheck)


def quantities(*specs: tuple[str, str, dict[str, Any]]) -> dict[str, tuple[Claim, Quantity]]:
    """(ID, text, fields) -> the mapping ``evaluate`` reads (the claim's text is the texts)."""
    text = "; ".join(t for _, t, _ in specs) + "."
    claim = Claim(id="C1", text=text, quantities=[
        Quantity(id=qid, text=t, **fields) for qid, t, fields in specs])
    return {q.id: (claim, q) for q in claim.quantities}


def check(**fields: Any) -> Any:
    return _CHECK.validate_python({"id": "K1", **fields})


FOLD = dict(type="fold", **{"from": "a"}, to="b", result="f")


def fold_quantities(to: int, fold: str = "15") -> dict[str, tuple[Claim, Quantity]]:
    return quantities(
        ("a", "21 thousand", {"kind": "count", "value": 21, "scale": "thousand"}),
        ("b", f"{to} thousand", {"kind": "count", "value": to, "scale": "thousand"}),
        ("f", f"{fold}-fold", {"kind": "fold", "value": D(fold)}),
    )


def test_ratio() -> None:
    qs = quantities(("n", "USD 4 billion", {"value": 4, "unit": "USD", "scale": "billion"}),
                    ("d", "USD 0.5 billion", {"value": D("0.5"), "unit": "USD",
                                              "scale": "billion"}),
                    ("r", "8:1", {"kind": "ratio", "value": 8}))
    outcome = evaluate(check(type="ratio", numerator="n", denominator="d", result="r"), qs)
    assert outcome is not None
    assert outcome.holds
    assert [(r.name, r.computed) for r in outcome.readings] == [("ratio", D(8))]
    assert outcome.relative_error == 0


@pytest.mark.parametrize(("to", "times", "increase"), [
    (315, True, False),   # 315/21 = 15.0: to/from holds
    (340, False, True),   # (340-21)/21 = 15.19: only (to-from)/from holds
    (640, False, False),  # 30.5 and 29.5: neither
])
def test_fold_both_readings(to: int, times: bool, increase: bool) -> None:
    outcome = evaluate(check(**FOLD), fold_quantities(to))
    assert outcome is not None
    holds = {r.name: r.holds for r in outcome.readings}
    assert holds == {"times": times, "increase": increase}
    assert outcome.holds == (times or increase)


def _holds(to: int, fold: str = "15", **extra: Any) -> dict[str, bool]:
    outcome = evaluate(check(**FOLD, **extra), fold_quantities(to, fold))
    assert outcome is not None
    return {r.name: r.holds for r in outcome.readings}


def test_fold_tolerance_implied_by_rounding_and_explicit() -> None:
    # "15-fold" covers 14.5-15.5: 325/21 = 15.48 holds as times, 330/21 = 15.71 does not
    assert _holds(325)["times"]
    assert not _holds(330)["times"]
    assert _holds(330)["increase"]  # (330-21)/21 = 14.71
    # "15.0-fold" covers 14.95-15.05 only
    assert _holds(325, "15.0") == {"times": False, "increase": False}
    # an explicit relative tolerance replaces the rounding: 15 +- 10 % is 13.5-16.5
    assert _holds(340, "15.0", tolerance=0.1) == {"times": True, "increase": True}
    outcome = evaluate(check(**FOLD), fold_quantities(640))
    assert outcome is not None
    assert outcome.data()["relative_error"] == "0.965079"


@pytest.mark.parametrize(("share", "kind", "holds"), [
    ("15%", "percent", True),      # 0.6 / 4 x 100 = 15
    ("16%", "percent", False),
    ("0.15", "ratio", True),       # a ratio result is not multiplied by 100
    ("15", "ratio", False),
])
def test_share_with_percent_result(share: str, kind: str, holds: bool) -> None:
    value = D(share.rstrip("%"))
    qs = quantities(("w", "USD 4 billion", {"value": 4, "unit": "USD", "scale": "billion"}),
                    ("p", "USD 0.6 billion", {"value": D("0.6"), "unit": "USD",
                                              "scale": "billion"}),
                    ("s", share, {"kind": kind, "value": value}))
    outcome = evaluate(check(type="share", part="p", whole="w", result="s"), qs)
    assert outcome is not None
    assert outcome.holds is holds


@pytest.mark.parametrize(("share", "kind", "part", "holds"), [
    ("15%", "percent", "0.6", True),     # 4 billion x 15% = 0.6 billion
    ("15%", "percent", "0.7", False),    # 0.6 is outside what "USD 0.7 billion" covers
    ("a fifth", "fraction", "0.8", True),  # a fraction is used as it is: 4 x 0.2
    ("0.15", "ratio", "0.6", True),      # a ratio too: not divided by 100
])
def test_part_of_a_whole(share: str, kind: str, part: str, holds: bool) -> None:
    """The 2019 Belarus-China trade: USD 4 billion, 15% of it Belarusian exports."""
    value = D("0.2") if share == "a fifth" else D(share.rstrip("%"))
    qs = quantities(("w", "USD 4 billion", {"value": 4, "unit": "USD", "scale": "billion"}),
                    ("s", share, {"kind": kind, "value": value}),
                    ("p", f"USD {part} billion", {"value": D(part), "unit": "USD",
                                                  "scale": "billion"}))
    outcome = evaluate(check(type="part", whole="w", share="s", result="p"), qs)
    assert outcome is not None
    assert outcome.holds is holds
    assert [r.formula for r in outcome.readings] == ["whole x share"]


def test_a_part_in_another_currency_is_a_unit_problem() -> None:
    qs = quantities(("w", "USD 4 billion", {"value": 4, "unit": "USD", "scale": "billion"}),
                    ("s", "15%", {"kind": "percent", "value": 15}),
                    ("p", "EUR 0.6 billion", {"value": D("0.6"), "unit": "EUR",
                                              "scale": "billion"}))
    problems = unit_problems(check(type="part", whole="w", share="s", result="p"), qs)
    assert problems == ["w (amount, USD) and p (amount, EUR) have different units; argmap "
                        "never converts"]


def test_sum_and_difference() -> None:
    qs = quantities(("x", "USD 0.5 billion", {"value": D("0.5"), "unit": "USD",
                                              "scale": "billion"}),
                    ("y", "USD 2 billion", {"value": 2, "unit": "USD", "scale": "billion"}),
                    ("t", "USD 2.5 billion", {"value": D("2.5"), "unit": "USD",
                                              "scale": "billion"}),
                    ("bad", "USD 3.5 billion", {"value": D("3.5"), "unit": "USD",
                                              "scale": "billion"}))
    assert evaluate(check(type="sum", parts=["x", "y"], total="t"), qs).holds  # type: ignore[union-attr]
    assert not evaluate(check(type="sum", parts=["x", "y"], total="bad"), qs).holds  # type: ignore[union-attr]
    difference = evaluate(check(type="difference", minuend="t", subtrahend="x", result="y"), qs)
    assert difference is not None
    assert difference.holds
    assert difference.readings[0].computed == D(2_000_000_000)


@pytest.mark.parametrize(("start", "end", "stated", "holds"), [
    (100, 157, "57%", True),     # a rise of 57 %
    (100, 43, "57%", True),      # "fell by 57%": the size of a fall, stated positive
    (100, 43, "-57%", True),
    (100, 150, "57%", False),
])
def test_percent_change(start: int, end: int, stated: str, holds: bool) -> None:
    qs = quantities(("a", f"{start} trips", {"kind": "count", "value": start}),
                    ("b", f"{end} trips", {"kind": "count", "value": end}),
                    ("c", stated, {"kind": "percent", "value": D(stated.rstrip("%"))}))
    outcome = evaluate(check(type="percent-change", **{"from": "a"}, to="b", result="c"), qs)
    assert outcome is not None
    assert outcome.holds is holds


def test_missing_quantity_or_zero_divisor_gives_none() -> None:
    qs = fold_quantities(340)
    assert evaluate(check(type="fold", **{"from": "a"}, to="zz", result="f"), qs) is None
    zero = quantities(("z", "0 trips", {"kind": "count", "value": 0}),
                      ("b", "5 trips", {"kind": "count", "value": 5}),
                      ("r", "2:1", {"kind": "ratio", "value": 2}))
    assert evaluate(check(type="ratio", numerator="b", denominator="z", result="r"), zero) is None


def test_unit_problems() -> None:
    qs = quantities(("u", "USD 1 billion", {"value": 1, "unit": "USD", "scale": "billion"}),
                    ("e", "EUR 1 billion", {"value": 1, "unit": "EUR", "scale": "billion"}),
                    ("t", "USD 2 billion", {"value": 2, "unit": "USD", "scale": "billion"}),
                    ("p", "50%", {"kind": "percent", "value": 50}))
    (problem,) = unit_problems(check(type="sum", parts=["u", "e"], total="t"), qs)
    assert "different units" in problem
    assert unit_problems(check(type="sum", parts=["u", "t"], total="t"), qs) == []
    (kind,) = unit_problems(check(type="fold", **{"from": "u"}, to="t", result="p"), qs)
    assert "must be fold or ratio" in kind


# --- properties --------------------------------------------------------------------------------

_amounts = st.integers(min_value=1, max_value=10**6)


@settings(max_examples=200)
@given(_amounts, _amounts)
def test_a_correct_sum_and_difference_always_hold(x: int, y: int) -> None:
    qs = quantities(("x", f"{x} trips", {"kind": "count", "value": x}),
                    ("y", f"{y} trips", {"kind": "count", "value": y}),
                    ("t", f"{x + y} trips", {"kind": "count", "value": x + y}))
    assert evaluate(check(type="sum", parts=["x", "y"], total="t"), qs).holds  # type: ignore[union-attr]
    assert evaluate(check(type="difference", minuend="t", subtrahend="x", result="y"), qs).holds  # type: ignore[union-attr]


@settings(max_examples=200)
@given(_amounts, st.integers(min_value=2, max_value=50))
def test_an_exact_fold_holds_as_times(start: int, times: int) -> None:
    qs = quantities(("a", f"{start} trips", {"kind": "count", "value": start}),
                    ("b", f"{start * times} trips", {"kind": "count", "value": start * times}),
                    ("f", f"{times}-fold", {"kind": "fold", "value": times}))
    outcome = evaluate(check(type="fold", **{"from": "a"}, to="b", result="f"), qs)
    assert outcome is not None
    assert {r.name: r.holds for r in outcome.readings}["times"]


def test_reported_values_are_in_plain_notation() -> None:
    # regression: data() wrote large amounts as "3e+09" and small shares as "1.2e-05"
    qs = quantities(("x", "USD 0.5 billion", {"value": D("0.5"), "unit": "USD",
                                              "scale": "billion"}),
                    ("y", "USD 2 billion", {"value": 2, "unit": "USD", "scale": "billion"}),
                    ("bad", "USD 3.5 billion", {"value": D("3.5"), "unit": "USD",
                                                "scale": "billion"}))
    outcome = evaluate(check(type="sum", parts=["x", "y"], total="bad"), qs)
    assert outcome is not None
    data = outcome.data()
    assert data["readings"]["sum"]["computed"] == "2500000000"
    assert data["relative_error"] == "0.285714"


def test_zero_divisor_names_the_operand() -> None:
    qs = quantities(("z", "0 trips", {"kind": "count", "value": 0}),
                    ("b", "5 trips", {"kind": "count", "value": 5}),
                    ("r", "2:1", {"kind": "ratio", "value": 2}))
    ratio = check(type="ratio", numerator="b", denominator="z", result="r")
    assert zero_divisor(ratio, qs) == "its denominator 'z' is zero"
    assert zero_divisor(check(type="ratio", numerator="z", denominator="b", result="r"),
                        qs) is None
    assert zero_divisor(check(type="sum", parts=["z", "z"], total="z"), qs) is None
