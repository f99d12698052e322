"""``argmap._slotinit``: the quicker ``__init__`` of hot dataclasses builds what the
dataclass's own does, for every class it is applied to, with any arguments."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap._verify.anchor
import argmap._verify.argumentation
import argmap._verify.arith
import argmap._verify.compare
import argmap._verify.dates
import argmap._verify.numbers.mention  # noqa: F401 - each module applies slot_init
from argmap._slotinit import SLOT_INIT_CLASSES, dataclass_init, slot_init

_VALUES = st.none() | st.integers() | st.text(max_size=5) | st.tuples(st.integers())


def _state(obj: object) -> tuple[Any, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


def test_the_hot_classes_have_the_quicker_init() -> None:
    names = {cls.__name__ for cls in SLOT_INIT_CLASSES}
    assert {"Mention", "Interval", "Support", "ClaimFigure", "AnchorResult", "StatedDate",
            "ClaimDate", "Argument", "Reading", "Outcome"} <= names


@pytest.mark.parametrize("cls", sorted(SLOT_INIT_CLASSES, key=lambda c: c.__name__),
                         ids=lambda c: c.__name__)
@given(data=st.data())
def test_the_quicker_init_builds_what_the_dataclass_builds(cls: type, data: st.DataObject
                                                           ) -> None:
    fields = dataclasses.fields(cls)
    required = [f for f in fields if f.default is dataclasses.MISSING]
    given_count = data.draw(st.integers(len(required), len(fields)))
    args = [data.draw(_VALUES) for _ in fields[:given_count]]
    as_keywords = data.draw(st.booleans())
    kwargs = {f.name: v for f, v in zip(fields, args, strict=False)} if as_keywords else {}
    positional = [] if as_keywords else args
    quick = cls(*positional, **kwargs)
    reference = object.__new__(cls)
    dataclass_init(cls)(reference, *positional, **kwargs)
    assert _state(quick) == _state(reference)
    assert quick == reference
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(quick, fields[0].name, None)


def test_a_missing_argument_fails_as_the_dataclass_fails() -> None:
    from argmap._verify.compare import Interval

    with pytest.raises(TypeError):
        Interval()  # type: ignore[call-arg]


def test_what_it_cannot_rebuild_is_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class Unslotted:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithPostInit:
        x: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithPrivateName:
        _cls: int  # would hide the class the generated __init__ compares with

    for cls in (WithFactory, Unslotted, WithPostInit, WithPrivateName):
        with pytest.raises(TypeError):
            slot_init(cls)


def test_a_field_named_type_is_built_as_the_dataclass_builds_it() -> None:
    """The generated ``__init__`` reads the builtin ``type`` under another name, so a field
    called ``type`` (as :class:`argmap._verify.arith.Outcome` has) does not hide it."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        type: str
        value: int = 0

    @slot_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Quick:
        type: str
        value: int = 0

    assert (Quick("sum").type, Quick("sum", 3).value) == (Plain("sum").type, Plain("sum", 3).value)
    assert type(Quick("sum")) is Quick


def test_a_subclass_is_built_through_the_descriptors_and_keeps_its_class() -> None:
    """The quicker path lends the object a class of the same slots while it sets them: only
    an object of the class itself takes it; a subclass's (other slots, maybe) does not."""

    @slot_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Base:
        x: int
        y: str = "y"

    class Child(Base):
        __slots__ = ("extra",)

    base, child = Base(1), Child(1, "z")
    assert type(base) is Base
    assert (base.x, base.y) == (1, "y")
    assert type(child) is Child
    assert (child.x, child.y) == (1, "z")
    with pytest.raises(dataclasses.FrozenInstanceError):
        child.x = 2  # type: ignore[misc]
