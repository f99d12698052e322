"""Finding where figures start, without trying the big pattern at every character.

``PATTERN`` tried at every position costs about a microsecond a character: its qualifier
list matches every "a", "in", "at" and "some" before failing. So one cheap search finds the
cores a figure must contain, the leads before each core are read backwards, and the pattern
is tried only at those starts, leftmost first, as ``finditer`` would: the same matches, a few
attempts each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap._verify.numbers.grammar import (
    AT_DIGIT,
    AT_WORD,
    CORE,
    CORE_LOWER,
    DIGITS,
    FOLD_LOWER,
    LEAD_A,
    LEAD_CURRENCY,
    LEAD_QUALIFIER,
    PATTERN,
)

_URLISH = re.compile(r"\S*(?:://|www\.|\.html?\b|\.pdf\b|\.shtml\b|[A-Za-z][^\s/]*/|/[^\s/]*"
                     r"[A-Za-z_])\S*")
_FOOTNOTE_LINE = re.compile(r"(?<=\n)[ \t]*\d{1,2}(?=[ \t]+[A-Z‘“'\"])")


def mask(text: str) -> str:
    """Blank out URLs and footnote numbers at line starts, keeping every offset."""
    if "/" in text or "www." in text:
        text = _URLISH.sub(lambda m: " " * len(m.group()), text)
    if "\n" in text:
        text = _FOOTNOTE_LINE.sub(lambda m: " " * len(m.group()), text)
    return text


def _cores(masked: str) -> tuple[list[int], list[int]]:
    """Where a core may start: digit runs, and number, scale, fraction and fold words and
    months."""
    low = masked.lower()
    if len(low) != len(masked) or "ı" in low or "ſ" in low:
        # lower() is not what IGNORECASE compares ("İ", "ı", "ſ"): scan the slow, exact way
        return [], [m.start() for m in CORE.finditer(masked)]
    digits = [m.start() for m in DIGITS.finditer(masked)]
    words = [m.start() for m in CORE_LOWER.finditer(low)]
    words += [m.start() for m in FOLD_LOWER.finditer(low)]
    return digits, words


def _leads(masked: str, backwards: str, core: int, at_digit: bool) -> list[int]:
    """Where a figure around ``core`` may start without a qualifier: the core, a preceding
    "a"/"an" (not before digits), and a currency before either."""
    n = len(masked)
    leads = [core]
    if not at_digit:
        lead = LEAD_A.match(backwards, n - core)  # "a dozen", "a fifth", "a million"
        if lead:
            leads.append(n - lead.end())
    for at in leads[:]:
        lead = LEAD_CURRENCY.match(backwards, n - at)
        if lead:
            leads.append(n - lead.end())
    return leads


def starts(masked: str) -> list[tuple[int, re.Pattern[str]]]:
    """Every position where ``PATTERN`` may match, in order (a superset, never fewer), with
    the variant of the pattern that is enough there."""
    digits, words = _cores(masked)
    if not digits and not words:
        return []
    n = len(masked)
    backwards = masked[::-1]
    found: dict[int, re.Pattern[str]] = {}
    digit_set = set(digits)  # a set: ``in`` on the list made this quadratic
    for core in digits + words:
        at_digit = core in digit_set and masked[core].isdecimal()
        leads = _leads(masked, backwards, core, at_digit)
        for at in leads:
            if at not in found:
                found[at] = AT_DIGIT if masked[at].isdecimal() else AT_WORD
        for at in leads:
            lead = LEAD_QUALIFIER.match(backwards, n - at)
            if lead:
                found[n - lead.end()] = PATTERN
    return sorted(found.items())


def matches(masked: str, at: list[tuple[int, re.Pattern[str]]]) -> Iterator[re.Match[str]]:
    """``PATTERN.finditer(masked)``, trying only the positions where a match may start."""
    pos = 0
    for start, pattern in at:
        if start < pos:
            continue
        match = pattern.match(masked, start)
        if match is not None:
            yield match
            pos = match.end()
