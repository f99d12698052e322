"""The committed JSON Schemas equal the generated ones and agree with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml_rs

from argmap._output.schema import schema_text

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "bike-lanes"


@pytest.mark.parametrize(("kind", "file"), [("map", "argmap"), ("sources", "sources")])
def test_committed_schema_is_in_sync(kind: str, file: str) -> None:
    committed = (ROOT / "schemas" / f"{file}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "run `argmap schema --write-all schemas`"


def _validator(file: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "schemas" / f"{file}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_example_map_is_valid_against_the_schema() -> None:
    data = yaml_rs.loads((EXAMPLE / "map.yaml").read_text(encoding="utf-8"), parse_datetime=False)
    assert list(_validator("argmap").iter_errors(data)) == []
    sources = yaml_rs.loads(
        (EXAMPLE / "sources.yaml").read_text(encoding="utf-8"), parse_datetime=False
    )
    assert list(_validator("sources").iter_errors(sources)) == []


@pytest.mark.parametrize(
    "bad",
    [
        {"title": "x", "claims": [{"id": "C1", "txt": "typo"}]},
        {"title": "x", "claims": [{"id": "C 1", "text": "t"}]},
        {"title": "x", "relations": [{"id": "R", "type": "proves", "from": "a", "to": "b"}]},
        {"title": "x", "claims": [{"id": "C", "text": "t", "period": "2020-13"}]},
        {"claims": []},
    ],
)
def test_schema_rejects_what_the_loader_rejects(bad: dict[str, object], tmp_path: Path) -> None:
    import argmap

    assert list(_validator("argmap").iter_errors(bad))
    path = tmp_path / "map.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(argmap.MapLoadError):
        argmap.load(path)


def test_format_doc_names_every_key() -> None:
    """docs/format.md documents every key of every model (its field reference is generated)."""
    from pydantic import BaseModel

    from argmap import _model

    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    missing = []
    for name in _model.__all__:
        model = getattr(_model, name)
        if isinstance(model, type) and issubclass(model, BaseModel):
            missing.extend(
                f"{name}.{info.alias or field}"
                for field, info in model.model_fields.items()
                if f"`{info.alias or field}`" not in doc
            )
    assert missing == []
