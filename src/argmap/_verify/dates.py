"""Dates cited like figures: which years, dates and periods a claim states, which ones its
evidence quotes state, and whether each of the claim's is among them.

A date is a fact: "Russia lifted its transit ban in June 2019" is wrong if the source says
June 2018, and a checker that compares the figures but not the years passes it. So every
year, date and period of a claim (in its text, read by the number grammar, and its
``period`` field) must be *stated* by one of its evidence quotes: equal to a date the quote
states, within it ("2019" within "2014–2019"), or the same date written less precisely
("March 2020" for "11 March 2020"). The two ends of a claim's period may be stated
separately ("2013–2018" by "in 2013" and "in 2018"). A quote states what its own words
(and its W3C ``prefix`` and ``suffix``, compared with the snapshot by AM404) say; words in
square brackets are the analyst's insertions and state nothing; ``evidence.period`` is the
analyst's reading, checked by AM601 and AM602, and states nothing either.

A relative date ("last year", "two years ago", "this month") is resolved against the issue
date of the source whose text holds the quote (``issued``, ISO or CSL). When it cannot be
(the source has no issue date, or the phrase names no definite period: "in recent years")
the date is *unresolved*: AM603 reports it as not checkable, unless a quote of the claim uses
the same phrase.

The source dates themselves (``issued``, ``accessed``: ISO text or CSL ``date-parts``) are
read here too, with every part checked, so an impossible date (month 13, year 10^22) is a
finding (AM604), never a crash.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from argmap._lazyre import lazy_compile
from argmap._recache import recompile
from argmap._slotinit import slot_maker, slot_record
from argmap._verify.anchor import quote_holder
from argmap._verify.compare import Verdict, claim_figures
from argmap._verify.numbers import TEMPORAL_KINDS, parse, period_bounds
from argmap._verify.numbers.periods import days_in_month

if TYPE_CHECKING:
    from collections.abc import Sequence

    from argmap._model import Claim, CslDate, Quantity
    from argmap._verify.index import ClaimFields, MapIndex

__all__ = [
    "ClaimDate",
    "DateStatus",
    "StatedDate",
    "claim_dates",
    "date_bounds",
    "date_problem",
    "dates_of",
    "quote_dates",
    "show_date",
    "text_dates",
]

# --- source dates: ISO text or CSL date-parts --------------------------------------------------

_ISO = recompile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_SEASONS = range(13, 17)  # CSL-JSON processors read months 13-16 as the four seasons
_MAX_SHOWN = 12  # digits of an impossible date part shown in a message


def _part_problem(parts: list[int | str]) -> str | None:
    """Why one ``[year, month, day]`` entry is not a calendar date, or None."""
    if not parts:
        return "an empty date"
    numbers: list[int] = []
    for name, part in zip(("year", "month", "day"), parts[:3], strict=False):
        limit = "outside 1-9999" if name == "year" else "out of range"
        if isinstance(part, int) and not isinstance(part, bool) and abs(part) > 9999:
            return f"the {name} {_show_part(part)} is {limit}"
        text = str(part).strip()
        if isinstance(part, bool) or not re.fullmatch(r"-?\d+", text):
            return f"the {name} {_short(text)!r} is not a number"
        if len(text.lstrip("-")) > 4:  # int() of a 5,000-digit string is slow
            return f"the {name} {_short(text)} is {limit}"
        numbers.append(int(text))
    year = numbers[0]
    if not 1 <= year <= 9999:
        return f"the year {year} is outside 1-9999"
    if len(numbers) > 1:
        month = numbers[1]
        if month in _SEASONS and len(numbers) == 2:
            return None
        if not 1 <= month <= 12:
            return f"the month {month} is not 1-12"
        if len(numbers) > 2 and not 1 <= numbers[2] <= days_in_month(year, month):
            return f"{year:04d}-{month:02d} has no day {numbers[2]}"
    return None


def _show_part(part: int | str) -> str:
    """A date part for a message; a huge integer by its size (str() of one over 4,300 digits
    raises)."""
    if isinstance(part, int) and abs(part) > 10**_MAX_SHOWN:
        return f"of about {int(abs(part).bit_length() * 0.30103) + 1} digits"
    return _short(str(part))


def _short(text: str) -> str:
    if len(text) <= _MAX_SHOWN:
        return text
    return f"{text[:_MAX_SHOWN]}... ({len(text)} characters)"


def date_problem(value: str | CslDate | None) -> str | None:
    """Why a source date cannot be a calendar date (month 13, year 10^22), or None.

    Only ``date-parts`` are checked: ISO text is checked when the map loads, and CSL
    ``literal`` and ``raw`` are free text ("n.d.", "Spring 2020").

    >>> date_problem(None) is None
    True
    """
    if value is None or isinstance(value, str) or not value.date_parts:
        return None
    for entry in value.date_parts[:2]:
        found = _part_problem(list(entry))
        if found is not None:
            return found
    return None


def _entry_bounds(parts: list[int | str]) -> tuple[date, date] | None:
    if _part_problem(parts) is not None:
        return None
    numbers = [int(str(p)) for p in parts[:3]]
    year = numbers[0]
    if len(numbers) == 1 or numbers[1] in _SEASONS:
        return date(year, 1, 1), date(year, 12, 31)
    month = numbers[1]
    if len(numbers) == 2:
        return date(year, month, 1), date(year, month, days_in_month(year, month))
    day = date(year, month, numbers[2])
    return day, day


def _iso_bounds(text: str) -> tuple[date, date] | None:
    ranges = []
    for piece in text.split("/"):
        match = _ISO.match(piece.strip())
        if match is None:
            return None
        bounds = _entry_bounds([g for g in match.groups() if g is not None])
        if bounds is None:
            return None
        ranges.append(bounds)
    return ranges[0][0], ranges[-1][1]


def date_bounds(value: str | CslDate | None) -> tuple[date, date] | None:
    """The earliest and latest day a CSL or ISO date can mean, or None when unreadable.

    >>> date_bounds("2020-12")
    (datetime.date(2020, 12, 1), datetime.date(2020, 12, 31))
    """
    if value is None:
        return None
    if isinstance(value, str):
        return _iso_bounds(value)
    if value.date_parts:
        ranges = []
        for entry in value.date_parts[:2]:
            bounds = _entry_bounds(list(entry))
            if bounds is None:
                return None
            ranges.append(bounds)
        return ranges[0][0], ranges[-1][1]
    text = value.raw or value.literal
    return _iso_bounds(text) if text else None


def show_date(value: str | CslDate) -> str:
    """A source date as the map gives it, short enough for a message."""
    if isinstance(value, str):
        return value
    if value.date_parts:
        return "/".join("-".join(_show_part(p) for p in entry) for entry in value.date_parts)
    return value.raw or value.literal or "?"


def _issue(value: str | CslDate | None) -> tuple[int, int | None] | None:
    """The year and month (None when not given) a source was issued, for relative dates."""
    bounds = date_bounds(value)
    if bounds is None:
        return None
    first, last = bounds
    if first.year != last.year:
        return None
    same_month = first.month == last.month
    return first.year, first.month if same_month else None


# --- dates in a text ------------------------------------------------------------------------------


@slot_record
class StatedDate:
    """A year, date or period written in a text (or given in a ``period`` field).

    ``period`` is ISO (``2019``, ``2020-01/2020-03``); None for a relative date not yet (or
    not) resolved, and for a date without a year, whose month and day are in ``partial``
    (``--12-03/--12-06``). ``relative`` is a relative phrase as normalised ("last year");
    ``offset`` and ``unit`` how far from the issue date it points (``offset`` None: no
    definite period, as in "in recent years").
    """

    text: str
    start: int
    end: int
    period: str | None = None
    partial: str | None = None
    relative: str | None = None
    unit: str | None = None
    offset: int | None = None

    @property
    def shown(self) -> str:
        """The date as written, with what it was read or resolved as when that differs."""
        if self.period is None or self.period == self.text:
            return repr(self.text)
        return f"{self.text!r} ({self.period})"


#: ``StatedDate(*fields)``, all eight given in order, built without the call of the class
#: (:func:`argmap._slotinit.slot_maker`): one a year or date of every text read (9,456 at
#: 10,000 claims).
_new_stated = slot_maker(StatedDate, "_new_stated")


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: Relative phrases, the unit they count in and their offset from the issue date (None: none).
_RELATIVE_FIXED: dict[str, tuple[str, int | None]] = {
    "this year": ("year", 0), "the current year": ("year", 0), "last year": ("year", -1),
    "next year": ("year", 1), "the coming year": ("year", 1),
    "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
    "recent years": ("year", None), "recent months": ("month", None),
}
_RELATIVE = recompile(
    r"\b(?:(?P<fixed>" + "|".join(p.replace(" ", r"\s+") for p in _RELATIVE_FIXED) + r")"
    r"|(?P<count>\d{1,2}|" + "|".join(_COUNT_WORDS) + r")\s+(?P<unit>year|month)s?\s+ago"
    r"|(?:the\s+)?(?:past|last)\s+(?:few|several|couple\s+of|\d{1,2}|"
    + "|".join(w for w in _COUNT_WORDS if len(w) > 2) + r")\s+(?P<span>year|month)s)\b",
    re.IGNORECASE,
)
_BRACKETS = lazy_compile(r"\[[^\[\]\n]{0,200}\]")  # "[in 2019]": the analyst's words


def _relative(match: re.Match[str]) -> StatedDate:
    phrase = " ".join(match.group(0).lower().split())
    unit: str
    offset: int | None
    if match.group("fixed"):
        unit, offset = _RELATIVE_FIXED[" ".join(match.group("fixed").lower().split())]
    elif match.group("count"):
        count = match.group("count").lower()
        unit = match.group("unit").lower()
        offset = -(int(count) if count.isdigit() else _COUNT_WORDS[count])
    else:  # "the past five years": which years it covers depends on the writer
        unit, offset = match.group("span").lower(), None
    return StatedDate(match.group(0), match.start(), match.end(), relative=phrase,
                      unit=unit, offset=offset)


@lru_cache(maxsize=1 << 16)  # a claim's text and a quote's text are read by several rules
def text_dates(text: str) -> tuple[StatedDate, ...]:
    """Every year, date, period and relative date written in ``text``, in order.

    Years and dates are the number grammar's (:func:`argmap._verify.numbers.parse`);
    relative dates come unresolved (``period`` None).

    >>> [d.period for d in text_dates("In January-March 2020 exports fell, as last year.")]
    ['2020-01/2020-03', None]
    """
    read = parse(text)
    found = [  # every field, in order: no keywords to match, no class called
        _new_stated(m.text, m.start, m.end, m.period, m.partial or None, None, None, None)
        for m in read
        if m.kind in TEMPORAL_KINDS and (m.period or m.partial)
    ] if read else []  # most texts hold no number: no comprehension's frame
    lowered = text.lower()  # _may_be_relative, inline: called for every claim and quote
    if "year" in lowered or "month" in lowered:
        found.extend(_relative(match) for match in _RELATIVE.finditer(text))
    if len(found) < 2:  # most texts: no date, or one
        return tuple(found)
    return tuple(sorted(found, key=lambda d: d.start))


def _may_be_relative(text: str) -> bool:
    """Whether ``text`` may hold a relative date: each one names a year or a month.

    A cheap filter before :data:`_RELATIVE`, whose many alternatives are tried at every word
    edge: every character the pattern matches as a letter of "year" or "month" (case
    ignored) lowers to that letter, so a text whose lowered form holds neither word has no
    match (tests/test_dates.py checks every code point).
    """
    lowered = text.lower()
    return "year" in lowered or "month" in lowered


def resolve(stated: StatedDate, issued: tuple[int, int | None] | None) -> StatedDate | None:
    """A relative date as the ISO period it names from the issue date; None when it cannot."""
    if stated.relative is None:
        return stated
    if issued is None or stated.offset is None:
        return None
    year, month = issued
    if stated.unit == "year":
        target = year + stated.offset
        return replace(stated, period=f"{target:04d}") if 1 <= target <= 9999 else None
    if month is None:
        return None
    index = year * 12 + month - 1 + stated.offset
    target, target_month = divmod(index, 12)
    if not 1 <= target <= 9999:
        return None
    return replace(stated, period=f"{target:04d}-{target_month + 1:02d}")


# --- comparing dates ------------------------------------------------------------------------------


def _safe_bounds(period: str) -> tuple[date, date] | None:
    try:
        return period_bounds(period)
    except (ValueError, OverflowError, IndexError):
        return None


def _unit_of(day: date, part: str) -> tuple[date, date]:
    """The year, month or day containing ``day``, at the precision ``part`` is written in."""
    pieces = part.count("-") + 1
    if pieces == 1:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if pieces == 2:
        last_day = days_in_month(day.year, day.month)
        return date(day.year, day.month, 1), date(day.year, day.month, last_day)
    return day, day


class _Stated(NamedTuple):
    """A stated date as days, and whether it is one year, month or day as written."""

    first: date
    last: date
    single: bool


@lru_cache(maxsize=4096)  # a map states few distinct periods, compared for every claim
def _stated(period: str) -> _Stated | None:
    bounds = _safe_bounds(period)
    if bounds is None:
        return None
    parts = period.split("/")
    single = _unit_of(bounds[0], parts[-1]) == _unit_of(bounds[1], parts[-1])
    return _Stated(bounds[0], bounds[1], single or len(parts) == 1)


def _within(part: str, stated: _Stated) -> bool:
    """Is ``part`` (a year, month or day) within ``stated`` read at ``part``'s precision
    ("2019" is within "December 2019", which is 2019 read as a year)?"""
    low, high = _unit_of(_safe_bounds(part)[0], part)  # type: ignore[index]
    return _unit_of(stated.first, part)[0] <= low and high <= _unit_of(stated.last, part)[1]


def _end_stated(part: str, stated: list[_Stated], *, start: bool) -> bool:
    """Is one end of a claim's period stated: within a stated year, month or day, or the
    same end of a stated period? "2014" is not the start of "2013–2018"."""
    low, _ = _unit_of(_safe_bounds(part)[0], part)  # type: ignore[index]
    for found in stated:
        if found.single:
            if _within(part, found):
                return True
        elif _unit_of(found.first if start else found.last, part)[0] == low:
            return True
    return False


def covered(period: str, stated: list[str] | tuple[str, ...]) -> bool:
    """Is ``period`` stated by the dates ``stated``?

    A year, month or day is stated when it lies within a stated date, read at its own
    precision ("2019" within "2014–2019"; "March 2020" for "11 March 2020"). A period of
    several is stated when each of its ends is: within a stated year, month or day, or the
    same end of a stated period ("2013–2018" by "2013" and "2018", or by "2013–2018"; not
    "2014–2018" by "2013–2018").

    >>> covered("2013/2018", ["2013", "2018"]), covered("2014/2018", ["2013/2018"])
    (True, False)
    """
    return _covered(period, tuple(stated))


@lru_cache(maxsize=1 << 14)  # the same claim and quote periods recur across a map
def _covered(period: str, stated: tuple[str, ...]) -> bool:
    parts = period.split("/")
    if any(_safe_bounds(part) is None for part in parts):
        return False
    found = [s for s in map(_stated, dict.fromkeys(stated)) if s is not None]
    mine = _stated(period)
    if mine is None:
        return False
    if mine.single:
        return any(_within(parts[0], s) and _within(parts[-1], s) for s in found)
    return (_end_stated(parts[0], found, start=True)
            and _end_stated(parts[-1], found, start=False))


_LEAP = 2000  # dates without a year are compared within one leap year


def _projected(stated: StatedDate) -> str | None:
    """A date's month and day in the comparison year (``--12-03`` -> ``2000-12-03``)."""
    if stated.partial:
        return stated.partial.replace("--", f"{_LEAP}-")
    if stated.period is None:
        return None
    parts = stated.period.split("/")
    if any(p.count("-") != 2 for p in parts) or parts[0][:4] != parts[-1][:4]:
        return None
    return "/".join(f"{_LEAP}{p[4:]}" for p in parts)


# --- a claim's dates and their citation --------------------------------------------------------


class DateStatus(Enum):
    """What the evidence says about one date of a claim."""

    CITED = "cited"  # a quote states it
    NO_EVIDENCE = "no-evidence"  # the claim cites no evidence
    UNCITED = "uncited"  # no quote of its evidence states it
    UNRESOLVED = "unresolved"  # a relative date that cannot be dated, here or in a quote
    FIGURE = "figure"  # it is the period of a figure AM301 reports for that period


#: The statuses as module constants: in Python 3.11 a member read off its enumeration
#: (``DateStatus.CITED``) goes through ``EnumType.__getattr__``'s hook, about seven times as
#: long as a global's read, and every date of every claim is given one.
_CITED, _NO_EVIDENCE, _UNCITED, _UNRESOLVED, _FIGURE = (
    DateStatus.CITED, DateStatus.NO_EVIDENCE, DateStatus.UNCITED, DateStatus.UNRESOLVED,
    DateStatus.FIGURE)


@slot_record
class ClaimDate:
    """One date a claim states, with what its evidence says about it.

    ``field`` is where it is written (``("text",)`` or ``("period",)``); ``nearest`` the
    closest date a quote states (evidence ID, date), for the message; ``unresolved`` the
    relative dates of quotes that could not be dated (evidence ID, date, source ID).
    """

    claim: str
    date: StatedDate
    field: tuple[str, ...]
    status: DateStatus
    cited_by: tuple[str, ...] = ()
    nearest: tuple[str, StatedDate] | None = None
    unresolved: tuple[tuple[str, StatedDate, str], ...] = ()
    figure: str | None = None


#: ``ClaimDate(*fields)``, all eight given in order, built without the call of the class
#: (:func:`argmap._slotinit.slot_maker`): most dates a claim states are cited, one object
#: each (6,328 at 10,000 claims, about 1,600 instructions each fewer).
_new_claim_date = slot_maker(ClaimDate, "_new_claim_date")


class _Quote(NamedTuple):
    """An evidence item's quote as the claims citing it read it: the dates it states, the
    periods among them (what :func:`covered` compares with), and whether one of its dates is
    a relative date with an offset that could not be dated (:func:`_unresolved`)."""

    dates: tuple[StatedDate, ...]
    periods: tuple[str, ...]
    undated: bool


_NO_QUOTE = _Quote((), (), False)  # no item, no quote, or a quote that states no date


def quote_dates(index: MapIndex, evidence_id: str) -> tuple[StatedDate, ...]:
    """The dates an evidence item's quote states, relative ones resolved against the issue
    date of the source holding the quote (left with ``period`` None when they cannot be)."""
    return _quotes(index, (evidence_id,)).get(evidence_id, _NO_QUOTE).dates


def _quotes(index: MapIndex, cited: Sequence[str]) -> dict[str, _Quote]:
    """The quotes of the items ``cited`` names that exist, each once, in the order cited.

    Each item is read once per map, into one dictionary in the memo owned (and dropped) as
    :func:`quote_dates`'s values are: a memo key per item cost a tuple, a closure, an entry
    and a list item each, and the claim's periods were listed again for each of its dates.
    """
    read: dict[str, _Quote] = index.memo((quote_dates,), dict)
    known = index.evidence  # a cached property: looked up once, not once per item
    found: dict[str, _Quote] = {}
    for evidence_id in (dict.fromkeys(cited) if len(cited) > 1 else cited):
        if evidence_id in known:
            quote = read.get(evidence_id)
            if quote is None:
                read[evidence_id] = quote = _read_quote(index, evidence_id)
            found[evidence_id] = quote
    return found


def _read_quote(index: MapIndex, evidence_id: str) -> _Quote:
    item = index.evidence.get(evidence_id)
    if item is None:
        return _NO_QUOTE
    quote = item.quote
    if quote is None:
        return _NO_QUOTE
    prefix, suffix = quote.prefix, quote.suffix
    exact = quote.exact
    if prefix or suffix:
        text = " ".join([part for part in (prefix, exact, suffix) if part])
    else:  # most quotes: the exact words alone, without a join
        text = exact or ""
    if "[" in text:  # most quotes insert nothing
        text = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)
    found = text_dates(text)
    if not found:  # most quotes state no date
        return _NO_QUOTE
    periods: list[str] = []
    for stated in found:
        if stated.relative is not None:  # few: dated by the source's issue, then listed
            return _listed(_resolved(found, _source_issue(index, quote_holder(item))))
        if stated.period:
            periods.append(stated.period)
    return _Quote(found, tuple(periods), False)


def _resolved(found: tuple[StatedDate, ...], issued: tuple[int, int | None] | None
              ) -> tuple[StatedDate, ...]:
    """A quote's dates with its relative ones dated by ``issued`` where they can be."""
    out = []
    for stated in found:
        resolved = resolve(stated, issued)
        out.append(resolved if resolved is not None else stated)
    return tuple(out)


def _listed(dates: tuple[StatedDate, ...]) -> _Quote:
    """A quote's dates with their periods and whether one is an undated relative date."""
    periods: list[str] = []
    undated = False
    for stated in dates:
        if stated.period:
            periods.append(stated.period)
        elif stated.relative is not None and stated.offset is not None:
            undated = True  # a relative date's period is None or an ISO date, never ""
    return _Quote(dates, tuple(periods), undated)


def _source_issue(index: MapIndex, source_id: str) -> tuple[int, int | None] | None:
    """The year and month a source was issued; once per source."""
    def read() -> tuple[int, int | None] | None:
        source = index.sources.get(source_id)
        return _issue(source.issued) if source is not None else None

    return index.memo((_source_issue, source_id), read)


def _declared_period(quantity: Quantity) -> str | None:
    if quantity.period:
        return quantity.period
    if quantity.kind.value != "year":
        return None
    try:
        first = int(quantity.value)
        last = int(quantity.upper) if quantity.upper is not None else first
    except (ValueError, OverflowError):
        return None
    if not (1 <= first <= last <= 9999):
        return None
    return f"{first:04d}" if first == last else f"{first:04d}/{last:04d}"


def _written(claim_text: str, quantities: list[Quantity], period: str | None
             ) -> list[tuple[StatedDate, tuple[str, ...]]]:
    """The claim's dates: its text's, declared year and date quantities the grammar did not
    read in the text, and its ``period`` (the claim's fields, read by the caller)."""
    text: tuple[str, ...] = ("text",)
    dates = text_dates(claim_text)
    found = [(d, text) for d in dates] if dates else []
    if quantities:  # most claims declare none
        for quantity in quantities:
            if quantity.kind not in ("year", "date"):  # a StrEnum
                continue
            written = quantity.text
            if not written:
                continue
            start = claim_text.find(written)
            end = start + len(written)
            if start < 0 or any(d.start < end and start < d.end for d in dates):
                continue  # not in the text, or read there already
            declared = _declared_period(quantity)
            if declared is not None:
                found.append((StatedDate(written, start, end, declared), text))
    if period:
        found.append((_period_date(period), ("period",)))
    return found


@lru_cache(maxsize=1024)  # a map gives few distinct periods, each to many claims
def _period_date(period: str) -> StatedDate:
    """A claim's ``period`` as the date it states: one (frozen) object for each period;
    building one for each claim was a third of the claim's reading (5,300 of 16,000
    instructions, callgrind)."""
    return StatedDate(period, 0, 0, period)


def dates_of(index: MapIndex, claim: Claim, fields: ClaimFields) -> tuple[ClaimDate, ...]:
    """:func:`claim_dates`, its first test on the claim's fields read from the claim's view
    (:attr:`MapIndex.claim_fields`) rather than off the model (about 450 instructions a
    read), for walks over every claim: most claims state no date."""
    claim_id, text, _, cited, quantities, period, _, _, _ = fields
    if not quantities and not period and not text_dates(text):
        return ()
    return _judge(index, claim, claim_id, cited, _written(text, quantities, period))


def claim_dates(index: MapIndex, claim: Claim) -> tuple[ClaimDate, ...]:
    """Each date a claim states, with whether its evidence states it. A claim with no date
    in its text, no quantity and no period (most) states none.

    Not kept per claim: AM302 walks every claim once and keeps the walk for AM308 and AM603
    (:func:`argmap.rules._shared.every_claim_date`), and nothing else asks; a memo key, a
    closure and an entry per dated claim cost more than the rare second walk (a crash).
    """
    if not claim.quantities and not claim.period and not text_dates(claim.text):
        return ()
    return _judge(index, claim, claim.id, claim.evidence,
                  _written(claim.text, claim.quantities, claim.period))


def _judge(index: MapIndex, claim: Claim, claim_id: str, cited: list[str],
           written: list[tuple[StatedDate, tuple[str, ...]]]) -> tuple[ClaimDate, ...]:
    """Each of the claim's dates (:func:`_written`) judged against the quotes of the items
    it cites; the claim's ID and items read by the caller (:func:`dates_of`: from the
    claim's view, :attr:`MapIndex.claim_fields`, rather than off the model, at about 450
    instructions a read)."""
    if not written:
        return ()
    if not cited:
        return tuple([ClaimDate(claim_id, d, f, _NO_EVIDENCE) for d, f in written])
    quotes = _quotes(index, cited)
    stating: dict[str, tuple[str, ...]] = {}  # a period -> the items stating it, per claim
    return tuple([_one(index, claim, claim_id, d, f, quotes, stating) for d, f in written])


def _unresolved(index: MapIndex, quotes: dict[str, _Quote]
                ) -> tuple[tuple[str, StatedDate, str], ...]:
    """The relative dates of the claim's quotes that could not be dated (evidence ID, date,
    source ID), for a date no quote states; none, without a walk of their dates, where no
    quote holds one (most)."""
    for quote in quotes.values():
        if quote.undated:
            break
    else:
        return ()
    known = index.evidence
    return tuple(
        (e, s, quote_holder(known[e])) for e, quote in quotes.items() for s in quote.dates
        if s.relative is not None and s.period is None and s.offset is not None
    )


def _every(quotes: dict[str, _Quote]) -> tuple[str, ...]:
    """Every period the claim's quotes state, in order: a date stated across quotes."""
    return tuple([p for quote in quotes.values() for p in quote.periods])


def _stating(period: str, quotes: dict[str, _Quote]) -> tuple[str, ...]:
    """The items whose quotes state ``period``, each on its own."""
    return tuple([e for e, quote in quotes.items()
                  if quote.periods and _covered(period, quote.periods)])


def _one(
    index: MapIndex,
    claim: Claim,
    claim_id: str,
    written: StatedDate,
    field: tuple[str, ...],
    quotes: dict[str, _Quote],
    stating: dict[str, tuple[str, ...]],
) -> ClaimDate:
    at = (claim_id, written, field)
    if written.relative is not None:
        same = tuple(e for e, quote in quotes.items()
                     if any(s.relative == written.relative for s in quote.dates))
        if same:
            return ClaimDate(*at, _CITED, cited_by=same)
        dated = [
            (e, r) for e in quotes
            if (r := resolve(written, _source_issue(index, quote_holder(index.evidence[e]))))
            is not None and r.period
        ]
        if not dated:
            return ClaimDate(*at, _UNRESOLVED, unresolved=_unresolved(index, quotes))
        every = _every(quotes)
        cited = tuple(e for e, r in dated if r.period and _covered(r.period, every))
        if cited:
            return ClaimDate(*at, _CITED, cited_by=cited)
        written = dated[0][1]
        at = (claim_id, written, field)
    period = written.period
    if period is not None:
        by = stating.get(period)
        if by is None:  # a text's year is often the claim's period too: compared once
            by = stating[period] = _stating(period, quotes)
        if by or (len(quotes) > 1 and _covered(period, _every(quotes))):
            # most dates: every field, in order (no keywords to match, no class called)
            return _new_claim_date(claim_id, written, field, _CITED, by, None, (), None)
        if _safe_bounds(period) is None:  # not a calendar date: the model's finding
            return ClaimDate(*at, _CITED)
    elif written.partial is not None:
        mine = _projected(written)
        cited = tuple(e for e, quote in quotes.items()
                      if mine and covered(mine, [p for s in quote.dates if (p := _projected(s))]))
        if cited:
            return ClaimDate(*at, _CITED, cited_by=cited)
    else:
        return ClaimDate(*at, _CITED)
    figure = _reported_figure(index, claim, period)
    if figure is not None:
        return ClaimDate(*at, _FIGURE, figure=figure)
    unresolved = _unresolved(index, quotes)
    if unresolved:
        return ClaimDate(*at, _UNRESOLVED, unresolved=unresolved)
    return ClaimDate(*at, _UNCITED, nearest=_nearest(written, quotes))


def _reported_figure(index: MapIndex, claim: Claim, period: str | None) -> str | None:
    """A figure of the claim whose period is ``period`` and that AM301 already reports as
    stated by a quote for another period: the date is reported there, not twice."""
    if period is None:
        return None
    for figure in claim_figures(index, claim):
        if figure.matches or figure.too_precise or figure.derived_by:
            continue
        nearest = figure.nearest
        if (figure.mention.period == period and nearest is not None
                and nearest.verdict == _DIFFERENT_PERIOD):
            return figure.mention.text
    return None


_DIFFERENT_PERIOD = Verdict.DIFFERENT_PERIOD


def _distance(a: str | None, b: str | None) -> int:
    first, second = _safe_bounds(a) if a else None, _safe_bounds(b) if b else None
    if first is None or second is None:
        return 1 << 30
    if first[1] < second[0]:
        return (second[0] - first[1]).days
    if second[1] < first[0]:
        return (first[0] - second[1]).days
    return 0


def _nearest(written: StatedDate, quotes: dict[str, _Quote]) -> tuple[str, StatedDate] | None:
    """The stated date closest in time to the claim's, for the message."""
    candidates = [(e, s) for e, quote in quotes.items() for s in quote.dates if s.period]
    if not candidates:
        return None
    return min(candidates, key=lambda pair: _distance(written.period, pair[1].period))
