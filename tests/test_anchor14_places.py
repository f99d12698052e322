"""A quote the flat path finds with ``str.find`` counts its places when they are read
(``AnchorResult.places`` holds the snapshot until then): the count, the equality, the hash
and the repr are what the general path, which counts them at once, gives."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.anchor import AnchorResult, AnchorStatus, SnapshotIndex


def _both(text: str, exact: str) -> tuple[AnchorResult, AnchorResult]:
    """The quote anchored by the flat path and by the general path forced."""
    quick = SnapshotIndex("s", text)
    general = SnapshotIndex("s", text)
    general.shortcut = False
    return quick.anchor(exact), general.anchor(exact)


@pytest.mark.parametrize(("text", "exact", "count"), [
    ("the data rose", "the data rose", 1),
    ("the data rose, and the data rose again; the data rose.", "the data rose", 3),
    # the first occurrence is inside a word: not a place, and not the first one counted
    ("bathe data rose, the data rose and the data rose", "the data rose", 2),
    # more places than are counted (_MAX_CANDIDATES)
    ("ab " * 1_500, "ab", 1_000),
    # more occurrences looked at than allowed after the first place (_MAX_STEPS): the one
    # at the end is not reached
    ("a " + "aa" * 10_001 + " a", "a", 1),
])
def test_the_places_counted_when_read_are_those_counted_at_once(text: str, exact: str,
                                                                 count: int) -> None:
    quick, general = _both(text, exact)
    assert isinstance(quick.places, SnapshotIndex)  # counted when read
    assert general.places == count
    assert quick.candidates == count
    assert quick == general
    assert hash(quick) == hash(general)
    assert repr(quick) == repr(general)
    assert quick.as_data() == general.as_data()


def test_equality_compares_the_count() -> None:
    """The comparisons above mean something: a result with another count is another."""
    quick, _ = _both("the data rose, and the data rose", "the data rose")
    assert quick.status is AnchorStatus.EXACT
    other = dataclasses.replace(quick, places=quick.candidates + 1)
    assert quick != other
    assert f"places={quick.candidates}," in repr(quick)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "data", "rose", "thedata", "2019", "20190", ",", "\n\n",
                                 "re-", "sign"]), max_size=40).map(" ".join),
       st.sampled_from(["the data", "data rose", "the", "2019", "rose the data", "resign"]))
def test_any_flat_quote_counts_as_the_general_path(text: str, exact: str) -> None:
    quick, general = _both(text, exact)
    assert quick.candidates == general.candidates
    assert quick == general
