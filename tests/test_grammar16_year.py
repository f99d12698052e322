"""(Round sixteen) ``parsing.read_each`` reads a plain year without trying the figure
pattern where ``grammar.PLAIN_YEAR`` (and ``YEAR_ENDS`` before it) says the pattern would
read the year and nothing else. Held to the loop it replaced, kept below as it was, on
hostile texts; and each variant of the pattern, tried where the test says so, is held to
read exactly the year. ``reading._scale`` looks a scale word up as written before it
substitutes its letters, and ``reading._digits`` tries the footnoted year's pattern only on
digits of its length: each held to its version before."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._model import Scale
from argmap._verify.numbers.grammar import GROUP, PLAIN_YEAR, YEAR_ENDS, YEAR_RE, pattern
from argmap._verify.numbers.labels import is_label, is_year_label
from argmap._verify.numbers.mention import Mention, evolve
from argmap._verify.numbers.parsing import parse, read_each
from argmap._verify.numbers.reading import (
    _FOOTNOTED_YEAR,
    _scale,
    read_date,
    read_quantity,
    read_year,
    read_years,
)
from argmap._verify.numbers.scanning import mask, starts
from argmap._verify.numbers.vocabulary import SCALE_WORDS
from test_grammar12_years import TEXTS, _outcome

_DATE, _YEARS, _NUM = GROUP["date"], GROUP["years"], GROUP["num"]


def _old_read_each(text: str) -> list[Mention]:
    """``read_each`` as round fifteen left it: the pattern tried at every start."""
    masked = mask(text)
    at = starts(masked)
    if not at:
        return []
    found: list[Mention] = []
    label_end = -1
    pos = 0
    for start, variant in at:
        if start < pos:
            continue
        match = variant.match(masked, start)
        if match is None:
            continue
        pos = match.end()
        mention: Mention | None
        if pos - start == 4 and match.span(_NUM) == (start, pos) and YEAR_RE.fullmatch(
                masked, start, pos):
            if is_year_label(masked, start, label_end):
                label_end = pos
                continue
            mention = read_year(masked, start, pos, masked[start:pos])
        elif is_label(match, masked, label_end):
            label_end = pos
            continue
        else:
            date, years = match.group(_DATE, _YEARS)
            if date is not None:
                mention = read_date(match)
            elif years is not None:
                mention = read_years(match)
            else:
                mention = read_quantity(match, masked)
        if mention is not None and masked is not text:
            mention = evolve(mention, text=text[mention.start:mention.end])
        if mention is not None and found and mention.start < found[-1].end:
            continue
        if mention is not None:
            found.append(mention)
    return found


#: Years and what may stand around them: marks the test lets follow a year and marks it
#: does not, digits, letters and signs before, units, scales, dashes, non-ASCII digits.
_AROUND = st.sampled_from([
    "2019", "1800", "2100", "1799", "2101", "20190", "٢٠١٩", "２０１９", "1٩٩٩", ".", ",", ";",
    ":", ")", "(", "%", "'", "’", "-", "–", "+", "/", "_", "x", "×", "s", "v", "K", "ſ", "İ",
    "5", "12", " ", "  ", "\n", "\t", "\u00a0", "\u202f", "000", ".5", ",000", " 000",
    " million", "bn", "m", "MiB", "GWh", " per cent", " percent", " pp", " p.p.", "-fold",
    " times", " or more", " USD", " dollars", "USD ", "$", "€", "in ", "by ", "since ",
    "Article ", "pages ", "and ", "December ", "3–", "-12-03", "-19", "–2020",
])
YEAR_TEXTS = st.one_of(
    TEXTS,
    st.lists(_AROUND, min_size=1, max_size=12).map("".join),
    st.lists(_AROUND, min_size=1, max_size=12).map(" ".join),
)


def _plain_year(masked: str, start: int, test: re.Pattern[str] = PLAIN_YEAR) -> bool:
    """The test ``read_each`` makes before it tries the pattern at ``start``."""
    end = start + 4
    return bool((end == len(masked) or (end < len(masked) and masked[end] in YEAR_ENDS))
                and test.match(masked, start))


def _reads_a_plain_year(text: str, start: int) -> bool:
    """Whether every variant of the pattern, tried at ``start``, reads the year there and
    nothing else (the variants ``starts`` hands a digit start to, with and without the
    line-end breaks)."""
    for name in ("AT_DIGIT", "PATTERN"):
        for breaks in (False, True):
            match = pattern(name, breaks).match(text, start)
            if match is None or match.span() != (start, start + 4) or match.span(
                    _NUM) != (start, start + 4):
                return False
    return True


@settings(max_examples=800)
@given(YEAR_TEXTS)
@example("In 2019. Since 2019, 2019; (2019) 2019: 2019")
@example("v2019. _2019. +2019. /2019. 2019.5 2019,000 2019%. 2019-20 2019 million ٢٠١٩.")
def test_a_text_reads_as_it_read_when_the_pattern_was_tried_at_every_start(text: str) -> None:
    assert _outcome(read_each, text) == _outcome(_old_read_each, text)
    parse.cache_clear()
    assert _outcome(parse, text) == _outcome(parse.__wrapped__, text)


@settings(max_examples=800)
@given(YEAR_TEXTS)
@example("In 2019. Since 2019, 2019; (2019) 2019: 2019 ٢٠١٩) ２０１９,")
def test_where_the_test_says_plain_year_every_variant_reads_just_the_year(text: str) -> None:
    masked = mask(text)
    for at in range(len(masked)):
        if _plain_year(masked, at):
            assert _reads_a_plain_year(masked, at)


def test_the_oracle_tells_a_broken_test() -> None:
    """A test that let a year stand before a "," and a digit, or after a letter, would be
    told apart by the property above."""
    assert _plain_year("In 2019, 5", 3)
    assert _reads_a_plain_year("In 2019, 5", 3)
    loose = re.compile(PLAIN_YEAR.pattern.replace(r"[.,](?!\d)", "[.,]"), re.IGNORECASE)
    assert _plain_year("In 2019,5", 3, loose)
    assert not _reads_a_plain_year("In 2019,5", 3)
    behind = re.compile(PLAIN_YEAR.pattern.replace("A-Za-z", ""), re.IGNORECASE)
    assert _plain_year("v2019.", 1, behind)
    assert not _reads_a_plain_year("v2019.", 1)


def _old_scale(spaced: str | None, glue: str) -> Scale | None:
    """``reading._scale`` as round fifteen left it: every spaced word through the
    letters-only substitution."""
    if glue and glue != "s":
        return SCALE_WORDS[glue].scale
    word = SCALE_WORDS.get(re.sub("[^a-z]", "", spaced.lower())) if spaced else None
    return word.scale if word else None


_SCALE_PIECES = st.sampled_from([*SCALE_WORDS, "Million", "BN", "mil", "lion", "-\n", "- \n",
                                 "-", " ", "ſ", "K", "İ", "x", ""])


@settings(max_examples=500)
@given(st.one_of(st.none(), st.lists(_SCALE_PIECES, max_size=4).map("".join), st.text()),
       st.sampled_from(["", "s", *(w for w, s in SCALE_WORDS.items() if s.glued)]))
def test_a_scale_word_reads_as_it_read_through_the_substitution(spaced: str | None,
                                                                 glue: str) -> None:
    assert _scale(spaced, glue) == _old_scale(spaced, glue)


@given(st.text(st.sampled_from("0123456789.,٣  "), max_size=9))
@example("2019.7")
@example("1999.12")
def test_only_digits_of_the_footnoted_form_are_tried_as_a_footnoted_year(digits: str) -> None:
    """``reading._digits`` tries ``_FOOTNOTED_YEAR`` only on six or seven characters with a
    point fifth: no other digits match it."""
    if _FOOTNOTED_YEAR.fullmatch(digits):
        assert 6 <= len(digits) <= 7
        assert digits[4] == "."
