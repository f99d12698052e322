"""A second validator of :class:`~argmap._model.ArgumentMap` with fewer calls into Python,
tried first on every map; a map it refuses is validated again by the model's own validator.

pydantic compiles most of the model to Rust, but not all: a length or pattern constraint
written after a ``BeforeValidator`` (source IDs, periods, a relation's premises) becomes a
Python function per value, and so does each list field's default factory. At 10,000 claims
that was about 90,000 Python calls, a quarter of the validation. This module rewrites the
model's core schema so that those steps run in Rust:

- a length constraint (``min_length_validator``, ``max_length_validator``) and a pattern
  pydantic chained after the value's schema move into the string or list schema itself;
- a before-validator that reads a number as text (``_number_as_text``, ``_year_as_text``)
  becomes "a string, or else a strict integer written as text";
- a period that is certainly a calendar period (four digits, or a year-month, or a day no
  later than the 28th of a year from 1000) skips ``_check_period``; any other goes through it;
- the list fields' default factory is ``list``.

The rewritten validator accepts a subset of what the model's own accepts (each rewrite keeps
the same checks or adds one) and builds the same nodes from it. Whatever it refuses, the
model's own validator validates again, so that a map with a problem gets exactly the errors
it always got. A node of the schema the rewrite does not recognise is kept as it is, which
is always correct. ``tests/test_fast_schema.py`` holds the two validators to the same result.

The rewritten schema is written out as Python in ``_fast_schema_data``
(``python -m argmap._load.fast_schema``): a process compiles it from there, and generates
the model's own schema (30-40 ms) only for a map the rewritten validator refuses. A file
written for another ``_model.py`` or pydantic-core is not used.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._lazyre import lazy_compile

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from pydantic.plugin._schema_validator import PluggableSchemaValidator
    from pydantic_core import SchemaValidator

    from argmap._model import ArgumentMap

__all__ = ["fast_validator", "validate_map"]

_LENGTHS = {"min_length_validator": "min_length", "max_length_validator": "max_length"}
_CONSTRAINT_WRAPPER = "_apply_constraint_with_incompatibility_info"
#: A period ``_check_period`` cannot refuse: a year, a year-month, or a date whose day every
#: month has (the year from 1000: ``date`` refuses year 0). ASCII digits only.
_SURE_PERIOD = (
    r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"
)


def _function_of(node: dict[str, Any]) -> Any:
    function = node.get("function")
    return function.get("function") if isinstance(function, dict) else None


def _length_constraint(function: Any) -> tuple[str, int] | None:
    """``(name, value)`` of pydantic's Python length check, or None for another function."""
    if not isinstance(function, functools.partial) or function.args:
        return None
    name = _LENGTHS.get(getattr(function.func, "__name__", ""))
    if name is None or set(function.keywords) != {name}:
        return None
    if function.func.__module__ != "pydantic._internal._validators":
        return None
    return name, function.keywords[name]


def _with_constraints(node: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any] | None:
    """``node`` with the constraints ``extra`` checked on its result, or None if unsure.

    They go into the string or list schema inside any before-validators: a before-validator
    runs first, so the value the constraints see is the same.
    """
    kind = node.get("type")
    if kind == "function-before":
        inner = _with_constraints(node["schema"], extra)
        return None if inner is None else {**node, "schema": inner}
    if kind in ("str", "list") and not set(extra) & set(node):
        if kind == "list" and set(extra) - {"min_length", "max_length"}:
            return None
        return {**node, **extra}
    return None


def _rewrite(node: Any, known: dict[str, Any]) -> Any:
    """The schema below ``node`` with the Python steps that have a Rust equal replaced.

    Constraints move in first (they need the before-validator still in place to find the
    string schema); the number-as-text steps are replaced after, in a second pass.
    """
    return _numbers(_constraints(node, known), known)


def _bottom_up(node: Any, visit: Callable[[dict[str, Any]], Any]) -> Any:
    """``node`` with ``visit`` applied to each schema dict below it, children first."""
    if isinstance(node, list):
        return [_bottom_up(item, visit) for item in node]
    if not isinstance(node, dict):
        return node
    return visit({key: _bottom_up(value, visit) for key, value in node.items()})


def _constraints(node: Any, known: dict[str, Any]) -> Any:
    return _bottom_up(node, lambda new: _constraint_step(new, known))


def _constraint_step(new: dict[str, Any], known: dict[str, Any]) -> Any:
    kind = new.get("type")
    function = _function_of(new)
    if kind == "function-after":
        length = _length_constraint(function)
        if length is not None:
            inner = _with_constraints(new["schema"], dict([length]))
            return new if inner is None else inner
        if function is known["_check_period"]:
            return _sure_period_first(new)
    if kind == "chain":
        return _merge_chain(new)
    if kind == "default" and new.get("default_factory") is known["_no_items"]:
        return {**new, "default_factory": list}
    return new


def _numbers(node: Any, known: dict[str, Any]) -> Any:
    as_text = (known["_number_as_text"], known["_year_as_text"])

    def step(new: dict[str, Any]) -> Any:
        if new.get("type") == "function-before" and _function_of(new) in as_text:
            return _number_or_text(new)
        return new

    return _bottom_up(node, step)


def _merge_chain(node: dict[str, Any]) -> dict[str, Any]:
    """``chain([S, wrap(str_schema(pattern=P))])``, pydantic's pattern after a validator,
    as ``S`` with the pattern inside."""
    first, *rest = node["steps"]
    for step in rest:
        inner = step.get("schema") if step.get("type") == "function-wrap" else None
        function = _function_of(step)
        if (
            inner is None
            or getattr(function, "__name__", "") != _CONSTRAINT_WRAPPER
            or inner.get("type") != "str"
        ):
            return node
        extra = {key: value for key, value in inner.items() if key not in ("type", "metadata")}
        merged = _with_constraints(first, extra)
        if merged is None:
            return node
        first = merged
    return first  # type: ignore[no-any-return]


def _number_or_text(node: dict[str, Any]) -> dict[str, Any]:
    """``before(number-as-text, str_schema(C))`` as "a string with C, or a strict integer
    written as a string with C"; the same values pass, and an integer reads as ``str(n)``."""
    inner = node["schema"]
    if inner.get("type") != "str" or inner.get("strict") or inner.get("coerce_numbers_to_str"):
        return node
    return {
        "type": "union",
        "mode": "left_to_right",
        "choices": [
            {**inner, "strict": True},
            {
                "type": "chain",
                "steps": [
                    {"type": "int", "strict": True},
                    # lax: only the lax mode turns a number into text (the step before
                    # lets only integers through)
                    {**inner, "coerce_numbers_to_str": True},
                ],
            },
        ],
    }


def _sure_period_first(node: dict[str, Any]) -> dict[str, Any]:
    """A period that is certainly one, passed without ``_check_period``; else the check."""
    sure: list[dict[str, Any]] = [
        {"type": "str", "strict": True, "pattern": _SURE_PERIOD},
        {
            "type": "chain",
            "steps": [
                {"type": "int", "strict": True, "ge": 1000, "le": 9999},
                {"type": "str", "coerce_numbers_to_str": True},
            ],
        },
    ]
    return {"type": "union", "mode": "left_to_right", "choices": [*sure, node]}


@functools.cache
def fast_validator(share_names: bool = True) -> SchemaValidator | PluggableSchemaValidator | None:
    """The rewritten validator, built once a process; None when it cannot be built.

    From the schema written out in ``_fast_schema_data`` when it was written from this
    ``_model.py`` under this pydantic-core (then the model's own schema is never generated,
    30-40 ms of every process); else by generating the model's schema and rewriting it.
    ``share_names=False``: without ``model_post_init`` (see :func:`_without_post_init`).
    """
    from pydantic.plugin._schema_validator import create_schema_validator

    from argmap._model import ArgumentMap

    try:
        schema, config = _schema(share_names)
        # as pydantic builds the model's own (so installed pydantic plugins see it too), but
        # from this schema: a model class's validator is not taken in place of its schema
        return create_schema_validator(
            schema,
            ArgumentMap,
            ArgumentMap.__module__,
            ArgumentMap.__qualname__,
            "BaseModel",
            config,  # type: ignore[arg-type]
            ArgumentMap.model_config.get("plugin_settings"),
            _use_prebuilt=False,
        )
    except Exception:  # noqa: BLE001 - without it, maps are validated as before
        return None


def _schema(share_names: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rewritten schema and its configuration, with or without ``model_post_init``.

    Without it from ``_fast_schema_data`` too, whose ``schema`` builds the schema again with
    no ``post_init``: building it costs a tenth of :func:`_without_post_init`'s rebuild of
    the schema read (instructions of the validator's build at 10,000 claims 18.2 -> 10.7 M).
    """
    module = written_module()
    if module is None:
        schema, config = _rewritten()
        return (schema if share_names else _without_post_init(schema)), config
    return (module.SCHEMA if share_names else module.schema({})), module.CONFIG


def _without_post_init(node: Any) -> Any:
    """``node`` with no model's ``post_init``: its nodes keep each their own set of given
    fields (``model_fields_set``, the same names) instead of sharing one
    (``_Model.model_post_init``, a Python call per node)."""
    if isinstance(node, list):
        return [_without_post_init(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: _without_post_init(value) for key, value in node.items() if key != "post_init"}


def _rewritten() -> tuple[dict[str, Any], dict[str, Any]]:
    """The model's schema, generated now and rewritten, and its core configuration."""
    from pydantic._internal._config import ConfigWrapper

    from argmap import _model
    from argmap._model import ArgumentMap

    known = {
        name: getattr(_model, name)
        for name in ("_check_period", "_number_as_text", "_year_as_text", "_no_items")
    }
    ArgumentMap.model_rebuild()  # builds the deferred schema, once
    schema = _rewrite(ArgumentMap.__pydantic_core_schema__, known)
    config = ConfigWrapper(ArgumentMap.model_config, check=False).core_config(
        title=ArgumentMap.__name__
    )
    return _for_validation(schema), dict(config)


def _for_validation(node: Any) -> Any:
    """A schema without what validation does not read (JSON Schema hooks, serialisers), and
    with each definition named without the class's id, so that it reads the same each run."""
    if isinstance(node, list):
        return [_for_validation(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: _REF_ID.sub("", value) if key in ("ref", "schema_ref") else _for_validation(value)
        for key, value in node.items()
        if key not in ("metadata", "serialization")
    }


_REF_ID = lazy_compile(r":\d+$")


def _model_digest() -> str:
    from argmap import _model
    from argmap._load.digest import sha256_hex

    return sha256_hex(Path(_model.__file__).read_bytes())


@functools.cache
def written_schema() -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The schema ``_fast_schema_data`` holds, if it was written for this model and
    pydantic-core; else None."""
    written = written_module()
    return None if written is None else (written.SCHEMA, written.CONFIG)


@functools.cache
def written_module() -> ModuleType | None:
    """``_fast_schema_data`` if it was written for this model and pydantic-core; else None.

    Apart from :func:`written_schema`, which reads its ``SCHEMA`` (with ``model_post_init``,
    about 2 M instructions to build): a map under ``SHARE_NAMES_FROM_ITEMS`` items needs the
    schema without it only."""
    import pydantic_core

    try:
        from argmap._load import _fast_schema_data as written
    except ImportError:  # not written yet
        return None
    if pydantic_core.__version__ != written.PYDANTIC_CORE:
        return None
    try:
        if _model_digest() != written.MODEL_SHA256:
            return None
    except OSError:  # no source to compare with
        return None
    return written


def module_source() -> str:
    """The text of ``_fast_schema_data.py``: the rewritten schema as Python, for this
    ``_model.py`` and pydantic-core (``python -m argmap._load.fast_schema`` writes it;
    ``tests/test_fast_schema.py`` checks it is up to date)."""
    import pydantic_core

    schema, config = _rewritten()
    return (
        '"""Written by ``python -m argmap._load.fast_schema``: do not edit. The rewritten schema\n'
        "of the map (see :mod:`argmap._load.fast_schema`) for the ``_model.py`` of this digest\n"
        '(another is not used).\n"""\n\n'
        "# ruff: noqa: E501, SLF001 - written by a program: its lines are as long as they are,\n"
        "# and it names the model's private validators\n\n"
        "from typing import Any\n\n"
        "from argmap import _model as m\n\n"
        f"PYDANTIC_CORE = {pydantic_core.__version__!r}\n"
        f"MODEL_SHA256 = {_model_digest()!r}\n"
        f"CONFIG: dict[str, Any] = {_literal(config, 0)}\n\n\n"
        "def schema(post_init: dict[str, str]) -> dict[str, Any]:\n"
        '    """The schema; each model node with ``post_init``\'s items (none: no\n'
        '    ``model_post_init``)."""\n'
        f"    return {_literal(schema, 4)}\n\n\n"
        "def __getattr__(name: str) -> Any:\n"
        '    """``SCHEMA``, the schema with ``model_post_init``, built when first read: a map\n'
        '    under ``SHARE_NAMES_FROM_ITEMS`` items is validated without it."""\n'
        '    if name != "SCHEMA":\n'
        "        raise AttributeError(name)\n"
        "    built = globals()[name] = schema({'post_init': 'model_post_init'})\n"
        "    return built\n"
    )


def _literal(value: Any, depth: int) -> str:
    """``value`` as Python source; the model's classes, functions and enum members by name."""
    from enum import Enum

    from argmap import _model

    inner = " " * (depth + 1)
    if isinstance(value, dict | list):
        pairs = value.items() if isinstance(value, dict) else ((None, item) for item in value)
        items = [
            "**post_init" if key == "post_init" and item == "model_post_init" else
            ("" if key is None else f"{key!r}: ") + _literal(item, depth + 1)
            for key, item in pairs
        ]
        ends = "{}" if isinstance(value, dict) else "[]"
        flat = ends[0] + ", ".join(items) + ends[1]
        if "\n" not in flat and len(flat) + depth < 96:
            return flat
        lines = "".join(f"{inner}{item},\n" for item in items)
        return f"{ends[0]}\n{lines}{' ' * depth}{ends[1]}"
    if isinstance(value, Enum):
        if getattr(_model, type(value).__name__, None) is not type(value):
            raise TypeError(value)
        return f"m.{type(value).__name__}.{value.name}"
    if value is dict or value is list:
        return value.__name__
    if type(value) in (str, int, float, bool, type(None)):
        return repr(value)
    name = getattr(value, "__qualname__", None)
    if name is not None and getattr(_model, name, None) is value:
        return f"m.{name}"
    raise TypeError(value)


#: Items of a map's lists from which the rewritten validator pays for itself when it must be
#: built from the model's schema (about 8 ms once a process, beside the 30 ms of the model's
#: own): it saves about half a microsecond a node. Built from ``_fast_schema_data`` (about
#: 3 ms, and the model's own is not built) it is used for every map.
FAST_FROM_ITEMS = 5_000
#: Items from which a map's nodes share their sets of given fields (``_Model.model_post_init``:
#: 220 MiB less at 100,000 claims, 357,000 items). Below this the rewritten validator is
#: built without ``model_post_init`` and each node keeps its own set: the Python call per
#: node cost 20 of the 135 ms of validating 10,000 claims (35,700 items, 70,000 nodes), the
#: sets about 23 MB there. A small map read from ``_fast_schema_data`` is validated without
#: it too (a process builds one validator either way): instructions of a whole check of
#: 1,000 claims 2,160.2 -> 2,135.8 M (callgrind, two runs each), of the paper's map
#: 1,519.5 -> 1,517.4 M.
SHARE_NAMES_FROM_ITEMS = 100_000


def validate_map(data: Any) -> ArgumentMap:
    """Validate map data: the rewritten validator first, the model's own when it refuses.

    A small map (under ``FAST_FROM_ITEMS`` items in its lists) goes to the model's own
    validator at once, unless the rewritten one can be read from ``_fast_schema_data``. A
    map of fewer than ``SHARE_NAMES_FROM_ITEMS`` items that the rewritten validator takes is
    validated without ``model_post_init``. Raises the model's own
    :class:`pydantic.ValidationError`, never the rewritten one's.
    """
    from pydantic import ValidationError

    from argmap._model import ArgumentMap

    items = (
        sum(len(value) for value in data.values() if isinstance(value, list))
        if isinstance(data, dict)
        else 0
    )
    share = items >= SHARE_NAMES_FROM_ITEMS
    fast = fast_validator(share) if items >= FAST_FROM_ITEMS or written_module() else None
    if fast is not None:
        try:
            return fast.validate_python(data)  # type: ignore[no-any-return]
        except ValidationError:
            pass
    return ArgumentMap.model_validate(data)


if __name__ == "__main__":  # pragma: no cover - a developer's command
    Path(__file__).with_name("_fast_schema_data.py").write_text(module_source(), encoding="utf-8")
