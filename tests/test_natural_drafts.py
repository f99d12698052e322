"""The false alarms the first drafts of claims/sqlite-faster-than-fs and claims/python-311-speed
met, each fixed in the code and pinned here with its limit (what is still an error):

- ISO dates ("Release date: 2022-10-24") were read as a count (24), so claims dated
  "24 October 2022" were not cited (AM302);
- a qualified range ("up to 10-25%") read as 'up to 10' and a stray '25%' (AM303);
- an exact claim ("20%") of an approximate source ("about 20%") was a different value (AM301);
  it is more precise than its source (AM304, warning);
- "about 10 times or more slower" read as a count, not a fold (AM303);
- "49 test cases" read as '49 tests' (AM303, AM301);
- "2.261 times" against a table cell '2.261' was a different kind of figure (AM301);
- "yet" as an adverb ("We do not yet ...") after a quote that ends its sentence was a contrast
  (AM411);
- a quote whose first letter's case was changed to fit the sentence was not verbatim (AM402).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind
from argmap._verify.anchor import AnchorStatus, SnapshotIndex
from argmap._verify.compare import Verdict, compare
from argmap._verify.dates import text_dates
from argmap._verify.numbers import Mention, parse
from argmap._verify.quote_context import context_after, cues_in
from argmap._verify.quote_parts import parse_quote

ROOT = Path(__file__).resolve().parents[1]
K, Q = QuantityKind, Qualifier


def figure(text: str) -> Mention:
    return [m for m in parse(text) if m.is_figure][-1]


# --- ISO dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "period"), [
    ("Release date: 2022-10-24", "2022-10-24"),
    ("the week of 2017-06-05 using", "2017-06-05"),
    ("SQLite version 3.7.8 (2011-09-19) was used.", "2011-09-19"),
])
def test_an_iso_date_is_a_date(text: str, period: str) -> None:
    assert [d.period for d in text_dates(text)] == [period]
    assert not [m for m in parse(text) if m.kind == K.COUNT and m.value in {24, 5, 19}]


@pytest.mark.parametrize("text", ["on 2022-02-30.", "on 2022-13-01.", "2022-10-24T10:00"])
def test_an_impossible_or_timestamped_iso_date_is_no_date(text: str) -> None:
    assert not [d for d in text_dates(text) if d.period and d.period.count("-") == 2]


def test_a_year_and_two_digits_stays_a_span_of_years() -> None:
    """"2009-10" is the season 2009/2010, never October 2009: only a whole ISO date is read."""
    assert [d.period for d in text_dates("the 2009-10 season")] == ["2009/2010"]


# --- ranges, folds, units -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "low", "high"), [
    ("subscripting by up to 10-25%", 10, 25),
    ("comprehensions up to 20-30% faster", 20, 30),
    ("about 10-15% faster", 10, 15),
])
def test_a_qualified_range_is_the_range(text: str, low: int, high: int) -> None:
    (m,) = [m for m in parse(text) if m.is_figure]
    assert (m.kind, m.value, m.upper, m.qualifier) == (K.PERCENT, low, high, Q.RANGE)


def test_over_before_a_range_is_not_read_as_the_range() -> None:
    assert [m.qualifier for m in parse("over 10-25%")] == [Q.OVER, Q.EXACT]


def test_times_or_more_before_a_comparison_is_a_fold() -> None:
    m = figure("writes about 10 times or more slower than writes to SQLite")
    assert (m.kind, m.value, m.qualifier) == (K.FOLD, 10, Q.AT_LEAST)
    occasions = figure("he came 10 times or more to the city")
    assert occasions.kind == K.COUNT


@pytest.mark.parametrize(("text", "unit"), [
    ("we ran 49 test cases with", "cases"),
    ("5 file servers", "servers"),
    ("49 tests", "tests"),
    ("a 16 KiB page", "KiB"),
])
def test_an_attributive_noun_gives_way_to_the_noun_it_qualifies(text: str, unit: str) -> None:
    assert figure(text).unit == unit


def test_a_declared_compound_unit_is_compared_by_its_head_noun() -> None:
    claim = Mention(K.COUNT, Decimal(49), 0, 13, "49 test cases", unit="test cases")
    assert compare(claim, figure("we ran 49 test cases")) is Verdict.MATCH
    assert compare(claim, figure("we ran 49 files")) is Verdict.DIFFERENT_UNIT


# --- approximate sources, bare ratios -----------------------------------------------------------


@pytest.mark.parametrize(("claim", "source", "verdict"), [
    ("20%", "about 20%", Verdict.TOO_PRECISE),
    ("about 20%", "about 20%", Verdict.MATCH),
    ("21%", "about 20%", Verdict.DIFFERENT_VALUE),
    ("25%", "about 20%", Verdict.DIFFERENT_VALUE),
    ("over 20%", "about 20%", Verdict.DIFFERENT_VALUE),
    ("20%", "nearly 20%", Verdict.DIFFERENT_VALUE),
])
def test_an_exact_claim_of_an_approximate_source(claim: str, source: str,
                                                  verdict: Verdict) -> None:
    assert compare(figure(claim), figure(source)) is verdict


@pytest.mark.parametrize(("claim", "source", "verdict"), [
    ("2.261 times faster", "4096 | 2.261", Verdict.MATCH),
    ("2.261 times faster", "4096 | 2.262", Verdict.DIFFERENT_KIND),  # only the same value
    ("2.26 times faster", "4096 | 2.261", Verdict.DIFFERENT_KIND),  # other decimals
    ("3 times faster", "we saw 3 of them", Verdict.DIFFERENT_KIND),  # an integer counts
    ("2.5 times faster", "2.5 files", Verdict.DIFFERENT_KIND),  # a unit of its own
    ("2.5 times faster", "2.5%", Verdict.DIFFERENT_KIND),
    ("2.5%", "a ratio of 2.5", Verdict.DIFFERENT_KIND),  # only a fold may be stated so
])
def test_a_bare_decimal_states_a_fold_of_the_same_number(claim: str, source: str,
                                                         verdict: Verdict) -> None:
    assert compare(figure(claim), figure(source)) is verdict


# --- quote context: "yet" ------------------------------------------------------------------------


@pytest.mark.parametrize(("after", "contrast"), [
    ("yet injuries rose", True),
    ("and yet it fell", True),
    ("we do not yet know", False),
    ("this option proves yet again", False),
])
def test_yet_is_a_contrast_only_as_a_conjunction(after: str, contrast: bool) -> None:
    assert bool(cues_in(after, after=True)) is contrast


def test_a_quote_that_ends_its_sentence_has_no_continuation() -> None:
    text = "SQLite has higher latency. But we do not know why."
    assert context_after(text, len("SQLite has higher latency.")) == ""
    assert context_after(text, len("SQLite has higher latency")) == ""
    assert context_after("it rose, but only once.", 7) == "but only once"


# --- quote case -----------------------------------------------------------------------------------

SOURCE = "The report says. Cycling tripled after the lane opened, and injuries fell by half."


@pytest.mark.parametrize("quote", [
    "cycling tripled",
    "Cycling tripled",
    "the report says",
    "cycling tripled after the ... injuries fell by half",
    "cycling tripled after the ... Injuries fell by half",
    "Cycling tripled after the [...] injuries fell by half",
])
def test_the_first_letter_of_a_quote_or_part_may_change_case(quote: str) -> None:
    result = SnapshotIndex("s", SOURCE).anchor(quote)
    assert result.verbatim
    assert result.status is AnchorStatus.EXACT


@pytest.mark.parametrize("quote", [
    "cycling Tripled",
    "CYCLING tripled",
    "cYcling tripled",
    "cycling tripled after the lane opened, And injuries",
    "cycling tripled after [the] Lane opened",
])
def test_every_other_case_difference_is_not_verbatim(quote: str) -> None:
    assert not SnapshotIndex("s", SOURCE).anchor(quote).verbatim


def test_a_part_after_an_insertion_keeps_its_case() -> None:
    pieces = parse_quote("cycling [on Main Street] tripled ... after the lane opened").pieces
    assert [p.free_case for p in pieces] == [(0,), (), (0,)]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcABC .[]…", max_size=30))
def test_a_quote_of_any_case_never_crashes(quote: str) -> None:
    result = SnapshotIndex("s", "abc ABC aBc. Abc abc... cba [x]").anchor(quote)
    if result.verbatim and quote.strip():
        assert result.start is not None


# --- the two maps ---------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["sqlite-faster-than-fs", "python-311-speed"])
def test_the_natural_drafts_check_without_errors(folder: str) -> None:
    import argmap

    findings = argmap.check(ROOT / "claims" / folder)
    assert [f for f in findings if f.severity.value == "error"] == []
    loaded = argmap.load(ROOT / "claims" / folder)
    assert not [entry for claim in loaded.claims for entry in claim.ignore]


@pytest.mark.parametrize(("claim", "source", "verdict"), [
    ("8,000 to 12,000 bytes", "8,000 to 12,000 bytes", Verdict.MATCH),
    ("8,000 to 32,000 bytes", "8,000 to 12,000 bytes", Verdict.DIFFERENT_VALUE),
    ("24-30%", "20-30%", Verdict.DIFFERENT_VALUE),
    ("10-25%", "up to 10-25%", Verdict.MATCH),
    ("between USD 30 and 40 million", "USD 35 million", Verdict.MATCH),
])
def test_a_range_against_a_range_compares_both_ends(claim: str, source: str,
                                                   verdict: Verdict) -> None:
    """A mutant of the SQLite map ('8,000 to 12,000 bytes' widened to '8,000 to 32,000')
    passed: the wider range contained the source's."""
    assert compare(figure(claim), figure(source)) is verdict


@pytest.mark.parametrize(("text", "periods"), [
    ("in mid-2019 the lane opened", ["2019"]),
    ("by early-2020,", ["2020"]),
    ("Covid-19 cases", []),
    ("a pre-2019 law", []),
    ("FY2019 revenue", []),
])
def test_a_part_of_a_year_is_read_as_the_year(text: str, periods: list[str]) -> None:
    assert [d.period for d in text_dates(text)] == periods
