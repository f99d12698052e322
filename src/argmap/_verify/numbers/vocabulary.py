"""Every word the number grammar knows, each written once.

The patterns (:mod:`.grammar`), the readers (:mod:`.reading`) and the formatter
(:mod:`.formatting`) are built from these tables: a new currency, scale word, qualifier or
number word is one line here. Some spellings are on purpose: "fve", "ffteen", "ffty", "ffth"
are how PDF text extraction drops the "fi" ligature. Records are named tuples, not
dataclasses: a frozen dataclass costs about a millisecond to define at import.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from argmap._model import Qualifier, Scale

Q = Qualifier

# --- currencies ---------------------------------------------------------------------------------


class Currency(NamedTuple):
    """How one currency is written: ``before`` the number ("US$ 4", "€4"), ``after`` it
    ("4 billion dollars"). Single characters are symbols; a code a reader may also write
    after the number is listed in both."""

    before: tuple[str, ...]
    after: tuple[str, ...] = ()


#: ISO code -> how it is written.
CURRENCIES: dict[str, Currency] = {
    "USD": Currency(("US$", "USD", "$"), ("US dollars", "dollars", "dollar", "dollarov", "USD")),
    "EUR": Currency(("EUR", "€"), ("euros", "euro", "EUR")),
    "GBP": Currency(("£", "GBP"), ("pounds", "GBP")),
    "CNY": Currency(("CNY", "RMB", "¥"), ("yuan", "renminbi", "CNY")),
    "RUB": Currency(("RUB", "₽"), ("roubles", "rubles", "RUB")),
    "UAH": Currency(("UAH", "₴"), ("hryvnias", "hryvnia", "UAH")),
    "BYN": Currency(("BYN",), ("BYN",)),
    "CHF": Currency(("CHF",)),
    "JPY": Currency(("JPY",)),
}

# --- scale words --------------------------------------------------------------------------------


class ScaleWord(NamedTuple):
    """A word that multiplies the number before it: ``spaced`` when it may stand apart
    ("4 bn", "4 billion"), ``glued`` when it may follow the digits directly ("4bn")."""

    scale: Scale
    spaced: bool = True
    glued: bool = False


#: The scale words. A word spelled like its scale ("million") may be split by a line-end
#: hyphen ("mil-\nlion"); "m" and "k" count only glued ("5m"), and "5m" only with a currency.
SCALE_WORDS: dict[str, ScaleWord] = {
    "thousand": ScaleWord(Scale.THOUSAND),
    "million": ScaleWord(Scale.MILLION),
    "billion": ScaleWord(Scale.BILLION),
    "trillion": ScaleWord(Scale.TRILLION),
    "mln": ScaleWord(Scale.MILLION),
    "bln": ScaleWord(Scale.BILLION),
    "bn": ScaleWord(Scale.BILLION, glued=True),
    "mn": ScaleWord(Scale.MILLION, glued=True),
    "m": ScaleWord(Scale.MILLION, spaced=False, glued=True),
    "k": ScaleWord(Scale.THOUSAND, spaced=False, glued=True),
    "tn": ScaleWord(Scale.TRILLION, glued=True),
}

#: Words after which "half" is part of a number ("half a million"), not a fraction.
HALF_OF = ("dozen", "hundred", "million", "billion")

# --- number words -------------------------------------------------------------------------------

#: Number words below twenty.
UNIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "fve": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "ffteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
#: Tens, each of which may take a digit word ("forty-five").
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "ffty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: The digit words one to nine: the second part of "forty-five", a fraction's numerator.
DIGIT_WORDS: dict[str, int] = {w: v for w, v in UNIT_WORDS.items() if 0 < v < 10}

#: Words for an unstated number before "of" ("dozens of"), with the least each can mean.
VAGUE_WORDS: dict[str, int] = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}

# --- fractions ----------------------------------------------------------------------------------

#: A fraction's numerator ("a fifth", "two-thirds").
FRACTION_NUMERATORS: dict[str, int] = {"a": 1, "an": 1, **DIGIT_WORDS}
#: A fraction's denominator; the first word of each value is the one the formatter writes.
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "ffth": 5, "ffths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}

# --- n-fold changes -----------------------------------------------------------------------------

#: Verb stems that state an n-fold change ("doubled", "halving"), with their factor.
FOLD_VERBS: dict[str, Decimal] = {
    "doubl": Decimal(2), "tripl": Decimal(3), "trebl": Decimal(3), "quadrupl": Decimal(4),
    "halv": Decimal("0.5"),
}
FOLD_VERB_ENDINGS = ("ed", "ing", "es")
#: "N times" is a fold only before one of these ("three times more", "twice as").
TIMES_BEFORE = ("more", "higher", "larger", "greater", "bigger", "less", "lower", "smaller",
                "as", "the", "over")

# --- qualifiers ---------------------------------------------------------------------------------

#: Qualifier phrases -> (qualifier, near): ``near`` for a bound that is close ("just over").
#: "between" opens a range; emphasis words ("only", "a mere") and "from" leave it exact.
QUALIFIERS: dict[str, tuple[Qualifier, bool]] = {
    "just slightly over": (Q.OVER, True), "slightly over": (Q.OVER, True),
    "just over": (Q.OVER, True), "just above": (Q.OVER, True),
    "slightly more than": (Q.OVER, True), "just more than": (Q.OVER, True),
    "a little over": (Q.OVER, True), "well over": (Q.OVER, False), "over": (Q.OVER, False),
    "more than": (Q.OVER, False), "above": (Q.OVER, False), "in excess of": (Q.OVER, False),
    "exceeding": (Q.OVER, False), "exceeded": (Q.OVER, False), "exceeds": (Q.OVER, False),
    "upwards of": (Q.OVER, False),
    "nearly": (Q.UNDER, True), "almost": (Q.UNDER, True), "just under": (Q.UNDER, True),
    "slightly under": (Q.UNDER, True), "just below": (Q.UNDER, True),
    "close to": (Q.UNDER, True), "under": (Q.UNDER, False), "less than": (Q.UNDER, False),
    "fewer than": (Q.UNDER, False), "below": (Q.UNDER, False),
    "about": (Q.APPROX, False), "around": (Q.APPROX, False),
    "approximately": (Q.APPROX, False), "approx.": (Q.APPROX, False),
    "roughly": (Q.APPROX, False), "some": (Q.APPROX, False), "circa": (Q.APPROX, False),
    "an estimated": (Q.APPROX, False), "estimated": (Q.APPROX, False),
    "at least": (Q.AT_LEAST, False), "no less than": (Q.AT_LEAST, False),
    "not less than": (Q.AT_LEAST, False), "no fewer than": (Q.AT_LEAST, False),
    "a minimum of": (Q.AT_LEAST, False),
    "up to": (Q.AT_MOST, False), "at most": (Q.AT_MOST, False),
    "no more than": (Q.AT_MOST, False), "not more than": (Q.AT_MOST, False),
    "a maximum of": (Q.AT_MOST, False), "barely": (Q.AT_MOST, True),
    "a mere": (Q.EXACT, False), "merely": (Q.EXACT, False), "mere": (Q.EXACT, False),
    "only": (Q.EXACT, False), "just": (Q.EXACT, False), "exactly": (Q.EXACT, False),
    "precisely": (Q.EXACT, False), "between": (Q.RANGE, False), "from": (Q.EXACT, False),
}
#: The qualifier phrase the formatter writes for each (qualifier, near); one of QUALIFIERS.
QUALIFIER_WORDS: dict[tuple[Qualifier, bool], str] = {
    (Q.OVER, False): "over", (Q.OVER, True): "just over", (Q.UNDER, False): "under",
    (Q.UNDER, True): "nearly", (Q.APPROX, False): "about", (Q.AT_LEAST, False): "at least",
    (Q.AT_MOST, False): "up to", (Q.AT_MOST, True): "barely",
}
#: A bound written after the figure: "300 or more", "300 or fewer" (and "300+").
OR_BOUNDS: dict[str, Qualifier] = {
    "more": Q.AT_LEAST, "over": Q.AT_LEAST, "above": Q.AT_LEAST, "less": Q.AT_MOST,
    "fewer": Q.AT_MOST, "under": Q.AT_MOST,
}

# --- dates --------------------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
#: Abbreviated month names (case-sensitive, an optional full stop after them).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}
#: A year or date after one of these bounds a change ("since 2014"); it names no period.
BOUND_WORDS = frozenset({"since", "by", "until", "till", "before", "after", "from"})

# --- counted nouns ------------------------------------------------------------------------------

#: Words that are never the counted noun after a count ("54 states", not "54 of").
STOP_WORDS = frozenset([
    "a", "about", "after", "again", "against", "all", "also", "among", "an", "and", "another",
    "any", "are", "around", "as", "at", "be", "been", "before", "being", "between", "both",
    "but", "by", "can", "cent", "could", "de", "did", "do", "does", "down", "during", "each",
    "either", "every", "for", "from", "further", "had", "has", "have", "here", "how", "if", "in",
    "into", "is", "it", "its", "just", "la", "le", "less", "may", "might", "more", "must",
    "neither", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "out",
    "over", "own", "per", "percent", "respectively", "s", "same", "shall", "should", "since",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "toward", "towards", "under", "until", "up",
    "upon", "very", "via", "was", "were", "what", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "within", "without", "would",
]) | {m.lower() for m in MONTHS}
