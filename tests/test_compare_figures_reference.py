"""Round eight's quicker assembly of a claim's figures against the code it replaced, kept
here as the reference: the claim's quotes looked up once per claim (not once per figure),
a repeated figure's supports sorted once, in one pass; a quote figure's keys and size read
without building its family form; an exact figure against an exact one with its magnitudes
and factors read inline; a claim's mentions read with fewer calls per figure. Each must be
exactly what the old code gave, on real maps and on generated ones."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._model import ArgumentMap, Claim, QuantityKind
from argmap._verify.compare import (
    _HALF,
    EXACT,
    FIGURE_KINDS,
    NEAREST,
    ClaimFigure,
    Support,
    Verdict,
    _bucket_key,
    _exact_verdict,
    _factor,
    _figures,
    _markup_spans,
    _order,
    _quote_mentions,
    _reading_key,
    _results,
    claim_figures,
    claim_mentions,
    compare,
    family,
)
from argmap._verify.index import MapIndex
from argmap._verify.numbers import Mention, from_quantity, parse
from argmap._verify.numbers.declared import locate
from argmap._verify.numbers.mention import evolve
from test_compare_prepared import _old_sorted, close_pairs, mentions

K = QuantityKind

ROOT = Path(__file__).resolve().parent.parent
MAPS = [ROOT / "claims" / "fiia-298", *sorted((ROOT / "tests" / "example-maps").glob("AM3*/*")),
        *sorted((ROOT / "tests" / "example-maps").glob("AM5*/*")),
        *sorted((ROOT / "tests" / "example-maps").glob("AM6*/*"))]


# --- the assembly as it was (round seven) -----------------------------------------------------


def _old_supports(index: MapIndex, evidence_ids: Sequence[str], mention: Any) -> list[Support]:
    """Round thirteen's ``_supports_in``: a support for every quote figure compared."""
    own, size = _bucket_key(mention), _order(mention)
    return [Support(evidence_id, m, compare(mention, m))
            for evidence_id in evidence_ids
            for bucket_key, bucket in _quote_mentions(index, evidence_id).items()
            for m in bucket.nearest(size, NEAREST if bucket_key == own else 1)]


def _old_figures(index: MapIndex, claim: Claim) -> tuple[ClaimFigure, ...]:
    mentions = claim_mentions(claim)
    if not mentions:
        return ()
    results = _results(index)
    figures = []
    evidence_ids = list(dict.fromkeys(claim.evidence))
    seen: dict[tuple[object, ...], list[Support]] = {}
    for mention, quantity in mentions:
        reading = _reading_key(mention)
        if reading not in seen:
            seen[reading] = _old_supports(index, evidence_ids, mention)
        matches, too_precise, nearest, understated = _old_sorted(mention, seen[reading])
        figures.append(
            ClaimFigure(
                claim=claim.id,
                mention=mention,
                quantity=quantity.id if quantity is not None else None,
                derived_by=results.get(quantity.id) if quantity is not None else None,
                matches=matches,
                too_precise=too_precise,
                nearest=nearest,
                understated=understated,
            )
        )
    return tuple(figures)


def _same_for_every_claim(loaded: ArgumentMap) -> None:
    new_index, old_index, memo_index = MapIndex(loaded), MapIndex(loaded), MapIndex(loaded)
    for claim in loaded.claims:
        old = _old_figures(old_index, claim)
        assert _figures(new_index, claim) == old
        # and through the memo, which a claim without figures skips
        assert claim_figures(memo_index, claim) == old


@pytest.mark.parametrize("folder", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_claims_figures_are_the_ones_built_before(folder: Path) -> None:
    _same_for_every_claim(argmap.load(next(folder.glob("*.yaml")) if folder.is_dir() else folder))


# --- generated maps: repeated figures, several quotes, declared quantities, periods ----------

_PIECES = ["In 2019 ", "trade rose by 5% ", "about 300 firms ", "USD 18.79 million ", "4 ",
           "just over 12 cases ", "1,097 files ", "a fifth of ", "x ", "3.97 times ", "300 ",
           "up to 10% ", "between 30 and 40 million ", "over 50 ", "fell 57% ", "-57% ",
           "USD 4 billion ", "EUR 4 billion ", "4.2 billion ", "twice ", "2014-2019 "]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    quotes = draw(st.lists(_TEXTS, min_size=1, max_size=4))
    claims = []
    for i in range(draw(st.integers(1, 4))):
        text = draw(_TEXTS) or "x"
        quantities = []
        if draw(st.booleans()):
            quantities.append({"id": f"q{i}", "kind": draw(st.sampled_from(
                ["count", "amount", "percent"])), "value": draw(st.sampled_from(
                    ["300", "4", "5", "12", "18.79"])), "text": draw(st.sampled_from(
                        ["300", "4", "5%", "12 cases", "USD 18.79 million", ""]))})
        claims.append({"id": f"C{i}", "text": text, "quantities": quantities,
                       **({"period": "2019"} if draw(st.booleans()) else {}),
                       "evidence": draw(st.lists(st.sampled_from(
                           [f"E{j}" for j in range(len(quotes))] + ["EX"]), max_size=4))})
    data = {
        "title": "t",
        "sources": [{"id": "S1", "title": "s"}],
        "claims": claims,
        "evidence": [{"id": f"E{j}", "source": "S1", "quote": {"exact": quote or "q"},
                      **({"period": "2019"} if j % 2 else {})}
                     for j, quote in enumerate(quotes)],
    }
    return ArgumentMap.model_validate(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_a_generated_maps_figures_are_the_ones_built_before(loaded: ArgumentMap) -> None:
    _same_for_every_claim(loaded)


# --- a quote figure's keys and size, read without building its family form ------------------


def _old_reading_key(m: Mention) -> tuple[object, ...]:
    return (*m.reading(), m.period, m.step, m.near, m.vague)


def _old_bucket_key(m: Mention) -> tuple[object, ...]:
    m = family(m)
    return (m.kind, m.unit if m.kind == K.AMOUNT else None)


def _old_order(m: Mention) -> Decimal:
    return abs(family(m).magnitude)


@settings(max_examples=300)
@given(mentions())
def test_a_figures_keys_and_size_are_the_ones_read_before(m: Mention) -> None:
    assert _reading_key(m) == _old_reading_key(m)
    assert _bucket_key(m) == _old_bucket_key(m)
    assert _order(m) == _old_order(m)
    assert str(_order(m)) == str(_old_order(m))  # the same digits, not only the same value


# --- an exact figure against an exact one, its magnitudes and factors read inline -----------


def _old_exact_verdict(claim: Mention, source: Mention) -> Verdict:
    """Round seven's ``_exact_verdict``."""
    x, s = claim.magnitude, source.magnitude
    claim_step = claim.step * _factor(claim)
    half = claim_step * _HALF
    if x - half <= s <= x + half:
        return Verdict.MATCH
    source_step = source.step * _factor(source)
    if claim_step >= source_step:
        return Verdict.DIFFERENT_VALUE
    half = source_step * _HALF
    return Verdict.TOO_PRECISE if x - half <= s <= x + half else Verdict.DIFFERENT_VALUE


def _verdict_or_error(decide: Callable[[Mention, Mention], Verdict], claim: Mention,
                      source: Mention) -> object:
    try:
        with localcontext(EXACT):
            return decide(claim, source)
    except Exception as error:  # noqa: BLE001 - the same error, or none, on both sides
        return type(error)


@settings(max_examples=400)
@given(close_pairs())
def test_an_exact_verdict_is_the_one_given_before(pair: tuple[Mention, Mention]) -> None:
    claim, source = pair
    assert _verdict_or_error(_exact_verdict, claim, source) == _verdict_or_error(
        _old_exact_verdict, claim, source)


# --- a claim's mentions, with fewer calls per figure -----------------------------------------


def _declared_mention(quantity: Any, claim: Claim) -> Mention | None:
    """Round ten's reading of one declared quantity, which ``claim_mentions`` now inlines."""
    if not quantity.text or locate(quantity.text, claim.text) < 0:
        return None
    return from_quantity(quantity, claim.text)


def _old_claim_mentions(claim: Claim) -> list[tuple[Mention, Any]]:
    """Round seven's ``claim_mentions``."""
    if not claim.quantities and not any(m.is_figure for m in parse(claim.text)):
        return []
    pairs: list[tuple[Mention, Any]] = []
    declared = sorted(
        ((as_mention.start, i, q, as_mention) for i, q in enumerate(claim.quantities)
         if (as_mention := _declared_mention(q, claim)) is not None),
        key=lambda item: (item[0], item[1]),
    )
    starts = [item[0] for item in declared]
    longest = max((item[3].end - item[3].start for item in declared), default=0)
    used: set[int] = set()
    markup = _markup_spans(claim.text)
    for mention in parse(claim.text):
        if not mention.is_figure:
            continue
        if markup and any(s <= mention.start and mention.end <= e for s, e in markup):
            continue
        chosen: tuple[Mention, Any] = (mention, None)
        window = declared[bisect_left(starts, mention.start - longest):
                          bisect_left(starts, mention.end)]
        hits = [item for item in window
                if mention.start < item[3].end and item[3].start < mention.end]
        if hits:
            first = min(hits, key=lambda item: item[1])
            chosen = (first[3], first[2])
            used.add(first[1])
        pairs.append(chosen)
    for _, position, quantity, as_mention in sorted(declared, key=lambda item: item[1]):
        if position not in used and as_mention.kind in FIGURE_KINDS:
            pairs.append((as_mention, quantity))
    if not claim.period:
        return pairs
    return [(m if m.period else evolve(m, period=claim.period), q) for m, q in pairs]


def _same_mentions(loaded: ArgumentMap) -> None:
    for claim in loaded.claims:
        assert claim_mentions(claim) == _old_claim_mentions(claim)


@pytest.mark.parametrize("folder", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_claims_mentions_are_the_ones_read_before(folder: Path) -> None:
    _same_mentions(argmap.load(next(folder.glob("*.yaml")) if folder.is_dir() else folder))


_MARKED = ["@[Statement 5] ", "#tag-2 ", "[a](http://x.org/5) ", "between 2 and 4 "]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps(), st.lists(st.sampled_from(_PIECES + _MARKED), max_size=8).map("".join))
def test_a_generated_claims_mentions_are_the_ones_read_before(loaded: ArgumentMap,
                                                              text: str) -> None:
    _same_mentions(loaded)
    for claim in loaded.claims:  # the same quantities over another text, markup and all
        moved = claim.model_copy(update={"text": text + claim.text})
        assert claim_mentions(moved) == _old_claim_mentions(moved)


_DECLARED_TEXTS = ["300", "4", "5%", "12 cases", "USD 18.79 million", "", "rose by 5%",
                   "18.79", "4 billion", "USD 4", "2019", "57%", "3.97 times", "a fifth", "x"]


@st.composite
def _declaring_claims(draw: st.DrawFn) -> Claim:
    """A claim declaring several quantities: overlapping spans, repeated ones, texts the
    claim does not hold, figures the grammar reads or misses."""
    quantities = [{"id": f"q{i}", "kind": draw(st.sampled_from(
        ["count", "amount", "percent", "fold", "year", "fraction"])),
        "value": draw(st.sampled_from(["300", "4", "5", "12", "18.79", "2019", "0.2"])),
        "text": draw(st.sampled_from(_DECLARED_TEXTS)),
        **({"period": "2018"} if draw(st.booleans()) else {})}
        for i in range(draw(st.integers(0, 5)))]
    text = draw(st.lists(st.sampled_from(_PIECES + _MARKED), max_size=8).map("".join)) or "x"
    data = {"title": "t", "claims": [{"id": "C1", "text": text, "quantities": quantities,
                                      **({"period": "2019"} if draw(st.booleans()) else {})}]}
    return ArgumentMap.model_validate(data).claims[0]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_declaring_claims())
def test_a_claim_declaring_several_quantities_reads_what_it_read_before(claim: Claim) -> None:
    assert claim_mentions(claim) == _old_claim_mentions(claim)
