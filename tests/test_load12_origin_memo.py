"""MapOrigin.path_of remembers its answers: a node asked for again (a finding's fix, a
related finding) is not searched again, and the answer is the one a first search gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap._load.origin import COLLECTIONS, MapOrigin
from argmap._load.positions import PositionIndex
from argmap._load.read import ParsedFile

_IDS = st.sampled_from(["C1", "C2", "E1", "claims:C1", "evidence:E1", "claims:", ":"])
_KINDS = st.sampled_from([None, "", *COLLECTIONS, "other"])
_ITEM = st.one_of(st.fixed_dictionaries({"id": _IDS}), st.just({"id": 3}), st.just("C1"))
_DATA = st.dictionaries(
    st.sampled_from([*COLLECTIONS, "other"]),
    st.one_of(st.lists(_ITEM, max_size=6), st.just("not a list")),
)


def _origin(data: dict[str, Any]) -> MapOrigin:
    parsed = ParsedFile(Path("map.yaml"), "map.yaml", "", data, PositionIndex("map.yaml", ""))
    return MapOrigin(root=Path(), map_file=parsed)


@given(data=_DATA, queries=st.lists(st.tuples(_IDS, _KINDS), max_size=16))
def test_a_remembered_answer_is_a_fresh_origins_answer(
    data: dict[str, Any], queries: list[tuple[str, str | None]]
) -> None:
    origin = _origin(data)
    for node_id, kind in queries:
        assert origin.path_of(node_id, kind) == _origin(data).path_of(node_id, kind)
    # only nodes not asked for before were searched
    assert origin._lookups == len(set(queries))  # noqa: SLF001 - what the memo saves


def test_answers_stay_after_the_data_is_released() -> None:
    data = {"claims": [{"id": "C1"}, {"id": "C2"}], "evidence": [{"id": "C2"}]}
    origin = _origin(data)
    assert origin.path_of("C2", "claims") == ("claims", 1)
    origin.release_data(always=True)
    assert origin.path_of("C2", "claims") == ("claims", 1)
    assert origin.path_of("C2", "evidence") == ("evidence", 0)
    assert origin.path_of("C2") == ("claims", 1)
