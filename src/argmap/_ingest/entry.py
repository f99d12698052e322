"""The files ``argmap source add`` writes, as text: the CSL-JSON item and the sidecar.

The item is YAML text appended to the map's sources file, so that what the user wrote there
(comments, order, quoting) stays as it was; strings are written as JSON strings, which YAML
reads as the same strings. The sidecar is ``<snapshot>.json`` beside the snapshot: the page
labels (one per form-feed-separated page) and every repair, so a quote's place in the
snapshot leads back to the document's own text and page.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from argmap._ingest.document import Document
from argmap._ingest.meta import slug
from argmap._verify.pages import sidecar_path

__all__ = [
    "EMPTY_SOURCES",
    "SIDECAR_FORMAT",
    "append_item",
    "choose_id",
    "item_yaml",
    "sidecar_json",
    "sidecar_path",
]

SIDECAR_FORMAT = "argmap-snapshot-sidecar/1"
#: A sources file with no item yet: the one form of an empty list that an item may replace.
EMPTY_SOURCES = "[]"
_EMPTY_LINE = re.compile(r"^\[\][ \t]*(?:#.*)?$", re.MULTILINE)
_FIELDS = ("type", "title", "author", "container-title", "publisher", "issued", "URL",
           "ISBN", "language")


def choose_id(metadata: dict[str, Any], fallback: str, taken: set[str]) -> str:
    """An ID from the first author's name, the year and the title's first words, else from
    ``fallback`` (the file name); ``-2``, ``-3``... when taken."""
    words = []
    authors = metadata.get("author") or []
    if authors:
        words.append(authors[0].get("family") or authors[0].get("literal") or "")
    issued = str(metadata.get("issued", ""))[:4]
    if issued:
        words.append(issued)
    title = metadata.get("title", "")
    words += title.split()[:3]
    base = slug(" ".join(words)) if title or authors else ""
    base = base or slug(fallback) or "source"
    candidate, number = base, 1
    while candidate.lower() in {t.lower() for t in taken}:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def item_yaml(source_id: str, document: Document, snapshot: str, sha256: str, made: date,
              origin: str, url: str | None) -> str:
    """The sources-file item (YAML text, ending in a newline) for a new snapshot."""
    metadata = dict(document.metadata)
    if url and "URL" not in metadata:
        metadata["URL"] = url
    lines = [f"- id: {_scalar(source_id)}"]
    for key in _FIELDS:
        value = metadata.get(key)
        if value in (None, "", []):
            continue
        if key == "author":
            lines.append("  author:")
            lines += ["    - {" + ", ".join(f"{k}: {_scalar(v)}" for k, v in name.items()) + "}"
                      for name in value]
        else:
            lines.append(f"  {key}: {_scalar(value)}")
    if url:
        lines.append(f"  accessed: {_scalar(made.isoformat())}")
    pages = f", {len(document.pages)} pages" if document.pages else ""
    repairs = f", {len(document.repairs)} repairs" if document.repairs else ""
    note = f"Snapshot made by argmap source add from {origin} ({document.kind}{pages}{repairs})."
    lines.append(f"  note: {_scalar(note)}")
    lines += ["  snapshot:", f"    path: {_scalar(snapshot)}", f"    sha256: {sha256}",
              f"    retrieved: {made.isoformat()}"]
    return "\n".join(lines) + "\n"


def append_item(existing: str | None, item: str, header: str) -> str:
    """The sources file with ``item`` appended as text: an empty file gets ``header`` first,
    and a file whose list is still the empty ``[]`` has that line replaced."""
    if existing is None or not existing.strip():
        return header + item
    found = _EMPTY_LINE.search(existing)
    if found is not None:
        return existing[:found.start()] + item.rstrip("\n") + existing[found.end():]
    gap = "" if existing.endswith("\n\n") else "\n" if existing.endswith("\n") else "\n\n"
    return existing + gap + item


def sidecar_json(document: Document, sha256: str, origin: str) -> str:
    """The sidecar's JSON text: page labels and repairs, tied to the snapshot's sha256."""
    data: dict[str, Any] = {"format": SIDECAR_FORMAT, "sha256": sha256, "from": origin,
                            "kind": document.kind}
    if document.pages is not None:
        data["pages"] = document.pages
    data["repairs"] = [repair.as_data() for repair in document.repairs]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
