"""The pages of a snapshot: form feeds split it, its sidecar names them.

A snapshot made from a paged document (``argmap source add`` on a PDF) separates pages with a
form feed (U+000C), and its sidecar ``<snapshot>.json`` lists each page's printed label
(``"i"``, ``"ii"``, ``"1"``...). A snapshot with form feeds and no sidecar numbers its pages
1, 2, ...; one without form feeds has no page information, and so has a snapshot whose sidecar
lists a different number of pages than the text has (it was edited since): nothing is then
said about its pages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from argmap._lazyre import lazy_compile
from argmap._record import record

if TYPE_CHECKING:
    from argmap._verify.index import MapIndex

__all__ = ["PAGE_BREAK", "Pages", "page_request", "sidecar_path", "snapshot_pages"]

PAGE_BREAK = "\f"
_RANGE = lazy_compile(r"\s*[-–—]\s*")


def sidecar_path(snapshot_path: str) -> str:
    """Where a snapshot's sidecar sits: the snapshot's path with ``.json`` added."""
    return f"{snapshot_path}.json"


@record
class Pages:
    """Page labels and the offset where each page starts in the snapshot."""

    labels: tuple[str, ...]
    starts: tuple[int, ...]

    def at(self, offset: int) -> int:
        """The index of the page that holds ``offset``."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def spanned(self, start: int, end: int) -> set[int]:
        """The indexes of the pages a span touches."""
        return set(range(self.at(start), self.at(max(end - 1, start)) + 1))

    def describe(self) -> str:
        if len(self.labels) == 1:
            return f"1 page, {self.labels[0]}"
        return f"{len(self.labels)} pages, {self.labels[0]} to {self.labels[-1]}"


def _label_list(text: str) -> list[str] | None:
    import json  # only a snapshot with a page sidecar needs it

    try:
        data = json.loads(text)
    except ValueError:
        return None
    labels = data.get("pages") if isinstance(data, dict) else None
    if isinstance(labels, list) and labels and all(isinstance(x, str) for x in labels):
        return labels
    return None


def snapshot_pages(index: MapIndex, source_id: str) -> Pages | None:
    """The source's snapshot pages, once per map; None when the snapshot has no page info."""
    return index.memo((snapshot_pages, source_id), lambda: _pages(index, source_id))


def _pages(index: MapIndex, source_id: str) -> Pages | None:
    from argmap._load.snapshots import SnapshotText

    snapshot = index.snapshot(source_id)
    source = index.sources.get(source_id)
    if snapshot is None or source is None or source.snapshot is None:
        return None
    text = snapshot.text
    starts = [0]
    at = text.find(PAGE_BREAK)
    while at != -1:  # str.find runs in C: a character loop cost 0.3 s at 10,000 claims
        starts.append(at + 1)
        at = text.find(PAGE_BREAK, at + 1)
    labels: list[str] | None = None
    if index.origin is not None:
        sidecar = index.read_snapshot_file(sidecar_path(source.snapshot.path))
        if isinstance(sidecar, SnapshotText):
            labels = _label_list(sidecar.text)
            if labels is not None and len(labels) != len(starts):
                return None
    if labels is None:
        if len(starts) == 1:
            return None
        labels = [str(number) for number in range(1, len(starts) + 1)]
    return Pages(tuple(labels), tuple(starts))


def page_request(pages: Pages, value: str | int) -> tuple[set[int], list[str]]:
    """The page indexes a ``locator.page`` names ("3", "iv", "3-4", "3, 5"), and the labels
    in it that the snapshot does not have."""
    text = str(value).strip()
    text = re.sub(r"^(?:pp?\.|pages?)\s*", "", text, flags=re.IGNORECASE)
    folded = [label.casefold() for label in pages.labels]
    wanted: set[int] = set()
    unknown: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        ends = _RANGE.split(part, maxsplit=1) if part not in pages.labels else [part]
        first = [i for i, label in enumerate(folded) if label == ends[0].casefold()]
        if not first:
            unknown.append(ends[0])
            continue
        if len(ends) == 1:
            wanted.update(first)
            continue
        last = [i for i, label in enumerate(folded) if label == ends[1].casefold()
                and i >= first[0]]
        if not last:
            unknown.append(ends[1])
            continue
        wanted.update(range(first[0], last[0] + 1))
    return wanted, unknown
