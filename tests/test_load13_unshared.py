"""The rewritten validator without ``model_post_init`` (``fast_validator(share_names=False)``,
used by ``validate_map`` for maps under ``SHARE_NAMES_FROM_ITEMS`` items, small ones too when
it is read from ``_fast_schema_data``) against the one with it: it accepts and refuses the
same data, builds the same nodes with the same given fields, and only leaves each node its
own set of them instead of a shared one."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from pydantic import BaseModel, ValidationError

from argmap._load import fast_schema
from argmap._load.fast_schema import fast_validator, validate_map
from argmap._model import ArgumentMap
from model_nodes import model_nodes
from strategies import map_data
from test_fast_schema import _EDIT_VALUES, _paths, edited_maps


def _read(value: Any) -> Any:
    """What a validated value holds (as ``test_fast_schema.snapshot``), without whether a
    node's set of given fields is shared."""
    if isinstance(value, BaseModel):
        return (type(value).__name__, sorted(value.model_fields_set),
                _read(value.__pydantic_extra__),
                {name: _read(item) for name, item in value.__dict__.items()})
    if isinstance(value, list):
        return [_read(item) for item in value]
    if isinstance(value, dict):
        return {repr(key): _read(item) for key, item in value.items()}
    return (type(value).__name__, repr(value))


def _outcome(share_names: bool, data: Any) -> Any:
    validator = fast_validator(share_names)
    assert validator is not None
    try:
        built = validator.validate_python(copy.deepcopy(data))
    except ValidationError as exc:
        return repr(exc.errors(include_url=False))
    if not share_names:  # each node its own plain set: nothing shared, nothing to copy
        sets = [node.__pydantic_fields_set__ for node in model_nodes(built)]
        assert all(type(names) is set for names in sets)
        assert len({id(names) for names in sets}) == len(sets)
    return _read(built)


@given(map_data())
def test_generated_maps_build_the_same_nodes(data: dict[str, Any]) -> None:
    assert _outcome(False, data) == _outcome(True, data)


@given(edited_maps())
def test_edited_maps_are_accepted_and_refused_the_same(data: dict[str, Any]) -> None:
    assert _outcome(False, data) == _outcome(True, data)


_FULL_MAP: dict[str, Any] = {
    "title": "t", "description": "d", "format": 2,
    "claims": [{"id": "C1", "text": "a", "kind": "thesis", "period": "2019",
                "quantities": [{"id": "Q1", "value": 1, "unit": "USD", "period": "2020"}]},
               {"id": "C2", "text": "b", "tags": ["x"]}],
    "relations": [{"id": "R1", "type": "supports", "from": "C2", "to": "C1"}],
    "evidence": [{"id": "E1", "source": "S1", "claim": "C2", "quote": {"exact": "q"},
                  "locator": {"page": 1}}],
    "checks": [{"id": "K1", "type": "sum", "parts": ["Q1"], "total": "Q1"}],
    "sources": [{"id": "S1", "type": "book", "title": "b", "issued": {"date-parts": [[2019]]},
                 "author": [{"family": "f"}]}],
}


def test_every_single_edit_of_a_map_is_judged_the_same() -> None:
    """Each value of ``_EDIT_VALUES``' examples put at each place of a map (and each place
    dropped): the same nodes or the same errors."""
    values = [[], {}, None, True, 0, -1, 10**25, 1.5, "", "x" * 201, "2019-02-29", "bad id",
              "a\x7f", "supports", ["C1", 3]]
    edits = 0
    for path in _paths(_FULL_MAP)[1:]:
        for value in [*values, KeyError]:
            data = copy.deepcopy(_FULL_MAP)
            parent: Any = data
            for step in path[:-1]:
                parent = parent[step]
            if value is KeyError:
                if not isinstance(parent, dict):
                    continue
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
            assert _outcome(False, data) == _outcome(True, data), (path, value)
            edits += 1
    assert edits > 800
    assert _EDIT_VALUES is not None  # the hypothesis tests draw from the same kinds


@given(edited_maps())
def test_validate_map_in_the_unshared_range_builds_what_the_model_builds(
    data: dict[str, Any],
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_schema, "FAST_FROM_ITEMS", 0)  # every map is in the range
        try:
            mine = _read(validate_map(copy.deepcopy(data)))
        except ValidationError as exc:
            mine = exc.errors(include_url=False)
    try:
        theirs = _read(ArgumentMap.model_validate(copy.deepcopy(data)))
    except ValidationError as exc:
        theirs = exc.errors(include_url=False)
    assert repr(mine) == repr(theirs)


def test_a_node_of_the_unshared_range_changes_only_itself() -> None:
    data = {"title": "t", "claims": [{"id": "C1", "text": "a"}, {"id": "C2", "text": "b"}]}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_schema, "FAST_FROM_ITEMS", 0)
        built = validate_map(data)
    one, two = built.claims
    assert type(one.__pydantic_fields_set__) is set
    one.note = "n"
    assert "note" in one.model_fields_set
    assert "note" not in two.model_fields_set


def test_the_ranges_pick_the_validator() -> None:
    """Small and mid-sized maps do not share (one validator, without ``model_post_init``),
    big maps do (memory); a small map the written schema cannot take goes to the model's
    own validator, which shares."""
    small = {"title": "t", "claims": [{"id": "C1", "text": "a"}]}
    assert type(validate_map(small).claims[0].__pydantic_fields_set__) is set
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_schema, "FAST_FROM_ITEMS", 1)
        assert type(validate_map(small).claims[0].__pydantic_fields_set__) is set
        patch.setattr(fast_schema, "SHARE_NAMES_FROM_ITEMS", 1)
        assert type(validate_map(small).claims[0].__pydantic_fields_set__) is not set
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_schema, "written_module", lambda: None)
        assert type(validate_map(small).claims[0].__pydantic_fields_set__) is not set
