"""The shipped font and its metrics: what every drawing is measured and drawn with.

argmap ships Liberation Sans 2.1.5 (regular and bold, SIL Open Font License 1.1, files and
licence in ``fonts/``). Its advance widths are Arial's, which are the widths Graphviz assumes
for ``Helvetica`` when it has no font to ask (the WebAssembly build): measured here, a label's
box from Graphviz and the text drawn in it agree to the hundredth of a point for ASCII text.
What Graphviz cannot know, it is told: it guesses the width of other characters, and figures
are set in bold only after layout (DOT labels are plain text) and a bold figure is wider, so
each node gets a minimum ``width`` measured from the font (:func:`label_width`). The PNG and
PDF writers draw with these same files, so the same layout gives the same picture on every
machine, whatever fonts it has.

The widths are read from the font's own tables (``cmap``, ``hmtx``) with ``struct``: no
dependency, about 2 ms once per process.
"""

from __future__ import annotations

import functools
import itertools
import struct
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "FAMILY",
    "FONT_DIR",
    "FONT_FILES",
    "covers",
    "label_width",
    "split_figures",
    "text_width",
]

#: The family name inside the shipped files (what the SVG, resvg and reportlab ask for).
FAMILY = "Liberation Sans"
FONT_DIR = Path(__file__).parent / "fonts"
FONT_FILES = {
    False: FONT_DIR / "LiberationSans-Regular.ttf",
    True: FONT_DIR / "LiberationSans-Bold.ttf",
}


class _Face:
    """Advance widths by code point, in em units, from one TrueType file."""

    __slots__ = ("default", "units", "widths")

    def __init__(self, data: bytes) -> None:
        tables = _tables(data)
        self.units: int = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
        count = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
        advances = struct.unpack_from(f">{count * 2}H", data, tables[b"hmtx"])[0::2]
        self.default = advances[0]  # .notdef: what a missing glyph takes
        self.widths: dict[int, int] = {
            code: advances[min(glyph, count - 1)]
            for code, glyph in _cmap(data, tables[b"cmap"]).items()
        }


def _tables(data: bytes) -> dict[bytes, int]:
    (count,) = struct.unpack_from(">H", data, 4)
    offsets = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        offsets[tag] = offset
    return offsets


def _cmap(data: bytes, cmap: int) -> dict[int, int]:
    """Code point to glyph from the Unicode subtable (format 12 if present, else 4)."""
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    chosen: dict[int, int] = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        (form,) = struct.unpack_from(">H", data, cmap + offset)
        if (platform, encoding, form) in {(3, 10, 12), (0, 4, 12), (3, 1, 4), (0, 3, 4)}:
            chosen[form] = cmap + offset
    if 12 in chosen:
        return _format12(data, chosen[12])
    if 4 in chosen:
        return _format4(data, chosen[4])
    msg = "the font has no Unicode cmap"  # pragma: no cover - the shipped files have one
    raise ValueError(msg)


def _format12(data: bytes, at: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    mapping: dict[int, int] = {}
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * index)
        for code in range(first, last + 1):
            mapping[code] = glyph + code - first
    return mapping


def _format4(data: bytes, at: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    mapping: dict[int, int] = {}
    for index in range(segments):
        for code in range(starts[index], ends[index] + 1):
            if code == 0xFFFF:
                continue
            if ranges[index] == 0:
                glyph = (code + deltas[index]) & 0xFFFF
            else:
                where = ranges_at + 2 * index + ranges[index] + 2 * (code - starts[index])
                (glyph,) = struct.unpack_from(">H", data, where)
                if glyph:
                    glyph = (glyph + deltas[index]) & 0xFFFF
            if glyph:
                mapping[code] = glyph
    return mapping


@functools.cache
def _face(bold: bool) -> _Face:
    return _Face(FONT_FILES[bold].read_bytes())


def text_width(value: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``value`` set in the shipped font at ``size`` points, unkerned.

    >>> [round(text_width("EUR 2.4 million", 12, bold=bold), 2) for bold in (False, True)]
    [82.69, 87.35]
    """
    face = _face(bold)
    units: int = sum(map(face.widths.get, map(ord, value), itertools.repeat(face.default)))
    return units * size / face.units


def covers(value: str) -> bool:
    """Whether the shipped font has a glyph for every character of ``value`` (both weights).

    >>> covers("EUR 2.4 million — “quoted” Ωμέγα"), covers("北京")
    (True, False)
    """
    regular, bold = _face(False).widths, _face(True).widths
    return all(
        (code := ord(char)) in regular and code in bold for char in value if not char.isspace()
    )


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def split_figures(line: str, spans: Sequence[str]) -> list[tuple[str, bool]]:
    """``line`` cut into runs, each marked True when it is one of ``spans`` as a whole word.

    The leftmost occurrence wins, the longest at one place ("20" does not light up inside
    "2021", "EUR 2.4 million" beats "2.4"): the regular expression ``(?<!\\w)(?:a|b)(?!\\w)``
    with the longest alternative first, found with ``str.find`` (one pattern compiled per
    node cost more than the rest of the drawing's text handling).

    >>> spans = ["2.4", "EUR 2.4 million", "20"]
    >>> for run in split_figures("At EUR 2.4 million in 2021, 20", spans):
    ...     print(run)
    ('At ', False)
    ('EUR 2.4 million', True)
    (' in 2021, ', False)
    ('20', True)
    """
    found: list[tuple[int, int]] = []
    for span in {s for s in spans if s}:
        start = line.find(span)
        while start >= 0:
            end = start + len(span)
            alone_before = not (start and _word(line[start - 1]))
            if alone_before and not (end < len(line) and _word(line[end])):
                found.append((start, -end))
            start = line.find(span, start + 1)
    runs: list[tuple[str, bool]] = []
    done = 0
    for start, negative_end in sorted(found):
        if start < done:
            continue
        if start > done:
            runs.append((line[done:start], False))
        runs.append((line[start:-negative_end], True))
        done = -negative_end
    if done < len(line) or not runs:
        runs.append((line[done:], False))
    return runs


def label_width(lines: Sequence[str], size: float, spans: Sequence[str] = (),
                bold_lines: range = range(0)) -> float:
    """Width in points of the widest line, the figures in ``bold_lines`` set in bold."""
    widest = 0.0
    for number, line in enumerate(lines):
        if spans and number in bold_lines:
            runs = split_figures(line, spans)
            width = sum(text_width(run, size, bold=bold) for run, bold in runs)
        else:
            width = text_width(line, size)
        widest = max(widest, width)
    return widest
