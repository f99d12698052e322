"""Helpers for the renderer tests: what every SVG must satisfy."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

HERE = Path(__file__).parent
MAPS = HERE / "maps"
GOLDEN = HERE / "golden"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: set to 1 to rewrite the golden DOT files after a deliberate change of the drawing
UPDATE_GOLDEN = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


def need_dot() -> None:
    """Skip (with the reason printed by -ra) when Graphviz's dot is missing; CI fails instead."""
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not on PATH (apt-get install graphviz)")


def parse_svg(data: bytes) -> ET.Element:
    """Parse an SVG, failing the test if it is not well-formed XML."""
    return ET.fromstring(data)  # noqa: S314 - our own output under test


def assert_safe(root: ET.Element) -> None:
    """No scripts, no event handlers, no link that is not http(s)."""
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        assert local not in {"script", "foreignObject"}, local
        for name, value in element.attrib.items():
            assert not name.rsplit("}", 1)[-1].lower().startswith("on"), name
            if name.endswith("href"):
                assert value.startswith(("http://", "https://")), value


def element_ids(root: ET.Element) -> set[str]:
    return {e.get("id", "") for e in root.iter() if e.get("id")}


def node_ids(root: ET.Element, kind: str | None = None) -> set[str]:
    """IDs of the drawn nodes of a class (claim, evidence, source, inference), legend aside."""
    found = set()
    for element in root.iter(f"{SVG}g"):
        classes = (element.get("class") or "").split()
        if "node" in classes and "legend-item" not in classes and (kind is None or kind in classes):
            found.add(element.get("id", ""))
    return found
