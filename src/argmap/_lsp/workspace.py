"""A map as the editor has it: checked with the open buffers in place of the files on disk.

The check is the library's own (:func:`argmap._engine.run.check_map`), so the codes and
positions are those of ``argmap check``; the only difference is that a file open in the
editor is read from its buffer (:func:`argmap._load.files.overlaid`), with the same size
limit and confinement as a file on disk, so what is checked is what is being typed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from argmap._engine.config import DEFAULT_CONFIG, ConfigError, find_pyproject, load_config
from argmap._findings import Finding, MapLoadError
from argmap._load.files import overlaid
from argmap._load.loader import (
    MAP_FILE_NAMES,
    MAP_SUFFIXES,
    SOURCES_FILE_NAMES,
    find_map_file,
    load_data,
)
from argmap._lsp.symbols import SymbolIndex

if TYPE_CHECKING:
    from argmap._engine.config import Config
    from argmap._engine.context import RuleContext
    from argmap._engine.run import CheckRun
    from argmap._load.origin import MapOrigin
    from argmap._load.read import ParsedFile

__all__ = ["MapState", "analyse", "config_for", "map_file_for"]


def map_file_for(path: Path) -> Path | None:
    """The map file a document belongs to: itself for a map file, the map file beside it
    for a sources file, None for anything else."""
    if path.name in MAP_FILE_NAMES or path.name.endswith(MAP_SUFFIXES):
        return path
    if path.name in SOURCES_FILE_NAMES:
        try:
            return find_map_file(path.parent)
        except MapLoadError:
            return None
    return None


def config_for(map_path: Path) -> tuple[Config, str | None]:
    """``[tool.argmap]`` of the nearest pyproject.toml above the map (as ``check`` run from
    the map's project finds it), and the error that made it unusable, if any."""
    try:
        return load_config(find_pyproject(map_path.parent)), None
    except ConfigError as exc:
        return DEFAULT_CONFIG, str(exc)


@dataclass
class MapState:
    """One check of one map: its findings, the loaded files, and the index of its IDs.

    ``origin`` and ``symbols`` come from the parsed files even when the map does not
    validate (then ``context`` is None), so navigation works on a map being edited.
    """

    map_path: Path
    run: CheckRun
    origin: MapOrigin | None
    symbols: SymbolIndex | None
    files: dict[str, Path] = field(default_factory=dict)  # shown name -> absolute path

    @property
    def context(self) -> RuleContext | None:
        return self.run.contexts[0] if self.run.contexts else None

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.run.findings

    def parsed(self, display: str) -> ParsedFile | None:
        """The loaded file shown as ``display`` (for fixes)."""
        if self.origin is None:
            return None
        for parsed in (self.origin.map_file, self.origin.sources_file):
            if parsed is not None and parsed.display == display:
                return parsed
        return None

    def display_of(self, path: Path) -> str | None:
        """How findings name a file of this map, from its absolute path."""
        for display, known in self.files.items():
            if known == path:
                return display
        return None


def analyse(map_path: Path, buffers: Mapping[Path, str], config: Config = DEFAULT_CONFIG
            ) -> MapState:
    """Check the map at ``map_path`` with ``buffers`` (absolute path -> text) over the disk."""
    from argmap._engine.run import check_map

    contents: dict[str | os.PathLike[str], bytes] = {
        path: text.encode("utf-8") for path, text in buffers.items()}
    with overlaid(contents):
        run = check_map(map_path, config)
        origin = run.contexts[0].map.origin if run.contexts else None
        if origin is None:
            try:
                origin = load_data(map_path, run.limits)
            except MapLoadError:
                origin = None
    symbols = SymbolIndex(origin) if origin is not None else None
    analysis = MapState(map_path, run, origin, symbols)
    if origin is not None:
        for parsed in (origin.map_file, origin.sources_file):
            if parsed is not None:
                analysis.files[parsed.display] = Path(os.path.abspath(parsed.path))  # noqa: PTH100 - links kept
    return analysis
