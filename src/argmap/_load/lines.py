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
    """Rows and line starts of one file's bytes (``\\n`` ends a line), built as far as asked.

    A row needs only the blocks before its offset, a line's start and end only the blocks up
    to its newlines: the table grows that far, and to the end only for the line count. The
    one finding of the map of 10,000 claims (its thesis, near the start) no longer counts the
    newlines of all 6 MB.
    """

    __slots__ = ("_before", "_data")

    def __init__(self, data: bytes) -> None:
        self._data = data
        #: ``_before[i]``: the newlines in ``data[: i * BLOCK]``, for the blocks counted so
        #: far; once complete, the last entry counts all.
        self._before: array[int] = array("q", [0])

    def _upto(self, block: int) -> array[int]:
        """The table with an entry for ``block`` (when the data reaches that far)."""
        table = self._before
        if len(table) <= block:
            count = self._data.count
            size = len(self._data)
            total = table[-1]
            for start in range((len(table) - 1) * BLOCK, min(block * BLOCK, size), BLOCK):
                total += count(b"\n", start, start + BLOCK)
                table.append(total)
        return table

    def _table(self) -> array[int]:
        return self._upto(-(-len(self._data) // BLOCK))

    def __len__(self) -> int:
        """The number of lines: one more than the newlines."""
        return self._table()[-1] + 1

    def row(self, offset: int) -> int:
        """The 0-based line of a byte offset (0 <= offset <= len(data))."""
        block = offset // BLOCK
        return self._upto(block)[block] + self._data.count(b"\n", block * BLOCK, offset)

    def start_of_row_at(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self._data.rfind(b"\n", 0, offset) + 1

    def start(self, row: int) -> int:
        """The offset where a 0-based line starts (0 <= row < len(self))."""
        return 0 if row == 0 else self._newline(row) + 1

    def end(self, row: int) -> int:
        """The offset of the newline that ends a 0-based line, or the end of the data."""
        return self._newline(row + 1) if self.has_row(row + 1) else len(self._data)

    def has_row(self, row: int) -> bool:
        """Whether the data has a 0-based line ``row`` (0 <= row), as ``row < len(self)``,
        counting the blocks only as far as that line's newline."""
        return row == 0 or self._newlines(row)[-1] >= row

    def _newlines(self, k: int) -> array[int]:
        """The table grown until it counts at least ``k`` newlines, or to the end."""
        table = self._before
        count = self._data.count
        size = len(self._data)
        start = (len(table) - 1) * BLOCK
        while table[-1] < k and start < size:
            table.append(table[-1] + count(b"\n", start, start + BLOCK))
            start += BLOCK
        return table

    def _newline(self, k: int) -> int:
        """The offset of the ``k``-th newline (1-based; there are at least ``k``)."""
        table = self._newlines(k)
        block = bisect_left(table, k) - 1  # table[block] < k <= table[block + 1]
        find = self._data.find
        pos = block * BLOCK - 1
        for _ in range(k - table[block]):
            pos = find(b"\n", pos + 1)
        return pos
