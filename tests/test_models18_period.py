"""``_model._check_period`` against the version that matched every period with the compiled
``PERIOD_PATTERN`` first: the same value or the same error for any text."""

import re
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from argmap import _model

_OLD_RE = re.compile(_model.PERIOD_PATTERN)


def _old_check_period(value: str) -> str:
    """The check as it was (the oracle)."""
    if not _OLD_RE.match(value):
        msg = "a period is YYYY, YYYY-MM, YYYY-MM-DD or START/END of those"
        raise ValueError(msg)
    parts = value.split("/")
    for part in parts:
        pieces = [int(p) for p in part.split("-")]
        if len(pieces) == 3:
            try:
                date(pieces[0], pieces[1], pieces[2])
            except ValueError as exc:
                msg = f"{part} is not a calendar date"
                raise ValueError(msg) from exc
    if len(parts) == 2 and parts[0] > parts[1] and not parts[1].startswith(parts[0]):
        msg = f"the period {value} ends before it starts"
        raise ValueError(msg)
    return value


def _outcome(check: object, value: str) -> tuple[str, str]:
    try:
        return "ok", check(value)  # type: ignore[operator]
    except ValueError as exc:
        return "error", str(exc)


_DIGITS = st.sampled_from("0123456789")
_PIECE = st.one_of(
    st.text(_DIGITS, min_size=1, max_size=5),
    st.sampled_from(["00", "01", "09", "10", "12", "13", "28", "29", "30", "31", "32", "99"]),
    st.text(st.sampled_from("0123456789٠١٢٣-/ \nx"), max_size=4),
)
_PART = st.lists(_PIECE, min_size=1, max_size=4).map("-".join)
_PERIODS = st.one_of(
    _PART,
    st.tuples(_PART, _PART).map("/".join),
    st.lists(_PART, min_size=3, max_size=4).map("/".join),
    st.text(max_size=24),
)


@given(_PERIODS)
@example("2019")
@example("2020-02-30")
@example("2020-02-29/2021-02-28")
@example("2019/2018")
@example("2019-12/2019")
@example("2019\n")
@example("٢٠١٩")
@example("²019")
@example("2019/2020-0²")
@example("2019-1")
@example("20190")
@example("2019-")
@example("2019/")
@example("/2019")
@example("2019//2020")
@example("2019-01-01-01")
@example("2019-00")
@example("2019-13")
@example("2019-01-00")
@example("2019-01-32")
def test_same_outcome_as_the_pattern_first(value: str) -> None:
    assert _outcome(_model._check_period, value) == _outcome(_old_check_period, value)  # noqa: SLF001 - the check under test


@given(_PERIODS)
def test_a_plain_period_matches_the_pattern(value: str) -> None:
    """What the pattern-free path takes, the pattern takes too (never the other way round)."""
    if _model._plain_period(*value.partition("/")):  # noqa: SLF001 - the shortcut under test
        assert _OLD_RE.match(value)
