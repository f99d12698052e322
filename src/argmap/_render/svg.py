"""Finishing an SVG from Graphviz: make it safe to embed, and emphasise the figures.

Graphviz writes what the DOT says, and the DOT holds user text; this step is the second line
of defence: it drops comments, scripts and event attributes, and any link that is not
http(s). It also sets the quantity spans of each claim in bold (DOT labels are plain text,
see ``_dot``). The result is written as ElementTree writes a tree (``_render.svgstream``,
element by element), so the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._render.dot import Emphasis
    from argmap._render.legend import LegendItem

__all__ = ["SANS", "finish", "place_runs", "points_to_pixels"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.DOTALL)
_DANGEROUS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
_HREFS = {"href", f"{{{XLINK_NS}}}href"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _emphasise(element: Any, spans: Sequence[str], make: Any) -> bool:
    """Wrap each occurrence of a span in a <text>'s own text in a bold <tspan>; True if any."""
    from argmap._render.metrics import split_figures

    content = element.text or ""
    if not content or len(element) or not spans:
        return False
    runs = split_figures(content, spans)  # whole figures: "20" is not lit inside "2021"
    if not any(bold for _, bold in runs):
        return False
    element.text = ""
    last = None
    for run, bold in runs:
        if bold:
            last = make(f"{{{SVG_NS}}}tspan", {"font-weight": "bold"})
            last.text = run
            element.append(last)
        elif last is None:
            element.text = run
        else:
            last.tail = run
    return True


#: Everything before the root element that Graphviz writes: declaration, DOCTYPE, comments.
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*",
                     re.DOTALL)
#: Bytes fed to the parser at a time.
_CHUNK = 1 << 16


def finish(
    svg: bytes,
    emphasis: Mapping[str, Emphasis] | None = None,
    legend: Sequence[LegendItem] = (),
) -> bytes:
    """The SVG with comments, scripts, event handlers and unsafe links removed.

    ``legend`` entries are drawn as a strip under the picture (see ``_render.legend``).

    One pass over the parser's events (``_render.svgstream``): each element is written out
    when it ends and dropped, so no tree of the whole picture is held (at 5,000 claims it
    was 60 MB for a 10 MB SVG). The bytes are those ElementTree wrote from the whole tree.
    """
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    # No DTD reaches the parser (no entities): the DOCTYPE is cut from the prolog, the only
    # place XML allows it; the parser drops the comments after it, as removing them did.
    end = _PROLOG.match(svg).end()  # type: ignore[union-attr] # the pattern matches ""
    if svg[end : end + 1] == b"<" and svg[end + 1 : end + 2] not in {b"!", b"?"}:
        head, rest = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg[:end])), memoryview(svg)[end:]
    else:  # not Graphviz's layout: clean the whole document
        head, rest = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg)), memoryview(b"")
    from argmap._render.svgstream import Finisher

    finisher = Finisher(ET, emphasis or {}, legend)
    finisher.feed(head)
    for at in range(0, len(rest), _CHUNK):
        finisher.feed(rest[at : at + _CHUNK])
    return finisher.close()


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'


def _serialise(et: Any, root: Any) -> bytes:
    """The document as UTF-8 bytes, written once: a ``str`` of a large map's SVG (curly quotes
    make it two bytes a character) and its copies cost more memory than the tree itself."""
    import io

    buffer = io.BytesIO()
    buffer.write(_DECLARATION)
    et.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=False)
    buffer.write(b"\n")
    return buffer.getvalue()


#: Graphviz writes ``Helvetica,sans-Serif``; renderers need a real list and a lower-case
#: generic family, or they fall back to a serif font. Every family named has Helvetica's
#: widths, the widths the boxes were sized for (Liberation Sans and Arimo are metric clones of
#: Arial); the PNG and PDF writers replace the list with the shipped Liberation Sans alone.
SANS = "Helvetica,Arial,'Liberation Sans',Arimo,'Nimbus Sans',sans-serif"


def _font_family(value: str) -> str:
    first = value.split(",", 1)[0].strip().strip("'\"").lower()
    return SANS if first in {"helvetica", "arial", "sans-serif"} else value


def _maker(et: Any) -> Any:
    def make(tag: str, attrib: dict[str, str]) -> Any:
        return et.Element(tag, attrib)

    return make


_SIZE = re.compile(rb'(<svg\b[^>]*?\b(width|height)=")([0-9.]+)pt(")')


def points_to_pixels(svg: bytes) -> bytes:
    """Root width/height from pt to px (x 4/3): resvg rejects a pt-sized root.

    >>> points_to_pixels(b'<svg width="60pt" height="30pt" viewBox="0 0 60 30">')
    b'<svg width="80px" height="40px" viewBox="0 0 60 30">'
    """

    def convert(match: re.Match[bytes]) -> bytes:
        pixels = float(match.group(3)) * 4 / 3
        text = f"{pixels:.2f}".rstrip("0").rstrip(".")
        return match.group(1) + text.encode() + b"px" + match.group(4)

    for _ in range(2):
        svg = _SIZE.sub(convert, svg, count=1)
    return svg


def place_runs(svg: bytes) -> bytes:
    """Each run of a line that holds bold figures placed at its own ``x``, from the font.

    svglib advances from one run to the next by the width of the line's font, not the run's,
    so the text after a bold figure started inside it, and text extraction lost the space
    between them ("EUR 2.4 millionthe lane cost"). Here every run after the first becomes a
    ``<tspan>`` with the ``x`` the shipped font gives it; the text itself is unchanged.
    """
    import xml.etree.ElementTree as ET

    from argmap._render.metrics import text_width

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)  # noqa: S314 - our own finished SVG, no DTD or entities
    changed = False
    for text in root.iter(f"{{{SVG_NS}}}text"):
        if not len(text) or text.get("text-anchor", "start") != "start":
            continue
        try:
            x, size = float(text.get("x", "")), float(text.get("font-size", "14"))
        except ValueError:
            continue
        x += text_width(text.text or "", size)
        for child in list(text):
            bold = child.get("font-weight") == "bold"
            child.set("x", f"{x:.2f}")
            x += text_width(child.text or "", size, bold=bold)
            if child.tail:
                run = ET.Element(f"{{{SVG_NS}}}tspan", {"x": f"{x:.2f}"})
                run.text, child.tail = child.tail, None
                text.insert(list(text).index(child) + 1, run)
                x += text_width(run.text, size)
        changed = True
    if not changed:
        return svg
    return _serialise(ET, root)
