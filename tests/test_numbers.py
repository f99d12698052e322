"""The number grammar on real phrases (the seed paper, FIIA Briefing Paper 298) and on
generated ones: every figure is read with its kind, value, range, unit, scale, qualifier and
period, and a formatted quantity parses back to itself."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.numbers import (
    Mention,
    format_mention,
    from_quantity,
    parse,
    period_bounds,
    periods_overlap,
    text_period,
    to_quantity,
)

K, Q, S = QuantityKind, Qualifier, Scale
D = Decimal

# (phrase from the paper, the span read, kind, value, upper, unit, scale, qualifier, period)
PAPER = [
    ("Belarusian exports to China amounted to barely $0.5 billion", "barely $0.5 billion",
     K.AMOUNT, "0.5", None, "USD", S.BILLION, Q.AT_MOST, None),
    ("and imports were just slightly \nover $2 billion.", "just slightly \nover $2 billion",
     K.AMOUNT, "2", None, "USD", S.BILLION, Q.OVER, None),
    ("In 2019, bilateral trade reached USD 4 \nbillion, out of", "USD 4 \nbillion",
     K.AMOUNT, "4", None, "USD", S.BILLION, Q.EXACT, "2019"),
    ("the Belarusian export share was merely 15% of the overall trade volume",
     "merely 15%", K.PERCENT, "15", None, None, None, Q.EXACT, None),
    ("In January–March \n2020, Belarusian exports fell by 57%.", "57%", K.PERCENT, "57", None,
     None, None, Q.EXACT, "2020-01/2020-03"),
    ("Railway container trafc via Belarus increased 15-fold in 2013–2018", "15-fold",
     K.FOLD, "15", None, None, None, Q.EXACT, "2013/2018"),
    ("from 21 thousand to \n340 thousand containers", "21 thousand", K.COUNT, "21", None,
     "containers", S.THOUSAND, Q.EXACT, None),
    ("from 21 thousand to \n340 thousand containers", "340 thousand containers", K.COUNT,
     "340", None, "containers", S.THOUSAND, Q.EXACT, None),
    # the paper's words: containers counted in twenty-foot equivalent units are TEU, and the
    # "twenty" of the unit's name is no count of its own
    ("from 21 thousand to \n340 thousand containers with a twenty-foot equiva-\nlent unit. In",
     "21 thousand", K.COUNT, "21", None, "TEU", S.THOUSAND, Q.EXACT, None),
    ("from 21 thousand to \n340 thousand containers with a twenty-foot equiva-\nlent unit. In",
     "340 thousand containers with a twenty-foot equiva-\nlent unit", K.COUNT, "340", None,
     "TEU", S.THOUSAND, Q.EXACT, None),
    ("from 21 thousand to 340 thousand twenty-foot equivalent units", "340 thousand "
     "twenty-foot equivalent units", K.COUNT, "340", None, "TEU", S.THOUSAND, Q.EXACT, None),
    ("In January–September 2020, rail freight traf-\nfc grew 1.6-fold.", "1.6-fold", K.FOLD,
     "1.6", None, None, None, Q.EXACT, "2020-01/2020-09"),
    ("traditionally vary between USD 30 and 40 million \nper year.",
     "between USD 30 and 40 million", K.AMOUNT, "30", "40", "USD", S.MILLION, Q.RANGE, None),
    ("China actively lends money to Minsk and holds \na ffth of its state debt.", "a ffth",
     K.FRACTION, "0.2", None, None, None, Q.EXACT, None),
    ("ofered a USD 16 billion \ncredit line in 2009–2010", "USD 16 billion", K.AMOUNT, "16",
     None, "USD", S.BILLION, Q.EXACT, "2009/2010"),
    ("and a USD 7 billion credit line \nin 2015.", "USD 7 billion", K.AMOUNT, "7", None, "USD",
     S.BILLION, Q.EXACT, "2015"),
    ("to write of the USD 230 mil-\nlion debt", "USD 230 mil-\nlion", K.AMOUNT, "230", None,
     "USD", S.MILLION, Q.EXACT, None),
    ("In 2018 and 2019, investment exceeded USD 100 million mainly",
     "exceeded USD 100 million", K.AMOUNT, "100", None, "USD", S.MILLION, Q.OVER,
     "2018/2019"),
    ("Kitay otkazalsya spisat’ Belarusi 230 mln dollarov za sozdaniye sputnika",
     "230 mln dollarov", K.AMOUNT, "230", None, "USD", S.MILLION, Q.EXACT, None),
    ("Minsk read a statement on behalf of 54 states that", "54 states", K.COUNT, "54", None,
     "states", None, Q.EXACT, None),
    ("In the current Ukrainian Parliament, over 300 MPs signed up", "over 300 MPs", K.COUNT,
     "300", None, "MPs", None, Q.OVER, None),
    ("whereas Lukashenko made nearly \na dozen trips to China", "nearly \na dozen trips",
     K.COUNT, "12", None, "trips", None, Q.UNDER, None),
    # "Confucius" is no count unit: a count's unit comes from a closed vocabulary
    ("with fve Confucius Institutes operating in Belarus", "fve", K.COUNT, "5", None, None,
     None, Q.EXACT, None),
    ("In 2019, China’s exports and imports to and from Ukraine grew by 63% and 20% "
     "respectively.", "63%", K.PERCENT, "63", None, None, None, Q.EXACT, "2019"),
    ("In 2019, China’s exports and imports to and from Ukraine grew by 63% and 20% "
     "respectively.", "20%", K.PERCENT, "20", None, None, None, Q.EXACT, "2019"),
    ("In January–July 2020, the results were even more stag-\ngering. Ukraine’s general trade "
     "turnover fell by 10%, but trade with China grew by 20%.", "10%", K.PERCENT, "10", None,
     None, None, Q.EXACT, None),
    ("Ukraine’s exports \nto China almost doubled.", "almost doubled", K.FOLD, "2", None, None,
     None, Q.UNDER, None),
    ("During 2016–2019, Chinese companies invested over USD 1.5 billion in energy",
     "over USD 1.5 billion", K.AMOUNT, "1.5", None, "USD", S.BILLION, Q.OVER, "2016/2019"),
    ("Chinese \nbusiness leaders outlined investment targets worth \nUSD 10 billion",
     "USD 10 billion", K.AMOUNT, "10", None, "USD", S.BILLION, Q.EXACT, None),
    ("If in 2013, Chinese direct investments amounted to a \nmere USD 18.79 million",
     "a \nmere USD 18.79 million", K.AMOUNT, "18.79", None, "USD", S.MILLION, Q.EXACT, "2013"),
    ("a \nmere USD 18.79 million, in 2014–2019 they increased \nto 300 million in total.10",
     "300 million", K.AMOUNT, "300", None, "USD", S.MILLION, Q.EXACT, "2014/2019"),
    ("Kitayskiye investitsii v ekonomiku Ukrainy za 5 let sostavili 300 mln dollarov",
     "300 mln dollarov", K.AMOUNT, "300", None, "USD", S.MILLION, Q.EXACT, None),
    ("in that Beijing has concluded sim-\nilar agreements with dozens of states", "dozens",
     K.COUNT, "24", None, None, None, Q.AT_LEAST, None),
    ("In December 2017, after a four-year break, the China-Ukraine Intergovernmental",
     "four-year", K.COUNT, "4", None, "years", None, Q.EXACT, "2017-12"),
    ("Two years after \nBelarus became a strategic partner", "Two years", K.COUNT, "2", None,
     "years", None, Q.EXACT, None),
    ("in 2018 and 2019", "2018 and 2019", K.YEAR, "2018", "2019", None, None, Q.RANGE,
     "2018/2019"),
    ("Since the 2000s, Belarus has been", "2000s", K.YEAR, "2000", "2009", None, None,
     Q.RANGE, "2000/2009"),
    ("the lifting of the Russian ban in \nJune 2019,", "June 2019", K.DATE, "2019", None, None,
     None, Q.EXACT, "2019-06"),
    ("Opinion: ... Belta, 24 September 2020, https://eng.belta.by/politics/view/opin-",
     "24 September 2020", K.DATE, "2020", None, None, None, Q.EXACT, "2020-09-24"),
    ("On 28 November 2013 the then \nUkrainian president", "28 November 2013", K.DATE,
     "2013", None, None, None, Q.EXACT, "2013-11-28"),
    ("Instead, on December 3–6, he visited China", "December 3–6", K.DATE, "3", "6", None,
     None, Q.RANGE, None),
    ("Relations for 2014–2018. However,", "2014–2018", K.YEAR, "2014", "2018", None, None,
     Q.RANGE, "2014/2018"),
    ("In Sep-\ntember 2020, Ukraine announced", "Sep-\ntember 2020", K.DATE, "2020", None, None,
     None, Q.EXACT, "2020-09"),
    ("Foreign Ministry Spokesperson Regular Press Conference on August 26, 2020,",
     "August 26, 2020", K.DATE, "2020", None, None, None, Q.EXACT, "2020-08-26"),
    ("Xinhua, 6 December \n2017, http://www.xinhuanet.com/english/2017-12/06/c_136803508.htm.",
     "6 December \n2017", K.DATE, "2017", None, None, None, Q.EXACT, "2017-12-06"),
    ("were rejected \nin 2019.7 \n\nCHINA IN UKRAINE", "2019", K.YEAR, "2019", None, None,
     None, Q.EXACT, "2019"),
]


@pytest.mark.parametrize(
    ("phrase", "span", "kind", "value", "upper", "unit", "scale", "qualifier", "period"),
    PAPER,
    ids=[row[1].replace("\n", " ") for row in PAPER],
)
def test_phrases_of_the_paper(
    phrase: str, span: str, kind: QuantityKind, value: str, upper: str | None,
    unit: str | None, scale: Scale | None, qualifier: Qualifier, period: str | None,
) -> None:
    found = {m.text: m for m in parse(phrase)}
    assert span in found, [m.text for m in parse(phrase)]
    m = found[span]
    assert phrase[m.start:m.end] == span
    assert (m.kind, m.value, m.upper, m.unit, m.scale, m.qualifier) == (
        kind, D(value), None if upper is None else D(upper), unit, scale, qualifier)
    if period is not None:
        assert m.period == period


def test_near_vague_and_inferred_flags() -> None:
    (barely,) = [m for m in parse("amounted to barely $0.5 billion") if m.is_figure]
    assert barely.near
    (dozens,) = parse("agreements with dozens of states")
    assert dozens.vague
    inferred = parse("a mere USD 18.79 million, in 2014–2019 they increased to 300 million")[-1]
    assert inferred.inferred
    assert inferred.unit == "USD"


NOT_FIGURES = [
    "foreign poli-\ncy.1 In Beijing’s view",  # footnote marker after a full stop
    "criticisms.2 On the other hand",
    "(plausibly due to its own concerns over col-\nour revolutions),11 whereas",
    "Te “17+1” cooperation format",
    "Source: Wikimedia Commons/Homoatrox (CC BY-SA 3.0)",
    "https://apnews.com/article/68f22c01a6fd47b-\n7ba3443ca4295f233.",
    "kita-\njskie-investicii-v-ekonomiku-ukrainy-za-5-let-sostavili-300-mln-dollarov.",
    "One of the results has been a growing contrast",
    "on the one hand, the authoritarian rule",
    "Covid-19 hit the region.",
    "Following several years of being \nUkraine’s economic partner number two,",  # a rank
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_what_is_not_a_figure(text: str) -> None:
    assert [m.text for m in parse(text) if m.is_figure] == []


def test_footnote_lines_are_not_counts() -> None:
    text = "held.\n5 In 2018 and 2019, investment exceeded USD 100 million"
    assert [m.text for m in parse(text)] == ["2018 and 2019", "exceeded USD 100 million"]


def test_whole_paper_reads_every_figure() -> None:
    """Every figure of the paper's body, in order (the paper's text, condensed)."""
    text = (
        "In 2016, Belarusian exports to China amounted to barely $0.5 billion, and imports "
        "were just slightly over $2 billion. In 2019, bilateral trade reached USD 4 billion, "
        "out of which the Belarusian export share was merely 15% of the overall trade volume. "
        "In January–March 2020, Belarusian exports fell by 57%. Railway container traffic "
        "via Belarus increased 15-fold in 2013–2018 from 21 thousand to 340 thousand "
        "containers. In January–September 2020, rail freight traffic grew 1.6-fold."
    )
    assert [format_mention(m) for m in parse(text)] == [
        "2016", "barely USD 0.5 billion", "just over USD 2 billion", "2019", "USD 4 billion",
        "15%", "January–March 2020", "falling 57%", "rising 15-fold", "2013–2018",
        "21 thousand containers", "340 thousand containers", "January–September 2020",
        "rising 1.6-fold",
    ]


MORE = [
    ("US$ 2 bn", K.AMOUNT, "2", None, "USD", S.BILLION, Q.EXACT),
    ("300 mln dollars", K.AMOUNT, "300", None, "USD", S.MILLION, Q.EXACT),
    ("$2m", K.AMOUNT, "2", None, "USD", S.MILLION, Q.EXACT),
    ("EUR 1,250 million", K.AMOUNT, "1250", None, "EUR", S.MILLION, Q.EXACT),
    ("57 per cent", K.PERCENT, "57", None, None, None, Q.EXACT),
    ("3 percentage points", K.PERCENTAGE_POINTS, "3", None, None, None, Q.EXACT),
    ("two-thirds", K.FRACTION, "0.6667", None, None, None, Q.EXACT),
    ("half", K.FRACTION, "0.5", None, None, None, Q.EXACT),
    ("tripled", K.FOLD, "3", None, None, None, Q.EXACT),
    ("three times more", K.FOLD, "3", None, None, None, Q.EXACT),
    ("about 300 MPs", K.COUNT, "300", None, "MPs", None, Q.APPROX),
    ("at least 5 states", K.COUNT, "5", None, "states", None, Q.AT_LEAST),
    ("up to 40%", K.PERCENT, "40", None, None, None, Q.AT_MOST),
    ("30-40%", K.PERCENT, "30", "40", None, None, Q.RANGE),
    ("30–40 projects", K.COUNT, "30", "40", "projects", None, Q.RANGE),
    ("between 900 thousand and 1.2 million", K.COUNT, "900", "1200.0", None, S.THOUSAND,
     Q.RANGE),
    ("five", K.COUNT, "5", None, None, None, Q.EXACT),
    ("twenty-one states", K.COUNT, "21", None, "states", None, Q.EXACT),
    ("300 or more", K.COUNT, "300", None, None, None, Q.AT_LEAST),
    ("a million", K.COUNT, "1", None, None, S.MILLION, Q.EXACT),
]


@pytest.mark.parametrize(
    ("text", "kind", "value", "upper", "unit", "scale", "qualifier"), MORE,
    ids=[row[0] for row in MORE],
)
def test_more_phrase_types(
    text: str, kind: QuantityKind, value: str, upper: str | None, unit: str | None,
    scale: Scale | None, qualifier: Qualifier,
) -> None:
    (m,) = parse(text)
    assert (m.kind, m.value, m.upper, m.unit, m.scale, m.qualifier) == (
        kind, D(value), None if upper is None else D(upper), unit, scale, qualifier)


def test_ranges_are_never_averaged() -> None:
    (m,) = parse("between 30 and 40 million")
    assert (m.value, m.upper) == (D(30), D(40))


def test_periods() -> None:
    assert period_bounds("2020-01/2020-03")[1].isoformat() == "2020-03-31"
    assert period_bounds("2020-02")[1].isoformat() == "2020-02-29"
    assert periods_overlap("2019", "2018/2019")
    assert not periods_overlap("2016", "2019")
    assert periods_overlap(None, "2019")
    assert text_period("In January–March 2020, exports fell by 57%.") == "2020-01/2020-03"
    assert text_period("Since 2013, trade grew; in 2019 it reached USD 4 billion.") == "2019"
    assert text_period("In 2016 and 2019 it grew.") is None


def test_quantity_conversion_round_trip() -> None:
    (m,) = parse("between USD 30 and 40 million")
    quantity = to_quantity(m, "q1")
    assert quantity.magnitude == D(30_000_000)
    back = from_quantity(quantity, "Investments vary between USD 30 and 40 million a year.")
    assert back.reading() == m.reading()
    assert back.start == 17


# --- properties --------------------------------------------------------------------------------

_values = st.decimals(min_value=D("0.1"), max_value=D(99999), places=2,
                      allow_nan=False, allow_infinity=False).map(lambda d: d.normalize())
_values = _values.map(lambda d: d if d.as_tuple().exponent <= 0 else d.quantize(D(1)))  # type: ignore[operator]
_qualifiers = st.sampled_from([(Q.EXACT, False), (Q.OVER, False), (Q.OVER, True),
                               (Q.UNDER, False), (Q.UNDER, True), (Q.APPROX, False),
                               (Q.AT_LEAST, False), (Q.AT_MOST, False), (Q.AT_MOST, True)])
_fractions = st.sampled_from(["0.5", "0.3333", "0.25", "0.2", "0.6667", "0.75", "0.1"])


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    kind = draw(st.sampled_from([K.AMOUNT, K.COUNT, K.PERCENT, K.PERCENTAGE_POINTS, K.FOLD,
                                 K.FRACTION]))
    qualifier, near = draw(_qualifiers)
    unit = scale = upper = None
    value = draw(_values)
    if kind == K.FRACTION:
        value = D(draw(_fractions))
    if kind == K.AMOUNT:
        unit = draw(st.sampled_from(["USD", "EUR", "GBP", "CNY"]))
    if kind == K.COUNT:
        unit = draw(st.sampled_from([None, "MPs", "states", "containers", "trips"]))
    if kind == K.AMOUNT or (kind == K.COUNT and unit is not None):
        # a bare "300 million" after an amount takes its currency, by design
        scale = draw(st.sampled_from([None, S.THOUSAND, S.MILLION, S.BILLION]))
    if kind != K.FRACTION and draw(st.booleans()):
        qualifier, near = Q.RANGE, False
        upper = value + draw(_values)
    direction = draw(st.sampled_from([0, 0, 1, -1]))
    if direction < 0 and upper is None and kind != K.FRACTION and draw(st.booleans()):
        value = -value  # a signed figure, "-5%"
    return Mention(kind, value, 0, 0, "", upper=upper, unit=unit, scale=scale,
                   qualifier=qualifier, near=near, direction=direction)


@settings(max_examples=300)
@given(mentions())
def test_a_formatted_quantity_parses_back_to_itself(m: Mention) -> None:
    phrase = format_mention(m)
    (back,) = parse(phrase)
    assert back.reading() == m.reading(), phrase
    assert back.near == m.near


# no direction words ("grew", "fell"): they give the figure after them a direction; no
# capitalised name ("Belarus"): a bare number after one is a label ("Apollo 11")
_filler = st.lists(st.sampled_from(["trade", "was", "and", "the", "exports", "while",
                                    "imports", "stood", "by", "in", "Minsk's", "reached", ","]),
                   min_size=1, max_size=4).map(" ".join)


@settings(max_examples=200)
@given(st.lists(st.tuples(_filler, mentions()), min_size=1, max_size=4), _filler)
def test_no_number_in_a_generated_sentence_is_missed(
    parts: list[tuple[str, Mention]], tail: str
) -> None:
    sentence = " ".join(f"{words} {format_mention(m)}" for words, m in parts) + f" {tail}."
    found = [m for m in parse(sentence) if m.is_figure]
    # the filler holds no count unit: a count without one reads none from the next word
    assert [f.reading() for f in found] == [m.reading() for _, m in parts], sentence


# --- the anchored scan finds what trying every position finds ----------------------------------

_PIECES = st.sampled_from([
    "USD", "US$", "$", "€", "usd", "EUR", " ", "  ", "\n", "-\n", "-", "–", "(", ")", ".", ",",
    "a", "an", "A", "just", "slightly", "over", "nearly", "about", "at least", "between", "and",
    "from", "to", "some", "approx.", "a mere", "no fewer than", "in excess of", "up to",
    "4", "18.79", "2019", "2014–2019", "1,250", "300", "3", "15-fold", "%", "per cent",
    "percentage points", "billion", "mil-\nlion", "mln", "bn", "thousand", "hundred", "dozen",
    "dozens of", "five", "fve", "twenty-one", "one", "half", "a fifth", "two-thirds", "doubled",
    "redoubled", "times more", "January", "March", "Sep-\ntember", "December 3–6", "May",
    "2000s", "containers", "MPs", "Covid-19", "17+1", "https://x.org/a-5-b", "ſix", "İ",
    "+", "−", "-5", "+26", "x", "×", "2.5x", " times", "twice", "tenfold", "twentyfold",
    "KiB", "MiB", "kB", " 000", "\u00a0000", "5 000", "page", "Article", "No.", "#",
    "Python 3.11", "fell", "rose by", "up", "down", "drop", "doubleſ", "halves", "K",
    "TRIPLED", "Quadrupling", "trebles", "Halving", "DOUBLİNG",
])


@settings(max_examples=300)
@given(st.lists(_PIECES, min_size=1, max_size=14).map("".join))
def test_the_anchored_scan_matches_every_position(text: str) -> None:
    """``parse`` tries the big pattern only where a figure can start (see ``_starts``); that
    must find exactly the matches that trying every position finds."""
    from argmap._verify.numbers import _PATTERN, _mask, _matches, _starts

    masked = _mask(text)
    fast = [(m.span(), m.groupdict()) for m in _matches(masked, _starts(masked))]
    slow = [(m.span(), m.groupdict()) for m in _PATTERN.finditer(masked)]
    assert fast == slow


def test_a_date_without_a_year_takes_the_year_of_the_date_before_it() -> None:
    text = "On 28 November 2013 he declined. Instead, on December 3–6, he visited China."
    first, second = parse(text)
    assert first.period == "2013-11-28"
    assert (second.text, second.period, second.inferred) == (
        "December 3–6", "2013-12-03/2013-12-06", True)


def test_a_date_without_a_year_and_nothing_before_it_stays_partial() -> None:
    (only,) = parse("On December 3–6 he visited China.")
    assert only.period is None
    assert only.partial == "--12-03/--12-06"


def test_period_bounds_reach_the_last_representable_month() -> None:
    # regression (long fuzz run): the last day of 9999-12 was computed via 10000-01-01
    assert period_bounds("9999-12") == (date(9999, 12, 1), date(9999, 12, 31))
    assert period_bounds("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))


def test_a_year_before_a_currency_code_and_a_number_stays_a_year() -> None:
    # regression: "in 2020 USD 5 billion" read "2020 USD" as an amount of USD 2,020 and gave
    # the next figure the previous sentence part's year
    found = parse("In 2019 trade was USD 4 billion; in 2020 USD 5 billion.")
    assert [(m.kind, m.text, m.period) for m in found] == [
        (QuantityKind.YEAR, "2019", "2019"),
        (QuantityKind.AMOUNT, "USD 4 billion", "2019"),
        (QuantityKind.YEAR, "2020", "2020"),
        (QuantityKind.AMOUNT, "USD 5 billion", "2020"),
    ]
    (amount,) = parse("They paid 2000 dollars.")
    assert (amount.kind, amount.unit, amount.value) == (QuantityKind.AMOUNT, "USD", 2000)


def test_a_since_year_does_not_become_the_period_of_a_figure() -> None:
    # regression: "Since 2014 ... USD 2 billion" was dated 2014, so a source's 2019 figure
    # counted as a different period
    year, amount = parse("Since 2014 investment grew by USD 2 billion.")
    assert year.period == "2014"
    assert amount.period is None
    assert parse("From 2014 to 2019 investment tripled.")[1].period == "2014/2019"


def test_periods_in_a_long_text_are_those_of_each_sentence() -> None:
    # the period lookup bisects (it was quadratic in the number of figures): each figure of a
    # long text still gets its own sentence's year, and none from a neighbouring sentence
    sentences = [f"In {2000 + i % 20} trade was USD {i + 1} billion." for i in range(300)]
    sentences.append("Trade then rose by USD 9 billion.")
    found = [m for m in parse(" ".join(sentences)) if m.kind == QuantityKind.AMOUNT]
    assert [m.period for m in found[:-1]] == [str(2000 + i % 20) for i in range(300)]
    assert found[-1].period is None


@pytest.mark.parametrize("text", ["5\u00a0000 troops", "5\u202f000 troops", "5\u2009000 troops"])
def test_thousands_grouped_by_no_break_or_thin_spaces(text: str) -> None:
    # regression: "5 000" with a no-break space was read as two counts, 5 and 0
    (only,) = parse(text)
    assert (only.kind, only.value, only.unit) == (QuantityKind.COUNT, Decimal(5000), "troops")
    first, second = parse("in 2019\u00a0300 MPs")  # a year is not a thousands group
    assert (first.kind, second.value) == (QuantityKind.YEAR, Decimal(300))


def test_every_variant_of_the_pattern_has_the_groups_of_the_full_one() -> None:
    """The readers look groups up by name on a match of any variant (see ``grammar``)."""
    from argmap._verify.numbers import _PATTERN
    from argmap._verify.numbers.grammar import _VARIANTS, pattern

    for name in _VARIANTS:
        variant = pattern(name)
        assert (variant.groups, variant.groupindex) == (_PATTERN.groups, _PATTERN.groupindex)


#: Pieces of texts for the pattern without line-end breaks: months (soft in the pattern), the
#: words around them, and what a break is made of.
_BREAK_PIECES = ["September", "Sept.", "May", "March", "Jan", "5", "12", "2019", "2,416", " ",
                 "-", "\n", "–", "per cent", "percent", "percentage points", "million", "mil",
                 "lion", "about", "a", "dozen", "twenty", "fold", "$", "USD", ",", ".", "to"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_BREAK_PIECES), max_size=10).map("".join))
def test_a_text_without_a_line_end_hyphen_is_read_the_same_without_the_breaks(text: str) -> None:
    """Each variant without its line-end breaks matches as the variant does, at every start,
    with the same groups, in any text where no break can match (``grammar.LINE_END_HYPHEN``)."""
    from argmap._verify.numbers.grammar import _VARIANTS, LINE_END_HYPHEN, core_lower, pattern

    if LINE_END_HYPHEN.search(text):
        text = text.replace("\n", " ")
    low = text.lower()
    assert [m.span() for m in core_lower().finditer(low)] == [
        m.span() for m in core_lower(breaks=False).finditer(low)]
    for name in _VARIANTS:
        with_breaks, without = pattern(name), pattern(name, breaks=False)
        for start in range(len(text) + 1):
            a, b = with_breaks.match(text, start), without.match(text, start)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_a_text_with_a_line_end_hyphen_is_read_with_the_breaks() -> None:
    date, count = parse("exports fell in Septem-\nber 2020 by 5 mil-\nlion")
    assert (date.kind, date.text) == (QuantityKind.DATE, "Septem-\nber 2020")
    assert (count.text, count.scale) == ("5 mil-\nlion", Scale.MILLION)


def test_no_qualifier_begins_like_a_month() -> None:
    """The pattern tried at a qualifier leaves the dates that open with a month out
    (``grammar._VARIANTS``): a month could only match there if a qualifier began like one."""
    from argmap._verify.numbers.vocabulary import MONTH_ABBREVIATIONS, MONTHS, QUALIFIERS

    months = {m[:3].lower() for m in [*MONTHS, *MONTH_ABBREVIATIONS]}
    for qualifier in QUALIFIERS:
        assert "-" not in qualifier[:3]
        assert qualifier[:3].lower() not in months, qualifier


def test_a_mention_is_built_as_the_dataclass_builds_it() -> None:
    """``Mention.__init__`` is generated over the slots (``mention._slot_init``): the same
    parameters and defaults as the dataclass's fields, and the instance stays frozen."""
    import dataclasses
    import inspect

    from argmap._verify.numbers import Mention

    params = list(inspect.signature(Mention).parameters.values())
    assert [(p.name, p.default) for p in params] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(Mention)]
    (mention,) = parse("USD 4 billion")
    assert dataclasses.replace(mention) == mention
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.value = mention.value + 1  # type: ignore[misc]
