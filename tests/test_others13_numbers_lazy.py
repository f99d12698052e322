"""A verbatim match's numbers are read only when asked (:attr:`AnchorResult.numbers_found`).

Anchoring kept each quote's numbers (``numbers_in``, ~1.3 us a quote) that only AM403 reads,
for the few quotes whose numbers are missing. The results now keep the quote itself where the
match states its numbers; these tests hold every result's numbers to the eager reading of
round twelve, kept here, on hostile quotes and texts.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.anchor import (
    AnchorResult,
    AnchorStatus,
    SnapshotIndex,
    _missing_numbers,
    _widen_to_numbers,
    numbers_in,
)


def _reference(quote: str, original: str, spans: list[tuple[int, int]]) -> tuple[
        tuple[str, ...], tuple[str, ...]]:
    """``_missing_numbers`` of round twelve: the numbers read at once, a verbatim match too."""
    found: list[str] = []
    wanted: list[str] | None = None
    for start, end in spans:
        wide_start, wide_end = _widen_to_numbers(original, start, end)
        matched = original[wide_start:wide_end]
        if len(spans) == 1 and matched == quote:
            wanted = found = numbers_in(quote)
            break
        found += numbers_in(matched)
    if wanted is None:
        wanted = numbers_in(quote)
    if wanted == found:
        return (), tuple(found)
    missing = Counter(wanted) - Counter(found)
    return tuple(sorted(missing.elements(), key=wanted.index)), tuple(found)


_TEXT = st.text(alphabet="0129,.- aé٣\n", max_size=30)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _TEXT, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)),
                              min_size=1, max_size=3), st.booleans())
def test_missing_and_found_numbers_equal_the_eager_reading(
        quote: str, original: str, spans: list[tuple[int, int]], verbatim: bool) -> None:
    if verbatim:
        start = len(original)
        original, spans = original + quote + original, [(start, start + len(quote))]
    missing, stated = _missing_numbers(quote, original, spans)
    result = AnchorResult(AnchorStatus.EXACT, "s", numbers_missing=missing,
                          numbers_stated=stated)
    assert (result.numbers_missing, result.numbers_found) == _reference(quote, original, spans)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, _TEXT, st.booleans())
def test_anchored_quotes_state_the_numbers_of_the_eager_reading(
        before: str, quote: str, after: str, cut: bool) -> None:
    """Every path of the search (flat, bare, widened, normalised): the numbers a result
    states are the eager reading of its spans, as :meth:`SnapshotIndex._result` took them."""
    text = before + quote + after
    asked = quote[1:] if cut and len(quote) > 1 else quote
    result = SnapshotIndex("s", text).anchor(asked)
    if result.found and result.start is not None and result.end is not None:
        spans = list(result.parts) or [(result.start, result.end)]
        want = _reference(asked, text, spans) if len(spans) == 1 else None
        if want is not None and result.status is not AnchorStatus.FUZZY:
            assert (result.numbers_missing, result.numbers_found) == want
    else:
        assert result.numbers_found == ()
