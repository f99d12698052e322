"""Round five's quicker paths of the number grammar against the code they replaced, kept
here as the reference: the scan for where figures start (``scanning.starts``), and the
cached ``text_period``. Both must give exactly what the old code gave, and never raise."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.numbers import text_period
from argmap._verify.numbers.grammar import (
    DIGITS,
    FOLD_LOWER,
    LEAD_A,
    LEAD_CURRENCY,
    LEAD_QUALIFIER,
    LINE_END_HYPHEN,
)
from argmap._verify.numbers.grammar import core as exact_cores
from argmap._verify.numbers.grammar import core_lower as cores_in_lower_case
from argmap._verify.numbers.grammar import pattern as variant
from argmap._verify.numbers.scanning import mask, starts
from argmap._verify.numbers.vocabulary import FOLD_VERBS

# --- the scan as it was (round four) ---------------------------------------------------------


def _old_cores(masked: str, breaks: bool) -> tuple[list[int], list[int]]:
    low = masked.lower()
    if len(low) != len(masked) or "ı" in low or "ſ" in low:
        return [], [m.start() for m in exact_cores().finditer(masked)]
    digits = [m.start() for m in DIGITS.finditer(masked)]
    words = [m.start() for m in cores_in_lower_case(breaks).finditer(low)]
    if any(stem in low for stem in FOLD_VERBS):
        words += [m.start() for m in FOLD_LOWER.finditer(low)]
    return digits, words


def _old_leads(masked: str, backwards: str, core: int, at_digit: bool) -> list[int]:
    n = len(masked)
    leads = [core]
    if at_digit:
        if core and masked[core - 1] in "-+−":
            leads.append(core - 1)
    else:
        lead = LEAD_A.match(backwards, n - core)
        if lead:
            leads.append(n - lead.end())
    for at in leads[:]:
        lead = LEAD_CURRENCY.match(backwards, n - at)
        if lead:
            leads.append(n - lead.end())
    return leads


def _old_starts(masked: str) -> list[tuple[int, re.Pattern[str]]]:
    breaks = "\n" in masked and LINE_END_HYPHEN.search(masked) is not None
    digits, words = _old_cores(masked, breaks)
    if not digits and not words:
        return []
    n = len(masked)
    backwards = masked[::-1]
    found: dict[int, str] = {}
    for core in digits + words:
        at_digit = masked[core].isdecimal()
        if at_digit and core and masked[core - 1] in ",.":
            continue
        leads = _old_leads(masked, backwards, core, at_digit)
        for at in leads:
            if at not in found:
                found[at] = "AT_DIGIT" if masked[at].isdecimal() else "AT_WORD"
        for at in leads:
            if not (at and masked[at - 1].isspace()):
                continue
            lead = LEAD_QUALIFIER.match(backwards, n - at)
            if lead:
                first = n - lead.end()
                found[first] = "PATTERN" if masked[first].isdecimal() else "AT_QUALIFIER"
    return [(at, variant(name, breaks)) for at, name in sorted(found.items())]


# --- texts: figure words, leads and their neighbours, and any characters ----------------------

_PIECES = st.sampled_from([
    "USD", "US$", "$", "€", "EUR", " ", "\n", "-\n", "-", "–", "(", ".", ",", "a", "an", "A",
    "just", "over", "nearly", "about", "at least", "between", "and", "from", "to", "some",
    "a mere", "no fewer than", "up to", "4", "18.79", "2019", "2,416", "89.2", "300", "-5",
    "+26", "−3", "15-fold", "%", "per cent", "billion", "mil-\nlion", "bn", "thousand",
    "dozen", "five", "fve", "twenty-one", "one", "someone", "half", "a fifth", "doubled",
    "redoubled", "Halving", "TRIPLED", "DOUBLİNG", "ſix", "İ", "ı", "K", "January", "Sep-\ntember",
    "May", "maybe", "December 3–6", "2000s", "https://x.org/a-5-b", "Python 3.11", "\u00a0",
    "Ünïcode", "٣", "²",
])
_TEXTS = st.one_of(
    st.lists(_PIECES, min_size=1, max_size=14).map("".join),
    st.text(max_size=60),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=10).map("".join),
)


@settings(max_examples=600)
@given(_TEXTS)
def test_the_scan_finds_the_starts_and_variants_it_found_before(text: str) -> None:
    masked = mask(text)
    assert starts(masked) == _old_starts(masked)


_DIGIT_PIECES = st.sampled_from(["5", "2019", "٣", "５", "１２", "12٣4", "x9y", "7٣", " ", "ünï",
                                  "five", "a", "million", "Jan", "-\n", "İ", "ı", "doubled", "%"])


@settings(max_examples=400)
@given(st.lists(_DIGIT_PIECES, min_size=1, max_size=12).map("".join))
def test_one_scan_of_digits_and_words_finds_what_two_scans_found(text: str) -> None:
    """Digits and core words are found in one scan where every digit is 0-9 (round six):
    texts with other digits, ASCII or not, scan as before."""
    masked = mask(text)
    assert starts(masked) == _old_starts(masked)


def test_the_scan_of_every_ascii_character_and_of_the_odd_lowerings_is_unchanged() -> None:
    """The core scan skips its lowering checks for an ASCII text only (ASCII lowers letter
    for letter, to ASCII): every ASCII character, and the letters that lower otherwise, in
    figure words."""
    for ch in [chr(code) for code in range(128)] + ["İ", "ı", "ſ", "K", "ß", "Σ", "ǅ"]:
        masked = mask(f"{ch}five a{ch}5 {ch}million{ch}2019 over{ch}3 {ch}")
        assert starts(masked) == _old_starts(masked), repr(ch)


@settings(max_examples=300)
@given(_TEXTS)
def test_the_cached_text_period_is_the_period_read_afresh(text: str) -> None:
    assert text_period(text) == text_period.__wrapped__(text)
    assert text_period(text) == text_period.__wrapped__(text)  # a cache hit, the same


_ASCII_PIECES = st.sampled_from([
    "USD", "us$", "Eur", "gbp", "$", " ", "  ", "\t", "\n", "-", "a", "An", "just", "OVER",
    "Nearly", "about", "at least", "At  Least", "up to", "No Fewer Than", "more than",
    "some", "4", "18.79", "2019", "2,416", "-5", "five", "Million", "January", ".", ",",
])


@settings(max_examples=500)
@given(st.lists(st.tuples(_ASCII_PIECES, st.booleans()), min_size=1, max_size=14).map(
    lambda pieces: "".join(p.swapcase() if flip else p for p, flip in pieces)))
def test_an_ascii_text_finds_its_leads_lower_cased_where_they_were_found_ignoring_case(
        text: str) -> None:
    """Round nine reads the leads of an ASCII text on its lower-cased form, with
    case-sensitive patterns: the same starts as the case-insensitive ones found."""
    masked = mask(text)
    assert starts(masked) == _old_starts(masked)
