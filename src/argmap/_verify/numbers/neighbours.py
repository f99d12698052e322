"""Combining neighbouring mentions: ranges, shared units and currencies, inherited years, and
the period a sentence gives its figures."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from argmap._model import SCALE_FACTORS, QuantityKind
from argmap._recache import recompile
from argmap._verify.numbers.directions import _turned, direction, with_directions
from argmap._verify.numbers.mention import (
    FIGURE_KINDS,
    TEMPORAL_KINDS,
    K,
    Mention,
    Q,
    evolve,
    new_mention,
)
from argmap._verify.numbers.reading import date_mention
from argmap._verify.numbers.vocabulary import BOUND_WORDS

#: A range's first number may carry the qualifier of the whole range: "up to 10-25%" (the
#: gain tops out somewhere from 10% to 25%), "about 10-15%"; it is read as the range.
_RANGE_LEADS = frozenset({Q.EXACT, Q.AT_MOST, Q.APPROX})
_GAP_RANGE = recompile(r"\s*(?:[–—‒−-]|to)\s*")
_GAP_AND = recompile(r"\s+and\s+")
_GAP_CONSECUTIVE = recompile(r"\s+(?:and|to|through|until)\s+")
_GAP_TO = recompile(r"\s+to\s+")
#: What every gap above holds between its spaces: a gap that strips to none of these joins
#: nothing, and its pair needs no opener read (``\s`` is ``str.isspace``, what ``strip``
#: strips).
_CONNECTORS = frozenset({"–", "—", "‒", "−", "-", "to", "and", "through", "until"})


def _opener(text: str, m: Mention) -> str | None:
    """``between`` or ``from`` when it opens the mention or stands just before it."""
    words = m.text.split()[:1] + text[max(0, m.start - 9):m.start].split()[-1:]
    for word in words:
        if word.lower() in {"between", "from"}:
            return word.lower()
    return None


def _year_range(text: str, a: Mention, b: Mention, gap: str, opener: str | None) -> Mention | None:
    """Two years as one span: "between 2018 and 2019", "2014 to 2019", "in 2018 and 2019"."""
    if (opener == "between" and _GAP_AND.fullmatch(gap)) or (
        _GAP_CONSECUTIVE.fullmatch(gap)
        and (opener is not None or "and" not in gap or b.value == a.value + 1)
    ):
        return Mention(K.YEAR, a.value, a.start, b.end, text[a.start:b.end], upper=b.value,
                       qualifier=Q.RANGE, period=f"{int(a.value)}/{int(b.value)}")
    return None


def merge(text: str, found: list[Mention]) -> list[Mention]:
    """Join ranges ("between USD 30 and 40 million", "30–40%") and share units ("from 21
    thousand to 340 thousand containers"); ranges keep both ends, never an average."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is None:
            out.append(a)
            break
        gap = text[a.end:b.start]
        if gap.strip() not in _CONNECTORS:
            out.append(a)  # "5 of 9", "in 2020 (40%)": no range, no shared unit
            i += 1
            continue
        opener = _opener(text, a)
        joined = None
        if a.kind == b.kind == K.YEAR and a.upper is None and b.upper is None:
            joined = _year_range(text, a, b, gap, opener)
        elif a.is_figure and b.is_figure and a.upper is None and b.upper is None:
            if (opener == "between" and _GAP_AND.fullmatch(gap)) or (
                opener != "from" and _GAP_RANGE.fullmatch(gap) and a.qualifier in _RANGE_LEADS
                and b.qualifier == Q.EXACT
            ):
                joined = _range(text, a, b)
            elif opener == "from" and _GAP_TO.fullmatch(gap):
                a, b = _share_units(a, b)
                found[i + 1] = b
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _range(text: str, a: Mention, b: Mention) -> Mention | None:
    kind = b.kind if a.kind == K.COUNT else a.kind
    if b.kind not in {kind, K.COUNT}:
        return None
    if kind != K.COUNT and b.kind == K.COUNT and (b.unit is not None or a.kind == K.FOLD):
        return None  # "tripled to 300 trips", "15-fold to 340": a change, then a level
    unit = a.unit if a.kind == K.AMOUNT else (b.unit or a.unit) if kind == K.COUNT else None
    if a.kind == K.AMOUNT and b.kind == K.AMOUNT and a.unit != b.unit:
        return None
    end = b.end
    if kind != K.COUNT and b.kind == K.COUNT and b.unit is not None:
        # "between USD 30 and 40 million trade": the word after is not a counted unit
        end = b.start + b.text.rstrip().rfind(b.unit.split()[0])
        end = b.start + len(text[b.start:end].rstrip())
    low, high, scale = a.value, b.value, b.scale or a.scale
    if a.scale and b.scale and a.scale != b.scale:
        scale = min(a.scale, b.scale, key=lambda s: SCALE_FACTORS[s])
        low = a.magnitude / SCALE_FACTORS[scale]
        high = b.magnitude / SCALE_FACTORS[scale]
    if high <= low:
        return None
    return Mention(kind, low, a.start, end, text[a.start:end], upper=high, unit=unit,
                   scale=scale, qualifier=Q.RANGE, step=min(a.step, b.step))


def _share_units(a: Mention, b: Mention) -> tuple[Mention, Mention]:
    """"from 21 thousand to 340 thousand containers", "from 10 to 15%": the first number
    takes the unit, currency or percent sign the second one carries."""
    if a.kind == K.COUNT and a.unit is None and b.kind in {K.PERCENT, K.PERCENTAGE_POINTS}:
        a = _counted(a, b.kind, a.unit)
    elif a.kind == K.COUNT and b.kind in {K.COUNT, K.AMOUNT} and a.unit is None:
        a = _counted(a, b.kind, b.unit)  # "from 4,414 to 7,774 containers": most shares
    elif b.kind == K.COUNT and a.kind == K.AMOUNT and b.unit is None:
        b = _counted(b, K.AMOUNT, a.unit)
    return a, b


def _counted(m: Mention, kind: QuantityKind, unit: str | None) -> Mention:
    """``evolve(m, kind=kind, unit=unit)``, built directly."""
    return new_mention(kind, m.value, m.start, m.end, m.text, m.upper, unit, m.scale,
                       m.qualifier, m.period, m.step, m.near, m.vague, m.inferred, m.partial,
                       m.direction)


def inherit_currency(text: str, found: list[Mention]) -> list[Mention]:
    """A bare scaled number soon after an amount takes its currency ("a mere USD 18.79
    million, in 2014–2019 they increased to 300 million"), marked ``inferred``."""
    for m in found:  # a loop, where any() over a generator ran a frame per figure
        if m.scale is not None and m.unit is None and m.kind == K.COUNT:
            break
    else:
        return found  # no bare scaled number: nothing to give a currency (most texts)
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


_PARTIAL = recompile(r"--(\d\d)-(\d\d)(?:/--(\d\d)-(\d\d))?")


def inherit_year(found: list[Mention]) -> list[Mention]:
    """A date without a year ("December 3-6") takes the year of the nearest date before it.

    The result is marked ``inferred``; with no earlier year in the text it stays partial.
    """
    for m in found:  # a loop, where all() over a generator ran a frame per figure
        if m.partial is not None:
            break
    else:
        return found  # no date without a year (most texts)
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


def is_bound(text: str, m: Mention) -> bool:
    """A year or date introduced by since/by/until/before/after/from bounds a change; it does
    not name the period a figure is about ("Since 2014 investment grew by USD 2 billion")."""
    lo = m.start - 8  # a conditional, where max() was a call
    lead = text[lo if lo > 0 else 0:m.start].lower().split()
    return bool(lead) and lead[-1] in BOUND_WORDS


#: Where a sentence ends: after ".", "!", "?" or ";" (and a closing quote or bracket), before
#: spaces and a capital or an opening quote; or at a blank line. Each match starts with the
#: "." (or the first line break), so the pattern starts with one class of characters that the
#: regex engine looks for in C; the sentence ends one after the "." (see ``_sentences``).
_SENTENCE_END = recompile(
    r"[.!?;\n](?:(?<=[.!?;])[”’\"')]?\s+(?=[A-Z“‘\"(])|(?<=\n)\s*\n)")
_RIGHT_AFTER = recompile(r"[\s\w’'-]{0,25}?\b(?:in|during|for|over|between)\s+", re.DOTALL)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        bounds.append((start, end if text[end] == "\n" else end + 1))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _dated(m: Mention, period: str | None, direction: int | None = None) -> Mention:
    """``evolve(m, period=period)``, built directly: most figures of a text are given one;
    with ``direction``, that direction too (:func:`attach_periods` turns figures)."""
    return new_mention(m.kind, m.value, m.start, m.end, m.text, m.upper, m.unit, m.scale,
                       m.qualifier, period, m.step, m.near, m.vague, m.inferred, m.partial,
                       m.direction if direction is None else direction)


#: A figure's ``period`` and ``direction`` set on the figure itself (the slots' own setters,
#: past the frozen class's ``__setattr__``): only for :func:`attach_periods`'s ``fresh``.
_SET_PERIOD = vars(Mention)["period"].__set__
_SET_DIRECTION = vars(Mention)["direction"].__set__


def attach_periods(text: str, found: list[Mention], turn: bool = False,
                   fresh: bool = False) -> list[Mention]:
    """Give each figure the period its sentence states: the nearest before it, else after.

    With ``turn``, also each figure's direction, as :func:`~.directions.with_directions`
    gives it, in the same pass: one mention built per figure where the two steps built two,
    and one list walked (``parse`` passes it). With ``fresh`` (``parse``: the figures were
    built for this call, and nothing else holds them yet), a figure is given its period
    and its direction in place, not copied: each figure is then built once (19,000 copies at
    10,000 claims, about 6,000 instructions each, against two stores of about 400)."""
    # found is in text order and its spans do not overlap: bisect instead of scanning
    temporal = [t for t in found if t.kind in TEMPORAL_KINDS and t.period]
    if not temporal or len(temporal) == len(found):
        # no period to give, or no figure to give it to (no bound read)
        return with_directions(text, found) if turn else found
    temporal = [t for t in temporal if not (t.upper is None and is_bound(text, t))]
    if not temporal:
        return with_directions(text, found) if turn else found
    out = []
    # one sentence (most texts: no sentence end found): every figure's bounds are the
    # text's, without the list of sentences and a search in it for each figure
    sentences = _sentences(text) if _SENTENCE_END.search(text) is not None else None
    sentence_starts = [s[0] for s in sentences] if sentences is not None else []
    temporal_starts = [t.start for t in temporal]
    count = len(temporal)
    whole = len(text) + 1
    for m in found:
        kind = m.kind
        if kind in TEMPORAL_KINDS:
            out.append(m)
            continue
        start, end = m.start, m.end
        if sentences is None:
            low, high = 0, whole  # the one sentence (0, len(text)), as below
        else:
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
                chosen = after  # "a USD 7 billion credit line in 2015"
        way = m.direction
        if turn and not way and kind in FIGURE_KINDS:
            way = direction(text, m)
        if chosen is not None and fresh:
            _SET_PERIOD(m, chosen.period)
            if way != m.direction:
                _SET_DIRECTION(m, way)
            out.append(m)
        elif chosen is not None:
            out.append(_dated(m, chosen.period, way))
        elif way != m.direction and fresh:
            _SET_DIRECTION(m, way)
            out.append(m)
        elif way != m.direction:
            out.append(_turned(m, way))
        else:
            out.append(m)
    return out
