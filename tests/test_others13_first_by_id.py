"""The map's indexes by ID (``index._first_by_id``) are built in C where no ID repeats.

Held to round twelve's loop, kept here: the same keys in the same order, each holding the
very first item with its ID, on lists whose IDs repeat anywhere or not at all.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.index import _first_by_id


class _Node:
    __slots__ = ("id", "n")

    def __init__(self, node_id: str, n: int) -> None:
        self.id = node_id
        self.n = n


def _reference(items: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "C", "a", "A.1", "", "é"]), max_size=12),
       st.booleans())
def test_first_by_id_is_round_twelves(ids: list[str], unique: bool) -> None:
    if unique:
        ids = list(dict.fromkeys(ids))
    items = [_Node(node_id, n) for n, node_id in enumerate(ids)]
    new, old = _first_by_id(items), _reference(items)
    assert list(new) == list(old)
    assert all(new[key] is old[key] for key in old)
