"""A record's ``__init__`` (and ``slot_init``'s) is written at the first construction, not when
the class is made: before and after, a record is built, refused and described exactly as the
``@dataclass`` it replaces builds, refuses and describes it, and from then on the class holds
the very function ``@dataclass(frozen=True)`` writes."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import _record
from argmap._record import RECORDS, record, written_init
from argmap._slotinit import SLOT_INIT_CLASSES
from test_record import _dataclass_of

_SRC = Path(__file__).parent.parent / "src"

for _path in sorted((_SRC / "argmap").rglob("*.py")):  # every module that makes a record
    if "\n@record" in (text := _path.read_text(encoding="utf-8")) or "\n@slot_record" in text:
        importlib.import_module(".".join(_path.relative_to(_SRC).with_suffix("").parts))


def _records_with_init() -> list[type]:
    return sorted((cls for cls in RECORDS if cls not in SLOT_INIT_CLASSES),
                  key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_records_are_made_without_compiling_init_or_the_frozen_methods(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_record, "_PLAIN_CALLS", 3)

    @record
    class Fresh:
        """A record of plain fields."""

        x: int
        y: str = "y"

    for name in ("__init__", "__setattr__", "__delattr__"):
        assert vars(Fresh)[name].__code__.co_filename == _record.__file__
    for _ in range(3):  # built by the stand-in
        built = Fresh(1)
        assert (built.x, built.y) == (1, "y")
    assert vars(Fresh)["__init__"].__code__.co_filename == _record.__file__
    assert Fresh(2, "z").y == "z"  # the fourth: by the dataclass's __init__, from then on
    assert vars(Fresh)["__init__"].__code__.co_filename == "<string>"
    assert vars(Fresh)["__init__"] is written_init(Fresh) or (
        vars(Fresh)["__init__"].__code__.co_code == written_init(Fresh).__code__.co_code)


@pytest.mark.parametrize("cls", _records_with_init(), ids=lambda c: c.__qualname__)
def test_the_written_init_is_the_one_the_dataclass_writes(cls: type) -> None:
    """Same signature (names, kinds, defaults, annotations), same bytecode and names read: the
    path a record is built by, once written, is the dataclass's own."""
    ours, theirs = written_init(cls), vars(_dataclass_of(cls))["__init__"]
    assert inspect.signature(ours) == inspect.signature(theirs)
    assert ours.__code__.co_code == theirs.__code__.co_code
    assert ours.__code__.co_names == theirs.__code__.co_names
    assert ours.__code__.co_consts == theirs.__code__.co_consts
    assert ours.__qualname__ == f"{cls.__qualname__}.__init__"
    assert ours.__module__ == cls.__module__
    params, reference = cls.__dataclass_params__, _dataclass_of(cls).__dataclass_params__
    assert (params.init, params.frozen) == (reference.init, reference.frozen)
    assert getattr(cls, "__match_args__", None) == reference_match_args(cls)


def reference_match_args(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init and not f.kw_only)


def _samples(decorate: Callable[[type], type]) -> list[type]:
    """The same classes, made by ``decorate``: their names and qualified names are alike."""

    @decorate
    class Plain:
        """Two positional fields, one with a default."""

        x: int
        y: str = "y"

    @decorate
    class Factory:
        """A default factory and a field the ``__init__`` does not take."""

        items: list[int] = dataclasses.field(default_factory=list)
        hidden: int = dataclasses.field(default=7, init=False)
        count: ClassVar[int] = 0

    @decorate
    class KeywordOnly:
        """A keyword-only field, and a field named ``self``."""

        self: int
        z: int = dataclasses.field(default=3, kw_only=True)

    @decorate
    class WithPostInit:
        """An ``InitVar`` passed to ``__post_init__``."""

        x: int
        scale: dataclasses.InitVar[int] = 2
        seen: list[int] = dataclasses.field(default_factory=list, init=False)

        def __post_init__(self, scale: int) -> None:
            self.seen.append(self.x * scale)

    @decorate
    class Empty:
        """No fields."""

    @decorate
    class PlainFactory:
        """Plain fields, one with a default factory."""

        x: int
        items: list[int] = dataclasses.field(default_factory=list)
        y: str = "y"

    return [Plain, Factory, KeywordOnly, WithPostInit, Empty, PlainFactory]


_CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}), ((1,), {}), ((1, "a"), {}), ((1, "a", 3), {}), ((), {"x": 1}),
    ((), {"x": 1, "y": "b"}), ((1,), {"x": 2}), ((), {"nope": 1}), (([1],), {}),
    ((), {"items": [2]}), ((), {"hidden": 1}), ((5,), {"z": 4}), ((), {"self": 5}),
    ((5, 4), {}), ((1,), {"scale": 3}), ((1, 3), {}), ((), {"scale": 3}),
    ((1, [2], "z"), {}), ((1,), {"y": "q", "items": [3]}), ((1, [2]), {"items": [3]}),
    ((1, 2, 3, 4), {}), ((), {"y": "q"}), ((1,), {"items": dataclasses.MISSING}),
]


def _outcome(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The fields an object is built with, or the exception's class and message."""
    try:
        built = cls(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the exception is the outcome compared
        return type(exc), str(exc)
    return ([getattr(built, f.name) for f in dataclasses.fields(built)], type(built).__name__,
            list(vars(built).items()) if hasattr(built, "__dict__") else None)


def _as_record(frozen: bool, slots: bool) -> Callable[[type], type]:
    return record(frozen=frozen, slots=slots)  # type: ignore[return-value]


def _as_dataclass(frozen: bool, slots: bool) -> Callable[[type], type]:
    return dataclasses.dataclass(frozen=frozen, slots=slots)  # type: ignore[return-value]


@pytest.mark.parametrize(("frozen", "slots"), [(True, True), (True, False), (False, False)])
@given(order=st.permutations(range(len(_CALLS))))
def test_the_first_call_builds_and_fails_as_the_dataclass(frozen: bool, slots: bool,
                                                          order: list[int]) -> None:
    """Each class is made afresh, so the first call (whichever it is: a good one, or one with
    arguments missing, unknown or repeated) meets the stand-in."""
    ours, theirs = _samples(_as_record(frozen, slots)), _samples(_as_dataclass(frozen, slots))
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine.__qualname__ == reference.__qualname__
        assert mine.__doc__ == reference.__doc__
        assert getattr(mine, "__match_args__", None) == getattr(reference, "__match_args__", None)
        for index in order:
            args, kwargs = _CALLS[index]
            assert _outcome(mine, args, kwargs) == _outcome(reference, args, kwargs), (
                mine.__name__, args, kwargs)
        assert inspect.signature(mine) == inspect.signature(reference)
        assert (mine.__dataclass_params__.frozen, mine.__dataclass_params__.init) == (
            reference.__dataclass_params__.frozen, reference.__dataclass_params__.init)
        assert (mine.__hash__ is None) == (reference.__hash__ is None)


def test_replace_and_a_default_factory_build_through_the_written_init() -> None:
    plain, factory, *_ = _samples(_as_record(True, True))
    assert dataclasses.replace(plain(1), y="z") == plain(1, "z")
    made = factory()
    assert (made.items, made.hidden) == ([], 7)
    assert dataclasses.replace(made, items=[1]).items == [1]


def test_a_pickled_record_of_the_check_comes_back_equal() -> None:
    from argmap._findings import Finding, Location, Severity

    finding = Finding("AM001", "rule", Severity.ERROR, "m", Location("f", 2))
    assert pickle.loads(pickle.dumps(finding)) == finding  # noqa: S301


def test_a_field_without_default_after_one_with_is_refused_when_the_class_is_made() -> None:
    def make(decorate: Callable[[type], type]) -> str:
        with pytest.raises(TypeError) as caught:
            @decorate
            class Misordered:
                """``y`` has no default, after ``x`` with one."""

                x: int = 0
                y: int  # type: ignore[misc]
        return str(caught.value)

    assert make(_as_record(True, True)) == make(_as_dataclass(True, True)) == (
        "non-default argument 'y' follows default argument")


def test_where_dataclasses_writes_init_otherwise_the_record_writes_it_when_made(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On a Python whose ``dataclasses`` has another ``_init_fn`` (3.13 and later), the
    record is built as ``@dataclass(frozen=True)`` builds it, ``__init__`` and all."""
    monkeypatch.setattr(_record, "_INIT_LATER", False)
    for mine, reference in zip(_samples(_as_record(True, True)),
                               _samples(_as_dataclass(True, True)), strict=True):
        assert vars(mine)["__init__"].__code__.co_filename == "<string>"
        for args, kwargs in _CALLS:
            assert _outcome(mine, args, kwargs) == _outcome(reference, args, kwargs)


def test_a_class_with_its_own_init_or_a_dataclass_base_keeps_the_dataclass_path() -> None:
    @record
    class Own:
        """Its own ``__init__``, which the dataclass keeps."""

        x: int

        def __init__(self, x: int) -> None:
            object.__setattr__(self, "x", x * 2)

    assert Own(2).x == 4

    @dataclasses.dataclass(frozen=True)
    class Base:
        x: int

    @record
    class Child(Base):
        """A frozen dataclass's subclass, made as the dataclass makes it."""

        y: int = 0

    assert (Child(1, 2).x, Child(1).y) == (1, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Child(1).x = 2  # type: ignore[misc]


def test_a_record_without_eq_or_repr_keeps_the_class_s_own_as_the_dataclass_does() -> None:
    def make(decorate: Callable[[type], type]) -> type:
        @decorate
        class Own:
            """Compared by ``x`` alone, shown as ``x``."""

            x: int
            y: int = 0

            def __eq__(self, other: object) -> bool:
                return isinstance(other, Own) and other.x == self.x

            def __hash__(self) -> int:
                return self.x

            def __repr__(self) -> str:
                return f"<{self.x}>"

        return Own

    mine = make(record(init=True, eq=False, repr=False))  # type: ignore[arg-type]
    reference = make(dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False))
    for name in ("__eq__", "__hash__", "__repr__"):
        assert vars(mine)[name].__code__.co_filename == __file__
    assert (mine(1, 2) == mine(1, 3), hash(mine(4)), repr(mine(5))) == (
        reference(1, 2) == reference(1, 3), hash(reference(4)), repr(reference(5)))
    with pytest.raises(ValueError, match="eq must be true if order is true"):
        record(order=True, eq=False)
    assert RECORDS[mine] == {"order": False, "frozen": True, "eq": False, "repr": False}


_ARGUMENT = st.none() | st.integers(-1, 1) | st.just([1]) | st.just(
    _record._HAS_DEFAULT_FACTORY)  # noqa: SLF001 - the dataclass's marker, passed as an argument


@pytest.mark.parametrize(("frozen", "slots"), [(True, True), (True, False), (False, False)])
@pytest.mark.parametrize("plain_calls", [0, 1, 100])
@settings(max_examples=50)
@given(calls=st.lists(st.tuples(
    st.lists(_ARGUMENT, max_size=4),
    st.dictionaries(st.sampled_from(["x", "items", "y", "z", "self"]), _ARGUMENT, max_size=3)),
    min_size=1, max_size=6))
def test_a_plain_record_is_built_by_the_stand_in_as_the_dataclass_builds_it(
        frozen: bool, slots: bool, plain_calls: int,
        calls: list[tuple[list[Any], dict[str, Any]]]) -> None:
    """The stand-in builds the first records of a class of plain fields itself: the same
    fields, set in the same order (an object's ``__dict__`` too), the same factory calls,
    and for any call the dataclass's ``__init__`` refuses, that refusal."""
    saved = _record._PLAIN_CALLS  # noqa: SLF001
    _record._PLAIN_CALLS = plain_calls  # noqa: SLF001
    try:
        mine = _samples(_as_record(frozen, slots))[-1]
    finally:
        _record._PLAIN_CALLS = saved  # noqa: SLF001
    reference = _samples(_as_dataclass(frozen, slots))[-1]
    for args, kwargs in calls:
        assert _outcome(mine, tuple(args), kwargs) == _outcome(reference, tuple(args), kwargs)
