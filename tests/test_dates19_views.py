"""Round nineteen: the rules' walk over the claims' dates (:func:`dates_of`) reads each
claim's text, quantities, period, ID and cited items from the claim's view rather than off
the model. It must judge each claim's dates as the reference (``_judge`` of
tests/test_dates_reference.py, read off the model) and :func:`claim_dates` do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import argmap
from argmap._engine.context import RuleContext
from argmap._model import ArgumentMap
from argmap._verify.dates import claim_dates, dates_of
from test_dates_reference import _judge, _maps

ROOT = Path(__file__).resolve().parent.parent
MAPS = [ROOT / "claims" / "fiia-298", *sorted((ROOT / "tests" / "example-maps").glob("AM3*/*")),
        *sorted((ROOT / "tests" / "example-maps").glob("AM6*/*"))]


def _same_dates(loaded: ArgumentMap) -> None:
    new, old, plain = RuleContext(loaded), RuleContext(loaded), RuleContext(loaded)
    for claim, fields in zip(loaded.claims, new.claim_fields, strict=True):
        expected = tuple(_judge(old, claim))
        assert dates_of(new, claim, fields) == expected
        assert claim_dates(plain, claim) == expected


@settings(max_examples=300, deadline=None)
@given(_maps())
def test_a_claims_dates_read_from_its_view_are_the_ones_judged_before(
        data: dict[str, Any]) -> None:
    try:
        loaded = ArgumentMap.model_validate(data)
    except ValueError:  # a draw the model refuses (an empty quote, a bad period)
        return
    _same_dates(loaded)


@pytest.mark.parametrize("folder", [m for m in MAPS if m.is_dir()],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_maps_dates_read_from_the_views_are_the_ones_judged_before(folder: Path) -> None:
    _same_dates(argmap.load(next(folder.glob("*.yaml"))))
