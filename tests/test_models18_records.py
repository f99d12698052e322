"""The number grammar's records are defined from annotation objects: a named tuple compiles
each annotation given as text (``typing.ForwardRef``), paid at every check's import."""

import typing

import pytest

from argmap._verify.numbers import reading, vocabulary

RECORDS = [
    reading._Lead,  # noqa: SLF001 - the record's definition is under test
    reading._Quantity,  # noqa: SLF001 - the record's definition is under test
    vocabulary.Currency,
    vocabulary.ScaleWord,
    vocabulary.Unit,
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.__name__)
def test_fields_are_annotated_with_objects(record: type) -> None:
    annotations = record.__annotations__
    assert annotations
    assert list(annotations) == list(record._fields)  # type: ignore[attr-defined]
    for annotation in annotations.values():
        assert not isinstance(annotation, str | typing.ForwardRef)
    assert typing.get_type_hints(record) == annotations


@pytest.mark.parametrize("module", [reading, vocabulary], ids=lambda module: module.__name__)
def test_module_annotations_are_evaluated(module: object) -> None:
    """Without ``from __future__ import annotations`` a module's functions hold objects."""
    assert "annotations" not in vars(module)
    functions = [
        value
        for value in vars(module).values()
        if callable(value) and getattr(value, "__module__", None) == module.__name__  # type: ignore[attr-defined]
        and getattr(value, "__annotations__", None)
    ]
    assert functions or module is vocabulary
    for function in functions:
        for annotation in function.__annotations__.values():
            assert not isinstance(annotation, str), (function, annotation)
