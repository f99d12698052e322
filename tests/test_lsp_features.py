"""The language server's parts without the protocol: positions, the ID index, hover and
completion, checked in-process on every cursor position of a map and on arbitrary text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._lsp.actions import smallest_change
from argmap._lsp.complete import candidates
from argmap._lsp.hover import hover_text
from argmap._lsp.positions import to_code_points, to_utf16, utf16_length
from argmap._lsp.workspace import analyse, map_file_for

ROOT = Path(__file__).parent.parent
BIKE = ROOT / "examples" / "bike-lanes"


@given(st.text())
def test_utf16_round_trip(line: str) -> None:
    assert utf16_length(line) == len(line.encode("utf-16-le")) // 2
    for column in range(len(line) + 1):
        assert to_code_points(line, to_utf16(line, column)) == column


@given(st.text(), st.text())
def test_smallest_change_turns_before_into_after(before: str, after: str) -> None:
    change = smallest_change(Path("f"), before, after)
    assert before[:change.start] + change.new + before[change.end:] == after


@pytest.fixture(scope="module")
def bike_state() -> object:
    here = Path.cwd()
    os.chdir(BIKE)
    try:
        return analyse(Path("map.yaml").absolute(), {})
    finally:
        os.chdir(here)


def test_map_file_for_each_kind_of_document() -> None:
    assert map_file_for(BIKE / "map.yaml") == BIKE / "map.yaml"
    assert map_file_for(BIKE / "sources.yaml") == BIKE / "map.yaml"
    assert map_file_for(BIKE / "snapshots" / "city-report-2023.txt") is None


def test_every_id_is_defined_once_and_every_use_resolves(bike_state: object) -> None:
    from argmap._lsp.workspace import MapState

    assert isinstance(bike_state, MapState)
    symbols = bike_state.symbols
    assert symbols is not None
    ctx = bike_state.context
    assert ctx is not None
    defined = {o.id for o in symbols.occurrences if o.definition}
    expected = ({c.id for c in ctx.map.claims} | {e.id for e in ctx.map.evidence}
                | {s.id for s in ctx.map.sources} | {r.id for r in ctx.map.relations}
                | {s.id for s in ctx.map.sections} | set(ctx.checks) | set(ctx.quantities))
    assert defined == expected
    for occurrence in symbols.occurrences:
        assert len(symbols.definitions(occurrence.id)) == 1, occurrence
        parsed = bike_state.parsed(occurrence.file)
        assert parsed is not None
        line = parsed.text.split("\n")[occurrence.line - 1]
        assert line[occurrence.start:occurrence.end] == occurrence.id


def test_hover_and_completion_at_every_position_never_fail(bike_state: object) -> None:
    """Every cursor position of the map: hover and completion answer or say nothing."""
    from argmap._lsp.workspace import MapState

    assert isinstance(bike_state, MapState)
    assert bike_state.origin is not None
    text = bike_state.origin.map_file.text
    lines = text.split("\n")
    display = bike_state.origin.map_file.display
    answered = 0
    for row, line in enumerate(lines):
        for column in range(len(line) + 1):
            found = hover_text(bike_state, display, row + 1, column)
            answered += found is not None
            candidates(lines, row, column, bike_state.symbols)
    assert answered > 100  # IDs and figures of the map answer


@given(st.lists(st.text(alphabet=" -:[],{}#abcEQ\n\t", max_size=30), max_size=8),
       st.integers(0, 10), st.integers(0, 40))
def test_completion_on_arbitrary_text_never_fails(lines: list[str], row: int, column: int
                                                  ) -> None:
    found = candidates(lines, row, column, None)
    assert all(c.label for c in found)
