"""Every word in the number grammar's vocabulary is read as its table says.

The patterns are generated from ``argmap._verify.numbers.vocabulary``, so a word added to a
table needs no other change; these tests read each word of each table in a sentence, through
the whole of ``parse`` (the start-finding scan included), to hold that promise.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.numbers import Mention, format_mention, parse
from argmap._verify.numbers.grammar import FOLD_WORD_NAMES
from argmap._verify.numbers.vocabulary import (
    COUNT_UNITS,
    CURRENCIES,
    DIGIT_WORDS,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    DIRECTION_WORDS,
    FOLD_VERB_ENDINGS,
    FOLD_VERBS,
    FOLD_WORDS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    LABEL_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    OR_BOUNDS,
    QUALIFIER_WORDS,
    QUALIFIERS,
    SCALE_WORDS,
    TENS_WORDS,
    TIMES_AFTER,
    TIMES_BEFORE,
    TIMES_WORDS,
    UNIT_WORDS,
    VAGUE_WORDS,
)

K, Q = QuantityKind, Qualifier


def _one(text: str) -> Mention:
    found = parse(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(
    ("code", "token"), [(code, t) for code, c in CURRENCIES.items() for t in c.before]
)
def test_currency_written_before_the_number(code: str, token: str) -> None:
    m = _one(f"Trade reached {token} 4 billion.")
    assert (m.kind, m.unit, m.scale, m.text) == (K.AMOUNT, code, Scale.BILLION,
                                                 f"{token} 4 billion")


@pytest.mark.parametrize(
    ("code", "name"), [(code, n) for code, c in CURRENCIES.items() for n in c.after]
)
def test_currency_written_after_the_number(code: str, name: str) -> None:
    m = _one(f"Trade reached 4 billion {name}.")
    assert (m.kind, m.unit, m.scale) == (K.AMOUNT, code, Scale.BILLION)


@pytest.mark.parametrize("word", list(SCALE_WORDS))
def test_scale_word(word: str) -> None:
    scale_word = SCALE_WORDS[word]
    if scale_word.spaced:
        assert _one(f"Trade reached USD 4 {word}.").scale == scale_word.scale
    else:
        assert parse(f"Trade reached USD 4 {word}.")[0].scale is None
    glued = parse(f"Trade reached USD 4{word}.")
    assert (glued[0].scale if glued else None) == (scale_word.scale if scale_word.glued
                                                   else None)


@pytest.mark.parametrize("phrase", list(QUALIFIERS))
def test_qualifier(phrase: str) -> None:
    qualifier, near = QUALIFIERS[phrase]
    m = _one(f"The body had {phrase} 300 members.")
    if phrase in {"between", "from"}:  # they open a range; alone they leave the figure exact
        qualifier = Q.EXACT
    assert (m.qualifier, m.near, m.value) == (qualifier, near, Decimal(300))


@pytest.mark.parametrize(("words", "qualifier"), QUALIFIER_WORDS.items())
def test_the_formatter_writes_qualifiers_the_grammar_reads(
    words: tuple[Qualifier, bool], qualifier: str
) -> None:
    assert QUALIFIERS[qualifier] == words
    m = Mention(K.COUNT, Decimal(300), 0, 3, "300", qualifier=words[0], near=words[1])
    assert format_mention(m) == f"{qualifier} 300"


@pytest.mark.parametrize(("word", "value"), [*UNIT_WORDS.items(), *TENS_WORDS.items()])
def test_number_word(word: str, value: int) -> None:
    m = _one(f"Trade reached USD {word} million.")
    assert (m.value, m.scale) == (Decimal(value), Scale.MILLION)


@pytest.mark.parametrize(("word", "value"), DIGIT_WORDS.items())
def test_digit_word_after_tens(word: str, value: int) -> None:
    assert _one(f"They made twenty-{word} trips.").value == Decimal(20 + value)


@pytest.mark.parametrize("numerator", list(FRACTION_NUMERATORS))
@pytest.mark.parametrize("denominator", list(FRACTION_DENOMINATORS))
def test_fraction_words(numerator: str, denominator: str) -> None:
    text = f"It is {numerator} {denominator} of the total."
    top, bottom = FRACTION_NUMERATORS[numerator], FRACTION_DENOMINATORS[denominator]
    if top >= bottom:  # "two halves", "three thirds": a whole or more is no fraction
        assert [m for m in parse(text) if m.kind == K.FRACTION] == []
        return
    m = _one(text)
    value = Decimal(top) / bottom
    assert m.kind == K.FRACTION
    assert m.value == value.quantize(Decimal("0.0001")).normalize()


@pytest.mark.parametrize(("word", "value"), VAGUE_WORDS.items())
def test_vague_word(word: str, value: int) -> None:
    m = _one(f"There were {word} of visits.")
    assert (m.kind, m.value, m.vague, m.qualifier) == (K.COUNT, Decimal(value), True,
                                                       Q.AT_LEAST)


@pytest.mark.parametrize("ending", FOLD_VERB_ENDINGS)
@pytest.mark.parametrize("stem", list(FOLD_VERBS))
def test_fold_verb(stem: str, ending: str) -> None:
    m = _one(f"Exports {stem}{ending} last year.")
    assert (m.kind, m.value) == (K.FOLD, FOLD_VERBS[stem])


@pytest.mark.parametrize("word", TIMES_BEFORE)
def test_times_is_a_fold_before(word: str) -> None:
    assert _one(f"He came 3 times {word} big.").kind == K.FOLD


@pytest.mark.parametrize("word", sorted(TIMES_AFTER))
def test_times_is_a_fold_after(word: str) -> None:
    assert _one(f"Traffic {word} 3 times in a year.").kind == K.FOLD
    assert _one("He came 3 times in a year.").kind == K.COUNT  # occasions


@pytest.mark.parametrize(("word", "value"), TIMES_WORDS.items())
@pytest.mark.parametrize("after", TIMES_BEFORE)
def test_twice_is_a_fold_only_before_a_comparison(word: str, value: Decimal,
                                                   after: str) -> None:
    m = _one(f"It is {word} {after} big.")
    assert (m.kind, m.value, m.text) == (K.FOLD, value, word)
    assert parse(f"He came {word}.") == ()


@pytest.mark.parametrize("word", FOLD_WORD_NAMES)
def test_number_word_glued_to_fold(word: str) -> None:
    value = UNIT_WORDS.get(word) or TENS_WORDS.get(word) or FOLD_WORDS[word]
    m = _one(f"Exports grew {word}fold in a decade.")
    assert (m.kind, m.value, m.text, m.direction) == (K.FOLD, Decimal(value), f"{word}fold", 1)


@pytest.mark.parametrize(("name", "unit"), COUNT_UNITS.items())
def test_count_unit(name: str, unit: object) -> None:
    symbols, words = unit  # type: ignore[misc]
    for written in [*symbols, *words]:
        m = _one(f"They counted 16 {written} in all.")
        assert (m.kind, m.unit, m.text) == (K.COUNT, name, f"16 {written}"), written
    for symbol in symbols:  # glued to the digits
        m = _one(f"They counted 16{symbol} in all.")
        assert (m.kind, m.unit, m.text) == (K.COUNT, name, f"16{symbol}"), symbol


@pytest.mark.parametrize("word", sorted(LABEL_WORDS))
def test_label_word(word: str) -> None:
    for written in (word, word.capitalize()):
        assert [m.text for m in parse(f"See {written} 12 and 13 for it.")] == [], written
    # a figure after the label still is one
    assert [m.text for m in parse(f"See {word} 12: exports grew 15%.")] == ["15%"]


@pytest.mark.parametrize(("word", "way"), DIRECTION_BEFORE.items())
def test_direction_word_before(word: str, way: int) -> None:
    assert _one(f"Exports {word} 15% last year.").direction == way
    assert _one(f"Exports {word} by 15% last year.").direction == way
    assert _one(f"Exports {word} to 15% last year.").direction == 0  # a level, not a change


@pytest.mark.parametrize(("word", "way"), DIRECTION_AFTER.items())
def test_direction_word_after(word: str, way: int) -> None:
    assert _one(f"A 15% {word} was seen.").direction == way


@pytest.mark.parametrize(("way", "word"), DIRECTION_WORDS.items())
def test_the_formatter_writes_directions_the_grammar_reads(way: int, word: str) -> None:
    assert DIRECTION_BEFORE[word] == way
    m = Mention(K.PERCENT, Decimal(5), 0, 2, "5%", direction=way)
    assert format_mention(m) == f"{word} 5%"


@pytest.mark.parametrize(("word", "qualifier"), OR_BOUNDS.items())
def test_bound_after_the_number(word: str, qualifier: Qualifier) -> None:
    assert _one(f"The body had 300 or {word} members.").qualifier == qualifier


@pytest.mark.parametrize(
    ("name", "number"),
    [*((m, i) for i, m in enumerate(MONTHS, 1)), *MONTH_ABBREVIATIONS.items()],
)
def test_month(name: str, number: int) -> None:
    assert _one(f"It met on 3 {name} 2020.").period == f"2020-{number:02d}-03"


def test_the_docs_list_every_count_unit_label_word_and_direction_word() -> None:
    """docs/numbers.md states the closed vocabularies: each unit with its spellings, each
    label word, each direction word."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "numbers.md").read_text(
        encoding="utf-8")
    units = text[text.index("### Count units"):text.index("### Label words")]
    for name, unit in COUNT_UNITS.items():
        assert f"`{name}`" in units, name
        for spelling in [*unit.symbols, *unit.words]:
            assert spelling in units, spelling
    labels = text[text.index("### Label words"):text.index("### Direction words")]
    assert sorted(re.findall(r"`([^`]+)`", labels)) == sorted(LABEL_WORDS)
    directions = text[text.index("### Direction words"):]
    directions = directions[:directions.index("\n## ")]
    for word in [*DIRECTION_BEFORE, *DIRECTION_AFTER]:
        assert re.search(rf"\b{re.escape(word)}\b", directions), word
