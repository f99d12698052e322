"""The patterns of the number grammar, built from :mod:`.vocabulary`.

``PATTERN`` finds every candidate figure; its named groups say which reading applies (see
:mod:`.reading`). Its variants, each without the alternatives that cannot match where it is
tried, and the core and lead patterns below find where a candidate may start (see
:mod:`.scanning`). The variants are compiled on first use: compiling them was most of the
package's import time, paid by every command. Add patterns here with care.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import cache
from typing import Any

from argmap._recache import recompile
from argmap._verify.numbers.vocabulary import (
    CURRENCIES,
    DIGIT_WORDS,
    FOLD_VERB_ENDINGS,
    FOLD_VERBS,
    FOLD_WORDS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    HALF_OF,
    MONTH_ABBREVIATIONS,
    MONTHS,
    OR_BOUNDS,
    QUALIFIERS,
    SCALE_WORDS,
    TENS_WORDS,
    TIMES_BEFORE,
    TIMES_WORDS,
    UNIT_SYMBOLS,
    UNIT_WORDS,
    VAGUE_WORDS,
)

_BREAK = r"(?:-[ \t]*\r?\n\s*|)"  # a PDF line-end hyphen inside a word ("mil-\nlion")


def soft(word: str) -> str:
    """A word that may be split by a line-end hyphen anywhere after its first letter."""
    return word[0] + "".join(_BREAK + re.escape(ch) for ch in word[1:])


def _alt(words: Iterable[str], soft_words: bool = False) -> str:
    """Alternatives, longest first: a word never loses to its own prefix."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(soft(w) if soft_words else re.escape(w) for w in ordered) + ")"


def _char_class(tokens: Iterable[str]) -> str:
    """The single characters among ``tokens`` as one class ("[$€£]"), or "" for none."""
    chars = "".join("\\" + t if t in "\\]^-" else t for t in tokens if len(t) == 1)
    return f"[{chars}]" if chars else ""


def _literals(tokens: Iterable[str]) -> str:
    """Alternatives in the order given, the single characters last as one class."""
    tokens = list(tokens)
    words = [re.escape(t) for t in tokens if len(t) > 1]
    symbols = _char_class(tokens)
    return "|".join([*words, symbols] if symbols else words)


def first_letter(words: Iterable[str]) -> str:
    """A lookahead for the first characters of ``words``, put before their alternation: the
    regex engine tries each alternative of a case-insensitive one in turn (it skips only
    case-sensitive literals at once), where a character class is one test. A class folds
    case as the literals do, so the lookahead fails only where every alternative would."""
    return "(?=[" + "".join(sorted({re.escape(word[0]) for word in words})) + "])"


def _phrases(phrases: Iterable[str]) -> str:
    """Alternatives in the order given; a space in a phrase matches any run of spaces."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


# --- vocabulary as alternatives -----------------------------------------------------------------

_CURRENCY_BEFORE = [token for currency in CURRENCIES.values() for token in currency.before]
_CURRENCY_AFTER = [token for currency in CURRENCIES.values() for token in currency.after]
_SYMBOLS = _char_class(_CURRENCY_BEFORE)

#: Scale words spelled like their scale ("million"); only these may break across lines.
SPELLED_SCALES = [w for w, s in SCALE_WORDS.items() if w == s.scale.value]
_SPACED_SCALES = [w for w, s in SCALE_WORDS.items() if s.spaced and w not in SPELLED_SCALES]
_SCALE_RE = _alt(SPELLED_SCALES, soft_words=True) + "|" + "|".join(map(re.escape, _SPACED_SCALES))
_GLUED_SCALE = "|".join(re.escape(w) for w, s in SCALE_WORDS.items() if s.glued)

_MONTH_RE = (
    "(?-i:(?:" + "|".join(soft(m) for m in sorted(MONTHS, key=len, reverse=True))
    + "|(?:" + "|".join(map(re.escape, MONTH_ABBREVIATIONS)) + r")\.?)(?![a-z]))"
)

_WORD_NUMBER = (
    r"(?:a\s+dozen|dozen|(?:" + _alt(TENS_WORDS) + r"(?:[- ]" + _alt(DIGIT_WORDS) + r"|)"
    + "|" + _alt(UNIT_WORDS)
    + r"|an?(?=\s+(?:" + "|".join(["hundred", *SPELLED_SCALES]) + r")\b))(?:\s+hundred|))"
)
_QUAL_RE = _alt(QUALIFIERS).replace(r"\ ", r"\s+")
FOLD_VERB = "(?:" + "|".join(FOLD_VERBS) + ")(?:" + "|".join(FOLD_VERB_ENDINGS) + r")\b"
#: A number word glued to "fold": "tenfold", "twentyfold", "hundredfold".
FOLD_WORD_NAMES = sorted({*UNIT_WORDS, *TENS_WORDS, *FOLD_WORDS} - {"zero", "one"},
                         key=lambda w: (-len(w), w))
_FOLD_WORD = "(?:" + "|".join(FOLD_WORD_NAMES) + r")fold\b"
_TIMES_WORD = (r"\b(?:" + "|".join(TIMES_WORDS) + r")\b(?=\s+(?:" + "|".join(TIMES_BEFORE)
               + r")\b)")
#: Unit symbols glued to the digits ("512MiB"), case-sensitive, longest first.
_UNIT_GLUE = "(?-i:" + "|".join(re.escape(u) for u in sorted(UNIT_SYMBOLS, key=len,
                                                                  reverse=True)) + ")"

# --- the figure pattern -------------------------------------------------------------------------

_YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|)(?![\d])"
_DASH = r"\s*(?:[–—‒−]|-(?!\s*\n)|to|until|through)\s*"
#: Thousands may be grouped by commas or by spaces ("5 000", "5\u202f000"), as in European
#: and typeset sources: a group is exactly three digits after one to three, so "in 2019 300
#: MPs" stays a year and a count. The groups may give back one by one: a run that ends in a
#: broken group ("1 000 ... 000 0000") matches up to it at once, where possessive groups
#: failed and were tried again from every later group (time quadratic in the run).
_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
        r"(?:\.\d+|)")
YEAR_RE = recompile(_YEAR)
#: Where ``PATTERN`` tried at a year's first digit reads the year and nothing else, found
#: without it: the quantity's look behind passes (the date and year-span alternatives need
#: a dash or a day), and after the year the text ends, or a mark that none of the parts
#: after a number starts with, nor a decimal or thousands group. Half the figures of a
#: text are such years, and ``PATTERN``'s match cost ten times this one's.
PLAIN_YEAR = recompile(r"(?<![A-Za-z\d.,+/_])" + _YEAR + r"(?:[.,](?!\d)|[;:)]|\Z)",
                        re.IGNORECASE)
#: The marks ``PLAIN_YEAR`` lets follow a year: a cheaper test before it.
YEAR_ENDS = frozenset(".,;:)")

#: Lookaheads for the first letters of the word alternatives below (see ``first_letter``).
_NUMERATOR_FIRST = first_letter(FRACTION_NUMERATORS)
_WORD_NUMBER_FIRST = first_letter(["a", "dozen", *TENS_WORDS, *UNIT_WORDS])

#: The alternatives of the pattern that a variant may switch off (see ``_variant``), by name.
_PIECES = {
    "iso": rf"""(?<![\w.,/+\-])(?P<f_y>{_YEAR})-(?P<f_m>0[1-9]|1[0-2])-(?P<f_d>0[1-9]|[12]\d|3[01])
            (?![\w\-])""",
    "day_span": rf"""(?<![\w.,])(?P<a_d1>{_DAY}){_DASH}(?P<a_d2>{_DAY})\s+(?P<a_m>{_MONTH_RE})
            (?:,?\s+(?P<a_y>{_YEAR})|)""",
    "day_month": rf"""(?<![\w.,])(?P<b_d1>{_DAY})\s+(?P<b_m1>{_MONTH_RE})
            (?:{_DASH}(?P<b_d2>{_DAY})\s+(?P<b_m2>{_MONTH_RE})|)(?:,?\s+(?P<b_y>{_YEAR})|)""",
    "month_span": rf"""\b(?P<c_m1>{_MONTH_RE})(?:\s+(?P<c_y1>{_YEAR})|){_DASH}(?P<c_m2>{_MONTH_RE})
            \s+(?P<c_y2>{_YEAR})""",
    "month_day": rf"""\b(?P<d_m>{_MONTH_RE})\s+(?P<d_d1>{_DAY})(?:{_DASH}(?P<d_d2>{_DAY})|)
            (?:,?\s+(?P<d_y>{_YEAR})|)""",
    "month_year": rf"""\b(?P<e_m>{_MONTH_RE})\s+(?P<e_y>{_YEAR})""",
    "years": rf"""(?<![\w.,+/])(?P<years>(?P<y1>{_YEAR})\s*(?:[–—‒−]|-(?!\s*\n))\s*
            (?P<y2>{_YEAR}|\d\d(?!\d)))""",
    "qual": rf"""(?<![\w.])(?P<qual>{_QUAL_RE})""",
    "foldverb": rf"""(?P<foldverb>{first_letter(FOLD_VERBS)}{FOLD_VERB})""",
    "foldword": rf"""(?P<foldword>\b{first_letter(FOLD_WORD_NAMES)}{_FOLD_WORD})""",
    "twice": rf"""(?P<twice>{_TIMES_WORD})""",
    "frac": rf"""(?P<frac>\b{_NUMERATOR_FIRST}(?P<fr_n>{_alt(FRACTION_NUMERATORS)})[\s-]+
            (?P<fr_d>{_alt(FRACTION_DENOMINATORS)})\b
          | \bhalf\b(?!\s+(?:a\s+|)(?:{"|".join(HALF_OF)}))(?!-)
        )""",
    "vague": rf"""\b(?P<vague>{first_letter(VAGUE_WORDS)}(?:{"|".join(VAGUE_WORDS)}))(?=\s+of\b)""",
    "cur": rf"""(?P<cur>{first_letter(_CURRENCY_BEFORE)}(?:{_literals(_CURRENCY_BEFORE)}))""",
    "word": rf"""(?P<word>\b{_WORD_NUMBER_FIRST}{_WORD_NUMBER})""",
}

_TEMPLATE = r"""
    (?:{digit_dates}
        (?P<date>
            {iso}
          | {day_span}
          | {day_month}
          | {month_span}
          | {month_day}
          | {month_year}
        )
      | {years}
    )
  | (?:{qual}\s+|)
    (?:
        {foldverb}
      | {foldword}
      | {twice}
      | {frac}
      | {vague}
      | (?P<qty>
          (?:{cur}\s*|)
          (?<![A-Za-z\d.,+/_])(?:
              (?:(?P<sign>(?<![\w%)\]\-−+])[-+−](?=\d))|)
              (?P<num>NUM)(?:(?P<uglue>UNIT_GLUE)|(?P<glue>GLUED_SCALE|s)|(?P<xglue>[x×])|)
              (?![\w])(?!,\d)(?!\.\d)(?!\+\d)
            | {word}\b
          )
          (?:\s*(?P<scale>\bSCALE_FIRST(?:SCALE_RE)\b)|)
          (?:\s*(?P<curpost>\bCURRENCY_AFTER_FIRST(?:CURRENCY_AFTER)\b
                (?!\s*(?:SYMBOLS\s*|)\d))|)  # "in 2020 USD 5 billion": the code opens the next
          (?:
              (?P<pct>\s*%|\s+per\s*PER_CENT\b|\s*PERCENT\b|\s+pct\b)
            | (?P<pp>\s+PERCENTAGE\s+points?\b|\s*p\.p\.|\s*pps?\b)
            | (?P<fold>\s*-?\s*fold\b|\s+times\b|\s*×(?![\w]))
            |)
          (?:(?P<post>\s+or\s+(?:OR_BOUNDS)\b|\+(?![\d]))|)
        )
    )
    """
#: The parts of the template written in upper case, filled in by plain replacement (the
#: template's braces are for the pieces).
_FILLS = {
    "NUM": _NUM, "UNIT_GLUE": _UNIT_GLUE, "GLUED_SCALE": _GLUED_SCALE, "SCALE_RE": _SCALE_RE,
    "CURRENCY_AFTER": _phrases(_CURRENCY_AFTER), "SYMBOLS": _SYMBOLS,
    "SCALE_FIRST": first_letter([*SPELLED_SCALES, *_SPACED_SCALES]),
    "CURRENCY_AFTER_FIRST": first_letter(_CURRENCY_AFTER),
    "PER_CENT": soft("cent"), "PERCENTAGE": soft("percentage"), "PERCENT": soft("percent"),
    "OR_BOUNDS": "|".join(OR_BOUNDS),
}
_GROUP_NAME = recompile(r"\(\?P<(\w+)>")

# --- a number and nothing else ------------------------------------------------------------------
#
# At a digit, ``PATTERN`` (and each variant tried there) reads a date, a span of years or a
# quantity; most numbers of a text are a quantity of digits alone ("4,213 containers", "of
# 922."), which cost the pattern 20-25k instructions, most of them in the alternatives that
# fail after the digits. ``PLAIN_NUMBER`` and :func:`nothing_after` say where it reads the
# digits and nothing else, at a fraction of the cost: where
# - the number is the first one the pattern's ``NUM`` tries there (digits with their comma
#   groups and decimals; a run before a space and a digit is left to the pattern), with no
#   word character, "×" or "+" after it (the glued units, scales and signs), nor ",5", ".5";
# - after any spaces comes the text's end, or a mark none of the pattern's parts after a
#   number starts with (not "%", "×", "+" or a dash), or a word whose first two letters (and
#   third) begin none of ``AFTER_WORDS`` (scales, currencies after, per cent, fold, times,
#   "through") in any case IGNORECASE equates; "or" before a bound ("or more"); a word
#   broken by a line-end hyphen after its first letter has no second letter, after its
#   second a "-" third: both are taken for the word;
# - after one or two digits, no month follows the spaces (a day: "5 December"), nor "to" or
#   "until" ("5 to 6 May"); a date or span of years that starts at more digits needs a dash
#   after them.
# The test after the digits is Python: a pattern for it cost 10 M instructions to compile,
# more than most maps' texts gain (tests/test_grammar17_plain.py holds it to the pattern).

#: The number ``NUM`` tries first, where no parts after it are glued to it; as the pattern's
#: quantity, not after a letter, digit, ".", ",", "+", "/" or "_" (the letters as IGNORECASE
#: reads them there, written out: two classes of few runs compile quickly, where one class
#: of many runs beyond Latin-1 is a table of 256 blocks built in Python).
PLAIN_NUMBER = recompile(r"(?<![A-Za-z\d.,+/_])(?<![\u0130\u0131\u017f])(?<!\u212a)"
                          r"(?:\d{1,3}+(?:,\d{3})++|\d++(?![,\s]\d))(?:\.\d++)?+"
                          r"(?![\w×+])(?!,\d)(?!\.\d)")
#: The words after a number that the template's parts after ``NUM`` read (scale,
#: ``curpost``, ``pct``, ``pp``, ``fold``; ``post``'s "or" is tested apart) and the day
#: spans' "through" of ``_DASH``; the soft ones may break after any letter, where their
#: pattern has ``_BREAK``.
AFTER_WORDS = [*_SPACED_SCALES, *_CURRENCY_AFTER, "per", "pct", "pp", "pps", "fold", "times",
               "through"]
AFTER_SOFT_WORDS = [*SPELLED_SCALES, "percent", "percentage"]
SHORT_AFTER_WORDS = ["to", "until"]  # only after one or two digits (a day), as the months
#: Marks that start a part after a number: percent, times, a bound's "+", dashes.
_AFTER_MARKS = frozenset("%×+-–—‒−")


def _word_starts(words: Iterable[str], soft_words: Iterable[str] = ()) -> dict[
        str, frozenset[str] | None]:
    """The first two letters of each word, lower-cased, to the third letters that follow them
    in some word (with "-" for a word that may break there), or to None for a word of two
    letters (or two before a space): a word after a number that starts so may be read."""
    ends: dict[str, frozenset[str] | None] = {}
    for word, soft in [*((w, False) for w in words), *((w, True) for w in soft_words)]:
        head = re.match("[a-z]*", word.lower())
        letters = head.group() if head else ""
        if len(letters) < 2 or not word.isascii():
            raise ValueError(f"a word after a number must start with two ASCII letters: {word!r}")
        thirds = ends.get(letters[:2], frozenset())
        if len(letters) == 2 or thirds is None:
            ends[letters[:2]] = None  # the two letters alone
        else:
            ends[letters[:2]] = thirds | set(letters[2] + ("-" if soft else ""))
    return ends


_AFTER_STARTS = _word_starts(AFTER_WORDS, AFTER_SOFT_WORDS)
_SHORT_AFTER_STARTS = _word_starts(SHORT_AFTER_WORDS)
_MONTH_STARTS_CASED = frozenset(m[:2] for m in [*MONTHS, *MONTH_ABBREVIATIONS])
#: The bounds after "or" (the pattern's ``post``: "or more").
_OR_BOUNDS = tuple(OR_BOUNDS)
#: The letters outside ASCII that IGNORECASE equates to ASCII ones, as those.
_LIKE_ASCII = str.maketrans({"ſ": "s", "K": "k", "ı": "i", "İ": "i"})


def _word_char(char: str) -> bool:
    """``\\w`` of one character (``str.isalnum`` is the test ``re`` makes, and "_")."""
    return char.isalnum() or char == "_"


def nothing_after(text: str, start: int, end: int) -> bool:
    """Whether ``PATTERN``, matching the digits ``PLAIN_NUMBER`` found from ``start`` to
    ``end``, reads nothing after them and no date or span of years at them (see above)."""
    n = len(text)
    if end == n:
        return True
    char = text[end]
    if not char.isspace():
        return char not in _AFTER_MARKS  # no word character: PLAIN_NUMBER looked
    at = end + 1
    while at < n and text[at].isspace():
        at += 1
    if at == n:
        return True
    char = text[at]
    if not _word_char(char):
        return char not in _AFTER_MARKS
    if at + 1 == n or not _word_char(text[at + 1]):
        return False  # one letter: left to the pattern
    written = text[at:at + 3]
    word = written.lower() if written.isascii() else written.translate(_LIKE_ASCII).lower()
    two = word[:2]
    if two in _AFTER_STARTS:
        thirds = _AFTER_STARTS[two]
        if thirds is None or word[2:3] in thirds:
            return False
    if two == "or" and at + 2 < n and text[at + 2].isspace():
        at += 3
        while at < n and text[at].isspace():
            at += 1
        bound = text[at:at + 5]
        if (bound.lower() if bound.isascii() else bound.translate(_LIKE_ASCII).lower()
                ).startswith(_OR_BOUNDS):
            return False
    if end - start <= 2:  # a day's digits: no month, "to" or "until" after them
        if written[:2] in _MONTH_STARTS_CASED:
            return False
        if two in _SHORT_AFTER_STARTS:
            thirds = _SHORT_AFTER_STARTS[two]
            if thirds is None or word[2:3] in thirds:
                return False
    return True


def _stub(piece: str) -> str:
    """An alternative switched off: an always-failing ``(?!)`` and its named groups, empty,
    so that every variant has the same groups in the same order. The regex engine fails
    there at once, as it did at ``(?!)`` before the whole alternative, which it compiled."""
    return "(?!)" + "".join(f"(?P<{name}>)" for name in _GROUP_NAME.findall(piece))


#: Pieces that need a letter (or a sign) where the match starts, and those that need a digit.
_LETTER_PIECES = ("month_span", "month_day", "month_year", "foldverb", "foldword", "twice",
                  "frac", "vague", "cur", "word")
_DIGIT_PIECES = ("iso", "day_span", "day_month", "years")
#: Pieces that begin with a month: none begins where a qualifier does (no qualifier's first
#: three letters are a month's; tests/test_numbers.py holds the vocabulary to that).
_MONTH_PIECES = ("month_span", "month_day", "month_year")
#: Where the dates and years of a variant all begin with digits (the months switched off),
#: what they need there, tried once before them all: a day ("3", "30th") before a space, a
#: dash or "to"/"until"/"through", or four digits before a dash (ISO dates, year spans).
#: A count ("40%", "9,400", "2019 ") fails it at once instead of in each alternative.
DIGIT_DATES = r"(?=\d\d?(?:st|nd|rd|th|)[\s\-–—‒−tu]|\d{4}\s*[\-–—‒−])"


def _source(off: Collection[str] = ()) -> str:
    """The pattern's source with the pieces named in ``off`` switched off."""
    guard = DIGIT_DATES if set(_MONTH_PIECES) <= set(off) else ""
    body = _TEMPLATE.replace("{digit_dates}", guard)
    for name, fill in sorted(_FILLS.items(), key=lambda item: -len(item[0])):
        body = body.replace(name, fill)
    for name, piece in _PIECES.items():
        body = body.replace("{" + name + "}", _stub(piece) if name in off else piece)
    return body


_SOURCE = _source()
#: Each named group's number, the same in every variant (a switched-off piece keeps its
#: groups, see ``_stub``): a match asked for a group by number does not look its name up
#: (a quantity's reading asks for 21).
GROUP: dict[str, int] = {name: number
                         for number, name in enumerate(_GROUP_NAME.findall(_SOURCE), 1)}

_FLAGS = re.VERBOSE | re.IGNORECASE
#: Variants of ``PATTERN`` by the start they are tried at (see :mod:`.scanning`): the same
#: groups, the same matches there, and the alternatives that cannot match there neither tried
#: nor compiled. Each is compiled on first use (see ``pattern``): most of the package's
#: import time was compiling them.
_VARIANTS: dict[str, tuple[str, ...]] = {
    #: the full pattern: ``finditer`` on a masked text finds every candidate (slowly)
    "PATTERN": (),
    #: a start at a digit: no qualifier, currency, word or month begins there
    "AT_DIGIT": ("qual", *_LETTER_PIECES),
    #: a start at a letter or sign that no qualifier begins at: no digit, no qualifier
    "AT_WORD": ("qual", *_DIGIT_PIECES),
    #: a start at a qualifier (a letter): no digit, no month
    "AT_QUALIFIER": (*_DIGIT_PIECES, *_MONTH_PIECES),
}
_compiled: dict[tuple[str, bool], re.Pattern[str]] = {}
#: What ``_BREAK`` matches when it is not empty. In a text without it every ``_BREAK`` matches
#: the empty string alone, so the pattern without them finds the same matches with the same
#: groups there: claims and quotes are read by that one, which compiles in a third of the time
#: (the soft month names, repeated in every date alternative, were most of the source).
LINE_END_HYPHEN = recompile(r"-[ \t]*\r?\n")


def pattern(name: str, breaks: bool = True) -> re.Pattern[str]:
    """The variant ``name`` of the pattern (a key of ``_VARIANTS``), compiled once; without
    ``breaks``, for a text where ``LINE_END_HYPHEN`` finds nothing (see there)."""
    found = _compiled.get((name, breaks))
    if found is None:
        source = _source(_VARIANTS[name])
        if not breaks:
            source = source.replace(_BREAK, "")
        found = _compiled[name, breaks] = recompile(source, _FLAGS)
    return found


def __getattr__(name: str) -> re.Pattern[str]:
    """``PATTERN`` and the other variants as module attributes, compiled when first read."""
    if name in _VARIANTS:
        return pattern(name)
    raise AttributeError(name)

# --- where a figure may start -------------------------------------------------------------------
#
# Every match of ``PATTERN`` contains a *core* (digits, a number, scale, fraction, vague or fold
# word, a month), and can only start at that core or at a short lead before it: "a"/"an"
# ("a dozen", "a fifth", "a million"), a currency ("USD 4"), a qualifier ("just over"). The
# leads are read backwards from each core, on the reversed text.

_CORE_WORDS = sorted(
    {*UNIT_WORDS, *TENS_WORDS, "dozen", *FRACTION_DENOMINATORS, *VAGUE_WORDS, "hundred",
     *SPELLED_SCALES, *TIMES_WORDS, *(f"{w}fold" for w in FOLD_WORD_NAMES)}
    | (set(FRACTION_NUMERATORS) - {"a", "an"}),
    key=lambda word: (-len(word), word),
)
_MONTH_STARTS = [soft(m[:3].lower()) for m in MONTHS]


@cache
def core() -> re.Pattern[str]:
    """The cores, exactly as ``PATTERN`` reads them (case-insensitive: slow to scan), for the
    rare text that ``str.lower`` does not lower as the pattern compares; compiled on first use."""
    return recompile(
        r"\d+|\b(?:" + "|".join(_CORE_WORDS) + r")\b|" + FOLD_VERB
        + r"|\b(?:" + "|".join(_MONTH_STARTS) + ")",
        re.IGNORECASE,
    )


def _by_first_letter(alternatives: list[tuple[str, str]], at_word_start: bool = True) -> str:
    """``(first letter, rest)`` pairs as one branch per letter, each starting with a literal,
    so that the regex engine skips every other character without entering the pattern; each
    at a word start (after a non-word character), unless ``at_word_start`` is false."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    start = r"(?<!\w.)" if at_word_start else ""
    return "|".join(
        re.escape(first) + start + "(?:" + "|".join(rests) + ")"
        for first, rests in sorted(groups.items())
    )


#: The same cores in lower-cased text: digits, and words at a word start (fast to scan).
DIGITS = recompile(r"\d+")
_CORE_ALTERNATIVES = ([(w[0], re.escape(w[1:]) + r"\b") for w in _CORE_WORDS]
                      + [(m[0], m[1:]) for m in _MONTH_STARTS])
_CORE_LOWER = _by_first_letter(_CORE_ALTERNATIVES)


@cache
def core_lower(breaks: bool = True) -> re.Pattern[str]:
    """The cores in lower-cased text, compiled on first use; without ``breaks`` (the month
    names' line-end breaks), for a text where ``LINE_END_HYPHEN`` finds nothing."""
    return recompile(_CORE_LOWER if breaks else _CORE_LOWER.replace(_BREAK, ""))


#: The core words without their word-start test, for a scan that reads the character before.
_CORE_WORDS_ANYWHERE = _by_first_letter(_CORE_ALTERNATIVES, at_word_start=False)


def _trie(entries: Iterable[tuple[Sequence[str], bool]]) -> str:
    """Words, each a sequence of pieces of a pattern (a letter, escaped, or ``\\s+``), as
    one alternation that shares their common beginnings, each word with ``\\b`` after it
    when its flag is true: a piece is tested once for every word that has it there, where
    the engine entered each word in turn ("the" entered the 35 core words after a "t"
    before failing each). The longest word that matches wins, as in an alternation of the
    words longest first (words that match at one place are each the beginning of the
    next: no letter is a space); a word without ``\\b`` (a month's first three letters)
    is taken where a word with it ends at the same place (the same end)."""
    root: dict[str, Any] = {}  # a piece to the node after it; "" to whether \b ends it
    for word, bounded in entries:
        node = root
        for piece in word:
            node = node.setdefault(piece, {})
        node[""] = node.get("", True) and bounded  # an end: "" sorts first, read last

    def alternatives(node: dict[str, Any]) -> str:
        if len(node) == 1:  # one way on (most nodes): no sorting, no group
            [(piece, child)] = node.items()
            return piece + alternatives(child) if piece else r"\b" if child else ""
        found = [piece + alternatives(child)
                 for piece, child in sorted(node.items()) if piece]
        if "" in node:
            found.append(r"\b" if node[""] else "")
        return "(?:" + "|".join(found) + ")"

    return alternatives(root)


#: The core words and the months' first letters as one shared-prefix alternation, for a text
#: without line-end hyphens (:func:`core_ascii`).
_CORE_TRIE = _trie([*((word, True) for word in _CORE_WORDS),  # letters: their own pattern
                    *((month[:3].lower(), False) for month in MONTHS)])


@cache
def core_ascii(breaks: bool = True, ascii_text: bool = False) -> re.Pattern[str]:
    """:data:`DIGITS` and :func:`core_lower` as one pattern, for a lower-cased text whose
    digits are all 0-9 (where ``\\d`` is ``[0-9]``): one scan instead of two. Each match
    starts with a digit run's first digit, or with the non-word character before a core
    word (the word starts one after), so that the pattern starts with one class of
    characters that are not letters: the engine skips the letters in C, where a pattern
    starting at the core words' first letters was entered at most letters of a text. A
    core word at the text's start has no character before it: the scan reads the text
    after a space (:func:`~.scanning._cores`).
    A word core holds no digit and starts after a non-word character, so the two never
    overlap: the same starts. A digit run takes its groups and decimals with it ("2,416",
    "89.2"): a run after a "," or "." is no start (:func:`~.scanning.starts` skipped each),
    and a quote's figures had a third of their cores there (0.9 % fewer instructions to
    parse the 1k benchmark map's texts).
    With ``ascii_text``, for a lower-cased ASCII text: there the character before a word is
    never a word character (no letter but a-z, no digit but in the first alternative, no
    "_"), so the word alternative drops its ``(?<!\\w)`` (a call into the assertion and a
    Unicode category test at every space), and the first class is written as the ASCII
    characters it holds, three runs that the regex compiler turns into a bitmap where two
    were tested as a range and a literal for every character of the text (15 % fewer
    instructions for the scan of the 10k benchmark map's texts)."""
    words = _CORE_WORDS_ANYWHERE if breaks else _CORE_TRIE
    if ascii_text:
        return recompile(r"[\x00-\x5e\x60\x7b-\x7f](?:(?<=[0-9])[0-9]*(?:[,.][0-9]+)*|(?:"
                          + words + "))")
    return recompile(r"[^a-z_](?:(?<=[0-9])[0-9]*(?:[,.][0-9]+)*|(?<!\w)(?:" + words + "))")


FOLD_LOWER = recompile(FOLD_VERB)

#: Leads read backwards from a core, on the reversed text: "a"/"an", a currency, a qualifier.
_LEAD_A = r"[\s-]+(?:na|a)\b"
_LEAD_CURRENCY = r"\s*(?:" + _literals(t.lower()[::-1] for t in _CURRENCY_BEFORE) + ")"
_LEAD_QUALIFIER = (
    r"\s+(?:" + "|".join(r"\s+".join(re.escape(word[::-1]) for word in reversed(q.split()))
                         for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")(?![\w.])")
LEAD_A = recompile(_LEAD_A, re.IGNORECASE)
LEAD_CURRENCY = recompile(_LEAD_CURRENCY, re.IGNORECASE)
LEAD_QUALIFIER = recompile(_LEAD_QUALIFIER, re.IGNORECASE)
#: The same leads, case-sensitive, for an ASCII text read lower-cased (where they match
#: what the case-insensitive ones match, at the same offsets): the regex engine skips an
#: alternative that starts with a case-sensitive literal at once, and tries each
#: case-insensitive one in turn (a qualifier's 55 for every digit with a space before it).
LEAD_A_LOWER = recompile(_LEAD_A)
LEAD_CURRENCY_LOWER = recompile(_LEAD_CURRENCY)
#: The qualifiers as one shared-prefix alternation (:func:`_trie`): the same matches, where
#: the engine entered each of the 55 in turn.
_LEAD_QUALIFIER_LOWER = r"\s+(?:" + _trie(
    ([piece for word in reversed(q.split()) for piece in (
        r"\s+", *(c if c.isalpha() else re.escape(c) for c in word[::-1]))][1:], False)
    for q in QUALIFIERS) + r")(?![\w.])"
LEAD_QUALIFIER_LOWER = recompile(_LEAD_QUALIFIER_LOWER)
#: ``LEAD_CURRENCY_LOWER``, else ``LEAD_QUALIFIER_LOWER``, in one call (group 1 is set when
#: the currency matched): a digit run (most cores) asked the two in turn, and the second
#: call's entry cost about as much as its failure. The qualifier needs a space before the
#: core, where the caller tested ``str.isspace`` first: ``\s`` is that test.
LEAD_CURRENCY_OR_QUALIFIER_LOWER = recompile(
    "(" + _LEAD_CURRENCY + ")|" + _LEAD_QUALIFIER_LOWER)
