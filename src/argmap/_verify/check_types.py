"""What each type of arithmetic check means: one :class:`CheckType` per type, in one table.

A check type's fields (the JSON schema) are its model in :mod:`argmap._model`; the spec adds
what the model cannot say: how the stated result is computed from the operands, which
operands must share a kind and unit, and which kinds the result may be. The operands and
their names in files are read from the model, so every user of the table (evaluation, unit
problems, the figures a check derives, AM202's references) follows a model change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, get_args, get_origin

from argmap._model import (
    DifferenceCheck,
    FoldCheck,
    PartCheck,
    PercentChangeCheck,
    QuantityKind,
    RatioCheck,
    ShareCheck,
    SumCheck,
    _Check,
)
from argmap._record import record

if TYPE_CHECKING:
    from argmap._verify.numbers import Mention

__all__ = ["CHECK_TYPES", "OPERANDS", "CheckType", "Operand", "result_ref"]

K = QuantityKind

#: One way of computing the stated result: (name, formula as text, value).
Computed = tuple[str, str, Decimal]
#: Operand magnitudes by file name (a list operand summed) and the stated result -> readings.
Compute = Callable[[Mapping[str, Decimal], "Mention"], list[Computed]]


@record
class Operand:
    """A field of a check that names quantities: ``attribute`` as the model spells it
    (``from_``), ``key`` as files do (``from``); ``many`` when it holds a list of IDs."""

    attribute: str
    key: str
    many: bool


@record
class CheckType:
    """One type of arithmetic check.

    ``operands`` come from the model, in its order; ``result`` is the key of the operand
    that is the stated result. ``same_unit`` lists groups of operand keys that must share
    kind and unit (argmap never converts); ``result_kinds`` the kinds the result may be
    (empty: any). ``result_follows`` names the operand whose kind the result takes, with
    ``derived_kinds`` the other kinds a result of that operand kind may be stated in (a
    difference of two percentages in percentage points, of two years in years).
    ``divisors`` are the operands a zero in which leaves the check without a value.
    ``fractions`` are the operands read as a fraction of one: a percentage among them is
    divided by 100 before ``compute`` sees it (15% of USD 4 billion is 0.15 x 4 billion).
    """

    name: str
    operands: tuple[Operand, ...]
    compute: Compute
    result: str = "result"
    same_unit: tuple[tuple[str, ...], ...] = ()
    result_kinds: frozenset[QuantityKind] = frozenset()
    result_follows: str | None = None
    derived_kinds: Mapping[QuantityKind, frozenset[QuantityKind]] | None = None
    divisors: tuple[str, ...] = ()
    fractions: tuple[str, ...] = ()

    def operand(self, key: str) -> Operand:
        """The operand written ``key`` in files."""
        return next(op for op in self.operands if op.key == key)


def _operands(model: type[_Check]) -> tuple[Operand, ...]:
    """The fields a check type adds to every check's (``id``, ``claim``, ``tolerance``...)."""
    common = {*_Check.model_fields, "type"}
    return tuple(
        Operand(name, field.alias or name, get_origin(field.annotation) is list)
        for name, field in model.model_fields.items()
        if name not in common
    )


def _spec(model: type[_Check], compute: Compute, **meaning: Any) -> CheckType:
    (name,) = get_args(model.model_fields["type"].annotation)
    return CheckType(name, _operands(model), compute, **meaning)


# --- how each type computes its result ----------------------------------------------------------


def _ratio(v: Mapping[str, Decimal], _stated: Mention) -> list[Computed]:
    return [("ratio", "numerator / denominator", v["numerator"] / v["denominator"])]


def _fold(v: Mapping[str, Decimal], _stated: Mention) -> list[Computed]:
    """An n-fold change has two readings, to/from and (to-from)/from; both are computed."""
    times = v["to"] / v["from"]
    return [("times", "to / from", times), ("increase", "(to - from) / from", times - 1)]


def _share(v: Mapping[str, Decimal], stated: Mention) -> list[Computed]:
    """A percent result is compared as a percentage."""
    percent = Decimal(100) if stated.kind == K.PERCENT else Decimal(1)
    return [("share", "part / whole" + (" x 100" if percent != 1 else ""),
             v["part"] / v["whole"] * percent)]


def _part(v: Mapping[str, Decimal], _stated: Mention) -> list[Computed]:
    """The share arrives as a fraction of one (see ``fractions``)."""
    return [("part", "whole x share", v["whole"] * v["share"])]


def _sum(v: Mapping[str, Decimal], _stated: Mention) -> list[Computed]:
    return [("sum", "sum of parts", v["parts"])]


def _difference(v: Mapping[str, Decimal], _stated: Mention) -> list[Computed]:
    return [("difference", "minuend - subtrahend", v["minuend"] - v["subtrahend"])]


def _percent_change(v: Mapping[str, Decimal], stated: Mention) -> list[Computed]:
    change = (v["to"] - v["from"]) / v["from"] * 100
    if stated.magnitude >= 0 > change:
        # "exports fell by 57%": the stated size of a fall is positive
        return [("percent-change", "(from - to) / from x 100 (a fall)", -change)]
    return [("percent-change", "(to - from) / from x 100", change)]


#: The kinds a difference may be stated in besides its operands' own: percentage points for
#: two percentages (15% - 10% = 5 percentage points), a count of years for two years or dates
#: (2019 - 2014 = 5 years; a date quantity's value is its year).
DIFFERENCE_KINDS: dict[QuantityKind, frozenset[QuantityKind]] = {
    K.PERCENT: frozenset({K.PERCENTAGE_POINTS}),
    K.YEAR: frozenset({K.COUNT}),
    K.DATE: frozenset({K.COUNT}),
}

#: Check type name (``type`` in files) -> what it means.
CHECK_TYPES: dict[str, CheckType] = {spec.name: spec for spec in (
    _spec(RatioCheck, _ratio, divisors=("denominator",)),
    _spec(FoldCheck, _fold, same_unit=(("from", "to"),),
          result_kinds=frozenset({K.FOLD, K.RATIO}), divisors=("from",)),
    _spec(ShareCheck, _share, same_unit=(("part", "whole"),),
          result_kinds=frozenset({K.PERCENT, K.FRACTION, K.RATIO}), divisors=("whole",)),
    _spec(PartCheck, _part, same_unit=(("whole", "result"),), fractions=("share",)),
    _spec(SumCheck, _sum, result="total", same_unit=(("parts", "total"),)),
    _spec(DifferenceCheck, _difference, same_unit=(("minuend", "subtrahend"),),
          result_follows="minuend", derived_kinds=DIFFERENCE_KINDS),
    _spec(PercentChangeCheck, _percent_change, same_unit=(("from", "to"),),
          result_kinds=frozenset({K.PERCENT}), divisors=("from",)),
)}

#: Every operand of every check type, each once, in the table's order (a check has only its
#: own: read them with ``getattr(check, operand.attribute, None)``).
OPERANDS: tuple[Operand, ...] = tuple(
    dict.fromkeys(op for spec in CHECK_TYPES.values() for op in spec.operands)
)


def result_ref(check: Any) -> str | None:
    """The ID of the quantity a check derives (its stated result), if it names one."""
    spec = CHECK_TYPES.get(check.type)
    ref = getattr(check, spec.operand(spec.result).attribute, None) if spec else None
    return ref if isinstance(ref, str) else None
