"""The JSON Schema of the file format, generated from the models.

The schema in ``schemas/`` is checked in so editors (yaml-language-server) and other tools can
use it without argmap; a test keeps it equal to what this module generates.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["SCHEMA_ID", "SOURCES_SCHEMA_ID", "map_schema", "schema_text", "sources_schema"]

SCHEMA_ID = "https://argmap.dev/schemas/argmap.schema.json"
SOURCES_SCHEMA_ID = "https://argmap.dev/schemas/sources.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def map_schema() -> dict[str, Any]:
    """Schema of a map file (``map.yaml``, ``map.json`` or ``NAME.argmap.yaml``)."""
    from argmap._model import ArgumentMap

    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **schema}


def sources_schema() -> dict[str, Any]:
    """Schema of a sources file: a CSL-JSON list of items, each optionally with a snapshot."""
    from pydantic import TypeAdapter

    from argmap._model import Source

    schema = TypeAdapter(list[Source]).json_schema(by_alias=True, mode="validation")
    return {
        "$schema": DIALECT,
        "$id": SOURCES_SCHEMA_ID,
        "title": "argmap sources (CSL-JSON)",
        **schema,
    }


def schema_text(kind: str = "map") -> str:
    """The schema as the stable text that is committed (sorted keys, two-space indent)."""
    schema = map_schema() if kind == "map" else sources_schema()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
