"""Positions in the protocol's terms: 0-based lines and UTF-16 code units.

argmap's :class:`~argmap.Location` counts lines and columns from 1 and columns in code
points; the Language Server Protocol counts both from 0 and characters in UTF-16 code units
(its default encoding), so a character outside the Basic Multilingual Plane (an emoji, some
CJK) is two units there and one code point here.
"""

from __future__ import annotations

__all__ = ["to_code_points", "to_utf16", "utf16_length"]


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def to_utf16(line: str, column: int) -> int:
    """The UTF-16 offset in ``line`` of the 0-based code point ``column`` (clamped)."""
    column = max(0, min(column, len(line)))
    return utf16_length(line[:column])


def to_code_points(line: str, units: int) -> int:
    """The 0-based code point index in ``line`` of a UTF-16 offset (clamped; an offset inside
    a surrogate pair counts as the character it splits)."""
    if line.isascii():
        return max(0, min(units, len(line)))
    counted = 0
    for index, char in enumerate(line):
        if counted >= units:
            return index
        counted += 2 if ord(char) > 0xFFFF else 1
    return len(line)
