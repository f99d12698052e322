"""Every place a string occurs in a long normalised text, at a cost that does not grow with it.

Anchoring looks for each quote in its snapshot's normalised text, and for every occurrence,
overlapping ones too (their ranking needs all of them). ``str.find`` in a loop scans the whole
text per quote, so a map whose snapshots grow with it pays snapshot size times quotes.
:class:`WordIndex` is built once per text, when it has been scanned often enough to pay for
it (:class:`Finder`): the start of every space-delimited word of at least :data:`MIN_WORD`
characters. A quote with such a word strictly inside it (a space on both
sides) occurs only where the text has that word as a whole word at the same offset; the rarest
of its inner words gives the candidates, and each is checked in full. The result is exactly
what the ``str.find`` loop finds (a property test holds the two equal); a quote without an
inner word, or whose rarest one is too common, is searched with ``str.find``.

A text whose searches are known beforehand (:class:`Finder`'s ``searches``: the quotes a map
attributes to a snapshot) is indexed at its first search when they are enough to pay for it,
rather than after scanning it for as many: at 100,000 benchmark claims each 50,000-character
snapshot holds about 340 quotes, and the first 256 of them were scanned in full.

Normalised text has single spaces only (no line breaks or tabs), so its words are its pieces
between spaces.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap._lazyre import lazy_compile

__all__ = ["MIN_TEXT", "MIN_WORD", "Finder", "WordIndex", "find_all"]

#: Words shorter than this are not indexed: short words are common and the index small.
MIN_WORD = 6
#: A search of fewer characters than this is a ``str.find``: scanning them is cheaper.
MIN_TEXT = 16_384
#: A text is indexed once this many searches' worth of it has been scanned: indexing costs
#: about as much as 150 to 300 scans of it (45 ns a character, about 30 since round nine,
#: against 0.2 ns for a scan, measured on benchmark snapshots), so a text searched for a few
#: quotes is never indexed, and one searched for many costs at most about twice what the
#: better choice would have.
SCANS_BEFORE_INDEX = 256
#: An inner word with at most this many places is rare enough to stop looking for a rarer one.
FEW = 8
#: Candidates checked at most through the index; a quote whose rarest inner word occurs more
#: often is searched with ``str.find``.
MAX_CANDIDATES = 64


_LONG_WORD = lazy_compile(f" ([^ ]{{{MIN_WORD},}})")


class WordIndex:
    """Where each word of at least :data:`MIN_WORD` characters starts in ``text``."""

    __slots__ = ("words",)

    def __init__(self, text: str) -> None:
        # a space and a long word: the engine skips to each space, and only a long word's
        # costs a match object (a third less than splitting the text and numbering every word)
        words: dict[str, list[int]] = {}
        get = words.get
        for match in _LONG_WORD.finditer(" " + text):  # the word's space is at its start
            word = match[1]
            found = get(word)
            if found is None:
                words[word] = [match.start()]
            else:
                found.append(match.start())
        self.words = words

    def candidates(self, needle: str) -> list[int] | None:
        """Where ``needle`` may start, in order (a superset of where it does), or None when
        the index cannot narrow it down (no inner word, or only common ones)."""
        best: list[int] | None = None
        best_offset = 0
        pieces = needle.split(" ")
        offset = len(pieces[0]) + 1
        words = self.words
        for piece in pieces[1:-1]:
            if len(piece) >= MIN_WORD:
                found = words.get(piece)
                if found is None:
                    return []
                if best is None or len(found) < len(best):
                    best, best_offset = found, offset
                    if len(found) <= FEW:
                        break
            offset += len(piece) + 1
        if best is None or len(best) > MAX_CANDIDATES:
            return None
        return [start - best_offset for start in best]


def find_all(text: str, needle: str, lo: int, hi: int,
             index: WordIndex | None = None) -> Iterator[int]:
    """Each start of ``needle`` in ``text[lo:hi]`` (``lo >= 0``), in order, overlapping ones
    too: the successive ``text.find(needle, previous + 1, hi)``, through ``index`` where it
    can narrow the search down."""
    candidates = index.candidates(needle) if index is not None and needle else None
    if candidates is None:
        at = text.find(needle, lo, hi)
        while at >= 0:
            yield at
            at = text.find(needle, at + 1, hi)
        return
    last = hi - len(needle)
    for at in candidates:
        if lo <= at <= last and text.startswith(needle, at):
            yield at


class Finder:
    """The searches of one text: ``str.find`` until the text has been scanned often enough
    to be worth a :class:`WordIndex`, then the index.

    ``searches``: how many whole-text searches the caller knows are coming; at least
    :data:`SCANS_BEFORE_INDEX` and the index is built at the first (it would be built anyway,
    and each search through it costs a fraction of a scan). The results are the same either
    way; only the time differs.
    """

    __slots__ = ("index", "scanned", "text")

    def __init__(self, text: str, searches: int = 0) -> None:
        self.text = text
        self.index: WordIndex | None = None
        # characters scanned by str.find before the index was built; the searches known to
        # come are counted as scanned already
        self.scanned = len(text) * searches if searches >= SCANS_BEFORE_INDEX else 0

    def find_all(self, needle: str, lo: int, hi: int) -> Iterator[int]:
        """:func:`find_all` in this text."""
        return find_all(self.text, needle, lo, hi, self.index_for(lo, hi))

    def index_for(self, lo: int, hi: int) -> WordIndex | None:
        """The index a search of ``text[lo:hi]`` goes through, if any (the search is counted
        as scanned, and the index built once the scans have paid for it): what
        :meth:`find_all` searches with, for a caller that reads the candidates itself."""
        if hi - lo < MIN_TEXT:
            return None
        index = self.index
        if index is None:
            self.scanned += hi - lo
            if self.scanned >= SCANS_BEFORE_INDEX * len(self.text):
                index = self.index = WordIndex(self.text)
        return index
