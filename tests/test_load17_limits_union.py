"""The limits' quick pass judges the keys of a chunk's mappings together, read into one set
in C (``frozenset.union``), where it tested each mapping's keys against the remembered ones
(round fifteen's pass, kept below as the oracle). It must answer as that pass did on any
data, under any limits, chunk sizes, memory of keys and size of the set: keys that repeat,
long ones, equal ones of other types (``1``, ``1.0``, ``True``), tuples, deep or wide data."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import limits as limits_module
from argmap._load.limits import _QUICK_SCALARS, Limits, _shape_passes


def _old_shape_passes(data: Any, limits: Limits, chunk: int, remembered: int) -> bool:
    """``_shape_passes`` as it was before (src/argmap/_load/limits.py, round fifteen)."""
    count = 0
    limit = limits.max_text_length
    max_depth = limits.max_depth
    max_values = limits.max_values
    text, mapping, sequence, type_of, length, scalars = str, dict, list, type, len, _QUICK_SCALARS
    key_length = str.__len__
    join = "".join
    known: set[str] = set()
    known_keys = known.issuperset
    stack: list[tuple[list[Any], int, int]] = [([data], 0, 0)]
    pop = stack.pop
    push = stack.append
    try:
        while stack:
            level, depth, start = pop()
            if start or len(level) > chunk:
                if start + chunk < len(level):
                    push((level, depth, start + chunk))
                level = level[start:start + chunk]
            if depth > max_depth:
                return False
            count += len(level)
            if count > max_values:
                return False
            deeper: list[Any] = []
            extend = deeper.extend
            for value in level:
                kind = type_of(value)
                if kind is text:
                    if length(value) > limit:
                        return False
                elif kind is mapping:
                    if not known_keys(value):
                        if len(join(value)) > limit and max(map(key_length, value)) > limit:
                            return False
                        if len(known) + len(value) <= remembered:
                            known.update(value)
                    extend(value.values())
                elif kind is sequence:
                    extend(value)
                elif kind not in scalars:
                    return False
            if deeper:
                push((deeper, depth + 1, 0))
    except TypeError:
        return False
    return True


_KEYS = st.sampled_from(["a", "ab", "abc", "abcd", "1", "", "é" * 4, "abcdefghij"]) | (
    st.sampled_from([1, 1.0, True, 0, False, None, (1,), ("a",), -2.5]))
_LEAVES = (st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False)
           | st.sampled_from(["", "x", "xyzw", "é" * 5]) | st.sets(st.integers(0, 2), max_size=2)
           | st.tuples(st.text(max_size=2)) | st.binary(max_size=2))
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=30,
)
_LIMITS = st.builds(
    Limits,
    max_values=st.integers(0, 60),
    max_text_length=st.integers(0, 11),
    max_depth=st.integers(0, 6),
)


@settings(max_examples=max(600, settings().max_examples))
@given(data=_DATA, limits=_LIMITS, chunk=st.integers(1, 4) | st.just(256),
       remembered=st.integers(0, 5) | st.just(1024), united=st.integers(0, 6) | st.just(1 << 16))
def test_the_pass_answers_as_before(
    data: Any, limits: Limits, chunk: int, remembered: int, united: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits_module, "_CHUNK", chunk)
        patch.setattr(limits_module, "_KNOWN_KEYS", remembered)
        patch.setattr(limits_module, "_UNITED", united)
        for root in (data, {"k": data}, [data, data], [data] * 6, [{"abcd": 1}, data],
                     [{"1": 1}, data, {1: 1}], {"a": [data] * 4, "b": data},
                     [{"a": 1, "abc": 2}, data, {"a": data}]):
            assert _shape_passes(root, limits) is _old_shape_passes(
                root, limits, chunk, remembered)


def test_keys_of_other_types_and_long_keys_fail_in_a_chunk_of_good_ones() -> None:
    limits = Limits(max_text_length=3)
    for bad in ({1: 1}, {True: 1}, {None: 1}, {(1,): 1}, {1.5: 1}, {"abcd": 1}):
        root = [{"a": 1}, {"abc": 2}, bad, {"a": 3}]
        assert _shape_passes(root, limits) is False
        assert _old_shape_passes(root, limits, 256, 1024) is False
    # a key equal to a text key is a text of the same length; "1" and 1 are not equal
    assert _shape_passes([{"1": 1}, {1: 1}], limits) is False
    assert _shape_passes([{"abc": 1}, {"abc": [{"abc": None}]}], limits) is True


def test_a_chunk_of_many_keys_is_judged_a_mapping_at_a_time() -> None:
    limits = Limits(max_text_length=6, max_values=10_000)
    wide = {f"k{index}": index for index in range(300)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits_module, "_UNITED", 100)
        assert _shape_passes([wide, {"a": 1}], limits) is True
        assert _shape_passes([wide, {"abcdefg": 1}], limits) is False
        assert _shape_passes([wide, {2: 1}], limits) is False
