"""``evaluate`` reads the stated result's mention once, also where the result is an operand
too, and reads a single operand's mention inline; the version before, which read it again
through ``_mention``, is kept here as the reference and held equal on any checks."""

from __future__ import annotations

from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Claim, Quantity, QuantityKind
from argmap._verify.arith import Outcome, Reading, _mention, _relative, evaluate, operands
from argmap._verify.check_types import CHECK_TYPES
from argmap._verify.compare import claim_interval

K = QuantityKind


def _reference(check: Any, quantities: Any) -> Outcome | None:
    spec = CHECK_TYPES.get(check.type)
    names = operands(check)
    result_id = names.get(spec.result) if spec else None
    if spec is None or not isinstance(result_id, str):
        return None
    stated = _mention(quantities, result_id)
    if stated is None:
        return None
    values: dict[str, Decimal] = {}
    for name, ref in names.items():
        if isinstance(ref, list):
            parts = [_mention(quantities, r) for r in ref]
            if any(p is None for p in parts):
                return None
            values[name] = sum((p.magnitude for p in parts if p is not None), Decimal(0))
        else:
            found = _mention(quantities, ref)
            if found is None:
                return None
            percent = name in spec.fractions and found.kind == K.PERCENT
            values[name] = found.magnitude / 100 if percent else found.magnitude
    interval = claim_interval(stated, tolerance=check.tolerance)
    readings: list[tuple[str, str, Decimal]] = []
    with localcontext() as context:
        context.prec = 28
        context.traps[DivisionByZero] = True
        context.traps[InvalidOperation] = True
        try:
            readings = spec.compute(values, stated)
        except (DivisionByZero, InvalidOperation):
            return None
    evaluated = tuple(Reading(name, formula, value, interval.holds(value))
                      for name, formula, value in readings)
    best = min(evaluated, key=lambda r: abs(r.computed - stated.magnitude))
    return Outcome(check.id, check.type, stated.magnitude, stated.text or str(stated.value),
                   evaluated, _relative(best.computed, stated))


_IDS = ["a", "b", "c", "d", "missing"]
_VALUES = st.one_of(
    st.sampled_from([Decimal(0), Decimal(1), Decimal("0.5"), Decimal(15), Decimal(-3),
                     Decimal("1e30"), Decimal("4.0")]),
    st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False,
                places=3),
)
_TEXTS = st.sampled_from(["", "15-fold", "21 thousand", "4%", "USD 0.5 billion", "8:1", "2019",
                          "\u0663 people", "-3", "1e30"])


@st.composite
def _case(draw: st.DrawFn) -> tuple[Any, dict[str, tuple[Claim, Quantity]]]:
    qs = []
    for qid in _IDS[:-1]:
        kind = draw(st.sampled_from(list(K)))
        fields: dict[str, Any] = {"kind": kind, "value": draw(_VALUES)}
        if draw(st.booleans()):
            fields["scale"] = draw(st.sampled_from(["thousand", "million", "billion"]))
        qs.append(Quantity(id=qid, text=draw(_TEXTS) or None, **fields))
    written = "; ".join(q.text or "" for q in qs) + "."
    text = draw(st.one_of(st.just(written), st.text(min_size=1, max_size=40)))
    claim = Claim(id="C1", text=text, quantities=qs)
    spec = CHECK_TYPES[draw(st.sampled_from(sorted(CHECK_TYPES)))]
    check = SimpleNamespace(id="K1", type=draw(st.sampled_from([spec.name, spec.name, "odd"])),
                            tolerance=draw(st.sampled_from([None, Decimal("0.01"), Decimal(0)])))
    for operand in spec.operands:
        if operand.many:
            value: Any = draw(st.lists(st.sampled_from(_IDS), max_size=3))
        else:
            value = draw(st.sampled_from(_IDS))  # the model requires each operand
        setattr(check, operand.attribute, value)
    return check, {q.id: (claim, q) for q in qs}


def _outcome(function: Any, check: Any, quantities: Any) -> object:
    try:
        return function(check, quantities)
    except ArithmeticError as error:
        return type(error)


@settings(max_examples=600)
@given(_case())
def test_evaluate_is_the_reference(case: tuple[Any, dict[str, tuple[Claim, Quantity]]]) -> None:
    check, quantities = case
    assert _outcome(evaluate, check, quantities) == _outcome(_reference, check, quantities)
