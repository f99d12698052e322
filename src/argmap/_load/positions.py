"""Line and column of any node of a parsed YAML or JSON file, found only when asked for.

The fast parser (yaml-rs, json) gives plain Python data without positions. Building position
objects for every node would cost more than the parse itself, so this index re-parses the text
with rapidyaml, whose tree points into the original bytes, and walks it only along the paths a
message names. A file whose tree cannot be built still gets file-level locations.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from argmap._findings import Location
from argmap._load.blockscan import BlockScan
from argmap._load.lines import LineTable

__all__ = ["PositionIndex"]

PathStep = str | int


_STDERR_LOCK = threading.Lock()

#: Every index that built a rapidyaml tree. The trees are SWIG objects: destroyed during
#: interpreter shutdown, after the ryml module is gone, they crash the process (seen when an
#: exception's traceback keeps a map alive to the end). They are dropped at exit instead.
_LIVE_TREES: weakref.WeakSet[PositionIndex] = weakref.WeakSet()


@atexit.register
def _drop_trees() -> None:
    for index in list(_LIVE_TREES):
        index.drop_tree()


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence file descriptor 2 while rapidyaml parses.

    rapidyaml's C++ error handler prints its own message (with a C++ source path) to the
    process's stderr before raising; the user gets our located finding instead.
    """
    with _STDERR_LOCK:
        try:
            saved = os.dup(2)
        except OSError:  # no stderr at all: nothing to silence
            yield
            return
        try:
            with Path(os.devnull).open("wb") as devnull:
                os.dup2(devnull.fileno(), 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


class PositionIndex:
    """Maps data paths like ``("claims", 3, "kind")`` to locations in one file."""

    def __init__(self, file: str, text: str, data: bytes | None = None) -> None:
        self.file = file
        #: The bytes as read; rapidyaml parses a mutable copy in place (it unescapes quoted
        #: scalars there), so lines and columns are always computed from this one. ``data``:
        #: the text's UTF-8 when the caller has it (the bytes it decoded the text from).
        self._data = text.encode("utf-8") if data is None else data
        self._buffer: bytearray | None = None
        self._tree: Any = None
        self._base = 0
        self._built = False
        self._lines = LineTable(self._data)
        self._seq_children: dict[int, list[int]] = {}
        self._located: dict[tuple[tuple[PathStep, ...], str], Location] = {}
        self._size = 0
        self._ascii = self._data.isascii()
        self._scan: BlockScan | None = None

    def scan_with(self, data: Any) -> None:
        """Locate by scanning lines, guided by the file's parsed ``data``, before building a
        tree (block-style YAML; see :mod:`argmap._load.blockscan`)."""
        self._scan = BlockScan(self._data, data)

    def prune(self) -> None:
        """The parsed data is being dropped: the scan keeps only its outline and reads the
        items a path names again (see :meth:`BlockScan.prune`); locations stay the same."""
        if self._scan is not None:
            self._scan.prune()

    @property
    def size(self) -> int:
        """The file's length in bytes."""
        return len(self._data)

    def text(self) -> str:
        """The file's text: its bytes decoded (they are the text encoded, so this is exact)."""
        return self._data.decode("utf-8")

    # -- offsets to line/column ---------------------------------------------------------------

    def at_offset(self, offset: int, length: int = 0) -> Location:
        """Location of a byte offset; columns count code points, 1-based."""
        lines = self._lines
        offset = max(0, min(offset, len(self._data)))
        row = lines.row(offset)
        column = self._column(lines.start_of_row_at(offset), offset)
        if length:
            end = min(offset + length, len(self._data))
            end_row = lines.row(end)
            end_col = self._column(lines.start_of_row_at(end), end)
            return Location(self.file, row + 1, column, end_row + 1, end_col)
        return Location(self.file, row + 1, column)

    def _column(self, line_start: int, offset: int) -> int:
        if self._ascii:  # one byte per code point: no decoding needed
            return offset - line_start + 1
        return len(self._data[line_start:offset].decode("utf-8", "replace")) + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end (for the ``full`` report)."""
        lines = self._lines
        if line < 1 or not lines.has_row(line - 1):
            return ""
        start, end = lines.start(line - 1), lines.end(line - 1)
        return self._data[start:end].decode("utf-8", "replace").rstrip("\r")

    # -- the tree ------------------------------------------------------------------------------

    def _build(self) -> Any:
        if not self._built:
            self._built = True
            try:
                import ryml

                from argmap._load.buffers import address

                self._buffer = bytearray(self._data)
                with _quiet_stderr():
                    self._tree = ryml.parse_in_place(self._buffer)
                _LIVE_TREES.add(self)
                self._size = int(self._tree.size())
                self._base = address(memoryview(self._buffer))
            except Exception:  # noqa: BLE001 - any parser failure means coarse locations
                self._tree = None
        return self._tree

    def tree(self) -> Any:
        """The file's rapidyaml tree (scalars as text, aliases unexpanded), or None when
        rapidyaml cannot read the file; built once, for locating and for the pre-parse bounds."""
        return self._build()

    def offset_of(self, view: Any) -> int | None:
        """The byte offset in the file of a view into the tree's buffer."""
        return self._offset_of(view)

    def drop_tree(self) -> None:
        """Free the rapidyaml tree now; locating after this gives file-level locations."""
        self._tree = None
        self._buffer = None
        self._seq_children.clear()
        self._located.clear()

    def _offset_of(self, view: Any) -> int | None:
        if view is None or len(view) == 0:
            return None
        from argmap._load.buffers import address  # imported with the tree, see _build

        return address(view) - self._base

    def _node_offset(self, node: int, part: Literal["key", "value"]) -> tuple[int, int] | None:
        """Byte offset and length of a node's key or value; containers use their first child."""
        tree = self._tree
        if part == "key" and tree.has_key(node):
            off = self._offset_of(tree.key(node))
            if off is not None:
                return off, len(tree.key(node))
        if tree.has_val(node) and not tree.is_container(node):
            off = self._offset_of(tree.val(node))
            if off is not None:
                if tree.is_val_literal(node) or tree.is_val_folded(node):
                    off = self._skip_indent(off)  # a block scalar's view starts at the margin
                return off, len(tree.val(node))
            if tree.has_key(node):  # an empty value: point at its key
                off = self._offset_of(tree.key(node))
                if off is not None:
                    return off, len(tree.key(node))
        if tree.has_key(node):
            off = self._offset_of(tree.key(node))
            if off is not None:
                return off, len(tree.key(node))
        child = tree.first_child(node) if tree.has_children(node) else None
        if child is not None and self._valid(child):
            found = self._node_offset(child, "key")
            if found is not None:
                return self._back_to_dash(found[0]), found[1]
        return None

    def _skip_indent(self, offset: int) -> int:
        data = self._data
        while offset < len(data) and data[offset] in b" \t\r\n":
            offset += 1
        return offset

    def _back_to_dash(self, offset: int) -> int:
        """For a block sequence item ``- key: v``, point at the dash rather than the key."""
        pos = offset - 1
        data = self._data
        while pos >= 0 and data[pos] in b" \t":
            pos -= 1
        if pos >= 0 and data[pos] == ord("-"):
            return pos
        if pos >= 0 and data[pos] == ord("{"):
            return pos
        return offset

    def _child(self, node: int, step: PathStep) -> int | None:
        tree = self._tree
        if isinstance(step, int):
            if not tree.is_seq(node):
                return None
            kids = self._seq_children.get(node)
            if kids is None:
                import ryml

                kids = list(ryml.children(tree, node))
                self._seq_children[node] = kids
            return kids[step] if 0 <= step < len(kids) else None
        if not tree.is_map(node):
            return None
        found = tree.find_child(node, step.encode("utf-8"))
        return found if self._valid(found) else None

    def _valid(self, node: int | None) -> bool:
        """rapidyaml answers "no such node" with NPOS (2**64 - 1), not with -1."""
        return node is not None and 0 <= node < self._size

    def locate(self, path: Sequence[PathStep], part: Literal["key", "value"] = "value") -> Location:
        """The location of the deepest node of ``path`` that exists in the file.

        Answers are remembered: a map with many findings names the same nodes again and
        again (every duplicate of one text points back at the first).
        """
        key = (tuple(path), part)
        known = self._located.get(key)
        if known is None:
            known = self._located[key] = self._locate(path, part)
        return known

    def _locate(self, path: Sequence[PathStep], part: Literal["key", "value"]) -> Location:
        if self._scan is not None and not self._built:
            found = self._scan.locate(path, part)
            if found is not None:
                return self.at_offset(*found)
        tree = self._build()
        if tree is None:
            return Location(self.file, 1, 1)
        node = tree.root_id()
        if tree.is_stream(node) and tree.has_children(node):
            node = tree.first_child(node)
        for step in path:
            child = self._child(node, step)
            if child is None:
                break
            node = child
        found = self._node_offset(node, part)
        if found is None:
            return Location(self.file, 1, 1)
        return self.at_offset(*found)

    def tags(self) -> list[tuple[str, Location]] | None:
        """Every explicit tag in the file with its location; None when it cannot be parsed."""
        tree = self._build()
        if tree is None:
            return None
        found: list[tuple[str, Location]] = []
        for node in range(tree.size()):
            for has, get in ((tree.has_key_tag, tree.key_tag), (tree.has_val_tag, tree.val_tag)):
                if not has(node):
                    continue
                view = get(node)
                tag = bytes(view).decode("utf-8", "replace")
                offset = self._offset_of(view)
                if offset is None or not 0 <= offset < len(self._data):
                    offset = self._data.find(tag.encode("utf-8"))
                # point at the "!" that starts the tag when the view skips it
                while offset > 0 and self._data[offset - 1 : offset] == b"!":
                    offset -= 1
                found.append((tag, self.at_offset(max(offset, 0))))
        return found

    def duplicate_key(self) -> tuple[str, Location, Location] | None:
        """The first key that appears twice in one mapping, with both locations."""
        tree = self._build()
        if tree is None:
            return None
        import ryml

        stack = [tree.root_id()]
        best: tuple[int, str, int, int] | None = None
        while stack:
            node = stack.pop()
            kids = list(ryml.children(tree, node))
            if tree.is_map(node):
                seen: dict[bytes, int] = {}
                for kid in kids:
                    if not tree.has_key(kid):
                        continue
                    key = bytes(tree.key(kid))
                    if key in seen:
                        second = self._offset_of(tree.key(kid)) or 0
                        first = self._offset_of(tree.key(seen[key])) or 0
                        if best is None or second < best[0]:
                            name = key.decode("utf-8", "replace")
                            best = (second, name, first, len(key))
                    else:
                        seen[key] = kid
            stack.extend(kids)
        if best is None:
            return None
        second_at, name, first_at, length = best
        return name, self.at_offset(second_at, length), self.at_offset(first_at, length)
