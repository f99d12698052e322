"""The legend: a compact strip drawn under the picture, listing only what the picture uses.

It is drawn into the finished SVG rather than laid out by Graphviz: as a cluster in the DOT
it took whole ranks of the layout beside the map (almost half of a small map's picture),
while a strip of small samples wraps to the picture's width and adds one or two lines of
height. PNG and PDF are made from the SVG, so they carry the same strip; DOT output has none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["LegendItem", "draw_legend"]

SVG_NS = "http://www.w3.org/2000/svg"
#: Legend text size, in points (the claims' text is 12 pt).
FONT_SIZE = 10.0
#: Average advance of a Helvetica-like glyph, as a fraction of the size; a little wide on
#: purpose, so an estimated row never runs past the picture.
_ADVANCE = 0.52
_SAMPLE_W = 26.0
_SAMPLE_H = 13.0
_GAP = 6.0
_ITEM_GAP = 16.0
_ROW_H = 20.0
_MARGIN = 8.0


@dataclass(frozen=True)
class LegendItem:
    """One entry: a node sample (a box in the kind's style) or an edge sample (an arrow)."""

    key: str
    label: str
    kind: Literal["node", "edge"]
    style: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, key: str, label: str, kind: Literal["node", "edge"],
           style: Mapping[str, str]) -> LegendItem:
        return cls(key, label, kind, tuple(sorted(style.items())))

    @property
    def width(self) -> float:
        return _SAMPLE_W + _GAP + len(self.label) * FONT_SIZE * _ADVANCE


def _dash(style: str) -> str | None:
    if "dashed" in style:
        return "5,2"
    if "dotted" in style:
        return "1,3"
    return None


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _node_sample(et: Any, group: Any, x: float, y: float, style: Mapping[str, str]) -> None:
    fill = style.get("fillcolor", "#FFFFFF")
    stroke = style.get("color", "#555555")
    width = style.get("penwidth", "1")
    shape_style = style.get("style", "")
    rounded = "rounded" in shape_style
    rings = 2 if style.get("peripheries") == "2" else 1
    for ring in range(rings):
        inset = 2.5 * ring
        attrs = {
            "x": _num(x + inset), "y": _num(y + inset),
            "width": _num(_SAMPLE_W - 2 * inset), "height": _num(_SAMPLE_H - 2 * inset),
            "fill": fill if ring == rings - 1 else "none", "stroke": stroke,
            "stroke-width": _num(min(float(width), 2.5)),
        }
        if rounded:
            attrs["rx"] = "3"
        dash = _dash(shape_style)
        if dash:
            attrs["stroke-dasharray"] = dash
        et.SubElement(group, f"{{{SVG_NS}}}rect", attrs)


def _edge_sample(et: Any, group: Any, x: float, y: float, style: Mapping[str, str]) -> None:
    colour = style.get("color", "#555555")
    mid = y + _SAMPLE_H / 2
    end = x + _SAMPLE_W - 5
    line = {
        "x1": _num(x), "y1": _num(mid), "x2": _num(end), "y2": _num(mid),
        "stroke": colour, "stroke-width": _num(min(float(style.get("penwidth", "1")), 2.2)),
    }
    dash = _dash(style.get("style", ""))
    if dash:
        line["stroke-dasharray"] = dash
    et.SubElement(group, f"{{{SVG_NS}}}line", line)
    head = style.get("arrowhead", "normal")
    tip = x + _SAMPLE_W
    if head == "normal":
        corners = ((end, mid - 3.5), (tip, mid), (end, mid + 3.5))
        points = " ".join(f"{_num(px)},{_num(py)}" for px, py in corners)
        et.SubElement(group, f"{{{SVG_NS}}}polygon",
                      {"points": points, "fill": colour, "stroke": colour})
    elif head == "tee":
        et.SubElement(group, f"{{{SVG_NS}}}line", {
            "x1": _num(end), "y1": _num(mid - 4), "x2": _num(end), "y2": _num(mid + 4),
            "stroke": colour, "stroke-width": "2.2"})
    elif head == "box":
        et.SubElement(group, f"{{{SVG_NS}}}rect", {
            "x": _num(end), "y": _num(mid - 2.5), "width": "5", "height": "5",
            "fill": colour, "stroke": colour})
    elif head == "odot":
        et.SubElement(group, f"{{{SVG_NS}}}circle", {
            "cx": _num(end + 2.5), "cy": _num(mid), "r": "2.5", "fill": "#FFFFFF",
            "stroke": colour})


def _rows(items: Sequence[LegendItem], width: float) -> list[list[LegendItem]]:
    rows: list[list[LegendItem]] = []
    used = 0.0
    for item in items:
        if rows and used + _ITEM_GAP + item.width <= width:
            rows[-1].append(item)
            used += _ITEM_GAP + item.width
        else:
            rows.append([item])
            used = item.width
    return rows


def draw_legend(root: Any, items: Sequence[LegendItem], font_family: str) -> None:
    """Append the legend strip under the picture in ``root`` (an ``<svg>`` element).

    The picture's ``viewBox`` and ``width``/``height`` grow by the strip's height (and
    width, when one entry is wider than the picture), in the picture's own units.
    """
    import xml.etree.ElementTree as ET

    box = [float(v) for v in (root.get("viewBox") or "0 0 0 0").split()]
    if len(box) != 4 or not items:
        return
    left, top, width, height = box
    room = max(width - 2 * _MARGIN, *(i.width for i in items))
    rows = _rows(items, room)
    new_width = max(width, room + 2 * _MARGIN)
    extra = len(rows) * _ROW_H + _MARGIN
    group = ET.SubElement(root, f"{{{SVG_NS}}}g", {"id": "legend", "class": "legend"})
    title = ET.SubElement(group, f"{{{SVG_NS}}}title")
    title.text = "Legend"
    y = top + height + _MARGIN / 2
    for row in rows:
        x = left + _MARGIN
        for item in row:
            entry = ET.SubElement(group, f"{{{SVG_NS}}}g",
                                  {"id": f"legend-{item.key}", "class": "legend-item"})
            tip = ET.SubElement(entry, f"{{{SVG_NS}}}title")
            tip.text = item.label
            style = dict(item.style)
            draw = _node_sample if item.kind == "node" else _edge_sample
            draw(ET, entry, x, y + (_ROW_H - _SAMPLE_H) / 2, style)
            label = ET.SubElement(entry, f"{{{SVG_NS}}}text", {
                "x": _num(x + _SAMPLE_W + _GAP), "y": _num(y + _ROW_H / 2 + FONT_SIZE * 0.35),
                "font-family": font_family, "font-size": _num(FONT_SIZE), "fill": "#333333",
            })
            label.text = item.label
            x += item.width + _ITEM_GAP
        y += _ROW_H
    root.set("viewBox", " ".join(_num(v) for v in (left, top, new_width, height + extra)))
    for name, old, new in (("width", width, new_width), ("height", height, height + extra)):
        match = _LENGTH.match(root.get(name) or "")
        if match is None or old <= 0:
            continue
        ratio = float(match.group(1)) / old  # attribute units per viewBox unit
        root.set(name, _num(new * ratio) + match.group(2))


_LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]*)?)\s*([a-z%]*)\s*$")
