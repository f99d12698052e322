"""The written schema is built when a validator is built, in the one form asked for: the
generated module calls nothing at import (it built the form with ``model_post_init``, which
only maps of ``SHARE_NAMES_FROM_ITEMS`` items or more use, at import), and both forms are
the ones the module held before (``SCHEMA``, and ``schema({})`` for smaller maps)."""

from __future__ import annotations

import ast

from argmap._load import _fast_schema_data as written
from argmap._load import fast_schema


def test_the_module_calls_nothing_at_import() -> None:
    tree = ast.parse(fast_schema.module_source())
    calls = [node for statement in tree.body if not isinstance(statement, ast.FunctionDef)
             for node in ast.walk(statement) if isinstance(node, ast.Call)]
    assert calls == []


def test_each_form_is_built_as_before() -> None:
    module = fast_schema.written_module()
    assert module is written
    shared, shared_config = fast_schema._schema(share_names=True)  # noqa: SLF001 - the step
    alone, alone_config = fast_schema._schema(share_names=False)  # noqa: SLF001
    assert shared_config is alone_config is written.CONFIG
    # the module's ``SCHEMA`` of before, and that without any post_init
    assert shared == written.schema({"post_init": "model_post_init"}) == written.SCHEMA
    assert "'post_init': 'model_post_init'" in repr(shared)
    assert alone == fast_schema._without_post_init(shared)  # noqa: SLF001
    assert "post_init" not in repr(alone)


def test_the_validators_take_a_map_as_before() -> None:
    data = {"title": "t", "claims": [{"id": "C1", "text": "x"}]}
    for share in (True, False):
        validator = fast_schema.fast_validator(share)
        assert validator is not None
        model = validator.validate_python(data)
        assert model.claims[0].id == "C1"
        assert model.model_fields_set == {"title", "claims"}
