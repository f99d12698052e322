"""The written schema builds its variant without ``model_post_init`` itself
(``_fast_schema_data.schema({})``), where the rewritten validator for maps of
``FAST_FROM_ITEMS`` to ``SHARE_NAMES_FROM_ITEMS`` items rebuilt the schema read without it
(``_without_post_init``, kept for a schema generated from the model). Both must be equal."""

from __future__ import annotations

from argmap._load import _fast_schema_data as written
from argmap._load import fast_schema

#: The written schema as a map of ``SHARE_NAMES_FROM_ITEMS`` items or more is validated with.
_SHARED = written.schema({"post_init": "model_post_init"})


def test_the_written_variant_is_the_schema_without_post_init() -> None:
    assert fast_schema.written_schema() is not None  # else the validator would not use it
    assert written.schema({}) == fast_schema._without_post_init(_SHARED)  # noqa: SLF001
    assert "model_post_init" in repr(_SHARED)


def test_the_validator_without_post_init_is_built_from_the_written_variant() -> None:
    schema, config = fast_schema._schema(share_names=False)  # noqa: SLF001 - the step itself
    assert schema == written.schema({})
    assert "model_post_init" not in repr(schema)
    assert config == written.CONFIG
    assert fast_schema._schema(share_names=True) == (_SHARED, written.CONFIG)  # noqa: SLF001
