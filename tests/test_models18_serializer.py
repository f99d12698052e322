"""The models' JSON serialiser of numbers (``_model._JsonNumber``) against the
``PlainSerializer(_decimal_out, when_used="json")`` it replaces: the same core schema, the
same output, and ``pydantic.functional_serializers`` left out of the models' import."""

import subprocess
import sys
from decimal import Decimal
from typing import Annotated, Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import PlainSerializer, TypeAdapter

from argmap import _model


def _oracle(annotation: Any) -> Any:
    """``annotation`` as it was written before: its metadata with ``PlainSerializer`` in
    place of ``_JsonNumber``."""
    serializer = _model._JsonNumber  # noqa: SLF001 - the replacement under test
    decimal_out = _model._decimal_out  # noqa: SLF001 - the function both serialise with
    base, *metadata = get_args(annotation)
    assert any(isinstance(item, serializer) for item in metadata)
    old = [
        PlainSerializer(decimal_out, when_used="json") if isinstance(item, serializer) else item
        for item in metadata
    ]
    return Annotated[(base, *old)]  # type: ignore[valid-type]


ANNOTATIONS = [_model.Number, _model.Tolerance, _model.Number | None, _model.Tolerance | None]


@pytest.mark.parametrize(
    "annotation", ANNOTATIONS, ids=["Number", "Tolerance", "Number-or-None", "Tolerance-or-None"]
)
def test_same_core_schema_and_json_schemas(annotation: Any) -> None:
    args = get_args(annotation)
    oracle = _oracle(annotation) if args[1:] != (type(None),) else _oracle(args[0]) | None
    new, old = TypeAdapter(annotation), TypeAdapter(oracle)
    assert new.core_schema == old.core_schema
    for mode in ("validation", "serialization"):
        assert new.json_schema(mode=mode) == old.json_schema(mode=mode)


decimals = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.integers(min_value=-(10**20), max_value=10**20).map(Decimal),
    st.sampled_from(
        [Decimal("2.50"), Decimal("1E+3"), Decimal("0.1"), Decimal("-0"), Decimal(10**15)]
    ),
)


@given(decimals)
def test_same_output(value: Decimal) -> None:
    new, old = TypeAdapter(_model.Number), TypeAdapter(_oracle(_model.Number))
    assert new.dump_json(value) == old.dump_json(value)
    json_new, json_old = new.dump_python(value, mode="json"), old.dump_python(value, mode="json")
    assert (type(json_new), json_new) == (type(json_old), json_old)
    assert new.dump_python(value) is value
    assert old.dump_python(value) is value


def test_a_quantity_dumps_as_before() -> None:
    """Through a model: a value written back keeps its digits (``2.50``) or is a number."""
    quantity = _model.Quantity.model_validate(
        {"id": "q1", "text": "2.50", "value": "2.50", "upper": 3, "unit": "%"}
    )
    dumped = quantity.model_dump(mode="json", exclude_none=True)
    assert dumped["value"] == "2.50"
    assert dumped["upper"] == 3
    assert type(dumped["upper"]) is int
    assert quantity.model_dump()["value"] == Decimal("2.50")


def test_models_do_not_import_functional_serializers() -> None:
    code = (
        "import sys, argmap._model; "
        "print('pydantic.functional_serializers' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
