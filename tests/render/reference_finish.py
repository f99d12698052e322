"""The finishing pass as it was before it streamed: ElementTree, whole tree in memory.

Kept as the reference the streaming pass (``argmap._render.svg.finish``) must match byte for
byte (tests/render/test_finish_stream.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from argmap._render.dot import Emphasis, safe_url
from argmap._render.legend import LegendItem, draw_legend
from argmap._render.svg import (
    _COMMENT,
    _DANGEROUS,
    _DOCTYPE,
    _HREFS,
    SANS,
    SVG_NS,
    XLINK_NS,
    _emphasise,
    _font_family,
    _local,
    _maker,
    _serialise,
)


def reference_finish(
    svg: bytes, emphasis: Mapping[str, Emphasis] | None = None,
    legend: Sequence[LegendItem] = (),
) -> bytes:
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    body = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg))
    root = ET.fromstring(body)  # noqa: S314 - test input
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
                texts: list[Any] = list(element.iter(f"{{{SVG_NS}}}text"))
                end = wanted.first_line + wanted.line_count
                for text in texts[wanted.first_line : end]:
                    _emphasise(text, wanted.spans, _maker(ET))
    if legend:
        draw_legend(root, legend, SANS)
    return _serialise(ET, root)
