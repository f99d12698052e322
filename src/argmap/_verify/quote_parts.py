"""Quoting conventions: elision, editorial insertion, ``[sic]`` and a bracketed capital.

A quote is verbatim except where it says, by the usual marks, that it is not:

* ``...``, ``. . .``, ``…``, ``[...]`` or ``[…]`` elides source words: the quote splits into
  parts of at least :data:`MIN_PART_WORDS` words each, which must occur in order within one
  paragraph of the source, or within :data:`ELISION_REACH` characters;
* ``[word]`` (any bracketed text) is the quoter's: it replaces or inserts source words and is
  skipped; the text on either side must occur with at most :data:`INSERTION_MAX_WORDS` source
  words between;
* ``[sic]`` is skipped;
* a bracketed letter before a word, as in ``[T]he``, matches the letter in either case;
* the first letter of the quote, and of each part after an elision mark, matches in either
  case without brackets (Chicago Manual of Style 13.16: the case of a quotation's first
  letter may change silently to fit the sentence). Every other letter keeps its case.

An elision mark at the start or end of a quote only says that the sentence goes on.
"""

from __future__ import annotations

import re
from enum import StrEnum

from argmap._lazyre import lazy_compile
from argmap._record import record

__all__ = [
    "ELISION_REACH",
    "INSERTION_MAX_WORDS",
    "MAX_PIECES",
    "MIN_PART_WORDS",
    "Joint",
    "Piece",
    "QuoteParts",
    "parse_quote",
]

MIN_PART_WORDS = 3
ELISION_REACH = 600
INSERTION_MAX_WORDS = 10
#: Pieces read at most: a quote is a passage, not a collage (and the search stays bounded).
MAX_PIECES = 100

_MARK = lazy_compile(
    r"(?P<elision>\[\s*(?:\.\s*){3}\]|\[\s*\u2026\s*\]|\.\s?\.\s?\.|\u2026)"
    r"|(?P<sic>\[\s*sic!?\s*\])"
    r"|(?P<capital>\[(?P<letter>[^\W\d_])\](?=[^\W\d_]))"
    r"|(?P<insertion>\[[^\[\]]*\])",
    re.IGNORECASE,
)
_WORD = lazy_compile(r"[^\W_]+")


class Joint(StrEnum):
    """How a piece joins the one before it."""

    START = "start"  # the first piece
    ELISION = "elision"  # any source text between, within the paragraph (or reach)
    INSERTION = "insertion"  # at most INSERTION_MAX_WORDS source words between


@record
class Piece:
    """A run of the quote that must be in the source verbatim (after normalisation)."""

    text: str
    joint: Joint
    free_case: tuple[int, ...] = ()  # indexes of ``text`` whose letter may be either case

    def variants(self, limit: int = 4) -> list[str]:
        """The piece with each free letter in either case (the first ``limit`` of them)."""
        found = [self.text]
        for at in self.free_case[:limit]:
            found += [v[:at] + v[at].swapcase() + v[at + 1:] for v in found]
        return found


@record
class QuoteParts:
    """A quote read by the conventions: its pieces, and why it is malformed (if it is)."""

    pieces: tuple[Piece, ...]
    conventional: bool  # uses at least one mark
    problem: str | None = None

    @property
    def text(self) -> str:
        """The quote's own words, without the quoter's marks and insertions."""
        return " ".join(piece.text for piece in self.pieces)


def parse_quote(exact: str) -> QuoteParts:
    """Split a quote at its marks.

    >>> [p.text for p in parse_quote("the economy grew [...] in every region").pieces]
    ['the economy grew', 'in every region']
    >>> parse_quote("[T]he minister [Ms Virtanen] said [sic] it").pieces[0].free_case
    (0,)
    >>> [p.free_case for p in parse_quote("cycling tripled ... after the lane").pieces]
    [(0,), (0,)]
    >>> parse_quote("it grew ... by far").problem
    "the part 'it grew' has fewer than 3 words: an elided quote's parts need at least 3 each"
    """
    pieces: list[Piece] = []
    text = ""
    free: list[int] = []
    joint = Joint.START  # how the piece being read joins the one before
    conventional = False

    def close(mark: Joint | None) -> None:
        nonlocal text, free, joint
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            piece_joint = joint if pieces else Joint.START
            frees = [i - lead for i in free if 0 <= i - lead < len(stripped)]
            if piece_joint is not Joint.INSERTION and stripped[0].isalpha() and 0 not in frees:
                frees.insert(0, 0)  # a part's first letter takes the quoting sentence's case
            pieces.append(Piece(stripped, piece_joint, tuple(frees)))
            if mark is not None:
                joint = mark
        elif mark is not None and pieces:  # two marks in a row: an elision wins
            joint = Joint.ELISION if Joint.ELISION in (joint, mark) else mark
        text, free = "", []

    pos = 0
    for match in _MARK.finditer(exact):
        conventional = True
        text += exact[pos:match.start()]
        pos = match.end()
        if match["elision"]:
            close(Joint.ELISION)
        elif match["insertion"]:
            close(Joint.INSERTION)
        elif match["sic"]:
            text += " "
        else:
            free.append(len(text))
            text += match["letter"]
    text += exact[pos:]
    close(None)
    result = tuple(pieces)
    if not conventional:
        return QuoteParts(result, False)
    if not result:
        return QuoteParts(result, True, "the quote has no words of the source, only marks")
    if len(result) > MAX_PIECES:
        return QuoteParts(result, True, f"the quote has {len(result)} pieces between its marks; "
                          f"at most {MAX_PIECES} are read")
    problem = _short_part(result)
    return QuoteParts(result, True, problem)


def _short_part(pieces: tuple[Piece, ...]) -> str | None:
    """The first part (between elisions) with fewer than MIN_PART_WORDS words, if any."""
    if all(piece.joint is not Joint.ELISION for piece in pieces):
        return None
    parts: list[list[Piece]] = []
    for piece in pieces:
        if piece.joint is not Joint.INSERTION or not parts:
            parts.append([])
        parts[-1].append(piece)
    for part in parts:
        words = sum(len(_WORD.findall(piece.text)) for piece in part)
        if words < MIN_PART_WORDS:
            shown = " ".join(piece.text for piece in part)
            return (f"the part {shown!r} has fewer than {MIN_PART_WORDS} words: an elided "
                    f"quote's parts need at least {MIN_PART_WORDS} each")
    return None
