"""The support graph (AM205) and the thesis connection (AM209) number the claims and the
relations from the keys of the map's indexes of first IDs when the memo passes them; they
must answer as when they read every node's ID, and as the references kept in
tests/test_quote_speedups.py."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings

from argmap._verify import graph
from argmap._verify.index import _first_by_id
from test_quote_speedups import (
    _CLAIMS,
    _RELATIONS,
    _SUPPORTS,
    _support_cycles_reference,
    _thesis_connected_reference,
)


@settings(max_examples=300, deadline=None)
@given(_CLAIMS, _RELATIONS)
def test_thesis_connected_with_the_indexes_keys(claims: list[Any], relations: list[Any]) -> None:
    argmap = SimpleNamespace(claims=claims, relations=relations)
    assert graph._thesis_connected(  # type: ignore[arg-type]  # noqa: SLF001
        argmap, list(_first_by_id(claims)), _first_by_id(relations).keys()
    ) == _thesis_connected_reference(argmap)


@settings(max_examples=300, deadline=None)
@given(_CLAIMS, _SUPPORTS)
def test_support_cycles_with_the_index_keys(claims: list[Any], relations: list[Any]) -> None:
    argmap = SimpleNamespace(claims=claims, relations=relations)
    assert graph._support_cycles(argmap, list(_first_by_id(claims))) == (  # type: ignore[arg-type]  # noqa: SLF001
        _support_cycles_reference(argmap))
