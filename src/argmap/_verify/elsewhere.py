"""Where a quote attributed to a source without a snapshot really is: another snapshot's text.

A quote whose holding source keeps no text copy cannot be anchored (AM407). When the same
words are verbatim in the snapshot of another source of the map, the quote was most likely
copied from that text and attributed to the wrong source, or ``via`` was left out (a paper
quoting a press release holds the quote; the press release is the ``source``). Only verbatim
occurrences count (:meth:`SnapshotIndex.holds`: normalised, no approximate search), so a
quote that merely resembles a passage is not reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap._verify.anchor import index_for, quote_holder

if TYPE_CHECKING:
    from argmap._model import Evidence
    from argmap._verify.index import MapIndex

__all__ = ["MIN_WORDS", "found_elsewhere"]

#: A quote shorter than this many words is too common to say where it comes from.
MIN_WORDS = 4
#: Characters one quote's search may scan in each snapshot.
_SCAN = 5_000_000


def found_elsewhere(index: MapIndex, evidence: Evidence) -> tuple[str, ...]:
    """The sources with a snapshot that hold this quote verbatim, when its own has none.

    Only a quote that is searched for is remembered: one memo entry for each evidence item of
    a map cost 32 MiB at 100,000 claims, where almost every quote's source has a snapshot.
    """
    quote = evidence.quote
    holder = index.sources.get(quote_holder(evidence))
    if quote is None or holder is None or holder.snapshot is not None:
        return ()
    if len(quote.exact.split()) < MIN_WORDS:
        return ()
    return index.memo((found_elsewhere, id(evidence)),
                      lambda: _search(index, quote.exact, holder.id))


def _search(index: MapIndex, exact: str, holder_id: str) -> tuple[str, ...]:
    found = []
    for source in index.map.sources:
        if source.snapshot is None or source.id == holder_id:
            continue
        snapshot = index_for(index, source.id)
        if snapshot is not None and snapshot.holds(exact, _SCAN):
            found.append(source.id)
    return tuple(dict.fromkeys(found))
