"""Metadata as CSL-JSON wants it: names split into family and given, dates as ISO text."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["csl_date", "names", "slug"]

_ISO = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T\s].*)?$")
_SEPARATORS = re.compile(r"\s*(?:;|\band\b|&|\n)\s*")


def csl_date(text: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from a date as pages write it, or None.

    >>> csl_date("2023/4/2"), csl_date("2023-04-02T10:00:00+02:00"), csl_date("April")
    ('2023-04-02', '2023-04-02', None)
    """
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            date(int(year), int(month), 1)
            return f"{year}-{int(month):02d}"
    except ValueError:
        return None
    return year


def names(text: str | list[str], *, split: bool = False) -> list[dict[str, str]]:
    """CSL names from author strings: "Smith, Jane" and "Jane Smith" -> family Smith, given Jane.

    With ``split``, one string may hold several names, separated by ";", "and" or "&".

    >>> names("Jane Smith; Khan, Ali", split=True)
    [{'family': 'Smith', 'given': 'Jane'}, {'family': 'Khan', 'given': 'Ali'}]
    """
    items = [text] if isinstance(text, str) else list(text)
    if split:
        items = [part for item in items for part in _SEPARATORS.split(item)]
    found: list[dict[str, str]] = []
    for item in items:
        name = " ".join(item.split()).strip(" ,")
        if not name:
            continue
        if "," in name:
            family, _, given = name.partition(",")
            entry = {"family": family.strip(), "given": given.strip()}
        elif " " in name:
            given, _, family = name.rpartition(" ")
            entry = {"family": family, "given": given}
        else:
            entry = {"literal": name}
        if entry not in found:
            found.append({key: value for key, value in entry.items() if value})
    return found


def slug(text: str, limit: int = 40) -> str:
    """A source ID made from words: lowercase ASCII letters and digits joined by hyphens.

    >>> slug("Smith 2023: Cycling in Riverton!")
    'smith-2023-cycling-in-riverton'
    """
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out
