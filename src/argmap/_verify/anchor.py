"""Quote anchoring: find an evidence quote in its source's text snapshot, verbatim.

Follows the W3C Web Annotation model (a ``TextQuoteSelector`` with ``exact``, ``prefix`` and
``suffix``, and a ``TextPositionSelector`` with code-point ``start``/``end``) and the way the
Hypothesis client re-anchors annotations: exact match first, candidates ranked by prefix,
suffix and position. A quote is *verbatim*: it anchors only where it equals the snapshot once
both are normalised (:mod:`argmap._verify.normalise`: Unicode, quote and dash styles,
whitespace, hyphens, lost ligatures), or where its quoting conventions say it leaves words out
or adds its own (:mod:`argmap._verify.quote_parts`). Anything else is a difference; the
approximate search (:mod:`argmap._verify.fuzzy`, within a work budget) only finds the passage
to show, with the word-level differences (:mod:`argmap._verify.worddiff`).

Each snapshot is normalised and indexed once per map (:func:`index_for` keeps it in the map's
:class:`~argmap._verify.index.MapIndex`). Every match, even a verbatim one, must keep each
number: :attr:`AnchorResult.numbers_missing` lists the quote's numbers that the matched
source text does not state.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from argmap._lazyre import lazy_compile
from argmap._recache import recompile
from argmap._slotinit import slot_maker, slot_record
from argmap._verify.budgets import FUZZY_BUDGET, SNAPSHOT_FUZZY_BUDGET
from argmap._verify.normalise import (
    Normalised,
    detect_repairs,
    hyphens_agree,
    normalise,
    normalise_text,
    plain,
)
from argmap._verify.occurrences import MIN_TEXT, Finder

if TYPE_CHECKING:
    from argmap._model import Evidence
    from argmap._verify.quote_parts import (  # see parse_quote below
        ELISION_REACH,
        INSERTION_MAX_WORDS,
        Joint,
        Piece,
        QuoteParts,
    )

    _GAP: re.Pattern[str]  # set with them (see parse_quote)
    from argmap._verify.index import EvidenceFields, MapIndex
    from argmap._verify.worddiff import Difference

__all__ = [
    "MIN_SIMILARITY",
    "PARAGRAPH_REACH",
    "SEARCH_BUDGET",
    "VERBATIM",
    "AnchorResult",
    "AnchorStatus",
    "SnapshotIndex",
    "anchor_evidence",
    "anchored_evidence",
    "index_for",
    "numbers_in",
    "quote_counts",
    "quote_holder",
    "shorten",
]

#: At or above this similarity (0-1) the best candidate of a quote that is not verbatim is
#: reported as the passage it misquotes (AM402); below it the quote is not found (AM401).
MIN_SIMILARITY = 0.85

#: Normalised candidates considered at most when a quote occurs many times.
_MAX_CANDIDATES = 1000
#: Complete matches of an elided quote compared at most, and search steps taken at most.
_MAX_CHAINS = 50
_MAX_STEPS = 20_000
#: Characters of the snapshot scanned at most for one quote's verbatim search (its parts'
#: occurrences included): a quote of many parts in a large snapshot stays bounded.
SEARCH_BUDGET = 500_000_000
#: The furthest an elided quote's parts may spread within one paragraph (characters).
PARAGRAPH_REACH = 5_000

_PARAGRAPH_BREAK = recompile(r"\n[^\S\n]*\n")
_THREE_LINE_BREAKS = recompile(r"\n[^\S\n]*\n[^\S\n]*\n")


def parse_quote(exact: str) -> QuoteParts:
    """:func:`argmap._verify.quote_parts.parse_quote`, which this stands in for until the
    first quote that needs it: most quotes are found as they stand, and a check whose quotes
    all are (the paper's) never imports the module (about 5 M instructions). The first call
    puts the function, and the names of the module the methods of a quote in parts read, in
    this module's globals, so that later calls and reads cost nothing more."""
    from argmap._verify import quote_parts as parts

    globals().update(
        parse_quote=parts.parse_quote, Joint=parts.Joint, ELISION_REACH=parts.ELISION_REACH,
        INSERTION_MAX_WORDS=parts.INSERTION_MAX_WORDS,
        _GAP=lazy_compile(rf"(?:\W*\w+){{0,{parts.INSERTION_MAX_WORDS}}}\W*"))
    return parts.parse_quote(exact)


class AnchorStatus(StrEnum):
    """How a quote was found."""

    EXACT = "exact"  # the quote (each part of it) occurs verbatim
    NORMALISED = "normalised"  # it occurs once both sides are normalised (PDF artefacts...)
    FUZZY = "fuzzy"  # not verbatim: ``text`` is the passage it misquotes (``differences``)
    NOT_FOUND = "not-found"  # nothing similar enough (or not searched: ``reason``)
    UNCHECKED = "unchecked"  # no quote, or no readable snapshot: ``reason`` says which


#: The statuses of a quote that passes (:attr:`AnchorResult.verbatim`), for the rules that
#: test a result's status without the property's call.
VERBATIM = (AnchorStatus.EXACT, AnchorStatus.NORMALISED)
#: The statuses of a quote that has a place (:attr:`AnchorResult.found`), read once: a member
#: read off its enumeration is slow on Python 3.11 (see :mod:`argmap._members`).
_FOUND = (*VERBATIM, AnchorStatus.FUZZY)
#: The verbatim statuses, read once for the results built per quote (:meth:`SnapshotIndex._flat`
#: and :meth:`SnapshotIndex._bare`): about 200 ns a read off the enumeration, 20 here.
_EXACT, _NORMALISED = VERBATIM


@slot_record(eq=False, repr=False)
class AnchorResult:
    """Where a quote sits in its snapshot; offsets are code points of the original text.

    Compared, hashed and shown field by field as a dataclass is, ``places`` as the count it
    stands for (:attr:`candidates`).
    """

    status: AnchorStatus
    source: str | None = None
    similarity: float = 0.0
    start: int | None = None
    end: int | None = None
    text: str | None = None
    prefix_match: bool | None = None  # None: the quote has no prefix
    suffix_match: bool | None = None
    #: how many places the normalised quote occurs at (:attr:`candidates`), or the snapshot
    #: that counts them when they are read, for a quote :meth:`SnapshotIndex._flat` found
    #: with ``str.find``: only a finding's data reads the count, and counting the places
    #: past the first scanned the rest of the snapshot again for every quote, a second
    #: ``str.find`` whose set-up for a long quote costs more than its scan (85 M of the quote
    #: rules' 4,904 M instructions at 10,000 claims)
    places: int | SnapshotIndex = 0
    position_match: bool | None = None  # None: the evidence has no position
    numbers_missing: tuple[str, ...] = ()  # numbers of the quote absent from ``text``
    #: the numbers the match states, or a text whose numbers they are, read on demand by
    #: :attr:`numbers_found` (a verbatim match states the quote's numbers: only AM403 reads
    #: them, for the few quotes with numbers missing; reading each quote's cost ~1.3 us)
    numbers_stated: tuple[str, ...] | str = ()
    before: str = ""  # a little original text before and after the match, for messages
    after: str = ""
    reason: str | None = None
    differences: tuple[Difference, ...] = ()  # quote words -> source words, for FUZZY
    parts: tuple[tuple[int, int], ...] = ()  # each part's span, for an elided quote
    budget_exceeded: bool = False  # the search for a candidate was cut short
    norm_span: tuple[int, int] | None = None  # the match in the normalised snapshot

    @property
    def candidates(self) -> int:
        """How many places the normalised quote occurs at."""
        places = self.places
        if not isinstance(places, SnapshotIndex):
            return places
        assert self.norm_span is not None  # noqa: S101 - _flat gives the span with it
        return places.flat_places(self.norm_span)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, AnchorResult)  # noqa: S101 - for the type checker
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}"
                          for name, value in zip(_RESULT_FIELDS, self._compared(), strict=True))
        return f"{type(self).__qualname__}({shown})"

    def _compared(self) -> tuple[Any, ...]:
        """The fields, ``places`` as its count: what equality, the hash and the repr read."""
        return tuple(self.candidates if name == "places" else getattr(self, name)
                     for name in _RESULT_FIELDS)

    @property
    def numbers_found(self) -> tuple[str, ...]:
        """The numbers the matched text states (thousands commas removed), in order."""
        stated = self.numbers_stated
        return tuple(numbers_in(stated)) if isinstance(stated, str) else stated

    @property
    def found(self) -> bool:
        """True where the quote has a place: exact, normalised, and fuzzy (misquoted) ones."""
        return self.status in _FOUND

    @property
    def verbatim(self) -> bool:
        """True for exact and normalised matches: the quote passes."""
        return self.status in VERBATIM

    def as_data(self) -> dict[str, Any]:
        """A JSON-ready summary (for ``Finding.data`` and reports)."""
        data: dict[str, Any] = {
            "status": self.status.value,
            "source": self.source,
            "similarity": round(self.similarity, 3),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "prefix_match": self.prefix_match,
            "suffix_match": self.suffix_match,
            "candidates": self.candidates,
            "position_match": self.position_match,
            "numbers_missing": list(self.numbers_missing),
        }
        if self.differences:
            data["differences"] = [{"quote": d.quote, "source": d.source}
                                   for d in self.differences]
        if self.parts:
            data["parts"] = [list(span) for span in self.parts]
        if self.budget_exceeded:
            data["budget_exceeded"] = True
        if self.reason is not None:
            data["reason"] = self.reason
        return data


#: The fields of an :class:`AnchorResult`, in order (its equality, hash and repr read them).
_RESULT_FIELDS = tuple(field.name for field in fields(AnchorResult))

#: ``AnchorResult(*fields)``, all nineteen given in order, without the call of the class
#: (:func:`argmap._slotinit.slot_maker`): the flat path's results (``_flat``, ``_bare``), one
#: a quote for most quotes (13,381 at 10,000 claims, about 1,600 instructions each fewer).
_new_result = slot_maker(AnchorResult, "_new_result")


# --- numbers ----------------------------------------------------------------------------------
# Opening with one ``\d`` (not ``\d+``) lets the engine skip to each digit instead of trying a
# match at every character.
_NUMBER = recompile(r"\d\d*(?:[.,]\d+)*")
_NUMBER_ASCII = recompile(r"[0-9][0-9]*(?:[.,][0-9]+)*")  # the same, on ASCII text: quicker
_THOUSANDS = lazy_compile(r"\d{1,3}(?:,\d{3})+")


def numbers_in(text: str) -> list[str]:
    """The numbers written in a text, thousands commas removed (``1,200`` -> ``1200``).

    >>> numbers_in("from 1,200 to 4.5 in 2019-2020")
    ['1200', '4.5', '2019', '2020']
    """
    found: list[str] = (_NUMBER_ASCII if text.isascii() else _NUMBER).findall(text)
    if "," in text and "," in "".join(found):  # most commas are not in a number
        found = [t.replace(",", "") if "," in t and _THOUSANDS.fullmatch(t) else t
                 for t in found]
    return found


def _widen_to_numbers(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span over the digits it cuts at either edge ("in 201" of "in 2019").

    Only digits: a separator and more digits after the edge may be a footnote marker glued
    to the number ("in 2019.7" with note 7), which the quote rightly leaves out.
    """
    while 0 < start < len(text) and text[start - 1].isdigit() and text[start].isdigit():
        start -= 1
    while 0 < end < len(text) and text[end].isdigit() and text[end - 1].isdigit():
        end += 1
    return start, end


def _missing_numbers(quote: str, original: str, spans: list[tuple[int, int]]) -> tuple[
        tuple[str, ...], tuple[str, ...] | str]:
    """The quote's numbers the matched text lacks, and the numbers it states
    (:attr:`AnchorResult.numbers_stated`: the quote itself where the match is verbatim)."""
    found: list[str] = []
    for start, end in spans:
        wide_start, wide_end = _widen_to_numbers(original, start, end)
        matched = original[wide_start:wide_end]
        if len(spans) == 1 and matched == quote:  # verbatim: the same text, the same numbers
            return (), quote
        found += numbers_in(matched)
    wanted = numbers_in(quote)
    if wanted == found:  # the usual case: the match states the quote's numbers, in order
        return (), tuple(found)
    missing = Counter(wanted) - Counter(found)
    return tuple(sorted(missing.elements(), key=wanted.index)), tuple(found)


# --- the index and the search -----------------------------------------------------------------


def _context_matches(expected: str, actual: str, *, before: bool, lenient: bool) -> bool:
    """Does the normalised prefix end (suffix start) the normalised text next to the match?"""
    want = expected.strip()
    got = actual.rstrip() if before else actual.lstrip()
    if (got.endswith(want) if before else got.startswith(want)):
        return True
    if not lenient:
        return False
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(want, actual) >= MIN_SIMILARITY * 100


def _stripped(norm: Normalised) -> Normalised:
    """A normalised quote without spaces at its ends (hyphen places shifted to match)."""
    text = norm.text
    lead = len(text) - len(text.lstrip(" "))
    body = text.strip(" ")
    if not lead and len(body) == len(text):
        return norm
    return Normalised(body, (), tuple(p - lead for p in norm.hard if 0 <= p - lead < len(body)),
                      tuple(p - lead for p in norm.soft if 0 <= p - lead < len(body)))


_Span = tuple[int, int]


class _OverBudgetError(Exception):
    """The verbatim search of one quote scanned SEARCH_BUDGET characters."""


class _Work:
    """Characters the verbatim search of one quote may still scan."""

    __slots__ = ("left",)

    def __init__(self, chars: int | None = None) -> None:
        self.left = SEARCH_BUDGET if chars is None else chars

    def spend(self, chars: int) -> None:
        self.left -= chars
        if self.left < 0:
            raise _OverBudgetError


class SnapshotIndex:
    """A snapshot normalised once, ready to anchor any number of quotes."""

    #: Whether a quote without context takes :meth:`_bare` (tests turn it off to compare).
    shortcut = True

    def __init__(self, source: str, text: str, searches: int = 0) -> None:
        self.source = source
        self.original = text
        self.repairs = detect_repairs(text)
        self.norm = normalise(text, self.repairs)
        self.fuzzy_left = SNAPSHOT_FUZZY_BUDGET  # character comparisons left for candidates
        # every occurrence of a quote, indexed when worth it (``searches``: the quotes known
        # to come, see :class:`Finder`)
        self._finder = Finder(self.norm.text, searches)
        self._breaks: tuple[list[int], list[int]] | None = None  # paragraph breaks, once read
        self._breaks_read = False
        # the longest quote :meth:`_flat` may take: none without repairs, whose quotes are
        # normalised by them; else one whose search cannot overrun SEARCH_BUDGET
        self._flat_size = 0 if self.repairs else (
            (SEARCH_BUDGET - len(self.norm.text)) // (_MAX_STEPS + 1))

    def break_before(self, low: int, high: int) -> int | None:
        """Where the last paragraph break within ``original[low:high]`` ends, if any: what
        ``_PARAGRAPH_BREAK.finditer(original, low, high)`` finds last."""
        breaks = self._paragraph_breaks()
        if breaks is None:
            found = [m.end() for m in _PARAGRAPH_BREAK.finditer(self.original, low, high)]
            return found[-1] if found else None
        starts, ends = breaks
        k = bisect_right(ends, high) - 1
        return ends[k] if k >= 0 and starts[k] >= low else None

    def break_after(self, low: int, high: int) -> int | None:
        """Where the first paragraph break within ``original[low:high]`` starts, if any."""
        breaks = self._paragraph_breaks()
        if breaks is None:
            found = _PARAGRAPH_BREAK.search(self.original, low, high)
            return found.start() if found else None
        starts, ends = breaks
        k = bisect_left(starts, low)
        return starts[k] if k < len(starts) and ends[k] <= high else None

    def _paragraph_breaks(self) -> tuple[list[int], list[int]] | None:
        """The starts and ends of every paragraph break, found once; None where a blank run
        holds three line breaks or more ("\\n\\n\\n"): a search from within it may pair them
        otherwise than one from the start. Else each break's two line breaks are the only
        ones of their blank run, so a search of any part of the text finds exactly the breaks
        that lie wholly inside it."""
        if not self._breaks_read:
            self._breaks_read = True
            if not _THREE_LINE_BREAKS.search(self.original):
                spans = [m.span() for m in _PARAGRAPH_BREAK.finditer(self.original)]
                self._breaks = ([a for a, _ in spans], [b for _, b in spans])
        return self._breaks

    def normalise(self, text: str) -> str:
        """Normalise a prefix or suffix the way this snapshot was."""
        return normalise_text(text, self.repairs)

    def quote(self, text: str) -> Normalised:
        """Normalise a quote (or a part of one) the way this snapshot was."""
        if not self.repairs and plain(text):  # most quotes: nothing to normalise
            return Normalised(text.strip(" "))
        return _stripped(normalise(text, self.repairs))

    def anchor(
        self,
        exact: str,
        prefix: str | None = None,
        suffix: str | None = None,
        position: tuple[int, int] | None = None,
        min_similarity: float = MIN_SIMILARITY,
    ) -> AnchorResult:
        """Find a quote: position, verbatim, by its conventions, else the passage it misquotes.

        See the module doc and docs/quotes.md.
        """
        if (position is None and self.shortcut and not (prefix and prefix.strip())
                and not (suffix and suffix.strip()) and 0 < len(exact) <= self._flat_size
                and plain(exact) and exact[0] != " " and exact[-1] != " "):
            found = self._flat(exact)
            if found is not None:
                return found
        return self._searched(exact, (prefix, suffix, position), min_similarity)

    def _searched(self, exact: str, context: tuple[str | None, str | None,
                                                   tuple[int, int] | None],
                  min_similarity: float = MIN_SIMILARITY) -> AnchorResult:
        """:meth:`anchor` past the flat path: the search within SEARCH_BUDGET."""
        try:
            return self._anchor(exact, context, min_similarity, _Work())
        except _OverBudgetError:
            return AnchorResult(
                AnchorStatus.NOT_FOUND, self.source, reason="the search for the quote was "
                f"stopped after scanning {SEARCH_BUDGET:,} characters of the snapshot; it is "
                "not verbatim where the search reached", budget_exceeded=True)

    def holds(self, exact: str, chars: int = SEARCH_BUDGET) -> bool:
        """Whether the quote is in this snapshot verbatim (each part of an elided one).

        No approximate search, so no fuzzy budget is spent: for asking whether a quote
        attributed elsewhere is this snapshot's text (AM412). The parts of an elided quote
        are looked for apart, not in order; scanning stops after ``chars`` characters.
        """
        parts = parse_quote(exact)
        pieces = [p.variants()[0] for p in parts.pieces] if parts.conventional else [exact]
        work = _Work(chars)
        try:
            return all(
                (quote := self.quote(piece)).text and self._occurrences(quote, limit=1,
                                                                        work=work)
                for piece in pieces
            )
        except _OverBudgetError:
            return False

    def _anchor(self, exact: str, context: tuple[str | None, str | None,
                                                 tuple[int, int] | None],
                min_similarity: float, work: _Work) -> AnchorResult:
        original = self.original
        position = context[2]
        if position is not None:
            start, end = position
            if 0 <= start < end <= len(original) and original[start:end] == exact and (
                    exact.strip() == exact and self._bounded_original(start, end)):
                return self._result(AnchorStatus.EXACT, 1.0, [(start, end)], exact, context,
                                    candidates=1, lenient=False)
        quote = self.quote(exact)
        if not quote.text:
            return AnchorResult(AnchorStatus.NOT_FOUND, self.source,
                                reason="the quote is empty once normalised")
        verbatim = self._verbatim(exact, quote, exact, context, work)
        if verbatim is not None:
            return verbatim
        parts = parse_quote(exact)  # only now: most quotes are found as they stand
        if not parts.conventional and parts.pieces and parts.pieces[0].free_case:
            for form in parts.pieces[0].variants(limit=1)[1:]:  # "cycling" for "Cycling"
                verbatim = self._verbatim(form, self.quote(form), exact, context, work)
                if verbatim is not None:
                    return verbatim
        if parts.conventional:
            return self._anchor_parts(parts, context, min_similarity, work)
        return self._misquoted(quote, exact, context, min_similarity)

    def _verbatim(self, form: str, wanted: Normalised, exact: str,
                  context: tuple[str | None, str | None, tuple[int, int] | None],
                  work: _Work) -> AnchorResult | None:
        """The best place of one form of the quote where it occurs as it stands, if any."""
        found = self._occurrences(wanted, work=work)
        if not found:
            return None
        prefix, suffix, position = context
        if self.shortcut and position is None and not (prefix and prefix.strip()) and not (
                suffix and suffix.strip()):
            return self._bare(form, len(wanted.text), exact, found[0], len(found))
        best = found[0] if len(found) == 1 else max(
            found, key=lambda ns: self._rank([(ns, ns + len(wanted.text))], context))
        start, end = self.norm.span(best, best + len(wanted.text))
        if self.original.startswith(form, start):
            status, end = AnchorStatus.EXACT, start + len(form)
        else:
            status = AnchorStatus.NORMALISED
        return self._result(status, 1.0, [(start, end)], exact, context,
                            candidates=len(found), lenient=False,
                            norm_span=(best, best + len(wanted.text)))

    def _flat(self, exact: str) -> AnchorResult | None:
        """A plain quote (:func:`plain`, no spaces at its ends) without context, where it
        occurs as it stands: what :meth:`_anchor` gives it through :meth:`_verbatim`,
        :meth:`_occurrences` and :meth:`_bare`, without their per-quote objects (most quotes),
        and, where it searches with ``str.find``, without looking past the first place (the
        result counts them when read: :attr:`AnchorResult.places`). None when it does not
        occur so: the general path looks again.

        Such a quote is its own normalised form (no repairs: ``_flat_size`` is 0 with them),
        and ``_flat_size`` keeps its search within SEARCH_BUDGET, so no budget is counted.
        """
        norm = self.norm
        text = norm.text
        size = len(exact)
        hyphens = norm.hard or norm.soft
        quote = Normalised(exact) if hyphens else None
        places: int | SnapshotIndex
        # a text too short for an index is searched with str.find (Finder.index_for)
        candidates: list[int] | None = None
        if len(text) >= MIN_TEXT:
            index = self._finder.index_for(0, len(text))
            if index is not None:
                candidates = index.candidates(exact)
        if candidates is not None:  # at most 64 (MAX_CANDIDATES): within both limits
            found: list[int] = []
            bounded = self._bounded
            last = len(text) - size
            for at in candidates:
                if 0 <= at <= last and text.startswith(exact, at) and bounded(
                        at, at + size) and (quote is None or hyphens_agree(quote, norm, at)):
                    found.append(at)
            if not found:
                return None
            best, places = found[0], len(found)
        else:  # the str.find loop of :func:`~argmap._verify.occurrences.find_all`, to the
            # first place: the others are counted when read (:meth:`flat_places`); the first
            # occurrence is tested here, where it is the place (most quotes: no call of
            # _flat_next and its tuple)
            best = text.find(exact)
            if best < 0:
                return None
            if not (self._bounded(best, best + size) and (
                    quote is None or hyphens_agree(quote, norm, best))):
                best = self._flat_next(exact, quote, text.find(exact, best + 1), 1)[0]
                if best < 0:
                    return None
            places = self
        # what :meth:`_bare` gives, with the quote's own text where it is
        start, end = norm.span(best, best + size)  # the original's
        original = self.original
        if not original.startswith(exact, start):
            return self._bare(exact, size, exact, best, places)
        end = start + size
        if (start and exact[0].isdigit() and original[start - 1].isdigit()) or (
                end < len(original) and exact[-1].isdigit() and original[end].isdigit()):
            missing, numbers = _missing_numbers(exact, original, [(start, end)])
        else:  # no digits to widen the match over: it states the quote's numbers
            missing, numbers = (), exact
        # the 40 characters before: a conditional, not max(0, start - 40), whose call (its
        # arguments parsed, an iterator over them) cost about 1,100 instructions a quote
        return _new_result(_EXACT, self.source, 1.0, start, end, exact, None,
                           None, places, None, missing, numbers,
                           original[start - 40 if start > 40 else 0:start],
                           original[end:end + 40], None, (), (), False, (best, best + size))

    def _flat_next(self, exact: str, quote: Normalised | None, at: int,
                   looked: int) -> tuple[int, int]:
        """The first place :meth:`_flat` counts (whole words, hyphens agreeing) from the
        occurrence of ``exact`` at ``at`` on (-1: none), and how many occurrences were looked
        at before it (``looked`` before ``at``); -1 where none is left, or once _MAX_STEPS
        occurrences have been looked at."""
        norm = self.norm
        text = norm.text
        size = len(exact)
        bounded = self._bounded
        while at >= 0 and looked < _MAX_STEPS:
            if bounded(at, at + size) and (quote is None or hyphens_agree(quote, norm, at)):
                return at, looked
            looked += 1
            at = text.find(exact, at + 1)
        return -1, looked

    def flat_places(self, span: tuple[int, int]) -> int:
        """How many places :meth:`_flat` counts for the quote it found at ``span`` of the
        normalised text (the quote is its own normalised form), _MAX_CANDIDATES at most: the
        count of :attr:`AnchorResult.places`, made when it is read."""
        norm = self.norm
        exact = norm.text[span[0]:span[1]]
        quote = Normalised(exact) if norm.hard or norm.soft else None
        count = 0
        at, looked = self._flat_next(exact, quote, norm.text.find(exact), 0)
        while at >= 0 and count < _MAX_CANDIDATES:
            count += 1
            at, looked = self._flat_next(exact, quote, norm.text.find(exact, at + 1), looked + 1)
        return count

    def _bare(self, form: str, size: int, exact: str, best: int,
              places: int | SnapshotIndex) -> AnchorResult:
        """:meth:`_result` of a verbatim quote without prefix, suffix or position (most
        quotes), in one call: the first place (``best``) wins, no context is compared."""
        norm = self.norm
        original = self.original
        start, end = norm.span(best, best + size)
        if original.startswith(form, start):
            status, end = _EXACT, start + len(form)
        else:
            status = _NORMALISED
        text = original[start:end]
        missing, numbers = _missing_numbers(exact, original, [(start, end)])
        return _new_result(status, self.source, 1.0, start, end, text, None, None, places,
                           None, missing, numbers,
                           original[start - 40 if start > 40 else 0:start],  # see _flat
                           original[end:end + 40], None, (), (), False, (best, best + size))

    # --- verbatim occurrences -----------------------------------------------------------------

    def _bounded(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` of the normalised text begin and end at word edges?

        A quote is whole words: "he said" is not in "she said", "4,5" is not in "4,500", nor
        "5 billion" in "4.5 billion". A dropped hyphen between letters is an edge ("Russian" in
        "Sino-Russian"). A quote may end before ".7" ("in 2019" of "in 2019.7", a footnote
        marker glued to the year), so the end is not held to the last rule.
        """
        text = self.norm.text
        if 1 < start < len(text) and text[start].isdigit() and text[start - 1] in ".," and (
                text[start - 2].isdigit()):
            return False
        if 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum() and (
                not self._hyphen_at(start)):
            return False
        return not (0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
                    and not self._hyphen_at(end))

    def _hyphen_at(self, at: int) -> bool:
        if not (self.norm.hard or self.norm.soft):
            return False
        hard, soft = self.norm.hyphens(at - 1, at + 1)
        return bool(hard or soft)

    def _bounded_original(self, start: int, end: int) -> bool:
        text = self.original
        return not ((0 < start < len(text) and text[start - 1].isalnum()
                     and text[start].isalnum())
                    or (0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()))

    def _occurrences(self, quote: Normalised, lo: int = 0, hi: int | None = None,
                     limit: int = _MAX_CANDIDATES, work: _Work | None = None) -> list[int]:
        """Where ``quote`` starts in ``norm.text[lo:hi]``: whole words, hyphens agreeing.

        Each scan is paid for from ``work`` (the characters it may cover).
        """
        norm = self.norm
        text = norm.text
        needle = quote.text
        size = len(needle)
        hi = len(text) if hi is None else hi
        work = work or _Work()
        found: list[int] = []
        hyphens = bool(norm.hard or norm.soft or quote.hard or quote.soft)
        bounded = self._bounded
        left = work.left
        last = lo  # where the scan that found ``at`` began, as a str.find loop scans
        for looked, at in enumerate(self._finder.find_all(needle, lo, hi)):
            left -= at + size - last
            if left < 0:
                work.left = left
                raise _OverBudgetError
            if len(found) >= limit or looked >= _MAX_STEPS:
                break
            if bounded(at, at + size) and (not hyphens or hyphens_agree(quote, norm, at)):
                found.append(at)
            last = at + 1
        else:
            left -= hi - last
            if left < 0:
                work.left = left
                raise _OverBudgetError
        work.left = left
        return found

    def _rank(self, spans: list[_Span], context: tuple[str | None, str | None,
                                                       tuple[int, int] | None],
              ) -> tuple[int, int, int]:
        """Hypothesis-style ranking: context that matches, then nearness to the position."""
        prefix, suffix, position = context
        ns, ne = spans[0][0], spans[-1][1]
        score = 0
        text = self.norm.text
        if prefix and prefix.strip():
            want = self.normalise(prefix)
            score += _context_matches(want, text[max(0, ns - len(want) - 2):ns], before=True,
                                      lenient=False)
        if suffix and suffix.strip():
            want = self.normalise(suffix)
            score += _context_matches(want, text[ne:ne + len(want) + 2], before=False,
                                      lenient=False)
        distance = abs(self.norm.span(ns, ne)[0] - position[0]) if position else 0
        return score, -distance, -ns

    # --- quoting conventions ------------------------------------------------------------------

    def _anchor_parts(self, parts: QuoteParts, context: tuple[str | None, str | None,
                                                              tuple[int, int] | None],
                      min_similarity: float, work: _Work) -> AnchorResult:
        """A quote with elisions, insertions, [sic] or a bracketed capital."""
        own_words = parts.text
        if parts.problem is not None:
            return self._misquoted(self.quote(own_words), own_words, context, min_similarity,
                                   reason=parts.problem, fail=True)
        variants = [[self.quote(v) for v in piece.variants()] for piece in parts.pieces]
        chains = self._chains(parts.pieces, variants, work)
        if chains:
            best = max(chains, key=lambda chain: self._rank(chain, context))
            spans = [self.norm.span(ns, ne) for ns, ne in best]
            verbatim = all(
                self.original[start:end] in piece.variants()
                for (start, end), piece in zip(spans, parts.pieces, strict=True)
            )
            status = AnchorStatus.EXACT if verbatim else AnchorStatus.NORMALISED
            return self._result(status, 1.0, spans, own_words, context, candidates=len(chains),
                                lenient=False, norm_span=(best[0][0], best[-1][1]))
        count = len(parts.pieces)
        for number, (piece, forms) in enumerate(zip(parts.pieces, variants, strict=True), 1):
            if not any(form.text and self._occurrences(form, limit=1, work=work)
                       for form in forms):
                which = f"part {number} of {count} " if count > 1 else ""
                return self._misquoted(
                    forms[0], piece.text, context, min_similarity,
                    reason=f"{which}{piece.text!r} is not in the source verbatim")
        joints = {piece.joint for piece in parts.pieces[1:]}
        why = []
        if Joint.ELISION in joints:
            why.append(f"in order within one paragraph (or {ELISION_REACH} characters)")
        if Joint.INSERTION in joints:
            why.append(f"with at most {INSERTION_MAX_WORDS} words in place of each insertion")
        first = self._occurrences(variants[0][0], limit=1, work=work)
        reason = ("each part of the quote is in the source, but not " + " and ".join(why)
                  if count > 1 else "the quote is not in the source verbatim")
        if not first:
            return AnchorResult(AnchorStatus.NOT_FOUND, self.source, reason=reason)
        span = self.norm.span(first[0], first[0] + len(variants[0][0].text))
        return self._result(AnchorStatus.NOT_FOUND, 0.0, [span], parts.pieces[0].text, context,
                            candidates=0, lenient=False, reason=reason)

    def _chains(self, pieces: tuple[Piece, ...], variants: list[list[Normalised]],
                work: _Work) -> list[list[_Span]]:
        """Every placement of the pieces in order, each joint kept (bounded search)."""
        text = self.norm.text
        chains: list[list[_Span]] = []
        steps = 0

        def extend(k: int, prev_end: int, limit: int, chain: list[_Span]) -> None:
            nonlocal steps
            if len(chains) >= _MAX_CHAINS or steps > _MAX_STEPS:
                return
            if k == len(pieces):
                chains.append(list(chain))
                return
            insertion = pieces[k].joint is Joint.INSERTION
            gap = _GAP.match(text, prev_end) if insertion else None  # noqa: F821 - see parse_quote
            last_start = gap.end() if gap else limit
            for form in variants[k]:
                if not form.text:
                    continue
                hi = min(len(text), last_start + len(form.text)) if insertion else limit
                for at in self._occurrences(form, prev_end, hi, limit=_MAX_CHAINS, work=work):
                    steps += 1
                    if at > last_start:
                        break
                    chain.append((at, at + len(form.text)))
                    extend(k + 1, at + len(form.text), limit, chain)
                    chain.pop()

        starts = sorted({(at, len(form.text)) for form in variants[0] if form.text
                         for at in self._occurrences(form, work=work)})
        for at, length in starts:
            extend(1, at + length, self._elision_limit(at), [(at, at + length)])
            if len(chains) >= _MAX_CHAINS or steps > _MAX_STEPS:
                break
        return chains

    def _elision_limit(self, at: int) -> int:
        """How far (normalised) an elided quote starting at ``at`` may reach: the end of its
        paragraph (at most PARAGRAPH_REACH characters on), or ELISION_REACH characters of the
        original, whichever is further."""
        start = self.norm.start_of(at)
        reach = start + PARAGRAPH_REACH
        paragraph = _PARAGRAPH_BREAK.search(self.original, start, reach)
        end = paragraph.start() if paragraph else reach
        return self.norm.index_of(max(end, start + ELISION_REACH))

    # --- a quote that is not verbatim ---------------------------------------------------------

    def _misquoted(self, quote: Normalised, numbers_text: str,
                   context: tuple[str | None, str | None, tuple[int, int] | None],
                   min_similarity: float, reason: str | None = None,
                   *, fail: bool = False) -> AnchorResult:
        """The passage a quote that is not verbatim is nearest to, with the differences.

        Token for token equal (only spaces around punctuation differ: "5 %" and "5%") is
        equal: the words are the source's. ``fail`` keeps even that a failure (a malformed
        elision).
        """
        from argmap._verify.fuzzy import best_candidate  # only for a quote not verbatim

        position = context[2]
        near = self.norm.index_of(position[0]) if position is not None else None
        candidate = best_candidate(quote, self.norm, near,
                                   min(FUZZY_BUDGET, max(0, self.fuzzy_left)))
        self.fuzzy_left -= candidate.spent
        if not candidate.found:
            return AnchorResult(AnchorStatus.NOT_FOUND, self.source, 0.0,
                                reason=reason or candidate.skipped,
                                budget_exceeded=candidate.skipped is not None)
        start, end = self.norm.span(candidate.start, candidate.end)
        if not candidate.differences and not fail:
            return self._result(AnchorStatus.NORMALISED, 1.0, [(start, end)], numbers_text,
                                context, candidates=1, lenient=False,
                                norm_span=(candidate.start, candidate.end))
        status = (AnchorStatus.FUZZY if candidate.similarity >= min_similarity and not fail
                  else AnchorStatus.NOT_FOUND)
        return self._result(status, candidate.similarity, [(start, end)], numbers_text, context,
                            candidates=0, lenient=True,
                            norm_span=(candidate.start, candidate.end),
                            differences=candidate.differences, reason=reason)

    def _result(
        self,
        status: AnchorStatus,
        similarity: float,
        spans: list[_Span],
        numbers_text: str,
        context: tuple[str | None, str | None, tuple[int, int] | None],
        *,
        candidates: int,
        lenient: bool,
        norm_span: _Span | None = None,
        differences: tuple[Difference, ...] = (),
        reason: str | None = None,
    ) -> AnchorResult:
        prefix, suffix, position = context
        original = self.original
        start, end = spans[0][0], spans[-1][1]
        found = status in _FOUND
        prefix_match = suffix_match = None
        has_prefix = bool(prefix and prefix.strip())
        has_suffix = bool(suffix and suffix.strip())
        ns, ne = norm_span or (self.norm.index_of(start), self.norm.index_of(end))
        if found and (has_prefix or has_suffix):
            text = self.norm.text
            slack = 12 if lenient else 2
            if prefix and has_prefix:
                want = self.normalise(prefix)
                window = text[max(0, ns - len(want) - slack):ns + (slack if lenient else 0)]
                prefix_match = _context_matches(want, window, before=True, lenient=lenient)
            if suffix and has_suffix:
                want = self.normalise(suffix)
                window = text[max(0, ne - (slack if lenient else 0)):ne + len(want) + slack]
                suffix_match = _context_matches(want, window, before=False, lenient=lenient)
        missing: tuple[str, ...] = ()
        numbers: tuple[str, ...] | str = ()
        if found:  # an exact match can still cut a number ("in 201" of "in 2019")
            missing, numbers = _missing_numbers(numbers_text, original, spans)
        return AnchorResult(
            status=status,
            source=self.source,
            similarity=similarity,
            start=start,
            end=end,
            text=original[start:end],
            prefix_match=prefix_match,
            suffix_match=suffix_match,
            places=candidates,
            position_match=None if position is None else (start, end) == position,
            numbers_missing=missing,
            numbers_stated=numbers,
            before=original[max(0, start - 40):start],
            after=original[end:end + 40],
            reason=reason,
            differences=differences,
            parts=tuple(spans) if len(spans) > 1 else (),
            norm_span=(ns, ne),
        )


# --- the map: evidence and its snapshot ----------------------------------------------------------

def quote_holder(evidence: Evidence) -> str:
    """The source whose text holds the quote: ``via`` when set, else ``source``."""
    return evidence.via or evidence.source


def index_for(index: MapIndex, source_id: str) -> SnapshotIndex | None:
    """The source's snapshot, normalised and indexed once per map (None when unreadable)."""
    return index.memo((index_for, source_id), lambda: _snapshot_index(index, source_id))


def _snapshot_index(index: MapIndex, source_id: str) -> SnapshotIndex | None:
    snapshot = index.snapshot(source_id)
    if snapshot is None:
        return None
    text = snapshot.text  # a short one is never indexed: no need to count its quotes
    searches = quote_counts(index).get(source_id, 0) if len(text) >= MIN_TEXT else 0
    return SnapshotIndex(source_id, text, searches)


def quote_counts(index: MapIndex) -> Counter[str]:
    """Source ID -> how many evidence items quote it (their quote holder): the searches its
    snapshot will serve, so that a much-quoted one is indexed at once (:class:`Finder`)."""
    return index.memo(quote_counts, lambda: Counter(
        via or source for _, source, via, quote, _, _, _, _ in index.evidence_fields
        if quote is not None))


def anchor_evidence(index: MapIndex, evidence: Evidence) -> AnchorResult:
    """Anchor an evidence item's quote in the snapshot of its quote-holding source, once.

    Keyed by the item itself (its ``id()``): two items may share an ID.
    """
    anchored = _every_anchoring(index)
    found = anchored.get(id(evidence))
    if found is None:
        found = anchored[id(evidence)] = _anchor(index, evidence)
    return found


def _every_anchoring(index: MapIndex) -> dict[int, AnchorResult]:
    """Item ``id()`` -> its anchoring: one dictionary in the memo, owned (and dropped) as
    :func:`anchor_evidence`'s values are, where a memo key per item (134,000 at 100,000
    claims) cost a tuple, an entry and a list item each."""
    return index.memo((anchor_evidence,), dict)


def _anchor(index: MapIndex, evidence: Evidence) -> AnchorResult:
    holder = quote_holder(evidence)
    if evidence.quote is None:
        return AnchorResult(AnchorStatus.UNCHECKED, holder, reason="the evidence has no quote")
    if holder not in index.sources:
        return AnchorResult(AnchorStatus.UNCHECKED, holder,
                            reason=f"source {holder!r} does not exist")
    if index.sources[holder].snapshot is None:
        return AnchorResult(AnchorStatus.UNCHECKED, holder,
                            reason=f"source {holder!r} has no snapshot")
    snapshot = index_for(index, holder)
    if snapshot is None:
        problem = index.snapshot_problem(holder) or "the snapshot cannot be read"
        return AnchorResult(AnchorStatus.UNCHECKED, holder, reason=problem)
    quote = evidence.quote
    position = None
    if evidence.position is not None:
        position = (evidence.position.start, evidence.position.end)
    return snapshot.anchor(quote.exact, quote.prefix, quote.suffix, position)


def _readable(index: MapIndex, holder: str) -> SnapshotIndex | None:
    """The holder's snapshot where :func:`_anchor` anchors a quote in it, else None."""
    source = index.sources.get(holder)
    if source is None or source.snapshot is None:
        return None
    return index_for(index, holder)


class _Anchored:
    """The pairs :func:`anchored_evidence` yields, kept once a walk has reached the end."""

    __slots__ = ("pairs",)

    def __init__(self) -> None:
        self.pairs: list[tuple[Evidence, AnchorResult]] | None = None


def anchored_evidence(index: MapIndex) -> Iterator[tuple[Evidence, AnchorResult]]:
    """Every evidence item with a quote, with its anchoring result, in map order.

    The first walk to reach the end keeps the pairs, so the seven quote rules after it do not
    look each item up in the memo again; a walk cut short keeps nothing.
    """
    kept = index.memo((anchored_evidence,), _Anchored)
    if kept.pairs is not None:  # the list's own iterator: no generator step per pair
        return iter(kept.pairs)
    return _walk(index, kept)


def _walk(index: MapIndex, kept: _Anchored) -> Iterator[tuple[Evidence, AnchorResult]]:
    """:func:`anchored_evidence`'s first walk: the quotes are anchored ahead, snapshot by
    snapshot (:func:`_anchor_by_holder`), then yielded in map order; the pairs are kept once
    the walk reaches the end."""
    anchored = _every_anchoring(index)
    # each item's fields from its view (MapIndex.evidence_fields), not off the model
    quoted = [(evidence, row) for evidence, row
              in zip(index.map.evidence, index.evidence_fields, strict=True)
              if row[3] is not None]
    _anchor_by_holder(index, quoted, anchored)
    pairs = []
    for evidence, _ in quoted:
        found = anchored.get(id(evidence))
        if found is None:  # not anchored ahead: no snapshot to read (the reason is found
            # here), or anchoring one crashed, and crashes here
            found = anchored[id(evidence)] = _anchor(index, evidence)
        pair = (evidence, found)
        pairs.append(pair)
        yield pair
    kept.pairs = pairs


def _anchor_by_holder(index: MapIndex, quoted: list[tuple[Evidence, EvidenceFields]],
                      anchored: dict[int, AnchorResult]) -> None:
    """Anchor each quote not anchored yet, the quotes of one holder together (in map order
    among them, so each snapshot sees its quotes in the same order as a walk in map order
    would show them, and spends its fuzzy budget alike; snapshots share nothing else).

    A snapshot's text, index and word lists stay in the processor's caches for all its
    quotes, where map order reaches a different snapshot at almost every quote: at 100,000
    claims (400 snapshots of about 50,000 characters) anchoring took 3.4 s of CPU in map
    order and 2.9-3.1 s grouped. Anchoring stops at a quote that crashes (a bug): the walk
    then anchors the rest in map order and crashes at that quote, after yielding the pairs
    before it, as it did when it anchored each quote in turn.
    """
    # each quote's fields are read here, in map order, five list items a quote (a tuple
    # each would hold 13 MB more at 100,000 claims): the loop that anchors them goes
    # snapshot by snapshot, and reading the models there again, out of their order in
    # memory, cost a third more (0.30 -> 0.22 s at 100,000 claims)
    by_holder: dict[str, list[Any]] = {}
    for evidence, (_, source, via, quote, position, _, _, _) in quoted:
        if id(evidence) not in anchored:
            assert quote is not None  # noqa: S101 - only quotes are walked
            holder = via or source  # quote_holder, inline
            group = by_holder.get(holder)
            if group is None:
                by_holder[holder] = group = []
            group += (evidence, quote.exact, quote.prefix, quote.suffix,
                      None if position is None else (position.start, position.end))
    if sum(map(len, by_holder.values())) == 5 * len(quoted):  # every quote, so their counts:
        # quote_counts without its own pass over the models (50 ms at 100,000 claims)
        index.memo(quote_counts, lambda: Counter(
            {holder: len(group) // 5 for holder, group in by_holder.items()}))
    try:
        for holder, group in by_holder.items():
            snapshot = _readable(index, holder)
            if snapshot is None:  # the walk anchors these itself: _anchor gives the reason
                continue
            # what _anchor does with a snapshot: SnapshotIndex.anchor, its test for the flat
            # path inline for a quote without context (most quotes: a call less each)
            flat = snapshot._flat if snapshot.shortcut else None  # noqa: SLF001 - its own
            size = snapshot._flat_size  # noqa: SLF001 - the snapshot's own, read once
            searched = snapshot._searched  # noqa: SLF001 - the snapshot's own
            items = iter(group)
            for evidence, exact, prefix, suffix, at in zip(items, items, items, items, items,
                                                           strict=True):
                key = id(evidence)
                if (flat is not None and at is None and prefix is None and suffix is None
                        and 0 < len(exact) <= size and plain(exact)
                        and exact[0] != " " and exact[-1] != " "):
                    found = flat(exact)
                    anchored[key] = searched(exact, (None, None, None)) if found is None \
                        else found
                else:
                    anchored[key] = snapshot.anchor(exact, prefix, suffix, at)
            group.clear()  # freed as the walk goes, for what the anchorings allocate next
    except Exception:  # noqa: BLE001, S110 - the walk meets the crash again, in map order
        pass



def shorten(text: str, limit: int = 100) -> str:
    r"""One line, at most ``limit`` characters, control characters made visible.

    A word split by a line-end hyphen is shown joined, as a reader would copy it.

    >>> shorten("per week-\nday,  a   threefold increase", 30)
    'per weekday, a threefold incr…'
    """
    from argmap._text import visible

    flat = " ".join(re.sub(r"(?<=[^\W\d_])-[^\S\n]*\n\s*(?=[^\W\d_])", "", text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return visible(flat)
