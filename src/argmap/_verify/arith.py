"""Evaluating the arithmetic a map declares (ratios, n-fold changes, shares, sums...).

Each check names quantities by ID; their magnitudes (value x scale) are combined and the
result compared with the stated one. Without a ``tolerance`` the stated result may be off by
the rounding its writing implies ("15-fold" covers 14.5-15.5); with one, by that relative
error. An n-fold change has two readings, to/from and (to-from)/from: both are computed and
the outcome says which holds. What each check type means is its spec in
:mod:`argmap._verify.check_types`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import TYPE_CHECKING, Any

from argmap._model import QuantityKind
from argmap._slotinit import slot_record
from argmap._verify.check_types import CHECK_TYPES
from argmap._verify.compare import claim_interval, same_count_unit
from argmap._verify.numbers import Mention, from_quantity
from argmap._verify.numbers.declared import DeclaredMemo, mention_of

if TYPE_CHECKING:
    from argmap._model import Claim, Quantity

__all__ = ["Outcome", "Reading", "evaluate", "operands", "unit_problems", "zero_divisor"]

K = QuantityKind
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_PERCENT, _AMOUNT, _COUNT = QuantityKind.PERCENT, QuantityKind.AMOUNT, QuantityKind.COUNT


@slot_record  # one per reading of every check: see argmap._slotinit
class Reading:
    """One way of computing the stated result, and whether it holds."""

    name: str
    formula: str
    computed: Decimal
    holds: bool


@slot_record  # one per check
class Outcome:
    """The evaluation of one check."""

    check: str
    type: str
    stated: Decimal
    stated_text: str
    readings: tuple[Reading, ...]
    relative_error: Decimal | None

    @property
    def holds(self) -> bool:
        for reading in self.readings:  # noqa: SIM110 - AM501 asks of each check: no generator
            if reading.holds:
                return True
        return False

    def data(self) -> dict[str, Any]:
        """Plain values for reports: computed, stated, relative error, readings."""
        return {
            "check": self.check,
            "type": self.type,
            "stated": str(self.stated),
            "readings": {r.name: {"computed": plain_number(r.computed), "holds": r.holds,
                                  "formula": r.formula} for r in self.readings},
            "relative_error": None if self.relative_error is None
            else plain_number(self.relative_error),
            "holds": self.holds,
        }


def plain_number(value: Decimal) -> str:
    """Six significant digits, plain notation (281210000, not 2.8121e+08)."""
    if value == 0:
        return "0"
    return format(Decimal(f"{value:.6g}").normalize(), "f")


def operands(check: Any) -> dict[str, str | list[str]]:
    """Operand name (as written in files) -> quantity ID(s)."""
    spec = CHECK_TYPES.get(check.type)
    found: dict[str, str | list[str]] = {}
    for operand in spec.operands if spec else ():
        value = getattr(check, operand.attribute, None)
        if value is not None:
            found[operand.key] = value
    return found


def _mention(quantities: Mapping[str, tuple[Claim, Quantity]], qid: str,
             memo: DeclaredMemo | None = None) -> Mention | None:
    pair = quantities.get(qid)
    if pair is None:
        return None
    claim, quantity = pair
    if memo is None:
        return from_quantity(quantity, claim.text)
    return mention_of(memo, quantity, claim.text)


def _relative(computed: Decimal, stated: Mention) -> Decimal | None:
    target = stated.magnitude
    upper = stated.upper_magnitude
    if upper is not None and computed > upper:
        target = upper
    if target == 0:
        return None
    return abs(computed - target) / abs(target)


def evaluate(check: Any, quantities: Mapping[str, tuple[Claim, Quantity]],
             memo: DeclaredMemo | None = None) -> Outcome | None:
    """Evaluate a check; None when a quantity is missing or a divisor is zero. ``memo``: the
    map's quantities read as mentions (:func:`argmap._verify.compare.declared_mentions`)."""
    spec = CHECK_TYPES.get(check.type)
    names = operands(check)
    result_id = names.get(spec.result) if spec else None
    if spec is None or not isinstance(result_id, str):
        return None
    stated = _mention(quantities, result_id, memo)
    if stated is None:
        return None
    values: dict[str, Decimal] = {}
    for name, ref in names.items():
        if isinstance(ref, list):
            parts = [_mention(quantities, r, memo) for r in ref]
            if any(p is None for p in parts):
                return None
            values[name] = sum((p.magnitude for p in parts if p is not None), Decimal(0))
            continue
        # the result is an operand too: its mention is read already
        found = stated if ref == result_id else _mention(quantities, ref, memo)
        if found is None:
            return None
        percent = name in spec.fractions and found.kind == _PERCENT
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
    evaluated = tuple([Reading(name, formula, value, interval.holds(value))
                       for name, formula, value in readings])
    magnitude = stated.magnitude
    # most types have one reading: its own best, without a key function called for it
    best = evaluated[0] if len(evaluated) == 1 else min(
        evaluated, key=lambda r: abs(r.computed - magnitude))
    # the spec's name is the check's type (CHECK_TYPES is keyed by it): a model's attribute
    # is read through pydantic's __getattr__ hook, a slotted one is not
    return Outcome(check.id, spec.name, magnitude, stated.text or str(stated.value),
                   evaluated, _relative(best.computed, stated))


def zero_divisor(check: Any, quantities: Mapping[str, tuple[Claim, Quantity]]) -> str | None:
    """The operand whose zero leaves the check without a value ("its denominator 'q2' is
    zero"), or None: a ratio, n-fold change, share or percent change of nothing."""
    spec = CHECK_TYPES.get(check.type)
    names = operands(check)
    for key in spec.divisors if spec else ():
        ref = names.get(key)
        refs = ref if isinstance(ref, list) else [ref] if ref else []
        found = [pair[1] for r in refs if (pair := quantities.get(r)) is not None]
        if found and len(found) == len(refs) and sum(
                (q.magnitude for q in found), Decimal(0)) == 0:
            return f"its {key} {', '.join(repr(r) for r in refs)} is zero"
    return None


def _label(q: Quantity) -> str:
    kind = QuantityKind(q.kind).value
    return f"{q.id} ({kind}{', ' + q.unit if q.unit else ''})"


def unit_problems(check: Any, quantities: Mapping[str, tuple[Claim, Quantity]]) -> list[str]:
    """Why the operands of a check cannot be combined: different kinds, units or currencies."""
    spec = CHECK_TYPES.get(check.type)
    if spec is None:
        return []
    names = operands(check)
    problems: list[str] = []
    get = quantities.get
    for group in spec.same_unit:
        members: list[Quantity] = []
        for name in group:
            ref = names.get(name)
            for r in ref if isinstance(ref, list) else (ref,) if ref else ():
                pair = get(r)
                if pair is not None:
                    members.append(pair[1])
        if len(members) < 2:
            continue
        first = members[0]
        for other in members[1:]:
            problems.extend(_mismatch(first, other))
    allowed = spec.result_kinds
    result_ref = names.get(spec.result)
    pair = get(result_ref) if isinstance(result_ref, str) else None
    result = pair[1] if pair else None
    if allowed and result is not None and result.kind not in allowed:
        kinds = " or ".join(sorted(k.value for k in allowed))
        problems.append(f"the result {_label(result)} of a {check.type} check must be {kinds}")
    base_ref = names.get(spec.result_follows) if spec.result_follows else None
    pair = get(base_ref) if isinstance(base_ref, str) else None
    base = pair[1] if pair else None
    if base is not None and result is not None:
        problems.extend(_derived(check.type, base, result, spec.derived_kinds or {}))
    return problems


def _mismatch(first: Quantity, other: Quantity) -> list[str]:
    """Why two quantities that must share kind and unit do not."""
    if other.kind != first.kind:
        return [f"{_label(first)} and {_label(other)} are different kinds"]
    if first.kind == _AMOUNT and (other.unit or None) != (first.unit or None):
        differ = True
    else:
        differ = first.kind == _COUNT and not same_count_unit(first.unit, other.unit)
    if differ:
        return [f"{_label(first)} and {_label(other)} have different units; argmap never "
                "converts"]
    return []




def _derived(check_type: str, base: Quantity, result: Quantity,
             derived: Mapping[QuantityKind, frozenset[QuantityKind]]) -> list[str]:
    """The result of a check whose result follows an operand: that operand's kind and unit,
    or a kind derived from it (15% - 10% = 5 percentage points; 2019 - 2014 = 5 years)."""
    if result.kind == base.kind:
        return _mismatch(base, result)
    allowed = derived.get(K(base.kind), frozenset())
    if result.kind not in allowed:
        kinds = " or ".join(sorted({K(base.kind).value, *(k.value for k in allowed)}))
        return [f"the result {_label(result)} of a {check_type} check of {_label(base)} must "
                f"be {kinds}"]
    if result.kind == _COUNT and not same_count_unit(result.unit, "years"):
        # a year or date quantity's value is its year: the difference is in years
        return [f"the result {_label(result)} of a {check_type} check of {_label(base)} must "
                "count years"]
    return []
