"""Finishing an SVG from Graphviz: make it safe to embed, and emphasise the figures.

Graphviz writes what the DOT says, and the DOT holds user text; this step is the second line
of defence: it drops comments, scripts and event attributes, and any link that is not
http(s). It also sets the quantity spans of each claim in bold (DOT labels are plain text,
see ``_dot``). The result is serialised by ElementTree, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._render.dot import Emphasis
    from argmap._render.legend import LegendItem

__all__ = ["finish", "points_to_pixels"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.DOTALL)
_DANGEROUS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
_HREFS = {"href", f"{{{XLINK_NS}}}href"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _emphasise(element: Any, spans: Sequence[str], make: Any) -> None:
    """Wrap each occurrence of a span in a <text>'s own text in a bold <tspan>."""
    content = element.text or ""
    if not content or len(element) or not spans:
        return
    # whole figures only: "20" must not light up inside "2021"
    alternatives = "|".join(re.escape(s) for s in sorted(spans, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    pieces = pattern.split(content)
    found = pattern.findall(content)
    if not found:
        return
    element.text = pieces[0]
    for span, after in zip(found, pieces[1:], strict=True):
        tspan = make(f"{{{SVG_NS}}}tspan", {"font-weight": "bold"})
        tspan.text = span
        tspan.tail = after
        element.append(tspan)


def finish(
    svg: bytes,
    emphasis: Mapping[str, Emphasis] | None = None,
    legend: Sequence[LegendItem] = (),
) -> bytes:
    """The SVG with comments, scripts, event handlers and unsafe links removed.

    ``legend`` entries are drawn as a strip under the picture (see ``_render.legend``).
    """
    import xml.etree.ElementTree as ET

    from argmap._render.dot import safe_url

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    body = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg))
    root = ET.fromstring(body)  # noqa: S314 - our own Graphviz output, no DTD or entities
    emphasis = emphasis or {}
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) in _DANGEROUS:
                parent.remove(child)
    for element in root.iter():
        for name in list(element.attrib):
            local = _local(name).lower()
            if local == "font-family":
                element.attrib[name] = _font_family(element.attrib[name])
            elif local.startswith("on") or (
                name in _HREFS and safe_url(element.attrib[name]) is None
            ):
                del element.attrib[name]
        if _local(element.tag) == "g" and element.get("id") in emphasis:
            classes = (element.get("class") or "").split()
            if "claim" in classes:
                wanted = emphasis[element.get("id", "")]
                texts = list(element.iter(f"{{{SVG_NS}}}text"))
                end = wanted.first_line + wanted.line_count
                for text in texts[wanted.first_line : end]:
                    _emphasise(text, wanted.spans, _maker(ET))
    if legend:
        from argmap._render.legend import draw_legend

        draw_legend(root, legend, SANS)
    out = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + out + "\n").encode()


#: Graphviz writes ``Helvetica,sans-Serif``; renderers need a real list and a lower-case
#: generic family, or they fall back to a serif font.
SANS = "Helvetica,Arial,'Liberation Sans','Nimbus Sans','DejaVu Sans',sans-serif"


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
