"""``Normalised.span`` walks the steps once for both ends: it gives what the round-nine
version gave (``start_of`` of the start, ``end_of`` of the last character; kept here as the
reference) for every span of any normalised text, and the quote shortcut of
``SnapshotIndex.anchor``, which reads ``plain`` inline, anchors as the general path does."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.anchor import SnapshotIndex
from argmap._verify.normalise import (
    F_LIGATURES,
    TH_LIGATURE,
    Normalised,
    normalise,
)

_TEXT = st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=60) | st.text(
    alphabet="ab fT-\n\t\u00a0\u2014\ufb01\u00ad .\u201c", max_size=60)
_REPAIRS = st.sampled_from([frozenset(), frozenset({F_LIGATURES, TH_LIGATURE})])


def _old_span(norm: Normalised, start: int, end: int) -> tuple[int, int]:
    if start >= end:
        if start < len(norm.text):
            at = norm.start_of(start)
        else:
            at = norm.end_of(len(norm.text) - 1) if norm.text else 0
        return at, at
    return norm.start_of(start), norm.end_of(end - 1)


@settings(max_examples=400, deadline=None)
@given(_TEXT, _REPAIRS, st.data())
def test_span_is_the_reference_span(text: str, repairs: frozenset[str],
                                    data: st.DataObject) -> None:
    norm = normalise(text, repairs)
    size = len(norm.text)
    for _ in range(8):
        start = data.draw(st.integers(0, size + 1))
        end = data.draw(st.integers(0, size + 1))
        assert _outcome(norm.span, start, end) == _outcome(_old_span, norm, start, end)


def _outcome(function: Any, *args: Any) -> Any:
    """What a call returns, or the kind of error it raises (a span past the text's end,
    which no caller asks for, fails alike: an empty text with steps has no segment)."""
    try:
        return function(*args)
    except IndexError as exc:
        return type(exc)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab -\n.19\u00e9", min_size=1, max_size=60),
       st.text(alphabet="ab -.19\u00e9\t", min_size=1, max_size=12))
def test_the_inline_plain_shortcut_anchors_as_the_general_path(text: str,
                                                               quote: str) -> None:
    index = SnapshotIndex("S", text)
    general = SnapshotIndex("S", text)
    general.shortcut = False
    assert index.anchor(quote) == general.anchor(quote)
