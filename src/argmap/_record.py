"""``record``: ``@dataclass(frozen=True, slots=True)`` whose comparison, hash and repr are
compiled when first called, not when the class is created.

A dataclass writes the source of each method it adds and compiles it with ``exec`` when the
class is created: for a frozen, slotted class six compilations (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), about half a million instructions
each, and most classes are never compared, hashed or printed in a given run. ``record`` lets
the dataclass write ``__init__`` and the frozen attribute methods, and gives the class a stand-in
for each of ``__eq__``, ``__hash__``, ``__repr__`` (and the four orderings): called once, it has
``dataclasses`` write that method, from the same fields, on a twin class without ``__init__``,
puts it on the class in its own place and calls it. The methods are thus the dataclass's own
(closures over the fields read with ``attrgetter`` took two to three times as long per call).
Callgrind, a whole check: the paper's 1,528.7 -> 1,473.1 M, 1,000 claims 2,170.9 -> 2,113.9 M.

A record made with ``init=False`` (``slot_record``, whose ``__init__`` is ``slot_init``'s)
gets the frozen ``__setattr__`` and ``__delattr__`` as closures, with the state methods a
slotted frozen dataclass has, and the dataclass is made without ``frozen``: the frozen
dataclass's ``__init__`` is the only code that needs its compiled methods, and these classes
have none. Their ``__dataclass_params__`` says ``frozen=False``; nothing reads it. Callgrind,
eleven classes: the paper's check 1,424.1 -> 1,411.1 M, 1,000 claims 1,989.9 -> 1,979.8 M.
``tests/test_record.py`` holds every class to what ``@dataclass`` builds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
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
def record(*, order: bool = ..., slots: bool = ..., init: bool = ...
           ) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, order: bool = False, slots: bool = True,
           init: bool = True) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, slots=True)`` (``order=True``, ``slots=False`` if asked),
    built without compiling ``__eq__``, ``__hash__``, ``__repr__`` and the orderings.
    ``init=False``: no ``__init__`` either, for a class ``slot_init`` gives its own."""

    def wrap(cls: type[T]) -> type[T]:
        return _record(cls, order=order, slots=slots, init=init)

    return wrap if cls is None else wrap(cls)


def _record(cls: type[T], *, order: bool, slots: bool, init: bool) -> type[T]:
    defined = [name for name in _WRITTEN if name in vars(cls)]
    if defined:
        raise TypeError(f"{cls.__name__} defines {', '.join(defined)}: use @dataclass")
    if init:
        cls = dataclasses.dataclass(frozen=True, slots=slots, eq=False, repr=False)(cls)
    else:  # no __init__ that assigns through the frozen __setattr__: closures serve
        for name in ("__setattr__", "__delattr__"):
            if name in vars(cls):  # as the frozen dataclass refuses it
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
        names = _frozen(cls)
        built: Any = dataclasses.dataclass(slots=slots, eq=False, repr=False, init=False)(cls)
        names.update(field.name for field in dataclasses.fields(built))
        if slots:  # as _add_slots gives a frozen dataclass, whose state setattr cannot restore
            if "__getstate__" not in vars(built):
                built.__getstate__ = _getstate
            if "__setstate__" not in vars(built):
                built.__setstate__ = _setstate
        cls = built
    for name in _WRITTEN if order else _WRITTEN[:3]:
        _add(cls, name, _stand_in(cls, name))
    RECORDS[cls] = order
    return cls


def _frozen(cls: type) -> set[str]:
    """Give ``cls`` the frozen dataclass's ``__setattr__`` and ``__delattr__``, as closures
    (the dataclass compiles each, about 0.6 M instructions); returns the set of field names
    they refuse, to be filled once the dataclass has its fields. As the dataclass's, they
    are put on the class before slots are added, so they name the class without slots."""
    names: set[str] = set()
    owner: Any = cls  # the class without slots, as the dataclass's methods name it

    def setattr_(self: Any, name: str, value: Any) -> None:
        if type(self) is owner or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)

    def delattr_(self: Any, name: str) -> None:
        if type(self) is owner or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)

    _add(cls, "__setattr__", setattr_)
    _add(cls, "__delattr__", delattr_)
    return names


def _getstate(self: Any) -> list[Any]:
    """A slotted frozen dataclass's state: its fields' values."""
    return [getattr(self, field.name) for field in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    """Set a slotted frozen dataclass's fields from :func:`_getstate`'s list."""
    for field, value in zip(dataclasses.fields(self), state, strict=False):
        object.__setattr__(self, field.name, value)


#: The ``dataclass`` options that write a method (with ``init=False`` and nothing else): the
#: hash is the frozen one's, which ``unsafe_hash`` writes alike.
_WRITERS: dict[str, dict[str, bool]] = {
    "__eq__": {"eq": True},
    "__hash__": {"eq": False, "unsafe_hash": True},
    "__repr__": {"eq": False, "repr": True},
    **{ordering: {"eq": True, "order": True} for ordering in _WRITTEN[3:]},
}


def _stand_in(cls: type, name: str) -> Callable[..., Any]:
    """The method ``name`` until it is first called: then the dataclass's, from then on (the
    four orderings are written together)."""

    def stand_in(*args: Any) -> Any:
        twin = _written_by_dataclass(cls, name)
        for written in _WRITTEN[3:] if name in _WRITTEN[3:] else (name,):
            setattr(cls, written, vars(twin)[written])
        return getattr(cls, name)(*args)

    return stand_in


def _written_by_dataclass(cls: type, name: str) -> type:
    """A class on which ``@dataclass`` wrote the method ``name`` for ``cls``'s fields."""
    fields = [(f.name, f.type, dataclasses.field(repr=f.repr, hash=f.hash, compare=f.compare))
              for f in dataclasses.fields(cls)]
    options: dict[str, Any] = {"init": False, "repr": False, "match_args": False,
                               **_WRITERS[name]}
    namespace = {"__qualname__": cls.__qualname__, "__module__": cls.__module__,
                 "__doc__": _TWIN_DOC}
    return dataclasses.make_dataclass(cls.__name__, fields, namespace=namespace, **options)


#: A class without a docstring gets its signature as one, from ``inspect.signature``: half
#: of making a twin.
_TWIN_DOC = "The methods a dataclass writes for a record's fields."


def _add(cls: type, name: str, method: Callable[..., Any]) -> None:
    method.__name__ = name
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    method.__module__ = cls.__module__
    setattr(cls, name, method)
