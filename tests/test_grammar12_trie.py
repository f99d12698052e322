"""(Round twelve) the ASCII core scan of a text without line-end hyphens reads the core words
and months as one shared-prefix alternation (``grammar._trie``), where it read an
alternation per first letter of the words longest first; the qualifier lead of a
lower-cased text reads the qualifiers the same way, where it read them longest first. Held
to those patterns, built below as they were, on hostile lower-cased texts: the same
matches, start and end."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._verify.numbers.grammar import (
    _BREAK,
    _CORE_ALTERNATIVES,
    _CORE_WORDS,
    LEAD_QUALIFIER_LOWER,
    _by_first_letter,
    _trie,
    core_ascii,
)
from argmap._verify.numbers.vocabulary import MONTHS, QUALIFIERS


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


#: ``LEAD_QUALIFIER_LOWER`` as round eleven built it: the reversed qualifiers longest first.
_OLD_QUALIFIER = re.compile(
    r"\s+(?:" + "|".join(r"\s+".join(re.escape(word[::-1]) for word in reversed(q.split()))
                         for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")(?![\w.])")
_QUALIFIER_PIECES = st.one_of(
    st.sampled_from(list(QUALIFIERS)),
    st.tuples(st.sampled_from(list(QUALIFIERS)), st.integers(1, 12)).map(lambda p: p[0][:p[1]]),
    st.sampled_from([" ", "  ", "\n", "\t", ".", "-", "x", "s", "a", "just", "over", "than",
                     "more", "5", "é", "_"]),
)
QUALIFIER_TEXTS = st.one_of(
    st.lists(_QUALIFIER_PIECES, max_size=10).map(" ".join),
    st.lists(_QUALIFIER_PIECES, max_size=10).map("".join),
    st.text(max_size=30).map(str.lower),
)


@settings(max_examples=800)
@given(QUALIFIER_TEXTS)
@example("just slightly over slightly more than not more than no fewer than a little over")
@example("at least at most almost about up to close to in excess of a minimum of approx. ")
def test_a_qualifier_lead_is_read_where_and_as_it_was(text: str) -> None:
    backwards = (text + " ")[::-1]
    for at in range(len(backwards)):
        new, old = LEAD_QUALIFIER_LOWER.match(backwards, at), _OLD_QUALIFIER.match(backwards, at)
        assert (new and new.span()) == (old and old.span())
