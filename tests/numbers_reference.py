"""The code round seven's cheaper number grammar replaced, kept as the reference its tests
compare the new code with (tests/test_numbers_grammar_reference.py): exactly as it was, but
for the helpers it shares with the new code, imported from where they live."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.numbers.directions import _WORD_AFTER
from argmap._verify.numbers.grammar import (
    LEAD_A,
    LEAD_CURRENCY,
    LEAD_QUALIFIER,
    LINE_END_HYPHEN,
    YEAR_RE,
)
from argmap._verify.numbers.labels import _COMMON, _LIST_GAP
from argmap._verify.numbers.mention import TEMPORAL_KINDS, Mention, evolve
from argmap._verify.numbers.neighbours import (
    _GAP_AND,
    _GAP_RANGE,
    _PARTIAL,
    _RANGE_LEADS,
    _RIGHT_AFTER,
    _opener,
    _range,
    _share_units,
    _year_range,
)
from argmap._verify.numbers.reading import (
    _CURRENCY_AFTER,
    _CURRENCY_BEFORE,
    _FOOTNOTED_YEAR,
    _HYPHEN_UNIT,
    _NOUN_AFTER,
    _PART_OF_YEAR,
    _TEU_NAME,
    _VERSION_BEFORE,
    _bound_after,
    _factor,
    _fold_verb,
    _fold_word,
    _Lead,
    _lead,
    _norm,
    _scale,
    _word_value,
    date_mention,
    decimal,
    fraction_value,
    key,
    unit_name,
)
from argmap._verify.numbers.reading import _WORD_AFTER as _UNIT_WORD_AFTER
from argmap._verify.numbers.scanning import _BY_BREAKS, _cores
from argmap._verify.numbers.vocabulary import (
    BOUND_WORDS,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    LABEL_WORDS,
    NOUN_SINGULARS,
    UNIT_SYMBOLS,
    VAGUE_WORDS,
)

K = QuantityKind
Q = Qualifier
Groups = Callable[[str], Any]

# --- reading.py: a quantity's groups asked one by one (round six) ----------------------------


def read_quantity(m: re.Match[str], text: str) -> Mention | None:
    """A fold verb, a fraction, a vague count, or a number with what goes with it."""
    g: Groups = m.group
    lead = _lead(g("qual"))
    if g("foldverb") is not None:
        return _fold_verb(m, g("foldverb"), lead)
    if g("foldword") is not None or g("twice") is not None:
        return _fold_word(m, g("foldword") or g("twice") or "", lead)
    if g("frac") is not None:
        return _fraction(m, g, lead)
    if g("vague") is not None:
        return Mention(K.COUNT, Decimal(VAGUE_WORDS[key(g("vague"))]), m.start(), m.end(),
                       m.group(), qualifier=Q.AT_LEAST, vague=True)
    return _number(m, g, text, lead)


def _fraction(m: re.Match[str], g: Groups, lead: _Lead) -> Mention | None:
    if g("fr_n") is None or g("fr_d") is None:  # a lone "half"
        numerator, denominator = 1, 2
    else:
        numerator = FRACTION_NUMERATORS[key(g("fr_n"))]
        denominator = FRACTION_DENOMINATORS[key(g("fr_d"))]
    if numerator >= denominator:
        return None  # "two halves", "three thirds": a whole, not a share of one
    return Mention(K.FRACTION, fraction_value(numerator, denominator), m.start(), m.end(),
                   m.group(), qualifier=lead.qualifier, near=lead.near, step=Decimal("0.05"))


def _number(m: re.Match[str], g: Groups, text: str, lead: _Lead) -> Mention | None:
    """A number in digits or words, with its currency, scale, percent or fold, and after it
    a bound ("or more") or the counted noun."""
    read = _digits(m, g, text) if g("num") is not None else _words(g)
    if not isinstance(read, tuple):
        return read
    value, step = read
    glue = key(g("glue") or "")
    currency = _currency(g)
    if glue == "m" and not currency:
        return None  # "5m" is as likely metres as millions
    scale = _scale(g("scale"), glue)
    if _is_year(g, glue, currency, scale, lead):
        return _year_or_decade(m, g, text, glue)
    if glue == "s":
        return None
    kind = _kind(g, currency)
    if kind == K.FOLD and key(g("fold") or "").endswith("times") and value == value.to_integral(
            ) and not _factor(m, text):
        kind = K.COUNT  # "visited China 12 times": occasions, no factor
    unit = currency if kind == K.AMOUNT else None
    start, end = m.start(), m.end()
    if kind == K.COUNT and g("uglue"):
        unit = UNIT_SYMBOLS[g("uglue")]
    elif kind == K.COUNT and not g("post") and not g("fold"):
        unit, end = counted_unit(text, end)
    qualifier = _bound_after(g("post")) if g("post") else lead.qualifier
    if lead.word in {"from", "between"}:
        qualifier = Q.EXACT
        if lead.word == "from":  # "from 21 thousand to ...": "from" is not part of the figure
            start = m.start("cur") if g("cur") else m.start(
                "sign" if g("sign") else "num" if g("num") else "word")
    direction = 0
    if g("sign"):
        direction = 1 if g("sign") == "+" else -1
        value = -value if direction < 0 else value
    return Mention(kind, value, start, end, text[start:end], unit=unit, scale=scale,
                   qualifier=qualifier, step=step, near=lead.near, direction=direction)


def _digits(m: re.Match[str], g: Groups, text: str) -> tuple[Decimal, Decimal] | Mention | None:
    """The value and step of a number in digits; a year with a footnote marker ("in
    2019.7") is read as that year; a number inside a name or licence is none."""
    digits = g("num") or ""
    at = m.start("num")
    footnoted = _FOOTNOTED_YEAR.fullmatch(digits)
    if footnoted and not any(g(name) for name in ("cur", "scale", "pct", "pp", "fold", "glue",
                                                  "curpost")):
        return Mention(K.YEAR, Decimal(footnoted.group(1)), at, at + 4, text[at:at + 4],
                       period=footnoted.group(1))
    if at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha() and not (
            _PART_OF_YEAR.search(text, max(0, at - 7), at) and YEAR_RE.fullmatch(digits)):
        return None  # "Covid-19", "za-5-let" in a URL slug: part of a name
    value_step = decimal(digits)
    if _VERSION_BEFORE.search(text[max(0, at - 12):at]):
        return None  # "CC BY-SA 4.0"
    return value_step


def _words(g: Groups) -> tuple[Decimal, Decimal] | None:
    """The value of a number in words; "a" or "one" alone is a figure only with a scale,
    currency or percent ("a million", "one per cent")."""
    word = _norm(g("word") or "")
    if word in {"a", "an", "one"} and not (g("scale") or g("cur") or g("pct")):
        return None
    return _word_value(word), Decimal(1)


def _currency(g: Groups) -> str | None:
    """The currency written before the number, else the one written after it."""
    currency = _CURRENCY_BEFORE.get(g("cur").lower()) if g("cur") else None
    if g("curpost"):
        currency = currency or _CURRENCY_AFTER[_norm(g("curpost"))]
    return currency


def _is_year(g: Groups, glue: str, currency: str | None, scale: Scale | None,
             lead: _Lead) -> bool:
    """A plain four-digit number from 1800 to 2100 is a year, unless a currency, scale,
    percent, fold, bound or qualifier makes it a figure ("over 2000 MPs")."""
    if glue not in {"", "s"} or YEAR_RE.fullmatch(g("num") or "") is None:
        return False
    if currency or scale or g("pct") or g("pp") or g("fold") or g("post") or g("sign"):
        return False
    if g("uglue") or g("xglue"):
        return False
    return lead.qualifier in {Q.EXACT, Q.RANGE} or glue == "s"


def _year_or_decade(m: re.Match[str], g: Groups, text: str, glue: str) -> Mention | None:
    """A year, or a decade ("the 2000s"); the span starts at the year: "in 2019" is a year,
    "from" / "just" are not part of it."""
    year = int(g("num") or "")
    start, end = m.start("num"), m.end()
    if glue != "s":
        return Mention(K.YEAR, Decimal(year), start, end, text[start:end], period=f"{year:04d}")
    if year % 10:
        return None
    return Mention(K.YEAR, Decimal(year), start, end, text[start:end], upper=Decimal(year + 9),
                   qualifier=Q.RANGE, period=f"{year}/{year + 9}")


def _kind(g: Groups, currency: str | None) -> QuantityKind:
    if g("pct"):
        return K.PERCENT
    if g("pp"):
        return K.PERCENTAGE_POINTS
    if g("fold") or g("xglue"):
        return K.FOLD
    return K.AMOUNT if currency else K.COUNT


# --- neighbours.py: the sentences found by a pattern tried at every character; each dated
# figure built by ``evolve`` (round six) -----------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?;])[”’\"')]?\s+(?=[A-Z“‘\"(])|\n\s*\n")


def sentences_of(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def attach_periods(text: str, found: list[Mention]) -> list[Mention]:
    """Give each figure the period its sentence states: the nearest before it, else after."""
    # found is in text order and its spans do not overlap: bisect instead of scanning
    temporal = [t for t in found if t.kind in TEMPORAL_KINDS and t.period
                and not (t.upper is None and is_bound(text, t))]
    if not temporal or len(temporal) == len(found):
        return found  # no period to give, or no figure to give it to
    out = []
    sentences = sentences_of(text)
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
            chosen = after  # "a USD 7 billion credit line in 2015"
        out.append(evolve(m, period=chosen.period) if chosen else m)
    return out


# --- neighbours.py: every pair's opener read before its gap was looked at (round six) -----


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
            elif opener == "from" and re.fullmatch(r"\s+to\s+", gap):
                a, b = _share_units(a, b)
                found[i + 1] = b
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# --- neighbours.py: currencies and years inherited, every mention copied (round six) ----------


def inherit_currency(text: str, found: list[Mention]) -> list[Mention]:
    """A bare scaled number soon after an amount takes its currency ("a mere USD 18.79
    million, in 2014–2019 they increased to 300 million"), marked ``inferred``."""
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


def inherit_year(found: list[Mention]) -> list[Mention]:
    """A date without a year ("December 3-6") takes the year of the nearest date before it.

    The result is marked ``inferred``; with no earlier year in the text it stays partial.
    """
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


# --- directions.py: is_figure asked, the window split whole, evolve (round six) ---------------


def direction(text: str, m: Mention) -> int:
    """+1, -1 or 0 for a figure of ``text``: its sign, else the word just before or after."""
    if m.direction or not m.is_figure:
        return m.direction
    words = text[max(0, m.start - 40):m.start].split()[-2:]
    if words and key(words[-1]) in {"by", "of"}:
        words = words[:-1]  # "fell by 57%", "a decline of 10%"
    if words and words[-1].isalpha():
        found = DIRECTION_BEFORE.get(key(words[-1]), 0)
        if found:
            return found
    after = _WORD_AFTER.match(text, m.end)
    if after is not None:
        return DIRECTION_AFTER.get(key(after.group(1)), 0)
    return 0


def with_directions(text: str, found: list[Mention]) -> list[Mention]:
    """Each figure with the direction the words around it give."""
    out = []
    for m in found:
        way = direction(text, m)
        out.append(evolve(m, direction=way) if way != m.direction else m)
    return out


# --- labels.py: the spans asked one by one (round six) ---------------------------------------


def is_label(match: re.Match[str], text: str, label_end: int) -> bool:
    """Whether a matched plain number names something; ``label_end`` is where the last
    label read ended (-1 for none), so that a list of labels stays labels."""
    start, end = match.span("qty")
    if start < 0 or match.start() != start:
        return False  # not a number, or a qualifier before it
    core = "num" if match.start("num") >= 0 else "word"
    if match.span(core) != (start, end):
        return False  # a sign, currency, scale, percent, fold, unit or bound goes with it
    if label_end >= 0 and _LIST_GAP.fullmatch(text, label_end, start):
        return True
    before = word_before(text, start)
    if before is None:
        return False
    word = before.lstrip("([{“‘\"'")
    if key(word) in LABEL_WORDS:
        return True
    digits = match.group("num")
    if digits and YEAR_RE.fullmatch(digits):
        return False  # "Summer 2019", "Horizon 2020": a year after a name stays a year
    if not (len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False  # a name is one capitalised word: not "Minsk," nor "USD" nor "the"
    if key(word) in _COMMON:
        return False
    return counted_unit(text, end)[0] is None  # "Belarus 300 MPs" is a count


# --- round seven's reading loop (round eight asks for the date and years groups in one call) ---


def read_each(text: str) -> list[Mention]:
    from argmap._verify.numbers.reading import read_date, read_quantity, read_years
    from argmap._verify.numbers.scanning import mask, matches, starts

    masked = mask(text)
    at = starts(masked)
    if not at:
        return []
    found: list[Mention] = []
    label_end = -1
    for match in matches(masked, at):
        mention: Mention | None
        if is_label(match, masked, label_end):
            label_end = match.end()
            continue
        if match.group("date") is not None:
            mention = read_date(match)
        elif match.group("years") is not None:
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


# --- round seven's starts (round eight steps through a digit run that is its only lead
# without building the list of its leads) ---


def starts(masked: str) -> list[tuple[int, re.Pattern[str]]]:
    """Round seven's ``scanning.starts``: a list of leads for every core, the core alone
    included."""
    breaks = "\n" in masked and LINE_END_HYPHEN.search(masked) is not None
    cores = _cores(masked, breaks)
    if not cores:
        return []
    n = len(masked)
    backwards = masked[::-1]
    lead_a, lead_currency, lead_qualifier = LEAD_A.match, LEAD_CURRENCY.match, LEAD_QUALIFIER.match
    found: dict[int, str] = {}
    for core in cores:
        if masked[core].isdecimal():
            if core and masked[core - 1] in ",.":
                continue  # "416" of "2,416", "2" of "89.2": every digit alternative looks
                # behind for these, and no sign, currency or space before them leads anything
            leads = [core, core - 1] if core and masked[core - 1] in "-+−" else [core]
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
                continue  # no space before the lead: no qualifier (``\s`` is ``str.isspace``)
            lead = lead_qualifier(backwards, n - at)
            if lead:
                first = n - lead.end()  # a qualifier's first letter: never a digit
                found[first] = "PATTERN" if masked[first].isdecimal() else "AT_QUALIFIER"
    variants = _BY_BREAKS[breaks]
    return [(at, variants[name]) for at, name in sorted(found.items())]


def counted_unit(text: str, end: int) -> tuple[str | None, int]:
    """Round nine's: both hyphen patterns tried after every count (round ten tries them only
    where a hyphen follows)."""
    teu = _TEU_NAME.match(text, end)
    if teu:
        return "TEU", teu.end()
    hyphen = _HYPHEN_UNIT.match(text, end)
    if hyphen:
        name = unit_name(hyphen.group(1))
        return (name, hyphen.end()) if name else (None, end)
    match = _UNIT_WORD_AFTER.match(text, end)
    if not match:
        return None, end
    name = unit_name(match.group(1))
    if name and key(match.group(1)) in NOUN_SINGULARS:
        head = _NOUN_AFTER.match(text, match.end(1))
        head_name = unit_name(head.group(1)) if head else None
        if head and head_name and key(head.group(1)) == key(head_name):
            return head_name, head.end(1)
    return (name, match.end(1)) if name else (None, end)


def word_before(text: str, at: int) -> str | None:
    """Round nine's (round ten writes its ``max`` call as a conditional)."""
    lo = max(0, at - 48)
    head = text[lo:at]
    stripped = head.rstrip()
    if not stripped or head.count("\n", len(stripped)) > 1:
        return None
    word = stripped.rsplit(None, 1)[-1]
    if lo > 0 and len(word) == len(stripped) and not text[lo - 1].isspace():
        return None
    return word


def is_bound(text: str, m: Mention) -> bool:
    """Round nine's (round ten writes its ``max`` call as a conditional)."""
    lead = text[max(0, m.start - 8):m.start].lower().split()
    return bool(lead) and lead[-1] in BOUND_WORDS
