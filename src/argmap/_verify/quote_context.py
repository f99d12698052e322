"""Quote context: a negation, hedge or turn in the source's sentence that a quote leaves out.

A verbatim quote can still misreport its source: "the lane cut injuries" cut from "critics
claim that the lane cut injuries", or from "the lane cut injuries, but only on weekdays". The
source's sentence is read around the anchored quote (in the normalised snapshot, so PDF line
breaks and lost ligatures do not matter):

* **before** it, the clause that leads into the quote: the text back to the start of the
  sentence (or paragraph), cut at the last comma, semicolon, colon, parenthesis or dash, at
  most :data:`BEFORE_WORDS` words; where the quote follows such a mark directly, the words
  before the mark count only when they are at most :data:`LEAD_IN_WORDS` ("Allegedly, ...",
  not the clause "Although X did not Y, ...");
* **after** it, the first :data:`AFTER_WORDS` words of the rest of its sentence.

* **left out** of it: where an elision ("...") or an insertion ("[word]") skips source words,
  the clause of the skipped words that leads into the next part ("did [...] grow" of "did not
  grow").

A cue from :data:`CUES` in that text makes the quote *qualified*, unless the claim citing it
carries a cue of the same kind in its own text. The cues are one table (this module), listed
in docs/quotes.md; a test keeps the two in step.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from argmap._recache import recompile
from argmap._record import record
from argmap._verify.anchor import VERBATIM, anchor_evidence, anchored_evidence, index_for

if TYPE_CHECKING:
    from argmap._model import Claim, Evidence
    from argmap._verify.anchor import AnchorResult, SnapshotIndex
    from argmap._verify.index import MapIndex

__all__ = [
    "AFTER_WORDS",
    "BEFORE_WORDS",
    "CUES",
    "LEAD_IN_WORDS",
    "ContextCue",
    "Cue",
    "CueKind",
    "cues_in",
    "every_qualifier",
    "qualifiers",
]

BEFORE_WORDS = 8
LEAD_IN_WORDS = 3
AFTER_WORDS = 4


class CueKind(StrEnum):
    """What a cue does to the quote next to it."""

    NEGATION = "negation"  # denies it
    HEDGE = "hedge"  # makes it uncertain, conditional, or someone else's claim
    CONTRAST = "contrast"  # the rest of the sentence turns against it


@record
class Cue:
    """One cue: the words (a regular expression over lowercase words), its kind, its side."""

    words: str
    kind: CueKind
    after: bool = False  # read after the quote (contrast), else before it
    case_sensitive: bool = False  # "may" the verb, never "May" the month

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.words, self.case_sensitive)


@cache
def _compiled(words: str, case_sensitive: bool) -> re.Pattern[str]:
    return recompile(rf"(?<![\w']){words}(?!\w)", 0 if case_sensitive else re.IGNORECASE)


N, H, C = CueKind.NEGATION, CueKind.HEDGE, CueKind.CONTRAST

#: Every cue, in one table (docs/quotes.md lists it). ``words`` is matched as whole words,
#: spaces standing for any run of spaces.
CUES: tuple[Cue, ...] = (
    Cue(r"not(?! only)", N),
    Cue(r"\w+n't", N),
    Cue(r"no longer", N),
    Cue(r"no(?! doubt| longer)", N),
    Cue(r"never", N),
    Cue(r"neither", N),
    Cue(r"nor", N),
    Cue(r"without", N),
    Cue(r"(?:it is|it's) (?:false|untrue|a myth) that", N),
    Cue(r"contrary to", N),
    Cue(r"far from", N),
    Cue(r"(?:fail|fails|failed) to", N),
    Cue(r"(?:deny|denies|denied|denying|refuted?|refutes|rejected the claim) (?:that)?", N),
    Cue(r"may", H, case_sensitive=True),
    Cue(r"might", H),
    Cue(r"could", H),
    Cue(r"would", H),
    Cue(r"possibly", H),
    Cue(r"perhaps", H),
    Cue(r"allegedly", H),
    Cue(r"reportedly", H),
    Cue(r"supposedly", H),
    Cue(r"purportedly", H),
    Cue(r"apparently", H),
    Cue(r"seemingly", H),
    Cue(r"if", H),
    Cue(r"whether", H),
    Cue(r"unless", H),
    Cue(r"it is (?:said|claimed|alleged|rumou?red) that", H),
    Cue(r"(?:claim|claims|claimed|allege|alleges|alleged|assert|asserts|asserted) that", H),
    Cue(r"critics", H),
    Cue(r"some (?:argue|say|believe|claim)", H),
    Cue(r"rumou?rs?", H),
    Cue(r"unconfirmed|unverified", H),
    Cue(r"but(?! also)", C, after=True),
    Cue(r"however", C, after=True),
    Cue(r"although|though", C, after=True),
    Cue(r"(?:(?<=^)|(?<=^and ))yet", C, after=True),  # "..., yet": not "do not yet"
    Cue(r"except", C, after=True),
    Cue(r"unless", C, after=True),
    Cue(r"albeit", C, after=True),
    Cue(r"nevertheless|nonetheless", C, after=True),
)

_SENTENCE_END = recompile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9]|$)")
_ENDS_SENTENCE = recompile(r"[.!?][\"')\]”’]*$")
_CLAUSE_MARK = recompile(r"[,;:()]|\s-\s")
_WORD = recompile(r"[\w']+")
_STOP = recompile(r"[.!?](?:\s|$)")


@record
class ContextCue:
    """A cue found next to a quote: the cue, the words it was found in, and the claims
    citing the quote that do not carry a cue of the same kind."""

    cue: Cue
    found: str  # the cue's words as the source has them
    context: str  # the clause before the quote, or the words after it
    claims: tuple[str, ...]
    where: str = "before"  # "before" or "after" the quote, or "elided" from it


def cues_in(text: str, *, after: bool) -> list[tuple[Cue, str]]:
    """The cues (of one side) in a text, in table order, with the words matched.

    >>> [(c.kind.value, w) for c, w in cues_in("critics claim that", after=False)]
    [('hedge', 'claim that'), ('hedge', 'critics')]
    >>> cues_in("In May", after=False), cues_in("not only", after=False)
    ([], [])
    """
    if not _any_cue(after).search(text):  # most clauses hold no cue: one search says so
        return []
    found = []
    for cue, pattern in _side(after):
        match = pattern.search(text)
        if match:
            found.append((cue, match.group()))
    return found


@cache
def _side(after: bool) -> tuple[tuple[Cue, re.Pattern[str]], ...]:
    """The cues read on one side of a quote, each with its compiled pattern, in table order."""
    return tuple((cue, cue.pattern) for cue in CUES if cue.after is after)


@cache
def _any_cue(after: bool | None) -> re.Pattern[str]:
    """One pattern that matches wherever a cue (of one side, or of either) could: every cue's
    words as alternatives, case ignored. It may match more than the cues do ("May" the
    month), never less; the cues themselves then decide."""
    words = "|".join(f"(?:{cue.words})" for cue in CUES if after is None or cue.after is after)
    return _compiled(f"(?:{words})", False)


def _kinds(text: str) -> set[CueKind]:
    """The kinds of cue a claim's text carries, whichever side."""
    if not _any_cue(None).search(text):
        return set()
    return {cue.kind for cue, pattern in (*_side(False), *_side(True)) if pattern.search(text)}


def context_before(text: str, start: int, floor: int = 0) -> str:
    """The clause that leads into the quote at ``start`` (see the module doc).

    >>> context_before("The report, which did not cover 2020, found that cycling rose.", 49)
    'found that'
    >>> context_before("It rained. Allegedly, cycling rose.", 22)
    'Allegedly'
    >>> context_before("Although it did not rain, cycling rose.", 26)
    ''
    >>> context_before("Critics claim that it rained. Cycling rose.", 30)
    ''
    """
    low = cut = max(floor, start - 400)
    at = start
    while at > low:  # the last sentence end: sentence ends cannot overlap, so look from the back
        at = max(text.rfind(".", low, at), text.rfind("!", low, at), text.rfind("?", low, at))
        if at < 0:
            break
        end = _SENTENCE_END.match(text, at, start)
        if end is not None:
            cut = end.end()
            break
    if cut >= start:  # most quotes open their sentence
        return ""
    pieces = _CLAUSE_MARK.split(text[cut:start])
    words = pieces[-1].split()
    if len(pieces) > 1 and not words:
        # the quote follows a comma: the words before it lead in only when they are a short
        # sentence adverb ("Allegedly, ..."), not a clause of their own ("Although X, ...")
        words = pieces[-2].split()
        if len(words) > LEAD_IN_WORDS:
            return ""
    return " ".join(words[-BEFORE_WORDS:])


def context_after(text: str, end: int, ceiling: int | None = None) -> str:
    """The first words of the rest of the quote's sentence; none when the quote ends it.

    >>> context_after("cycling rose, but only on weekdays. Then", 12)
    'but only on weekdays'
    >>> context_after("cycling rose. But not on weekdays.", 13)
    ''
    """
    if _ends_sentence(text, end):
        return ""  # the next sentence is not the quote's: "a continuation in the same sentence"
    window = text[end:min(len(text) if ceiling is None else ceiling, end + 400)]
    stop = _STOP.search(window)
    if stop:
        window = window[:stop.start()]
    words = _WORD.findall(window)[:AFTER_WORDS]
    return " ".join(words)


def _ends_sentence(text: str, end: int) -> bool:
    """Does the text just before ``end`` close a sentence (then nothing after it counts)?"""
    if 0 < end <= len(text) and text[end - 1] in ".!?":  # most quotes: the pattern's own start
        return True
    return _ENDS_SENTENCE.search(text, max(0, end - 4), end) is not None


def _opens_sentence(text: str, start: int) -> bool:
    """Does a sentence end (a stop and a space) just before ``start``? Then
    :func:`context_before` finds no clause there, whatever its floor: the paragraph break
    it would be held to need not be looked up."""
    return 2 <= start <= len(text) and text[start - 1] == " " and text[start - 2] in ".!?"


def qualifiers(index: MapIndex, evidence: Evidence) -> tuple[ContextCue, ...]:
    """The cues around an anchored quote that a claim citing it leaves out, once per item.

    The map's quotes are read in one pass (:func:`_every_qualifier`), so that the work a
    snapshot's quotes share is done once per snapshot.
    """
    found = every_qualifier(index).get(id(evidence))
    if found is None:  # not a quote of the map's list (an item without a quote has none)
        return _qualifiers(index, evidence, anchor_evidence(index, evidence), {})
    return found


def every_qualifier(index: MapIndex) -> dict[int, tuple[ContextCue, ...]]:
    """What :func:`qualifiers` gives each quote of the map's list, by the item's ``id()``:
    for a walk of that list, which then asks the memo once, not once per quote."""
    return index.memo((qualifiers,), lambda: _every_qualifier(index))


class _Snapshot:
    """A snapshot as its quotes' contexts read it: where each paragraph break of the original
    text falls in the normalised one, mapped once for all the quotes near it."""

    __slots__ = ("index", "norm", "places", "text")

    def __init__(self, index: SnapshotIndex) -> None:
        self.index = index
        self.norm = index.norm
        self.text = index.norm.text
        self.places: dict[int, int] = {}

    def place(self, original: int) -> int:
        found = self.places.get(original)
        if found is None:
            found = self.places[original] = self.norm.index_of(original)
        return found


def _every_qualifier(index: MapIndex) -> dict[int, tuple[ContextCue, ...]]:
    """The qualifiers of every quote of the map, by the item's ``id()`` (two items may share
    an ID)."""
    snapshots: dict[str, _Snapshot | None] = {}
    every: dict[int, tuple[ContextCue, ...]] = {}
    for evidence, result in anchored_evidence(index):
        # most quotes: a verbatim sentence of its own in a snapshot already read, which
        # _qualifiers finds no context around; told here without its call (nor the
        # result.verbatim property's)
        span = result.norm_span
        if span is not None and not result.parts and result.status in VERBATIM:
            snapshot = snapshots.get(result.source or "")
            if snapshot is not None and _opens_sentence(snapshot.text, span[0]) and (
                    _ends_sentence(snapshot.text, span[1])):
                every[id(evidence)] = ()
                continue
        every[id(evidence)] = _qualifiers(index, evidence, result, snapshots)
    return every


def _qualifiers(
    index: MapIndex, evidence: Evidence, result: AnchorResult,
    snapshots: dict[str, _Snapshot | None],
) -> tuple[ContextCue, ...]:
    claims: list[Claim] | None = index.evidence_users.get(evidence.id)
    if not claims or not result.verbatim or result.norm_span is None or result.source is None:
        return ()
    snapshot = snapshots.get(result.source, _UNSEEN)
    if snapshot is _UNSEEN:
        indexed = index_for(index, result.source)
        snapshot = snapshots[result.source] = None if indexed is None else _Snapshot(indexed)
    if snapshot is None:  # pragma: no cover - a verbatim result had a snapshot
        return ()
    text = snapshot.text
    ns, ne = result.norm_span
    start, end = result.start or 0, result.end or 0
    before = ""
    if not _opens_sentence(text, ns):  # most quotes: no clause before them, whatever the floor
        before_break = snapshot.index.break_before(max(0, start - 400), start)
        before = context_before(text, ns,
                                0 if before_break is None else snapshot.place(before_break))
    after = ""
    if not _ends_sentence(text, ne):  # most quotes end their sentence: no words after them
        after_break = snapshot.index.break_after(end, end + 400)
        after = context_after(text, ne, None if after_break is None
                              else snapshot.place(after_break))
    if not before and not after and not result.parts:  # most quotes: a sentence of their own
        return ()
    windows = [("before", before), ("after", after)]
    norm = snapshot.norm
    for (_, gap_start), (next_start, _) in zip(result.parts, result.parts[1:], strict=False):
        # words an elision or insertion leaves out: the ones leading into the next part
        low, high = norm.index_of(gap_start), norm.index_of(next_start)
        windows.append(("elided", context_before(text, high, low)))
    found: list[ContextCue] = []
    for where, context in windows:
        if not context:  # most quotes open their sentence: no words before them
            continue
        cues = cues_in(context, after=where == "after")
        if not cues:
            continue
        lacking = tuple(claim.id for claim in claims if cues[0][0].kind not in _kinds(claim.text))
        if lacking:
            found.append(ContextCue(cues[0][0], cues[0][1], context, lacking, where))
    return tuple(found)


_UNSEEN: Any = object()  # a source whose snapshot is not read yet (None: it cannot be)
