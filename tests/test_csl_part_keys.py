"""``unknown_part_keys`` reads only the fields that can hold a name or a date: held to the
walk of every field it replaced (kept here), on sources validated from hostile data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap._model import CslDate, CslName, Source
from argmap._verify import csl
from argmap._verify.csl import UnknownKey, unknown_part_keys

_part_keys = csl._part_keys  # noqa: SLF001 - the old walk's own step
_part_fields = csl._part_fields  # noqa: SLF001 - the fields under test
_declared = csl._declared  # noqa: SLF001 - the fields under test


def _reference(source: Source) -> Iterator[UnknownKey]:
    """The walk before: every field of the source, read and tested."""
    for name, info in type(source).model_fields.items():
        value = getattr(source, name)
        if isinstance(value, list | CslName | CslDate):
            yield from _part_keys(value, (info.alias or name,))


def test_the_skipped_fields_hold_no_list_name_or_date() -> None:
    kept = {name for name, _ in _part_fields(Source)}
    for name, info in Source.model_fields.items():
        if name not in kept:
            assert _declared(info.annotation) <= {str, int, float, bool, type(None)}, name
    assert {"author", "editor", "issued", "accessed", "categories"} <= kept
    assert _part_fields(CslDate) == (("date_parts", "date-parts"),)


_KEYS = st.sampled_from(["family", "given", "literal", "famly", "date-parts", "raw", "season",
                         "circa", "x", "given-name", "year"])
_SCALAR = st.one_of(st.none(), st.text(max_size=5), st.integers(-5, 3000), st.booleans())
_PART = st.one_of(_SCALAR, st.dictionaries(_KEYS, _SCALAR, max_size=4),
                  st.lists(st.dictionaries(_KEYS, _SCALAR, max_size=3), max_size=3))
_FIELDS = st.sampled_from(
    ["author", "editor", "translator", "issued", "accessed", "original-date", "title", "URL",
     "page", "categories", "custom", "note", "volume", "submitted", "director", "authr"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_FIELDS, _PART, max_size=6))
def test_part_keys_match_the_walk_of_every_field(fields: dict[str, Any]) -> None:
    data: dict[str, Any] = {"id": "S1", "type": "book", **fields}
    try:
        source = Source.model_validate(data)
    except ValidationError:
        return
    assert list(unknown_part_keys(source)) == list(_reference(source))
