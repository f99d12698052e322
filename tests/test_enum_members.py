"""The plain classes that hold enumeration members for quick reads (Python 3.11 reads a
member off its enumeration through ``EnumType.__getattr__``'s hook) hold the members
themselves, under their own names."""

from __future__ import annotations

from enum import Enum

import pytest

from argmap._model import Qualifier, QuantityKind
from argmap._verify.compare import _V, K, Q, Verdict
from argmap._verify.dates import (
    _CITED,
    _FIGURE,
    _NO_EVIDENCE,
    _UNCITED,
    _UNRESOLVED,
    DateStatus,
)

CASES: list[tuple[type, type[Enum]]] = [
    (Q, Qualifier),
    (K, QuantityKind),
    (_V, Verdict),
]


@pytest.mark.parametrize(("holder", "enum"), CASES, ids=lambda c: c.__name__)
def test_each_held_member_is_the_enumerations_own(holder: type, enum: type[Enum]) -> None:
    names = [name for name in vars(holder) if not name.startswith("_")]
    assert names
    for name in names:
        assert getattr(holder, name) is enum[name]


def test_the_date_statuses_read_once_are_the_members() -> None:
    assert tuple(DateStatus) == (_CITED, _NO_EVIDENCE, _UNCITED, _UNRESOLVED, _FIGURE)


def test_every_verdict_is_held() -> None:
    assert {name for name in vars(_V) if not name.startswith("_")} == set(
        Verdict.__members__)
