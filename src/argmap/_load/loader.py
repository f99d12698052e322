"""Loading maps from YAML or JSON files and folders, with every problem located.

Reading goes in stages, each with its own codes: find the files (here, AM101-AM103), read
and parse them (``_read``, ``_limits``: AM103-AM109), check the shape against the models
(``_validate``: AM110-AM114). A stage that fails stops the map's loading, but every problem
of that stage is reported at once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap._findings import Finding, Location, MapLoadError
from argmap._load.codes import (
    LIMIT_EXCEEDED,
    NO_MAP_FOUND,
    NOT_A_MAPPING,
    PATH_NOT_FOUND,
    UNREADABLE,
    load_error,
    load_problem,
)
from argmap._load.limits import DEFAULT_LIMITS, Limits
from argmap._load.origin import MapOrigin
from argmap._load.read import ParsedFile, display_path, parse_file

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = [
    "MAP_FILE_NAMES",
    "SOURCES_FILE_NAMES",
    "MapFile",
    "discover",
    "find_map_file",
    "gc_paused",
    "load",
    "load_bytes",
    "load_data",
    "load_telling",
]

MAP_FILE_NAMES = ("map.yaml", "map.yml", "map.json")
SOURCES_FILE_NAMES = ("sources.yaml", "sources.yml", "sources.json")
MAP_SUFFIXES = (".argmap.yaml", ".argmap.yml", ".argmap.json")
#: Files read as Argdown (by ``argmap._interop.argdown``, imported only for them).
ARGDOWN_SUFFIXES = (".argdown", ".ad")



# --- maps ---------------------------------------------------------------------------------------


def _unreadable(path: Path, exc: OSError) -> MapLoadError:
    return load_error(
        UNREADABLE,
        f"cannot read this path: {exc.strerror or exc}",
        Location(display_path(path)),
        hint="check the permissions of the file and of the folders above it",
    )


def _is_entry(path: Path) -> bool:
    """Something that is there and is not a folder: a file, a link to one, or a special file.

    A FIFO or a device named ``map.yaml`` is taken for the map file, so that the read layer
    refuses it by name (AM103) instead of the folder looking empty.
    """
    try:
        return path.is_symlink() or (path.exists() and not path.is_dir())
    except OSError as exc:
        raise _unreadable(path, exc) from None


def find_map_file(folder: Path) -> Path | None:
    """The map file of a map folder, if it has one."""
    for name in MAP_FILE_NAMES:
        candidate = folder / name
        if _is_entry(candidate):
            return candidate
    return None


class MapFile(NamedTuple):
    """A map file to load, and the folder it must resolve into when it was found, not named."""

    path: Path
    inside: Path | None = None


def discover(
    paths: Sequence[str | os.PathLike[str]], limits: Limits = DEFAULT_LIMITS
) -> Iterator[MapFile | Finding]:
    """Expand command-line paths into map files; a path with no map yields a finding.

    A file named on the command line is read as given; a map file found in a folder must
    resolve into the folder named.
    """
    for raw in paths:
        path = Path(raw)
        try:
            yield from _discover_one(path, limits)
        except MapLoadError as exc:
            yield from exc.findings
        except OSError as exc:
            yield from _unreadable(path, exc).findings


def _discover_one(path: Path, limits: Limits) -> Iterator[MapFile | Finding]:
    display = display_path(path)
    if not path.exists() and not path.is_symlink():
        yield load_problem(PATH_NOT_FOUND, "no such file or folder", Location(display))
        return
    if not path.is_dir():
        yield MapFile(path)
        return
    direct = find_map_file(path)
    if direct is not None:
        yield MapFile(direct, path)
        return
    found: list[MapFile] = []
    problems: list[Finding] = []
    for item in _walk_for_maps(path, limits.max_folder_depth):
        if isinstance(item, Finding):
            problems.append(item)
        else:
            found.append(MapFile(item, path))
    if not found and not problems:
        yield load_problem(
            NO_MAP_FOUND,
            "no map in this folder",
            Location(display),
            hint="a map folder holds map.yaml, map.yml or map.json; a map file can also be "
            "named NAME.argmap.yaml",
        )
    yield from problems
    yield from sorted(found)


def _walk_for_maps(root: Path, max_depth: int) -> Iterator[Path | Finding]:
    """Map files under ``root``, in no particular order; a folder that cannot be read is
    reported, not skipped, and so is the first folder deeper than ``max_depth``.

    The walk keeps its own stack (a map 1,000 folders deep must not exhaust Python's), does
    not follow symbolic links to folders, and skips folders whose names start with a dot.
    """
    stack: list[tuple[Path, int]] = [(root, 0)]
    too_deep: Path | None = None
    while stack:
        folder, depth = stack.pop()
        try:
            entries = sorted(folder.iterdir())
            map_file = find_map_file(folder)
        except MapLoadError as exc:
            yield from exc.findings
            continue
        except OSError as exc:
            yield from _unreadable(folder, exc).findings
            continue
        if map_file is not None:
            yield map_file
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir() and not entry.is_symlink():
                    if depth < max_depth:
                        stack.append((entry, depth + 1))
                    elif too_deep is None:
                        too_deep = entry
                elif entry.name.endswith(MAP_SUFFIXES) and _is_entry(entry):
                    yield entry
            except MapLoadError as exc:
                yield from exc.findings
            except OSError as exc:
                yield from _unreadable(entry, exc).findings
    if too_deep is not None:
        yield load_problem(
            LIMIT_EXCEEDED,
            f"folders nest more than {max_depth} levels below {display_path(root)}; "
            "deeper folders are not searched",
            Location(display_path(too_deep)),
            hint="check the map folder itself, or raise the limit with --max-folder-depth",
        )


def _resolve_map_file(path: Path) -> tuple[Path, Path | None]:
    """The map file of a path, and the folder it must resolve into (its folder, if found)."""
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists() or path.is_symlink()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if is_dir:
        found = find_map_file(path)
        if found is None:
            raise load_error(
                NO_MAP_FOUND,
                "no map file in this folder",
                Location(display_path(path)),
                hint="a map folder holds map.yaml, map.yml or map.json",
            )
        return found, path
    if not exists:
        raise load_error(PATH_NOT_FOUND, "no such file or folder", Location(display_path(path)))
    return path, None


def load_data(
    path: str | os.PathLike[str],
    limits: Limits = DEFAULT_LIMITS,
    inside: str | os.PathLike[str] | None = None,
) -> MapOrigin:
    """Read and parse a map's files without validating them (the first half of :func:`load`).

    A map file found in a folder must resolve into it (into ``inside`` when given); the
    sources file beside a map file must resolve into the map file's folder.
    """
    map_path, found_in = _resolve_map_file(Path(path))
    within = Path(inside) if inside is not None else found_in
    parsed = parse_file(map_path, limits, within)
    if map_path.suffix.lower() == ".json" and _is_aif(parsed.data):
        from argmap._interop.aif_load import aif_origin

        return aif_origin(parsed, limits)
    return _origin_of(parsed, map_path, limits)


def _is_aif(data: Any) -> bool:
    from argmap._interop.aif_read import is_aif

    return is_aif(data)


def _origin_of(parsed: ParsedFile, map_path: Path, limits: Limits) -> MapOrigin:
    """The origin of a parsed map file: it must be a mapping; a ``map.yaml`` (or the other
    map file names) reads the sources file beside it."""
    if not isinstance(parsed.data, dict):
        what = "empty" if parsed.data is None else f"a {_type_name(parsed.data)}"
        raise load_error(
            NOT_A_MAPPING,
            f"a map file must hold a mapping of keys, but this one is {what}",
            parsed.positions.locate(()) if parsed.data is not None else
            Location(parsed.display),
            hint="start with `title:` and `claims:`; see docs/format.md",
        )
    origin = MapOrigin(root=map_path.parent, map_file=parsed, limits=limits)
    if map_path.name in MAP_FILE_NAMES:
        for name in SOURCES_FILE_NAMES:
            candidate = map_path.parent / name
            if _is_entry(candidate):
                sources = parse_file(candidate, limits, map_path.parent)
                if not isinstance(sources.data, list):
                    raise load_error(
                        NOT_A_MAPPING,
                        "a sources file must hold a list of CSL-JSON items",
                        Location(sources.display),
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


def load(
    path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    inside: str | os.PathLike[str] | None = None,
) -> ArgumentMap:
    """Load a map from a file or a map folder; raise :class:`MapLoadError` with every problem.

    ``inside``: a folder the map file must resolve into (a file found by a folder search);
    the map file of a folder must resolve into that folder in any case.
    """
    return load_telling(path, limits=limits, inside=inside)


def load_telling(
    path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    inside: str | os.PathLike[str] | None = None,
    parsed: Callable[[MapOrigin], None] | None = None,
) -> ArgumentMap:
    """:func:`load`, calling ``parsed`` with the parsed files before they are validated
    (a big map's reader starts on its texts: :mod:`argmap._engine.reader`); not for Argdown.
    The engine's entry, kept out of the public ``load``'s signature."""
    with gc_paused():
        if Path(path).suffix.lower() in ARGDOWN_SUFFIXES and not Path(path).is_dir():
            from argmap._interop.argdown import load_argdown  # only for Argdown: 50 ms of imports

            within = Path(inside) if inside is not None else None
            return load_argdown(Path(path), limits, within)
        origin = load_data(path, limits, inside)
        if parsed is not None:
            parsed(origin)
        return _validated(origin)


def _validated(origin: MapOrigin) -> ArgumentMap:
    from pydantic import ValidationError

    from argmap._load.fast_schema import validate_map

    data = origin.combined_data()
    try:
        model = validate_map(data)
    except ValidationError as exc:
        from argmap._load.validate import validation_findings  # only for a map that fails

        raise MapLoadError(validation_findings(exc, data, origin.locate_path)) from None
    model._origin = origin  # noqa: SLF001 - the loader owns the origin
    return model


#: How a map read from standard input is named in findings.
STDIN_NAME = "<stdin>"


def load_bytes(
    raw: bytes,
    folder: str | os.PathLike[str] = ".",
    *,
    display: str = STDIN_NAME,
    limits: Limits = DEFAULT_LIMITS,
) -> ArgumentMap:
    """Load a map from bytes (``argmap check -``), as if it were ``map.yaml`` in ``folder``:
    its snapshot paths and the ``sources.yaml`` beside it are read from there; findings name
    the file ``display``. Raises :class:`MapLoadError` as :func:`load` does."""
    from argmap._load.read import decode, parse_text

    map_path = Path(folder).absolute() / "map.yaml"
    if len(raw) > limits.max_file_bytes:
        raise load_error(
            LIMIT_EXCEEDED,
            f"the map is over the limit of {limits.max_file_bytes:,} bytes",
            Location(display),
            hint="split the map, or raise the limit with --max-file-size",
        )
    with gc_paused():
        parsed = parse_text(decode(raw, display), map_path, display, limits, raw=raw)
        return _validated(_origin_of(parsed, map_path, limits))


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

