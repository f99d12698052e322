"""Every ID of a map where it is defined and where it is used, with its place in the text.

Built from the parsed files (not the validated model), so go-to-definition and references
keep working while the map being typed does not validate. An ID is defined by the ``id`` of
an item of a collection (sections, claims, relations, evidence, checks, sources) or of a
claim's quantity, and used by the fields that name another node (``REFERENCE_FIELDS``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from argmap._load.origin import COLLECTIONS
from argmap._record import record

if TYPE_CHECKING:
    from argmap._load.origin import MapOrigin
    from argmap._load.read import ParsedFile

__all__ = ["REFERENCE_FIELDS", "Occurrence", "SymbolIndex"]

#: collection -> field -> the collections whose IDs the field names.
REFERENCE_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "sections": {"parent": ("sections",)},
    "claims": {"section": ("sections",), "evidence": ("evidence",)},
    "relations": {"from": ("claims",), "to": ("claims", "relations")},
    "evidence": {"source": ("sources",), "via": ("sources",)},
    "checks": {
        "claim": ("claims",),
        **dict.fromkeys(("numerator", "denominator", "result", "from", "to", "part", "whole",
                         "parts", "total", "minuend", "subtrahend"), ("quantities",)),
    },
}
#: Top-level fields of a map that name a node.
TOP_REFERENCES: dict[str, tuple[str, ...]] = {"subject": ("sources",)}


@record
class Occurrence:
    """One appearance of an ID: in ``file`` (as findings show it) on 1-based ``line``,
    code points ``start:end`` of that line. ``kind`` is the defining collection (or
    ``quantities``); ``field`` is the referring field, None for a definition."""

    id: str
    kind: str
    file: str
    line: int
    start: int
    end: int
    definition: bool
    path: tuple[str | int, ...]  # the data path in the combined map
    field: str | None = None

    def contains(self, file: str, line: int, column: int) -> bool:
        """Whether the 1-based ``line`` and 0-based code point ``column`` fall on it."""
        return file == self.file and line == self.line and self.start <= column <= self.end


class SymbolIndex:
    """The occurrences of every ID of one map's files."""

    def __init__(self, origin: MapOrigin) -> None:
        self.origin = origin
        self.occurrences: list[Occurrence] = []
        self.kinds: dict[str, str] = {}  # ID -> its collection, first definition wins
        self._build(origin.combined_data())

    # -- queries -----------------------------------------------------------------------------

    def at(self, file: str, line: int, column: int) -> Occurrence | None:
        """The occurrence under a cursor (1-based line, 0-based code point column)."""
        for occurrence in self.occurrences:
            if occurrence.contains(file, line, column):
                return occurrence
        return None

    def definitions(self, node_id: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.definition and o.id == node_id]

    def references(self, node_id: str, *, include_definition: bool = True) -> list[Occurrence]:
        return [o for o in self.occurrences
                if o.id == node_id and (include_definition or not o.definition)]

    def ids(self, kinds: Sequence[str] | None = None) -> dict[str, str]:
        """Defined IDs (ID -> collection), of the given collections when named, in map order."""
        return {node_id: kind for node_id, kind in self.kinds.items()
                if kinds is None or kind in kinds}

    # -- building ----------------------------------------------------------------------------

    def _build(self, data: dict[str, Any]) -> None:
        for field_name, kinds in TOP_REFERENCES.items():
            value = data.get(field_name)
            if isinstance(value, str):
                self._add(value, kinds[0], (field_name,), definition=False, field=field_name)
        for collection in COLLECTIONS:
            items = data.get(collection)
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    self._item(collection, index, item)

    def _item(self, collection: str, index: int, item: dict[str, Any]) -> None:
        path: tuple[str | int, ...] = (collection, index)
        if isinstance(item.get("id"), str):
            self._add(item["id"], collection, (*path, "id"), definition=True)
        for field_name, kinds in REFERENCE_FIELDS.get(collection, {}).items():
            for at, value in _strings(item.get(field_name)):
                self._add(value, kinds[0], (*path, field_name, *at), definition=False,
                          field=field_name)
        quantities = item.get("quantities") if collection == "claims" else None
        if isinstance(quantities, list):
            for number, quantity in enumerate(quantities):
                if isinstance(quantity, dict) and isinstance(quantity.get("id"), str):
                    self._add(quantity["id"], "quantities",
                              (*path, "quantities", number, "id"), definition=True)

    def _add(self, node_id: str, kind: str, path: tuple[str | int, ...], *, definition: bool,
             field: str | None = None) -> None:
        if not node_id:
            return
        parsed, inner = self.origin.file_of(path)
        place = _place(parsed, inner, node_id)
        if place is None:
            return
        line, start = place
        if definition:
            self.kinds.setdefault(node_id, kind)
        self.occurrences.append(Occurrence(
            node_id, kind, parsed.display, line, start, start + len(node_id), definition,
            path, field))


def _strings(value: Any) -> Iterator[tuple[tuple[int, ...], str]]:
    """A field's ID or IDs, with the list index of each."""
    if isinstance(value, str):
        yield (), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (index,), item


def _place(parsed: ParsedFile, path: Sequence[str | int], node_id: str) -> tuple[int, int] | None:
    """The 1-based line and 0-based code point column where the ID is written."""
    location = parsed.positions.locate(path)
    line = parsed.positions.line_text(location.line)
    found = line.find(node_id, max(0, location.column - 2))  # the value, or its opening quote
    if found < 0:
        return None
    return location.line, found
