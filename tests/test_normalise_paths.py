"""The short cuts of normalisation give what the full substitutions give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import normalise as module
from argmap._verify.normalise import F_LIGATURES, TH_LIGATURE, normalise

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
    assert (fast.text, fast.starts, fast.ends, fast.hard, fast.soft) == (
        slow.text, slow.starts, slow.ends, slow.hard, slow.soft)
    for at in range(len(text) + 2):
        assert fast.index_of(at) == slow.index_of(at)
