"""MapOrigin.path_of answers as the one table keyed by ``kind:ID`` and by ID did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap._load.origin import COLLECTIONS, MapOrigin
from argmap._load.positions import PositionIndex
from argmap._load.read import ParsedFile


def _reference(data: dict[str, Any], node_id: str, kind: str | None) -> tuple[str, int] | None:
    """The table path_of kept before: both keys of every item, the first registered wins."""
    nodes: dict[str, tuple[str, int]] = {}
    for collection in COLLECTIONS:
        items = data.get(collection)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                nodes.setdefault(f"{collection}:{item['id']}", (collection, index))
                nodes.setdefault(item["id"], (collection, index))
    return nodes.get(f"{kind}:{node_id}" if kind else node_id)


#: Few IDs, some of which read as another node's ``kind:ID``, so that keys collide.
_IDS = st.sampled_from(["C1", "C2", "E1", "claims:C1", "evidence:E1", "claims:", "x:C1", ":"])
_ITEM = st.one_of(st.fixed_dictionaries({"id": _IDS}), st.just({"id": 3}), st.just("C1"))
_DATA = st.dictionaries(
    st.sampled_from([*COLLECTIONS, "other"]),
    st.one_of(st.lists(_ITEM, max_size=6), st.just("not a list")),
)


@given(data=_DATA, node_id=_IDS, kind=st.sampled_from([None, "", *COLLECTIONS, "other"]))
def test_path_of_matches_the_table_of_both_keys(
    data: dict[str, Any], node_id: str, kind: str | None
) -> None:
    parsed = ParsedFile(Path("map.yaml"), "map.yaml", "", data, PositionIndex("map.yaml", ""))
    origin = MapOrigin(root=Path(), map_file=parsed)
    assert origin.path_of(node_id, kind) == _reference(data, node_id, kind)


@given(data=_DATA, queries=st.lists(
    st.tuples(_IDS, st.sampled_from([None, "", *COLLECTIONS, "other"])), max_size=12))
def test_path_of_answers_the_same_before_and_after_it_builds_its_tables(
    data: dict[str, Any], queries: list[tuple[str, str | None]]
) -> None:
    """The first calls scan lists of IDs, later ones look them up in tables: the same."""
    parsed = ParsedFile(Path("map.yaml"), "map.yaml", "", data, PositionIndex("map.yaml", ""))
    origin = MapOrigin(root=Path(), map_file=parsed)
    for node_id, kind in queries:
        assert origin.path_of(node_id, kind) == _reference(data, node_id, kind)


def test_how_often_an_origin_was_asked_is_no_part_of_it() -> None:
    """Two origins of the same file are equal whether or not either located a node yet (the
    count of ``path_of`` calls decides only how it answers)."""
    data = {"claims": [{"id": "C1"}]}
    parsed = ParsedFile(Path("map.yaml"), "map.yaml", "", data, PositionIndex("map.yaml", ""))
    asked_once, asked_twice = MapOrigin(root=Path(), map_file=parsed), MapOrigin(
        root=Path(), map_file=parsed)
    asked_once.path_of("C1")
    asked_twice.path_of("C1")
    asked_twice.path_of("C1")
    assert asked_once == asked_twice
