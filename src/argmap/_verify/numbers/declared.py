"""Declared quantities (the model's :class:`~argmap.Quantity`) as mentions, and back."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from argmap._model import Qualifier, Quantity, QuantityKind, Scale
from argmap._verify.numbers.mention import Mention, new_mention
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
    kind, value, upper, unit, scale, qualifier, period, text = _FIELDS(quantity.__dict__)
    # the cache key spells the decimals out: 4 and 4.0 are equal but imply different steps
    return declared(kind, str(value), None if upper is None else str(upper), unit, scale,
                    qualifier, period, text or "", claim_text)


#: One map's declared quantities read as mentions: ``id(quantity)`` -> the quantity (held, so
#: that no other object takes its id while the entry lives), the claim text it was read in
#: and its :func:`from_quantity`. Kept by the map's index (``compare.declared_mentions``).
DeclaredMemo = dict[int, tuple[Quantity, str, Mention]]


def mention_of(memo: DeclaredMemo, quantity: Quantity, claim_text: str) -> Mention:
    """:func:`from_quantity` of a quantity in its claim's text, kept in a map's ``memo``: the
    figures, AM303 and the arithmetic read each quantity, and a hit of :func:`declared`'s
    cache (eight fields read, a decimal spelt out, a key of nine values hashed, three of
    them enumeration members hashed in Python) cost about 2,000 instructions."""
    entry = memo.get(id(quantity))
    if entry is not None and entry[1] == claim_text:
        return entry[2]
    found = from_quantity(quantity, claim_text)
    memo[id(quantity)] = (quantity, claim_text, found)
    return found


#: A quantity's fields as :func:`declared` takes them, read from the model's own dict, where
#: pydantic keeps them: its ``BaseModel.__getattr__`` keeps Python from specialising the
#: reads of attributes, and the eight reads cost 3,600 instructions, the dict's 2,100.
_FIELDS = itemgetter("kind", "value", "upper", "unit", "scale", "qualifier", "period", "text")


# three rules read each declared quantity; a map of 100,000 claims declares ~66,000, and at
# 1 << 16 the cache thrashed (twice the reads of one that holds them all)
@lru_cache(maxsize=1 << 18)
def declared(kind: str, value_text: str, upper_text: str | None, unit: str | None,
             scale: str | None, qualifier: str, period: str | None, text: str,
             claim_text: str | None) -> Mention:
    """:func:`from_quantity` on plain values, cached.

    The rounding step, ``near`` and the direction come from the figure the grammar reads at
    that span of the claim ("fell by 57%" goes down), else from ``text`` alone.
    """
    value = Decimal(value_text)
    start = locate(text, claim_text) if claim_text and text else -1
    if start >= 0 and claim_text:
        end = start + len(text)
        readings: Iterable[Mention] = parse(claim_text)
    else:  # the text alone only when the claim does not hold it: one grammar pass, not two
        end, readings = -1, parse(text) if text else ()
    # the first reading (of the span) that states the value, read in one pass; its step and
    # near, else the value's own digits (most declared texts state it)
    same = None
    size = None  # abs(value), read once, after the first reading's as before
    for parsed in readings:
        if end >= 0 and not (parsed.start < end and start < parsed.end):
            continue
        found = abs(parsed.value)
        if size is None:
            size = abs(value)
        if found == size:
            same = parsed
            break
    if same is not None:
        step, near, direction = same.step, same.near, same.direction
    else:
        step, near, direction = _step_of(value), False, 0
    at = start if start > 0 else 0
    # positional, in the fields' order: eight keywords were matched to sixteen fields
    return new_mention(_KINDS.get(kind) or QuantityKind(kind), value, at, at + len(text),
                       text, None if upper_text is None else Decimal(upper_text), unit,
                       (_SCALES.get(scale) or Scale(scale)) if scale else None,
                       _QUALIFIERS.get(qualifier) or Qualifier(qualifier), period, step, near,
                       False, False, None, direction)


#: Each enumeration's members by value (a member is its own key: a string enumeration hashes
#: and compares as its value), looked up where calling the enumeration ran three frames of
#: Python; a value outside them still goes to the enumeration, which raises as before.
_KINDS: dict[str, QuantityKind] = {member.value: member for member in QuantityKind}
_SCALES: dict[str, Scale] = {member.value: member for member in Scale}
_QUALIFIERS: dict[str, Qualifier] = {member.value: member for member in Qualifier}


def _joined(text: str, at: int, step: int) -> bool:
    """Whether ``text[at]`` continues a word or a number across position ``at - step``:
    a letter or digit, or a "." or "," with a digit beyond it ("3.97", "1,097")."""
    if not 0 <= at < len(text):
        return False
    if text[at].isalnum():
        return True
    beyond = at + step
    return text[at] in ".," and 0 <= beyond < len(text) and text[beyond].isdigit()


# a declared quantity's text is looked for in its claim three times (its reading, and AM303)
@lru_cache(maxsize=1 << 18)
def locate(text: str, claim_text: str) -> int:
    """Where ``text`` stands in ``claim_text`` as a whole figure or phrase, or -1; cached.

    An occurrence inside a longer number or word does not count: "97" is not in "397", nor
    "201" in "2017", nor "5" in "1.5".
    """
    at = claim_text.find(text)
    while at >= 0:
        end = at + len(text)
        inside = (text[:1].isalnum() and _joined(claim_text, at - 1, -1)) or (
            text[-1:].isalnum() and _joined(claim_text, end, 1))
        if not inside:
            return at
        at = claim_text.find(text, at + 1)
    return -1


def _step_of(value: Decimal) -> Decimal:
    """The rounding step the digits of a declared value imply (0.01 for 18.79, 10 for 300),
    from the decimal's own digits: ``int()`` refuses values of more than 4,300 digits."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return Decimal(1)
    if exponent < 0:
        return Decimal(1).scaleb(exponent)
    written = "".join(map(str, digits)) + "0" * exponent
    return decimal(written)[1]
