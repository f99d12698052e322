"""Sources accept every CSL 1.0.2 variable; unknown keys are findings, not load errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._model import CSL_TYPES, CslDate, CslName, Source
from argmap._verify.csl import valid_keys

SCHEMA = Path(__file__).parent / "fixtures" / "csl" / "csl-data.json"
SHARED = Path(__file__).parents[2] / "shared" / "csl" / "csl-data.json"


def _schema(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(params=["committed", "shared"])
def schema(request: pytest.FixtureRequest) -> dict[str, Any]:
    if request.param == "shared":
        if not SHARED.exists():
            pytest.skip("../shared/csl is not present on this machine")
        return _schema(SHARED)
    return _schema(SCHEMA)


def test_source_keys_are_the_csl_variables(schema: dict[str, Any]) -> None:
    variables = set(schema["items"]["properties"])
    assert set(valid_keys(Source)) - {"snapshot", "ignore"} == variables


def test_item_types_are_the_csl_types(schema: dict[str, Any]) -> None:
    assert set(CSL_TYPES) == set(schema["items"]["properties"]["type"]["enum"])


def test_name_and_date_keys(schema: dict[str, Any]) -> None:
    name = schema["definitions"]["name-variable"]["anyOf"][0]["properties"]
    date = schema["definitions"]["date-variable"]["anyOf"][0]["properties"]
    assert set(valid_keys(CslName)) == set(name)
    assert set(valid_keys(CslDate)) == set(date)


def _value(spec: dict[str, Any]) -> Any:
    """A valid value for one variable of the schema."""
    text = json.dumps(spec)
    if "name-variable" in text:
        return [{"family": "Lee", "given": "Ann"}]
    if "date-variable" in text:
        return {"date-parts": [[2021, 3, 4]]}
    kind = spec.get("type")
    if kind == "array":
        return ["a", "b"]
    if kind == "object":
        return {"checked": True}
    if isinstance(kind, list):
        return 3
    return "text"


def test_an_item_with_every_variable_loads_clean(tmp_path: Path) -> None:
    props = _schema(SCHEMA)["items"]["properties"]
    item = {key: _value(spec) for key, spec in props.items()}
    item.update({"id": "http://zotero.org/users/1/items/ABCD2345", "type": "report",
                 "URL": "https://example.org/r"})
    (tmp_path / "map.yaml").write_text(
        "title: t\nclaims:\n  - {id: T1, kind: thesis, text: x, evidence: [E1]}\n"
        "evidence:\n  - {id: E1, source: 'http://zotero.org/users/1/items/ABCD2345'}\n",
        encoding="utf-8",
    )
    (tmp_path / "sources.json").write_text(json.dumps([item]), encoding="utf-8")
    loaded = argmap.load(tmp_path)
    source = loaded.sources[0]
    assert source.model_extra == {}
    assert source.title_short == "text"
    assert source.version == "text"
    dumped = source.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
    assert {k for k in dumped if k != "ignore"} == set(props)
    codes = {f.code for f in argmap.check(loaded)}
    assert not codes & {"AM413", "AM414", "AM415"}


def test_unknown_keys_are_kept_and_reported(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(
        "title: t\nclaims:\n  - {id: T1, kind: thesis, text: x, evidence: [E1]}\n"
        "evidence:\n  - {id: E1, source: 12}\n"
        "sources:\n  - {id: 12, type: techreport, titel: A, author: [{last: Lee}]}\n",
        encoding="utf-8",
    )
    loaded = argmap.load(tmp_path)
    assert loaded.sources[0].id == "12"
    assert loaded.sources[0].model_extra == {"titel": "A"}
    found = {(f.code, f.hint) for f in argmap.check(loaded)
             if f.code in ("AM413", "AM414", "AM415")}
    assert found == {
        ("AM413", "did you mean 'title'?"),
        ("AM414", "did you mean 'family'?"),
        ("AM415", "did you mean 'report'?"),
    }
    dumped = argmap.dumps(loaded)
    assert "titel: A" in dumped


@pytest.mark.parametrize(
    "source_id",
    ["http://zotero.org/users/1/items/AB CD?x=1&y=<2>", "Lee 2020, p. \"3\"", "ü/#:;{}"],
)
def test_any_text_is_a_source_id_and_renders(tmp_path: Path, source_id: str) -> None:
    data = {
        "title": "t",
        "subject": source_id,
        "claims": [{"id": "T1", "kind": "thesis", "text": "x", "evidence": ["E1"]}],
        "evidence": [{"id": "E1", "source": source_id, "quote": {"exact": "x"}}],
        "sources": [{"id": source_id, "type": "report", "title": "R"}],
    }
    (tmp_path / "map.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = argmap.load(tmp_path)
    assert loaded.evidence[0].source == source_id
    assert not [f for f in argmap.check(loaded) if f.code in ("AM202", "AM203", "AM212")]
    svg = argmap.render(loaded).decode("utf-8")
    assert "<svg" in svg


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_a_source_id_loads_or_fails_cleanly(source_id: str) -> None:
    """No text as an ID crashes validation: it loads, or it is refused with a finding."""
    from pydantic import ValidationError

    try:
        source = Source.model_validate({"id": source_id})
    except ValidationError:
        assert any(ord(c) < 32 or ord(c) == 127 for c in source_id)
    else:
        assert source.id == source_id
