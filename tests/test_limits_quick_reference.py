"""The limits' quick pass gives the answers it gave before it measured texts as it met them.

The reference below is the quick pass as it was: one pass per level that kept every string
(keys too) for one ``max`` after the walk. The current one measures each text when it meets
it and a mapping's keys in C; it must answer the same on any data, under any limits, with any
text beside it (none, clean or not, with escapes or not).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import limits as limits_module
from argmap._load.limits import (
    _FORBIDDEN_ESCAPE,
    _QUICK_SCALARS,
    FORBIDDEN_CHARS,
    Limits,
    _passes_quickly,
)


def _reference(
    data: Any, limits: Limits, text: str | None, *, text_clean: bool = False,
    yaml_or_json: bool = False,
) -> bool:
    strings: list[Any] = []
    count = 0
    depth = 0
    level: list[Any] = [data]
    while level:
        if depth > limits.max_depth:
            return False
        count += len(level)
        if count > limits.max_values:
            return False
        deeper: list[Any] = []
        for value in level:
            kind = type(value)
            if kind is dict:
                strings.extend(value)
                deeper.extend(value.values())
            elif kind is list:
                deeper.extend(value)
            elif kind is str:
                strings.append(value)
            elif kind not in _QUICK_SCALARS:
                return False
        level = deeper
        depth += 1
    try:
        longest = max(map(str.__len__, strings), default=0)
    except TypeError:
        return False
    if longest > limits.max_text_length:
        return False
    if text is not None:
        if not text_clean and FORBIDDEN_CHARS.search(text):
            return False
        if "\\" not in text:
            return True
        if yaml_or_json and _FORBIDDEN_ESCAPE.search(text) is None:
            return True
    return FORBIDDEN_CHARS.search("\n".join(strings)) is None


_TEXTS = st.text(st.sampled_from(["a", "é", " ", "\x00", "\x1b", "\ufffe", "\\", "\n"]),
                 max_size=8)
_KEYS = _TEXTS | st.integers(-2, 2) | st.none() | st.booleans() | st.tuples(st.integers(0, 1))
_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXTS
           | st.sets(st.integers(0, 3), max_size=2) | st.tuples(_TEXTS) | st.binary(max_size=2))
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=25,
)
_LIMITS = st.builds(
    Limits,
    max_values=st.integers(0, 40),
    max_text_length=st.integers(0, 8),
    max_depth=st.integers(0, 5),
)
_FILE_TEXTS = st.none() | st.text(
    st.sampled_from(["a", "\\", "0", "x", "1", "b", "u", "\x07", "\ufffe", "\n", '"']),
    max_size=12,
)


@settings(max_examples=max(400, settings().max_examples))
@given(data=_DATA, limits=_LIMITS, text=_FILE_TEXTS, text_clean=st.booleans(),
       yaml_or_json=st.booleans())
def test_the_quick_pass_answers_as_before(
    data: Any, limits: Limits, text: str | None, text_clean: bool, yaml_or_json: bool
) -> None:
    for root in (data, {"k": data}, [data, data]):
        assert _passes_quickly(
            root, limits, text, text_clean=text_clean, yaml_or_json=yaml_or_json
        ) is _reference(root, limits, text, text_clean=text_clean, yaml_or_json=yaml_or_json)


@settings(max_examples=max(300, settings().max_examples))
@given(data=_DATA, limits=_LIMITS, chunk=st.integers(1, 3))
def test_the_quick_pass_answers_as_before_in_any_chunks(
    data: Any, limits: Limits, chunk: int
) -> None:
    """The levels read in chunks of one, two or three values (256 on real data), and long
    lists of values: the same answers."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits_module, "_CHUNK", chunk)
        for root in (data, {"k": data}, [data, data], [data] * 7, {"a": [data] * 5, "b": data}):
            assert _passes_quickly(root, limits, "x") is _reference(root, limits, "x")


def test_texts_and_keys_at_the_length_limit() -> None:
    limits = Limits(max_text_length=3)
    for data in ({"abc": "abc"}, {"abcd": 1}, {"a": "abcd"}, ["abc", ["abcd"]], {(1,): 1},
                 {1: "a"}, [{"a": {"b": {"cdef": None}}}]):
        assert _passes_quickly(data, limits, "x") is _reference(data, limits, "x")
