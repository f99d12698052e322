#!/usr/bin/env python3
"""Regenerate every image in docs/img/ (run: .venv/bin/python scripts/render_docs.py).

Images are drawn with the WebAssembly backend so they are byte-identical on every machine,
whether or not Graphviz is installed. The paper's map (claims/fiia-298) is drawn whole and
once per section when it exists.
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap
from argmap._dump import atomic_write

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"


def draw(m: argmap.ArgumentMap, name: str, formats: tuple[str, ...] = ("svg", "png"),
         **view: object) -> None:
    for fmt in formats:
        path = OUT / f"{name}.{fmt}"
        atomic_write(path, argmap.render(m, fmt, backend="wasm", **view))
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    bike = argmap.load(ROOT / "examples" / "bike-lanes")
    draw(bike, "bike-lanes")
    draw(bike, "bike-lanes-grounded", evidence="count", grounded=True)
    draw(bike, "bike-lanes-focus", focus="O-COST", depth=1, rankdir="LR")
    small = argmap.load(ROOT / "tests" / "render" / "maps" / "small")
    draw(small, "uniforms-findings", findings=argmap.check(small), evidence="hide")
    paper = ROOT / "claims" / "fiia-298"
    if any((paper / name).is_file() for name in ("map.yaml", "map.yml", "map.json")):
        m = argmap.load(paper)
        draw(m, "fiia-298", evidence="count")
        draw(m, "fiia-298-evidence", formats=("svg",))
        for section in m.sections:
            draw(m, f"fiia-298-{section.id}", section=section.id)
    else:
        sys.stderr.write("claims/fiia-298 has no map yet: skipped\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
