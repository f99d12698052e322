"""Comparing a claim's figure with a source's (``argmap._verify.compare``), directly:
rounding-implied precision, qualifiers as bounds, currencies, kinds that are never converted,
periods."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._model import Qualifier, QuantityKind
from argmap._verify.compare import Interval, Verdict, claim_interval, compare, source_interval
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
    ("over 300 MPs", "over 310 MPs", V.MATCH),
    ("300 MPs", "over 300 MPs", V.DIFFERENT_VALUE),  # the source says no more than "over"
    ("at least 300 MPs", "300 MPs", V.MATCH),
    ("at least 300 MPs", "5,000 MPs", V.MATCH),
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
    ("up to 40%", "35%", V.MATCH),
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
    # kinds are never converted: % is not percentage points, a fifth is not 20 %
    ("15%", "15 percentage points", V.DIFFERENT_KIND),
    ("3 percentage points", "3%", V.DIFFERENT_KIND),
    ("a fifth", "20%", V.DIFFERENT_KIND),
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
def test_a_match_is_interval_containment(pair: tuple[Mention, Mention]) -> None:
    claim, source = pair
    contained = claim_interval(claim).contains(source_interval(source))
    verdict = compare(claim, source)
    assert (verdict == Verdict.MATCH) == contained
    assert verdict in {Verdict.MATCH, Verdict.TOO_PRECISE, Verdict.DIFFERENT_VALUE}
