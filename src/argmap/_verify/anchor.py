"""Quote anchoring: find an evidence quote in its source's text snapshot.

Follows the W3C Web Annotation model (a ``TextQuoteSelector`` with ``exact``, ``prefix`` and
``suffix``, and a ``TextPositionSelector`` with code-point ``start``/``end``) and the way the
Hypothesis client re-anchors annotations: exact match first, candidates ranked by prefix,
suffix and position, then an approximate match. Text extracted from PDFs loses ligatures
("afected" for "affected") and splits words at line ends, so both the snapshot and the quote
are normalised the same way before matching, and an offset map leads from the normalised text
back to the snapshot's own code points. Each snapshot is normalised and indexed once per map
(:func:`index_for` keeps it in the map's :class:`~argmap._verify.index.MapIndex`).

A fuzzy match is only a match if it keeps every number: one wrong digit is a tiny edit and a
false quote, so :attr:`AnchorResult.numbers_missing` lists the quote's numbers that the
matched source text does not state.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._model import Evidence
    from argmap._verify.index import MapIndex

__all__ = [
    "MIN_SIMILARITY",
    "AnchorResult",
    "AnchorStatus",
    "Normalised",
    "SnapshotIndex",
    "anchor_evidence",
    "anchored_evidence",
    "index_for",
    "normalise",
    "normalise_text",
    "numbers_in",
    "quote_holder",
]

#: Below this similarity (0-1) an approximate match is not a match: the quote is not found.
MIN_SIMILARITY = 0.85

#: Normalised candidates considered at most when a quote occurs many times.
_MAX_CANDIDATES = 1000


class AnchorStatus(StrEnum):
    """How a quote was found."""

    EXACT = "exact"  # the quote occurs verbatim
    NORMALISED = "normalised"  # it occurs once both sides are normalised (PDF artefacts...)
    FUZZY = "fuzzy"  # only an approximate match, at or above MIN_SIMILARITY
    NOT_FOUND = "not-found"  # nothing similar enough; start/end/text name the best candidate
    UNCHECKED = "unchecked"  # no quote, or no readable snapshot: ``reason`` says which


@dataclass(frozen=True, slots=True)
class AnchorResult:
    """Where a quote sits in its snapshot; offsets are code points of the original text."""

    status: AnchorStatus
    source: str | None = None
    similarity: float = 0.0
    start: int | None = None
    end: int | None = None
    text: str | None = None
    prefix_match: bool | None = None  # None: the quote has no prefix
    suffix_match: bool | None = None
    candidates: int = 0  # how many places the normalised quote occurs at
    position_match: bool | None = None  # None: the evidence has no position
    numbers_missing: tuple[str, ...] = ()  # numbers of the quote absent from ``text``
    numbers_found: tuple[str, ...] = ()  # the numbers ``text`` states
    before: str = ""  # a little original text before and after the match, for messages
    after: str = ""
    reason: str | None = None

    @property
    def found(self) -> bool:
        """True for exact, normalised and fuzzy matches."""
        return self.status in (AnchorStatus.EXACT, AnchorStatus.NORMALISED, AnchorStatus.FUZZY)

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
        if self.reason is not None:
            data["reason"] = self.reason
        return data


# --- normalisation --------------------------------------------------------------------------


_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u2035"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u2036"), '"'),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63"),
                    "-"),
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), ""),
}

_NON_ASCII = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+", re.DOTALL)
# A line-end hyphen inside a word joins it ("poli-\ncy", or "poli- cy" as a PDF copy pastes it);
# a hyphen between letters is dropped too, so that "Sino-Russian", "Sino-\nRussian" and
# "SinoRussian" agree; between digits the hyphen stays and only the line break goes.
_HYPHENS = re.compile(
    r"(?<=[^\W\d_])-\s*(?=[^\W\d_])|(?<=\d)-\s*\n\s*(?=\d)"
)
_SPACE = re.compile(r"\s{2,}|[^\S ]")
_F_LIGATURE = re.compile(r"f[fil]+")
_TH_LIGATURE = re.compile(r"Th")


def _words(words: list[str]) -> re.Pattern[str]:
    r"""Whole words, one branch per first letter: ``\b(?:a|b)\b`` scanned several times faster,
    since the engine skips every character no branch starts with. ``[Xx]`` opens both cases.
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        firsts, rest = (word[1:3], word[4:]) if word.startswith("[") else (word[0], word[1:])
        for first in firsts:
            branches.setdefault(first, []).append(rest)
    return re.compile("(?:" + "|".join(
        f"{first}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in sorted(branches.items())
    ) + r")\b")


#: Words that show a snapshot lost its f-ligatures (ff, fi, fl, ffi, ffl) in extraction.
_F_TELLS = _words([
    "frst", r"[Aa]fect\w*", r"[Ee]fect\w*", r"[Ee]fort\w*", r"confict\w*", r"[Oo]fer\w*",
    r"[Dd]ifer\w*", r"specifc\w*", r"signifc\w*", r"[Ff]nanc\w*", r"[Oo]fc\w*", r"infuen\w*",
    r"[Ff]gur\w*", "[Ff]ve", "ffth", "benefts?", r"[Ff]nal\w*", r"[Dd]efn\w*", "[Ff]eld",
    r"suf?c\w*", r"traf?c\w*", r"[Ff]rm\w*", r"[Ff]nd\w*", "ratifed", r"confrm\w*", "ftted",
])
#: Words that show it lost the "Th" ligature ("Te" for "The").
_TH_TELLS = _words(["Te", "Tey", "Teir", "Tem", "Tere", "Terefore", "Tese", "Tis", "Tose", "Tus",
                    "Tat"])

F_LIGATURES = "f-ligatures"
TH_LIGATURE = "th-ligature"

#: A piece of a replacement: its text, and the span of the match it stands for (relative).
_Piece = tuple[str, int, int]


class _Step:
    """One substitution's map from its output back to its input, as segments.

    Segment ``k`` begins at output offset ``out[k]``. A copied segment (``last[k] < 0``) maps
    output character ``p`` to input character ``first[k] + p - out[k]``; a replaced one maps
    each of its characters to the whole input span ``[first[k], last[k])`` it stands for.
    A few segments per substitution instead of two integers per character of the snapshot.
    """

    __slots__ = ("first", "last", "out")

    def __init__(self) -> None:
        self.out: list[int] = []
        self.first: list[int] = []
        self.last: list[int] = []

    def copy(self, out: int, first: int) -> None:
        if self.out and self.last[-1] < 0 and out - self.out[-1] == first - self.first[-1]:
            return  # continues the previous copied segment
        self.out.append(out)
        self.first.append(first)
        self.last.append(-1)

    def replaced(self, out: int, first: int, last: int) -> None:
        self.out.append(out)
        self.first.append(first)
        self.last.append(last)

    def start(self, p: int) -> int:
        k = bisect_right(self.out, p) - 1
        return self.first[k] + p - self.out[k] if self.last[k] < 0 else self.first[k]

    def end(self, p: int) -> int:
        k = bisect_right(self.out, p) - 1
        return self.first[k] + p - self.out[k] + 1 if self.last[k] < 0 else self.last[k]


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text; character ``i`` came from ``original[start_of(i):end_of(i)]``."""

    text: str
    steps: tuple[_Step, ...] = ()  # the substitutions that changed the text, in order

    def start_of(self, i: int) -> int:
        """The original offset where normalised character ``i`` begins."""
        for step in reversed(self.steps):
            i = step.start(i)
        return i

    def end_of(self, i: int) -> int:
        """The original offset just after normalised character ``i``."""
        for step in reversed(self.steps):
            i = step.end(i) - 1
        return i + 1

    @property
    def starts(self) -> list[int]:
        """``start_of`` of every character (for tests and debugging; O(n log n))."""
        return [self.start_of(i) for i in range(len(self.text))]

    @property
    def ends(self) -> list[int]:
        """``end_of`` of every character."""
        return [self.end_of(i) for i in range(len(self.text))]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original code-point span of the normalised span ``[start, end)``."""
        if start >= end:
            if start < len(self.text):
                at = self.start_of(start)
            else:
                at = self.end_of(len(self.text) - 1) if self.text else 0
            return at, at
        return self.start_of(start), self.end_of(end - 1)

    def index_of(self, original: int) -> int:
        """The first normalised index whose source starts at or after an original offset."""
        if not self.steps:
            return min(max(original, 0), len(self.text))
        return bisect_left(range(len(self.text)), original, key=self.start_of)


def _sub(
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], list[_Piece]],
    text: str,
    steps: list[_Step],
) -> str:
    """``re.sub`` that records how its output maps back to its input (see :class:`_Step`)."""
    parts: list[str] = []
    step = _Step()
    length = 0  # of the output so far
    pos = 0
    for match in pattern.finditer(text):
        a, b = match.span()
        if a > pos:
            parts.append(text[pos:a])
            step.copy(length, pos)
            length += a - pos
        for piece, i, j in replace(match):
            if not piece:
                continue
            parts.append(piece)
            if len(piece) == j - i and (len(piece) == 1 or piece == text[a + i:a + j]):
                step.copy(length, a + i)
            else:
                step.replaced(length, a + i, a + j)
            length += len(piece)
        pos = b
    if pos == 0:
        return text
    if pos < len(text):
        parts.append(text[pos:])
        step.copy(length, pos)
    if step.out != [0] or step.last != [-1] or step.first != [0]:  # not the identity
        steps.append(step)
    return "".join(parts)


def _sub_constant(pattern: re.Pattern[str], value: str, text: str, steps: list[_Step]) -> str:
    """:func:`_sub` for a constant replacement: the text from ``re.sub``, the map from the
    spans alone (a one-for-one replacement, such as a line break to a space, maps as a copy)."""
    step = _Step()
    delta = 0  # output offset minus input offset, after the matches so far
    pos = 0  # input offset where the current copied run begins
    matched = False
    for match in pattern.finditer(text):
        matched = True
        a, b = match.span()
        if b - a == len(value) and (b - a == 1 or text[a:b] == value):
            continue
        if a > pos:
            step.copy(pos + delta, pos)
        step.replaced(a + delta, a, b)
        delta += len(value) - (b - a)
        pos = b
    if not matched:
        return text
    if step.out:  # else every replacement was one for one: the map is the identity
        if pos < len(text):
            step.copy(pos + delta, pos)
        steps.append(step)
    return pattern.sub(value, text)


def _unicode_pieces(match: re.Match[str]) -> list[_Piece]:
    """NFKC per character cluster (a base and its combining marks), then quotes and dashes."""
    run = match.group()
    pieces: list[_Piece] = []
    i = 0
    while i < len(run):
        j = i + 1
        while j < len(run) and unicodedata.combining(run[j]):
            j += 1
        cluster = unicodedata.normalize("NFKC", run[i:j]).translate(_TRANSLATE)
        pieces.append((cluster, i, j))
        i = j
    return pieces


def _hyphen(match: re.Match[str]) -> list[_Piece]:
    keep = "-" if match.group()[:1] == "-" and match.start() > 0 and (
        match.string[match.start() - 1].isdigit()) else ""
    return [(keep, 0, 1)] if keep else []


#: The substitutions of :func:`normalise`, in order: pattern, replacement (a constant, or
#: pieces with their spans), and whether it can match the text as the previous one left it.
_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], list[_Piece]],
                            Callable[[str, frozenset[str]], bool]], ...] = (
    (_NON_ASCII, _unicode_pieces, lambda text, _: not text.isascii()),
    (_HYPHENS, _hyphen, lambda text, _: "-" in text),
    (_SPACE, " ", lambda _, __: True),
    (_F_LIGATURE, "f", lambda _, folds: F_LIGATURES in folds),
    (_TH_LIGATURE, "T", lambda _, folds: TH_LIGATURE in folds),
)


def detect_folds(text: str) -> frozenset[str]:
    """Which ligature folds a snapshot needs: only those whose artefacts it shows."""
    folds = set()
    if _F_TELLS.search(text):
        folds.add(F_LIGATURES)
    if _TH_TELLS.search(text):
        folds.add(TH_LIGATURE)
    return frozenset(folds)


def normalise(text: str, folds: frozenset[str] = frozenset()) -> Normalised:
    """Normalise text for matching, keeping the map back to the original code points.

    NFKC; curly quotes to straight; every dash to ``-``; invisible characters dropped;
    line-end hyphens joined and hyphens between letters dropped; whitespace runs to one space.
    ``folds`` (from :func:`detect_folds`) also collapse f-ligature letters (``ff``, ``fi``,
    ``fl``, ``ffi``, ``ffl`` -> ``f``) and ``Th`` -> ``T``, so correct spelling and the
    extraction's spelling meet in the middle.

    >>> normalise("the \u201cpoli-\\ncy\u201d").text
    'the "policy"'
    >>> normalise("affected The", frozenset({"f-ligatures", "th-ligature"})).text
    'afected Te'
    """
    steps: list[_Step] = []
    for pattern, replacement, applies in _SUBSTITUTIONS:
        if not applies(text, folds):
            continue
        if isinstance(replacement, str):
            text = _sub_constant(pattern, replacement, text, steps)
        else:
            text = _sub(pattern, replacement, text, steps)
    return Normalised(text, tuple(steps))


def normalise_text(text: str, folds: frozenset[str] = frozenset()) -> str:
    """``normalise(text, folds).text`` without the offset map: for quotes, prefixes and
    suffixes, whose normalised text is all the search needs."""
    for pattern, replacement, applies in _SUBSTITUTIONS:
        if applies(text, folds):
            text = pattern.sub(
                replacement if isinstance(replacement, str) else _joined(replacement), text
            )
    return text


def _joined(pieces: Callable[[re.Match[str]], list[_Piece]]) -> Callable[[re.Match[str]], str]:
    return lambda match: "".join(piece for piece, _, _ in pieces(match))


# --- numbers ----------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def numbers_in(text: str) -> list[str]:
    """The numbers written in a text, thousands commas removed (``1,200`` -> ``1200``).

    >>> numbers_in("from 1,200 to 4.5 in 2019-2020")
    ['1200', '4.5', '2019', '2020']
    """
    found: list[str] = _NUMBER.findall(text)
    if "," in text:
        found = [t.replace(",", "") if _THOUSANDS.fullmatch(t) else t for t in found]
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


def _missing_numbers(quote: str, original: str, start: int, end: int) -> tuple[
        tuple[str, ...], tuple[str, ...]]:
    wide_start, wide_end = _widen_to_numbers(original, start, end)
    found = numbers_in(original[wide_start:wide_end])
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


class SnapshotIndex:
    """A snapshot normalised once, ready to anchor any number of quotes."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.original = text
        self.folds = detect_folds(text)
        self.norm = normalise(text, self.folds)

    def normalise(self, text: str) -> str:
        """Normalise a quote (or prefix, suffix) the way this snapshot was."""
        return normalise_text(text, self.folds)

    def anchor(
        self,
        exact: str,
        prefix: str | None = None,
        suffix: str | None = None,
        position: tuple[int, int] | None = None,
        min_similarity: float = MIN_SIMILARITY,
    ) -> AnchorResult:
        """Find a quote: position, exact, normalised, then approximate; see the module doc."""
        original = self.original
        if position is not None:
            start, end = position
            if original[start:end] == exact and end - start == len(exact):
                return self._result(AnchorStatus.EXACT, 1.0, start, end, exact, prefix, suffix,
                                    position, candidates=1, lenient=False)
        quote = self.normalise(exact).strip()
        if not quote:
            return AnchorResult(AnchorStatus.NOT_FOUND, self.source,
                                reason="the quote is empty once normalised")
        found = self._occurrences(quote)
        if found:
            best = found[0] if len(found) == 1 else max(
                found, key=lambda ns: self._rank(ns, ns + len(quote), prefix, suffix, position))
            start, end = self.norm.span(best, best + len(quote))
            if original.startswith(exact, start):
                status, end = AnchorStatus.EXACT, start + len(exact)
            else:
                status = AnchorStatus.NORMALISED
            return self._result(status, 1.0, start, end, exact, prefix, suffix, position,
                                candidates=len(found), lenient=False)
        return self._fuzzy(exact, quote, prefix, suffix, position, min_similarity)

    def _occurrences(self, quote: str) -> list[int]:
        text = self.norm.text
        found: list[int] = []
        at = text.find(quote)
        while at >= 0 and len(found) < _MAX_CANDIDATES:
            found.append(at)
            at = text.find(quote, at + 1)
        return found

    def _rank(self, ns: int, ne: int, prefix: str | None, suffix: str | None,
              position: tuple[int, int] | None) -> tuple[int, int, int]:
        """Hypothesis-style ranking: context that matches, then nearness to the position."""
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

    def _fuzzy(self, exact: str, quote: str, prefix: str | None, suffix: str | None,
               position: tuple[int, int] | None, min_similarity: float) -> AnchorResult:
        text = self.norm.text
        best: tuple[float, int, int] | None = None
        if position is not None:  # look near the recorded position first
            around = self.norm.index_of(position[0])
            lo = max(0, around - 2 * len(quote))
            hi = min(len(text), around + 3 * len(quote))
            best = _align(quote, text, lo, hi)
            if best is not None and best[0] < min_similarity:
                best = None
        if best is None:
            best = _align(quote, text, 0, len(text))
        if best is None:
            return AnchorResult(AnchorStatus.NOT_FOUND, self.source, 0.0)
        similarity, ns, ne = best
        start, end = self.norm.span(ns, ne)
        status = AnchorStatus.FUZZY if similarity >= min_similarity else AnchorStatus.NOT_FOUND
        return self._result(status, similarity, start, end, exact, prefix, suffix, position,
                            candidates=0, lenient=True, norm_span=(ns, ne))

    def _result(
        self,
        status: AnchorStatus,
        similarity: float,
        start: int,
        end: int,
        exact: str,
        prefix: str | None,
        suffix: str | None,
        position: tuple[int, int] | None,
        *,
        candidates: int,
        lenient: bool,
        norm_span: tuple[int, int] | None = None,
    ) -> AnchorResult:
        original = self.original
        found = status in (AnchorStatus.EXACT, AnchorStatus.NORMALISED, AnchorStatus.FUZZY)
        prefix_match = suffix_match = None
        has_prefix = bool(prefix and prefix.strip())
        has_suffix = bool(suffix and suffix.strip())
        if found and (has_prefix or has_suffix):
            ns, ne = norm_span or (self.norm.index_of(start), self.norm.index_of(end))
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
        numbers: tuple[str, ...] = ()
        if found:  # an exact match can still cut a number ("in 201" of "in 2019")
            missing, numbers = _missing_numbers(exact, original, start, end)
        return AnchorResult(
            status=status,
            source=self.source,
            similarity=similarity,
            start=start,
            end=end,
            text=original[start:end],
            prefix_match=prefix_match,
            suffix_match=suffix_match,
            candidates=candidates,
            position_match=None if position is None else (start, end) == position,
            numbers_missing=missing,
            numbers_found=numbers,
            before=original[max(0, start - 40):start],
            after=original[end:end + 40],
        )


def _align(quote: str, text: str, lo: int, hi: int) -> tuple[float, int, int] | None:
    """Best approximate occurrence of ``quote`` in ``text[lo:hi]``: (similarity, start, end).

    rapidfuzz's ``partial_ratio_alignment`` finds the best window of the quote's length; the
    edges are then moved a little to the lengths that score best, since a quote with a missing
    or an extra word matches a slightly shorter or longer span. The similarity is that of the
    best alignment; the span returned is then widened to whole words.
    """
    from rapidfuzz import fuzz

    window = text[lo:hi]
    if not window:
        return None
    if len(quote) >= len(window):
        return fuzz.ratio(quote, window) / 100, lo, hi
    alignment = fuzz.partial_ratio_alignment(quote, window)
    if alignment is None:  # pragma: no cover - only with a score cutoff
        return None
    start, end = alignment.dest_start + lo, alignment.dest_end + lo
    slack = min(32, max(4, len(quote) // 8))
    best_score = fuzz.ratio(quote, text[start:end])
    best_end = end
    for candidate in range(max(start + 1, end - slack), min(len(text), end + slack) + 1):
        score = fuzz.ratio(quote, text[start:candidate])
        if score > best_score:
            best_score, best_end = score, candidate
    best_start = start
    for candidate in range(max(0, start - slack), min(best_end - 1, start + slack) + 1):
        score = fuzz.ratio(quote, text[candidate:best_end])
        if score > best_score:
            best_score, best_start = score, candidate
    best_start, best_end = _whole_words(text, best_start, best_end)
    return best_score / 100, best_start, best_end


def _whole_words(text: str, start: int, end: int, reach: int = 24) -> tuple[int, int]:
    """Widen an approximate span to whole words (a reader should see "increase", not "i")."""
    low = max(0, start - reach)
    while start > low and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    high = min(len(text), end + reach)
    while end < high and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


# --- the map: evidence and its snapshot ----------------------------------------------------------

def quote_holder(evidence: Evidence) -> str:
    """The source whose text holds the quote: ``via`` when set, else ``source``."""
    return evidence.via or evidence.source


def index_for(index: MapIndex, source_id: str) -> SnapshotIndex | None:
    """The source's snapshot, normalised and indexed once per map (None when unreadable)."""
    return index.memo((index_for, source_id), lambda: _snapshot_index(index, source_id))


def _snapshot_index(index: MapIndex, source_id: str) -> SnapshotIndex | None:
    snapshot = index.snapshot(source_id)
    return None if snapshot is None else SnapshotIndex(source_id, snapshot.text)


def anchor_evidence(index: MapIndex, evidence: Evidence) -> AnchorResult:
    """Anchor an evidence item's quote in the snapshot of its quote-holding source, once.

    Keyed by the item itself (its ``id()``): two items may share an ID.
    """
    return index.memo((anchor_evidence, id(evidence)), lambda: _anchor(index, evidence))


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


def anchored_evidence(index: MapIndex) -> Iterator[tuple[Evidence, AnchorResult]]:
    """Every evidence item with a quote, with its anchoring result, in map order."""
    for evidence in index.map.evidence:
        if evidence.quote is not None:
            yield evidence, anchor_evidence(index, evidence)


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
