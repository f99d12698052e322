"""Where a loaded map came from: its files, and how to find any of its nodes in them.

Rules and reporters name nodes ("claim P1, field text"); :class:`MapOrigin` turns such a name
into a file, line and column through the position index of the file that holds it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import field
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from argmap._findings import Finding, Location
from argmap._load.limits import DEFAULT_LIMITS, Limits
from argmap._load.positions import PathStep
from argmap._load.read import ParsedFile
from argmap._load.snapshot_reader import SnapshotReader
from argmap._load.snapshots import SnapshotText, read_snapshot
from argmap._record import record
from argmap._text import visible

__all__ = ["COLLECTIONS", "MapOrigin"]

#: The collections of a map whose items carry IDs, in the order reports name them.
COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")
_ID = itemgetter("id")
#: Map files (with their sources file) from this many bytes drop their parsed data once
#: loaded, in a check (:meth:`MapOrigin.release_data`); the reader process is forked for the
#: same size (``argmap._engine.reader``).
RELEASE_FROM_BYTES = 16 << 20
#: The one smaller map whose data :meth:`MapOrigin.release_data` keeps for now.
_KEPT: list[MapOrigin] = []



@record(frozen=False, slots=False)
class MapOrigin:
    """The files a map was loaded from, and how to find any of its nodes in them."""

    root: Path
    map_file: ParsedFile
    sources_file: ParsedFile | None = None
    inline_sources: int = 0
    #: The limits the map was loaded under; snapshots are read under the same.
    limits: Limits = DEFAULT_LIMITS
    #: What reading the map noted without refusing it (the Argdown reader's AM116-AM118).
    notes: list[Finding] = field(default_factory=list)
    #: Collection -> its items' IDs in order (None for an item without one), scanned for
    #: the first few nodes located, then (ID -> first index) tables: see :meth:`path_of`.
    _nodes: dict[str, Any] | None = field(default=None, repr=False)
    _lookups: int = field(default=0, repr=False, compare=False)  # not what the origin is
    #: (ID, kind) -> :meth:`path_of`'s answer: a finding's node is looked up again for its
    #: fix and by related findings, and each look-up scans its collection's IDs.
    _answers: dict[tuple[str, str | None], tuple[str, int] | None] = field(
        default_factory=dict, repr=False, compare=False)

    @property
    def folder(self) -> Path:
        """The folder snapshot paths are relative to."""
        return self.map_file.path.parent

    def read_snapshot(self, relative_path: str) -> SnapshotText | str:
        """A snapshot of this map (confined to its folder, under its limits), or why not."""
        return read_snapshot(self.folder, relative_path, self.limits.max_snapshot_bytes)

    def snapshot_reader(self) -> SnapshotReader:
        """A reader of many snapshots of this map (the same answers as
        :meth:`read_snapshot`, its folders resolved and listed once): one per check."""
        return SnapshotReader(self.folder, self.limits.max_snapshot_bytes)

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
        """The collection and index of the first node with this ID (of this kind, if given).

        The first node of each ID is kept per collection (ID -> index), not as one table
        keyed by ``kind:ID`` and by ID: that table cost two keys, a string and a tuple per
        node (60 MiB at 100,000 claims) for the few findings a check usually locates. The
        answers are the same, down to an ID that reads as another node's ``kind:ID``: the
        node registered first (collections in order, then items) wins.

        The first :data:`_SCANNED_LOOKUPS` calls scan each collection's list of IDs in C
        (15 ms at 100,000 claims) instead of building the tables (0.17 s there): a map
        usually has a finding or two to locate. Later calls build them once. An answer is
        remembered, so only look-ups of other nodes count (locating the 100,000-claim map's
        three AM422 findings, each looked up twice, no longer builds the tables).
        """
        answers = self._answers
        asked = (node_id, kind)
        if asked in answers:
            return answers[asked]
        found = answers[asked] = self._path_of(node_id, kind)
        return found

    def _path_of(self, node_id: str, kind: str | None) -> tuple[str, int] | None:
        if self._nodes is None:
            self._nodes = _id_lists(self.combined_data())
        nodes = self._nodes
        self._lookups += 1
        if self._lookups == _SCANNED_LOOKUPS + 1:
            nodes = self._nodes = {c: _first_of_ids(ids) for c, ids in nodes.items()}
        find: Callable[[Any, str, int], int | None] = (
            _scan if self._lookups <= _SCANNED_LOOKUPS else _lookup)
        key = f"{kind}:{node_id}" if kind else node_id
        best: tuple[int, int, int] | None = None  # (collection, index, 0 = by kind:ID)
        for rank, collection in enumerate(COLLECTIONS):
            if best is not None:
                break  # a later collection's node never comes first
            first = nodes.get(collection)
            if not first:
                continue
            stop = sys.maxsize  # (a table's length is no bound: IDs repeat)
            if key.startswith(collection) and key[len(collection):len(collection) + 1] == ":":
                index = find(first, key[len(collection) + 1:], stop)
                if index is not None:
                    best = (rank, index, 0)
                    stop = index  # the ID itself comes first only before this node
            index = find(first, key, stop)
            if index is not None and (best is None or (rank, index, 1) < best):
                best = (rank, index, 1)
        return None if best is None else (COLLECTIONS[best[0]], best[1])

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

    def release_data(self, *, always: bool = False) -> None:
        """Drop the parsed data of the map's files (a third of a large map's memory) once the
        models are built, keeping what locating needs: the IDs of each collection, and each
        file's outline (see :meth:`ParsedFile.release_data`). For a check whose caller reads
        only its findings; :meth:`combined_data` gives the outline afterwards.

        A map under ``RELEASE_FROM_BYTES`` (unless ``always``) keeps its data until the next
        such map's is kept: freeing it is serial work before the rules start (18-21 ms of CPU
        at 10,000 claims, a 6 MB file), and the program leaves without freeing what it holds
        (``os._exit``); a run over many maps still holds one small map's data at a time."""
        if not always and self._bytes() < RELEASE_FROM_BYTES:
            while _KEPT:
                earlier = _KEPT.pop()
                if earlier is not self:
                    earlier.release_data(always=True)
            _KEPT.append(self)
            return
        if self._nodes is None:
            self._nodes = _id_lists(self.combined_data())
        for parsed in (self.map_file, self.sources_file):
            if parsed is not None:
                parsed.release_data()

    def _bytes(self) -> int:
        return sum(parsed.positions.size for parsed in (self.map_file, self.sources_file)
                   if parsed is not None)

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


#: Calls of :meth:`MapOrigin.path_of` answered by scanning lists of IDs; later calls build
#: the tables. A scan of every collection costs about a twelfth of building them.
_SCANNED_LOOKUPS = 4


def _scan(ids: list[Any], node_id: str, stop: int) -> int | None:
    """The index of the first ID equal to ``node_id`` (a text: no other ID equals it) before
    ``stop``: a node found at or after it would not be the answer (see :meth:`path_of`,
    which so scans no list past the answer: at 10,000 claims a claim's lookup read every
    collection's IDs, 35,000, and now reads its own collection's up to the claim)."""
    try:
        return ids.index(node_id, 0, stop)
    except ValueError:
        return None


def _lookup(first: dict[str, int], node_id: str, stop: int) -> int | None:
    """The index of ``node_id`` in a table of first indexes (``path_of``'s later calls),
    if before ``stop``."""
    index = first.get(node_id)
    return index if index is not None and index < stop else None


def _id_lists(data: Any) -> dict[str, list[Any]]:
    """Collection -> the ID of each item (None for an item that is no mapping or has none).

    Read in C when every item is a mapping with an ID (a map that loaded): 28 ms at
    100,000 claims, where the tables of first indexes cost 0.17 s."""
    found: dict[str, list[Any]] = {}
    for collection in COLLECTIONS:
        items = data.get(collection) if isinstance(data, dict) else None
        if not isinstance(items, list):
            continue
        try:
            found[collection] = list(map(_ID, items))
        except (TypeError, KeyError):  # an item that is no mapping, or has no ID
            found[collection] = [item.get("id") if isinstance(item, dict) else None
                                 for item in items]
    return found


def _first_of_ids(ids: list[Any]) -> dict[str, int]:
    """ID -> index of the first item with it, for the items with a text ID.

    When every ID is a text (a map that loaded), in C: the dict is built from the last item
    back, so that the first index of an ID is the one kept (20 ms -> 5 ms at 10,000 claims).
    Keys come in another order than the loop's, which no reader depends on (they look IDs
    up).
    """
    if set(map(type, ids)) <= {str}:
        return dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if isinstance(item_id, str):
            first.setdefault(item_id, index)
    return first
