"""``record``: ``@dataclass(frozen=True, slots=True)`` whose comparison, hash and repr are
closures instead of compiled code.

A dataclass writes the source of each method it adds and compiles it with ``exec`` when the
class is created. For a frozen, slotted class that is six compilations (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), about half a million
instructions each: the 37 such classes the paper's check imports cost about 110 M of its
1,530 M instructions before anything is checked. ``record`` lets the dataclass write
``__init__`` and the frozen attribute methods, and builds ``__eq__``, ``__hash__``,
``__repr__`` (and with ``order=True`` the four orderings) from one tuple of the fields, read
by :func:`operator.attrgetter`: the same results as the dataclass's methods, with the same
fields (``compare``, ``hash`` and ``repr`` of each field are honoured), the same ``NotImplemented``
for another class and the same ``...`` for a recursive repr. ``tests/test_record.py`` holds
every class to what ``@dataclass`` builds.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter, eq, ge, gt, le, lt
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["RECORDS", "record"]

T = TypeVar("T")

#: Every class ``record`` built, and whether it orders: for the tests that compare each with
#: what ``@dataclass`` builds.
RECORDS: dict[type, bool] = {}

#: What ``record`` writes: a class that defines one of them itself is refused, where the
#: dataclass would have kept the class's own.
_WRITTEN = ("__eq__", "__hash__", "__repr__", "__lt__", "__le__", "__gt__", "__ge__")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, order: bool = ..., slots: bool = ...) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, order: bool = False, slots: bool = True
           ) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, slots=True)`` (``order=True``, ``slots=False`` if asked),
    built without compiling ``__eq__``, ``__hash__``, ``__repr__`` and the orderings."""

    def wrap(cls: type[T]) -> type[T]:
        return _record(cls, order=order, slots=slots)

    return wrap if cls is None else wrap(cls)


def _record(cls: type[T], *, order: bool, slots: bool) -> type[T]:
    defined = [name for name in _WRITTEN if name in vars(cls)]
    if defined:
        raise TypeError(f"{cls.__name__} defines {', '.join(defined)}: use @dataclass")
    cls = dataclasses.dataclass(frozen=True, slots=slots, eq=False, repr=False)(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    compared = _tuple_of([f.name for f in fields if f.compare])
    hashed = _tuple_of([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in fields if f.repr]
    _add(cls, "__eq__", _comparison(compared, eq))
    _add(cls, "__hash__", _hash(hashed))
    _add(cls, "__repr__", _repr(shown))
    if order:
        for name, compare in (("__lt__", lt), ("__le__", le), ("__gt__", gt), ("__ge__", ge)):
            _add(cls, name, _comparison(compared, compare))
    RECORDS[cls] = order
    return cls


def _tuple_of(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function of an object that gives the tuple of those attributes, as the dataclass's
    ``(self.a, self.b,)``: a tuple even of one or none, so that comparing two compares tuples
    (an element identical to the other's is equal to it, as a NaN)."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        read = attrgetter(names[0])
        return lambda obj: (read(obj),)
    return lambda _obj: ()


def _comparison(key: Callable[[Any], tuple[Any, ...]],
                compare: Callable[[tuple[Any, ...], tuple[Any, ...]], bool]
                ) -> Callable[[Any, Any], Any]:
    def method(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compare(key(self), key(other))
        return NotImplemented

    return method


def _hash(key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def hash_of(self: Any) -> int:
        return hash(key(self))

    return hash_of


def _repr(names: list[str]) -> Callable[[Any], str]:
    read = _tuple_of(names)

    @reprlib.recursive_repr("...")
    def repr_of(self: Any) -> str:
        shown = ", ".join(f"{name}={value!r}"
                          for name, value in zip(names, read(self), strict=True))
        return f"{self.__class__.__qualname__}({shown})"

    return repr_of


def _add(cls: type, name: str, method: Callable[..., Any]) -> None:
    method.__name__ = name
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    method.__module__ = cls.__module__
    setattr(cls, name, method)
