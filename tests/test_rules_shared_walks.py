"""Round five's shared walks of the figure and date rules against the walks they replaced:
the claim figures and claim dates kept as one tuple per map (a claim whose reading crashes
still yields the pairs before it, then raises, as the claim-by-claim walk did), and the
snapshot test of AM306 and AM308 asked once per evidence item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._model import ArgumentMap
from argmap._verify.anchor import quote_holder
from argmap._verify.compare import claim_figures, figures_of
from argmap._verify.dates import claim_dates
from argmap._verify.index import MapIndex
from argmap.rules import _shared
from argmap.rules._shared import every_claim_date, every_claim_figure, snapshot_verifies

ROOT = Path(__file__).resolve().parent.parent
MAPS = [ROOT / "claims" / "fiia-298", *sorted((ROOT / "tests" / "example-maps").glob("AM3*/*")),
        *sorted((ROOT / "tests" / "example-maps").glob("AM6*/*"))]


def _old_figures(index: MapIndex) -> Iterator[tuple[Any, Any]]:
    for claim in index.map.claims:
        for figure in claim_figures(index, claim):
            yield claim, figure


def _old_dates(index: MapIndex) -> Iterator[tuple[Any, Any]]:
    for claim in index.map.claims:
        for found in claim_dates(index, claim):
            yield claim, found


@pytest.mark.parametrize("folder", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_kept_walks_are_the_claim_by_claim_walks(folder: Path) -> None:
    loaded = argmap.load(next(folder.glob("*.yaml")) if folder.is_dir() else folder)
    index = MapIndex(loaded)
    for _ in range(2):  # computed, then kept
        assert list(every_claim_figure(index)) == list(_old_figures(MapIndex(loaded)))
        assert list(every_claim_date(index)) == list(_old_dates(MapIndex(loaded)))


def test_a_claim_that_crashes_ends_the_walk_after_the_pairs_before_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = argmap.load(ROOT / "claims" / "fiia-298")
    with_figures = [c for c in loaded.claims if claim_figures(MapIndex(loaded), c)]
    broken = with_figures[1]

    def crashing(index: MapIndex, claim: Any, fields: Any) -> Any:
        if claim is broken:
            raise RuntimeError("unreadable")
        return figures_of(index, claim, fields)

    monkeypatch.setattr(_shared, "figures_of", crashing)
    index = MapIndex(loaded)

    def walk(seen: list[str]) -> None:
        for claim, _figure in every_claim_figure(index):
            seen.append(claim.id)

    for _ in range(2):  # nothing is kept: the same pairs, then the same error, each time
        seen: list[str] = []
        with pytest.raises(RuntimeError, match="unreadable"):
            walk(seen)
        expected = [c.id for c in loaded.claims[:loaded.claims.index(broken)]
                    for _ in claim_figures(MapIndex(loaded), c)]
        assert seen == expected


_IDS = st.sampled_from(["S1", "S2", "S3", "SX"])  # SX: no such source


@settings(max_examples=150)
@given(st.lists(st.tuples(_IDS, st.none() | _IDS), min_size=1, max_size=6),
       st.lists(st.booleans(), min_size=3, max_size=3),
       st.lists(st.lists(st.integers(0, 5), max_size=4), max_size=6))
def test_a_snapshot_verifies_exactly_when_one_holding_source_has_one(
        items: list[tuple[str, str | None]], snapshots: list[bool],
        cited: list[list[int]]) -> None:
    data = {
        "title": "t",
        "sources": [{"id": f"S{i + 1}", "title": "s", **({"snapshot": {"path": "s.txt"}}
                                                         if has else {})}
                    for i, has in enumerate(snapshots)],
        "evidence": [{"id": f"E{i}", "source": source, **({"via": via} if via else {}),
                      "quote": {"exact": "q"}} for i, (source, via) in enumerate(items)],
    }
    index = MapIndex(ArgumentMap.model_validate(data))
    verifies = snapshot_verifies(index)
    for group in cited:
        evidence = [f"E{i}" for i in group if i < len(items)]
        holders = sorted({quote_holder(index.evidence[e]) for e in evidence})
        sources = [index.sources.get(h) for h in holders]
        old = any(s is None or s.snapshot is not None for s in sources)
        assert any(verifies(e) for e in evidence) == old
