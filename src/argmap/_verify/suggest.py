"""Sentences of a map's snapshots that state a figure: suggested evidence for AM301.

A claim's figure that no quote states may still be in its sources' text. Each snapshot is
split into sentences and read by the number grammar once per map; a sentence is suggested
when one of its figures cites the claim's (the comparison AM301 uses: a match, a more
precise or an understated figure). Suggestions are ranked by that verdict, then by how many
of the claim's words the sentence shares, then by the source's and the sentence's order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from argmap._lazyre import lazy_compile
from argmap._model import Claim
from argmap._record import record
from argmap._verify.anchor import quote_holder
from argmap._verify.compare import CITED, Verdict, compare
from argmap._verify.index import MapIndex
from argmap._verify.numbers import Mention, parse

__all__ = ["MAX_QUOTE", "Suggestion", "suggest"]

#: A suggested quote is cut to about this many characters around its figure.
MAX_QUOTE = 300
_SENTENCE_END = lazy_compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|\n\s*\n")
_WORD = lazy_compile(r"[a-z]{4,}")


@record
class Suggestion:
    """A passage of ``source``'s snapshot at ``start:end`` that states the figure."""

    source: str
    start: int
    end: int
    text: str  # the passage as one line (spaces run together), a quote that anchors
    verdict: Verdict
    shared_words: int


@record
class _Read:
    """Where a source's sentences start and end, and the figures it states."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    mentions: tuple[Mention, ...]


def _read(index: MapIndex, source_id: str) -> _Read | None:
    snapshot = index.snapshot(source_id)
    if snapshot is None:
        return None
    text = snapshot.text
    starts = [0]
    ends = []
    for match in _SENTENCE_END.finditer(text):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(text))
    mentions = tuple(m for m in parse(text) if m.is_figure and not m.vague)
    return _Read(tuple(starts), tuple(ends), mentions)


def _sentences(index: MapIndex, source_id: str) -> _Read | None:
    return index.memo((_sentences, source_id), lambda: _read(index, source_id))


def _passage(text: str, start: int, end: int, at: int, until: int) -> tuple[int, int]:
    """``start:end`` cut to about :data:`MAX_QUOTE` characters around ``at:until``, at
    spaces, so the cut passage is whole words."""
    if end - start <= MAX_QUOTE:
        return start, end
    room = max((MAX_QUOTE - (until - at)) // 2, 0)
    left = max(start, at - room)
    right = min(end, until + room)
    if left > start:
        space = text.find(" ", left, at)
        left = space + 1 if space >= 0 else at
    if right < end:
        space = text.rfind(" ", until, right)
        right = space if space >= 0 else until
    return left, right


def _sources(index: MapIndex, claim: Claim) -> list[str]:
    """The claim's sources (cited and quote-holding), or every source when it has none."""
    found: list[str] = []
    for evidence_id in claim.evidence:
        evidence = index.evidence.get(evidence_id)
        if evidence is not None:
            found.extend((quote_holder(evidence), evidence.source))
    return list(dict.fromkeys(found)) if found else list(index.sources)


def _words(index: MapIndex, text: str) -> frozenset[str]:
    """The words of a claim's text, read once per text: a claim with thousands of figures
    asks for them once per figure."""
    return index.memo((_words, text), lambda: frozenset(_WORD.findall(text.lower())))


def suggest(index: MapIndex, claim: Claim, figure: Mention, limit: int = 3) -> list[Suggestion]:
    """At most ``limit`` passages of the claim's sources' snapshots that state ``figure``."""
    words: frozenset[str] | None = None
    found: list[tuple[tuple[int, int, int, int], Suggestion]] = []
    seen: set[tuple[str, int]] = set()
    for order, source_id in enumerate(_sources(index, claim)):
        read = _sentences(index, source_id)
        snapshot = index.snapshot(source_id)
        if read is None or snapshot is None:
            continue
        text = snapshot.text
        for mention in read.mentions:
            verdict = compare(figure, mention)
            if verdict not in CITED:
                continue
            at = bisect_right(read.starts, mention.start) - 1
            if (source_id, at) in seen:
                continue
            seen.add((source_id, at))
            start, end = _passage(text, read.starts[at], read.ends[at], mention.start,
                                  mention.end)
            passage = " ".join(text[start:end].split())
            if words is None:
                words = _words(index, claim.text)
            shared = len(words & set(_WORD.findall(passage.lower())))
            found.append(((-int(verdict), -shared, order, start),
                          Suggestion(source_id, start, end, passage, verdict, shared)))
    found.sort(key=lambda item: item[0])
    return [suggestion for _, suggestion in found[:limit]]


def ranked(suggestions: Sequence[Suggestion]) -> str:
    """The suggestions as a hint names them: ``S1: '...'; S2: '...'``."""
    from argmap._verify.anchor import shorten

    return "; ".join(f"{s.source}: {shorten(s.text, 120)!r}" for s in suggestions)
