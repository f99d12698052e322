"""Loading an AIF JSON file as a map: the origin that places findings in the AIF file.

The map's data is the converted nodeset; its positions translate a map path ("claim 296,
field text") to the AIF node it came from, so every finding on an imported map is located
at the node's line and column in the original JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from argmap._findings import Location
from argmap._interop.aif_read import Path, read_aif
from argmap._load.limits import Limits
from argmap._load.origin import MapOrigin
from argmap._load.positions import PathStep, PositionIndex
from argmap._load.read import ParsedFile

__all__ = ["aif_origin"]


class MappedPositions(PositionIndex):
    """Positions in the foreign file, asked for by paths of the converted map data."""

    def __init__(self, file: str, text: str, places: dict[tuple[str, int], Path]) -> None:
        super().__init__(file, text)
        self.places = places

    def translate(self, path: Sequence[PathStep]) -> Path:
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
            found = self.places.get((path[0], path[1]))
            if found is not None:
                if path[0] == "claims" and path[2:3] == ("text",):
                    return (*found, "text")
                return found
        return ()

    def locate(self, path: Sequence[PathStep], part: Literal["key", "value"] = "value") -> Location:
        return super().locate(self.translate(path), part)


def aif_origin(parsed: ParsedFile, limits: Limits) -> MapOrigin:
    """The origin of a map read from an AIF nodeset (``parsed`` holds the AIF JSON)."""
    positions = parsed.positions
    imported = read_aif(parsed.data, parsed.path.stem, positions.locate)
    mapped = MappedPositions(parsed.display, parsed.text, imported.places)
    converted = ParsedFile(parsed.path, parsed.display, parsed.text, imported.data, mapped)
    return MapOrigin(
        root=parsed.path.parent, map_file=converted, limits=limits,
        notes=imported.findings,
    )
