"""Round nineteen's reading of a claim's quotes against the code it replaced, kept here as
the reference: the quotes' figures are kept in one dictionary per map (not a memo entry per
evidence item), and a quote's figures are told apart by comparing their readings in a list
when they are few (not by hashing them in a dict). Each must give exactly what the old code
gave, in the same order; the rules' walk reads a claim's fields from its view."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._model import ArgumentMap
from argmap._verify.compare import (
    _FEW,
    _FIRST,
    _Bucket,
    _bucket_key,
    _bucketed,
    _claim_quotes,
    _distinct,
    _family_form,
    _order,
    _quote_mentions,
    _quotes_read,
    _read_quote,
    _reading_key,
    claim_figures,
    figures_of,
)
from argmap._verify.index import MapIndex
from argmap._verify.numbers import FIGURE_KINDS, Mention, parse
from argmap._verify.numbers.mention import evolve
from test_compare_figures_reference import MAPS, _old_figures, maps
from test_compare_prepared import mentions

# --- round eighteen's code ------------------------------------------------------------------


def _old_bucketed(figures: Iterable[Mention]) -> dict[tuple[object, ...], _Bucket]:
    distinct: dict[tuple[object, ...], Mention] = {}
    for m in figures:
        distinct.setdefault(_reading_key(m), m)
    if len(distinct) <= 1:
        return {_bucket_key(m): _Bucket((_order(m),), (m,), (_family_form(m),))
                for m in distinct.values()}
    grouped: dict[tuple[object, ...], list[Mention]] = {}
    for m in distinct.values():
        grouped.setdefault(_bucket_key(m), []).append(m)
    ordered = {bucket: sorted(zip(map(_order, members), members, strict=True), key=_FIRST)
               for bucket, members in grouped.items()}
    buckets = {}
    for bucket, pairs in ordered.items():
        kept = tuple(m for _, m in pairs)
        buckets[bucket] = _Bucket(tuple(size for size, _ in pairs), kept,
                                  tuple(map(_family_form, kept)))
    return buckets


def _old_read_quote(index: MapIndex, evidence_id: str) -> dict[tuple[object, ...], _Bucket]:
    item = index.evidence.get(evidence_id)
    if item is None or item.quote is None:
        return {}
    read = parse(item.quote.exact)
    if not any(m.kind in FIGURE_KINDS for m in read):
        return {}
    period = item.period
    return _old_bucketed(evolve(found, period=period) if period and not found.period else found
                         for found in read if found.kind in FIGURE_KINDS)


def _old_quotes(index: MapIndex, cited: list[str]
                ) -> list[tuple[str, dict[tuple[object, ...], _Bucket]]]:
    return [(evidence_id, buckets) for evidence_id in dict.fromkeys(cited)
            if (buckets := index.memo(("old", evidence_id),
                                      lambda e=evidence_id: _old_read_quote(index, e)))]


def _old_distinct(figures: list[Mention]) -> list[Mention]:
    distinct: dict[tuple[object, ...], Mention] = {}
    for m in figures:
        distinct.setdefault(_reading_key(m), m)
    return list(distinct.values())


# --- a quote's distinct figures -------------------------------------------------------------

#: Figures that repeat: a few readings, each drawn again, some as equal decimals written
#: differently (4 and 4.0 are one value, with one step or another).
_REPEATED = st.lists(
    mentions() | mentions(value=Decimal("4")) | mentions(value=Decimal("4.0")),
    min_size=1, max_size=4,
).flatmap(lambda pool: st.lists(st.sampled_from(pool), max_size=2 * _FEW + 2))


@settings(max_examples=300)
@given(_REPEATED)
def test_a_quotes_distinct_figures_are_the_ones_kept_before(figures: list[Mention]) -> None:
    kept = _distinct(figures)
    old = _old_distinct(figures)
    assert kept == old
    assert all(a is b for a, b in zip(kept, old, strict=True))  # the first of equals
    assert _distinct(iter(figures)) == old  # any iterable


@settings(max_examples=200)
@given(_REPEATED)
def test_a_quotes_buckets_are_the_ones_read_before(figures: list[Mention]) -> None:
    new, old = _bucketed(figures), _old_bucketed(figures)
    assert new == old
    assert list(new) == list(old)
    for key, bucket in new.items():
        assert all(a is b for a, b in zip(bucket.mentions, old[key].mentions, strict=True))


# --- a claim's quotes, read once per map ----------------------------------------------------


def _same_figures(loaded: ArgumentMap) -> None:
    """A walk over the claims' views (the rules' walk) gives each claim the figures an
    earlier round built from the claim itself."""
    new_index, old_index = MapIndex(loaded), MapIndex(loaded)
    for claim, fields in zip(loaded.claims, new_index.claim_fields, strict=True):
        assert figures_of(new_index, claim, fields) == _old_figures(old_index, claim)


def _same_quotes(loaded: ArgumentMap) -> None:
    _same_figures(loaded)
    new_index, old_index = MapIndex(loaded), MapIndex(loaded)
    for claim in loaded.claims:
        assert _claim_quotes(new_index, claim.evidence) == _old_quotes(old_index, claim.evidence)
    for evidence_id in [*new_index.evidence, "not-an-item"]:
        old = _old_read_quote(old_index, evidence_id)
        assert _quote_mentions(new_index, evidence_id) == old
        assert _read_quote(new_index, evidence_id) == old
    # every item read (cited or asked for, known or not) went into the one dictionary
    read = _quotes_read(new_index)
    cited = {evidence_id for claim in loaded.claims for evidence_id in claim.evidence}
    assert set(read) == {*new_index.evidence, "not-an-item", *cited}
    first = dict(read)
    for claim in loaded.claims:
        for evidence_id, buckets in _claim_quotes(new_index, claim.evidence):
            assert buckets is first[evidence_id]


@pytest.mark.parametrize("folder", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_maps_quotes_are_the_ones_read_before(folder: Path) -> None:
    _same_quotes(argmap.load(next(folder.glob("*.yaml")) if folder.is_dir() else folder))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_a_generated_maps_quotes_are_the_ones_read_before(loaded: ArgumentMap) -> None:
    _same_quotes(loaded)


def test_the_quotes_are_forgotten_with_their_owner() -> None:
    """The one dictionary is owned by ``_quote_mentions``, as each item's entry was: the
    lifetimes' release of that owner drops it, and the figures are read again, the same."""
    loaded = argmap.load(next(MAPS[0].glob("*.yaml")) if MAPS[0].is_dir() else MAPS[0])
    index = MapIndex(loaded)
    before = [claim_figures(index, claim) for claim in loaded.claims]
    assert _quotes_read(index)
    index.forget([_quote_mentions])
    assert (_quote_mentions,) not in index._memo  # noqa: SLF001 - the memo's own entry
    fresh = MapIndex(loaded)
    assert [claim_figures(fresh, claim) for claim in loaded.claims] == before


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["300 ", "USD 4 billion ", "5% ", "about 300 firms ", "4 ",
                                 "fell 57% ", "-57% ", "1,097 files ", "x "]),
                min_size=_FEW, max_size=3 * _FEW).map("".join),
       st.lists(st.sampled_from(["300", "USD 4 billion", "5% and 4", "57%"]), max_size=3))
def test_a_claim_of_many_figures_is_compared_as_before(text: str, quotes: list[str]) -> None:
    """More figures than :data:`_FEW`, repeated: their readings go through a dict."""
    loaded = ArgumentMap.model_validate({
        "title": "t", "sources": [{"id": "S1", "title": "s"}],
        "claims": [{"id": "C1", "text": text, "period": "2019",
                    "evidence": [f"E{j}" for j in range(len(quotes))]}],
        "evidence": [{"id": f"E{j}", "source": "S1", "quote": {"exact": quote}}
                     for j, quote in enumerate(quotes)],
    })
    _same_figures(loaded)
