"""(Round twelve) the ASCII core scan of a text without line-end hyphens reads the core words
and months as one shared-prefix alternation (``grammar._trie``), where it read an
alternation per first letter of the words longest first. Held to that scan, built below as
it was, on hostile lower-cased texts: the same matches, start and end."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._verify.numbers.grammar import (
    _BREAK,
    _CORE_ALTERNATIVES,
    _CORE_WORDS,
    _by_first_letter,
    _trie,
    core_ascii,
)
from argmap._verify.numbers.vocabulary import MONTHS


def _old_scan() -> re.Pattern[str]:
    """``core_ascii(False)`` as round eleven built it."""
    words = _by_first_letter(_CORE_ALTERNATIVES, at_word_start=False)
    words = words.replace(_BREAK, "")
    return re.compile(r"[^a-z_](?:(?<=[0-9])[0-9]*(?:[,.][0-9]+)*|(?<!\w)(?:" + words + "))")


_OLD = _old_scan()
_WORDS = [*_CORE_WORDS, *(month.lower() for month in MONTHS)]
#: Each core word and month, cut short, run on, or followed by what ends a word or not.
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.tuples(st.sampled_from(_WORDS), st.integers(1, 12)).map(lambda p: p[0][:p[1]]),
    st.sampled_from([" ", "-", ".", ",", "_", "é", "ſ", "s", "fold", "een", "th", "ty",
                     "1", "2,416", "89.2", "\n", "-\n", "'", "x", "9a", "ü"]),
)
TEXTS = st.one_of(
    st.lists(_PIECES, max_size=14).map("".join),
    st.lists(_PIECES, max_size=14).map(" ".join),
    st.text(max_size=40).map(str.lower),
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=800)
@given(TEXTS)
@example(" eighteenfold eighteen eightfold eighth eighths eighty eight eigh ")
@example(" sep september seven sevenths jun june jul july mar march may million dec dozen")
@example(" fiftyfold fifty-five fifthé hundreds hundred_ 5,000.5 half halves")
def test_the_core_scan_finds_what_it_found_word_by_word(text: str) -> None:
    spaced = " " + text
    assert _spans(core_ascii(False), spaced) == _spans(_OLD, spaced)


def test_a_shared_prefix_alternation_takes_the_longest_word_that_matches() -> None:
    scan = re.compile(_trie([("ten", True), ("tenfold", True), ("tens", True),
                                     ("te", False)]))
    assert [m.group() for m in scan.finditer("tenfold ten tens te tenx")] == [
        "tenfold", "ten", "tens", "te", "te"]
