"""Normalisation of snapshots and quotes for matching, with the map back to the original text.

What it changes is what does not change the words: Unicode compatibility forms (NFKC, per
character cluster), quote-mark and dash styles, invisible characters, whitespace, hyphens
between letters (a line-end hyphen is ambiguous: "poli-\\ncy" is "policy" but "Sino-\\nRussian"
is "Sino-Russian"; both drop out of the search text and are checked afterwards, see
:func:`hyphens_agree`), and ligatures that PDF extraction lost ("confict" for "conflict", "Te"
for "The"). The last is a *repair*, never a fold: a word is repaired only when it is not an
English word and exactly one repair makes it one (:mod:`argmap._verify.wordlist`), so two
different words ("flat" and "fat", "The" and "Te" of a real name) never become equal.

Each substitution records how its output maps back to its input (:class:`_Step`), so a span
of the normalised text leads back to the exact code points of the original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator
from functools import lru_cache
from itertools import combinations
from typing import Protocol

from argmap._recache import recompile
from argmap._slotinit import slot_record

__all__ = [
    "F_LIGATURES",
    "TH_LIGATURE",
    "Normalised",
    "detect_repairs",
    "hyphens_agree",
    "normalise",
    "normalise_text",
    "plain",
    "repair_word",
]

F_LIGATURES = "f-ligatures"
TH_LIGATURE = "th-ligature"

#: Stand-ins for a dropped hyphen between letters until the positions are recorded: HARD
#: within a line ("Sino-Russian"), SOFT at a line end or before spaces ("poli-\ncy").
#: Unicode noncharacters, which no text uses; any in the input become U+FFFD first.
HARD = "\ufdd0"
SOFT = "\ufdd1"

_TRANSLATE = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u2035"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u2036"), '"'),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63"),
                    "-"),
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), ""),
    **dict.fromkeys(map(ord, HARD + SOFT), "\ufffd"),
}

_NON_ASCII = recompile(r"[\x00-\x7f]?[^\x00-\x7f]+", re.DOTALL)
# A hyphen between letters (with any spaces or line break after it) becomes a marker; between
# digits the hyphen stays and only a line break after it goes ("2014-\n2019"). The hyphen
# comes first and the character before it is looked behind from there, so the engine skips
# to each hyphen instead of trying every position (40 times faster on a snapshot).
_HYPHENS = recompile(r"-(?:(?<=[^\W\d_]-)\s*(?=[^\W\d_])|(?<=\d-)\s*\n\s*(?=\d))")
# Two or more whitespace characters, or one that is not a space. Written to open with ``\s`` so
# the engine skips to each whitespace character (``\s{2,}|[^\S ]`` is tried at every one).
_SPACE = recompile(r"\s(?:\s+|(?<! ))")
_MARKERS = recompile(f"[{HARD}{SOFT}]")
#: The whitespace ``\s`` matches in ASCII text besides the space and the line break.
_OTHER_ASCII_SPACE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
#: A line break and the whitespace after it; opening with a literal, the engine skips to each
#: line break (``_SPACE`` opens with ``\s`` and tries a match at every space).
_LINE_BREAK_RUN = recompile(r"\n\s*")
_LETTERS = f"A-Za-z{HARD}{SOFT}"


def _words(words: list[str]) -> re.Pattern[str]:
    r"""Whole words, one branch per first letter: ``\b(?:a|b)\b`` scanned several times faster,
    since the engine skips every character no branch starts with. ``[Xx]`` opens both cases.
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        firsts, rest = (word[1:3], word[4:]) if word.startswith("[") else (word[0], word[1:])
        for first in firsts:
            branches.setdefault(first, []).append(rest)
    return recompile("(?:" + "|".join(
        f"{first}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in sorted(branches.items())
    ) + r")\b")


def _anchored(tells: list[tuple[str, str, str]]) -> tuple[re.Pattern[str], ...]:
    r"""Whole words ``before + anchor + after``, each pattern opening with its anchor: the
    engine then skips to the anchor as ``str.find`` does, where a pattern opening with a
    choice of letters (``_words``) tries a match at each of them. ``before`` (letters, or a
    ``[Xx]`` class) is looked behind, with the word's start before it.

    After the anchor, one branch per letter an ``after`` opens with, that letter first: the
    engine skips a branch whose letter is not the next character without entering it, so the
    look-behinds are tried only where the word goes on as a tell does (at an "f" of
    ordinary text, mostly none: detecting the f-ligature tells took twice as long when each
    look-behind came first).
    """
    branches: dict[str, dict[str, dict[str, list[str]]]] = {}
    for before, anchors, after in tells:
        first, rest = (after[0], after[1:]) if after[0].isalpha() else ("", after)
        for anchor in anchors.split():
            branches.setdefault(anchor, {}).setdefault(first, {}).setdefault(
                before, []).append(rest)
    return tuple(recompile(anchor + "(?:" + "|".join(
        first + "(?:" + "|".join(
            f"(?<=(?<!\\w){before}{anchor}{first})(?:{'|'.join(rests)})"
            for before, rests in sorted(groups.items())) + ")"
        for first, groups in sorted(by_first.items())
    ) + r")\b") for anchor, by_first in sorted(branches.items()))


#: Words that show a text lost its f-ligatures (ff, fi, fl, ffi, ffl) in extraction ("frst",
#: "afect...", "sufc..."). Only such a text is repaired (and only then is the word list read).
#: Each is split at its first f, or read from its start when it has none. Every tell keeps
#: its "f": a form that lost it ("suc...", "trac...") is no word a repair can mend, and would
#: match ordinary words ("such", "trace"), repairing clean snapshots.
_F_TELL_WORDS = [
    ("", "f", "rst"), ("[Aa]", "f", r"ect\w*"), ("[Ee]", "f", r"ect\w*"),
    ("[Ee]", "f", r"ort\w*"), ("con", "f", r"ict\w*"), ("[Oo]", "f", r"er\w*"),
    ("[Dd]i", "f", r"er\w*"), ("speci", "f", r"c\w*"), ("signi", "f", r"c\w*"),
    ("", "F f", r"nanc\w*"), ("[Oo]", "f", r"c\w*"), ("in", "f", r"uen\w*"),
    ("", "F f", r"gur\w*"), ("", "F f", "ve"), ("", "f", "fth"), ("bene", "f", "ts?"),
    ("", "F f", r"nal\w*"), ("[Dd]e", "f", r"n\w*"), ("", "F f", "eld"),
    ("su", "f", r"c\w*"), ("tra", "f", r"c\w*"),
    ("", "F f", r"rm\w*"), ("", "F f", r"nd\w*"), ("rati", "f", "ed"), ("con", "f", r"rm\w*"),
    ("", "f", "tted"),
]
_F_TELLS = _anchored(_F_TELL_WORDS)
#: Words that show it lost the "Th" ligature ("Te" for "The").
_TH_TELLS = _words(["Te", "Tey", "Teir", "Tem", "Tere", "Terefore", "Tese", "Tis", "Tose", "Tus"])


def detect_repairs(text: str) -> frozenset[str]:
    """Which ligature repairs a snapshot needs: only those whose artefacts it shows."""
    found = set()
    if any(tells.search(text) for tells in _F_TELLS):
        found.add(F_LIGATURES)
    if _TH_TELLS.search(text):
        found.add(TH_LIGATURE)
    return frozenset(found)


# --- repairing a word -------------------------------------------------------------------------

#: What a lost ligature leaves out after its ``f``: ff, fi, fl, ffi, ffl -> f.
_F_LOST = ("f", "i", "l", "fi", "fl")
_Edit = tuple[int, str]  # insert the letters after this index


def _edits(letters: str, repairs: frozenset[str]) -> list[_Edit]:
    upper = len(letters) > 1 and letters.isupper()
    edits: list[_Edit] = []
    if F_LIGATURES in repairs:
        edits += [(i, lost.upper() if upper else lost)
                  for i, char in enumerate(letters) if char in "fF" for lost in _F_LOST]
    if (TH_LIGATURE in repairs and len(letters) > 1 and letters[0] == "T"
            and letters[1].islower() and letters[1] != "h"):
        edits.append((0, "h"))
    return edits


def _apply(letters: str, edits: tuple[_Edit, ...]) -> str:
    for at, lost in sorted(edits, reverse=True):
        letters = letters[:at + 1] + lost + letters[at + 1:]
    return letters


@lru_cache(maxsize=1 << 16)  # each quote of a snapshot is repaired as the snapshot is: same words
def repair_word(letters: str, repairs: frozenset[str]) -> tuple[_Edit, ...]:
    """The insertions that turn a non-word into the one word a lost ligature left it as.

    Nothing when ``letters`` is a word, when no repair makes it one, or when two different
    repairs would (ambiguous: never guessed). At most two ligatures per word.

    >>> both = frozenset({"f-ligatures", "th-ligature"})
    >>> repair_word("confict", both), repair_word("Te", both), repair_word("fat", both)
    (((3, 'l'),), ((0, 'h'),), ())
    """
    from argmap._verify.wordlist import is_word

    edits = _edits(letters, repairs)
    if not edits or len(letters) > 40 or is_word(letters):
        return ()
    for count in (1, 2) if len(edits) <= 20 else (1,):
        found: dict[str, tuple[_Edit, ...]] = {}
        for chosen in combinations(edits, count):
            if len({at for at, _ in chosen}) < count:
                continue
            candidate = _apply(letters, chosen)
            if is_word(candidate):
                found.setdefault(candidate.lower(), chosen)
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return ()  # two words fit: do not guess
    return ()


#: A piece of a replacement: its text, and the span of the match it stands for (relative).
_Piece = tuple[str, int, int]


def _token_edits(token: str, repairs: frozenset[str]) -> list[_Edit]:
    """The repair of one token: the whole word first (hyphens left out: "con-\\nfict"), else
    each part between hyphens ("self-confdence" -> "self-confidence")."""
    from argmap._verify.wordlist import is_word

    if not _MARKERS.search(token):
        return list(repair_word(token, repairs))
    index = [i for i, char in enumerate(token) if char not in HARD + SOFT]
    letters = "".join(token[i] for i in index)
    whole = repair_word(letters, repairs)
    if whole:
        return [(index[i], lost) for i, lost in whole]
    if is_word(letters):
        return []
    edits: list[_Edit] = []
    at = 0
    for part in _MARKERS.split(token):
        edits += [(at + i, lost) for i, lost in repair_word(part, repairs)]
        at += len(part) + 1
    return edits


_TOKENS = recompile(f"[{_LETTERS}]+")
#: Texts up to this length find their words to repair among all their words (``_WordsIn``);
#: longer ones compile a pattern of those words, which skips to them (a snapshot).
_SCAN_TOKENS_UP_TO = 4096


class _Finder(Protocol):
    """What a repair step finds its words with: a compiled pattern or ``_WordsIn``."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str: ...


class _WordsIn:
    """The matches of ``_TOKENS`` that are in ``words``: what the pattern ``_repair_step``
    builds of those words matches (a whole run of letters, none on either side), found without
    compiling a pattern. A quote's repair compiled one for half a millisecond."""

    __slots__ = ("words",)

    def __init__(self, words: Container[str]) -> None:
        self.words = words

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        words = self.words
        return (match for match in _TOKENS.finditer(text) if match.group() in words)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        words = self.words
        return _TOKENS.sub(lambda m: repl(m) if m.group() in words else m.group(), text)


def _repair_step(text: str, repairs: frozenset[str]) -> tuple[
        _Finder, Callable[[re.Match[str]], list[_Piece]]] | None:
    """The repair of every word of ``text`` that lost a ligature: what finds exactly those
    words, and their replacements (an inserted letter maps to its ``f`` or ``T``).

    Each distinct word is judged once, so a large snapshot costs a set of its words.
    """
    wanted: dict[str, list[_Edit]] = {}
    for token in set(_TOKENS.findall(text)):
        if token[0] in HARD + SOFT or token[-1] in HARD + SOFT:
            continue
        if "f" in token or "F" in token or "T" in token:
            edits = _token_edits(token, repairs)
            if edits:
                wanted[token] = edits
    if not wanted:
        return None
    finder: _Finder = _WordsIn(wanted)
    if len(text) > _SCAN_TOKENS_UP_TO:
        finder = _words_pattern(wanted)

    def pieces(match: re.Match[str]) -> list[_Piece]:
        token = match.group()
        out: list[_Piece] = []
        last = 0
        for i, lost in sorted(wanted[token]):
            if i > last:
                out.append((token[last:i], last, i))
            out.append((token[i] + lost, i, i + 1))
            last = i + 1
        if last < len(token):
            out.append((token[last:], last, len(token)))
        return out

    return finder, pieces


def _words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching each of ``words`` as a whole run of ``_LETTERS``, one branch per
    first letter, so that the engine skips to the letters the words begin with."""
    branches: dict[str, list[str]] = {}
    for token in sorted(words, key=lambda t: (-len(t), t)):
        branches.setdefault(token[0], []).append(re.escape(token[1:]))
    return recompile("(?:" + "|".join(
        f"{re.escape(first)}(?<![{_LETTERS}].)(?:{'|'.join(rests)})"
        for first, rests in sorted(branches.items())
    ) + f")(?![{_LETTERS}])")


# --- the offset map ---------------------------------------------------------------------------


class _Step:
    """One substitution's map from its output back to its input, as segments.

    Segment ``k`` begins at output offset ``out[k]``. A copied segment (``last[k] < 0``) maps
    output character ``p`` to input character ``first[k] + p - out[k]``; a replaced one maps
    each of its characters to the whole input span ``[first[k], last[k])`` it stands for.
    A few segments per substitution instead of two integers per character of the snapshot.
    """

    __slots__ = ("first", "last", "out", "size")

    def __init__(self) -> None:
        self.out: list[int] = []
        self.first: list[int] = []
        self.last: list[int] = []
        self.size = 0  # the length of the output

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

    def first_at(self, x: int) -> int:
        """The first output offset whose :meth:`start` is at or after input offset ``x``
        (``size`` when none): one bisect, since ``start`` never decreases."""
        first = self.first
        k = bisect_left(first, x)  # segments from k on start at or after x
        if k:
            j = k - 1  # starts before x; a copied one may reach x
            if self.last[j] < 0:
                p = self.out[j] + x - first[j]
                if p < (self.out[k] if k < len(first) else self.size):
                    return p
        return self.out[k] if k < len(first) else self.size


@slot_record  # a quote is normalised once per anchoring: 134,000 at 100,000 claims
class Normalised:
    """Normalised text; character ``i`` came from ``original[start_of(i):end_of(i)]``.

    ``hard`` and ``soft`` are the indexes of ``text`` before which a hyphen between letters
    was dropped: within a line (``hard``), or at a line end or before spaces (``soft``).
    """

    text: str
    steps: tuple[_Step, ...] = ()  # the substitutions that changed the text, in order
    hard: tuple[int, ...] = ()
    soft: tuple[int, ...] = ()

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
        """The original code-point span of the normalised span ``[start, end)``.

        ``start_of(start), end_of(end - 1)`` in one walk of the steps, without a call per
        step and end: a span is asked for every anchored quote (134,000 at 100,000 claims).
        """
        if start >= end:
            if start < len(self.text):
                at = self.start_of(start)
            else:
                at = self.end_of(len(self.text) - 1) if self.text else 0
            return at, at
        last = end - 1  # ``end_of`` follows the last character back
        for step in reversed(self.steps):
            out = step.out
            k = bisect_right(out, start) - 1
            start = step.first[k] + start - out[k] if step.last[k] < 0 else step.first[k]
            k = bisect_right(out, last) - 1
            last = step.first[k] + last - out[k] if step.last[k] < 0 else step.last[k] - 1
        return start, last + 1

    def index_of(self, original: int) -> int:
        """The first normalised index whose source starts at or after an original offset."""
        if not self.steps:
            return min(max(original, 0), len(self.text))
        for step in self.steps:  # start_of composes the steps; invert them in turn
            original = step.first_at(original)
        return original

    def hyphens(self, start: int, end: int) -> tuple[frozenset[int], frozenset[int]]:
        """The dropped hyphens strictly inside ``[start, end)``, relative to ``start``."""
        return (_inside(self.hard, start, end), _inside(self.soft, start, end))


def _inside(positions: tuple[int, ...], start: int, end: int) -> frozenset[int]:
    lo, hi = bisect_right(positions, start), bisect_left(positions, end)
    return frozenset(p - start for p in positions[lo:hi])


def hyphens_agree(quote: Normalised, snapshot: Normalised, at: int) -> bool:
    """Do the hyphens between letters agree where ``quote`` matches ``snapshot.text`` at ``at``?

    The search text has none, so "resign" would match "re-sign": a hyphen within a line on
    either side must have a hyphen on the other; one at a snapshot's line end (or a quote's)
    may stand for either, since "poli-\\ncy" is "policy" and "Sino-\\nRussian" "Sino-Russian".

    >>> hyphens_agree(normalise("re-sign"), normalise("they resign"), 5)
    False
    >>> hyphens_agree(normalise("Sino-Russian"), normalise("the Sino-\\nRussian"), 4)
    True
    """
    if not (snapshot.hard or snapshot.soft or quote.hard or quote.soft):
        return True  # no hyphen dropped on either side
    hard, soft = snapshot.hyphens(at, at + len(quote.text))
    quote_hard = frozenset(quote.hard) - {0}
    quote_soft = frozenset(quote.soft) - {0}
    return not (quote_hard - hard - soft) and not (hard - quote_hard - quote_soft)


def _sub(
    pattern: _Finder,
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
        length += len(text) - pos
    step.size = length
    if step.out != [0] or step.last != [-1] or step.first != [0]:  # not the identity
        steps.append(step)
    return "".join(parts)


def _sub_constant(pattern: re.Pattern[str], value: str, text: str, steps: list[_Step]) -> str:
    """:func:`_sub` for a constant replacement (``re.sub`` of a plain string), the map from the
    spans alone (a one-for-one replacement, such as a line break to a space, maps as a copy).
    The text is joined from the same scan: a second one, by ``re.sub``, cost as much again."""
    return _sub_spans(map(re.Match.span, pattern.finditer(text)), value, text, steps)


def _sub_spans(spans: Iterable[tuple[int, int]], value: str, text: str,
               steps: list[_Step]) -> str:
    """:func:`_sub_constant` of the spans a pattern's ``finditer`` finds (in order, apart)."""
    step = _Step()
    parts: list[str] = []
    delta = 0  # output offset minus input offset, after the matches so far
    pos = 0  # input offset where the current copied run begins
    last = 0  # input offset after the last match
    for a, b in spans:
        parts += (text[last:a], value)
        last = b
        if b - a == len(value) and (b - a == 1 or text[a:b] == value):
            continue
        if a > pos:
            step.copy(pos + delta, pos)
        step.replaced(a + delta, a, b)
        delta += len(value) - (b - a)
        pos = b
    if not parts:
        return text
    if step.out:  # else every replacement was one for one: the map is the identity
        if pos < len(text):
            step.copy(pos + delta, pos)
        step.size = len(text) + delta
        steps.append(step)
    parts.append(text[last:])
    return "".join(parts)


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
    """Between letters: a marker (HARD for a bare hyphen, SOFT with spaces or a line break
    after it); between digits: the hyphen, without the line break."""
    if match.string[match.start() - 1].isdigit():
        return [("-", 0, 1)]
    return [(HARD if match.group() == "-" else SOFT, 0, len(match.group()))]


_Replacement = str | Callable[[re.Match[str]], list[_Piece]]


def substitutions(text: str) -> list[tuple[re.Pattern[str], _Replacement]]:
    """The substitutions of :func:`normalise` before the repairs, in order (markers still in
    the text)."""
    subs: list[tuple[re.Pattern[str], _Replacement]] = []
    if not text.isascii():
        subs.append((_NON_ASCII, _unicode_pieces))
    subs += [(_HYPHENS, _hyphen), (_SPACE, " ")]
    return subs


def _space_spans(text: str) -> Iterable[tuple[int, int]]:
    """The spans of ``_SPACE.finditer(text)``: every whitespace run but a single space.

    In ASCII text whose only whitespace is the space and the line break, without two spaces
    in a row (most snapshots), each run holds a line break, with at most one space before
    it: found from the line breaks, which a snapshot has few of, instead of trying a match
    at each of its spaces (a seventh of the time on the benchmark snapshots).
    """
    if not text.isascii() or "  " in text or any(c in text for c in _OTHER_ASCII_SPACE):
        return map(re.Match.span, _SPACE.finditer(text))
    spans = []
    for match in _LINE_BREAK_RUN.finditer(text):
        a, b = match.span()
        spans.append((a - 1, b) if a and text[a - 1] == " " else (a, b))
    return spans


def plain(text: str) -> bool:
    """True when no substitution changes ``text`` (most quotes): printable ASCII has no
    whitespace but the space, and without a hyphen or two spaces in a row nothing matches."""
    return text.isascii() and text.isprintable() and "-" not in text and "  " not in text


def normalise(text: str, repairs: frozenset[str] = frozenset()) -> Normalised:
    """Normalise text for matching, keeping the map back to the original code points.

    NFKC; curly quotes to straight; every dash to ``-``; invisible characters dropped;
    hyphens between letters dropped (their places kept in ``hard`` and ``soft``); whitespace
    runs to one space; with ``repairs`` (from :func:`detect_repairs`), words that lost a
    ligature repaired where the word list allows it.

    >>> normalise("the \u201cpoli-\\ncy\u201d").text
    'the "policy"'
    >>> normalise("confict flat fat Te Tat", frozenset({"f-ligatures", "th-ligature"})).text
    'conflict flat fat The Tat'
    """
    steps: list[_Step] = []
    if not plain(text):
        for pattern, replacement in substitutions(text):
            if pattern is _SPACE:
                text = _sub_spans(_space_spans(text), " ", text, steps)
            elif isinstance(replacement, str):
                text = _sub_constant(pattern, replacement, text, steps)
            else:
                text = _sub(pattern, replacement, text, steps)
    repair = _repair_step(text, repairs) if repairs else None
    if repair is not None:
        text = _sub(*repair, text, steps)
    if HARD not in text and SOFT not in text:
        return Normalised(text, tuple(steps))
    hard: list[int] = []
    soft: list[int] = []
    for dropped, match in enumerate(_MARKERS.finditer(text)):
        (hard if match.group() == HARD else soft).append(match.start() - dropped)
    text = _sub_constant(_MARKERS, "", text, steps)
    return Normalised(text, tuple(steps), tuple(hard), tuple(soft))


def normalise_text(text: str, repairs: frozenset[str] = frozenset()) -> str:
    """``normalise(text, repairs).text`` without the offset map: for prefixes and suffixes,
    whose normalised text is all the search needs."""
    if not repairs and plain(text):
        return text
    for pattern, replacement in substitutions(text):
        text = pattern.sub(
            replacement if isinstance(replacement, str) else _joined(replacement), text
        )
    repair = _repair_step(text, repairs) if repairs else None
    if repair is not None:
        text = repair[0].sub(_joined(repair[1]), text)
    return _MARKERS.sub("", text)


def _joined(pieces: Callable[[re.Match[str]], list[_Piece]]) -> Callable[[re.Match[str]], str]:
    return lambda match: "".join(piece for piece, _, _ in pieces(match))
