"""The plain classes that hold enumeration members for quick reads (Python 3.11 reads a
member off its enumeration through ``EnumType.__getattr__``'s hook) hold the members
themselves, under their own names."""

from __future__ import annotations

from enum import Enum

import pytest

from argmap._members import plain_members
from argmap._model import ClaimKind, Qualifier, QuantityKind
from argmap._verify.compare import _V, K, Q, Verdict
from argmap._verify.dates import (
    _CITED,
    _FIGURE,
    _NO_EVIDENCE,
    _UNCITED,
    _UNRESOLVED,
    DateStatus,
)
from argmap._verify.numbers import mention, neighbours, reading

CASES: list[tuple[type, type[Enum]]] = [
    (Q, Qualifier),
    (K, QuantityKind),
    (_V, Verdict),
    *((module.K, QuantityKind) for module in (mention, neighbours, reading)),
    *((module.Q, Qualifier) for module in (mention, neighbours, reading)),
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


@pytest.mark.parametrize("enum", [Qualifier, QuantityKind, ClaimKind, Verdict, DateStatus])
def test_plain_members_holds_every_member_and_nothing_else(enum: type[Enum]) -> None:
    held = plain_members(enum)
    assert held is not enum
    assert not isinstance(held, type(enum))  # a plain class: no EnumType hook on its reads
    assert {name: getattr(held, name) for name in vars(held) if not name.startswith("_")} == (
        dict(enum.__members__))
