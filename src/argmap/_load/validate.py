"""Turning pydantic validation errors into located findings (AM111-AM114).

One finding per problem: errors of the members of a union are merged and the most specific
kept; an unknown key gets the closest valid key as a hint.
"""

from __future__ import annotations

import difflib
import functools
import re
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from argmap._findings import Finding
from argmap._load.codes import INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEY, WRONG_TYPE, load_problem
from argmap._load.positions import PathStep
from argmap._recache import recompile
from argmap._text import short_repr

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

#: What messages call an item of each list ("claim 'C1'", "quantity 'Q2'").
KIND_OF_COLLECTION = {
    "sections": "section",
    "claims": "claim",
    "relations": "relation",
    "evidence": "evidence",
    "checks": "check",
    "sources": "source",
    "quantities": "quantity",
    "ignore": "suppression",
    "author": "name",
}


_TYPE_ERRORS = recompile(
    r"^(model_type|model_attributes_type|dict_type|list_type|string_type|int_type|float_type|"
    r"bool_type|decimal_type|date_type|is_instance_of|int_parsing|float_parsing|bool_parsing|"
    r"decimal_parsing|int_from_float|string_sub_type|none_required|dataclass_type)$"
)


@functools.cache
def _pattern_meanings() -> dict[str, str]:
    from argmap._model import ID_PATTERN, PERIOD_PATTERN, SOURCE_ID_PATTERN

    return {
        PERIOD_PATTERN: "a date or period is YYYY, YYYY-MM, YYYY-MM-DD or START/END of those",
        ID_PATTERN: "an ID starts with a letter or digit, then letters, digits, '.', '_', ':' "
        "or '-' (no spaces)",
        SOURCE_ID_PATTERN: "a source ID is any text without control characters (tabs, "
        "line breaks)",
        r"^AM\d{3}$": "a rule code is AM and three digits, e.g. AM301",
        r"^[0-9a-f]{64}$": "a sha256 is 64 lowercase hexadecimal digits",
    }


def _data_path(loc: Sequence[Any], data: Any) -> list[PathStep]:
    """Strip the steps pydantic adds for union members, keeping the path into the data."""
    path: list[PathStep] = []
    current = data
    for index, step in enumerate(loc):
        if isinstance(step, int) and isinstance(current, list) and 0 <= step < len(current):  # noqa: SIM114
            path.append(step)
            current = current[step]
        elif isinstance(step, str) and isinstance(current, dict) and step in current:
            path.append(step)
            current = current[step]
        elif isinstance(step, str) and isinstance(current, dict) and index == len(loc) - 1:
            # a missing field's name, unless it is pydantic's label of a union member
            model = _model_at(path, data)
            if model is None or step in _keys_of(model):
                path.append(step)
            current = None
    return path


def _model_at(path: Sequence[PathStep], data: Any) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (for key suggestions)."""
    import typing

    from pydantic import BaseModel

    from argmap._model import ArgumentMap

    def candidates(annotation: Any) -> list[Any]:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            return candidates(typing.get_args(annotation)[0])
        if origin in (typing.Union, types.UnionType):
            out: list[Any] = []
            for arg in typing.get_args(annotation):
                out.extend(candidates(arg))
            return out
        return [annotation]

    def pick(annotation: Any, value: Any) -> Any:
        options = candidates(annotation)
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        if len(models) > 1 and isinstance(value, dict):
            for model in models:
                tag = model.model_fields.get("type")
                if tag is not None and typing.get_args(tag.annotation) == (value.get("type"),):
                    return model
            return models[0]
        if models:
            return models[0]
        for option in options:
            if typing.get_origin(option) is list:
                return option
        return options[0] if options else None

    current: Any = ArgumentMap
    value = data
    for step in path:
        if isinstance(step, int):
            if typing.get_origin(current) is not list:
                return None
            current = typing.get_args(current)[0]
            value = value[step] if isinstance(value, list) and step < len(value) else None
            current = pick(current, value)
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        found = None
        for name, info in current.model_fields.items():
            if step in (name, info.alias):
                found = info
                break
        if found is None:
            return None
        value = value.get(step) if isinstance(value, dict) else None
        current = pick(found.annotation, value)
    if typing.get_origin(current) is list:
        return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _where(path: Sequence[PathStep], data: Any) -> str:
    """Human name of a place in the data: ``claim 'C1', field 'kind'``."""
    parts: list[str] = []
    current = data
    for index, step in enumerate(path):
        nxt = path[index + 1] if index + 1 < len(path) else None
        if isinstance(step, int):
            label = path[index - 1] if index else ""
            current = current[step] if isinstance(current, list) and step < len(current) else None
            kind = KIND_OF_COLLECTION.get(str(label), "item")
            if isinstance(current, dict) and isinstance(current.get("id"), str):
                parts.append(f"{kind} {current['id']!r}")
            else:
                parts.append(f"{kind} #{step + 1}")
            continue
        current = current.get(step) if isinstance(current, dict) else None
        if not (isinstance(nxt, int) and step in KIND_OF_COLLECTION):
            parts.append(f"field {step!r}")
    return ", ".join(parts) if parts else "the map"


def validation_findings(exc: ValidationError, data: Any, locate: Any) -> list[Finding]:
    """One finding per problem: union members' errors are merged, the most specific kept."""
    grouped: dict[tuple[PathStep, ...], list[Any]] = {}
    for error in exc.errors(include_url=False):
        path = tuple(_data_path(error["loc"], data))
        grouped.setdefault(path, []).append(error)
    findings: list[Finding] = []
    for path, errors in grouped.items():
        specific = [e for e in errors if not _TYPE_ERRORS.match(e["type"])]
        error = specific[0] if specific else errors[0]
        full = path
        where = _where(full, data)
        kind = error["type"]
        hint: str | None = None
        if kind == "extra_forbidden":
            key = str(path[-1])
            model = _model_at(full[:-1], data)
            valid = _keys_of(model) if model else []
            close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else (f"valid keys: {', '.join(valid)}" if valid else None)
            )
            parent = _where(full[:-1], data)
            findings.append(
                load_problem(
                    UNKNOWN_KEY,
                    f"unknown key {key!r} in {parent}",
                    locate(full, "key"),
                    hint=hint,
                )
            )
            continue
        if kind == "missing":
            parent = _where(full[:-1], data)
            findings.append(
                load_problem(
                    MISSING_FIELD,
                    f"{parent} is missing the required field {path[-1]!r}",
                    locate(full[:-1], "value"),
                )
            )
            continue
        message = str(error["msg"])
        found = error.get("input")
        ctx = error.get("ctx") or {}
        if kind == "union_tag_invalid":
            found = ctx.get("tag")
            full = (*full, str(ctx.get("discriminator", "type")).strip("'"))
            message = f"unknown type; expected one of {ctx.get('expected_tags', '')}"
        if kind == "string_pattern_mismatch":
            message = _pattern_meanings().get(str(ctx.get("pattern")), message)
        if kind in ("enum", "literal_error", "union_tag_invalid"):
            expected = str(ctx.get("expected") or ctx.get("expected_tags") or "")
            options = re.findall(r"'([^']*)'", expected)
            close = difflib.get_close_matches(str(found), options, n=1, cutoff=0.5)
            if close:
                hint = f"did you mean {close[0]!r}?"
        findings.append(
            load_problem(
                WRONG_TYPE if _TYPE_ERRORS.match(kind) else INVALID_VALUE,
                f"{where}: {message[0].lower() + message[1:]} (found {short_repr(found)})",
                locate(full, "value"),
                hint=hint,
            )
        )
    return findings


