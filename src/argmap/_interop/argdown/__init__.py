"""Argdown in and out: ``.argdown`` files load as maps, and maps write back as Argdown.

``read`` turns Argdown text into a :class:`~argmap.ArgumentMap` whose every claim, relation
and section knows its line and column in the ``.argdown`` file, so ``argmap check x.argdown``
reports there; what the text holds that argmap cannot represent is kept in ``data`` and
reported (AM116-AM118). ``to_argdown`` writes a map as Argdown. docs/interop.md has the
mapping, field by field.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from argmap._findings import Finding, Location
from argmap._interop.argdown.write import to_argdown
from argmap._load.loader import ARGDOWN_SUFFIXES
from argmap._load.positions import PathStep, PositionIndex

if TYPE_CHECKING:
    from argmap._load.limits import Limits
    from argmap._model import ArgumentMap

__all__ = ["SUFFIXES", "ArgdownPositions", "is_argdown", "load_argdown", "read_text",
           "to_argdown"]

#: File names argmap reads as Argdown.
SUFFIXES = ARGDOWN_SUFFIXES


def is_argdown(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


class ArgdownPositions(PositionIndex):
    """Finds a map's nodes in the ``.argdown`` file: each was placed when it was read."""

    def __init__(self, file: str, text: str,
                 places: dict[tuple[PathStep, ...], tuple[int, int]]) -> None:
        super().__init__(file, text)
        self._places = places

    def locate(self, path: Sequence[PathStep], part: Literal["key", "value"] = "value"  # noqa: ARG002 - Argdown has no keys: a node's key and value are one place
               ) -> Location:
        """The place of the deepest node of ``path`` that was read from the file."""
        steps = tuple(path)
        while steps:
            found = self._places.get(steps)
            if found is not None:
                return Location(self.file, found[0], found[1])
            steps = steps[:-1]
        return Location(self.file, 1, 1)


def read_text(text: str, display: str, title: str
              ) -> tuple[dict[str, object], ArgdownPositions, list[Finding]]:
    """Argdown text -> map data, the positions of its nodes, and the reader's findings."""
    from argmap._interop.argdown.build import build
    from argmap._interop.argdown.parse import parse
    from argmap._load.codes import ARGDOWN_CODES, load_problem

    built = build(parse(text), title)
    positions = ArgdownPositions(display, text, built.places)
    findings = [
        load_problem(ARGDOWN_CODES[p.kind], p.message, Location(display, p.line, p.column),
                     hint=p.hint)
        for p in built.problems
    ]
    return built.data, positions, findings


def load_argdown(path: Path, limits: Limits, inside: Path | None = None) -> ArgumentMap:
    """Read an ``.argdown`` file as a map (through the read layer's checks and limits)."""
    from pydantic import ValidationError

    from argmap._findings import MapLoadError
    from argmap._load.codes import FORBIDDEN_CHARACTER, load_error
    from argmap._load.limits import FORBIDDEN_CHARS, check_limits
    from argmap._load.origin import MapOrigin
    from argmap._load.read import ParsedFile, display_path
    from argmap._load.read import read_text as read_file
    from argmap._load.validate import validation_findings
    from argmap._model import ArgumentMap

    display = display_path(path)
    text = read_file(path, limits, inside)
    bad = FORBIDDEN_CHARS.search(text)
    if bad:
        probe = PositionIndex(display, text)
        raise load_error(
            FORBIDDEN_CHARACTER,
            f"the file holds the control character U+{ord(bad.group()):04X}",
            probe.at_offset(len(text[: bad.start()].encode("utf-8"))),
            hint="a map is text: tabs and line breaks only; is this a binary file?",
        )
    data, positions, findings = read_text(text, display, path.stem)
    check_limits(data, display, limits, positions, text)
    parsed = ParsedFile(path, display, text, data, positions)
    origin = MapOrigin(root=path.parent, map_file=parsed, limits=limits, notes=findings)
    try:
        model = ArgumentMap.model_validate(data)
    except ValidationError as exc:
        raise MapLoadError(
            [*findings, *validation_findings(exc, data, origin.locate_path)]
        ) from None
    model._origin = origin  # noqa: SLF001 - the loader owns the origin
    return model
