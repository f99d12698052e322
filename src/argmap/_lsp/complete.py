"""What completion offers where: a claim's kinds after ``kind:``, relation types after a
relation's ``type:``, the IDs a field may name after that field (sources after ``source:``,
evidence in a claim's ``evidence`` list, claims in ``from:``), and every ID elsewhere.

The field is read from the text (the line, or the key above a block list item), not from the
parsed map: while an item is being typed the map often does not parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap._lsp.symbols import REFERENCE_FIELDS, TOP_REFERENCES
from argmap._model import ClaimKind, RelationType
from argmap._record import record

if TYPE_CHECKING:
    from argmap._lsp.symbols import SymbolIndex

__all__ = ["Completion", "candidates"]

_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*:(?=\s|$)")
_TOP_KEY = re.compile(r"^([A-Za-z_$][\w-]*)\s*:")
_ITEM = re.compile(r"^\s*-\s*[^:]*$")


@record
class Completion:
    """One completion: the text, what it is, and whether it is an ID (else a keyword)."""

    label: str
    detail: str
    is_id: bool = True


def candidates(lines: list[str], line: int, column: int, symbols: SymbolIndex | None
               ) -> list[Completion]:
    """Completions for the cursor at 0-based ``line`` and code point ``column``."""
    before = lines[line][:column] if 0 <= line < len(lines) else ""
    key = _field(lines, line, before)
    collection = _collection(lines, line)
    if key == "kind" and collection == "claims":
        return [Completion(k.value, "claim kind", is_id=False) for k in ClaimKind]
    if key == "type" and collection == "relations":
        return [Completion(t.value, "relation type", is_id=False) for t in RelationType]
    if symbols is None:
        return []
    kinds: tuple[str, ...] | None = None
    if key is not None:
        fields = TOP_REFERENCES if collection is None else REFERENCE_FIELDS.get(collection, {})
        kinds = fields.get(key)
        if kinds is None and key in ("source", "via"):
            kinds = ("sources",)
    return [Completion(node_id, kind[:-1] if kind.endswith("s") else kind)
            for node_id, kind in symbols.ids(kinds).items()]


def _field(lines: list[str], line: int, before: str) -> str | None:
    """The key whose value the cursor is in: the last on the line before the cursor, or, on
    a block list item (``- E1``), the key of the list above it."""
    keys = _KEY.findall(before)
    if keys:
        return str(keys[-1])
    if not _ITEM.match(before):
        return None
    indent = len(before) - len(before.lstrip(" "))
    for above in range(line - 1, -1, -1):
        text = lines[above]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        depth = len(text) - len(text.lstrip(" "))
        if depth < indent or (depth == indent and not text.lstrip().startswith("-")):
            found = _KEY.findall(text)
            return str(found[-1]) if found and text.rstrip().endswith(":") else None
    return None


def _collection(lines: list[str], line: int) -> str | None:
    """The top-level key the cursor is under (``claims``, ``relations``, ...)."""
    for above in range(min(line, len(lines) - 1), -1, -1):
        match = _TOP_KEY.match(lines[above])
        if match:
            if above == line:
                return None  # a top-level key itself (``subject:``)
            return match.group(1) if lines[above].rstrip().endswith(":") else None
    return None
