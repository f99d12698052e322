"""A quicker ``__init__`` for the frozen, slotted dataclasses a check builds by the hundred
thousand (figures read, intervals compared, quotes anchored).

A frozen dataclass's own ``__init__`` sets each field through ``object.__setattr__``, which
looks the slot up by name every time: most of the cost of building a small object. The one
written here gives the object, for the time it sets its fields, a subclass that adds no
slot and is not frozen, where each field is a plain attribute store (the interpreter's quickest:
a call of each slot's descriptor took three times as long for a figure's sixteen fields),
and gives it its own class back: the same parameters, defaults and order, so every call
reads the same (tests/test_slotinit.py compares the two). An object of a subclass is set
through the descriptors.

``slot_record`` is ``@record`` with this ``__init__``: the record is made with
``init=False``, so that the dataclass does not compile an ``__init__`` this one replaces
(about a million instructions a class, paid by every process that imports it);
:func:`dataclass_init` builds that one for the tests that compare the two.
"""

from __future__ import annotations
import __future__

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, cast, dataclass_transform, overload

from argmap._codecache import cached_compile
from argmap._record import record

__all__ = ["SLOT_INIT_CLASSES", "dataclass_init", "slot_init", "slot_maker", "slot_record"]

T = TypeVar("T")

#: The ``__future__`` flags of this module, which ``exec`` of a text here compiles it with.
_FLAGS = __future__.annotations.compiler_flag

#: Every class given the quicker ``__init__``, for the tests that compare it with the
#: dataclass's (:func:`dataclass_init`).
SLOT_INIT_CLASSES: list[type] = []


def dataclass_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` ``@dataclass(frozen=True)`` writes for ``cls``'s fields: it sets each
    field through ``object.__setattr__``, so it sets an object of ``cls`` too."""
    fields = [(f.name, f.type, dataclasses.field(default=f.default,
                                                 default_factory=f.default_factory,
                                                 init=f.init, kw_only=f.kw_only))
              for f in dataclasses.fields(cls)]
    twin = dataclasses.make_dataclass(cls.__name__, fields, frozen=True, eq=False, repr=False,
                                      match_args=False)
    init: Callable[..., None] = vars(twin)["__init__"]
    return init


#: ``obj.__class__ = cls`` as one call of the ``__class__`` descriptor's setter: through
#: ``object.__setattr__`` each switch also checked the call, looked the name up on the type
#: and built a tuple of the arguments (about 1,000 of its 2,400 instructions).
_SET_CLASS: Callable[[object, type], None] = vars(object)["__class__"].__set__


def _open_class(cls: type) -> type:
    """The class an object of ``cls`` has while its fields are set: a subclass that adds no
    slot and sets attributes as ``object`` does (not frozen). Python checks a switch of
    ``__class__`` between classes of the same layout by walking down to the first base
    that adds slots; for a subclass that adds none that base is ``cls`` on both sides, so
    the check no longer compares the two classes' tuples of slot names (a sibling class of
    the same slots, as before, made each switch compare them: about 500 instructions)."""
    return type(f"_Open{cls.__name__}", (cls,), {
        "__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__,
        "__module__": cls.__module__, "__qualname__": f"{cls.__qualname__}._Open"})


#: Each class given the quicker ``__init__`` -> its open class (:func:`_open_class`).
_OPEN: dict[type, type] = {}


def slot_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an ``__init__`` that sets its slots directly.

    Apply it above ``@dataclass(frozen=True, slots=True)``. Only plain fields are supported
    (positional, with or without a constant default): anything else raises ``TypeError``
    here, when the class is defined, instead of building objects differently.
    """
    if not dataclasses.is_dataclass(cls) or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or len(fields) != len(vars(cls)["__dataclass_fields__"]):
        raise TypeError(f"{cls.__name__} has a __post_init__, an InitVar or a ClassVar")
    _OPEN[cls] = opened = _open_class(cls)
    namespace: dict[str, Any] = {
        "_cls": cls,
        "_open": opened,
        "_set_class": _SET_CLASS,
        "_type": type,  # not ``type``: a field may be named so (``Outcome.type``)
    }
    params, stores, lines = [], [], []
    for field in fields:
        if not field.init or field.kw_only or field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{field.name} is not a plain field")
        if field.name == "self" or field.name.startswith("_"):  # the generated code's names
            raise TypeError(f"{cls.__name__}.{field.name} would hide a name __init__ reads")
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
              "        _set_class(self, _open)\n"
              + "".join(line + "\n" for line in stores)
              + "        _set_class(self, _cls)\n"
              "    else:\n" + ("\n".join(lines) if lines else "        pass"))
    # code built from the dataclass's field names, compiled as exec compiles it here (with
    # this module's annotations flag), its code kept on disk (argmap._codecache)
    exec(cached_compile(source + "\n", "<string>", "exec", _FLAGS), namespace)  # noqa: S102
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    SLOT_INIT_CLASSES.append(cls)
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


def slot_maker(cls: type[T], name: str | None = None) -> Callable[..., T]:
    """A function that builds an object of ``cls`` (given the quicker ``__init__``) from all
    its fields, positionally and in their order: ``cls(*fields)`` without the call of the
    class (the interpreter's call of a class and its ``__init__``) and with one switch of
    ``__class__``, not two (the object is made of the open class): 5,300 instructions
    where calling :class:`~argmap._verify.numbers.mention.Mention` took 6,900. For the
    places that build such objects by the ten thousand. ``name``: the module's name for
    the function, so that pickle finds it (a ``__reduce__`` may give it)."""
    opened = _OPEN.get(cls)
    if opened is None:
        raise TypeError(f"{cls.__name__} has no quicker __init__ (slot_init)")
    names = [field.name for field in dataclasses.fields(cast(Any, cls))]  # slot_init checked
    namespace: dict[str, Any] = {"_new": object.__new__, "_open": opened, "_cls": cls,
                                 "_set_class": _SET_CLASS}
    params = f"{', '.join(names)}, /" if names else ""  # "make(/)" is not Python
    source = (f"def make({params}):\n"
              "    self = _new(_open)\n"
              + "".join(f"    self.{name} = {name}\n" for name in names)
              + "    _set_class(self, _cls)\n"
              "    return self\n")
    # compiled as exec compiles it here, its code kept on disk (argmap._codecache)
    exec(cached_compile(source, "<string>", "exec", _FLAGS), namespace)  # noqa: S102
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = make.__name__ = name or f"make_{cls.__name__}"
    make.__module__ = cls.__module__
    return make


@overload
def slot_record(cls: type[T], /) -> type[T]: ...


@overload
def slot_record(*, eq: bool = ..., repr: bool = ...) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def slot_record(cls: type[T] | None = None, /, *, eq: bool = True, repr: bool = True
                ) -> type[T] | Callable[[type[T]], type[T]]:
    """``@slot_init`` over ``@record``, without the dataclass's own ``__init__`` (``eq=False``,
    ``repr=False``: with the class's own methods, as ``record`` keeps them)."""

    def wrap(cls: type[T]) -> type[T]:
        return slot_init(record(init=False, eq=eq, repr=repr)(cls))

    return wrap if cls is None else wrap(cls)
