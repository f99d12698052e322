"""The limits' quick pass remembers keys it has measured: a mapping whose keys are all among
them is not measured again. It must answer as the reference (the pass that kept every key
for one ``max``) whatever keys repeat: long ones, equal ones of other types (``1``, ``1.0``,
``True`` and ``"1"``), and however few keys it may remember."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import limits as limits_module
from argmap._load.limits import Limits, _passes_quickly
from test_limits_quick_reference import _reference as _quick_reference


def _reference(data: Any, limits: Limits) -> bool:
    """The quick pass of round nine over a clean file's data (text ``"x"``: no forbidden
    character, no escape): every key and text kept for one ``max`` after the walk."""
    return _quick_reference(data, limits, "x")


_KEYS = st.sampled_from(["a", "ab", "abc", "abcd", "1", "", "é" * 4]) | st.sampled_from(
    [1, 1.0, True, 0, False, None, (1,), ("a",)])
_LEAVES = st.none() | st.integers(0, 2) | st.sampled_from(["x", "xyzw"])
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=20,
)


@settings(max_examples=max(400, settings().max_examples))
@given(data=_DATA, length=st.integers(0, 4), remembered=st.integers(0, 4),
       chunk=st.integers(1, 3))
def test_remembered_keys_give_the_references_answer(
    data: Any, length: int, remembered: int, chunk: int
) -> None:
    limits = Limits(max_text_length=length)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits_module, "_KNOWN_KEYS", remembered)
        patch.setattr(limits_module, "_CHUNK", chunk)
        for root in (data, [data, data], [{"abcd": 1}, data], [{"1": 1}, data, {1: 1}],
                     [data, {"a": 1, "abc": 2}, data]):
            assert _passes_quickly(root, limits, "x") is _reference(root, limits)


def test_a_long_key_after_short_ones_is_seen() -> None:
    limits = Limits(max_text_length=3)
    for root in ([{"a": 1}, {"a": 1, "abcd": 2}], [{"1": 1}, {1: 1}], [{"a": 1}, {True: 1}],
                 [{"abc": 1}, {"abc": 1}, {("abc",): 1}]):
        assert _passes_quickly(root, limits, "x") is False
