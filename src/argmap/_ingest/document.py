"""What a converter returns: the snapshot text, its page labels, its repairs and its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap._record import record
from argmap._verify.pages import PAGE_BREAK  # a form feed, which anchoring reads as a space

__all__ = ["PAGE_BREAK", "Document", "Repair", "TextBuilder", "restore"]


@record
class Repair:
    """One change made to the extracted text: ``text`` at ``start:end`` of the snapshot was
    ``original`` in the document (on page ``page``, when the document has pages)."""

    kind: str  # ligature, lost-ligature, hyphen, header, footer
    start: int
    end: int
    text: str
    original: str
    page: str | None = None

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end,
                                "text": self.text, "original": self.original}
        if self.page is not None:
            data["page"] = self.page
        return data


@dataclass(slots=True)
class Document:
    """A converted document. ``pages`` are the printed labels, one per form-feed-separated
    page of ``text``; None when the document has no pages (HTML, EPUB, text)."""

    text: str
    kind: str
    metadata: dict[str, Any] = field(default_factory=dict)
    pages: list[str] | None = None
    repairs: list[Repair] = field(default_factory=list)


class TextBuilder:
    """Builds a snapshot piece by piece, recording each piece that differs from the original."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.repairs: list[Repair] = []
        self.page: str | None = None

    def add(self, text: str, original: str | None = None, kind: str = "") -> None:
        """Append ``text``; when ``original`` differs from it, record the repair."""
        if original is not None and original != text:
            self.repairs.append(Repair(kind, self._length, self._length + len(text), text,
                                       original, self.page))
        self._parts.append(text)
        self._length += len(text)

    def text(self) -> str:
        return "".join(self._parts)


def restore(text: str, repairs: list[Repair], start: int, end: int) -> str:
    """The document's own text for the snapshot's ``text[start:end]``: every repair inside the
    span undone (a joined hyphen, a removed header, a repaired ligature come back).

    >>> fixed = [Repair("hyphen", 8, 8, "", "-\\n"), Repair("lost-ligature", 13, 15, "ff", "f")]
    >>> restore("per weekday effect", fixed, 0, 18)
    'per week-\\nday efect'
    """
    out: list[str] = []
    at = start
    for repair in sorted(repairs, key=lambda r: (r.start, r.end)):
        inside = start <= repair.start and repair.end <= end
        empty_at_edge = repair.start == repair.end and repair.start in (start, end)
        if not inside or empty_at_edge or repair.start < at:
            continue
        out += [text[at:repair.start], repair.original]
        at = repair.end
    out.append(text[at:end])
    return "".join(out)
