"""``argmap._verify.dates``: dates read from text, relative dates dated, periods compared, and
source dates (ISO and CSL) read without ever raising."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import CslDate
from argmap._verify.dates import (
    StatedDate,
    covered,
    date_bounds,
    date_problem,
    resolve,
    show_date,
    text_dates,
)


def periods(text: str) -> list[str | None]:
    return [d.period for d in text_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarus joined the initiative in 2013.", ["2013"]),
        ("In 2019 trade reached USD 4 billion.", ["2019"]),
        ("FDI rose in 2014-2019.", ["2014/2019"]),
        ("FDI rose in 2014–2019.", ["2014/2019"]),
        ("In January-March 2020 exports fell by 57%.", ["2020-01/2020-03"]),
        ("On 12 March 2020 the border closed.", ["2020-03-12"]),
        ("Between 2018 and 2019 investment grew.", ["2018/2019"]),
        ("Since 2014 relations froze; in 2020 they thawed.", ["2014", "2020"]),
    ],
)
def test_years_dates_and_periods_are_read(text: str, expected: list[str]) -> None:
    assert periods(text) == expected


def test_a_date_without_a_year_keeps_its_month_and_day() -> None:
    (found,) = text_dates("He visited China on December 3–6.")
    assert found.period is None
    assert found.partial == "--12-03/--12-06"


@pytest.mark.parametrize(
    ("text", "phrase", "unit", "offset"),
    [
        ("Exports fell last year.", "last year", "year", -1),
        ("This year exports fell.", "this year", "year", 0),
        ("Exports will grow next year.", "next year", "year", 1),
        ("Two years ago exports fell.", "two years ago", "year", -2),
        ("Exports fell 3 years ago.", "3 years ago", "year", -3),
        ("Prices rose last month.", "last month", "month", -1),
        ("In recent years exports grew.", "recent years", "year", None),
        ("Over the past five years exports grew.", "the past five years", "year", None),
    ],
)
def test_relative_dates_are_found(text: str, phrase: str, unit: str, offset: int | None) -> None:
    (found,) = text_dates(text)
    assert found.relative == phrase
    assert (found.unit, found.offset, found.period) == (unit, offset, None)
    assert text[found.start:found.end].lower() == phrase


def _relative(phrase: str) -> StatedDate:
    (found,) = text_dates(f"It happened {phrase}.")
    return found


@pytest.mark.parametrize(
    ("phrase", "issued", "expected"),
    [
        ("last year", (2020, 5), "2019"),
        ("last year", (2020, None), "2019"),
        ("this year", (2020, None), "2020"),
        ("next year", (2020, 12), "2021"),
        ("two years ago", (2020, None), "2018"),
        ("this month", (2020, 5), "2020-05"),
        ("last month", (2020, 1), "2019-12"),
        ("next month", (2020, 12), "2021-01"),
    ],
)
def test_relative_dates_are_dated_by_the_issue_date(
    phrase: str, issued: tuple[int, int | None], expected: str
) -> None:
    resolved = resolve(_relative(phrase), issued)
    assert resolved is not None
    assert resolved.period == expected
    assert resolved.relative == phrase


@pytest.mark.parametrize(
    ("phrase", "issued"),
    [
        ("last year", None),  # the source has no issue date
        ("last month", (2020, None)),  # issued in 2020, month unknown
        ("recent years", (2020, 5)),  # no definite period
        ("the past five years", (2020, 5)),  # which five depends on the writer
    ],
)
def test_relative_dates_that_cannot_be_dated(
    phrase: str, issued: tuple[int, int | None] | None
) -> None:
    assert resolve(_relative(phrase), issued) is None


def test_a_date_that_is_not_relative_resolves_to_itself() -> None:
    (found,) = text_dates("In 2019.")
    assert resolve(found, None) is found


@pytest.mark.parametrize(
    ("period", "stated", "expected"),
    [
        ("2019", ["2019"], True),  # equal
        ("2019", ["2014/2019"], True),  # a year within a stated period
        ("2019", ["2019-12-05"], True),  # the same date written less precisely
        ("2020-03", ["2020-03-11"], True),
        ("2020-03-12", ["2020-03"], True),  # within the stated month
        ("2020-01/2020-03", ["2020"], True),  # within the stated year
        ("2013/2018", ["2013/2018"], True),
        ("2013/2018", ["2013", "2018"], True),  # each end stated apart
        ("2014/2019", ["2014/2016", "2017/2019"], True),  # the start of one, the end of another
        ("2013-12-03/2013-12-06", ["2013-12-03/2013-12-06"], True),
        ("2013-12-03/2013-12-06", ["2013-12"], True),
        ("2018", ["2019"], False),  # a changed year
        ("2019-06", ["2018-06"], False),
        ("2014/2018", ["2013/2018"], False),  # a period is not within another by its ends
        ("2016/2019", ["2017/2019"], False),
        ("2018/2019", ["2016/2018", "2019/2020"], False),
        ("2013/2019", ["2013", "2018"], False),
        ("2000/2009", ["2003"], False),  # a decade is not stated by one of its years
        ("2019", [], False),
        ("2019", ["0000", "2019/"], False),  # unreadable stated dates state nothing
    ],
)
def test_covered(period: str, stated: list[str], expected: bool) -> None:
    assert covered(period, stated) is expected


def csl(parts: list[list[int | str]]) -> CslDate:
    return CslDate.model_validate({"date-parts": parts})


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ("2020-12", (date(2020, 12, 1), date(2020, 12, 31))),
        ("2020-02", (date(2020, 2, 1), date(2020, 2, 29))),
        ("2019/2020-03", (date(2019, 1, 1), date(2020, 3, 31))),
        (csl([[2023, 4, 2]]), (date(2023, 4, 2), date(2023, 4, 2))),
        (csl([["2023", "4"]]), (date(2023, 4, 1), date(2023, 4, 30))),
        (csl([[2023, 14]]), (date(2023, 1, 1), date(2023, 12, 31))),  # a season
        (csl([[2019], [2020, 3]]), (date(2019, 1, 1), date(2020, 3, 31))),
        (CslDate(raw="2021-06"), (date(2021, 6, 1), date(2021, 6, 30))),
        (CslDate(literal="n.d."), None),
        (None, None),
    ],
)
def test_date_bounds(value: str | CslDate | None, bounds: tuple[date, date] | None) -> None:
    assert date_bounds(value) == bounds


@pytest.mark.parametrize(
    ("parts", "problem"),
    [
        ([[10**22, 1, 1]], "the year of about 23 digits is outside 1-9999"),
        ([[2023, 1, 10**22]], "the day of about 23 digits is out of range"),
        ([[10**5000]], "the year of about 5001 digits is outside 1-9999"),
        ([["99999999999999999999999"]], "outside 1-9999"),
        ([[2023, 13, 2]], "the month 13 is not 1-12"),
        ([[2023, 2, 29]], "2023-02 has no day 29"),
        ([["spring", 2023]], "the year 'spring' is not a number"),
        ([[0]], "the year 0 is outside 1-9999"),
        ([[-44, 3, 15]], "the year -44 is outside 1-9999"),
        ([[]], "an empty date"),
        ([[2020, 1], [2020, 0]], "the month 0 is not 1-12"),
    ],
)
def test_impossible_csl_dates_are_named_not_raised(
    parts: list[list[int | str]], problem: str
) -> None:
    value = csl(parts)
    found = date_problem(value)
    assert found is not None
    assert problem in found
    assert date_bounds(value) is None
    assert len(show_date(value)) < 80


def test_possible_dates_have_no_problem() -> None:
    assert date_problem(csl([[2024, 2, 29]])) is None
    assert date_problem("2024-02") is None
    assert date_problem(CslDate(literal="Spring 2020")) is None


_PART = st.one_of(st.integers(), st.text(max_size=8), st.sampled_from(["2020", "12", "-3"]))


@settings(max_examples=300)
@given(st.lists(st.lists(_PART, max_size=4), min_size=1, max_size=3))
def test_any_csl_date_parts_are_read_without_raising(parts: list[list[int | str]]) -> None:
    value = csl(parts)
    problem = date_problem(value)
    bounds = date_bounds(value)
    assert show_date(value) is not None
    if problem is None and len(parts[0]) <= 3 and (len(parts) == 1 or len(parts[1]) <= 3):
        assert bounds is not None or not parts[0]


_PIECES = st.sampled_from([
    "in ", "2019", "2014–2019", "January", "-", "March ", "2020", "12 ", "last year", " ago",
    "two years", "recent years", " and ", "December 3–6", ", ", "since ", "the past ", "five",
    "[in 2019]", "0000", "9999", "mid-", "years", "month", " ",
])


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=12).map("".join),
       st.none() | st.tuples(st.integers(1, 9999), st.none() | st.integers(1, 12)))
def test_any_text_is_read_and_dated_without_raising(
    text: str, issued: tuple[int, int | None] | None
) -> None:
    for found in text_dates(text):
        assert 0 <= found.start <= found.end <= len(text)
        resolved = resolve(found, issued)
        if resolved is not None and resolved.period is not None:
            readable = date_bounds(resolved.period) is not None  # year 0 is no calendar year
            assert covered(resolved.period, [resolved.period]) is readable


def test_doctests() -> None:
    import doctest

    import argmap._verify.dates as module

    failures, tried = doctest.testmod(module)
    assert tried > 0
    assert failures == 0


def _relative_reference(text: str) -> list[tuple[int, int]]:
    """The relative dates of a text as the pattern alone finds them, no filter first."""
    from argmap._verify.dates import _RELATIVE

    return [m.span() for m in _RELATIVE.finditer(text)]


def test_no_letter_of_year_or_month_matches_what_does_not_lower_to_it() -> None:
    """The filter before the relative-date pattern lowers the text: every character the
    pattern matches as one of these letters (case ignored) must lower to that letter."""
    import re
    import sys

    any_letter = re.compile("[yearmonth]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if any_letter.fullmatch(char):
            matched = {letter for letter in "yearmonth"
                       if re.fullmatch(letter, char, re.IGNORECASE)}
            assert matched == {char.lower()}, hex(code)


_RELATIVE_WORDS = st.sampled_from([
    "last", "year", "years", "Month", "MONTHS", "ago", "two", "ten", "12", "this", "the",
    "past", "few", "recent", "current", "coming", "next", "couple of", "in", "2019", " ",
    "\n", "YEAR", "yeAr", "mOnth", "ſ", "K", "İ", ",", ".",
])


@given(st.lists(_RELATIVE_WORDS | st.text(max_size=4), max_size=12).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_relative_dates_filtered_as_the_pattern_finds_them(text: str) -> None:
    from argmap._verify.dates import _may_be_relative

    expected = _relative_reference(text)
    if not _may_be_relative(text):
        assert expected == []
    relative = [(d.start, d.end) for d in text_dates(text) if d.relative is not None]
    assert relative == expected
