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

from argmap._lazyre import lazy_compile
from argmap._recache import recompile
from argmap._verify.numbers.grammar import (
    DIGITS,
    FOLD_LOWER,
    LEAD_A,
    LEAD_A_LOWER,
    LEAD_CURRENCY,
    LEAD_CURRENCY_LOWER,
    LEAD_CURRENCY_OR_QUALIFIER_LOWER,
    LEAD_QUALIFIER,
    LEAD_QUALIFIER_LOWER,
    LINE_END_HYPHEN,
)
from argmap._verify.numbers.grammar import (
    core as exact_cores,
)
from argmap._verify.numbers.grammar import (
    core_ascii as cores_in_ascii,
)
from argmap._verify.numbers.grammar import (
    core_lower as cores_in_lower_case,
)
from argmap._verify.numbers.grammar import (
    pattern as variant,
)
from argmap._verify.numbers.vocabulary import FOLD_VERBS

_FOLD_STEMS = tuple(FOLD_VERBS)

_START = re.Match.start
_TOKEN = recompile(r"\S+")
#: A decimal digit other than 0-9 ("٣", "５"), which ``\d`` matches and ``[0-9]`` does not.
_OTHER_DIGIT = recompile(r"(?![0-9])\d")
#: What makes a token a URL or a path, besides a slash between letters (see ``_urlish``).
_URL_MARK = recompile(r"://|www\.|\.html?\b|\.pdf\b|\.shtml\b")
_LETTER = recompile(r"[A-Za-z]")
_LETTER_OR_UNDERSCORE = lazy_compile(r"[A-Za-z_]")
_FOOTNOTE_LINE = lazy_compile(r"(?<=\n)[ \t]*\d{1,2}(?=[ \t]+[A-Z‘“'\"])")


def _urlish(token: str) -> bool:
    """A URL or a path: "://", "www.", a web or PDF file name, or a slash with a letter in
    the part before it or an letter or underscore in the part after it ("a/5", "5/b"; not
    "1/2"). Each test is one pass over the token: a regular expression with a leading
    ``\\S*`` took time quadratic in a long token."""
    if _URL_MARK.search(token):
        return True
    if "/" not in token:
        return False
    parts = token.split("/")
    return any(_LETTER.search(p) for p in parts[:-1]) or any(
        _LETTER_OR_UNDERSCORE.search(p) for p in parts[1:])


def mask(text: str) -> str:
    """Blank out URLs and footnote numbers at line starts, keeping every offset."""
    if "/" in text or "www." in text:
        text = _TOKEN.sub(lambda m: " " * len(m.group()) if _urlish(m.group()) else m.group(),
                          text)
    if "\n" in text:
        text = _FOOTNOTE_LINE.sub(lambda m: " " * len(m.group()), text)
    return text


def _cores(masked: str, breaks: bool, low: str | None = None,
           ascii_only: bool | None = None) -> list[int]:
    """Where a core may start: digit runs, and number, scale, fraction and fold words and
    months (in no particular order: :func:`starts` sorts what it finds). ``low`` and
    ``ascii_only`` are ``masked.lower()`` and ``masked.isascii()``, when the caller has them."""
    if low is None:
        low = masked.lower()
    if ascii_only is None:
        ascii_only = masked.isascii()
    if not ascii_only and (len(low) != len(masked) or "ı" in low or "ſ" in low):
        # lower() is not what IGNORECASE compares ("İ", "ı", "ſ"): scan the slow, exact way.
        # An ASCII text lowers letter for letter, to ASCII: no test needed
        return [m.start() for m in exact_cores().finditer(masked)]
    if ascii_only or _OTHER_DIGIT.search(masked) is None:
        # digits and words in one scan, where every digit is an ASCII one: a match starts at
        # a digit run, or one character before a word. The scan reads the text after a
        # space, so that a word at its start has a character before it too (one scan where
        # a match at the start was a second call): offsets one past the text's
        spaced = " " + low
        found = [at - 1 if "0" <= spaced[at] <= "9" else at for at in map(
            _START, cores_in_ascii(breaks, ascii_only).finditer(spaced))]
    else:
        found = [m.start() for m in DIGITS.finditer(masked)]
        found += [m.start() for m in cores_in_lower_case(breaks).finditer(low)]
    for stem in _FOLD_STEMS:
        if stem in low:  # a fold verb holds its stem as written
            found += [m.start() for m in FOLD_LOWER.finditer(low)]
            break
    return found


class _Variants(dict[str, "re.Pattern[str]"]):
    """The variants of one kind of text, compiled on first lookup."""

    def __init__(self, breaks: bool) -> None:
        super().__init__()
        self.breaks = breaks

    def __missing__(self, name: str) -> re.Pattern[str]:
        self[name] = found = variant(name, self.breaks)
        return found


_BY_BREAKS = {False: _Variants(False), True: _Variants(True)}

#: The start variants every map's texts have needed so far (the repository's maps and the
#: benchmark maps): texts without line-end hyphens, starting at a digit, a word or a
#: qualifier. ``PATTERN`` and the variants with breaks are left to the rare text that needs them.
_COMMON_VARIANTS = ("AT_DIGIT", "AT_WORD", "AT_QUALIFIER")


def compile_common_patterns() -> None:
    """Compile the patterns nearly every map's first texts compile on first use (the core
    scan of an ASCII text and :data:`_COMMON_VARIANTS`, without breaks: 25-55 ms in a fresh
    process), so that a caller can have it done ahead, where a core is idle."""
    cores_in_ascii(False, True)
    variants = _BY_BREAKS[False]
    for name in _COMMON_VARIANTS:
        _ = variants[name]


def starts(masked: str) -> list[tuple[int, re.Pattern[str]]]:
    """Every position where ``PATTERN`` may match, in order (a superset, never fewer), with
    the variant of the pattern that is enough there.

    Around each core: the core itself, a sign before digits ("-5%") or "a"/"an" before words
    ("a dozen", "a fifth", "a million"), a currency before any of them, and a qualifier
    before any of those; leads are read backwards on the reversed text.
    """
    breaks = "\n" in masked and LINE_END_HYPHEN.search(masked) is not None
    low, ascii_only = masked.lower(), masked.isascii()
    cores = _cores(masked, breaks, low, ascii_only)
    if not cores:
        return []
    n = len(masked)
    if ascii_only:  # lower-cased letter for letter: the leads' case-sensitive forms
        backwards = low[::-1]
        lead_a, lead_currency, lead_qualifier = (
            LEAD_A_LOWER.match, LEAD_CURRENCY_LOWER.match, LEAD_QUALIFIER_LOWER.match)
        either = LEAD_CURRENCY_OR_QUALIFIER_LOWER.match
    else:
        backwards = masked[::-1]
        lead_a, lead_currency, lead_qualifier = (
            LEAD_A.match, LEAD_CURRENCY.match, LEAD_QUALIFIER.match)
        either = None
    found: dict[int, str] = {}
    for core in cores:
        if masked[core].isdecimal():
            before = masked[core - 1] if core else ""
            if before and before in ",.":
                continue  # "416" of "2,416", "2" of "89.2": every digit alternative looks
                # behind for these, and no sign, currency or space before them leads anything
            if not (before and before in "-+−"):
                # the core is its only lead (most digit runs): the steps below for it alone,
                # unless a currency leads it; an ASCII text asks for the currency, else the
                # qualifier, in one call
                if either is not None:
                    lead = either(backwards, n - core)
                    currency = lead is not None and lead.lastindex == 1
                else:
                    lead = lead_currency(backwards, n - core)
                    currency = lead is not None
                    if not currency and before.isspace():  # "".isspace() is false
                        lead = lead_qualifier(backwards, n - core)
                if lead is None or not currency:
                    if core not in found:
                        found[core] = "AT_DIGIT"
                    if lead:  # a qualifier: a space before the core, no currency
                        first = n - lead.end()
                        found[first] = ("PATTERN" if masked[first].isdecimal()
                                        else "AT_QUALIFIER")
                    continue
                leads = [core, n - lead.end()]
            else:
                leads = [core, core - 1]
                for at in leads[:]:
                    lead = lead_currency(backwards, n - at)
                    if lead:
                        leads.append(n - lead.end())
        else:
            lead = lead_a(backwards, n - core)
            leads = [core, n - lead.end()] if lead else [core]
            for at in leads[:]:
                lead = lead_currency(backwards, n - at)
                if lead:
                    leads.append(n - lead.end())
        for at in leads:
            if at not in found:
                found[at] = "AT_DIGIT" if masked[at].isdecimal() else "AT_WORD"
        for at in leads:
            if not (at and masked[at - 1].isspace()):
                continue  # no space before the lead: no qualifier (``\s`` is ``str.isspace``)
            lead = lead_qualifier(backwards, n - at)
            if lead:
                first = n - lead.end()  # a qualifier's first letter: never a digit
                found[first] = "PATTERN" if masked[first].isdecimal() else "AT_QUALIFIER"
    variants = _BY_BREAKS[breaks]
    if len(found) == 1:  # one start (most texts with a figure): no sorting, no comprehension
        [(at, name)] = found.items()
        return [(at, variants[name])]
    return [(at, variants[name]) for at, name in sorted(found.items())]


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
