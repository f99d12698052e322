"""Labels and versions: numbers that name something ("Article 5", "page 12", "Python 3.11")
rather than state a figure.

A plain number (no currency, scale, percent, fold or unit) is a label when the word before it
is a label word (:data:`~.vocabulary.LABEL_WORDS`), or a capitalised name that is not a
common word ("Apollo 11", "Python 3.11"; not "In 2019", "All 27"), or when it continues a
list of labels ("pages 12–15", "Articles 5 and 6"). A year after a name stays a year
("Summer 2019"), unless a label word names it.
"""

from __future__ import annotations

import re

from argmap._recache import recompile
from argmap._verify.numbers.grammar import GROUP, YEAR_RE
from argmap._verify.numbers.reading import counted_unit, key
from argmap._verify.numbers.vocabulary import (
    CURRENCIES,
    DIRECTION_BEFORE,
    FRACTION_DENOMINATORS,
    LABEL_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    QUALIFIERS,
    SCALE_WORDS,
    STOP_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    VAGUE_WORDS,
)

#: Capitalised words that begin a phrase rather than name a thing ("In 2019", "All 27").
_COMMON = (STOP_WORDS | {key(m) for m in MONTHS} | {key(m) for m in MONTH_ABBREVIATIONS}
           | {w for phrase in QUALIFIERS for w in phrase.split()} | set(DIRECTION_BEFORE)
           | set(UNIT_WORDS) | set(TENS_WORDS) | set(FRACTION_DENOMINATORS) | set(VAGUE_WORDS)
           | set(SCALE_WORDS) | {key(t) for c in CURRENCIES.values() for t in c.after}
           | {"some", "several", "many", "most", "few", "first", "last", "next", "total",
              "perhaps", "maybe", "today", "yesterday", "now", "still", "yet", "even",
              "already", "currently", "however", "thus", "hence", "meanwhile", "overall",
              "altogether", "together", "including", "excluding", "plus", "minus", "versus",
              "against", "beyond", "amid", "across", "although", "though", "because",
              "whereas", "unlike", "like", "nearly", "roughly", "here", "there", "annually",
              "daily", "weekly", "monthly", "yearly", "reportedly", "officially"})

#: The groups a label test asks for, by number (see ``GROUP``).
_QTY, _NUM, _WORD = GROUP["qty"], GROUP["num"], GROUP["word"]
_LIST_GAP = recompile(r"\s*(?:[–—‒−-]|,|&|and|or|to|through)\s*(?:and\s+)?")


def is_label(match: re.Match[str], text: str, label_end: int) -> bool:
    """Whether a matched plain number names something; ``label_end`` is where the last
    label read ended (-1 for none), so that a list of labels stays labels."""
    span = match.span(_QTY)
    start, end = span
    if start < 0 or match.start() != start:
        return False  # not a number, or a qualifier before it
    core = match.span(_NUM)
    if (core if core[0] >= 0 else match.span(_WORD)) != span:
        return False  # a sign, currency, scale, percent, fold, unit or bound goes with it
    return is_number_label(text, start, end, match.group(_NUM), label_end)


def is_number_label(text: str, start: int, end: int, digits: str | None,
                    label_end: int) -> bool:
    """:func:`is_label` of a match that is a number and nothing else, from ``start`` to
    ``end`` of ``text`` (``digits``, or None for a number in words)."""
    if label_end >= 0 and _LIST_GAP.fullmatch(text, label_end, start):
        return True
    found = _word_before(text, start)
    if found is None:
        return False
    word, spelt = found
    if spelt in LABEL_WORDS:
        return True
    if digits and YEAR_RE.fullmatch(digits):
        return False  # "Summer 2019", "Horizon 2020": a year after a name stays a year
    if not (len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False  # a name is one capitalised word: not "Minsk," nor "USD" nor "the"
    if spelt in _COMMON:
        return False
    return counted_unit(text, end)[0] is None  # "Belarus 300 MPs" is a count


def is_year_label(text: str, start: int, label_end: int) -> bool:
    """:func:`is_label` of a match that is a plain year and nothing else ("2019" at
    ``start``), without asking the match: a year is a label only in a list of labels or
    after a label word ("Article 2019"); after a name it stays a year."""
    if label_end >= 0 and _LIST_GAP.fullmatch(text, label_end, start):
        return True
    found = _word_before(text, start)
    return found is not None and found[1] in LABEL_WORDS


def _word_before(text: str, start: int) -> tuple[str, str] | None:
    """The word before a number at ``start`` and its spelling in the vocabulary, or None
    when there is none that could be a label word or a name."""
    # the whitespace-separated word that ends just before the number, on its line or the
    # one before, found with string operations on a short window (a regular expression
    # anchored at the window's end was tried at every position of it)
    lo = start - 48 if start > 48 else 0
    head = text[lo:start]
    stripped = head.rstrip()
    if not stripped or head.count("\n", len(stripped)) > 1:
        return None
    before = stripped.rsplit(None, 1)[-1]
    if lo > 0 and len(before) == len(stripped) and not text[lo - 1].isspace():
        return None  # the window cut a long word: none of the short words sought here
    word = before.lstrip("([{“‘\"'")
    # the word as the vocabulary spells it, once: key's test inline (most words are ASCII)
    return word, word.lower() if word.isascii() else key(word)
