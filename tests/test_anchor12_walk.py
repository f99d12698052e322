"""The first walk of ``anchored_evidence`` counts each holder's quotes from its groups
(``quote_counts`` without a pass of its own): held here to the pass it replaces, on the
repository's maps and on generated maps whose quotes interleave."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

import argmap
from argmap._model import ArgumentMap
from argmap._verify.anchor import anchor_evidence, anchored_evidence, quote_counts
from argmap._verify.index import MapIndex
from test_anchor_grouped import _loaded, _maps

ROOT = Path(__file__).resolve().parents[1]


def _reference(loaded: ArgumentMap) -> Counter[str]:
    """The pass ``quote_counts`` makes: every quote's holder."""
    return Counter(item.via or item.source for item in loaded.evidence
                   if item.quote is not None)


def _check(loaded: ArgumentMap) -> None:
    index = MapIndex(loaded)
    list(anchored_evidence(index))  # the walk seeds the counts
    assert quote_counts(index) == _reference(loaded)
    assert list(quote_counts(index).items()) == list(_reference(loaded).items())
    quoted = [item for item in loaded.evidence if item.quote is not None]
    if quoted:  # one quote anchored before the walk: the counts are the pass's own
        index = MapIndex(loaded)
        anchor_evidence(index, quoted[-1])
        list(anchored_evidence(index))
        assert quote_counts(index) == _reference(loaded)


def test_the_walk_counts_the_quotes_of_the_repository_maps() -> None:
    for folder in (ROOT / "claims" / "fiia-298", ROOT / "examples"):
        for path in sorted({p.parent for p in folder.rglob("map.yaml")}):
            _check(argmap.load(path))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_maps())
def test_the_walk_counts_as_the_pass(case: tuple[dict[str, str], dict[str, Any]]) -> None:
    with _loaded(*case) as loaded:
        if loaded is not None:
            _check(loaded)
