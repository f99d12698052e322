"""``_Model.model_post_init`` shares the same sets of set fields as before it remembered the
last shared set of each class: the old function is kept here and both validate the same
generated maps; every node must read the same fields, and the nodes must share their sets in
the same groups (one set per distinct group of names, whatever the class)."""

# ruff: noqa: SLF001 - the model's private sharing of sets is what is under test

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from argmap import _model
from argmap._load.fast_schema import fast_validator
from model_nodes import model_nodes

_OLD_GET = BaseModel.__dict__["__pydantic_fields_set__"].__get__


def _old_post_init(self: Any, context: Any, /) -> None:
    """The function before this round, as it was."""
    del context
    names = _OLD_GET(self)
    shared = _model._SHARED_NAMES.get(frozenset(names))
    if shared is None:
        if len(_model._SHARED_NAMES) >= _model._MAX_SHARED_NAMES:
            return
        shared = _model._SHARED_NAMES[frozenset(names)] = _model._SharedNames(names)
    _model._set_names(self, shared)


_OPTIONAL_CLAIM = {"kind": "premise", "title": "t", "note": "n", "tags": ["a"],
                   "period": "2019", "quantities": [{"id": "Q", "value": 1}]}
_OPTIONAL_QUANTITY = {"unit": "USD", "text": "1", "kind": "count", "period": "2020"}
_OPTIONAL_EVIDENCE = {"note": "n", "locator": {"page": 1}, "quote": {"exact": "q"},
                      "period": "2019"}


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    claims = []
    for index in range(draw(st.integers(0, 12))):
        claim: dict[str, Any] = {"id": f"C{index}", "text": "x"}
        for key in draw(st.lists(st.sampled_from(sorted(_OPTIONAL_CLAIM)), unique=True)):
            claim[key] = _OPTIONAL_CLAIM[key]
        if "quantities" in claim:
            quantity: dict[str, Any] = {"id": f"Q{index}", "value": 1}
            for key in draw(st.lists(st.sampled_from(sorted(_OPTIONAL_QUANTITY)), unique=True)):
                quantity[key] = _OPTIONAL_QUANTITY[key]
            claim["quantities"] = [quantity]
        claims.append(claim)
    evidence = []
    for index in range(draw(st.integers(0, 8))):
        item: dict[str, Any] = {"id": f"E{index}", "source": "S"}
        for key in draw(st.lists(st.sampled_from(sorted(_OPTIONAL_EVIDENCE)), unique=True)):
            item[key] = _OPTIONAL_EVIDENCE[key]
        evidence.append(item)
    return {"title": "t", "claims": claims, "evidence": evidence,
            "sources": [{"id": "S", "type": "book"}] if draw(st.booleans()) else []}


def _sharing(data: dict[str, Any]) -> tuple[list[Any], list[int]]:
    """Each node's class, set fields and set type; and, per node, the first node that holds
    the same set object (the groups of sharing)."""
    fast = fast_validator()
    assert fast is not None
    nodes = model_nodes(fast.validate_python(data))
    sets = [node.__pydantic_fields_set__ for node in nodes]
    seen: dict[int, int] = {}
    groups = [seen.setdefault(id(names), at) for at, names in enumerate(sets)]
    read = [(type(node).__name__, sorted(node.model_fields_set), type(names).__name__)
            for node, names in zip(nodes, sets, strict=True)]
    return read, groups


@settings(max_examples=max(60, settings().max_examples // 2), deadline=None)
@given(data=st.lists(_maps(), min_size=1, max_size=3))
def test_nodes_share_their_sets_as_before(data: list[dict[str, Any]]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_model, "_SHARED_NAMES", {})
        patch.setattr(_model, "_LAST_SHARED", {})
        new = [_sharing(item) for item in data]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_model, "_SHARED_NAMES", {})
        patch.setattr(_model._Model, "model_post_init", _old_post_init)
        old = [_sharing(item) for item in data]
    assert new == old
