"""Loading maps from YAML or JSON files and folders, with every problem located.

Reading goes in stages, each with its own codes: find and read the files (AM101-AM104),
parse them (AM105-AM108), check the shape against the models (AM110-AM114). A stage that
fails stops the map's loading, but every problem of that stage is reported at once.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap._findings import Finding, Location, MapLoadError, Severity
from argmap._locate import PathStep, PositionIndex

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from argmap._models import ArgumentMap

__all__ = [
    "MAP_FILE_NAMES",
    "SOURCES_FILE_NAMES",
    "Limits",
    "MapOrigin",
    "discover",
    "load",
    "load_data",
]

MAP_FILE_NAMES = ("map.yaml", "map.yml", "map.json")
SOURCES_FILE_NAMES = ("sources.yaml", "sources.yml", "sources.json")
MAP_SUFFIXES = (".argmap.yaml", ".argmap.yml", ".argmap.json")
YAML_SUFFIXES = (".yaml", ".yml")

#: The collections of a map whose items carry IDs, in the order reports name them.
COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")
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


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile map from exhausting time or memory."""

    max_file_bytes: int = 32 * 1024 * 1024
    max_nodes: int = 1_000_000
    max_text_length: int = 100_000
    max_alias_expansions: int = 10_000
    max_depth: int = 200


DEFAULT_LIMITS = Limits()


def _problem(
    code: str,
    rule: str,
    message: str,
    location: Location | None,
    hint: str | None = None,
    node: str | None = None,
) -> Finding:
    return Finding(
        code=code,
        rule=rule,
        severity=Severity.ERROR,
        message=message,
        location=location,
        hint=hint,
        node=node,
    )


# --- reading and parsing one file ---------------------------------------------------------------


@dataclass
class ParsedFile:
    """A file's text, its data and the index that finds positions in it."""

    path: Path
    display: str
    text: str
    data: Any
    positions: PositionIndex


def _display(path: Path) -> str:
    """Paths in messages are relative to the working directory when they can be."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def read_text(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Read a UTF-8 text file (a BOM is allowed), raising MapLoadError with a location."""
    display = _display(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise MapLoadError(
                [
                    _problem(
                        "AM107",
                        "limit-exceeded",
                        f"file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}",
                        Location(display),
                        hint="split the map, or raise the limit with --max-file-size",
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MapLoadError(
            [_problem("AM101", "path-not-found", "no such file", Location(display))]
        ) from None
    except IsADirectoryError:
        raise MapLoadError(
            [_problem("AM103", "unreadable", "expected a file, found a folder", Location(display))]
        ) from None
    except OSError as exc:
        raise MapLoadError(
            [
                _problem(
                    "AM103",
                    "unreadable",
                    f"cannot read the file: {exc.strerror or exc}",
                    Location(display),
                    hint="check the file's permissions",
                )
            ]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise MapLoadError(
            [
                _problem(
                    "AM104",
                    "not-utf8",
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                    Location(display, line, column),
                    hint="save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


_YAML_POSITION = re.compile(r"line (\d+), column (\d+)")


def _parse_yaml(text: str, display: str, positions: PositionIndex, limits: Limits) -> Any:
    import yaml_rs

    try:
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(
                max_total_replayed_events=limits.max_alias_expansions * 10,
                max_alias_expansions_per_anchor=limits.max_alias_expansions,
            ),
        )
    except yaml_rs.YAMLDecodeError as exc:
        message = str(exc)
        first_line = message.splitlines()[0] if message else "invalid YAML"
        if first_line.startswith("duplicate mapping key"):
            dup = positions.duplicate_key()
            if dup:
                key, second, first = dup
                raise MapLoadError(
                    [
                        _problem(
                            "AM106",
                            "duplicate-key",
                            f"duplicate key {key!r} in one mapping",
                            second,
                            hint=f"the first {key!r} is at line {first.line}; keep one of them",
                        )
                    ]
                ) from None
            raise MapLoadError(
                [_problem("AM106", "duplicate-key", first_line, Location(display))]
            ) from None
        if "alias" in first_line and "limit" in first_line:
            raise MapLoadError(
                [
                    _problem(
                        "AM107",
                        "limit-exceeded",
                        f"aliases expand too far ({first_line})",
                        Location(display),
                        hint="an alias bomb, or a map that needs fewer aliases",
                    )
                ]
            ) from None
        if first_line.startswith("Invalid tag"):
            tag = first_line.partition(":")[2].strip().strip("'")
            loc = _find_text(positions, tag) or Location(display)
            raise MapLoadError(
                [
                    _problem(
                        "AM108",
                        "unsafe-tag",
                        f"tag {tag} is not allowed",
                        loc,
                        hint="maps hold plain data: strings, numbers, lists and mappings",
                    )
                ]
            ) from None
        found = _YAML_POSITION.search(first_line)
        loc = Location(display, int(found[1]), int(found[2])) if found else Location(display)
        reason = message.strip().splitlines()[-1].strip() if "\n" in message else first_line
        reason = _YAML_POSITION.sub("", reason).replace("YAML parse error at", "").strip(" ,")
        hint = None
        if "tab" in reason:
            hint = "indent with spaces; YAML does not allow tabs for indentation"
        raise MapLoadError(
            [_problem("AM105", "syntax-error", f"invalid YAML: {reason}", loc, hint=hint)]
        ) from None
    except RecursionError:
        raise MapLoadError(
            [_problem("AM107", "limit-exceeded", "the file nests too deeply", Location(display))]
        ) from None


def _find_text(positions: PositionIndex, needle: str) -> Location | None:
    offset = positions._data.find(needle.encode("utf-8"))
    return positions.at_offset(offset) if offset >= 0 else None


def _parse_json(text: str, display: str, positions: PositionIndex) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                dup = positions.duplicate_key()
                loc = dup[1] if dup else Location(display)
                hint = f"the first {key!r} is at line {dup[2].line}" if dup else None
                raise MapLoadError(
                    [_problem("AM106", "duplicate-key", f"duplicate key {key!r}", loc, hint=hint)]
                )
            result[key] = value
        return result

    def constant(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise MapLoadError(
            [
                _problem(
                    "AM105",
                    "syntax-error",
                    f"invalid JSON: {exc.msg}",
                    Location(display, exc.lineno, exc.colno),
                )
            ]
        ) from None
    except ValueError as exc:  # NaN / Infinity, which JSON does not have
        loc = _find_text(positions, str(exc)) or Location(display)
        raise MapLoadError(
            [_problem("AM105", "syntax-error", f"invalid JSON: {exc} is not a number", loc)]
        ) from None
    except RecursionError:
        raise MapLoadError(
            [_problem("AM107", "limit-exceeded", "the file nests too deeply", Location(display))]
        ) from None


def parse_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> ParsedFile:
    """Read and parse one YAML or JSON file (by suffix; YAML otherwise, a superset of JSON)."""
    display = _display(path)
    text = read_text(path, limits)
    positions = PositionIndex(display, text)
    if path.suffix.lower() == ".json":
        data = _parse_json(text, display, positions)
    else:
        data = _parse_yaml(text, display, positions, limits)
    _check_depth(data, display, limits)
    return ParsedFile(path, display, text, data, positions)


def _check_depth(data: Any, display: str, limits: Limits) -> None:
    """Reject data nested deeper than any map needs, before recursive code meets it."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if depth > limits.max_depth:
            raise MapLoadError(
                [
                    _problem(
                        "AM107",
                        "limit-exceeded",
                        f"the data nests more than {limits.max_depth} levels deep",
                        Location(display),
                    )
                ]
            )
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, str) and len(value) > limits.max_text_length:
            raise MapLoadError(
                [
                    _problem(
                        "AM107",
                        "limit-exceeded",
                        f"a text of {len(value):,} characters is over the limit of "
                        f"{limits.max_text_length:,}",
                        Location(display),
                        hint="quote less: a sentence or two is evidence; the whole source "
                        "belongs in a snapshot",
                    )
                ]
            )
    if count > limits.max_nodes:
        raise MapLoadError(
            [
                _problem(
                    "AM107",
                    "limit-exceeded",
                    f"the file has {count:,} values, over the limit of {limits.max_nodes:,}",
                    Location(display),
                )
            ]
        )


# --- where each part of a map came from ---------------------------------------------------------


@dataclass
class MapOrigin:
    """The files a map was loaded from, and how to find any of its nodes in them."""

    root: Path
    map_file: ParsedFile
    sources_file: ParsedFile | None = None
    inline_sources: int = 0
    _nodes: dict[str, tuple[str, int]] | None = field(default=None, repr=False)

    @property
    def folder(self) -> Path:
        """The folder snapshot paths are relative to."""
        return self.map_file.path.parent

    @property
    def files(self) -> list[str]:
        files = [self.map_file.display]
        if self.sources_file:
            files.append(self.sources_file.display)
        return files

    def file_of(self, path: Sequence[PathStep]) -> tuple[ParsedFile, Sequence[PathStep]]:
        """Which file holds a data path of the combined map, and the path inside that file."""
        if (
            self.sources_file is not None
            and len(path) >= 2
            and path[0] == "sources"
            and isinstance(path[1], int)
            and path[1] >= self.inline_sources
        ):
            return self.sources_file, (path[1] - self.inline_sources, *path[2:])
        return self.map_file, path

    def locate_path(
        self, path: Sequence[PathStep], part: Literal["key", "value"] = "value"
    ) -> Location:
        parsed, inner = self.file_of(path)
        return parsed.positions.locate(inner, part)

    def path_of(self, node_id: str, kind: str | None = None) -> tuple[str, int] | None:
        """The collection and index of the first node with this ID (of this kind, if given)."""
        if self._nodes is None:
            nodes: dict[str, tuple[str, int]] = {}
            data = self.combined_data()
            for collection in COLLECTIONS:
                items = data.get(collection) if isinstance(data, dict) else None
                if not isinstance(items, list):
                    continue
                for index, item in enumerate(items):
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        nodes.setdefault(f"{collection}:{item['id']}", (collection, index))
                        nodes.setdefault(item["id"], (collection, index))
            self._nodes = nodes
        key = f"{kind}:{node_id}" if kind else node_id
        return self._nodes.get(key)

    def locate(
        self,
        node_id: str,
        *fields: PathStep,
        kind: str | None = None,
        part: Literal["key", "value"] = "value",
    ) -> Location | None:
        """Location of a node (``kind`` is its collection, e.g. ``claims``) or one of its fields."""
        found = self.path_of(node_id, kind)
        if found is None:
            return None
        return self.locate_path((*found, *fields), part)

    def combined_data(self) -> dict[str, Any]:
        data = self.map_file.data if isinstance(self.map_file.data, dict) else {}
        if self.sources_file is None or not isinstance(self.sources_file.data, list):
            return data
        inline = data.get("sources")
        inline_items: list[Any] = inline if isinstance(inline, list) else []
        return {**data, "sources": [*inline_items, *self.sources_file.data]}

    def line_text(self, location: Location) -> str:
        for parsed in (self.map_file, self.sources_file):
            if parsed is not None and parsed.display == location.file:
                return parsed.positions.line_text(location.line)
        return ""


# --- validating against the models --------------------------------------------------------------

_TYPE_ERRORS = re.compile(
    r"^(model_type|model_attributes_type|dict_type|list_type|string_type|int_type|float_type|"
    r"bool_type|decimal_type|date_type|is_instance_of|int_parsing|float_parsing|bool_parsing|"
    r"decimal_parsing|int_from_float|string_sub_type|none_required|dataclass_type)$"
)


@functools.cache
def _pattern_meanings() -> dict[str, str]:
    from argmap._models import ID_PATTERN, PERIOD_PATTERN

    return {
        PERIOD_PATTERN: "a date or period is YYYY, YYYY-MM, YYYY-MM-DD or START/END of those",
        ID_PATTERN: "an ID starts with a letter or digit, then letters, digits, '.', '_', ':' "
        "or '-' (no spaces)",
        r"^AM\d{3}$": "a rule code is AM and three digits, e.g. AM301",
        r"^[0-9a-f]{64}$": "a sha256 is 64 lowercase hexadecimal digits",
    }


def _data_path(loc: Sequence[Any], data: Any) -> list[PathStep]:
    """Strip the steps pydantic adds for union members, keeping the path into the data."""
    path: list[PathStep] = []
    current = data
    for index, step in enumerate(loc):
        if isinstance(step, int) and isinstance(current, list) and 0 <= step < len(current):
            path.append(step)
            current = current[step]
        elif isinstance(step, str) and isinstance(current, dict) and step in current:
            path.append(step)
            current = current[step]
        elif isinstance(step, str) and isinstance(current, dict) and index == len(loc) - 1:
            path.append(step)
            current = None
    return path


def _model_at(path: Sequence[PathStep], data: Any) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (for key suggestions)."""
    import typing

    from pydantic import BaseModel

    from argmap._models import ArgumentMap

    def candidates(annotation: Any) -> list[Any]:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            return candidates(typing.get_args(annotation)[0])
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
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


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
                _problem(
                    "AM111",
                    "unknown-key",
                    f"unknown key {key!r} in {parent}",
                    locate(full, "key"),
                    hint=hint,
                )
            )
            continue
        if kind == "missing":
            parent = _where(full[:-1], data)
            findings.append(
                _problem(
                    "AM113",
                    "missing-field",
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
        code, rule = (
            ("AM112", "wrong-type")
            if _TYPE_ERRORS.match(kind)
            else ("AM114", "invalid-value")
        )
        findings.append(
            _problem(
                code,
                rule,
                f"{where}: {message[0].lower() + message[1:]} (found {_short(found)})",
                locate(full, "value"),
                hint=hint,
            )
        )
    return findings


# --- maps ---------------------------------------------------------------------------------------


def find_map_file(folder: Path) -> Path | None:
    """The map file of a map folder, if it has one."""
    for name in MAP_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def discover(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path | Finding]:
    """Expand command-line paths into map files; a path with no map yields a finding."""
    for raw in paths:
        path = Path(raw)
        display = _display(path)
        if not path.exists():
            yield _problem(
                "AM101", "path-not-found", "no such file or folder", Location(display)
            )
            continue
        if path.is_file():
            yield path
            continue
        direct = find_map_file(path)
        if direct is not None:
            yield direct
            continue
        found = sorted(_walk_for_maps(path))
        if not found:
            yield _problem(
                "AM102",
                "no-map-found",
                "no map in this folder",
                Location(display),
                hint="a map folder holds map.yaml, map.yml or map.json; a map file can also be "
                "named NAME.argmap.yaml",
            )
        yield from found


def _walk_for_maps(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    map_file = find_map_file(folder)
    if map_file is not None:
        yield map_file
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk_for_maps(entry)
        elif entry.is_file() and entry.name.endswith(MAP_SUFFIXES):
            yield entry


def _resolve_map_file(path: Path) -> Path:
    if path.is_dir():
        found = find_map_file(path)
        if found is None:
            raise MapLoadError(
                [
                    _problem(
                        "AM102",
                        "no-map-found",
                        "no map file in this folder",
                        Location(_display(path)),
                        hint="a map folder holds map.yaml, map.yml or map.json",
                    )
                ]
            )
        return found
    if not path.exists():
        raise MapLoadError(
            [_problem("AM101", "path-not-found", "no such file or folder", Location(_display(path)))]
        )
    return path


def load_data(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> MapOrigin:
    """Read and parse a map's files without validating them (the first half of :func:`load`)."""
    map_path = _resolve_map_file(Path(path))
    parsed = parse_file(map_path, limits)
    if not isinstance(parsed.data, dict):
        what = "empty" if parsed.data is None else f"a {_type_name(parsed.data)}"
        raise MapLoadError(
            [
                _problem(
                    "AM110",
                    "not-a-mapping",
                    f"a map file must hold a mapping of keys, but this one is {what}",
                    parsed.positions.locate(()) if parsed.data is not None else
                    Location(parsed.display),
                    hint="start with `title:` and `claims:`; see docs/format.md",
                )
            ]
        )
    origin = MapOrigin(root=map_path.parent, map_file=parsed)
    if map_path.name in MAP_FILE_NAMES:
        for name in SOURCES_FILE_NAMES:
            candidate = map_path.parent / name
            if candidate.is_file():
                sources = parse_file(candidate, limits)
                if not isinstance(sources.data, list):
                    raise MapLoadError(
                        [
                            _problem(
                                "AM110",
                                "not-a-mapping",
                                "a sources file must hold a list of CSL-JSON items",
                                Location(sources.display),
                            )
                        ]
                    )
                origin.sources_file = sources
                inline = parsed.data.get("sources")
                origin.inline_sources = len(inline) if isinstance(inline, list) else 0
                break
    return origin


def _type_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def load(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> ArgumentMap:
    """Load a map from a file or a map folder; raise :class:`MapLoadError` with every problem."""
    from pydantic import ValidationError

    from argmap._models import ArgumentMap

    origin = load_data(path, limits)
    data = origin.combined_data()
    try:
        model = ArgumentMap.model_validate(data)
    except ValidationError as exc:
        raise MapLoadError(validation_findings(exc, data, origin.locate_path)) from None
    model._origin = origin
    return model
