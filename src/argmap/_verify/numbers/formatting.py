"""The canonical English phrase for a mention; :func:`~.parsing.parse` reads it back."""

from __future__ import annotations

from decimal import Decimal

from argmap._model import Qualifier, QuantityKind
from argmap._verify.numbers.mention import TEMPORAL_KINDS, Mention
from argmap._verify.numbers.reading import fraction_value
from argmap._verify.numbers.vocabulary import (
    DIRECTION_WORDS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    MONTHS,
    QUALIFIER_WORDS,
    VAGUE_WORDS,
)

K = QuantityKind
Q = Qualifier


def _first_word_of_each(words: dict[str, int]) -> dict[int, str]:
    """Value -> the first word the table lists for it (``{2: "half"}``)."""
    first: dict[int, str] = {}
    for word, value in words.items():
        first.setdefault(value, word)
    return first


_DENOMINATOR_WORDS = _first_word_of_each(FRACTION_DENOMINATORS)
_NUMERATOR_WORDS = _first_word_of_each(FRACTION_NUMERATORS)
_VAGUE_BY_VALUE = {value: word for word, value in VAGUE_WORDS.items()}
#: Fraction value -> the smallest (numerator, denominator) that writes it.
_FRACTION_NAMES: dict[Decimal, tuple[int, int]] = {}
for _d in range(2, 11):
    for _n in range(1, _d):
        _FRACTION_NAMES.setdefault(fraction_value(_n, _d), (_n, _d))


def _digits(value: Decimal) -> str:
    """Plain digits with thousands commas; string work only, so that a number of any length
    is written (``int()`` refuses more than 4,300 digits)."""
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.removeprefix("-").partition(".")
    if len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = ",".join([whole[:head], *(whole[i:i + 3] for i in range(head, len(whole), 3))])
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def _core(m: Mention, value: Decimal) -> str:
    number = _digits(value)
    if m.kind == K.PERCENT:
        return f"{number}%"
    if m.kind == K.PERCENTAGE_POINTS:
        return f"{number} percentage points"
    if m.kind == K.FOLD:
        return f"{number}-fold"
    if m.kind == K.RATIO:
        return f"{number}:1"
    if m.kind == K.FRACTION:
        if value.normalize() not in _FRACTION_NAMES:
            return f"{number} (a fraction)"  # a declared value no fraction word writes
        numerator, denominator = _FRACTION_NAMES[value.normalize()]
        word = _DENOMINATOR_WORDS[denominator]
        if numerator == 1:
            return f"a {word}"
        return f"{_NUMERATOR_WORDS[numerator]}-{word}s"
    return number


def _format_period(period: str) -> str:
    parts = period.split("/")
    if len(parts) == 1:
        return _format_date(parts[0])
    first, last = (p.split("-") for p in parts)
    if len(first) == len(last) == 1:
        return f"{first[0]}–{last[0]}"
    if len(first) == len(last) == 2 and first[0] == last[0]:
        return f"{MONTHS[int(first[1]) - 1]}–{MONTHS[int(last[1]) - 1]} {first[0]}"
    if len(first) == len(last) == 3 and first[:2] == last[:2]:
        return f"{int(first[2])}–{int(last[2])} {MONTHS[int(first[1]) - 1]} {first[0]}"
    return f"{_format_date(parts[0])} – {_format_date(parts[1])}"


def _format_date(part: str) -> str:
    pieces = part.split("-")
    if len(pieces) == 1:
        return pieces[0]
    if len(pieces) == 2:
        return f"{MONTHS[int(pieces[1]) - 1]} {pieces[0]}"
    return f"{int(pieces[2])} {MONTHS[int(pieces[1]) - 1]} {pieces[0]}"


def _format_temporal(m: Mention) -> str:
    if m.period is not None:
        return _format_period(m.period)
    if m.partial is not None:
        months_days = [p.removeprefix("--").split("-") for p in m.partial.split("/")]
        month = MONTHS[int(months_days[0][0]) - 1]
        days = "–".join(str(int(md[1])) for md in months_days)
        return f"{month} {days}"
    return _digits(m.value)


def format_mention(m: Mention) -> str:
    """The canonical English phrase for a quantity; :func:`parse` reads it back to itself."""
    if m.vague:
        word = _VAGUE_BY_VALUE.get(int(m.value))
        if word:
            return f"{word} of"
    if m.kind in TEMPORAL_KINDS:
        return _format_temporal(m)
    scale = f" {m.scale.value}" if m.scale else ""
    currency = f"{m.unit} " if m.kind == K.AMOUNT and m.unit else ""
    count_unit = f" {m.unit}" if m.kind == K.COUNT and m.unit else ""
    if m.qualifier == Q.RANGE and m.upper is not None:
        if m.kind in {K.AMOUNT, K.COUNT}:
            return _direction(m, f"between {currency}{_digits(m.value)} and "
                                 f"{_digits(m.upper)}{scale}{count_unit}")
        return _direction(m, f"between {_core(m, m.value)} and {_core(m, m.upper)}")
    phrase = f"{currency}{_core(m, m.value)}{scale}{count_unit}"
    word = QUALIFIER_WORDS.get((m.qualifier, m.near)) or QUALIFIER_WORDS.get(
        (m.qualifier, False))
    return _direction(m, f"{word} {phrase}" if word else phrase)


def _direction(m: Mention, phrase: str) -> str:
    """"rising 5%" / "falling 5%" for a change whose direction a word gave ("rose by 5%"); a
    signed number ("-5%") carries its own."""
    if m.direction == 0 or (m.direction < 0 and m.value < 0):
        return phrase
    return f"{DIRECTION_WORDS[m.direction]} {phrase}"
