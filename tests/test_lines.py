"""The block line table gives the rows and line starts a list of every line start gives."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from argmap._load import lines as lines_module
from argmap._load.lines import LineTable


def _starts(data: bytes) -> list[int]:
    """The reference: every line start, as positions kept them before."""
    return [0, *(i + 1 for i, byte in enumerate(data) if byte == ord("\n"))]


#: Short lines and long ones, so that blocks hold many lines, one line, or part of one.
_DATA = st.lists(
    st.one_of(st.binary(max_size=8), st.binary(min_size=0, max_size=200)).map(
        lambda b: b.replace(b"\n", b"x")
    ),
    max_size=60,
).map(b"\n".join)


@given(data=_DATA, fraction=st.floats(0, 1), block=st.sampled_from([1, 2, 7, 64, 4096]))
def test_rows_and_starts_match_the_list_of_line_starts(
    data: bytes, fraction: float, block: int
) -> None:
    original = lines_module.BLOCK
    lines_module.BLOCK = block
    try:
        table = LineTable(data)
        starts = _starts(data)
        assert len(table) == len(starts)
        offset = round(fraction * len(data))
        row = bisect_right(starts, offset) - 1
        assert table.row(offset) == row
        assert table.start_of_row_at(offset) == starts[row]
        for line in range(len(starts)):
            assert table.start(line) == starts[line]
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(data)
            assert table.end(line) == end
    finally:
        lines_module.BLOCK = original


def test_empty_data_is_one_empty_line() -> None:
    table = LineTable(b"")
    assert len(table) == 1
    assert (table.row(0), table.start(0), table.end(0)) == (0, 0, 0)


@given(data=_DATA, calls=st.lists(st.tuples(st.sampled_from(["row", "len", "start", "end", "has"]),
                                            st.floats(0, 1)), max_size=6),
       block=st.sampled_from([1, 2, 7, 64, 4096]))
def test_a_table_built_as_far_as_asked_answers_as_the_list_of_line_starts(
    data: bytes, calls: list[tuple[str, float]], block: int
) -> None:
    """Rows asked before the line count (the table then covers only the blocks before the
    offset), in any order with the calls that need the whole table."""
    original = lines_module.BLOCK
    lines_module.BLOCK = block
    try:
        table = LineTable(data)
        starts = _starts(data)
        for call, fraction in calls:
            offset = round(fraction * len(data))
            line = round(fraction * (len(starts) - 1))
            if call == "row":
                assert table.row(offset) == bisect_right(starts, offset) - 1
            elif call == "len":
                assert len(table) == len(starts)
            elif call == "has":
                row = round(fraction * (len(starts) + 2))
                assert table.has_row(row) is (row < len(starts))
            elif call == "start":
                assert table.start(line) == starts[line]
            else:
                end = starts[line + 1] - 1 if line + 1 < len(starts) else len(data)
                assert table.end(line) == end
    finally:
        lines_module.BLOCK = original
