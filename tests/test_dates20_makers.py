"""The dates' records built by ``slot_maker`` (round twenty): the same objects the classes
build from the same fields, and ``text_dates`` as before on generated and real texts."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.dates import (
    ClaimDate,
    DateStatus,
    StatedDate,
    _new_claim_date,
    _new_stated,
    text_dates,
)
from argmap._verify.numbers import TEMPORAL_KINDS, parse

TEXTS = st.text(alphabet="ab 19-2/", max_size=10)
MAYBE = st.none() | TEXTS

STATED = st.builds(
    lambda text, start, size, period, partial, relative, unit, offset: (
        text, start, start + size, period, partial, relative, unit, offset),
    TEXTS, st.integers(0, 99), st.integers(0, 9), MAYBE, MAYBE, MAYBE, MAYBE,
    st.none() | st.integers(-5, 5))


@given(STATED)
@settings(max_examples=200, deadline=None)
def test_stated_maker_builds_what_the_class_builds(values: tuple[object, ...]) -> None:
    made = _new_stated(*values)
    called = StatedDate(*values)
    assert type(made) is StatedDate
    assert made == called
    assert hash(made) == hash(called)
    assert repr(made) == repr(called)


@given(TEXTS, STATED, st.sampled_from(list(DateStatus)), st.lists(TEXTS, max_size=3),
       st.none() | TEXTS)
@settings(max_examples=200, deadline=None)
def test_claim_date_maker_builds_what_the_class_builds(
    claim: str, stated: tuple[object, ...], status: DateStatus, cited: list[str],
    figure: str | None,
) -> None:
    date = StatedDate(*stated)
    values = (claim, date, ("text",), status, tuple(cited), None, (), figure)
    made = _new_claim_date(*values)
    called = ClaimDate(*values)
    assert type(made) is ClaimDate
    assert made == called
    assert hash(made) == hash(called)
    assert [getattr(made, f.name) for f in fields(ClaimDate)] == list(values)


def _oracle(text: str) -> list[StatedDate]:
    """Round nineteen's first step of ``text_dates``: the class called on five fields."""
    return [StatedDate(m.text, m.start, m.end, m.period, m.partial or None)
            for m in parse(text) if m.kind in TEMPORAL_KINDS and (m.period or m.partial)]


@given(st.text(alphabet="In 2019 and March-May 2020, 3 Dec last year 1999.", max_size=60))
@settings(max_examples=200, deadline=None)
def test_text_dates_hold_the_class_built_dates(text: str) -> None:
    found = [d for d in text_dates(text) if d.relative is None]
    assert found == _oracle(text)
    assert all(type(d) is StatedDate for d in text_dates(text))


def test_the_papers_texts_date_as_the_class_built_dates() -> None:
    root = Path(__file__).resolve().parent.parent / "claims"
    texts = [line for path in sorted(root.rglob("*.yaml"))
             for line in path.read_text(encoding="utf-8").splitlines() if any(
                 c.isdigit() for c in line)]
    assert len(texts) > 50
    for text in texts:
        assert [d for d in text_dates(text) if d.relative is None] == _oracle(text)
