"""SnapshotIndex._flat tests the first occurrence of a quote itself, calling _flat_next only
when it is not a place (round nineteen): its results are those of the round-eighteen
version, kept here as the oracle, which asked _flat_next for every quote."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import anchor
from argmap._verify.anchor import AnchorResult, AnchorStatus, SnapshotIndex, _missing_numbers
from argmap._verify.normalise import Normalised, hyphens_agree
from argmap._verify.occurrences import MIN_TEXT


def _old_flat(self: SnapshotIndex, exact: str) -> AnchorResult | None:
    """SnapshotIndex._flat as round eighteen left it (the oracle)."""
    norm = self.norm
    text = norm.text
    size = len(exact)
    hyphens = norm.hard or norm.soft
    quote = Normalised(exact) if hyphens else None
    places: int | SnapshotIndex
    index = self._finder.index_for(0, len(text)) if len(text) >= MIN_TEXT else None
    candidates = index.candidates(exact) if index is not None else None
    if candidates is not None:
        found: list[int] = []
        bounded = self._bounded
        last = len(text) - size
        for at in candidates:
            if 0 <= at <= last and text.startswith(exact, at) and bounded(
                    at, at + size) and (quote is None or hyphens_agree(quote, norm, at)):
                found.append(at)
        if not found:
            return None
        best, places = found[0], len(found)
    else:
        best = self._flat_next(exact, quote, text.find(exact), 0)[0]
        if best < 0:
            return None
        places = self
    start, end = norm.span(best, best + size)
    original = self.original
    if not original.startswith(exact, start):
        return self._bare(exact, size, exact, best, places)
    end = start + size
    if (start and exact[0].isdigit() and original[start - 1].isdigit()) or (
            end < len(original) and exact[-1].isdigit() and original[end].isdigit()):
        missing, numbers = _missing_numbers(exact, original, [(start, end)])
    else:
        missing, numbers = (), exact
    return AnchorResult(AnchorStatus.EXACT, self.source, 1.0, start, end, exact, None,
                        None, places, None, missing, numbers,
                        original[max(0, start - 40):start], original[end:end + 40], None,
                        (), (), False, (best, best + size))


def _flat(text: str, exact: str) -> AnchorResult | None:
    """The flat path under test."""
    return SnapshotIndex("s", text)._flat(exact)  # noqa: SLF001 - the method under test


def _same(text: str, exact: str) -> None:
    new = _flat(text, exact)
    old = _old_flat(SnapshotIndex("s", text), exact)
    assert (new is None) == (old is None)
    if new is not None and old is not None:
        assert new == old
        assert new.candidates == old.candidates
        assert new.as_data() == old.as_data()


def test_a_first_occurrence_that_is_no_place_is_passed_over() -> None:
    """The cases the new test decides: the first occurrence inside a word, or its hyphens
    disagreeing, and the place after it; and none left."""
    for text, exact, start in [
        ("bathe data rose, the data rose", "the data rose", 17),
        ("they re-sign; they resign", "resign", 19),
        ("the data rose", "the data rose", 0),
    ]:
        found = _flat(text, exact)
        assert found is not None
        assert found.start == start
        _same(text, exact)
    assert _flat("bathe data rose", "the data rose") is None
    _same("bathe data rose", "the data rose")


_WORDS = ["the", "data", "rose", "thedata", "bathe", "2019", "20190", "4,5", "4,500", ",", ".",
          "\n\n", "re-", "-\n", "sign", "resign", "re-sign", "datarose"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join),
       st.sampled_from(["the data", "data rose", "the", "2019", "rose the data", "resign",
                        "sign", "4,5", "0", "data rose the", "thedata", "2019 the"]))
def test_flat_is_the_round_eighteen_flat(text: str, exact: str) -> None:
    _same(text, exact)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join),
       st.integers(0, 11), st.integers(1, 4))
def test_a_quote_cut_from_the_text_is_found_alike(text: str, first: int, count: int) -> None:
    words = SnapshotIndex("s", text).norm.text.split(" ")
    exact = " ".join(words[first:first + count]).strip(" ")
    if exact:
        _same(text, exact)


@pytest.mark.parametrize("lead", [0, 1, 38, 39, 40, 41, 42, 80])
@pytest.mark.parametrize("gap", [" ", "\n"])
def test_the_forty_characters_before_a_quote(lead: int, gap: str) -> None:
    """The text before a match is sliced with a conditional where it was max(0, start - 40):
    at every distance from the start, as it stands (the flat result) and normalised
    (SnapshotIndex._bare, a line break inside the quote)."""
    text = ("x" * lead + " " if lead else "") + f"the data{gap}rose, it said"  # at lead + 1
    _same(text, "the data rose")
    found = SnapshotIndex("s", text).anchor("the data rose")
    assert found.start is not None
    assert found.before == text[max(0, found.start - 40):found.start]
    assert found.status is (AnchorStatus.EXACT if gap == " " else AnchorStatus.NORMALISED)


def test_the_statuses_read_once_are_the_members() -> None:
    """_flat and _bare build their results with the statuses read once at import (and the
    quote rules AM401, AM402 and AM421 read theirs once per walk): the very members."""
    assert anchor._EXACT is AnchorStatus.EXACT  # noqa: SLF001 - the constant under test
    assert anchor._NORMALISED is AnchorStatus.NORMALISED  # noqa: SLF001 - as above
    found = _flat("the data rose", "the data rose")
    assert found is not None
    assert found.status is AnchorStatus.EXACT
