"""The rewritten validator (``_load/fast_schema``) against the model's own: whatever it
accepts, the model's own accepts and builds the same nodes from; whatever the model's own
refuses, it refuses; ``validate_map`` raises the model's own errors."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from argmap import MapLoadError
from argmap._load import fast_schema
from argmap._load.fast_schema import fast_validator, validate_map
from argmap._load.loader import discover, load_data
from argmap._load.origin import _first_of_ids, _id_lists
from argmap._model import ArgumentMap
from model_nodes import model_nodes
from strategies import map_data

ROOT = Path(__file__).parent.parent
FOLDERS = ("claims", "examples", "tests/example-maps", "tests/bad-inputs", "tests/fix-maps")


def snapshot(value: Any) -> Any:
    """Everything a validated value holds: each node's class, set fields (and whether the set
    is shared, see ``_Model.model_post_init``), extra keys and values, and every leaf's type
    and repr (``Decimal('1.0')`` is not ``Decimal('1.00')``)."""
    if isinstance(value, BaseModel):
        return (
            type(value).__name__,
            sorted(value.model_fields_set),
            type(value.__pydantic_fields_set__).__name__,
            snapshot(value.__pydantic_extra__),
            {name: snapshot(item) for name, item in value.__dict__.items()},
        )
    if isinstance(value, list):
        return [snapshot(item) for item in value]
    if isinstance(value, dict):
        return {repr(key): snapshot(item) for key, item in value.items()}
    return (type(value).__name__, repr(value))  # an enum member or a decimal as it reads


def _fast(data: Any) -> Any:
    fast = fast_validator()
    assert fast is not None
    return fast.validate_python(data)


def outcome(validate: Any, data: Any) -> Any:
    try:
        return snapshot(validate(copy.deepcopy(data)))
    except ValidationError:
        return ValidationError


def assert_agrees(data: Any) -> bool:
    """The rewritten validator accepts less or the same, and builds the same; True when it
    accepted."""
    mine = outcome(_fast, data)
    theirs = outcome(ArgumentMap.model_validate, data)
    if mine is ValidationError:
        return False
    assert mine == theirs
    return True


def test_the_written_schema_is_up_to_date_and_used() -> None:
    """After a change to ``_model.py`` (or to the rewrite), write it again:
    ``python -m argmap._load.fast_schema``."""
    written = Path(fast_schema.__file__).with_name("_fast_schema_data.py")
    assert written.read_text(encoding="utf-8") == fast_schema.module_source()
    assert fast_schema.written_schema() is not None


def test_a_stale_written_schema_is_not_used() -> None:
    from argmap._load import _fast_schema_data

    digest = _fast_schema_data.MODEL_SHA256
    _fast_schema_data.MODEL_SHA256 = "0" * 64
    fast_schema.written_schema.cache_clear()
    fast_schema.written_module.cache_clear()
    try:
        assert fast_schema.written_schema() is None
        assert fast_schema.written_module() is None
    finally:
        _fast_schema_data.MODEL_SHA256 = digest
        fast_schema.written_schema.cache_clear()
        fast_schema.written_module.cache_clear()
    assert fast_schema.written_schema() is not None


def test_the_rewritten_validator_has_none_of_the_python_steps_it_replaces() -> None:
    text = repr(fast_validator())
    for gone in ("_number_as_text", "length_validator", "_apply_constraint", "_no_items"):
        assert gone not in text
    assert "Prebuilt" not in text  # it built the schema it was given, not the model's own


def _repo_map_data() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for folder in FOLDERS:
        for item in discover([ROOT / folder]):
            if isinstance(item, tuple):
                try:
                    origin = load_data(item.path, inside=item.inside)
                except (MapLoadError, OSError):
                    continue
                found.append((str(item.path.relative_to(ROOT)), origin.combined_data()))
    return found


def test_every_map_of_the_repository_validates_the_same() -> None:
    maps = _repo_map_data()
    accepted = {name for name, data in maps if assert_agrees(data)}
    assert len(maps) > 100
    # the fast way is the usual way: every example and every paper map takes it
    for name, _ in maps:
        if name.startswith(("examples/", "claims/")):
            assert name in accepted, name


@pytest.mark.parametrize(
    "value",
    [
        2019, 999, 10_000, -2019, True, 2019.0, "2019", "0000", "0000-01", "0000-01-01",
        "2019-02-28", "2019-02-29", "2020-02-29", "2019-02-30", "2019-13", "2019-00",
        "2019-1", "2019/2020", "2020/2019", "2019-05/2019", "\u0662\u0660\u0661\u0669",
        "2019\n", " 2019", "2019-01-01/2019-12-31", "x" * 30, "", None, [2019], {"y": 1},
    ],
)
def test_periods(value: Any) -> None:
    for data in (
        {"title": "t", "claims": [{"id": "C1", "text": "x", "period": value}]},
        {"title": "t", "evidence": [{"id": "E1", "source": "S", "period": value}]},
        {"title": "t", "sources": [{"id": "S", "issued": value}]},
    ):
        assert_agrees(data)


@pytest.mark.parametrize(
    "value",
    [
        7, 0, -1, True, False, 1.5, 10**30, "S1", "", "a\x7fb", "a\tb", "x" * 2000,
        "x" * 2001, "http://zotero.org/users/1/items/ABCD2345", None, ["S1"], Decimal("2"),
    ],
)
def test_source_ids(value: Any) -> None:
    for data in (
        {"title": "t", "sources": [{"id": value}]},
        {"title": "t", "evidence": [{"id": "E1", "source": value}]},
        {"title": "t", "evidence": [{"id": "E1", "source": "S", "via": value}]},
        {"title": "t", "subject": value},
    ):
        assert_agrees(data)


@pytest.mark.parametrize(
    "value", ["C1", ["C1"], ["C1", "C2"], [], "", [""], ["bad id"], 5, [5], None, "x" * 201]
)
def test_premises(value: Any) -> None:
    data = {
        "title": "t",
        "claims": [{"id": "C1", "text": "a"}, {"id": "C2", "text": "b"}],
        "relations": [{"id": "R1", "type": "supports", "from": value, "to": "C2"}],
    }
    assert_agrees(data)


def test_every_node_shares_its_set_of_set_fields() -> None:
    data = {
        "title": "t",
        "sections": [{"id": "S1", "title": "s", "ignore": [{"code": "AM101", "reason": "r"}]}],
        "claims": [{"id": "C1", "text": "a", "quantities": [{"id": "Q1", "value": 1}],
                    "ignore": [{"code": "AM101", "reason": "r"}]}],
        "relations": [{"id": "R1", "type": "supports", "from": "C1", "to": "C1",
                       "ignore": [{"code": "AM101", "reason": "r"}]}],
        "evidence": [{"id": "E1", "source": "S", "locator": {"page": 1},
                      "quote": {"exact": "q"}, "position": {"start": 0, "end": 1},
                      "ignore": [{"code": "AM101", "reason": "r"}]}],
        "checks": [{"id": "K1", "type": "sum", "parts": ["Q1"], "total": "Q1",
                    "ignore": [{"code": "AM101", "reason": "r"}]}],
        "sources": [{"id": "S", "author": [{"family": "f"}], "issued": {"date-parts": [[2019]]},
                     "snapshot": {"path": "p"}, "ignore": [{"code": "AM101", "reason": "r"}]}],
    }

    found = model_nodes(_fast(data))
    assert len(found) == 20
    for node in found:
        assert type(node.__pydantic_fields_set__).__name__ == "_SharedNames", node
    assert assert_agrees(data)


def test_list_defaults_are_new_lists() -> None:
    fast = fast_validator()
    assert fast is not None
    first = fast.validate_python({"title": "t", "claims": [{"id": "C1", "text": "a"}] * 2})
    one, two = first.claims
    assert one.tags == []
    assert one.tags is not two.tags
    assert one.ignore is not two.ignore


#: Values an edit may put anywhere in a map: each kind the models read, and wrong ones.
_EDIT_VALUES = st.one_of(
    st.integers(-5, 3000) | st.sampled_from([10**25, 2019, 1999, 2020]),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(
        ["2019", "2019-02", "2019-02-29", "2020-02-29", "2018/2019", "2019/2018", "0999",
         "C1", "S1", "E1", "R1", "bad id", "", "x" * 201, "supports", "thesis", "AM301",
         "approx", "percent", "million", "ratio", "1.50", "a\x7f"]
    ),
    st.just([]),
    st.just({}),
    st.lists(st.sampled_from(["C1", "S1", 3, "", "x y"]), max_size=3),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


@st.composite
def edited_maps(draw: st.DrawFn) -> dict[str, Any]:
    """A valid generated map with a few values replaced, keys removed or keys added."""
    data = copy.deepcopy(draw(map_data()))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_paths(data)[1:] or [("title",)]))
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["set", "drop", "add"]))
        if action == "set":
            parent[path[-1]] = draw(_EDIT_VALUES)
        elif action == "drop" and isinstance(parent, dict):
            parent.pop(path[-1], None)
        elif isinstance(parent, dict):
            key = draw(st.sampled_from(["period", "source", "via", "from", "issued", "id",
                                        "tags", "ignore", "extra-key", "URL"]))
            parent[key] = draw(_EDIT_VALUES)
    return data


@given(map_data())
def test_generated_maps_validate_the_same(data: dict[str, Any]) -> None:
    assert assert_agrees(data)  # a valid map takes the fast way


@given(edited_maps())
def test_edited_maps_validate_the_same(data: dict[str, Any]) -> None:
    assert_agrees(data)


@given(edited_maps())
def test_validate_map_raises_the_models_own_errors(data: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_schema, "FAST_FROM_ITEMS", 0)
        patch.setattr(fast_schema, "SHARE_NAMES_FROM_ITEMS", 0)  # see test_load13_unshared
        try:
            mine = snapshot(validate_map(copy.deepcopy(data)))
        except ValidationError as exc:
            mine = exc.errors(include_url=False)
    try:
        theirs = snapshot(ArgumentMap.model_validate(copy.deepcopy(data)))
    except ValidationError as exc:
        theirs = exc.errors(include_url=False)
    assert repr(mine) == repr(theirs)


@given(st.lists(st.one_of(st.fixed_dictionaries({"id": st.sampled_from("abcd")}),
                          st.fixed_dictionaries({"id": st.integers(0, 3)}),
                          st.just({}), st.just("x"), st.just(["id"])), max_size=8))
def test_first_indexes_match_the_loop(items: list[Any]) -> None:
    expected: dict[str, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            expected.setdefault(item["id"], index)
    assert _first_of_ids(_id_lists({"claims": items})["claims"]) == expected
