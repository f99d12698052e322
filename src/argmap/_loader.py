"""Loading maps from YAML or JSON files and folders, with every problem located.

Reading goes in stages, each with its own codes: find the files (here, AM101-AM103), read
and parse them (``_read``, ``_limits``: AM103-AM109), check the shape against the models
(``_validate``: AM110-AM114). A stage that fails stops the map's loading, but every problem
of that stage is reported at once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap._findings import Finding, Location, MapLoadError
from argmap._limits import DEFAULT_LIMITS, Limits, visible
from argmap._limits import load_problem as _problem
from argmap._locate import PathStep
from argmap._read import ParsedFile, display_path, parse_file, read_text
from argmap._validate import validation_findings

if TYPE_CHECKING:
    from argmap._models import ArgumentMap

__all__ = [
    "DEFAULT_LIMITS",
    "MAP_FILE_NAMES",
    "SOURCES_FILE_NAMES",
    "Limits",
    "MapOrigin",
    "ParsedFile",
    "discover",
    "gc_paused",
    "load",
    "load_data",
    "parse_file",
    "read_text",
    "visible",
]

MAP_FILE_NAMES = ("map.yaml", "map.yml", "map.json")
SOURCES_FILE_NAMES = ("sources.yaml", "sources.yml", "sources.json")
MAP_SUFFIXES = (".argmap.yaml", ".argmap.yml", ".argmap.json")

#: The collections of a map whose items carry IDs, in the order reports name them.
COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")


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
        """The source line a report quotes, control characters made visible (one for one)."""
        for parsed in (self.map_file, self.sources_file):
            if parsed is not None and parsed.display == location.file:
                return visible(parsed.positions.line_text(location.line))
        return ""


# --- maps ---------------------------------------------------------------------------------------


def _unreadable(path: Path, exc: OSError) -> MapLoadError:
    return MapLoadError(
        [
            _problem(
                "AM103",
                "unreadable",
                f"cannot read this path: {exc.strerror or exc}",
                Location(display_path(path)),
                hint="check the permissions of the file and of the folders above it",
            )
        ]
    )


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that reports a folder we may not look into instead of raising."""
    try:
        return path.is_file()
    except OSError as exc:  # EACCES, ELOOP... (Python 3.11 raises rather than answering)
        raise _unreadable(path, exc) from None


def find_map_file(folder: Path) -> Path | None:
    """The map file of a map folder, if it has one."""
    for name in MAP_FILE_NAMES:
        candidate = folder / name
        if _is_file(candidate):
            return candidate
    return None


def discover(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path | Finding]:
    """Expand command-line paths into map files; a path with no map yields a finding."""
    for raw in paths:
        path = Path(raw)
        try:
            yield from _discover_one(path)
        except MapLoadError as exc:
            yield from exc.findings
        except OSError as exc:
            yield from _unreadable(path, exc).findings


def _discover_one(path: Path) -> Iterator[Path | Finding]:
    display = display_path(path)
    if not path.exists():
        yield _problem("AM101", "path-not-found", "no such file or folder", Location(display))
        return
    if path.is_file():
        yield path
        return
    direct = find_map_file(path)
    if direct is not None:
        yield direct
        return
    found: list[Path] = []
    problems: list[Finding] = []
    for item in _walk_for_maps(path):
        (problems if isinstance(item, Finding) else found).append(item)  # type: ignore[arg-type]
    if not found and not problems:
        yield _problem(
            "AM102",
            "no-map-found",
            "no map in this folder",
            Location(display),
            hint="a map folder holds map.yaml, map.yml or map.json; a map file can also be "
            "named NAME.argmap.yaml",
        )
    yield from problems
    yield from sorted(found)


def _walk_for_maps(folder: Path) -> Iterator[Path | Finding]:
    """Map files under ``folder``; a folder that cannot be read is reported, not skipped."""
    try:
        entries = sorted(folder.iterdir())
        map_file = find_map_file(folder)
    except MapLoadError as exc:
        yield from exc.findings
        return
    except OSError as exc:
        yield from _unreadable(folder, exc).findings
        return
    if map_file is not None:
        yield map_file
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                yield from _walk_for_maps(entry)
            elif entry.is_file() and entry.name.endswith(MAP_SUFFIXES):
                yield entry
        except OSError as exc:
            yield from _unreadable(entry, exc).findings


def _resolve_map_file(path: Path) -> Path:
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if is_dir:
        found = find_map_file(path)
        if found is None:
            raise MapLoadError(
                [
                    _problem(
                        "AM102",
                        "no-map-found",
                        "no map file in this folder",
                        Location(display_path(path)),
                        hint="a map folder holds map.yaml, map.yml or map.json",
                    )
                ]
            )
        return found
    if not exists:
        raise MapLoadError(
            [
                _problem(
                    "AM101",
                    "path-not-found",
                    "no such file or folder",
                    Location(display_path(path)),
                )
            ]
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
            if _is_file(candidate):
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

    with gc_paused():
        origin = load_data(path, limits)
        data = origin.combined_data()
        try:
            model = ArgumentMap.model_validate(data)
        except ValidationError as exc:
            raise MapLoadError(validation_findings(exc, data, origin.locate_path)) from None
    model._origin = origin  # noqa: SLF001 - the loader owns the origin
    return model


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a map's objects are built.

    Parsing and validation allocate hundreds of thousands of objects and free none, so every
    automatic collection on the way is wasted work over an ever larger heap; on a map of
    10,000 claims they doubled the time to parse and triple the time to validate. Map data
    holds no reference cycles, so pausing frees nothing late. Reference counting still runs.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Hand the new objects straight to the oldest generation (freeze then unfreeze moves
        # every generation's list there in O(1)); else the first young collection after the
        # pause walks all of them: 0.26 s at 10,000 claims, 1.75 s at 100,000.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()

