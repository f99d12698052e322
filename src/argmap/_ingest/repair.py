"""Repairing extracted page text: running headers and footers, hyphens, ligatures.

Every change is recorded as a :class:`~argmap._ingest.document.Repair` (snapshot offsets, the
snapshot's text and the document's original), so a quote anchored in the snapshot can be
mapped back to what the page printed.

- Running headers and footers: a line among the first or last two of a page whose text
  (digits and roman numerals read as one number) recurs on at least half of the pages, and on
  two or more, is removed; a footer or header that is only a number is the page's printed label.
- Line-end hyphens: "poli-" + "cy" is joined when the next line starts with a lowercase letter
  ("policy"); before a capital ("Sino-" + "Russian") the hyphen stays and only the line
  break goes. The quote matcher ignores hyphens between letters either way.
- Ligatures: the Unicode ligature characters (U+FB00-U+FB06) become their letters, and a word
  that lost its ligature in extraction ("efective") is repaired as the quote matcher repairs
  it (:func:`argmap._verify.normalise.repair_word`: only a non-word that exactly one repair
  turns into an English word).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from argmap._ingest.document import PAGE_BREAK, Repair, TextBuilder
from argmap._verify.normalise import detect_repairs, repair_word

__all__ = ["PageText", "repair_pages"]

PageText = tuple[str | None, str]  # (the document's page label or None, the page's raw text)

_ZONE = 2  # lines at the top and bottom of a page where headers and footers sit
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
_NUMBERS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?(#)(?:\s*(?:of|/)\s*#)?$", re.IGNORECASE)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_LINE_HYPHEN = re.compile(r"[^\W\d_]-$")
_WORD = re.compile(r"[A-Za-z]+")


def _key(line: str) -> str:
    """A line as a running header or footer is compared: numbers are one number."""
    text = " ".join(line.split()).lower()
    if _ROMAN.match(text):
        return "#"
    return _NUMBERS.sub("#", text)


def _printed_number(line: str) -> str | None:
    """The page number a header or footer line prints ("12", "Page 12 of 30", "iv")."""
    text = " ".join(line.split())
    if _ROMAN.match(text):
        return text
    if _PAGE_NUMBER.match(_NUMBERS.sub("#", text)):
        number: str = _NUMBERS.findall(text)[0]
        return number
    return None


def _zones(lines: list[str]) -> tuple[list[int], list[int]]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:_ZONE], filled[-_ZONE:] if len(filled) > _ZONE else []


def _running(pages: list[list[str]]) -> set[str]:
    """The keys of lines that recur at the top or bottom of at least half of the pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        top, bottom = _zones(lines)
        counts.update({_key(lines[i]) for i in top + bottom})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed and key}


def repair_pages(pages: list[PageText]) -> tuple[str, list[str], list[Repair]]:
    """The snapshot text of ``pages`` (form feeds between them), their labels and the repairs.

    A page's label is the document's own (PDF page labels) when it has one, else the number
    printed in its header or footer, else its position (1, 2, ...).
    """
    split = [_lines(text) for _, text in pages]
    running = _running(split) if len(split) > 1 else set()
    builder = TextBuilder()
    labels: list[str] = []
    for number, ((label, _), lines) in enumerate(zip(pages, split, strict=True), start=1):
        top, bottom = _zones(lines)
        cut = {i for i in top + bottom if _key(lines[i]) in running}
        printed = next((p for i in sorted(cut) if (p := _printed_number(lines[i]))), None)
        builder.page = label or printed or str(number)
        labels.append(builder.page)
        if number > 1:
            builder.add("\n" + PAGE_BREAK)  # as pdftotext writes it: the form feed starts a line
        body = [line for i, line in enumerate(lines) if i not in cut]
        while body and not body[-1].strip():
            body.pop()
        for i in sorted(cut):
            if i in top:
                builder.add("", lines[i] + "\n", "header")
        _emit_lines(builder, body)
        for i in sorted(cut):
            if i not in top:
                builder.add("", "\n" + lines[i], "footer")
    builder.add("\n")
    text, repairs = _repair_lost_ligatures(builder.text(), builder.repairs, labels)
    return text, labels, repairs


def _lines(text: str) -> list[str]:
    """A page's lines; PDFium's mark for a hyphen it joined (U+0002) is a line-end hyphen."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-\n").split("\n")


def _emit_lines(builder: TextBuilder, lines: list[str]) -> None:
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        following = lines[i + 1].lstrip() if not last else ""
        if not last and _LINE_HYPHEN.search(line) and following[:1].isalpha():
            _emit_text(builder, line[:-1])
            if following[:1].islower():
                builder.add("", "-\n", "hyphen")
            else:
                builder.add("-", "-\n", "hyphen")
            continue
        _emit_text(builder, line)
        if not last:
            builder.add("\n")


def _emit_text(builder: TextBuilder, line: str) -> None:
    at = 0
    for match in _LIGATURES.finditer(line):
        builder.add(line[at:match.start()])
        builder.add(unicodedata.normalize("NFKC", match.group()), match.group(), "ligature")
        at = match.end()
    builder.add(line[at:])


def _repair_lost_ligatures(text: str, repairs: list[Repair], labels: list[str]) -> tuple[
        str, list[Repair]]:
    """Insert the letters lost ligatures dropped; shift the earlier repairs to match."""
    wanted = detect_repairs(text)
    if not wanted:
        return text, repairs
    judged: dict[str, tuple[tuple[int, str], ...]] = {}
    inserts: list[tuple[int, str]] = []  # (offset after which letters go, the letters)
    for match in _WORD.finditer(text):
        token = match.group()
        if token not in judged:
            judged[token] = repair_word(token, wanted)
        inserts += [(match.start() + i, lost) for i, lost in judged[token]]
    if not inserts:
        return text, repairs
    breaks = [i for i, char in enumerate(text) if char == PAGE_BREAK]
    pieces: list[str] = []
    added: list[Repair] = []
    last = 0
    shift = 0
    for at, lost in inserts:
        pieces.append(text[last:at + 1])
        start = at + shift
        page = labels[bisect_right(breaks, at)] if labels else None
        added.append(Repair("lost-ligature", start, start + 1 + len(lost), text[at] + lost,
                            text[at], page))
        pieces.append(lost)
        shift += len(lost)
        last = at + 1
    pieces.append(text[last:])
    offsets = [at for at, _ in inserts]
    sizes = [len(lost) for _, lost in inserts]

    def moved(offset: int) -> int:
        return offset + sum(sizes[:bisect_right(offsets, offset - 1)])

    shifted = [replace(r, start=moved(r.start), end=moved(r.end)) for r in repairs]
    return "".join(pieces), sorted([*shifted, *added], key=lambda r: (r.start, r.end))
