"""Round twenty builds the grammar's figures with ``slot_maker`` (``mention.new_mention``:
every field in order, no call of the class, one switch of ``__class__``) where
``read_year``, ``read_number``, ``_number``, ``declared``, ``_dated``, ``_turned``,
``_counted`` and ``evolve`` called ``Mention``. The builders as they were are kept here as
oracles (the class called, the defaults left to it): the same figures, field for field, on
generated fields, on texts shaped like the benchmark maps' and hostile ones, and on every
claim and quote of the paper's map."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap._verify.anchor
import argmap._verify.argumentation
import argmap._verify.arith
import argmap._verify.compare
import argmap._verify.dates  # each module applies slot_init
from argmap._model import Qualifier, QuantityKind, Scale
from argmap._slotinit import SLOT_INIT_CLASSES, slot_maker
from argmap._verify.numbers import parse
from argmap._verify.numbers.directions import _turned
from argmap._verify.numbers.mention import _VALUES, Mention, evolve, new_mention
from argmap._verify.numbers.neighbours import _counted, _dated
from argmap._verify.numbers.parsing import read_each
from argmap._verify.numbers.reading import decimal, read_number, read_year
from test_grammar12_years import TEXTS
from test_grammar19_leads import _SHAPES

ROOT = Path(__file__).resolve().parent.parent
_ANY = st.none() | st.integers() | st.text(max_size=5) | st.tuples(st.integers())


def _fields(obj: object) -> tuple[Any, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


def _same(new: object, old: object) -> None:
    assert type(new) is type(old)
    assert _fields(new) == _fields(old)
    assert repr(new) == repr(old)
    assert new == old


@pytest.mark.parametrize("cls", sorted(SLOT_INIT_CLASSES, key=lambda c: c.__qualname__),
                         ids=lambda c: c.__qualname__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_maker_builds_what_the_class_builds(cls: type, data: st.DataObject) -> None:
    values = [data.draw(_ANY) for _ in dataclasses.fields(cls)]
    made = slot_maker(cls)(*values)
    _same(made, cls(*values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, dataclasses.fields(cls)[0].name, None)
    with pytest.raises(TypeError):
        slot_maker(cls)(*values[:-1])  # every field, none left to a default


def test_a_class_without_the_quicker_init_has_no_maker() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        x: int

    with pytest.raises(TypeError):
        slot_maker(Plain)


# ---- the builders as they were (round nineteen), calling the class ----

def _old_dated(m: Mention, period: str | None, direction: int | None = None) -> Mention:
    return Mention(m.kind, m.value, m.start, m.end, m.text, m.upper, m.unit, m.scale,
                   m.qualifier, period, m.step, m.near, m.vague, m.inferred, m.partial,
                   m.direction if direction is None else direction)


def _old_turned(m: Mention, way: int) -> Mention:
    return Mention(m.kind, m.value, m.start, m.end, m.text, m.upper, m.unit, m.scale,
                   m.qualifier, m.period, m.step, m.near, m.vague, m.inferred, m.partial, way)


def _old_counted(m: Mention, kind: QuantityKind, unit: str | None) -> Mention:
    return Mention(kind, m.value, m.start, m.end, m.text, m.upper, unit, m.scale, m.qualifier,
                   m.period, m.step, m.near, m.vague, m.inferred, m.partial, m.direction)


def _old_evolve(mention: Mention, **changes: Any) -> Mention:
    return dataclasses.replace(mention, **changes)


def _old_year(text: str, at: int, end: int, num: str) -> Mention:
    """read_year's figure, as it was built (past its two refusals)."""
    return Mention(QuantityKind.YEAR, decimal(num)[0], at, end, text[at:end], None, None,
                   None, Qualifier.EXACT, num if num.isascii() else f"{int(num):04d}")


_DECIMALS = st.decimals(allow_nan=False, allow_infinity=False, places=3,
                        min_value=-10**6, max_value=10**6)


@st.composite
def _mentions(draw: st.DrawFn) -> Mention:
    return Mention(draw(st.sampled_from(list(QuantityKind))), draw(_DECIMALS),
                   draw(st.integers(0, 50)), draw(st.integers(0, 50)), draw(st.text(max_size=8)),
                   draw(st.none() | _DECIMALS), draw(st.sampled_from([None, "USD", "people"])),
                   draw(st.sampled_from([None, *Scale])), draw(st.sampled_from(list(Qualifier))),
                   draw(st.sampled_from([None, "2019", "2018/2020"])),
                   draw(st.sampled_from([Decimal(1), Decimal("0.01"), Decimal(10)])),
                   draw(st.booleans()), draw(st.booleans()), draw(st.booleans()),
                   draw(st.sampled_from([None, "--12-03"])), draw(st.sampled_from([-1, 0, 1])))


@settings(max_examples=300, deadline=None)
@given(m=_mentions(), period=st.sampled_from([None, "2019", "2020-01/2020-03"]),
       way=st.sampled_from([None, -1, 0, 1]), kind=st.sampled_from(list(QuantityKind)),
       unit=st.sampled_from([None, "USD", "TEU"]))
def test_the_copies_are_the_copies_the_class_made(m: Mention, period: str | None,
                                                  way: int | None, kind: QuantityKind,
                                                  unit: str | None) -> None:
    _same(_dated(m, period, way), _old_dated(m, period, way))
    _same(_dated(m, period), _old_dated(m, period))
    _same(_turned(m, way or 0), _old_turned(m, way or 0))
    _same(_counted(m, kind, unit), _old_counted(m, kind, unit))
    _same(evolve(m, period=period, kind=kind), _old_evolve(m, period=period, kind=kind))
    _same(evolve(m), _old_evolve(m))
    _same(new_mention(*_VALUES(m)), Mention(*_VALUES(m)))


_TEXTS = st.one_of(TEXTS, st.lists(_SHAPES, min_size=1, max_size=6).map("".join),
                   st.lists(st.one_of(_SHAPES, TEXTS), min_size=1, max_size=4).map("".join))


@settings(max_examples=500, deadline=None)
@given(text=_TEXTS, at=st.integers(0, 40), digits=st.sampled_from(
    ["2019", "1999", "2100", "12", "4,414", "3.97", "300", "٢٠١٩", "1,097"]))
def test_plain_years_and_numbers_read_as_the_class_built_them(text: str, at: int,
                                                              digits: str) -> None:
    text = text[:at] + digits + text[at:]
    at = min(at, len(text) - len(digits))
    end = at + len(digits)
    year = read_year(text, at, end, digits) if len(digits) == 4 else None
    if year is not None:
        _same(year, _old_year(text, at, end, digits))
    number = read_number(text, at, end, digits)
    if number is not None:  # every field given: the defaults the class gave, the step its own
        _same(number, Mention(*_VALUES(number)))
        assert number.kind is QuantityKind.COUNT or number.kind is QuantityKind.YEAR
        assert (number.upper, number.scale, number.vague, number.inferred, number.partial,
                number.direction) == (None, None, False, False, None, 0)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_texts_read_the_figures_the_class_built(text: str) -> None:
    """Each figure read or combined is the one the class builds from its fields, and the
    defaults of a year (no unit, scale, range or direction; a step of 1) are the class's."""
    for m in [*read_each(text), *parse(text)]:
        _same(m, Mention(*_VALUES(m)))
        if m.kind is QuantityKind.YEAR and m.upper is None and m.qualifier is Qualifier.EXACT:
            assert (m.unit, m.scale, m.near, m.vague, m.direction) == (
                None, None, False, False, 0)


def test_the_papers_texts_read_as_before() -> None:
    """Every claim and quote of the paper's map: the figures equal those the class builds
    from the same fields, and a text's count of figures is read again the same."""
    argmap_ = argmap.load(ROOT / "claims" / "fiia-298")
    texts = [c.text for c in argmap_.claims] + [
        e.quote.exact for e in argmap_.evidence if e.quote is not None]
    read = 0
    for text in texts:
        for m in parse(text):
            _same(m, Mention(*_VALUES(m)))
            read += 1
    assert read > 100


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_a_pickled_figure_loads_as_the_class_built_it(text: str) -> None:
    """A split run's child pickles its figures: ``__reduce__`` gives ``new_mention`` where
    it gave the class; what loads is what the class builds from the same fields."""
    import pickle

    found = parse(text)
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        loaded = pickle.loads(pickle.dumps(found, protocol=protocol))  # noqa: S301 - our own
        assert len(loaded) == len(found)
        for m, again in zip(found, loaded, strict=True):
            _same(again, m)
            _same(again, Mention(*_VALUES(m)))  # round nineteen's __reduce__: the class
