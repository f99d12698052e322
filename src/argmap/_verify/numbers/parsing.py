"""``parse``: every figure in a text, found, read and combined with its neighbours."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from argmap._verify.numbers.directions import with_direction
from argmap._verify.numbers.grammar import (
    GROUP,
    PLAIN_NUMBER,
    PLAIN_YEAR,
    YEAR_ENDS,
    YEAR_RE,
    nothing_after,
)
from argmap._verify.numbers.labels import is_label, is_number_label, is_year_label
from argmap._verify.numbers.mention import TEMPORAL_KINDS, Mention, evolve
from argmap._verify.numbers.neighbours import (
    attach_periods,
    inherit_currency,
    inherit_year,
    is_bound,
    merge,
)
from argmap._verify.numbers.reading import (
    read_date,
    read_number,
    read_quantity,
    read_year,
    read_years,
)
from argmap._verify.numbers.scanning import mask, starts

_DATE, _YEARS, _NUM = GROUP["date"], GROUP["years"], GROUP["num"]
#: The digits ``PLAIN_NUMBER`` is tried at (a set: one hash where a range test is two steps).
_DIGITS = frozenset("0123456789")
#: Figures another process read, handed to :func:`parse`'s cache by :func:`warm`; empty
#: otherwise (one truth test on each text not yet read: the cache's hits do not see it).
_given: dict[str, tuple[Mention, ...]] = {}


def warm(found: Iterable[tuple[str, tuple[Mention, ...]]]) -> None:
    """Put figures read elsewhere in :func:`parse`'s cache, as if read here: a split run's
    child reads a share of the figures group's texts (:mod:`argmap._engine.split`). parse
    is pure, so each result is the one this process would have read; a text already
    cached keeps its own."""
    _given.update(found)
    try:
        for text in list(_given):
            parse(text)  # a miss takes its given figures into the cache, bound and all
    finally:
        _given.clear()


@lru_cache(maxsize=1 << 18)  # a 100,000-claim map has ~250,000 texts
def parse(text: str) -> tuple[Mention, ...]:
    """Every quantity in ``text``, in order, each with its span; cached by text."""
    if _given and (given := _given.get(text)) is not None:
        return given
    found = read_each(text)
    if not found:
        return ()
    if len(found) == 1:
        # one figure (most texts that have any): nothing to join, share a currency or a
        # year with, or date; the steps below would give it back as it is, but for its
        # direction
        return (with_direction(text, found[0]),)
    found = merge(text, found)
    found = inherit_currency(text, found)
    found = inherit_year(found)
    # with_directions in its pass; the figures are this call's own: dated in place
    return tuple(attach_periods(text, found, turn=True, fresh=True))


def read_each(text: str) -> list[Mention]:
    """Each figure of ``text`` read on its own, in order, before :func:`parse` joins
    neighbours, shares currencies and years, and gives directions and periods."""
    masked = mask(text)
    at = starts(masked)
    if not at:  # no digit, number word, fold verb or month: no figure
        return []
    found: list[Mention] = []
    label_end = -1  # where the last label ("Article 5", "pages 12") ended
    pos = 0
    n = len(masked)
    for start, pattern in at:  # scanning.matches, without a generator's frame
        if start < pos:
            continue
        end = start + 4
        match: re.Match[str] | None = None
        mention: Mention | None
        number = False  # a number and nothing else, not a plain year, found without the pattern
        if (end == n or (end < n and masked[end] in YEAR_ENDS)) and PLAIN_YEAR.match(
                masked, start):
            pos = end  # what the pattern would match: a plain year, found without it
        elif masked[start] in _DIGITS and (plain := PLAIN_NUMBER.match(masked, start)) and (
                nothing_after(masked, start, plain_end := plain.end())):
            # what the pattern would match: a number and nothing else, found without it
            pos = plain_end
            number = pos != end or not YEAR_RE.fullmatch(masked, start, pos)
        else:
            match = pattern.match(masked, start)
            if match is None:
                continue
            pos = match.end()  # the match starts at ``start``
        if number:
            num = masked[start:pos]
            if is_number_label(masked, start, pos, num, label_end):
                label_end = pos
                continue
            mention = read_number(masked, start, pos, num)
        elif match is None or (pos - start == 4 and match.span(_NUM) == (start, pos)
                               and YEAR_RE.fullmatch(masked, start, pos)):
            # a plain year and nothing else (half the figures of a text): what is_label and
            # read_quantity decide for it, without asking the match for its other groups
            if is_year_label(masked, start, label_end):
                label_end = pos
                continue
            mention = read_year(masked, start, pos, masked[start:pos])
        elif is_label(match, masked, label_end):
            label_end = pos
            continue
        else:
            date, years = match.group(_DATE, _YEARS)  # one call for the two, by number
            if date is not None:
                mention = read_date(match)
            elif years is not None:
                mention = read_years(match)
            else:
                mention = read_quantity(match, masked)
        if mention is not None and masked is not text:  # a figure's words as written
            mention = evolve(mention, text=text[mention.start:mention.end])
        if mention is not None and found and mention.start < found[-1].end:
            continue  # inside the last figure's words ("twenty-foot" of a TEU's long name)
        if mention is not None:
            found.append(mention)
    return found


@lru_cache(maxsize=1 << 18)  # AM601 asks once per evidence item a claim cites, AM602 again
def text_period(text: str) -> str | None:
    """The one period a text speaks about, when all its years and dates name the same one.

    Years introduced by since/by/until/before/after/from do not name the period of a fact.
    """
    periods = set()
    for m in parse(text):
        if m.kind not in TEMPORAL_KINDS or m.period is None:
            continue
        if is_bound(text, m):
            continue
        periods.add(m.period)
    return periods.pop() if len(periods) == 1 else None
