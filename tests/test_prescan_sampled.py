"""``may_hold_long_number`` looks for a long run of digit-like bytes in every few bytes first:
the same answer as translating the whole file (the round-nine version, kept here as the
reference) for any bytes and any limit, however the runs fall against the samples, and when
the samples leave too many places to look at."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import prescan
from argmap._load.prescan import _DIGIT_LIKE, may_hold_long_number


def _reference(data: bytes, limit: int) -> bool:
    return b"1" * max(1, (limit - 2) // 3) in data.translate(_DIGIT_LIKE)


_PIECES = st.one_of(
    st.integers(0, 400).map(lambda n: b"7" * n),
    st.integers(0, 400).map(lambda n: b"a_F" * (n // 3)),
    st.binary(max_size=20),
    st.sampled_from([b" ", b"\n", b"x", b".", b"-"]),
)
_DATA = st.lists(_PIECES, max_size=30).map(b"".join)


@settings(max_examples=500, deadline=None)
@given(_DATA, st.integers(0, 1_200), st.sampled_from([0, 1, 2, 64]))
def test_the_sampled_search_answers_as_the_whole_translation(
    data: bytes, limit: int, rows: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(prescan, "_MAX_SAMPLED_ROWS", rows)
        assert may_hold_long_number(data, limit) is _reference(data, limit)


@pytest.mark.parametrize("limit", [98, 99, 100, 1_000])
def test_runs_at_every_offset_against_the_samples(limit: int) -> None:
    run = max(1, (limit - 2) // 3)
    for length in (run - 1, run, run + 1):
        for offset in range(0, 2 * run, 7):
            data = b"x" * offset + b"9" * length + b" z" * 40
            assert may_hold_long_number(data, limit) is (length >= run)
