"""``argmap._record``: every class built with ``@record`` compares, hashes, orders, prints,
copies and refuses assignment as the ``@dataclass(frozen=True, slots=True)`` it replaces."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import math
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._record import RECORDS, record

_SRC = Path(__file__).parent.parent / "src"

for _path in sorted((_SRC / "argmap").rglob("*.py")):
    if "\n@record" in (text := _path.read_text(encoding="utf-8")) or "\n@slot_record" in text:
        importlib.import_module(".".join(_path.relative_to(_SRC).with_suffix("").parts))

_NAN = math.nan  # one object: a tuple holding it equals another holding the same object
_VALUES = (st.none() | st.integers(-2, 2) | st.text(max_size=2) | st.just(_NAN)
           | st.tuples(st.integers(0, 1)) | st.lists(st.integers(0, 1), max_size=1))


def _dataclass_of(cls: type) -> type:
    """What ``@dataclass`` builds from the same fields and options."""
    fields = [(f.name, f.type, dataclasses.field(
        default=f.default, default_factory=f.default_factory, init=f.init, repr=f.repr,
        hash=f.hash, compare=f.compare, kw_only=f.kw_only)) for f in dataclasses.fields(cls)]
    built: type = dataclasses.make_dataclass(cls.__name__, fields,
                                             frozen=RECORDS[cls]["frozen"],
                                             slots="__slots__" in vars(cls),
                                             order=RECORDS[cls]["order"],
                                             eq=RECORDS[cls]["eq"], repr=RECORDS[cls]["repr"])
    built.__qualname__ = cls.__qualname__
    return built


def _outcome(function: Any, *args: Any) -> Any:
    """The result of a call, or the class of the exception it raised."""
    try:
        return function(*args)
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome compared
        return type(exc)


def test_the_checks_classes_are_records() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Finding", "Location", "Problem", "Mention", "Interval", "Normalised"} <= names
    assert RECORDS[next(cls for cls in RECORDS if cls.__name__ == "Location")]["order"] is True
    assert {cls.__name__ for cls in RECORDS if not RECORDS[cls]["frozen"]} >= {
        "ReadLog", "MapOrigin", "ParsedFile", "ReportContext", "Analysis"}
    assert {cls.__name__ for cls in RECORDS if not RECORDS[cls]["eq"]} >= {"AnchorResult"}


@pytest.mark.parametrize("cls", sorted(RECORDS, key=lambda c: f"{c.__module__}.{c.__name__}"),
                         ids=lambda c: c.__name__)
@given(data=st.data())
def test_a_record_behaves_as_the_dataclass(cls: type, data: st.DataObject) -> None:
    reference = _dataclass_of(cls)
    count = len([f for f in dataclasses.fields(cls) if f.init])
    first = data.draw(st.lists(_VALUES, min_size=count, max_size=count))
    second = data.draw(st.lists(st.sampled_from(first) | _VALUES, min_size=count,
                                max_size=count) | st.just(first))
    if data.draw(st.booleans()):  # the same but for one field
        second = list(first)
        second[data.draw(st.integers(0, count - 1))] = data.draw(_VALUES)
    ours, theirs = (cls(*first), cls(*second)), (reference(*first), reference(*second))
    if RECORDS[cls]["eq"] and RECORDS[cls]["repr"]:  # else its own methods, not the record's
        assert repr(ours[0]) == repr(theirs[0])
        assert _outcome(hash, ours[0]) == _outcome(hash, theirs[0])
        names = ["__eq__", "__ne__"] + (["__lt__", "__le__", "__gt__", "__ge__"]
                                        if RECORDS[cls]["order"] else [])
        for name in names:
            assert (_outcome(getattr(ours[0], name), ours[1])
                    == _outcome(getattr(theirs[0], name), theirs[1])), name
            assert getattr(ours[0], name)(object()) is NotImplemented
        assert ours[0] != theirs[0]  # another class
        assert copy.copy(ours[0]) == ours[0]
        assert dataclasses.replace(ours[0]) == ours[0]
    state = repr(_state(ours[0]))  # NaN: a pickled one is another object
    assert repr(_state(copy.copy(ours[0]))) == repr(_state(dataclasses.replace(ours[0]))) == state
    if _outcome(pickle.dumps, ours[0]) is not pickle.PicklingError:
        assert repr(_state(pickle.loads(pickle.dumps(ours[0])))) == state  # noqa: S301
    if RECORDS[cls]["frozen"]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ours[0], dataclasses.fields(cls)[0].name, None)
    for name in (dataclasses.fields(cls)[-1].name, "not_a_field"):  # as the dataclass refuses
        assert _refusal(setattr, ours[0], name, 1) == _refusal(setattr, theirs[0], name, 1)
        assert _refusal(delattr, ours[0], name) == _refusal(delattr, theirs[0], name)


def _state(obj: object) -> tuple[Any, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


def _refusal(function: Any, *args: Any) -> tuple[type, str] | None:
    """The class and message of the exception a call raised, or None."""
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome compared
        return type(exc), str(exc)
    return None


def test_a_recursive_repr_prints_dots() -> None:
    @record
    class Box:
        items: list[Any]

    @dataclasses.dataclass(frozen=True, slots=True)
    class Reference:
        items: list[Any]

    box, reference = Box([]), Reference([])
    box.items.append(box)
    reference.items.append(reference)
    assert repr(box) == repr(reference).replace("Reference", "Box") == (
        "test_a_recursive_repr_prints_dots.<locals>.Box(items=[...])")


def test_a_class_that_writes_its_own_method_is_refused() -> None:
    with pytest.raises(TypeError, match="__eq__"):
        @record
        class Own:
            x: int

            def __eq__(self, other: object) -> bool:
                return True

            __hash__ = None  # type: ignore[assignment]
