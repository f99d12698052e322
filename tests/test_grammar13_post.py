"""(Round thirteen) the steps after the scan: ``attach_periods`` gives each figure its
direction in the same pass (``turn``), where ``with_directions`` built every turned figure
once more before it was dated; ``direction`` spells the words around a figure without a
call per word; ``inherit_currency`` and ``inherit_year`` test whether they have anything to
do with a loop, not ``any``/``all`` over a generator. Each is held to the version it
replaced, kept below as it was, on hostile texts, and ``parse`` to the chain of old steps."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._model import Scale
from argmap._verify.numbers.directions import direction, with_directions
from argmap._verify.numbers.mention import TEMPORAL_KINDS, K, Mention, Q, evolve
from argmap._verify.numbers.neighbours import (
    _RIGHT_AFTER,
    _dated,
    _sentences,
    attach_periods,
    inherit_currency,
    inherit_year,
    is_bound,
    merge,
)
from argmap._verify.numbers.parsing import parse, read_each
from argmap._verify.numbers.reading import date_mention, key
from argmap._verify.numbers.vocabulary import DIRECTION_AFTER, DIRECTION_BEFORE

# --- the old steps, as round twelve left them -------------------------------------------------

_WORD_AFTER = re.compile(r"[ \t]{0,8}-?[ \t]{0,8}([A-Za-z]{1,20})\b")
_FIGURE_KINDS = frozenset({K.AMOUNT, K.COUNT, K.PERCENT, K.PERCENTAGE_POINTS, K.FRACTION,
                           K.FOLD, K.RATIO})


def old_direction(text: str, m: Mention) -> int:
    if m.direction or m.kind not in _FIGURE_KINDS:
        return m.direction
    lo = m.start - 40
    words = text[lo if lo > 0 else 0:m.start].rsplit(None, 2)[-2:]
    if words and key(words[-1]) in {"by", "of"}:
        words = words[:-1]
    if words and words[-1].isalpha():
        found = DIRECTION_BEFORE.get(key(words[-1]), 0)
        if found:
            return found
    after = _WORD_AFTER.match(text, m.end)
    if after is not None:
        return DIRECTION_AFTER.get(key(after.group(1)), 0)
    return 0


def old_with_directions(text: str, found: list[Mention]) -> list[Mention]:
    out = []
    for m in found:
        if m.direction or m.kind not in _FIGURE_KINDS:
            out.append(m)
            continue
        way = old_direction(text, m)
        out.append(evolve(m, direction=way) if way != m.direction else m)
    return out


def old_attach_periods(text: str, found: list[Mention]) -> list[Mention]:
    temporal = [t for t in found if t.kind in TEMPORAL_KINDS and t.period]
    if not temporal or len(temporal) == len(found):
        return found
    temporal = [t for t in temporal if not (t.upper is None and is_bound(text, t))]
    if not temporal:
        return found
    out = []
    sentences = _sentences(text)
    sentence_starts = [s[0] for s in sentences]
    temporal_starts = [t.start for t in temporal]
    for m in found:
        if m.kind in TEMPORAL_KINDS:
            out.append(m)
            continue
        at = bisect_right(sentence_starts, m.start) - 1
        low, high = (0, len(text))
        if at >= 0 and m.start < sentences[at][1] + 1:
            low, high = sentences[at][0], sentences[at][1] + 1
        i = bisect_left(temporal_starts, m.start)
        before = temporal[i - 1] if i > 0 and temporal_starts[i - 1] >= low \
            and temporal[i - 1].end <= m.start else None
        j = bisect_left(temporal_starts, m.end)
        after = temporal[j] if j < len(temporal) and temporal_starts[j] < high else None
        chosen = before or after
        if after and after.start - m.end <= 80 and _RIGHT_AFTER.fullmatch(
                text, m.end, after.start):
            chosen = after
        out.append(_dated(m, chosen.period) if chosen else m)
    return out


def old_inherit_currency(text: str, found: list[Mention]) -> list[Mention]:
    if not any(m.scale is not None and m.unit is None and m.kind == K.COUNT for m in found):
        return found
    last: Mention | None = None
    out = []
    for mention in found:
        m = mention
        if (m.kind == K.COUNT and m.unit is None and m.scale is not None and last is not None
                and m.start - last.end < 160 and "\n\n" not in text[last.end:m.start]):
            m = evolve(m, kind=K.AMOUNT, unit=last.unit, inferred=True)
        if m.kind == K.AMOUNT:
            last = m
        out.append(m)
    return out


_PARTIAL = re.compile(r"--(\d\d)-(\d\d)(?:/--(\d\d)-(\d\d))?")


def old_inherit_year(found: list[Mention]) -> list[Mention]:
    if all(m.partial is None for m in found):
        return found
    year: int | None = None
    out: list[Mention] = []
    for mention in found:
        chosen = mention
        if mention.partial is not None and year is not None:
            parts = _PARTIAL.fullmatch(mention.partial)
            if parts is not None:
                first = (int(parts[1]), int(parts[2]))
                last = (int(parts[3]), int(parts[4])) if parts[3] else first
                dated = date_mention(year, first, last, mention.start, mention.end,
                                     mention.text)
                if dated is not None:
                    chosen = evolve(dated, inferred=True)
        elif mention.kind in (K.DATE, K.YEAR) and mention.period:
            year = int(mention.period[:4])
        out.append(chosen)
    return out


def old_parse(text: str) -> tuple[Mention, ...]:
    found = read_each(text)
    if not found:
        return ()
    if len(found) == 1:
        return tuple(old_with_directions(text, found))
    found = old_inherit_year(old_inherit_currency(text, merge(text, found)))
    return tuple(old_attach_periods(text, old_with_directions(text, found)))


# --- hostile texts ------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "In 2019", "in 2015 ", "Since 2014, ", "by 2020", "between 2014 and 2019", "December 3-6",
    "May 2020", "3 December 2019", "USD 4 billion", "300 million", "EUR 2 bn", "12 bn",
    "5%", "-5%", "+26%", "10% drop", "a 5% increase", "three times lower", "rose ",
    "fell by ", "a decline of ", "grew\tby ", "rose to ", "fell from 10% to 5%", "Rose ",
    "ROSE BY ", "ſurged ", "of ", "by ", "increase", "decrease", " - up", "-down", "tripled",
    "15-fold", "a fifth", "twice", "from 21 thousand to 340 thousand containers", "30–40%",
    ". ", "; ", "! ", "\n\n", "\n", " ", ", ", "(", ")", "“", "”", "The ", "It ", "a ",
    "credit line in ", "over ", "during ", "for ", "Article 5", "pages 12–15", "x", "İ",
    " INCREASE", " Decline", "USD 18.79 million, in 2014–2019 they increased to 300 million",
])
TEXTS = st.one_of(
    st.lists(_PIECES, min_size=1, max_size=14).map("".join),
    st.lists(_PIECES, min_size=1, max_size=14).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=12).map("".join),
    st.text(max_size=60),
)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example("In 2019 it rose 5% and fell by 57%; a 10% drop in 2020")
@example("by 5% and of 6%, up 7% in 2019")
@example("a USD 7 billion credit line in 2015. In 2016 it fell 3%")
@example("Since 2014, 5% rose; 6% fell in 2015")
def test_parse_reads_as_the_old_steps_did(text: str) -> None:
    assert parse.__wrapped__(text) == old_parse(text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_each_step_gives_what_it_gave(text: str) -> None:
    """On what the scan read and on it joined, with and without periods and directions."""
    found = read_each(text)
    joined = merge(text, list(found))
    final = list(parse.__wrapped__(text))
    bare = [m if m.kind in TEMPORAL_KINDS else evolve(m, period=None, direction=0)
            for m in final]
    for mentions in (found, joined, final, bare):
        assert attach_periods(text, list(mentions)) == old_attach_periods(text, list(mentions))
        assert attach_periods(text, list(mentions), turn=True) == old_attach_periods(
            text, old_with_directions(text, list(mentions)))
        assert with_directions(text, mentions) == old_with_directions(text, mentions)
        assert [direction(text, m) for m in mentions] == [
            old_direction(text, m) for m in mentions]
        _same_guard(inherit_currency(text, mentions), old_inherit_currency(text, mentions),
                    mentions)
        _same_guard(inherit_year(mentions), old_inherit_year(mentions), mentions)


def _same_guard(new: list[Mention], old: list[Mention], given: list[Mention]) -> None:
    """The same mentions, and the list handed back as it was exactly when it was before
    (the guard that skips the walk, which would build an equal copy)."""
    assert new == old
    assert (new is given) == (old is given)


_KINDS = st.sampled_from([K.AMOUNT, K.COUNT, K.PERCENT, K.FOLD, K.YEAR, K.DATE])


@st.composite
def _mentions(draw: st.DrawFn, text: str) -> list[Mention]:
    """Mentions of any kind at any spans of ``text``, overlapping or not, sorted or not:
    the steps must agree on inputs parse never hands them too."""
    out = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        out.append(Mention(
            draw(_KINDS), Decimal(draw(st.integers(0, 3000))), start, end, text[start:end],
            draw(st.sampled_from([None, Decimal(7)])), draw(st.sampled_from([None, "USD"])),
            draw(st.sampled_from([None, Scale.MILLION])), Q.EXACT,
            draw(st.sampled_from([None, "", "2019", "2014/2019"])), Decimal(1), False, False,
            False, draw(st.sampled_from([None, "--12-03"])), draw(st.sampled_from([0, 1, -1]))))
    if draw(st.booleans()):
        out.sort(key=lambda m: m.start)
    return out


@settings(max_examples=500, deadline=None)
@given(st.data(), TEXTS)
def test_each_step_gives_what_it_gave_on_any_mentions(data: st.DataObject, text: str) -> None:
    mentions = data.draw(_mentions(text))
    assert attach_periods(text, list(mentions)) == old_attach_periods(text, list(mentions))
    assert attach_periods(text, list(mentions), turn=True) == old_attach_periods(
        text, old_with_directions(text, list(mentions)))
    assert with_directions(text, mentions) == old_with_directions(text, mentions)
    _same_guard(inherit_currency(text, mentions), old_inherit_currency(text, mentions),
                mentions)
    _same_guard(inherit_year(mentions), old_inherit_year(mentions), mentions)
