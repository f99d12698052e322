"""``evaluate`` reads the stated result's mention once, also where the result is an operand
too, reads a single operand's mention inline, and names an outcome's type by its spec (not
the model's attribute again); ``unit_problems`` looks its quantities up without a closure
and generators. The versions before are kept here as the references and
held equal on any checks."""

from __future__ import annotations

from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Claim, Quantity, QuantityKind
from argmap._verify.arith import (
    Outcome,
    Reading,
    _derived,
    _label,
    _mention,
    _mismatch,
    _relative,
    evaluate,
    operands,
    unit_problems,
)
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


def _unit_reference(check: Any, quantities: Any) -> list[str]:
    spec = CHECK_TYPES.get(check.type)
    if spec is None:
        return []
    names = operands(check)
    problems: list[str] = []

    def declared(ref: str) -> Quantity | None:
        pair = quantities.get(ref)
        return pair[1] if pair else None

    for group in spec.same_unit:
        members: list[Quantity] = []
        for name in group:
            ref = names.get(name)
            refs = ref if isinstance(ref, list) else [ref] if ref else []
            members.extend(q for q in (declared(r) for r in refs) if q is not None)
        if len(members) < 2:
            continue
        first = members[0]
        for other in members[1:]:
            problems.extend(_mismatch(first, other))
    allowed = spec.result_kinds
    result_ref = names.get(spec.result)
    result = declared(result_ref) if isinstance(result_ref, str) else None
    if allowed and result is not None and result.kind not in allowed:
        kinds = " or ".join(sorted(k.value for k in allowed))
        problems.append(f"the result {_label(result)} of a {check.type} check must be {kinds}")
    base_ref = names.get(spec.result_follows) if spec.result_follows else None
    base = declared(base_ref) if isinstance(base_ref, str) else None
    if base is not None and result is not None:
        problems.extend(_derived(check.type, base, result, spec.derived_kinds or {}))
    return problems


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
            fields["unit"] = draw(st.sampled_from(["USD", "EUR", "people", "person", "years"]))
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
    except (ArithmeticError, LookupError) as error:
        return type(error)


@settings(max_examples=600)
@given(_case())
def test_evaluate_is_the_reference(case: tuple[Any, dict[str, tuple[Claim, Quantity]]]) -> None:
    check, quantities = case
    assert _outcome(evaluate, check, quantities) == _outcome(_reference, check, quantities)


@settings(max_examples=600)
@given(_case())
def test_unit_problems_are_the_reference(
        case: tuple[Any, dict[str, tuple[Claim, Quantity]]]) -> None:
    check, quantities = case
    assert (_outcome(unit_problems, check, quantities)
            == _outcome(_unit_reference, check, quantities))
