"""Round twenty dates a text's figures in place in ``parse`` (``attach_periods(...,
fresh=True)``): a figure built for the call is given its period and direction, where it was
copied (``_dated``). Round nineteen's ``attach_periods`` (``_old_attach_periods`` of
tests/test_grammar19_leads.py, which copies) is the oracle: on the same figures, read
afresh for each side, the results are equal field for field, on generated texts and on
every claim and quote of the paper's map, and ``parse`` reads what the old steps read."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap._verify.numbers.mention import TEMPORAL_KINDS, Mention
from argmap._verify.numbers.neighbours import attach_periods
from argmap._verify.numbers.parsing import parse
from test_grammar19_leads import _TEXTS, _old_attach_periods, _read

ROOT = Path(__file__).resolve().parent.parent


def _fields(m: Mention) -> tuple[Any, ...]:
    return tuple(getattr(m, f.name) for f in dataclasses.fields(m))


def _same(new: list[Mention], old: list[Mention]) -> None:
    assert [type(m) for m in new] == [type(m) for m in old]
    assert [_fields(m) for m in new] == [_fields(m) for m in old]
    assert [repr(m) for m in new] == [repr(m) for m in old]
    assert new == old


def _check(text: str, turn: bool) -> int:
    try:
        old_input = _read(text)
    except Exception:  # noqa: BLE001 - a text the grammar refuses is not this test's
        return 0
    if len(old_input) < 2:
        return 0
    fresh = _read(text)  # built afresh: the fresh path's own figures
    before = [_fields(m) for m in old_input]
    kept = list(fresh)
    new = attach_periods(text, fresh, turn, fresh=True)
    old = _old_attach_periods(text, list(old_input), turn)
    _same(new, old)
    assert [_fields(m) for m in old_input] == before  # the copying path touched nothing
    for m, was in zip(kept, new, strict=True):  # dated in place: the same objects
        if was.period is not None and was.kind not in TEMPORAL_KINDS:
            assert m is was
    for m in new:
        if m.kind in TEMPORAL_KINDS:
            assert m in old_input
    return sum(1 for m in new if m.period is not None and m.kind not in TEMPORAL_KINDS)


@settings(max_examples=1000, deadline=None)
@given(_TEXTS, st.booleans())
@example("3,760 of 9,400 cases in 2020 (40%) concerned clinic visits.", True)
@example("In 2019, USD 5 million. In 2020 it was 7 million", True)
@example("USD 5 million in 2019; 7% in 2020! 12 in 2021\n\n40% in 2022", False)
@example("Exports rose 5% in 2019 and fell 7% in 2020.", True)
def test_dated_in_place_is_dated_by_copy(text: str, turn: bool) -> None:
    _check(text, turn)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_parse_reads_what_the_old_steps_read(text: str) -> None:
    parse.cache_clear()
    try:
        found = parse(text)
        steps = _read(text)
    except Exception:  # noqa: BLE001 - a text the grammar refuses is not this test's
        return
    if len(steps) > 1:
        _same(list(found), _old_attach_periods(text, steps, True))


def test_the_papers_texts_date_the_same() -> None:
    argmap_ = argmap.load(ROOT / "claims" / "fiia-298")
    texts = [c.text for c in argmap_.claims] + [
        e.quote.exact for e in argmap_.evidence if e.quote is not None]
    dated = sum(_check(text, turn) for text in texts for turn in (False, True))
    assert dated > 20
