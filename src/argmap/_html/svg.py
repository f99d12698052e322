"""Graphviz's finished SVG made ready to live inside the HTML page.

The drawing is the one ``argmap render`` makes (already cleaned by ``_render.svg.finish``);
this pass only tells the page's script which element is which claim or relation (``data-claim``
and ``data-rel``), makes each claim a keyboard stop (``tabindex``, ``role``, ``aria-label``),
drops the links (a click opens the claim, it never navigates) and the fixed size (the page
sizes the picture). ElementTree writes it, so every user string stays escaped XML text, and the
same SVG gives the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["prepare_svg"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_HREFS = ("href", f"{{{XLINK_NS}}}href")


def _relation_elements(argmap: ArgumentMap) -> dict[str, str]:
    """SVG element ID -> relation ID, as ``_render.dot`` names a relation's edges and point."""
    names: dict[str, str] = {}
    for relation in argmap.relations:
        names.setdefault(relation.id, relation.id)
        for premise in relation.from_:
            names.setdefault(f"{relation.id}-from-{premise}", relation.id)
        names.setdefault(f"{relation.id}-to-{relation.to}", relation.id)
    return names


def _label(argmap: ArgumentMap) -> dict[str, str]:
    labels: dict[str, str] = {}
    for claim in argmap.claims:
        words = claim.title or claim.text
        if len(words) > 160:
            words = words[:159] + "…"
        labels.setdefault(claim.id, f"{claim.id}, {claim.kind.value}: {words}")
    return labels


def prepare_svg(svg: bytes, argmap: ArgumentMap, picture: str) -> str:
    """The SVG element (no XML declaration) with the page's hooks; ``picture`` names it."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)  # noqa: S314 - our own finished Graphviz output, no DTD
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.set("id", f"picture-{picture}")
    root.set("class", "picture")
    root.set("data-picture", picture)
    root.set("role", "group")
    root.set("aria-label", "argument map, " + picture)
    root.set("preserveAspectRatio", "xMidYMid meet")
    relations = _relation_elements(argmap)
    labels = _label(argmap)
    for element in root.iter():
        for name in _HREFS:
            element.attrib.pop(name, None)
        if element.tag != f"{{{SVG_NS}}}g":
            continue
        classes = (element.get("class") or "").split()
        node_id = element.get("id") or ""
        if "node" in classes and "claim" in classes and node_id in labels:
            element.set("data-claim", node_id)
            element.set("tabindex", "0")
            element.set("role", "button")
            element.set("aria-label", labels[node_id])
        elif ("relation" in classes or "inference" in classes) and node_id in relations:
            element.set("data-rel", relations[node_id])
    return ET.tostring(root, encoding="unicode")
