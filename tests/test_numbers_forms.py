"""The forms of issue 13 the grammar reads, the labels it does not read as figures, the
inputs that crashed it, and two properties over any text: ``parse`` never raises, and its
time stays linear."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind
from argmap._verify.numbers import Mention, format_mention, from_quantity, parse
from argmap._verify.numbers.declared import locate

K, Q = QuantityKind, Qualifier
D = Decimal


def figures(text: str) -> list[tuple[str, QuantityKind, Decimal, str | None, int]]:
    return [(m.text, m.kind, m.value, m.unit, m.direction) for m in parse(text) if m.is_figure]


#: Each form with what is read: span, kind, value, unit and direction.
FORMS = [
    ("Exports grew tenfold.", [("tenfold", K.FOLD, D(10), None, 1)]),
    ("Imports rose twentyfold in a decade.", [("twentyfold", K.FOLD, D(20), None, 1)]),
    ("A hundredfold rise.", [("hundredfold", K.FOLD, D(100), None, 1)]),
    ("Queries are 2.5x faster.", [("2.5x", K.FOLD, D("2.5"), None, 0)]),
    ("Queries are 2.5× faster.", [("2.5×", K.FOLD, D("2.5"), None, 0)]),
    ("Exports were 2.5 times those of 2015.", [("2.5 times", K.FOLD, D("2.5"), None, 0)]),
    ("It is three times more.", [("three times", K.FOLD, D(3), None, 0)]),
    ("Queries run 2.5 times faster.", [("2.5 times", K.FOLD, D("2.5"), None, 0)]),
    ("Traffic grew 1.6 times.", [("1.6 times", K.FOLD, D("1.6"), None, 1)]),
    ("He visited China 12 times.", [("12 times", K.COUNT, D(12), None, 0)]),  # occasions
    ("Twice as many came.", [("Twice", K.FOLD, D(2), None, 0)]),
    ("Exports changed by -5%.", [("-5%", K.PERCENT, D(-5), None, -1)]),
    ("Exports changed by −5%.", [("−5%", K.PERCENT, D(-5), None, -1)]),
    ("Profits: +26%.", [("+26%", K.PERCENT, D(26), None, 1)]),
    ("An army of 5 000 troops.", [("5 000 troops", K.COUNT, D(5000), "troops", 0)]),
    ("An army of 1 250 000 men.", [("1 250 000 men", K.COUNT, D(1250000), "men", 0)]),
    ("It needs 512MiB of memory.", [("512MiB", K.COUNT, D(512), "MiB", 0)]),
    ("Pages of 16 KiB each.", [("16 KiB", K.COUNT, D(16), "KiB", 0)]),
    ("They sent 8000 files.", [("8000 files", K.COUNT, D(8000), "files", 0)]),
    ("Rates rose from 10 to 15%.", [("10", K.PERCENT, D(10), None, 0),
                                    ("15%", K.PERCENT, D(15), None, 0)]),
    ("Rates fell by 57%.", [("57%", K.PERCENT, D(57), None, -1)]),
    ("A 10% drop in sales.", [("10%", K.PERCENT, D(10), None, -1)]),
    ("Sales grew 1.6-fold.", [("1.6-fold", K.FOLD, D("1.6"), None, 1)]),
    ("Sales increased by 300 containers.", [("300 containers", K.COUNT, D(300), "containers",
                                             1)]),
    ("Sales rose to 300 containers.", [("300 containers", K.COUNT, D(300), "containers", 0)]),
    # any word after a count that is not in the unit vocabulary is no unit
    ("Over 300 delegations met.", [("Over 300", K.COUNT, D(300), None, 0)]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t for t, _ in FORMS])
def test_forms(text: str, expected: list[tuple[str, QuantityKind, Decimal, str | None, int]]
               ) -> None:
    assert figures(text) == expected


LABELS = [
    "The alpha 7 release", "beta 1 is out", "Article 5 applies", "see page 12 of it",
    "Python 3.11 is fast", "version 2 works", "section 4 says", "chapter 3 ends",
    "figure 2 shows", "table 1 lists", "No. 5 was", "§ 5 holds", "see pages 12–15",
    "Articles 5 and 6 say", "sections 3, 4 and 5", "Apollo 11 landed", "type 2 diabetes",
]


@pytest.mark.parametrize("text", LABELS)
def test_labels_and_versions_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_a_figure_after_a_label_or_name_is_still_read() -> None:
    assert [m.text for m in parse("Article 5 covers 54 states.")] == ["54 states"]
    assert [m.text for m in parse("In Belarus 300 MPs voted.")] == ["300 MPs"]
    assert [m.text for m in parse("Apollo 11 cost USD 25 billion.")] == ["USD 25 billion"]
    assert [m.kind for m in parse("Horizon 2020 ended.")] == [K.YEAR]  # a year stays a year


# --- inputs that crashed (AM000 in rules) ---------------------------------------------------------


@pytest.mark.parametrize("text", ["ſix trips", "Exports doubleſ", "ſix ſevenths", "İn 2019",
                                  "K50 fold", "a ﬁfth", "two halves", "three thirds"])
def test_case_insensitive_letters_outside_ascii_do_not_crash(text: str) -> None:
    for m in parse(text):
        format_mention(m)


def test_odd_letters_read_as_the_ascii_word_they_match() -> None:
    (six,) = parse("ſix trips")
    assert (six.value, six.unit) == (D(6), "trips")
    (doubled,) = parse("Exports doubleſ")
    assert (doubled.kind, doubled.value) == (K.FOLD, D(2))
    assert parse("two halves") == ()  # a whole, not a share


def test_numbers_of_any_length_are_read_and_written() -> None:
    """``int()`` refuses more than 4,300 digits; the grammar never calls it on a figure."""
    digits = "7" * 20_000
    (m,) = parse(f"Trade reached {digits} units.")
    assert m.value == D(digits)
    assert format_mention(m).replace(",", "") == digits
    from argmap._model import Quantity

    big = Quantity(id="q", kind="count", value=D("9" * 5000), text="9" * 5000)
    declared = from_quantity(big, f"It was {'9' * 5000}.")
    assert declared.step == 1
    huge = Quantity(id="q", kind="count", value=D("1E+5000"))
    assert from_quantity(huge).step == D(10) ** 4999


def test_a_fraction_no_word_writes_is_still_formatted() -> None:
    assert format_mention(Mention(K.FRACTION, D("0.37"), 0, 0, "")) == "0.37 (a fraction)"


@pytest.mark.parametrize(("text", "claim", "at"), [
    ("97", "rose from 300 to 397, an increase of 97.", 37),
    ("201", "in 2017 it reached 201 ports", 19),
    ("5", "1.5 and 5", 8),
    ("97", "it was 3,97", -1),
    ("1,097", "to 1,097.", 3),
])
def test_a_quantity_text_is_located_as_a_whole_figure(text: str, claim: str, at: int) -> None:
    assert locate(text, claim) == at


# --- properties over any text ---------------------------------------------------------------------

_HOSTILE_ALPHABET = st.sampled_from([
    *"0123456789 -–—−+,.%/\n\t\u00a0\u2009\u202fxX×$€£¥₴ſıİK²#§()",
    "a", "over", "just", "USD", "million", "bn", "fold", "times", "a fifth", "half", "twice",
    "tenfold", "2019", "January", "page", "Article", "KiB", "MB", "files", "fell", "rose by",
    "up to", "per cent", "percentage points", "www.", "http://",
])


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_parse_never_raises_on_any_text(text: str) -> None:
    for m in parse(text):
        format_mention(m)
        assert text[m.start:m.end] == m.text


@settings(max_examples=300)
@given(st.lists(_HOSTILE_ALPHABET, max_size=80).map("".join))
@example("January www. 1")  # a date across a blanked URL kept the blanks as its text
@example("In January www.x.org 2020 it rose")
def test_parse_never_raises_on_number_like_text(text: str) -> None:
    for m in parse(text):
        format_mention(m)
        assert text[m.start:m.end] == m.text


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


@settings(max_examples=30)
@given(st.lists(_HOSTILE_ALPHABET, min_size=1, max_size=12).map("".join))
def test_parse_time_stays_linear_in_repetitions(unit: str) -> None:
    """A unit repeated to 20,000 characters parses within a generous CPU budget: a
    quadratic step (rescanning the text from each figure) would take minutes. CPU time, not
    wall-clock, so that a busy machine cannot fail it."""
    text = (unit * (20_000 // len(unit) + 1))[:20_000]
    parse.cache_clear()
    started = _cpu()
    parse(text)
    assert _cpu() - started < 10.0, repr(unit)
