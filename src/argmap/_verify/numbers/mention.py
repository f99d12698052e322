"""A figure found in prose: :class:`Mention`, and which kinds of figure need a citation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from decimal import Decimal
from operator import attrgetter
from typing import Any

from argmap._members import plain_members
from argmap._model import SCALE_FACTORS, Qualifier, QuantityKind, Scale
from argmap._slotinit import slot_maker, slot_record

#: The kinds and qualifiers, read per figure here, in the grammar and in the comparisons,
#: from plain classes (see argmap._members: a member read off its enumeration is slow).
K = plain_members(QuantityKind)
Q = plain_members(Qualifier)

#: Kinds that are figures to cite; years and dates only need some evidence.
FIGURE_KINDS = frozenset({K.AMOUNT, K.COUNT, K.PERCENT, K.PERCENTAGE_POINTS, K.FRACTION,
                          K.FOLD, K.RATIO})
TEMPORAL_KINDS = frozenset({K.YEAR, K.DATE})


@slot_record  # built for every figure of every text: see argmap._slotinit
class Mention:
    """A quantity found in prose, with the span ``text[start:end]`` it was read from.

    ``value`` is the number as written before its scale word; ``upper`` the end of a range.
    ``step`` is the rounding unit the writing implies (1 for "4", 0.01 for "18.79", 10 for
    "300"). ``period`` is the figure's own period for years and dates, and for other kinds the
    period the sentence gives it ("In 2019, ... USD 4 billion"). ``near`` marks a bound that
    is close ("just over", "nearly", "barely"); ``vague`` a figure with no definite number
    ("dozens of"); ``inferred`` a currency taken from an earlier amount ("USD 18.79 million
    ... to 300 million"). Years carry the year as ``value``; a date without a year carries its
    day and the month-day in ``partial`` (``--12-03/--12-06``). ``direction`` is the way a
    change goes, +1 up or -1 down, from a sign ("-5%", "+26%", whose value keeps its sign) or
    a word ("rose by 5%", "a 10% drop", whose value stays as written); 0 when none is stated.
    """

    kind: QuantityKind
    value: Decimal
    start: int
    end: int
    text: str
    upper: Decimal | None = None
    unit: str | None = None
    scale: Scale | None = None
    qualifier: Qualifier = Q.EXACT
    period: str | None = None
    step: Decimal = Decimal(1)
    near: bool = False
    vague: bool = False
    inferred: bool = False
    partial: str | None = None
    direction: int = 0

    @property
    def magnitude(self) -> Decimal:
        return self.value * SCALE_FACTORS[self.scale] if self.scale else self.value

    @property
    def upper_magnitude(self) -> Decimal | None:
        if self.upper is None:
            return None
        return self.upper * SCALE_FACTORS[self.scale] if self.scale else self.upper

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    def __reduce__(self) -> tuple[Callable[..., Mention], tuple[Any, ...]]:
        """Pickled as its fields and rebuilt by :data:`new_mention`: a split run's child
        sends the figures it read (:mod:`argmap._engine.split`), and the dataclass's own
        state, set back field by field, pickles at half the speed and loads at a third
        (and the class called on the fields about 1,600 instructions more a figure)."""
        values: tuple[Any, ...] = _VALUES(self)
        return new_mention, values

    def reading(self) -> tuple[object, ...]:
        """What the quantity says, without where it was written (for equality tests)."""
        return (self.kind, self.value, self.upper, self.unit, self.scale, self.qualifier,
                self.direction)


#: ``Mention(*fields)``, all sixteen fields given in order, built without the call of the
#: class and with one switch of its class (:func:`argmap._slotinit.slot_maker`): the
#: grammar builds a figure for every number it reads and again for each it dates or turns.
new_mention: Callable[[QuantityKind, Decimal, int, int, str, Decimal | None, str | None,
                       Scale | None, Qualifier, str | None, Decimal, bool, bool, bool,
                       str | None, int], Mention] = slot_maker(Mention, "new_mention")
#: The default ``step`` (1), for the builders that give every field.
ONE = Decimal(1)

_FIELDS = tuple(f.name for f in fields(Mention))
_POSITION = {name: i for i, name in enumerate(_FIELDS)}
_VALUES = attrgetter(*_FIELDS)


def evolve(mention: Mention, **changes: Any) -> Mention:
    """``dataclasses.replace`` for a mention, a few times faster: the grammar copies every
    figure it dates or gives a direction, and ``replace`` looks up the fields each time."""
    values = list(_VALUES(mention))
    for name, value in changes.items():
        values[_POSITION[name]] = value
    return new_mention(*values)
