"""The number grammar: find every figure in English prose and read it as a typed quantity.

Policy papers round, hedge and abbreviate ("just slightly over $2 billion", "a fifth",
"increased 15-fold in 2013–2018", "USD 230 mil-\\nlion" split by a PDF line break). General
number-extraction libraries guess units from letters, average ranges and drop scale words, so
this closed domain has a small grammar of its own: one compiled regular expression finds the
candidates, and a few plain functions read them. Every :class:`Mention` keeps the character
span it came from. Ranges are never averaged (``value`` and ``upper``); nothing is converted.

>>> [format_mention(m) for m in parse("In 2019, bilateral trade reached USD 4 billion.")]
['2019', 'USD 4 billion']
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache

from argmap._model import SCALE_FACTORS, Qualifier, Quantity, QuantityKind, Scale

__all__ = [
    "FIGURE_KINDS",
    "TEMPORAL_KINDS",
    "Mention",
    "format_mention",
    "from_quantity",
    "parse",
    "period_bounds",
    "periods_overlap",
    "text_period",
    "to_quantity",
]

K = QuantityKind
Q = Qualifier

#: Kinds that are figures to cite; years and dates only need some evidence.
FIGURE_KINDS = frozenset({K.AMOUNT, K.COUNT, K.PERCENT, K.PERCENTAGE_POINTS, K.FRACTION,
                          K.FOLD, K.RATIO})
TEMPORAL_KINDS = frozenset({K.YEAR, K.DATE})


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity found in prose, with the span ``text[start:end]`` it was read from.

    ``value`` is the number as written before its scale word; ``upper`` the end of a range.
    ``step`` is the rounding unit the writing implies (1 for "4", 0.01 for "18.79", 10 for
    "300"). ``period`` is the figure's own period for years and dates, and for other kinds the
    period the sentence gives it ("In 2019, ... USD 4 billion"). ``near`` marks a bound that
    is close ("just over", "nearly", "barely"); ``vague`` a figure with no definite number
    ("dozens of"); ``inferred`` a currency taken from an earlier amount ("USD 18.79 million
    ... to 300 million"). Years carry the year as ``value``; a date without a year carries its
    day and the month-day in ``partial`` (``--12-03/--12-06``).
    """

    kind: QuantityKind
    value: Decimal
    start: int
    end: int
    text: str
    upper: Decimal | None = None
    unit: str | None = None
    scale: Scale | None = None
    qualifier: Qualifier = Q.EXACT
    period: str | None = None
    step: Decimal = Decimal(1)
    near: bool = False
    vague: bool = False
    inferred: bool = False
    partial: str | None = None

    @property
    def magnitude(self) -> Decimal:
        return self.value * SCALE_FACTORS[self.scale] if self.scale else self.value

    @property
    def upper_magnitude(self) -> Decimal | None:
        if self.upper is None:
            return None
        return self.upper * SCALE_FACTORS[self.scale] if self.scale else self.upper

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS

    def reading(self) -> tuple[object, ...]:
        """What the quantity says, without where it was written (for equality tests)."""
        return (self.kind, self.value, self.upper, self.unit, self.scale, self.qualifier)



# --- vocabulary ---------------------------------------------------------------------------------

_BREAK = r"(?:-[ \t]*\r?\n\s*)?"  # a PDF line-end hyphen inside a word ("mil-\nlion")


def _soft(word: str) -> str:
    """A word that may be split by a line-end hyphen anywhere after its first letter."""
    return word[0] + "".join(_BREAK + re.escape(ch) for ch in word[1:])


def _alt(words: list[str], soft: bool = False) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(_soft(w) if soft else re.escape(w) for w in ordered) + ")"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_MONTH_NUMBER: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, 1):
    _MONTH_NUMBER[_name.lower()] = _i
    _MONTH_NUMBER[_name[:3].lower()] = _i
_MONTH_NUMBER["sept"] = 9
_MONTH_RE = (
    "(?-i:(?:" + "|".join(_soft(m) for m in sorted(MONTHS, key=len, reverse=True))
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z]))"
)

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "fve": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "ffteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "ffty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBER = (
    r"(?:a\s+dozen|dozen|(?:" + _alt(list(_TENS)) + r"(?:[- ]"
    + _alt([w for w in _UNITS if 0 < _UNITS[w] < 10]) + r")?"
    + "|" + _alt(list(_UNITS))
    + r"|an?(?=\s+(?:hundred|thousand|million|billion|trillion)\b))(?:\s+hundred)?)"
)

_SCALE_WORDS = {"thousand": Scale.THOUSAND, "million": Scale.MILLION, "billion": Scale.BILLION,
                "trillion": Scale.TRILLION, "mln": Scale.MILLION, "mn": Scale.MILLION,
                "bn": Scale.BILLION, "bln": Scale.BILLION, "tn": Scale.TRILLION,
                "m": Scale.MILLION, "k": Scale.THOUSAND}
_SCALE_RE = (_alt(["thousand", "million", "billion", "trillion"], soft=True)
             + r"|mln|bln|bn|mn|tn")

#: Currency symbols and codes written before the number, and names written after it.
_CURRENCY_BEFORE = {"us$": "USD", "usd": "USD", "$": "USD", "eur": "EUR", "€": "EUR",
                    "£": "GBP", "gbp": "GBP", "cny": "CNY", "rmb": "CNY", "¥": "CNY",
                    "rub": "RUB", "₽": "RUB", "uah": "UAH", "₴": "UAH", "byn": "BYN",
                    "chf": "CHF", "jpy": "JPY"}
_CURRENCY_AFTER = {"us dollars": "USD", "dollars": "USD", "dollar": "USD", "dollarov": "USD",
                   "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds": "GBP",
                   "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB", "rubles": "RUB",
                   "hryvnias": "UAH", "hryvnia": "UAH", "cny": "CNY", "rub": "RUB",
                   "uah": "UAH", "byn": "BYN", "gbp": "GBP"}

#: Qualifier phrases -> (qualifier, near): ``near`` for a bound that is close ("just over").
#: "between" opens a range; emphasis words ("only", "a mere") and "from" leave it exact.
_QUALIFIERS: dict[str, tuple[Qualifier, bool]] = {
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
_QUAL_RE = _alt(list(_QUALIFIERS)).replace(r"\ ", r"\s+")

_FRACTION_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                          "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
                          "ffth": 5, "ffths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
                          "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                          "tenth": 10, "tenths": 10}
_FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                        "fve": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_FOLD_VERBS: dict[str, Decimal] = {"doubl": Decimal(2), "tripl": Decimal(3), "trebl": Decimal(3),
                                   "quadrupl": Decimal(4), "halv": Decimal("0.5")}
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000}

_YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_DASH = r"\s*(?:[–—‒−]|-(?!\s*\n)|to|until|through)\s*"
#: Thousands may be grouped by commas or by no-break / thin spaces ("5\u202f000"), as in
#: European and typeset sources; a plain space is too ambiguous ("in 2019 300 MPs").
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_YEAR_RE = re.compile(_YEAR)

_SOURCE = rf"""
    (?P<date>
        (?<![\w.,])(?P<a_d1>{_DAY}){_DASH}(?P<a_d2>{_DAY})\s+(?P<a_m>{_MONTH_RE})
            (?:,?\s+(?P<a_y>{_YEAR}))?
      | (?<![\w.,])(?P<b_d1>{_DAY})\s+(?P<b_m1>{_MONTH_RE})
            (?:{_DASH}(?P<b_d2>{_DAY})\s+(?P<b_m2>{_MONTH_RE}))?(?:,?\s+(?P<b_y>{_YEAR}))?
      | \b(?P<c_m1>{_MONTH_RE})(?:\s+(?P<c_y1>{_YEAR}))?{_DASH}(?P<c_m2>{_MONTH_RE})
            \s+(?P<c_y2>{_YEAR})
      | \b(?P<d_m>{_MONTH_RE})\s+(?P<d_d1>{_DAY})(?:{_DASH}(?P<d_d2>{_DAY}))?
            (?:,?\s+(?P<d_y>{_YEAR}))?
      | \b(?P<e_m>{_MONTH_RE})\s+(?P<e_y>{_YEAR})
    )
  | (?<![\w.,+/])(?P<years>(?P<y1>{_YEAR})\s*(?:[–—‒−]|-(?!\s*\n))\s*(?P<y2>{_YEAR}|\d\d(?!\d)))
  | (?:(?<![\w.])(?P<qual>{_QUAL_RE})\s+)?
    (?:
        (?P<foldverb>(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|ing|es)\b)
      | (?P<frac>\b(?P<fr_n>{_alt(list(_FRACTION_NUMERATORS))})[\s-]+
            (?P<fr_d>{_alt(list(_FRACTION_DENOMINATORS))})\b
          | \bhalf\b(?!\s+(?:a\s+)?(?:dozen|hundred|million|billion))(?!-)
        )
      | \b(?P<vague>dozens|scores|hundreds|thousands)(?=\s+of\b)
      | (?P<qty>
          (?:(?P<cur>US\$|USD|EUR|GBP|CNY|RMB|RUB|UAH|BYN|CHF|JPY|[$€£¥₽₴])\s*)?
          (?<![A-Za-z\d.,+/_])(?:
              (?P<num>{_NUM})(?P<glue>bn|mn|m|k|tn|s)?(?![\w])(?!,\d)(?!\.\d)(?!\+\d)
            | (?P<word>\b{_WORD_NUMBER})\b
          )
          (?:\s*(?P<scale>\b(?:{_SCALE_RE})\b))?
          (?:\s*(?P<curpost>\b(?:US\s+dollars|dollars|dollar|dollarov|euros|euro|pounds|yuan
                |renminbi|roubles|rubles|hryvnias|hryvnia|USD|EUR|CNY|RUB|UAH|BYN|GBP)\b
                (?!\s*(?:[$€£¥₽₴]\s*)?\d)))?  # "in 2020 USD 5 billion": the code opens the next
          (?:
              (?P<pct>\s*%|\s+per\s*{_soft('cent')}\b|\s*{_soft('percent')}\b|\s+pct\b)
            | (?P<pp>\s+{_soft('percentage')}\s+points?\b|\s*p\.p\.|\s*pps?\b)
            | (?P<fold>\s*-?\s*fold\b|\s+times(?=\s+(?:more|higher|larger|greater|bigger|less
                |lower|smaller|as|the|over)\b))
          )?
          (?P<post>\s+or\s+(?:more|over|above|less|fewer|under)\b|\+(?![\d]))?
        )
    )
    """
_PATTERN = re.compile(_SOURCE, re.VERBOSE | re.IGNORECASE)


def _without(*openings: str) -> re.Pattern[str]:
    """``_PATTERN`` with the alternatives that begin with ``openings`` switched off by an
    always-failing ``(?!)``: the same groups, the same matches wherever those alternatives
    cannot match anyway, and no time spent trying them."""
    source = _SOURCE
    for opening in openings:
        if source.count(opening) != 1:
            raise ValueError(opening)
        source = source.replace(opening, "(?!)" + opening)
    return re.compile(source, re.VERBOSE | re.IGNORECASE)


_QUALIFIER_OPENING = "(?<![\\w.])(?P<qual>"
_LETTER_OPENINGS = ("\\b(?P<c_m1>", "\\b(?P<d_m>", "\\b(?P<e_m>", "(?P<foldverb>",
                    "(?P<frac>", "\\b(?P<vague>", "(?P<cur>", "(?P<word>")
_DIGIT_OPENINGS = ("(?<![\\w.,])(?P<a_d1>", "(?<![\\w.,])(?P<b_d1>",
                   "(?<![\\w.,+/])(?P<years>")
#: For a start at a digit: no qualifier, currency, word or month can begin there.
_AT_DIGIT = _without(_QUALIFIER_OPENING, *_LETTER_OPENINGS)
#: For a start at a letter or sign that no qualifier begins at: no digit, no qualifier.
_AT_WORD = _without(_QUALIFIER_OPENING, *_DIGIT_OPENINGS)

_URLISH = re.compile(r"\S*(?:://|www\.|\.html?\b|\.pdf\b|\.shtml\b|[A-Za-z][^\s/]*/|/[^\s/]*"
                     r"[A-Za-z_])\S*")
_FOOTNOTE_LINE = re.compile(r"(?<=\n)[ \t]*\d{1,2}(?=[ \t]+[A-Z‘“'\"])")
_SENTENCE_END = re.compile(r"(?<=[.!?;])[”’\"')]?\s+(?=[A-Z“‘\"(])|\n\s*\n")
_WORD_AFTER = re.compile(r"[ \t]*(?:\r?\n[ \t]*)?([A-Za-z][\w’'&]*(?:-[A-Za-z]+)*)")
_CAPITAL_AFTER = re.compile(r"[ \t]+([A-Z][\w’']*)")
_FOOTNOTED_YEAR = re.compile(r"((?:1[89]|20)\d\d)\.\d{1,2}")
_HYPHEN_UNIT = re.compile(r"-([a-z]+)\b")
_VERSION_BEFORE = re.compile(r"BY(?:-[A-Z]{2})*\s*$")

_STOP = frozenset([
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


def _mask(text: str) -> str:
    """Blank out URLs and footnote numbers at line starts, keeping every offset."""
    if "/" in text or "www." in text:
        text = _URLISH.sub(lambda m: " " * len(m.group()), text)
    if "\n" in text:
        text = _FOOTNOTE_LINE.sub(lambda m: " " * len(m.group()), text)
    return text


_GROUPING = re.compile("[,\u00a0\u2009\u202f]")
_NOT_LETTER = re.compile("[^a-z]")


def _decimal(digits: str) -> tuple[Decimal, Decimal]:
    """The value of written digits and the rounding step they imply."""
    plain = _GROUPING.sub("", digits) if not digits.isdigit() else digits
    value = Decimal(plain)
    if "." in plain:
        return value, Decimal(1).scaleb(-len(plain.split(".")[1]))
    zeros = len(plain) - len(plain.rstrip("0"))
    if zeros >= 2 and plain.strip("0"):
        return value, Decimal(10) ** (zeros - 1)
    return value, Decimal(1)


def _word_value(word: str) -> Decimal:
    parts = re.split(r"[\s-]+", word.lower())
    if parts[-1] == "dozen":
        return Decimal(12)
    total = 0
    for part in parts:
        if part in {"a", "an"}:
            total = 1
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part in _TENS:
            total += _TENS[part]
        else:
            total += _UNITS[part]
    return Decimal(total)


_LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n\s*")


def _norm(phrase: str) -> str:
    """Lower case, one space between words, line-end hyphens removed."""
    if "-" in phrase and "\n" in phrase:
        phrase = _LINE_END_HYPHEN.sub("", phrase)
    return " ".join(phrase.split()).lower()  # str.split() splits where \s+ matches


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The counted noun after a count ("54 states"), if the next word looks like one."""
    match = _WORD_AFTER.match(text, end)
    if not match:
        return None, end
    word = match.group(1)
    if word.lower() in _STOP or word.lower() in _SCALE_WORDS:
        return None, end
    unit_end = match.end(1)
    if word.istitle():  # "Confucius Institutes", not "MPs Belarus"
        more = _CAPITAL_AFTER.match(text, unit_end)
        if more and more.group(1).istitle() and more.group(1).lower() not in _STOP:
            word, unit_end = f"{word} {more.group(1)}", more.end(1)
    return word.rstrip("’'"), unit_end


def _month(name: str) -> int:
    key = _NOT_LETTER.sub("", _norm(name))
    return _MONTH_NUMBER.get(key) or _MONTH_NUMBER[key[:3]]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _span(start: str | None, end: str | None) -> str | None:
    if start is None or end is None:
        return None
    return start if start == end else f"{start}/{end}"


def _read_date(m: re.Match[str]) -> Mention | None:
    g = m.groupdict()
    start, end, raw = m.start(), m.end(), m.group()
    if g["a_d1"] is not None:
        month, d1, d2 = _month(g["a_m"]), _day(g["a_d1"]), _day(g["a_d2"])
        year = int(g["a_y"]) if g["a_y"] else None
        return _date_mention(year, (month, d1), (month, d2), start, end, raw)
    if g["b_d1"] is not None:
        m1, d1 = _month(g["b_m1"]), _day(g["b_d1"])
        m2, d2 = (_month(g["b_m2"]), _day(g["b_d2"])) if g["b_d2"] else (m1, d1)
        year = int(g["b_y"]) if g["b_y"] else None
        return _date_mention(year, (m1, d1), (m2, d2), start, end, raw)
    if g["c_m1"] is not None:
        y2 = int(g["c_y2"])
        y1 = int(g["c_y1"]) if g["c_y1"] else y2
        period = _span(_iso(y1, _month(g["c_m1"])), _iso(y2, _month(g["c_m2"])))
        if period is None or period.split("/")[0] > period.split("/")[-1]:
            return None
        return Mention(K.DATE, Decimal(y1), start, end, raw, upper=None if y1 == y2
                       else Decimal(y2), qualifier=Q.EXACT if y1 == y2 else Q.RANGE,
                       period=period)
    if g["d_m"] is not None:
        month, d1 = _month(g["d_m"]), _day(g["d_d1"])
        d2 = _day(g["d_d2"]) if g["d_d2"] else d1
        year = int(g["d_y"]) if g["d_y"] else None
        return _date_mention(year, (month, d1), (month, d2), start, end, raw)
    year = int(g["e_y"])
    return Mention(K.DATE, Decimal(year), start, end, raw, period=_iso(year, _month(g["e_m"])))


def _date_mention(year: int | None, first: tuple[int, int], last: tuple[int, int], start: int,
                  end: int, raw: str) -> Mention | None:
    if first > last:
        return None
    if year is None:
        try:
            date(2000, *first)
            date(2000, *last)
        except ValueError:
            return None
        partial = f"--{first[0]:02d}-{first[1]:02d}"
        if last != first:
            partial += f"/--{last[0]:02d}-{last[1]:02d}"
        return Mention(K.DATE, Decimal(first[1]), start, end, raw,
                       upper=Decimal(last[1]) if last != first else None,
                       qualifier=Q.RANGE if last != first else Q.EXACT, partial=partial)
    period = _span(_iso(year, *first), _iso(year, *last))
    if period is None:
        return None
    return Mention(K.DATE, Decimal(year), start, end, raw, period=period)


def _read_years(m: re.Match[str]) -> Mention | None:
    y1, y2_text = int(m.group("y1")), m.group("y2")
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if y2 <= y1:
        return None
    return Mention(K.YEAR, Decimal(y1), m.start(), m.end(), m.group(), upper=Decimal(y2),
                   qualifier=Q.RANGE, period=f"{y1}/{y2}")


def _qualifier(phrase: str | None) -> tuple[Qualifier, bool, str | None]:
    if phrase is None:
        return Q.EXACT, False, None
    key = _norm(phrase)
    qualifier, near = _QUALIFIERS[key]
    return qualifier, near, key


def _read_quantity(m: re.Match[str], text: str) -> Mention | None:
    g = m.groupdict()
    qualifier, near, qual_word = _qualifier(g["qual"])
    start, end = m.start(), m.end()
    if g["foldverb"] is not None:
        stem = g["foldverb"].lower()[:-2] if g["foldverb"].lower().endswith(("ed", "es")) \
            else g["foldverb"].lower()[:-3]
        return Mention(K.FOLD, _FOLD_VERBS[stem], start, end, m.group(),
                       qualifier=qualifier, near=near)
    if g["frac"] is not None:
        if g["fr_n"] is None:
            numerator, denominator = 1, 2
        else:
            numerator = _FRACTION_NUMERATORS[g["fr_n"].lower()]
            denominator = _FRACTION_DENOMINATORS[g["fr_d"].lower()]
        return Mention(K.FRACTION, _fraction_value(numerator, denominator), start, end,
                       m.group(), qualifier=qualifier, near=near, step=Decimal("0.05"))
    if g["vague"] is not None:
        return Mention(K.COUNT, Decimal(_VAGUE[g["vague"].lower()]), start, end, m.group(),
                       qualifier=Q.AT_LEAST, vague=True)
    # a number, perhaps with currency, scale, percent or fold
    if g["num"] is not None:
        footnoted = _FOOTNOTED_YEAR.fullmatch(g["num"])
        if footnoted and not (g["cur"] or g["scale"] or g["pct"] or g["pp"] or g["fold"]
                              or g["glue"] or g["curpost"]):
            # "rejected in 2019.7": a year followed by a footnote marker, not 2019.7
            ystart = m.start("num")
            return Mention(K.YEAR, Decimal(footnoted.group(1)), ystart, ystart + 4,
                           text[ystart:ystart + 4], period=footnoted.group(1))
        at = m.start("num")
        if at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha():
            return None  # "Covid-19", "za-5-let" in a URL slug: part of a name
        value, step = _decimal(g["num"])
        before = text[max(0, m.start("num") - 12):m.start("num")]
        if _VERSION_BEFORE.search(before):
            return None
    else:
        word = _norm(g["word"])
        if word in {"a", "an", "one"} and not (g["scale"] or g["cur"] or g["pct"]):
            return None
        value, step = _word_value(word), Decimal(1)
    glue = (g["glue"] or "").lower()
    currency = _CURRENCY_BEFORE.get((g["cur"] or "").lower()) if g["cur"] else None
    if g["curpost"]:
        currency = currency or _CURRENCY_AFTER[_norm(g["curpost"])]
    scale = _SCALE_WORDS.get(_NOT_LETTER.sub("", g["scale"].lower())) if g["scale"] else None
    if glue and glue != "s":
        if glue == "m" and not currency:
            return None  # "5m" is as likely metres as millions
        scale = _SCALE_WORDS[glue]
    raw_num = g["num"] or ""
    year_like = (glue in {"", "s"} and _YEAR_RE.fullmatch(raw_num) is not None
                 and not (currency or scale or g["pct"] or g["pp"] or g["fold"]))
    if year_like and (qualifier in {Q.EXACT, Q.RANGE} or glue == "s") and not g["post"]:
        year = int(raw_num)
        # the span starts at the year: "in 2019" is a year, "from" / "just" are not part of it
        ystart = m.start("num")
        if glue == "s":
            if year % 10:
                return None
            return Mention(K.YEAR, Decimal(year), ystart, end, text[ystart:end],
                           upper=Decimal(year + 9), qualifier=Q.RANGE,
                           period=f"{year}/{year + 9}")
        return Mention(K.YEAR, Decimal(year), ystart, end, text[ystart:end],
                       period=f"{year:04d}")
    if glue == "s":
        return None
    if g["pct"]:
        kind, unit = K.PERCENT, None
    elif g["pp"]:
        kind, unit = K.PERCENTAGE_POINTS, None
    elif g["fold"]:
        kind, unit = K.FOLD, None
    elif currency:
        kind, unit = K.AMOUNT, currency
    else:
        kind, unit = K.COUNT, None
    if g["post"]:
        post = _norm(g["post"])
        qualifier = Q.AT_LEAST if post.endswith(("more", "over", "above")) or post == "+" \
            else Q.AT_MOST
    if kind == K.COUNT and not g["post"]:
        hyphen = _HYPHEN_UNIT.match(text, end)
        if hyphen:
            unit, end = hyphen.group(1), hyphen.end()
        else:
            unit, end = _unit_after(text, end)
    if qual_word in {"from", "between"}:
        qualifier = Q.EXACT
        if qual_word == "from":  # "from 21 thousand to ...": "from" is not part of the figure
            start = m.start("cur") if g["cur"] else m.start("num" if g["num"] else "word")
    return Mention(kind, value, start, end, text[start:end], unit=unit, scale=scale,
                   qualifier=qualifier, step=step, near=near)


def _fraction_value(numerator: int, denominator: int) -> Decimal:
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001")).normalize()


_FRACTION_NAMES: dict[Decimal, tuple[int, int]] = {}
for _d in range(2, 11):
    for _n in range(1, _d):
        _FRACTION_NAMES.setdefault(_fraction_value(_n, _d), (_n, _d))


# --- combining neighbours ----------------------------------------------------------------------

_GAP_RANGE = re.compile(r"\s*(?:[–—‒−-]|to)\s*")
_GAP_AND = re.compile(r"\s+and\s+")
_GAP_CONSECUTIVE = re.compile(r"\s+(?:and|to|through|until)\s+")


def _opener(text: str, m: Mention) -> str | None:
    """``between`` or ``from`` when it opens the mention or stands just before it."""
    words = m.text.split()[:1] + text[max(0, m.start - 9):m.start].split()[-1:]
    for word in words:
        if word.lower() in {"between", "from"}:
            return word.lower()
    return None


def _merge(text: str, found: list[Mention]) -> list[Mention]:
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
            if (opener == "between" and _GAP_AND.fullmatch(gap)) or (
                _GAP_CONSECUTIVE.fullmatch(gap)
                and (opener is not None or "and" not in gap or b.value == a.value + 1)
            ):
                start = a.start
                joined = Mention(K.YEAR, a.value, start, b.end, text[start:b.end],
                                 upper=b.value, qualifier=Q.RANGE,
                                 period=f"{int(a.value)}/{int(b.value)}")
        elif a.is_figure and b.is_figure and a.upper is None and b.upper is None:
            if (opener == "between" and _GAP_AND.fullmatch(gap)) or (
                opener != "from" and _GAP_RANGE.fullmatch(gap) and a.qualifier == Q.EXACT
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


def _range(text: str, a: Mention, b: Mention) -> Mention | None:
    kind = b.kind if a.kind == K.COUNT else a.kind
    if b.kind not in {kind, K.COUNT}:
        return None
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
    if a.kind == K.COUNT and b.kind in {K.COUNT, K.AMOUNT} and a.unit is None:
        a = replace(a, kind=b.kind, unit=b.unit)
    elif b.kind == K.COUNT and a.kind == K.AMOUNT and b.unit is None:
        b = replace(b, kind=K.AMOUNT, unit=a.unit)
    return a, b


def _inherit_currency(text: str, found: list[Mention]) -> list[Mention]:
    """A bare scaled number soon after an amount takes its currency ("a mere USD 18.79
    million, in 2014–2019 they increased to 300 million"), marked ``inferred``."""
    last: Mention | None = None
    out = []
    for mention in found:
        m = mention
        if (m.kind == K.COUNT and m.unit is None and m.scale is not None and last is not None
                and m.start - last.end < 160 and "\n\n" not in text[last.end:m.start]):
            m = replace(m, kind=K.AMOUNT, unit=last.unit, inferred=True)
        if m.kind == K.AMOUNT:
            last = m
        out.append(m)
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


_RIGHT_AFTER = re.compile(r"[\s\w’'-]{0,25}?\b(?:in|during|for|over|between)\s+", re.DOTALL)


def _attach_periods(text: str, found: list[Mention]) -> list[Mention]:
    """Give each figure the period its sentence states: the nearest before it, else after."""
    if not any(m.kind in TEMPORAL_KINDS for m in found):
        return found
    from bisect import bisect_left, bisect_right

    out = []
    sentences = _sentences(text)
    sentence_starts = [s[0] for s in sentences]
    # found is in text order and its spans do not overlap: bisect instead of scanning
    temporal = [t for t in found if t.kind in TEMPORAL_KINDS and t.period
                and not (t.upper is None and _is_bound(text, t))]
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
        if after and _RIGHT_AFTER.fullmatch(text[m.end:after.start]):
            chosen = after  # "a USD 7 billion credit line in 2015"
        out.append(replace(m, period=chosen.period) if chosen else m)
    return out


# --- finding where figures start ---------------------------------------------------------------
#
# ``_PATTERN`` tried at every position costs about a microsecond a character: its qualifier
# list matches every "a", "in", "at" and "some" before failing. Every match contains a *core*
# (digits, a number, scale, fraction, vague or fold word, a month), and can only start at that
# core or at a short lead before it: "a"/"an" ("a dozen", "a fifth", "a million"), a
# currency ("USD 4"), a qualifier ("just over"). So one cheap search finds the cores, the leads
# are read backwards from each core (on the reversed text), and ``_PATTERN`` is tried only at
# those starts, leftmost first, as ``finditer`` would: the same matches, a few attempts each.

_CORE_WORDS = sorted(
    {*_UNITS, *_TENS, "dozen", *_FRACTION_DENOMINATORS, *_VAGUE,
     "hundred", "thousand", "million", "billion", "trillion"}
    | (set(_FRACTION_NUMERATORS) - {"a", "an"}),
    key=len, reverse=True,
)
_FOLD_STEMS = "(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|ing|es)\\b"
_MONTH_STARTS = [_soft(m[:3].lower()) for m in MONTHS]
#: The cores, exactly as ``_PATTERN`` reads them (case-insensitive: slow to scan).
_CORE = re.compile(
    r"\d+|\b(?:" + "|".join(_CORE_WORDS) + r")\b|" + _FOLD_STEMS
    + r"|\b(?:" + "|".join(_MONTH_STARTS) + ")",
    re.IGNORECASE,
)


def _by_first_letter(alternatives: list[tuple[str, str]]) -> str:
    """``(first letter, rest)`` pairs as one branch per letter, each starting with a literal,
    so that the regex engine skips every other character without entering the pattern."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    return "|".join(
        re.escape(first) + r"(?<!\w.)(?:" + "|".join(rests) + ")"
        for first, rests in sorted(groups.items())
    )


#: The same cores in lower-cased text: digits, and words at a word start (fast to scan).
_DIGITS = re.compile(r"\d+")
_CORE_LOWER = re.compile(_by_first_letter(
    [(w[0], re.escape(w[1:]) + r"\b") for w in _CORE_WORDS]
    + [(m[0], m[1:]) for m in _MONTH_STARTS]
))
_FOLD_LOWER = re.compile(_FOLD_STEMS)


_LEAD_A = re.compile(r"[\s-]+(?:na|a)\b", re.IGNORECASE)
_LEAD_CURRENCY = re.compile(r"\s*(?:\$SU|DSU|RUE|PBG|YNC|BMR|BUR|HAU|NYB|FHC|YPJ|[$€£¥₽₴])",
                            re.IGNORECASE)
_LEAD_QUALIFIER = re.compile(
    r"\s+(?:" + "|".join(r"\s+".join(re.escape(word[::-1]) for word in reversed(q.split()))
                         for q in sorted(_QUALIFIERS, key=len, reverse=True))
    + r")(?![\w.])",
    re.IGNORECASE,
)
#: Leads read backwards from a core, on the reversed text: "a"/"an", a currency, a qualifier.


def _cores(masked: str) -> tuple[list[int], list[int]]:
    """Where a core may start: digit runs, and number, scale, fraction and fold words and
    months."""
    low = masked.lower()
    if len(low) != len(masked) or "ı" in low or "ſ" in low:
        # lower() is not what IGNORECASE compares ("İ", "ı", "ſ"): scan the slow, exact way
        return [], [m.start() for m in _CORE.finditer(masked)]
    digits = [m.start() for m in _DIGITS.finditer(masked)]
    words = [m.start() for m in _CORE_LOWER.finditer(low)]
    words += [m.start() for m in _FOLD_LOWER.finditer(low)]
    return digits, words


def _starts(masked: str) -> list[tuple[int, re.Pattern[str]]]:
    """Every position where ``_PATTERN`` may match, in order (a superset, never fewer), with
    the variant of the pattern that is enough there."""
    digits, words = _cores(masked)
    if not digits and not words:
        return []
    n = len(masked)
    backwards = masked[::-1]
    found: dict[int, re.Pattern[str]] = {}
    digit_set = set(digits)  # a set: ``in`` on the list made this quadratic
    for core in digits + words:
        leads = [core]
        if core not in digit_set or not masked[core].isdecimal():
            lead = _LEAD_A.match(backwards, n - core)  # "a dozen", "a fifth", "a million"
            if lead:
                leads.append(n - lead.end())
        for at in leads[:]:
            lead = _LEAD_CURRENCY.match(backwards, n - at)
            if lead:
                leads.append(n - lead.end())
        for at in leads:
            if at not in found:
                found[at] = _AT_DIGIT if masked[at].isdecimal() else _AT_WORD
        for at in leads[:]:
            lead = _LEAD_QUALIFIER.match(backwards, n - at)
            if lead:
                found[n - lead.end()] = _PATTERN
    return sorted(found.items())


def _matches(masked: str, starts: list[tuple[int, re.Pattern[str]]]) -> Iterator[re.Match[str]]:
    """``_PATTERN.finditer(masked)``, trying only the positions where a match may start."""
    pos = 0
    for start, pattern in starts:
        if start < pos:
            continue
        match = pattern.match(masked, start)
        if match is not None:
            yield match
            pos = match.end()


@lru_cache(maxsize=1 << 18)  # a 100,000-claim map has ~250,000 texts
def parse(text: str) -> tuple[Mention, ...]:
    """Every quantity in ``text``, in order, each with its span; cached by text."""
    masked = _mask(text)
    starts = _starts(masked)
    if not starts:  # no digit, number word, fold verb or month: no figure
        return ()
    found: list[Mention] = []
    for match in _matches(masked, starts):
        mention: Mention | None
        if match.group("date") is not None:
            mention = _read_date(match)
        elif match.group("years") is not None:
            mention = _read_years(match)
        else:
            mention = _read_quantity(match, masked)
            if mention is not None and masked is not text:
                mention = replace(mention, text=text[mention.start:mention.end])
        if mention is not None:
            found.append(mention)
    if not found:
        return ()
    found = _merge(text, found)
    found = _inherit_currency(text, found)
    found = _inherit_year(found)
    return tuple(_attach_periods(text, found))


_PARTIAL = re.compile(r"--(\d\d)-(\d\d)(?:/--(\d\d)-(\d\d))?")


def _inherit_year(found: list[Mention]) -> list[Mention]:
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
                dated = _date_mention(year, first, last, mention.start, mention.end,
                                      mention.text)
                if dated is not None:
                    chosen = replace(dated, inferred=True)
        elif mention.kind in (K.DATE, K.YEAR) and mention.period:
            year = int(mention.period[:4])
        out.append(chosen)
    return out


_BOUND_WORDS = frozenset({"since", "by", "until", "till", "before", "after", "from"})


def _is_bound(text: str, m: Mention) -> bool:
    """A year or date introduced by since/by/until/before/after/from bounds a change; it does
    not name the period a figure is about ("Since 2014 investment grew by USD 2 billion")."""
    lead = text[max(0, m.start - 8):m.start].lower().split()
    return bool(lead) and lead[-1] in _BOUND_WORDS


def text_period(text: str) -> str | None:
    """The one period a text speaks about, when all its years and dates name the same one.

    Years introduced by since/by/until/before/after/from do not name the period of a fact.
    """
    periods = set()
    for m in parse(text):
        if m.kind not in TEMPORAL_KINDS or m.period is None:
            continue
        if _is_bound(text, m):
            continue
        periods.add(m.period)
    return periods.pop() if len(periods) == 1 else None


# --- periods -----------------------------------------------------------------------------------


def _bound(part: str, last: bool) -> date:
    pieces = [int(p) for p in part.split("-")]
    if len(pieces) == 1:
        return date(pieces[0], 12, 31) if last else date(pieces[0], 1, 1)
    if len(pieces) == 2:
        if not last:
            return date(pieces[0], pieces[1], 1)
        return date(pieces[0], pieces[1], calendar.monthrange(pieces[0], pieces[1])[1])
    return date(pieces[0], pieces[1], pieces[2])


@lru_cache(maxsize=4096)  # a map names few periods, compared for every pair of figures
def period_bounds(period: str) -> tuple[date, date]:
    """First and last day a period covers: ``2020-01/2020-03`` -> 2020-01-01, 2020-03-31."""
    parts = period.split("/")
    return _bound(parts[0], last=False), _bound(parts[-1], last=True)


def periods_overlap(a: str | None, b: str | None) -> bool:
    """True when either period is unknown or they share a day (2019 and 2018/2019 do)."""
    if a is None or b is None:
        return True
    a0, a1 = period_bounds(a)
    b0, b1 = period_bounds(b)
    return a0 <= b1 and b0 <= a1


# --- conversion and formatting -----------------------------------------------------------------


def to_quantity(mention: Mention, quantity_id: str) -> Quantity:
    """The model :class:`~argmap.Quantity` for a mention (``text`` is its span)."""
    return Quantity(id=quantity_id, kind=mention.kind, value=mention.value, upper=mention.upper,
                    unit=mention.unit, scale=mention.scale, qualifier=mention.qualifier,
                    period=mention.period, text=mention.text)


def from_quantity(quantity: Quantity, claim_text: str | None = None) -> Mention:
    """A mention for a declared quantity; its span is found in ``claim_text`` when given.

    The rounding step and ``near`` come from the declared ``text`` when it parses to the same
    value, else from the digits of ``value``.
    """
    # the cache key spells the decimals out: 4 and 4.0 are equal but imply different steps
    return _declared(quantity.kind, str(quantity.value),
                     None if quantity.upper is None else str(quantity.upper), quantity.unit,
                     quantity.scale, quantity.qualifier, quantity.period, quantity.text or "",
                     claim_text)


@lru_cache(maxsize=1 << 16)  # three rules read each declared quantity
def _declared(kind: str, value_text: str, upper_text: str | None, unit: str | None,
              scale: str | None, qualifier: str, period: str | None, text: str,
              claim_text: str | None) -> Mention:
    value = Decimal(value_text)
    start = claim_text.find(text) if claim_text and text else -1
    step = _step_of(value)
    near = False
    for parsed in parse(text) if text else ():
        if parsed.value == value:
            step, near = parsed.step, parsed.near
            break
    return Mention(QuantityKind(kind), value, max(start, 0), max(start, 0) + len(text), text,
                   upper=None if upper_text is None else Decimal(upper_text), unit=unit,
                   scale=Scale(scale) if scale else None, qualifier=Qualifier(qualifier),
                   period=period, step=step, near=near)


def _step_of(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < 0:
        return Decimal(1).scaleb(exponent)
    return _decimal(str(int(value)))[1]


def _digits(value: Decimal) -> str:
    text = format(value, "f")
    whole, _, fraction = text.partition(".")
    whole = f"{int(whole):,}" if abs(int(whole)) >= 1000 else whole
    return f"{whole}.{fraction}" if fraction else whole


_QUALIFIER_WORDS = {(Q.OVER, False): "over", (Q.OVER, True): "just over",
                    (Q.UNDER, False): "under", (Q.UNDER, True): "nearly",
                    (Q.APPROX, False): "about", (Q.AT_LEAST, False): "at least",
                    (Q.AT_MOST, False): "up to", (Q.AT_MOST, True): "barely"}
_DENOMINATOR_WORDS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth",
                      7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
_NUMERATOR_WORDS = {1: "a", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                    8: "eight", 9: "nine"}


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


def format_mention(m: Mention) -> str:
    """The canonical English phrase for a quantity; :func:`parse` reads it back to itself."""
    if m.vague:
        word = {v: k for k, v in _VAGUE.items()}.get(int(m.value))
        if word:
            return f"{word} of"
    if m.kind in TEMPORAL_KINDS:
        if m.period is not None:
            return _format_period(m.period)
        if m.partial is not None:
            months_days = [p.removeprefix("--").split("-") for p in m.partial.split("/")]
            month = MONTHS[int(months_days[0][0]) - 1]
            days = "–".join(str(int(md[1])) for md in months_days)
            return f"{month} {days}"
        return _digits(m.value)
    scale = f" {m.scale.value}" if m.scale else ""
    currency = f"{m.unit} " if m.kind == K.AMOUNT and m.unit else ""
    count_unit = f" {m.unit}" if m.kind == K.COUNT and m.unit else ""
    if m.qualifier == Q.RANGE and m.upper is not None:
        if m.kind in {K.AMOUNT, K.COUNT}:
            return (f"between {currency}{_digits(m.value)} and {_digits(m.upper)}{scale}"
                    f"{count_unit}")
        return f"between {_core(m, m.value)} and {_core(m, m.upper)}"
    phrase = f"{currency}{_core(m, m.value)}{scale}{count_unit}"
    word = _QUALIFIER_WORDS.get((m.qualifier, m.near)) or _QUALIFIER_WORDS.get(
        (m.qualifier, False))
    return f"{word} {phrase}" if word else phrase
