"""Enumeration members read at the speed of a plain class attribute.

On Python 3.11 a member read off its enumeration (``Qualifier.EXACT``) goes through the hook
``EnumType.__getattr__`` installs on every attribute read of the class, about three times
as long as reading an attribute of a plain class. The number grammar reads kinds and
qualifiers a few times per figure, a hundred thousand times at 10,000 claims; it reads them
from the plain class :func:`plain_members` makes, which holds the same member objects.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar, cast

__all__ = ["plain_members"]

E = TypeVar("E", bound=Enum)


def plain_members(enum: type[E]) -> type[E]:
    """A plain class whose attributes are ``enum``'s members, under their own names.

    Only reading a member (``K.YEAR``) is meant: the class is not the enumeration, so calls,
    iteration and ``isinstance`` go to the enumeration itself. Typed as the enumeration so
    that each read is typed as its member.
    """
    return cast("type[E]", type(enum.__name__, (), dict(enum.__members__)))
