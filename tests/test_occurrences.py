"""The word index finds exactly the occurrences a ``str.find`` loop finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import occurrences
from argmap._verify.occurrences import Finder, WordIndex, find_all


def _find_loop(text: str, needle: str, lo: int, hi: int) -> list[int]:
    """The reference: what anchoring did before the index."""
    found = []
    at = text.find(needle, lo, hi)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1, hi)
    return found


# short words repeat and overlap ("aaaaaa aaaaaa"), long ones get indexed, unicode included
_WORDS = st.sampled_from(["aaaaaa", "aaaaaaa", "abcdef", "abcdefgh", "ab", "a", "", "é\u0301ü",
                          "ﬁnance", "12,000", "x-y-z-w", "\u00a0", "Übersee", "q"])
_TEXTS = st.lists(_WORDS, max_size=40).map(" ".join) | st.text(alphabet="ab c", max_size=60)


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, str, int, int]:
    text = draw(_TEXTS)
    if text and draw(st.booleans()):  # a piece of the text: found at least once
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, len(text)))
        needle = text[i:j]
    else:
        needle = draw(_TEXTS)
    lo = draw(st.integers(0, len(text) + 2))
    hi = draw(st.integers(0, len(text) + 2) | st.just(len(text)))
    return text, needle, lo, hi


@settings(max_examples=1000, deadline=None)
@given(_cases())
def test_indexed_search_equals_the_find_loop(case: tuple[str, str, int, int]) -> None:
    text, needle, lo, hi = case
    assert list(find_all(text, needle, lo, hi, WordIndex(text))) == _find_loop(
        text, needle, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.lists(_cases(), min_size=1, max_size=6))
def test_finder_equals_the_find_loop_before_and_after_indexing(
        cases: list[tuple[str, str, int, int]]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(occurrences, "MIN_TEXT", 0)
        patch.setattr(occurrences, "SCANS_BEFORE_INDEX", 2)
        text = cases[0][0]
        finder = Finder(text)
        for _, needle, lo, hi in cases:  # the first searches scan; the later ones use the index
            assert list(finder.find_all(needle, lo, hi)) == _find_loop(text, needle, lo, hi)


def test_a_quote_with_a_rare_inner_word_is_checked_only_there() -> None:
    text = " ".join(["the district rose"] * 50 + ["the Rudalolo district rose"])
    index = WordIndex(text)
    assert index.candidates("the Rudalolo district rose") == [text.index("the Rudalolo")]
    assert index.candidates("the Hugomine district rose") == []  # no such word: not there
    assert index.candidates("district rose") is None  # no inner word: str.find


def test_anchoring_through_the_index_equals_anchoring_by_scanning() -> None:
    from pathlib import Path

    from argmap._verify.anchor import SnapshotIndex

    seed = (Path(__file__).resolve().parent.parent / "claims" / "fiia-298" / "snapshots"
            / "fiia-298.txt").read_text(encoding="utf-8")
    words = seed.split()
    quotes = [" ".join(words[i:i + n]) for i in range(0, len(words) - 12, 97) for n in (3, 7, 12)]
    quotes += ["officials [...] said", "the lane cut injuries", "increase. The"]

    def anchored() -> list[object]:
        snapshot = SnapshotIndex("seed", seed + "\n\n" + seed)  # every quote twice
        return [snapshot.anchor(quote, position=(5, 40)) for quote in quotes]

    scanning = anchored()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(occurrences, "SCANS_BEFORE_INDEX", 0)
        assert anchored() == scanning


@settings(max_examples=300, deadline=None)
@given(st.lists(_cases(), min_size=1, max_size=6), st.integers(0, 6))
def test_a_finder_told_its_searches_equals_the_find_loop(
        cases: list[tuple[str, str, int, int]], searches: int) -> None:
    """Searches known to come (``searches``) change when the index is built, never what a
    search finds."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(occurrences, "MIN_TEXT", 0)
        patch.setattr(occurrences, "SCANS_BEFORE_INDEX", 3)
        text = cases[0][0]
        finder = Finder(text, searches)
        for _, needle, lo, hi in cases:
            assert list(finder.find_all(needle, lo, hi)) == _find_loop(text, needle, lo, hi)


def test_a_text_known_to_serve_enough_searches_is_indexed_at_the_first() -> None:
    text = " ".join(["the district rose"] * 2000)
    assert len(text) >= occurrences.MIN_TEXT
    many = Finder(text, occurrences.SCANS_BEFORE_INDEX)
    few = Finder(text, occurrences.SCANS_BEFORE_INDEX - 1)
    assert list(many.find_all("district", 0, len(text))) == list(
        few.find_all("district", 0, len(text)))
    assert many.index is not None
    assert few.index is None  # as without a count: after enough scans
