"""Round twenty's ``slot_init`` switches an object's class through the ``__class__``
descriptor's setter, to a subclass that adds no slot and is not frozen, where round
nineteen's switched through ``object.__setattr__`` to a sibling class of the same slots (each
switch compared the two classes' tuples of slot names). Round nineteen's ``__init__`` is
rebuilt here as the oracle: for every class given the quicker ``__init__`` and for freshly
made ones, objects built by both are the same (fields, equality, hash, repr, class, frozen)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap._verify.anchor
import argmap._verify.argumentation
import argmap._verify.arith
import argmap._verify.compare
import argmap._verify.dates
import argmap._verify.numbers.mention  # noqa: F401 - each module applies slot_init
from argmap._slotinit import SLOT_INIT_CLASSES, slot_init

_VALUES = st.none() | st.integers() | st.text(max_size=5) | st.tuples(st.integers())


def _old_init(cls: type) -> Callable[..., None]:
    """Round nineteen's ``slot_init`` source for ``cls``, built without giving it to the class."""
    fields = dataclasses.fields(cls)
    namespace: dict[str, Any] = {
        "_cls": cls,
        "_open": type(f"_Open{cls.__name__}", cls.__bases__, {"__slots__": vars(cls)["__slots__"]}),
        "_set_class": object.__setattr__,
        "_type": type,
    }
    params, stores, lines = [], [], []
    for field in fields:
        namespace[f"_set_{field.name}"] = vars(cls)[field.name].__set__
        if field.default is dataclasses.MISSING:
            params.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
        stores.append(f"        self.{field.name} = {field.name}")
        lines.append(f"        _set_{field.name}(self, {field.name})")
    source = (f"def __init__(self, {', '.join(params)}):\n"
              "    if _type(self) is _cls:\n"
              "        _set_class(self, '__class__', _open)\n"
              + "".join(line + "\n" for line in stores)
              + "        _set_class(self, '__class__', _cls)\n"
              "    else:\n" + ("\n".join(lines) if lines else "        pass"))
    exec(source + "\n", namespace)  # noqa: S102 - the oracle's own generated code
    init: Callable[..., None] = namespace["__init__"]
    return init


def _state(obj: object) -> tuple[Any, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


def _same(cls: type, positional: list[Any], kwargs: dict[str, Any]) -> None:
    quick = cls(*positional, **kwargs)
    old = object.__new__(cls)
    _old_init(cls)(old, *positional, **kwargs)
    assert type(quick) is type(old) is cls
    assert _state(quick) == _state(old)
    assert quick == old
    assert repr(quick) == repr(old)
    try:
        hashed = hash(old)
    except TypeError:  # an unhashable field value: both refuse alike
        with pytest.raises(TypeError):
            hash(quick)
    else:
        assert hash(quick) == hashed
    field = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(quick, field, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(quick, field)


@pytest.mark.parametrize("cls", sorted(SLOT_INIT_CLASSES, key=lambda c: c.__qualname__),
                         ids=lambda c: c.__qualname__)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_quick_class_builds_what_round_nineteen_built(cls: type, data: st.DataObject
                                                            ) -> None:
    fields = dataclasses.fields(cls)
    required = sum(f.default is dataclasses.MISSING for f in fields)
    count = data.draw(st.integers(required, len(fields)))
    args = [data.draw(_VALUES) for _ in fields[:count]]
    if data.draw(st.booleans()):
        _same(cls, [], {f.name: v for f, v in zip(fields, args, strict=False)})
    else:
        _same(cls, args, {})


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=8, unique=True),
       defaults=st.integers(0, 8), data=st.data())
def test_fresh_classes_build_what_round_nineteen_built(names: list[str], defaults: int,
                                                       data: st.DataObject) -> None:
    split = max(0, len(names) - defaults)
    fields: list[Any] = [(n, Any) for n in names[:split]]
    fields += [(n, Any, dataclasses.field(default=i)) for i, n in enumerate(names[split:])]
    cls = slot_init(dataclasses.make_dataclass("Fresh", fields, frozen=True, slots=True))
    count = data.draw(st.integers(split, len(names)))
    _same(cls, [data.draw(_VALUES) for _ in names[:count]], {})


def test_no_object_keeps_the_open_class_and_the_class_stays_the_same() -> None:
    """The open class is a subclass of the record only while fields are set: built objects,
    a subclass's objects and a failed call leave none behind."""

    @slot_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Base:
        x: int
        y: str = "y"

    class Child(Base):
        __slots__ = ("extra",)

    assert type(Base(1)) is Base
    assert type(Child(1, "z")) is Child
    with pytest.raises(TypeError):
        Base()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Base(1, "y", 3)  # type: ignore[call-arg]
    opened = [sub for sub in Base.__subclasses__() if sub is not Child]
    assert len(opened) == 1
    assert not opened[0].__slots__  # adds no slot: the layout is the record's
    assert dataclasses.fields(Base) == dataclasses.fields(Child)
