"""``record``: ``@dataclass(frozen=True, slots=True)`` whose methods are compiled when first
called, not when the class is created.

A dataclass writes the source of each method it adds and compiles it with ``exec`` when the
class is created: for a frozen, slotted class six compilations (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), about half a million instructions
each, and most classes are never compared, hashed or printed in a given run. ``record`` gives
the class a stand-in for each of ``__eq__``, ``__hash__``, ``__repr__`` (and the four
orderings): called once, it has ``dataclasses`` write that method, from the same fields, on a
twin class without ``__init__``, puts it on the class in its own place and calls it. The
methods are thus the dataclass's own (closures over the fields read with ``attrgetter`` took
two to three times as long per call). Callgrind, a whole check: the paper's 1,528.7 ->
1,473.1 M, 1,000 claims 2,170.9 -> 2,113.9 M.

The dataclass is made without ``frozen`` and without ``__init__``: the frozen ``__setattr__``
and ``__delattr__`` are closures (with the state methods a slotted frozen dataclass has), and
``__init__`` is a stand-in that, at the first construction, has ``dataclasses._init_fn`` write
the frozen dataclass's ``__init__`` (which sets each field through ``object.__setattr__``)
from the arguments ``@dataclass(frozen=True)`` would have passed it, puts it on the class and
calls it: a class never built in a run costs no compilation, and one that is built runs the
dataclass's own ``__init__`` from then on (``tests/test_records18_lazy_init.py`` compares its
bytecode with the one ``@dataclass`` writes). ``__dataclass_params__`` says ``init`` and
``frozen`` as the dataclass's would. Before the first construction ``inspect.signature`` of the
class reads the stand-in's ``(*args, **kwargs)``. Where ``dataclasses`` writes ``__init__``
otherwise (Python 3.13 compiles a class's methods in one ``exec``), a class without a
docstring (the dataclass makes one from the signature), one with its own ``__init__`` or with
a dataclass among its bases is built as before, ``__init__`` with the class. Of the paper's
check's 24 records 13 are built, and none is assigned to: about 36.5 M instructions fewer.
For a class of plain fields (none keyword-only, ``InitVar`` or left out of ``__init__``, and
no ``__post_init__``) the stand-in itself builds the first hundred records, from arguments
the dataclass's ``__init__`` would take, setting the fields in its order, default factories
called as it calls them; any other call, and the hundred-and-first, has ``__init__``
written: most classes on a check's path are built a few times (18 classes, 209 records on
the paper's), and writing one costs some 1.4 M instructions. Callgrind: the paper's
1,366.1 -> 1,348.3 M, 1,000 claims 1,926.8 -> 1,912.5 M; the whole change at 10,000 claims
10,336.1 -> 10,250.8 M.

``init=False`` (``slot_record``, whose ``__init__`` is ``slot_init``'s) gives no ``__init__``
at all; their ``__dataclass_params__`` says ``frozen=False``. ``eq=False`` and ``repr=False``
keep the class's own methods, as the dataclass does. ``frozen=False`` (with ``slots=False``)
is the plain ``@dataclass``: ``__hash__`` is None and its ``__init__`` assigns (five classes
on a check's path, never compared or printed there: 4.8 M). Callgrind, a whole check, with
``AnchorResult`` a ``slot_record(eq=False, repr=False)``: the paper's 1,411.4 -> 1,366.1 M,
1,000 claims 1,979.7 -> 1,926.8 M. ``tests/test_record.py`` holds every class to what
``@dataclass`` builds.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["RECORDS", "record", "written_init"]

T = TypeVar("T")

#: Every class ``record`` built, and whether it orders and is frozen: for the tests that
#: compare each with what ``@dataclass`` builds.
RECORDS: dict[type, dict[str, bool]] = {}

#: What ``record`` writes: a class that defines one of them itself is refused, where the
#: dataclass would have kept the class's own.
_WRITTEN = ("__eq__", "__hash__", "__repr__", "__lt__", "__le__", "__gt__", "__ge__")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, order: bool = ..., slots: bool = ..., init: bool = ..., frozen: bool = ...,
           eq: bool = ..., repr: bool = ...) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, order: bool = False, slots: bool = True,
           init: bool = True, frozen: bool = True, eq: bool = True, repr: bool = True
           ) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, slots=True)`` (``order=True``, ``slots=False`` if asked),
    built without compiling ``__eq__``, ``__hash__``, ``__repr__`` and the orderings.
    ``init=False``: no ``__init__`` either, for a class ``slot_init`` gives its own.
    ``frozen=False``: the plain ``@dataclass`` (``slots=False``), unhashable as it is.
    ``eq=False``, ``repr=False``: as the dataclass's, the class keeps its own (or object's)."""
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    written = [name for name in _WRITTEN if (eq and name != "__repr__"
                                             and (order or name not in _WRITTEN[3:])
                                             and (frozen or name != "__hash__"))
               or (repr and name == "__repr__")]

    def wrap(cls: type[T]) -> type[T]:
        return _record(cls, written, slots=slots, init=init, frozen=frozen)

    return wrap if cls is None else wrap(cls)


def _record(cls: type[T], written: list[str], *, slots: bool, init: bool, frozen: bool
            ) -> type[T]:
    defined = [name for name in written if name in vars(cls)]
    if defined:
        raise TypeError(f"{cls.__name__} defines {', '.join(defined)}: use @dataclass")
    later = (init and _INIT_LATER and cls.__doc__ and "__init__" not in vars(cls)
             and not any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]))
    if init and not later:  # as the dataclass builds it: __init__ written now
        cls = dataclasses.dataclass(frozen=frozen, slots=slots, eq=False, repr=False)(cls)
    elif not frozen:
        cls = dataclasses.dataclass(slots=slots, eq=False, repr=False, init=False)(cls)
        if later:
            _init_later(cls, slots=slots, frozen=False)
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
        if later:
            _init_later(built, slots=slots, frozen=True)
        cls = built
    for name in written:
        _add(cls, name, _stand_in(cls, name))
    if "__eq__" in written and not frozen:  # as the dataclass leaves a class that compares
        cls.__hash__ = None  # type: ignore[assignment]
    RECORDS[cls] = {"order": "__lt__" in written, "frozen": frozen, "eq": "__eq__" in written,
                    "repr": "__repr__" in written}
    return cls


#: The function ``dataclasses`` writes ``__init__`` with, where its signature is the one this
#: module calls (Python 3.11 and 3.12; 3.13 compiles all of a class's methods in one
#: ``exec``, and there a record's ``__init__`` is written with the class, as before).
_INIT_FN: Any = getattr(dataclasses, "_init_fn", None)
_INIT_LATER = (
    getattr(_INIT_FN, "__code__", None) is not None
    and _INIT_FN.__code__.co_varnames[:8] == ("fields", "std_fields", "kw_only_fields", "frozen",
                                              "has_post_init", "self_name", "globals", "slots")
    and all(hasattr(dataclasses, name)
            for name in ("_FIELD", "_FIELD_INITVAR", "_HAS_DEFAULT_FACTORY")))


def _init_later(cls: type, *, slots: bool, frozen: bool) -> None:
    """Give ``cls`` (built by the dataclass without ``__init__``) a stand-in that builds the
    first records of plain fields itself and then has ``dataclasses`` write the dataclass's
    ``__init__`` from the same fields and arguments as ``@dataclass`` would have, puts it on
    the class and calls it: from then on a record is built by the dataclass's own. What
    ``@dataclass`` checks when it writes ``__init__`` (a field without a default after one
    with) is checked here, when the class is made."""
    every = vars(cls)["__dataclass_fields__"]
    kinds = (dataclasses._FIELD, dataclasses._FIELD_INITVAR)  # type: ignore[attr-defined]  # noqa: SLF001
    fields = [f for f in every.values() if f._field_type in kinds]  # noqa: SLF001
    positional = tuple(f for f in fields if f.init and not f.kw_only)
    keyword = tuple(f for f in fields if f.init and f.kw_only)
    seen_default = False
    for f in positional:
        if not (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING):
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    module = sys.modules.get(cls.__module__)
    arguments = (fields, positional, keyword, frozen, hasattr(cls, "__post_init__"),
                 "__dataclass_self__" if "self" in every else "self",
                 module.__dict__ if module is not None else {}, slots)

    def write() -> Callable[..., None]:
        written: Callable[..., None] = _INIT_FN(*arguments)
        written.__qualname__ = f"{cls.__qualname__}.__init__"
        return written

    missing = dataclasses.MISSING
    spec = tuple((f.name, f.default, f.default_factory) for f in positional)
    names = frozenset(name for name, _, _ in spec)
    required = tuple((i, f.name) for i, f in enumerate(positional)
                     if f.default is missing and f.default_factory is missing)
    assign = object.__setattr__ if frozen else setattr
    # the first calls, for a class of plain fields only (no keyword-only field, InitVar,
    # field left out of __init__ or __post_init__), and with arguments the dataclass's
    # __init__ takes: any other call has it written and raise what it raises
    plain = len(positional) == len(fields) and not keyword and not arguments[4]
    left = _PLAIN_CALLS if plain else 0

    def stand_in(self: Any, /, *args: Any, **kwargs: Any) -> None:
        nonlocal left
        given = len(args)
        if left and given <= len(spec) and (not kwargs or (
                kwargs.keys() <= names and not any(name in kwargs for name, _, _ in spec[:given]))
        ) and all(i < given or name in kwargs for i, name in required):
            left -= 1
            for i, (name, default, factory) in enumerate(spec):  # as the dataclass's __init__
                if i < given:
                    value = args[i]
                elif name in kwargs:
                    value = kwargs[name]
                else:
                    value = default if factory is missing else _HAS_DEFAULT_FACTORY
                if factory is not missing and value is _HAS_DEFAULT_FACTORY:
                    value = factory()
                assign(self, name, value)
            return
        written = write()
        cls.__init__ = written  # type: ignore[misc]
        written(self, *args, **kwargs)

    _add(cls, "__init__", stand_in)
    _WRITE_INIT[cls] = write
    params = vars(cls)["__dataclass_params__"]  # what the dataclass with __init__ would say
    params.init, params.frozen = True, frozen


#: How many records of a class of plain fields the stand-in builds itself (setting each field
#: as the dataclass's ``__init__`` does, a few thousand instructions a record) before it has
#: the dataclass write ``__init__`` (some 1.4 M instructions, ``_init_fn`` and ``exec``).
_PLAIN_CALLS = 100

#: The dataclass's marker of an argument not given for a field with a default factory (its
#: ``__init__`` calls the factory for it, given or not): a private name, read where it is.
_HAS_DEFAULT_FACTORY: Any = getattr(dataclasses, "_HAS_DEFAULT_FACTORY", None)

#: How each record whose ``__init__`` is written when first called writes it: for the tests.
_WRITE_INIT: dict[type, Callable[[], Callable[..., None]]] = {}


def written_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` the dataclass writes for the record ``cls`` (for the tests, which
    compare it with the ``__init__`` of ``@dataclass(frozen=True)``)."""
    written: Callable[..., None] = (
        _WRITE_INIT[cls]() if cls in _WRITE_INIT else vars(cls)["__init__"])
    return written


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
