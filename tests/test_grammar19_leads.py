"""(Round nineteen) ``scanning.starts`` asks for a digit run's currency, else its qualifier,
in one call on an ASCII text (``grammar.LEAD_CURRENCY_OR_QUALIFIER_LOWER``), and
``neighbours.attach_periods`` gives every figure of a text with no sentence end the text's
bounds without building the list of sentences; ``neighbours._share_units`` builds a shared
figure directly, where it called ``evolve``. Each held to its version before, kept below
as it was, on hostile texts and on texts shaped like the benchmark maps'."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._verify.numbers.directions import _turned, direction, with_directions
from argmap._verify.numbers.grammar import (
    LEAD_A,
    LEAD_A_LOWER,
    LEAD_CURRENCY,
    LEAD_CURRENCY_LOWER,
    LEAD_CURRENCY_OR_QUALIFIER_LOWER,
    LEAD_QUALIFIER,
    LEAD_QUALIFIER_LOWER,
    LINE_END_HYPHEN,
)
from argmap._verify.numbers.mention import FIGURE_KINDS, TEMPORAL_KINDS, K, Mention, evolve
from argmap._verify.numbers.neighbours import (
    _RIGHT_AFTER,
    _dated,
    _sentences,
    _share_units,
    attach_periods,
    inherit_currency,
    inherit_year,
    is_bound,
    merge,
)
from argmap._verify.numbers.parsing import parse, read_each
from argmap._verify.numbers.scanning import _BY_BREAKS, _cores, mask, starts
from test_grammar12_years import TEXTS, _outcome


def _old_starts(masked: str) -> list[tuple[int, re.Pattern[str]]]:
    """``starts`` as round eighteen left it: a digit run's currency and qualifier asked for
    in two calls."""
    breaks = "\n" in masked and LINE_END_HYPHEN.search(masked) is not None
    low, ascii_only = masked.lower(), masked.isascii()
    cores = _cores(masked, breaks, low, ascii_only)
    if not cores:
        return []
    n = len(masked)
    if ascii_only:
        backwards = low[::-1]
        lead_a, lead_currency, lead_qualifier = (
            LEAD_A_LOWER.match, LEAD_CURRENCY_LOWER.match, LEAD_QUALIFIER_LOWER.match)
    else:
        backwards = masked[::-1]
        lead_a, lead_currency, lead_qualifier = (
            LEAD_A.match, LEAD_CURRENCY.match, LEAD_QUALIFIER.match)
    found: dict[int, str] = {}
    for core in cores:
        if masked[core].isdecimal():
            before = masked[core - 1] if core else ""
            if before and before in ",.":
                continue
            if not (before and before in "-+−"):
                lead = lead_currency(backwards, n - core)
                if lead is None:
                    if core not in found:
                        found[core] = "AT_DIGIT"
                    if before.isspace():
                        lead = lead_qualifier(backwards, n - core)
                        if lead:
                            first = n - lead.end()
                            found[first] = ("PATTERN" if masked[first].isdecimal()
                                            else "AT_QUALIFIER")
                    continue
                leads = [core, n - lead.end()]
            else:
                leads = [core, core - 1]
                for at in leads[:]:
                    lead = lead_currency(backwards, n - at)
                    if lead:
                        leads.append(n - lead.end())
        else:
            lead = lead_a(backwards, n - core)
            leads = [core, n - lead.end()] if lead else [core]
            for at in leads[:]:
                lead = lead_currency(backwards, n - at)
                if lead:
                    leads.append(n - lead.end())
        for at in leads:
            if at not in found:
                found[at] = "AT_DIGIT" if masked[at].isdecimal() else "AT_WORD"
        for at in leads:
            if not (at and masked[at - 1].isspace()):
                continue
            lead = lead_qualifier(backwards, n - at)
            if lead:
                first = n - lead.end()
                found[first] = "PATTERN" if masked[first].isdecimal() else "AT_QUALIFIER"
    variants = _BY_BREAKS[breaks]
    if len(found) == 1:
        [(at, name)] = found.items()
        return [(at, variants[name])]
    return [(at, variants[name]) for at, name in sorted(found.items())]


def _old_attach_periods(text: str, found: list[Mention], turn: bool = False) -> list[Mention]:
    """``attach_periods`` as round eighteen left it: the list of sentences built for every
    text, and each figure's sentence searched in it."""
    temporal = [t for t in found if t.kind in TEMPORAL_KINDS and t.period]
    if not temporal or len(temporal) == len(found):
        return with_directions(text, found) if turn else found
    temporal = [t for t in temporal if not (t.upper is None and is_bound(text, t))]
    if not temporal:
        return with_directions(text, found) if turn else found
    out = []
    sentences = _sentences(text)
    sentence_starts = [s[0] for s in sentences]
    temporal_starts = [t.start for t in temporal]
    count = len(temporal)
    for m in found:
        kind = m.kind
        if kind in TEMPORAL_KINDS:
            out.append(m)
            continue
        start, end = m.start, m.end
        at = bisect_right(sentence_starts, start) - 1
        low, high = (0, len(text))
        if at >= 0:
            sentence = sentences[at]
            if start < sentence[1] + 1:
                low, high = sentence[0], sentence[1] + 1
        i = bisect_left(temporal_starts, start)
        chosen = None
        if i > 0 and temporal_starts[i - 1] >= low:
            before = temporal[i - 1]
            if before.end <= start:
                chosen = before
        j = bisect_left(temporal_starts, end) if i < count else count
        if j < count and temporal_starts[j] < high:
            after = temporal[j]
            if chosen is None or (after.start - end <= 80 and _RIGHT_AFTER.fullmatch(
                    text, end, after.start)):
                chosen = after
        way = m.direction
        if turn and not way and kind in FIGURE_KINDS:
            way = direction(text, m)
        if chosen is not None:
            out.append(_dated(m, chosen.period, way))
        elif way != m.direction:
            out.append(_turned(m, way))
        else:
            out.append(m)
    return out


#: The benchmark maps' shapes, and currencies, qualifiers and sentence ends around figures.
_SHAPES = st.sampled_from([
    "3,760 of 9,400 cases in 2020 (40%) concerned clinic visits in the capital.",
    "Of 32,000 cases recorded in 2010, 9,600 or 30 percent concerned school enrolment.",
    "Steel output rose from 4,414 to 7,774 containers in 2010, an increase of 3,360.",
    "Public debt in the island ports reached USD 81.0 million in 2013.",
    "By 2012 energy imports had reached USD 35.0 million, according to the survey.",
    "In 2010, bond yields rose from 4,632 to 8,584 containers, an increase of 3,952.",
    " at least 5", " about $5", " USD 5", " more than 12", " over 40%", " up to 10-25%",
    " between 2018 and 2019", " nearly EUR 3 billion", "Since 2014 ", ". In 2019, ", ". ",
    "; ", "! ", "? ", "\n\n", ".\n", " rose 5%", " fell by 3", " a 10% drop", " in 2020 ",
])
_TEXTS = st.one_of(TEXTS, st.lists(_SHAPES, min_size=1, max_size=6).map("".join),
                   st.lists(st.one_of(_SHAPES, TEXTS), min_size=1, max_size=4).map("".join))


@settings(max_examples=1000)
@given(_TEXTS)
@example("Prices rose by at least 5 and about $5, in 2019 up to 10-25%; more than 12 USD 40")
@example("At least 5 ab0ut 5 \u00a0nearly 7 over\n12")
def test_starts_are_the_starts_of_the_two_calls(text: str) -> None:
    masked = mask(text)
    assert _outcome(starts, masked) == _outcome(_old_starts, masked)


def _read(text: str) -> list[Mention]:
    found = read_each(text)
    return inherit_year(inherit_currency(text, merge(text, found)))


@settings(max_examples=1000)
@given(_TEXTS, st.booleans())
@example("3,760 of 9,400 cases in 2020 (40%) concerned clinic visits.", True)
@example("In 2019, USD 5 million. In 2020 it was 7 million", True)
@example("USD 5 million in 2019; 7% in 2020! 12 in 2021\n\n40% in 2022", False)
def test_periods_are_the_periods_of_the_sentence_list(text: str, turn: bool) -> None:
    found = _outcome(_read, text)
    if not isinstance(found, list):
        return
    assert attach_periods(text, list(found), turn) == _old_attach_periods(text, list(found),
                                                                          turn)


@settings(max_examples=300)
@given(_TEXTS)
def test_a_text_parses_as_it_parsed_with_the_old_steps(text: str) -> None:
    parse.cache_clear()
    found = _outcome(parse, text)
    if isinstance(found, tuple) and len(_read(text)) > 1:
        assert list(found) == _old_attach_periods(text, _read(text), True)


def test_the_oracles_tell_a_broken_step() -> None:
    """A combined lead that took a qualifier where a currency leads, and a period pass that
    gave a figure a year of another sentence, are told apart by the properties above."""
    text = "In 2019, USD 5 million. It was 7 million"
    found = _read(text)
    assert [m.period for m in attach_periods(text, list(found), True)] == ["2019", "2019", None]
    masked = mask("at least 5 and USD 5")
    assert [at for at, _ in starts(masked)] == [0, 9, 15, 19]
    assert LEAD_CURRENCY_OR_QUALIFIER_LOWER.match(masked.lower()[::-1], 1).lastindex == 1
    assert LEAD_CURRENCY_OR_QUALIFIER_LOWER.match(masked.lower()[::-1], 11).lastindex is None


def _old_share_units(a: Mention, b: Mention) -> tuple[Mention, Mention]:
    """``neighbours._share_units`` as round eighteen left it: each share through evolve."""
    if a.kind == K.COUNT and a.unit is None and b.kind in {K.PERCENT, K.PERCENTAGE_POINTS}:
        a = evolve(a, kind=b.kind)
    elif a.kind == K.COUNT and b.kind in {K.COUNT, K.AMOUNT} and a.unit is None:
        a = evolve(a, kind=b.kind, unit=b.unit)
    elif b.kind == K.COUNT and a.kind == K.AMOUNT and b.unit is None:
        b = evolve(b, kind=K.AMOUNT, unit=a.unit)
    return a, b


@settings(max_examples=500)
@given(_TEXTS, _TEXTS)
@example("from 4,414", " to 7,774 containers")
@example("USD 5", " 7 million")
@example("12", " 40%")
def test_shared_units_are_the_shares_evolve_made(first: str, second: str) -> None:
    for a in _outcome(read_each, first) or []:
        for b in _outcome(read_each, second) or []:
            assert _share_units(a, b) == _old_share_units(a, b)
            assert [m.reading() for m in _share_units(a, b)] == [
                m.reading() for m in _old_share_units(a, b)]
