"""Every word in the number grammar's vocabulary is read as its table says.

The patterns are generated from ``argmap._verify.numbers.vocabulary``, so a word added to a
table needs no other change; these tests read each word of each table in a sentence, through
the whole of ``parse`` (the start-finding scan included), to hold that promise.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from argmap._model import Qualifier, QuantityKind, Scale
from argmap._verify.numbers import Mention, format_mention, parse
from argmap._verify.numbers.vocabulary import (
    CURRENCIES,
    DIGIT_WORDS,
    FOLD_VERB_ENDINGS,
    FOLD_VERBS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    OR_BOUNDS,
    QUALIFIER_WORDS,
    QUALIFIERS,
    SCALE_WORDS,
    TENS_WORDS,
    TIMES_BEFORE,
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
    m = _one(f"It is {numerator} {denominator} of the total.")
    value = Decimal(FRACTION_NUMERATORS[numerator]) / FRACTION_DENOMINATORS[denominator]
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
    assert _one(f"It is 3 times {word} big.").kind == K.FOLD


@pytest.mark.parametrize(("word", "qualifier"), OR_BOUNDS.items())
def test_bound_after_the_number(word: str, qualifier: Qualifier) -> None:
    assert _one(f"The body had 300 or {word} members.").qualifier == qualifier


@pytest.mark.parametrize(
    ("name", "number"),
    [*((m, i) for i, m in enumerate(MONTHS, 1)), *MONTH_ABBREVIATIONS.items()],
)
def test_month(name: str, number: int) -> None:
    assert _one(f"It met on 3 {name} 2020.").period == f"2020-{number:02d}-03"
