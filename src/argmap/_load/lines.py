"""Line numbers of byte offsets in a file's bytes, without a table of every line start.

A list of line starts cost 100 MiB at 100,000 claims (2.5 million Python ints) and a Python
loop over every line to build, for the handful of findings a large map usually has. This
keeps one count per 4 KiB block (the newlines before it), built by ``bytes.count`` over each
block, and finds the rest within one block.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left

__all__ = ["LineTable"]

#: Bytes per block: a lookup scans at most one block.
BLOCK = 4096


class LineTable:
    """Rows and line starts of one file's bytes (``\\n`` ends a line), built on first use."""

    __slots__ = ("_before", "_data")

    def __init__(self, data: bytes) -> None:
        self._data = data
        #: ``_before[i]``: the newlines in ``data[: i * BLOCK]``; the last entry counts all.
        self._before: array[int] | None = None

    def _table(self) -> array[int]:
        if self._before is None:
            count = self._data.count
            table = array("q", [0])
            total = 0
            for start in range(0, len(self._data), BLOCK):
                total += count(b"\n", start, start + BLOCK)
                table.append(total)
            self._before = table
        return self._before

    def __len__(self) -> int:
        """The number of lines: one more than the newlines."""
        return self._table()[-1] + 1

    def row(self, offset: int) -> int:
        """The 0-based line of a byte offset (0 <= offset <= len(data))."""
        block = offset // BLOCK
        return self._table()[block] + self._data.count(b"\n", block * BLOCK, offset)

    def start_of_row_at(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self._data.rfind(b"\n", 0, offset) + 1

    def start(self, row: int) -> int:
        """The offset where a 0-based line starts (0 <= row < len(self))."""
        return 0 if row == 0 else self._newline(row) + 1

    def end(self, row: int) -> int:
        """The offset of the newline that ends a 0-based line, or the end of the data."""
        return self._newline(row + 1) if row + 1 < len(self) else len(self._data)

    def _newline(self, k: int) -> int:
        """The offset of the ``k``-th newline (1-based; there are at least ``k``)."""
        table = self._table()
        block = bisect_left(table, k) - 1  # table[block] < k <= table[block + 1]
        find = self._data.find
        pos = block * BLOCK - 1
        for _ in range(k - table[block]):
            pos = find(b"\n", pos + 1)
        return pos
