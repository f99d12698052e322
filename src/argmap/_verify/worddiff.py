"""The word-level difference between a quote and the passage of its source nearest to it.

A quote that is not verbatim fails, and its finding says *where* it differs, word by word
("decreased -> increased"), so the difference is seen at a glance however small its edit
distance. Both texts are normalised first (:mod:`argmap._verify.normalise`), so quote-mark
styles, line breaks and repaired ligatures never show up as differences; hyphens between
letters do, where one side has one within a line and the other none ("re-sign -> resign").
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from argmap._recache import recompile
from argmap._record import record

__all__ = ["Difference", "Token", "align_words", "format_differences", "tokens"]

_TOKEN = recompile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")  # a number is one token: "4.5", "4,500"
_NO_SPACE_BEFORE = set(".,;:!?)]}%'\"")
_NO_SPACE_AFTER = set("([{")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark, with the dropped hyphens inside it (offsets in it)."""

    text: str
    start: int  # in the normalised text it came from
    end: int
    hard: frozenset[int] = frozenset()
    soft: frozenset[int] = frozenset()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token) or other.text != self.text:
            return False
        return not (self.hard - other.hard - other.soft) and not (
            other.hard - self.hard - self.soft)

    def __hash__(self) -> int:
        return hash(self.text)

    def shown(self) -> str:
        """The word as a reader writes it: a hyphen where one stood within a line."""
        text = self.text
        for at in sorted(self.hard, reverse=True):
            text = text[:at] + "-" + text[at:]
        return text


def tokens(text: str, start: int = 0, end: int | None = None,
           hard: tuple[int, ...] = (), soft: tuple[int, ...] = ()) -> list[Token]:
    """The tokens of ``text[start:end]``, with the hyphens (``hard``, ``soft`` positions of
    :class:`~argmap._verify.normalise.Normalised`) that fall inside each word."""
    end = len(text) if end is None else end
    hard_set, soft_set = set(hard), set(soft)
    found = []
    for match in _TOKEN.finditer(text, start, end):
        a, b = match.span()
        inner_hard = frozenset(p - a for p in range(a + 1, b) if p in hard_set) if hard else (
            frozenset())
        inner_soft = frozenset(p - a for p in range(a + 1, b) if p in soft_set) if soft else (
            frozenset())
        found.append(Token(match.group(), a, b, inner_hard, inner_soft))
    return found


def _join(words: list[Token]) -> str:
    out = ""
    for token in words:
        shown = token.shown()
        if out and shown[0] not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += shown
    return out


@record
class Difference:
    """One place where the quote's words (``quote``) are not the source's (``source``)."""

    quote: str
    source: str

    def __str__(self) -> str:
        return f"{self.quote or '(nothing)'} -> {self.source or '(nothing)'}"


def align_words(quote: list[Token], source: list[Token]) -> tuple[int, int, list[Difference]]:
    """Trim ``source`` (a window around the candidate) to the words that answer the quote,
    and list the differences.

    Returns the indexes ``[first, last)`` of the source tokens kept and the differences, in
    order. The passage runs from the first run of two or more equal words to the last, widened
    by as many source words as the quote has beyond them (a changed first word is a
    difference, not a shorter match).

    >>> q, s = tokens("prices decreased sharply"), tokens("in 2020 prices increased sharply.")
    >>> first, last, diffs = align_words(q, s)
    >>> [t.text for t in s[first:last]], [str(d) for d in diffs]
    (['prices', 'increased', 'sharply'], ['decreased -> increased'])
    """
    if not quote or not source:
        return 0, len(source), [Difference(_join(quote), _join(source))] if quote or source else []
    ops = SequenceMatcher(None, quote, source, autojunk=False).get_opcodes()
    equal = [op for op in ops if op[0] == "equal"]
    if not equal:
        first, last = 0, min(len(source), len(quote))
    else:
        # the outermost runs of two or more equal words hold the passage; a single common
        # word ("in", "the") far out in the window does not
        runs = [op for op in equal if op[2] - op[1] >= 2] or equal
        _, i1, _, j1, _ = runs[0]
        _, _, i2, _, j2 = runs[-1]
        first = max(0, j1 - i1)
        last = min(len(source), j2 + len(quote) - i2)
    kept = source[first:last]
    differences = [
        Difference(_join(quote[i1:i2]), _join(kept[j1:j2]))
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, quote, kept, autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    return first, last, differences


def format_differences(differences: tuple[Difference, ...] | list[Difference],
                       limit: int = 5) -> str:
    """``a -> b; c -> d`` (at most ``limit``, then how many more).

    >>> format_differences([Difference("decreased", "increased"), Difference("", "not")])
    'decreased -> increased; (nothing) -> not'
    """
    shown = "; ".join(str(d) for d in differences[:limit])
    more = len(differences) - limit
    return shown + (f"; and {more} more" if more > 0 else "")
