"""Reading a match of ``PATTERN`` as a :class:`Mention`: dates, year ranges and quantities.

Which named groups of the match are set says which reading applies; each reading is a small
step below, and ``None`` means the match is not a figure after all ("Covid-19", "5m").

Annotations are evaluated where they are written (no ``from __future__ import annotations``):
a named tuple compiles each field's annotation text into a ``typing.ForwardRef``, and with
:mod:`.vocabulary`'s the 31 fields cost every check 2.1 M instructions (the paper's map,
callgrind, 1,401.4 -> 1,399.4 M).
"""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from argmap._lazyre import lazy_compile
from argmap._model import Qualifier, QuantityKind, Scale
from argmap._recache import recompile
from argmap._verify.numbers.grammar import GROUP, YEAR_RE
from argmap._verify.numbers.mention import ONE, K, Mention, Q, new_mention
from argmap._verify.numbers.vocabulary import (
    CURRENCIES,
    DIRECTION_BEFORE,
    FOLD_VERB_ENDINGS,
    FOLD_VERBS,
    FOLD_WORDS,
    FRACTION_DENOMINATORS,
    FRACTION_NUMERATORS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NOUN_SINGULARS,
    OR_BOUNDS,
    QUALIFIERS,
    SCALE_WORDS,
    TENS_WORDS,
    TIMES_AFTER,
    TIMES_BEFORE,
    TIMES_WORDS,
    UNIT_SPELLINGS,
    UNIT_SYMBOLS,
    UNIT_WORDS,
    VAGUE_WORDS,
)

#: A match's groups by name (``Match.group``: None for a group that took no part); a
#: pattern of 48 groups built a ``groupdict`` of them all for every figure.
Groups = Callable[[str], Any]  # str or None; Any as `re.Match.group` is typed

_CURRENCY_BEFORE = {token.lower(): code for code, currency in CURRENCIES.items()
                    for token in currency.before}
_CURRENCY_AFTER = {" ".join(token.lower().split()): code for code, currency in CURRENCIES.items()
                   for token in currency.after}
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, 1)} | {
    name.lower(): number for name, number in MONTH_ABBREVIATIONS.items()}

# --- words and digits ---------------------------------------------------------------------------

#: The letters outside ASCII that a case-insensitive pattern lets stand for ASCII ones (the
#: only four in Unicode): "ſix" matches "six", so the word is looked up as "six".
_LIKE_ASCII = str.maketrans({"ſ": "s", "K": "k", "ı": "i", "İ": "i"})


def key(word: str) -> str:
    """A matched word as the vocabulary spells it: lower case, with the letters that
    ``re.IGNORECASE`` equates to ASCII ones replaced by them."""
    return word.lower() if word.isascii() else word.translate(_LIKE_ASCII).lower()


_GROUPING = recompile("[, \u00a0\u2009\u202f]")
_NOT_LETTER = recompile("[^a-z]")
_LINE_END_HYPHEN = lazy_compile(r"-[ \t]*\r?\n\s*")


@lru_cache(maxsize=1 << 12)  # "2019", "5", "10": a map writes few distinct numbers often
def decimal(digits: str) -> tuple[Decimal, Decimal]:
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
    parts = re.split(r"[\s-]+", key(word))
    if parts[-1] == "dozen":
        return Decimal(12)
    total = 0
    for part in parts:
        if part in {"a", "an"}:
            total = 1
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part in TENS_WORDS:
            total += TENS_WORDS[part]
        else:
            total += UNIT_WORDS[part]
    return Decimal(total)


def _norm(phrase: str) -> str:
    """Lower case, one space between words, line-end hyphens removed."""
    if "-" in phrase and "\n" in phrase:
        phrase = _LINE_END_HYPHEN.sub("", phrase)
    return key(" ".join(phrase.split()))  # str.split() splits where \s+ matches


def fraction_value(numerator: int, denominator: int) -> Decimal:
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001")).normalize()


# --- dates and years ----------------------------------------------------------------------------


def _month(name: str) -> int:
    letters = _NOT_LETTER.sub("", _norm(name))
    return _MONTH_NUMBER.get(letters) or _MONTH_NUMBER[letters[:3]]


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


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def read_date(m: re.Match[str]) -> Mention | None:
    """A date or a span of dates; each alternative of the ``date`` group names its parts
    with its own letter (``a_d1`` is the first day of "3–6 December 2020")."""
    g: Groups = m.group
    start, end, raw = m.start(), m.end(), m.group()
    if g("f_y") is not None:  # 2022-10-24 (ISO 8601, the whole date only: "2009-10" is a span)
        day = (int(g("f_m")), int(g("f_d")))
        return date_mention(int(g("f_y")), day, day, start, end, raw)
    if g("a_d1") is not None:  # 3–6 December [2020]
        month, d1, d2 = _month(g("a_m")), _day(g("a_d1")), _day(g("a_d2"))
        return date_mention(_year(g("a_y")), (month, d1), (month, d2), start, end, raw)
    if g("b_d1") is not None:  # 30 November[–2 December] [2020]
        m1, d1 = _month(g("b_m1")), _day(g("b_d1"))
        m2, d2 = (_month(g("b_m2")), _day(g("b_d2"))) if g("b_d2") else (m1, d1)
        return date_mention(_year(g("b_y")), (m1, d1), (m2, d2), start, end, raw)
    if g("c_m1") is not None:  # January[ 2019]–March 2020
        return _month_span(g, start, end, raw)
    if g("d_m") is not None:  # December 3[–6][, 2020]
        month, d1 = _month(g("d_m")), _day(g("d_d1"))
        d2 = _day(g("d_d2")) if g("d_d2") else d1
        return date_mention(_year(g("d_y")), (month, d1), (month, d2), start, end, raw)
    year = int(g("e_y"))  # March 2020
    return Mention(K.DATE, Decimal(year), start, end, raw, period=_iso(year, _month(g("e_m"))))


def _month_span(g: Groups, start: int, end: int, raw: str) -> Mention | None:
    y2 = int(g("c_y2") or "")
    y1 = _year(g("c_y1")) or y2
    period = _span(_iso(y1, _month(g("c_m1") or "")), _iso(y2, _month(g("c_m2") or "")))
    if period is None or period.split("/")[0] > period.split("/")[-1]:
        return None
    return Mention(K.DATE, Decimal(y1), start, end, raw, upper=None if y1 == y2
                   else Decimal(y2), qualifier=Q.EXACT if y1 == y2 else Q.RANGE,
                   period=period)


def date_mention(year: int | None, first: tuple[int, int], last: tuple[int, int], start: int,
                 end: int, raw: str) -> Mention | None:
    """Days from ``first`` to ``last`` (month, day); without a year, a partial date."""
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


def read_years(m: re.Match[str]) -> Mention | None:
    """A span of years: "2014–2019", "2014-19"."""
    y1, y2_text = int(m.group("y1")), m.group("y2")
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if y2 <= y1:
        return None
    return Mention(K.YEAR, Decimal(y1), m.start(), m.end(), m.group(), upper=Decimal(y2),
                   qualifier=Q.RANGE, period=f"{y1}/{y2}")


# --- quantities ---------------------------------------------------------------------------------


class _Lead(NamedTuple):
    """The qualifier phrase before a figure, as read: "just over" is (over, near)."""

    qualifier: Qualifier
    near: bool
    word: str | None


_NO_LEAD = _Lead(Q.EXACT, False, None)


def _lead(phrase: str | None) -> _Lead:
    if phrase is None:
        return _NO_LEAD
    key = _norm(phrase)
    qualifier, near = QUALIFIERS[key]
    return _Lead(qualifier, near, key)


class _Quantity(NamedTuple):
    """The groups of a quantity's match that its reading looks at, read in one call (each
    ``Match.group`` call looks the name up and copies the text: a figure asked some 25)."""

    qual: str | None
    foldverb: str | None
    foldword: str | None
    twice: str | None
    frac: str | None
    fr_n: str | None
    fr_d: str | None
    vague: str | None
    cur: str | None
    sign: str | None
    num: str | None
    uglue: str | None
    glue: str | None
    xglue: str | None
    word: str | None
    scale: str | None
    curpost: str | None
    pct: str | None
    pp: str | None
    fold: str | None
    post: str | None


#: The numbers of those groups (see ``GROUP``), and of the groups asked for on their own.
_QUANTITY_GROUPS = tuple(GROUP[name] for name in _Quantity._fields)
_NUM, _CUR, _SIGN, _WORD = GROUP["num"], GROUP["cur"], GROUP["sign"], GROUP["word"]
#: ``_Quantity._make`` without its Python frame: ``Match.group`` of the 21 names gives a
#: tuple of 21, which ``_make`` only checks the length of.
_as_quantity: Callable[[type[_Quantity], tuple[str | None, ...]], _Quantity] = tuple.__new__


def read_quantity(m: re.Match[str], text: str) -> Mention | None:
    """A fold verb, a fraction, a vague count, or a number with what goes with it."""
    g = _as_quantity(_Quantity, m.group(*_QUANTITY_GROUPS))
    (qual, _, _, _, _, _, _, _, cur, sign, num, uglue, glue, xglue, _, scale, curpost, pct, pp,
     fold, post) = g  # the plain year's test below reads locals, not the tuple's fields
    lead = _lead(qual) if qual is not None else _NO_LEAD
    if (num is not None and len(num) == 4 and glue is None and cur is None
            and curpost is None and scale is None and lead.qualifier in _YEAR_LEADS
            and not (pct or pp or fold or post or sign or uglue or xglue)
            and YEAR_RE.fullmatch(num)):
        # a plain year, half the figures of a text: what _number, _digits, _is_year and
        # _year_or_decade decide for it, without their calls; its value is the year's, read
        # from its digits
        return read_year(text, m.start(_NUM), m.end(), num)
    if g.foldverb is not None:
        return _fold_verb(m, g.foldverb, lead)
    if g.foldword is not None or g.twice is not None:
        return _fold_word(m, g.foldword or g.twice or "", lead)
    if g.frac is not None:
        return _fraction(m, g, lead)
    if g.vague is not None:
        return Mention(K.COUNT, Decimal(VAGUE_WORDS[key(g.vague)]), m.start(), m.end(),
                       m.group(), qualifier=Q.AT_LEAST, vague=True)
    return _number(m, g, text, lead)


def read_year(text: str, at: int, end: int, num: str) -> Mention | None:
    """A plain year, its digits ``num`` from ``at`` to ``end`` of ``text`` (the match ends
    with them: no glued letters, percent, fold or bound, no currency, scale or sign); its
    value is the year's, read from its digits."""
    if at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha() and not _PART_OF_YEAR.search(
            text, at - 7 if at > 7 else 0, at):
        return None  # "Covid-2019" (_digits: a number inside a name)
    window = text[at - 12 if at > 12 else 0:at]
    if "BY" in window and _VERSION_BEFORE.search(window):
        return None  # "CC BY 2019" (_digits: a version)
    return new_mention(K.YEAR, decimal(num)[0], at, end, text[at:end], None, None, None,
                       Q.EXACT, num if num.isascii() else f"{int(num):04d}", ONE, False,
                       False, False, None, 0)  # every field, in order


def read_number(text: str, at: int, end: int, num: str) -> Mention | None:
    """:func:`read_quantity` of a match that is the digits ``num`` from ``at`` to ``end``
    of ``text`` and nothing else (no lead, glued letters, currency, scale, percent, fold or
    bound), and not a plain year (see :func:`read_year`): what ``_number`` and ``_digits``
    decide for it, a count with the unit after it, without their calls."""
    if 6 <= len(num) <= 7 and num[4] == "." and (footnoted := _FOOTNOTED_YEAR.fullmatch(num)):
        return Mention(K.YEAR, Decimal(footnoted.group(1)), at, at + 4, text[at:at + 4],
                       period=footnoted.group(1))
    if at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha() and not (
            _PART_OF_YEAR.search(text, max(0, at - 7), at) and YEAR_RE.fullmatch(num)):
        return None  # "Covid-19"
    value, step = decimal(num)
    window = text[at - 12 if at > 12 else 0:at]
    if "BY" in window and _VERSION_BEFORE.search(window):
        return None  # "CC BY-SA 4.0"
    unit, end = counted_unit(text, end)
    return new_mention(K.COUNT, value, at, end, text[at:end], None, unit, None, Q.EXACT,
                       None, step, False, False, False, None, 0)  # every field, as in _number


def _fold_verb(m: re.Match[str], verb: str, lead: _Lead) -> Mention:
    word = key(verb)
    stem = next((word[:-len(e)] for e in FOLD_VERB_ENDINGS if word.endswith(e)), word)
    return Mention(K.FOLD, FOLD_VERBS[stem], m.start(), m.end(), m.group(),
                   qualifier=lead.qualifier, near=lead.near)


def _fold_word(m: re.Match[str], word: str, lead: _Lead) -> Mention:
    """"tenfold", "twentyfold", "a hundredfold"; "twice as many", "thrice the size"."""
    name = key(word)
    if name in TIMES_WORDS:
        value = TIMES_WORDS[name]
    else:
        number = name.removesuffix("fold")
        value = Decimal(UNIT_WORDS.get(number) or TENS_WORDS.get(number)
                        or FOLD_WORDS[number])
    return Mention(K.FOLD, value, m.start(), m.end(), m.group(), qualifier=lead.qualifier,
                   near=lead.near)


def _fraction(m: re.Match[str], g: _Quantity, lead: _Lead) -> Mention | None:
    if g.fr_n is None or g.fr_d is None:  # a lone "half"
        numerator, denominator = 1, 2
    else:
        numerator = FRACTION_NUMERATORS[key(g.fr_n)]
        denominator = FRACTION_DENOMINATORS[key(g.fr_d)]
    if numerator >= denominator:
        return None  # "two halves", "three thirds": a whole, not a share of one
    return Mention(K.FRACTION, fraction_value(numerator, denominator), m.start(), m.end(),
                   m.group(), qualifier=lead.qualifier, near=lead.near, step=Decimal("0.05"))


_FOOTNOTED_YEAR = lazy_compile(r"((?:1[89]|20)\d\d)\.\d{1,2}")
_VERSION_BEFORE = lazy_compile(r"BY(?:-[A-Z]{2})*\s*$")


#: The leads a plain year may have ("in 2019", "between 2014 and 2019").
_YEAR_LEADS = frozenset({Q.EXACT, Q.RANGE})


def _number(m: re.Match[str], g: _Quantity, text: str, lead: _Lead) -> Mention | None:
    """A number in digits or words, with its currency, scale, percent or fold, and after it
    a bound ("or more") or the counted noun."""
    read = _digits(m, g, text) if g.num is not None else _words(g)
    if not isinstance(read, tuple):
        return read
    value, step = read
    # (read_quantity reads a plain year) most numbers have no glued letters, currency or
    # scale: no call to read what is not set
    glue = key(g.glue) if g.glue else ""
    currency = _currency(g) if g.cur or g.curpost else None
    if glue == "m" and not currency:
        return None  # "5m" is as likely metres as millions
    scale = _scale(g.scale, glue) if glue or g.scale else None
    if _is_year(g, glue, currency, scale, lead):
        return _year_or_decade(m, g, text, glue)
    if glue == "s":
        return None
    kind = _kind(g, currency)
    if kind == K.FOLD and key(g.fold or "").endswith("times") and value == value.to_integral(
            ) and not _factor(m, text):
        kind = K.COUNT  # "visited China 12 times": occasions, no factor
    unit = currency if kind == K.AMOUNT else None
    start, end = m.start(), m.end()
    if kind == K.COUNT and g.uglue:
        unit = UNIT_SYMBOLS[g.uglue]
    elif kind == K.COUNT and not g.post and not g.fold:
        unit, end = counted_unit(text, end)
    qualifier = _bound_after(g.post) if g.post else lead.qualifier
    if lead.word in {"from", "between"}:
        qualifier = Q.EXACT
        if lead.word == "from":  # "from 21 thousand to ...": "from" is not part of the figure
            start = m.start(_CUR) if g.cur else m.start(
                _SIGN if g.sign else _NUM if g.num else _WORD)
    direction = 0
    if g.sign:
        direction = 1 if g.sign == "+" else -1
        value = -value if direction < 0 else value
    return new_mention(kind, value, start, end, text[start:end], None, unit, scale,
                       qualifier, None, step, lead.near, False, False, None,
                       direction)  # every field, in order: the quickest build


#: "mid-2019", "early-2020", "late-2019": a part of the year, read as the year it lies in.
_PART_OF_YEAR = lazy_compile(r"(?<![\w-])(?:mid|early|late)-$", re.IGNORECASE)


def _digits(m: re.Match[str], g: _Quantity, text: str) -> tuple[Decimal, Decimal] | Mention | None:
    """The value and step of a number in digits; a year with a footnote marker ("in
    2019.7") is read as that year; a number inside a name or licence is none."""
    digits = g.num or ""
    at = m.start(_NUM)
    # a footnoted year is four digits, a point and one or two: the pattern only for those
    footnoted = (_FOOTNOTED_YEAR.fullmatch(digits)
                 if 6 <= len(digits) <= 7 and digits[4] == "." else None)
    if footnoted and not any((g.cur, g.scale, g.pct, g.pp, g.fold, g.glue, g.curpost)):
        return Mention(K.YEAR, Decimal(footnoted.group(1)), at, at + 4, text[at:at + 4],
                       period=footnoted.group(1))
    if at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha() and not (
            _PART_OF_YEAR.search(text, max(0, at - 7), at) and YEAR_RE.fullmatch(digits)):
        return None  # "Covid-19", "za-5-let" in a URL slug: part of a name
    value_step = decimal(digits)
    window = text[at - 12 if at > 12 else 0:at]  # a conditional, where max() was a call
    if "BY" in window and _VERSION_BEFORE.search(window):
        return None  # "CC BY-SA 4.0"
    return value_step


def _words(g: _Quantity) -> tuple[Decimal, Decimal] | None:
    """The value of a number in words; "a" or "one" alone is a figure only with a scale,
    currency or percent ("a million", "one per cent")."""
    word = _norm(g.word or "")
    if word in {"a", "an", "one"} and not (g.scale or g.cur or g.pct):
        return None
    return _word_value(word), Decimal(1)


def _currency(g: _Quantity) -> str | None:
    """The currency written before the number, else the one written after it."""
    currency = _CURRENCY_BEFORE.get(g.cur.lower()) if g.cur else None
    if g.curpost:
        currency = currency or _CURRENCY_AFTER[_norm(g.curpost)]
    return currency


def _scale(spaced: str | None, glue: str) -> Scale | None:
    if glue and glue != "s":
        return SCALE_WORDS[glue].scale
    if not spaced:
        return None
    # a scale word as written ("million", "bn") is a key as it is: the letters-only spelling
    # is wanted only for one broken by a line-end hyphen ("mil-\nlion"), and the substitution
    # cost a call into ``re`` for every scaled figure
    lowered = spaced.lower()
    word = SCALE_WORDS.get(lowered) or SCALE_WORDS.get(_NOT_LETTER.sub("", lowered))
    return word.scale if word else None


def _is_year(g: _Quantity, glue: str, currency: str | None, scale: Scale | None,
             lead: _Lead) -> bool:
    """A plain four-digit number from 1800 to 2100 is a year, unless a currency, scale,
    percent, fold, bound or qualifier makes it a figure ("over 2000 MPs")."""
    num = g.num
    if num is None or len(num) != 4 or glue not in {"", "s"} or YEAR_RE.fullmatch(num) is None:
        return False  # a year is four digits: most numbers are not, and skip the pattern
    if currency or scale or g.pct or g.pp or g.fold or g.post or g.sign:
        return False
    if g.uglue or g.xglue:
        return False
    return lead.qualifier in _YEAR_LEADS or glue == "s"


def _year_or_decade(m: re.Match[str], g: _Quantity, text: str, glue: str) -> Mention | None:
    """A year, or a decade ("the 2000s"); the span starts at the year: "in 2019" is a year,
    "from" / "just" are not part of it."""
    year = int(g.num or "")
    start, end = m.start(_NUM), m.end()
    if glue != "s":
        return Mention(K.YEAR, Decimal(year), start, end, text[start:end], period=f"{year:04d}")
    if year % 10:
        return None
    return Mention(K.YEAR, Decimal(year), start, end, text[start:end], upper=Decimal(year + 9),
                   qualifier=Q.RANGE, period=f"{year}/{year + 9}")


_NEXT_WORD = lazy_compile(r"\s{1,8}([A-Za-z]{1,30})\b")


def _factor(m: re.Match[str], text: str) -> bool:
    """Whether a whole "N times" is a factor: before a comparison ("three times more", "3
    times faster", "2 times those of 2015") or after a copula or a verb of change ("were 2
    times", "grew 3 times"); elsewhere it counts occasions ("12 times"). "2.5 times" is
    always a factor. A bound after it is skipped: "10 times or more slower"."""
    ends = [m.end("fold")] + ([m.end("post")] if m.group("post") else [])
    for end in ends:
        after = _NEXT_WORD.match(text, end)
        if after is not None:
            word = key(after.group(1))
            if word in TIMES_BEFORE or (len(word) > 4 and word.endswith("er")):
                return True
    words = text[max(0, m.start() - 40):m.start()].split()[-1:]
    return bool(words) and (key(words[0]) in TIMES_AFTER or key(words[0]) in DIRECTION_BEFORE)


def _kind(g: _Quantity, currency: str | None) -> QuantityKind:
    if g.pct:
        return K.PERCENT
    if g.pp:
        return K.PERCENTAGE_POINTS
    if g.fold or g.xglue:
        return K.FOLD
    return K.AMOUNT if currency else K.COUNT


def _bound_after(post: str) -> Qualifier:
    """"300+" and "300 or more" are at least 300; "300 or fewer" at most."""
    words = _norm(post)
    return Q.AT_LEAST if words == "+" else OR_BOUNDS[words.split()[-1]]


#: The word after a count: letters (with "²", as in "km²") up to 40 characters, on the same
#: line or the next; a longer run of letters is no unit the vocabulary holds.
_WORD_AFTER = recompile(r"[ \t]{0,40}(?:\r?\n[ \t]{0,40})?([^\W\d_]{1,40})(?![\w-])")
#: The noun after an attributive one ("test cases"): one space, the same line.
_NOUN_AFTER = lazy_compile(r"[ \t]([^\W\d_]{1,40})(?![\w-])")
_HYPHEN_UNIT = recompile(r"-([a-z]{1,40})\b")


def unit_name(word: str) -> str | None:
    """The count unit a word after a number names ("files", "KiB"), or None: only the words
    of :data:`~.vocabulary.COUNT_UNITS` are units."""
    return UNIT_SYMBOLS.get(word) or UNIT_SPELLINGS.get(key(word))


#: The long name of a TEU after a count or its noun: "340 thousand twenty-foot equivalent
#: units", "340 thousand containers with a twenty-foot equivalent unit" (the FIIA paper, where
#: a line-end hyphen splits "equiva-lent"). It names the unit, so its "twenty" is no count.
_BREAK = r"[ \t]*(?:\r?\n[ \t]*)?"
_TEU_NAME = recompile(
    rf"{_BREAK}(?:(?:containers?|boxes){_BREAK}(?:with|in){_BREAK}an?{_BREAK}|in{_BREAK})?"
    rf"twenty-foot{_BREAK}equiva(?:-{_BREAK})?lent{_BREAK}units?\b", re.IGNORECASE)


def counted_unit(text: str, end: int) -> tuple[str | None, int]:
    """The unit after a count ("54 states", "16 KiB", "a 5-member board"), if the word there
    is one of the vocabulary's units; any other word is not a unit. Containers counted in
    twenty-foot equivalent units are TEU."""
    if text.find("-", end) >= 0:  # the TEU's name and a hyphened unit hold a hyphen: most
        # texts have none after a count, and skip both patterns
        teu = _TEU_NAME.match(text, end)
        if teu:
            return "TEU", teu.end()
        hyphen = _HYPHEN_UNIT.match(text, end) if text.startswith("-", end) else None
        if hyphen:
            name = unit_name(hyphen.group(1))
            return (name, hyphen.end()) if name else (None, end)
    match = _WORD_AFTER.match(text, end)
    if not match:
        return None, end
    name = unit_name(match.group(1))
    if name and key(match.group(1)) in NOUN_SINGULARS:  # "49 test cases" counts cases
        head = _NOUN_AFTER.match(text, match.end(1))
        head_name = unit_name(head.group(1)) if head else None
        if head and head_name and key(head.group(1)) == key(head_name):
            return head_name, head.end(1)
    return (name, match.end(1)) if name else (None, end)
