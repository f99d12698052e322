"""Comparing a claim's figure with a source's (``argmap._verify.compare``), directly:
rounding-implied precision, qualifiers as bounds (and the verdict for each pair of bounds),
equivalent forms, currencies and count units, directions of change, kinds that are never
converted, periods."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind
from argmap._verify.compare import (
    CITED,
    Interval,
    Verdict,
    claim_interval,
    compare,
    source_interval,
)
from argmap._verify.numbers import Mention, format_mention, parse

D = Decimal
V = Verdict


def figure(text: str) -> Mention:
    """The one figure in ``text`` (its last one, so that a leading year sets the period)."""
    return [m for m in parse(text) if m.is_figure][-1]


# (claim text, source text, verdict)
TABLE = [
    # rounding implied by the writing: "USD 4 billion" covers 3.5-4.5 billion
    ("USD 4 billion", "USD 4 billion", V.MATCH),
    ("USD 4 billion", "USD 3.5 billion", V.MATCH),
    ("USD 4 billion", "USD 4.5 billion", V.MATCH),
    ("USD 4 billion", "USD 4,200 million", V.MATCH),
    ("USD 4 billion", "USD 3.4 billion", V.DIFFERENT_VALUE),
    ("USD 4 billion", "USD 4.6 billion", V.DIFFERENT_VALUE),
    ("USD 4 billion", "USD 5 billion", V.DIFFERENT_VALUE),
    # "18.79 million" covers 18.785-18.795 million
    ("USD 18.79 million", "USD 18.785 million", V.MATCH),
    ("USD 18.79 million", "USD 18.795 million", V.MATCH),
    ("USD 18.79 million", "USD 18.784 million", V.DIFFERENT_VALUE),
    ("USD 18.79 million", "USD 18.796 million", V.DIFFERENT_VALUE),
    # a claim more precise than its source: cited at the source's rounding (AM304)
    ("USD 4.2 billion", "USD 4 billion", V.TOO_PRECISE),
    ("USD 18.79 million", "USD 18.8 million", V.TOO_PRECISE),
    ("USD 4.7 billion", "USD 4 billion", V.DIFFERENT_VALUE),
    # qualifiers are bounds
    ("over 300 MPs", "310 MPs", V.MATCH),
    ("over 300 MPs", "300 MPs", V.DIFFERENT_VALUE),  # "over" excludes the number itself
    ("over 300 MPs", "290 MPs", V.DIFFERENT_VALUE),
    ("over 300 MPs", "over 310 MPs", V.UNDERSTATES),  # true, but weaker than the source
    ("300 MPs", "over 300 MPs", V.DIFFERENT_VALUE),  # the source says no more than "over"
    ("at least 300 MPs", "300 MPs", V.MATCH),
    ("at least 300 MPs", "5,000 MPs", V.UNDERSTATES),
    ("just over $2 billion", "$2.1 billion", V.MATCH),
    ("just over $2 billion", "$2.6 billion", V.DIFFERENT_VALUE),  # "just": within 10 %
    ("nearly 300 trips", "290 trips", V.MATCH),
    ("nearly 300 trips", "300 trips", V.DIFFERENT_VALUE),
    ("nearly 300 trips", "250 trips", V.DIFFERENT_VALUE),
    ("barely $0.5 billion", "$0.5 billion", V.MATCH),
    ("barely $0.5 billion", "$0.48 billion", V.MATCH),
    ("barely $0.5 billion", "$0.3 billion", V.DIFFERENT_VALUE),
    ("barely $0.5 billion", "$0.6 billion", V.DIFFERENT_VALUE),
    ("about 300 MPs", "320 MPs", V.MATCH),
    ("about 300 MPs", "about 300 MPs", V.MATCH),
    ("about 300 MPs", "340 MPs", V.DIFFERENT_VALUE),
    ("up to 40%", "38%", V.MATCH),  # a maximum rounds the figure it caps (10 %)
    ("up to 40%", "35%", V.OVERSTATES),  # "up to" states the most it reaches
    ("up to 40%", "45%", V.DIFFERENT_VALUE),
    ("between USD 30 and 40 million", "USD 35 million", V.MATCH),
    ("between USD 30 and 40 million", "between USD 30 and 40 million", V.MATCH),
    ("between USD 30 and 40 million", "USD 50 million", V.DIFFERENT_VALUE),
    ("USD 35 million", "between USD 30 and 40 million", V.DIFFERENT_VALUE),  # never averaged
    # currencies: USD = US$ = $ = dollars; no conversion between currencies
    ("USD 4 billion", "$4 billion", V.MATCH),
    ("USD 4 billion", "US$ 4 bn", V.MATCH),
    ("$4 billion", "4 billion dollars", V.MATCH),
    ("USD 4 billion", "EUR 4 billion", V.DIFFERENT_UNIT),
    ("USD 300 million", "300 mln roubles", V.DIFFERENT_UNIT),
    # % is not percentage points, a fold is not a percentage
    ("15%", "15 percentage points", V.DIFFERENT_KIND),
    ("3 percentage points", "3%", V.DIFFERENT_KIND),
    ("15-fold", "15%", V.DIFFERENT_KIND),
    ("57%", "57 per cent", V.MATCH),
    ("a fifth", "one fifth", V.MATCH),
    # periods must overlap
    ("In 2019, trade reached USD 4 billion", "In 2019, trade was USD 4 billion", V.MATCH),
    ("In 2019, trade reached USD 4 billion", "In 2016, trade was USD 4 billion",
     V.DIFFERENT_PERIOD),
    ("In 2019, trade reached USD 4 billion", "In 2018 and 2019, trade was USD 4 billion",
     V.MATCH),
    ("In January–March 2020, exports fell by 57%", "In 2020, exports fell by 57%", V.MATCH),
    ("In January–March 2020, exports fell by 57%", "In July 2020, exports fell by 57%",
     V.DIFFERENT_PERIOD),
    ("In 2019, trade reached USD 4 billion", "Trade was USD 4 billion", V.MATCH),  # unknown
]


@pytest.mark.parametrize(("claim", "source", "verdict"), TABLE,
                         ids=[f"{c} | {s}" for c, s, _ in TABLE])
def test_comparison_table(claim: str, source: str, verdict: Verdict) -> None:
    assert compare(figure(claim), figure(source)) == verdict


#: Equivalent forms (the table in docs/numbers.md): each pair compares equal both ways.
EQUIVALENT = [
    ("a fifth", "20%"),
    ("half", "50%"),
    ("two-thirds", "67%"),
    ("three quarters", "75 per cent"),
    ("1.6 times", "1.6-fold"),
    ("2.5x", "2.5 times"),
    ("2.5x", "2.5-fold"),
    ("tenfold", "10-fold"),
    ("twentyfold", "20 times larger"),
    ("twice as many", "2-fold"),
    ("5,000 troops", "5 000 troops"),
    ("5,000 troops", "5\u00a0000 troops"),
    ("fell by 5%", "-5%"),
    ("a 5% drop", "fell 5 per cent"),
    ("rose by 26%", "+26%"),
    ("16 KiB", "16KiB"),
    ("8000 files", "8,000 file"),
]


@pytest.mark.parametrize(("one", "other"), EQUIVALENT, ids=[f"{a} = {b}" for a, b in EQUIVALENT])
def test_equivalent_forms_compare_equal(one: str, other: str) -> None:
    assert compare(figure(one), figure(other)) == V.MATCH
    assert compare(figure(other), figure(one)) == V.MATCH


def test_a_fraction_matches_a_percentage_within_its_rounding() -> None:
    # "a fifth" covers 17.5-22.5 %; a source's 20 % is more precise, not different
    assert compare(figure("a fifth"), figure("22%")) == V.MATCH
    assert compare(figure("a fifth"), figure("25%")) == V.DIFFERENT_VALUE
    assert compare(figure("21%"), figure("a fifth")) == V.TOO_PRECISE


def test_from_to_shares_the_percent_sign_back() -> None:
    short = [m for m in parse("It rose from 10 to 15%.") if m.is_figure]
    long = [m for m in parse("It rose from 10% to 15%.") if m.is_figure]
    assert [m.kind for m in short] == [QuantityKind.PERCENT, QuantityKind.PERCENT]
    assert [compare(a, b) for a, b in zip(short, long, strict=True)] == [V.MATCH, V.MATCH]


#: Qualifier pairs and their verdicts (the table in docs/numbers.md).
BOUNDS = [
    # lower bounds: equal bounds match; a weaker one understates; a stronger one overstates
    ("over 100 MPs", "over 100 MPs", V.MATCH),
    ("over 100 MPs", "more than 100 MPs", V.MATCH),
    ("at least 100 MPs", "over 100 MPs", V.MATCH),
    ("over 50 MPs", "over 100 MPs", V.UNDERSTATES),
    ("over 150 MPs", "over 100 MPs", V.OVERSTATES),
    ("over 100 MPs", "105 MPs", V.MATCH),  # "over 100" rounds 105 down to a bound
    ("over 50 MPs", "105 MPs", V.UNDERSTATES),
    ("over 100 MPs", "95 MPs", V.DIFFERENT_VALUE),
    ("over 100 MPs", "up to 150 MPs", V.DIFFERENT_VALUE),
    ("over 100 MPs", "between 120 and 150 MPs", V.UNDERSTATES),
    ("over 100 MPs", "between 105 and 150 MPs", V.MATCH),
    # upper bounds
    ("under 100 MPs", "under 100 MPs", V.MATCH),
    ("fewer than 100 MPs", "at most 100 MPs", V.MATCH),
    ("under 200 MPs", "under 100 MPs", V.UNDERSTATES),
    ("under 50 MPs", "under 100 MPs", V.OVERSTATES),
    ("under 100 MPs", "95 MPs", V.MATCH),
    ("under 100 MPs", "40 MPs", V.UNDERSTATES),
    ("under 100 MPs", "105 MPs", V.DIFFERENT_VALUE),
    # "up to" states the most a figure reaches
    ("up to 10%", "up to 10%", V.MATCH),
    ("up to 20%", "up to 10%", V.OVERSTATES),
    ("up to 5%", "up to 10%", V.DIFFERENT_VALUE),
    ("up to 10%", "10%", V.MATCH),
    ("up to 10%", "between 5% and 10%", V.MATCH),
    ("up to 10%", "over 5%", V.DIFFERENT_VALUE),
    # near bounds and "about" are intervals
    ("nearly 100 MPs", "nearly 100 MPs", V.MATCH),
    ("just over 100 MPs", "over 100 MPs", V.DIFFERENT_VALUE),
    ("about 100 MPs", "95 MPs", V.MATCH),
    ("about 100 MPs", "over 100 MPs", V.DIFFERENT_VALUE),
    # an exact claim against a bound: the source does not say so much
    ("100 MPs", "over 100 MPs", V.DIFFERENT_VALUE),
    ("100 MPs", "up to 100 MPs", V.DIFFERENT_VALUE),
    # a bound more precise than the source's
    ("over USD 4.2 billion", "over USD 4 billion", V.TOO_PRECISE),
    # a range against a range: each end is a stated figure
    ("between 8,000 and 12,000 bytes", "8,000 to 12,000 bytes", V.MATCH),
    ("8,000 to 32,000 bytes", "between 8,000 and 12,000 bytes", V.DIFFERENT_VALUE),
    ("10-45%", "30-40%", V.DIFFERENT_VALUE),
    ("24-30%", "20-30%", V.DIFFERENT_VALUE),
    ("30-50%", "20-40%", V.DIFFERENT_VALUE),
    ("30-40%", "35%", V.MATCH),  # a range around a stated value: its ends are no bounds
]


@pytest.mark.parametrize(("claim", "source", "verdict"), BOUNDS,
                         ids=[f"{c} | {s}" for c, s, _ in BOUNDS])
def test_bound_verdicts(claim: str, source: str, verdict: Verdict) -> None:
    assert compare(figure(claim), figure(source)) == verdict


#: Directions and signs: a change in the other direction never matches.
DIRECTIONS = [
    ("rose by 5%", "-5%", V.DIFFERENT_DIRECTION),
    ("rose by 5%", "fell 5%", V.DIFFERENT_DIRECTION),
    ("rose by 5%", "a 5% drop", V.DIFFERENT_DIRECTION),
    ("grew 1.6-fold", "three times lower", V.DIFFERENT_DIRECTION),
    ("fell by 5%", "-5%", V.MATCH),
    ("-5%", "down 5%", V.MATCH),
    ("rose by 5%", "5%", V.MATCH),  # the quote states no direction: nothing contradicts
    ("fell by 5%", "5%", V.MATCH),
    ("-5%", "5%", V.DIFFERENT_VALUE),  # two numbers as written
    ("5%", "-5%", V.DIFFERENT_VALUE),
    ("+26%", "26%", V.MATCH),
    ("rose to 5%", "fell to 5%", V.MATCH),  # levels, not changes: no direction
]


@pytest.mark.parametrize(("claim", "source", "verdict"), DIRECTIONS,
                         ids=[f"{c} | {s}" for c, s, _ in DIRECTIONS])
def test_directions(claim: str, source: str, verdict: Verdict) -> None:
    assert compare(figure(claim), figure(source)) == verdict


#: Count units: compared when both sides name one from the closed vocabulary.
UNITS = [
    ("16 KiB", "16 MiB", V.DIFFERENT_UNIT),
    ("16 KiB", "16 kB", V.DIFFERENT_UNIT),  # binary and decimal prefixes differ
    ("512MiB", "512 MiB", V.MATCH),
    ("8000 files", "8000 companies", V.DIFFERENT_UNIT),
    ("8000 files", "8000", V.MATCH),  # the quote names no unit
    ("340 thousand containers", "340 thousand TEU", V.DIFFERENT_UNIT),
    ("5 km", "5 kilometres", V.MATCH),
    ("5 km", "5 miles", V.DIFFERENT_UNIT),
    ("54 states", "54 countries", V.DIFFERENT_UNIT),
    ("Article 5 applies to 54 states", "54 states", V.MATCH),
]


@pytest.mark.parametrize(("claim", "source", "verdict"), UNITS,
                         ids=[f"{c} | {s}" for c, s, _ in UNITS])
def test_count_units(claim: str, source: str, verdict: Verdict) -> None:
    assert compare(figure(claim), figure(source)) == verdict


@pytest.mark.parametrize(("original", "mutant"), [
    ("16 KiB", "16 MiB"),
    ("8000 files", "8000 companies"),
    ("rose by 5%", "fell by 5%"),
    ("up to 10%", "up to 20%"),
    ("over 100 MPs", "over 150 MPs"),
    ("a fifth", "a quarter"),
    ("2.5x", "3.5x"),
    ("tenfold", "twentyfold"),
    ("5 000 troops", "6 000 troops"),
    ("-5%", "+5%"),
])
def test_a_mutated_figure_is_not_cited(original: str, mutant: str) -> None:
    """The mutation of issue 13: the claim changed, the quote kept: never cited."""
    assert compare(figure(original), figure(original)) == V.MATCH
    assert compare(figure(mutant), figure(original)) not in CITED


def test_rounding_intervals() -> None:
    assert str(claim_interval(figure("USD 4 billion"))) == "[3500000000, 4500000000]"
    assert str(claim_interval(figure("USD 18.79 million"))) == "[18785000, 18795000]"
    assert str(claim_interval(figure("300 MPs"))) == "[295, 305]"  # "300" rounds to tens
    assert str(claim_interval(figure("over 300 MPs"))) == "(300, inf]"
    assert str(claim_interval(figure("nearly 300 trips"))) == "[270, 300)"
    assert str(source_interval(figure("USD 4 billion"))) == "[4000000000, 4000000000]"
    tolerance = claim_interval(figure("15-fold"), tolerance=D("0.1"))
    assert str(tolerance) == "[13.5, 16.5]"


def test_interval_containment() -> None:
    closed = Interval(D(1), D(2))
    assert closed.contains(Interval(D(1), D(2)))
    assert not Interval(D(1), D(2), lo_open=True).contains(closed)
    assert Interval(D(1), D(2), lo_open=True).contains(Interval(D(1), D(2), lo_open=True))
    assert Interval(None, None).contains(closed)
    assert not closed.contains(Interval(D(1), None))
    assert closed.holds(D("1.5"))
    assert not closed.holds(D(3))


# --- properties --------------------------------------------------------------------------------

_QUALIFIERS = [(Qualifier.EXACT, False), (Qualifier.OVER, False), (Qualifier.OVER, True),
               (Qualifier.UNDER, False), (Qualifier.UNDER, True), (Qualifier.APPROX, False),
               (Qualifier.AT_LEAST, False), (Qualifier.AT_MOST, False),
               (Qualifier.AT_MOST, True)]
_values = st.decimals(min_value=D("0.1"), max_value=D(9999), places=1,
                      allow_nan=False, allow_infinity=False)


@st.composite
def figures(draw: st.DrawFn, kind: QuantityKind | None = None) -> Mention:
    """A figure as ``parse`` reads it from its canonical phrase."""
    kind = kind or draw(st.sampled_from([QuantityKind.AMOUNT, QuantityKind.COUNT,
                                         QuantityKind.PERCENT, QuantityKind.FOLD]))
    qualifier, near = draw(st.sampled_from(_QUALIFIERS))
    unit = "USD" if kind == QuantityKind.AMOUNT else None
    value = draw(_values).normalize()
    if value == value.to_integral():
        value = value.quantize(D(1))
    written = format_mention(Mention(kind, value, 0, 0, "", unit=unit, qualifier=qualifier,
                                     near=near))
    return figure(written)


@settings(max_examples=200)
@given(figures())
def test_a_figure_always_cites_itself(m: Mention) -> None:
    assert compare(m, m) == Verdict.MATCH


@settings(max_examples=300)
@given(st.sampled_from([QuantityKind.AMOUNT, QuantityKind.PERCENT]).flatmap(
    lambda kind: st.tuples(figures(kind), figures(kind))))
def test_a_citation_is_interval_containment(pair: tuple[Mention, Mention]) -> None:
    """What is cited is true: the source's interval lies in the claim's, or two bounds on one
    side differ by less than the claim's rounding. Exact figures, "about" and the near bounds
    match exactly when contained; a true lower or upper bound is cited (matching or
    understating); "up to" is cited only near the source's most."""
    claim, source = pair
    contained = claim_interval(claim).contains(source_interval(source))
    verdict = compare(claim, source)
    half = claim.step * (claim.magnitude / claim.value if claim.value else 1) / 2
    bound = not claim.near and claim.qualifier in {Qualifier.OVER, Qualifier.AT_LEAST,
                                                    Qualifier.UNDER, Qualifier.AT_MOST}
    if verdict in CITED - {Verdict.TOO_PRECISE}:
        assert contained or (bound and abs(claim.magnitude - source.magnitude) <= half)
    ranges = claim.qualifier == source.qualifier == Qualifier.RANGE
    if ranges:  # the ends are bounds: a wider range understates
        assert contained == (verdict in {Verdict.MATCH, Verdict.UNDERSTATES})
    elif not bound:
        assert (verdict == Verdict.MATCH) == contained
    elif claim.qualifier == Qualifier.AT_MOST:
        assert not contained or verdict in {Verdict.MATCH, Verdict.OVERSTATES}
    else:
        assert not contained or verdict in {Verdict.MATCH, Verdict.UNDERSTATES}
    assert verdict not in {Verdict.DIFFERENT_KIND, Verdict.DIFFERENT_UNIT,
                           Verdict.DIFFERENT_DIRECTION, Verdict.DIFFERENT_PERIOD}


# --- the tables of docs/numbers.md say what compare does -----------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "numbers.md"
_SEVERITY = {"pass": {V.MATCH}, "warning (AM307)": {V.UNDERSTATES},
             "warning (AM304)": {V.TOO_PRECISE}}


def _table(title: str) -> list[list[str]]:
    text = DOCS.read_text(encoding="utf-8")
    lines = text[text.index(f"### {title}"):].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next(i for i in range(first, len(lines)) if not lines[i].startswith("|"))
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in lines[first + 2:end]]


def _phrases(cell: str) -> list[str]:
    return [p.replace("\\u00a0", "\u00a0") for p in re.findall(r"`([^`]+)`", cell)]


def test_the_qualifier_pairs_table_is_what_compare_does() -> None:
    rows = _table("Qualifier pairs")
    assert len(rows) >= 20
    for claim_cell, source_cell, _, severity in rows:
        if source_cell == "any":
            continue
        expected = _SEVERITY.get(severity, set(V) - CITED)
        for claim in _phrases(claim_cell):
            for source in _phrases(source_cell):
                assert compare(figure(claim), figure(source)) in expected, (claim, source)


def test_the_equivalences_table_is_what_compare_does() -> None:
    verdicts = {"different kind (error)": V.DIFFERENT_KIND,
                "different unit (error)": V.DIFFERENT_UNIT,
                "different direction (error)": V.DIFFERENT_DIRECTION}
    rows = _table("Equivalent forms")
    assert len(rows) >= 10
    for claim_cell, source_cell, verdict in rows:
        claims, sources = _phrases(claim_cell), _phrases(source_cell)
        if claims[0].startswith("from "):  # two figures each: compared one by one
            short = [m for m in parse(sources[0]) if m.is_figure]
            long = [m for m in parse(claims[0]) if m.is_figure]
            assert [compare(a, b) for a, b in zip(long, short, strict=True)] == [V.MATCH] * 2
            continue
        if len(claims) == len(sources) > 1 and "," in claim_cell:  # pairwise
            pairs = list(zip(claims, sources, strict=True))
        else:
            pairs = [(c, s) for c in claims for s in sources]
        for claim, source in pairs:
            got = compare(figure(claim), figure(source))
            if verdict.startswith("equal"):
                assert got == V.MATCH, (claim, source)
                assert compare(figure(source), figure(claim)) in CITED, (source, claim)
            else:
                assert got == verdicts[verdict], (claim, source)
