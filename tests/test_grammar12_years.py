"""(Round twelve) a match that is a plain year and nothing else is read without asking the
match for its other groups (``parsing.read_each``: ``labels.is_year_label``,
``reading.read_year``). Held to the loop it replaced, kept below as it was, and to the
reference grammar of ``numbers_reference``, on hostile texts."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st

import numbers_reference as old
from argmap._verify.numbers.grammar import GROUP
from argmap._verify.numbers.labels import is_label
from argmap._verify.numbers.mention import Mention, evolve
from argmap._verify.numbers.parsing import parse, read_each
from argmap._verify.numbers.reading import read_date, read_quantity, read_years
from argmap._verify.numbers.scanning import mask, matches, starts

_DATE, _YEARS = GROUP["date"], GROUP["years"]


def _old_read_each(text: str) -> list[Mention]:
    """``read_each`` as round eleven left it: every match asked for its label groups, its
    date and years groups and its quantity's 21 groups."""
    masked = mask(text)
    at = starts(masked)
    if not at:
        return []
    found: list[Mention] = []
    label_end = -1
    pos = 0
    for start, pattern in at:
        if start < pos:
            continue
        match = pattern.match(masked, start)
        if match is None:
            continue
        pos = match.end()
        mention: Mention | None
        if old.is_label(match, masked, label_end):
            label_end = match.end()
            continue
        date, years = match.group(_DATE, _YEARS)
        if date is not None:
            mention = read_date(match)
        elif years is not None:
            mention = read_years(match)
        else:
            mention = old.read_quantity(match, masked)
        if mention is not None and masked is not text:
            mention = evolve(mention, text=text[mention.start:mention.end])
        if mention is not None and found and mention.start < found[-1].end:
            continue
        if mention is not None:
            found.append(mention)
    return found


#: Years where a label word, a name, a list of labels, a version, a name's hyphen, a URL, a
#: footnote line or a lead stands before them, and digits that are not ASCII ones.
_PIECES = st.sampled_from([
    "2019", "1800", "2100", "1799", "2101", "0219", "20190", "2019.7", "2019s", "2019x",
    "2,019", "２０１９", "19٣٣", "18٩٠", "٢٠١٩", " ", "  ", "\n", "\n\n", "\n \n", "-", "–",
    ", ", " and ", " to ", " or ", " & ", " through ", "(", "“", "'", "Article", "article",
    "Articles", "pages", "page", "No.", "Summer", "Horizon", "Apollo", "Python", "Minsk,",
    "USD", "the", "In", "in", "over", "between", "from", "at least", "about", "just over",
    "Covid-", "mid-", "Early-", "CC BY ", "BY-SA ", "BY-NC-ND ", "https://x.org/", "www.",
    "a/", "1 ", "12 ", "5%", " per cent", " million", " times", " or more", "+", "−", "MPs",
    "files", "Belarus", "Ünïcode", "İ", "ſ", "K", "x" * 50, "Averyveryveryverylongname" * 2,
    "March ", "December 3–", "2014–", "2014-19", ". ", "; ",
])
TEXTS = st.one_of(
    st.lists(_PIECES, min_size=1, max_size=14).map("".join),
    st.lists(_PIECES, min_size=1, max_size=14).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join),
    st.text(max_size=60),
)


def _outcome(read: Callable[..., object], *args: object) -> object:
    try:
        return read(*args)
    except Exception as error:  # noqa: BLE001 - the same error, or none, on both sides
        return type(error)


@settings(max_examples=600)
@given(TEXTS)
@example("Article 2019 and 2020, Summer 2019, Apollo 2011, pages 2018–2019 & 2020")
@example("Covid-2019, mid-2019, CC BY 2019, BY-SA 2019, https://x.org/2019 ２０１９ 2019.7")
@example("Averyveryveryverylongnameaveryveryveryverylongname 2019\n\n\n2019 (2019) “2019")
def test_a_text_reads_as_it_read_before_plain_years_took_their_own_path(text: str) -> None:
    assert _outcome(read_each, text) == _outcome(_old_read_each, text)
    assert _outcome(read_each, text) == _outcome(old.read_each, text)
    parse.cache_clear()
    assert _outcome(parse, text) == _outcome(parse.__wrapped__, text)


@settings(max_examples=300)
@given(TEXTS)
def test_each_match_reads_as_it_read_with_the_word_before_found_apart(text: str) -> None:
    masked = mask(text)
    for label_end in (-1, 0):
        for match in matches(masked, starts(masked)):
            assert _outcome(is_label, match, masked, label_end) == _outcome(
                old.is_label, match, masked, label_end)
            if match.group(_DATE) is None and match.group(_YEARS) is None:
                assert _outcome(read_quantity, match, masked) == _outcome(
                    old.read_quantity, match, masked)
