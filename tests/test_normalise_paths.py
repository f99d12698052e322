"""The short cuts of normalisation give what the full substitutions give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import normalise as module
from argmap._verify.normalise import F_LIGATURES, TH_LIGATURE, normalise, normalise_text

_TEXT = st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=40) | st.text(
    alphabet="ab fT-\n\t\u00a0\u2014\ufb01 .", max_size=40)
_REPAIRS = st.sampled_from([frozenset(), frozenset({F_LIGATURES, TH_LIGATURE})])


@settings(max_examples=500, deadline=None)
@given(_TEXT, _REPAIRS)
def test_plain_text_short_cut_equals_the_substitutions(text: str,
                                                       repairs: frozenset[str]) -> None:
    fast = normalise(text, repairs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "_plain", lambda _: False)  # force every substitution to run
        slow = normalise(text, repairs)
        assert normalise_text(text, repairs) == slow.text
    assert normalise_text(text, repairs) == fast.text
    assert (fast.text, fast.starts, fast.ends, fast.hard, fast.soft) == (
        slow.text, slow.starts, slow.ends, slow.hard, slow.soft)
    for at in range(len(text) + 2):
        assert fast.index_of(at) == slow.index_of(at)


#: The hyphen pattern as first written (lookbehind first): the reference for the fast one.
_HYPHENS_REFERENCE = re.compile(r"(?<=[^\W\d_])-\s*(?=[^\W\d_])|(?<=\d)-\s*\n\s*(?=\d)")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="a1_- \n\t\u00e9\u0301\u00a0\u2003-", max_size=40))
def test_hyphen_pattern_matches_where_the_reference_does(text: str) -> None:
    assert [m.span() for m in module._HYPHENS.finditer(text)] == [  # noqa: SLF001 - the pattern under test
        m.span() for m in _HYPHENS_REFERENCE.finditer(text)]


_SPACE_REFERENCE = re.compile(r"\s{2,}|[^\S ]")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="a \n\t\r\u00a0\u2003\u3000\x1c\x0b.", max_size=40))
def test_space_pattern_matches_where_the_reference_does(text: str) -> None:
    assert [m.span() for m in module._SPACE.finditer(text)] == [  # noqa: SLF001 - the pattern under test
        m.span() for m in _SPACE_REFERENCE.finditer(text)]
