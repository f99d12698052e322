"""Declared quantities (the model's :class:`~argmap.Quantity`) as mentions, and back."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from argmap._model import Qualifier, Quantity, QuantityKind, Scale
from argmap._verify.numbers.mention import Mention
from argmap._verify.numbers.parsing import parse
from argmap._verify.numbers.reading import decimal


def to_quantity(mention: Mention, quantity_id: str) -> Quantity:
    """The model :class:`~argmap.Quantity` for a mention (``text`` is its span)."""
    return Quantity(id=quantity_id, kind=mention.kind, value=mention.value, upper=mention.upper,
                    unit=mention.unit, scale=mention.scale, qualifier=mention.qualifier,
                    period=mention.period, text=mention.text)


def from_quantity(quantity: Quantity, claim_text: str | None = None) -> Mention:
    """A mention for a declared quantity; its span is found in ``claim_text`` when given.

    The rounding step and ``near`` come from the declared ``text`` when it parses to the same
    value, else from the digits of ``value``.
    """
    # the cache key spells the decimals out: 4 and 4.0 are equal but imply different steps
    return declared(quantity.kind, str(quantity.value),
                    None if quantity.upper is None else str(quantity.upper), quantity.unit,
                    quantity.scale, quantity.qualifier, quantity.period, quantity.text or "",
                    claim_text)


@lru_cache(maxsize=1 << 16)  # three rules read each declared quantity
def declared(kind: str, value_text: str, upper_text: str | None, unit: str | None,
             scale: str | None, qualifier: str, period: str | None, text: str,
             claim_text: str | None) -> Mention:
    """:func:`from_quantity` on plain values, cached."""
    value = Decimal(value_text)
    start = claim_text.find(text) if claim_text and text else -1
    step = _step_of(value)
    near = False
    for parsed in parse(text) if text else ():
        if parsed.value == value:
            step, near = parsed.step, parsed.near
            break
    return Mention(QuantityKind(kind), value, max(start, 0), max(start, 0) + len(text), text,
                   upper=None if upper_text is None else Decimal(upper_text), unit=unit,
                   scale=Scale(scale) if scale else None, qualifier=Qualifier(qualifier),
                   period=period, step=step, near=near)


def _step_of(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        return Decimal(1).scaleb(exponent)
    return decimal(str(int(value)))[1]
