"""Nodes given the same fields share one set of set fields, and still behave as their own."""

from __future__ import annotations

import copy
import pickle

from argmap._model import ArgumentMap, Claim


def _map() -> ArgumentMap:
    return ArgumentMap.model_validate({
        "title": "t",
        "claims": [{"id": "C1", "text": "a"}, {"id": "C2", "text": "b"},
                   {"id": "C3", "text": "c", "kind": "thesis"}],
    })


def test_nodes_given_the_same_fields_share_one_set() -> None:
    first, second, third = _map().claims
    assert first.model_fields_set == second.model_fields_set == {"id", "text"}
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert third.model_fields_set == {"id", "text", "kind"}
    assert repr(first.model_fields_set).startswith("{")  # prints as a plain set


def test_a_change_to_one_node_leaves_the_others_alone() -> None:
    first, second, _ = _map().claims
    first.note = "changed"
    del second.title
    assert first.model_fields_set == {"id", "text", "note"}
    assert second.model_fields_set == {"id", "text"}
    fresh = _map().claims[0]
    assert fresh.model_fields_set == {"id", "text"}


def test_copies_and_pickles_keep_their_own_sets() -> None:
    first, second, _ = _map().claims
    updated = first.model_copy(update={"title": "T"})
    deep = copy.deepcopy(second)
    deep.tags = ["x"]
    assert updated.model_fields_set == {"id", "text", "title"}
    assert deep.model_fields_set == {"id", "text", "tags"}
    assert first.model_fields_set == second.model_fields_set == {"id", "text"}
    restored = pickle.loads(pickle.dumps(_map()))  # noqa: S301 - our own data
    restored.claims[0].note = "n"
    assert restored.claims[1].model_fields_set == {"id", "text"}
    assert Claim(id="C9", text="x").model_fields_set == {"id", "text"}
