#!/usr/bin/env python3
"""Regenerate docs/img/ and docs/paper/ (run: python3 tasks.py docs).

Images are drawn with the WebAssembly backend so they are byte-identical on every machine,
whether or not Graphviz is installed. The paper's map (claims/fiia-298) is drawn as an
overview, whole, and once per section into docs/paper/, next to its verification report and
its interactive HTML map (fiia-298.html).
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap
from argmap._output.dump import atomic_write

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
PAPER_OUT = ROOT / "docs" / "paper"


def draw(m: argmap.ArgumentMap, name: str, formats: tuple[str, ...] = ("svg", "png"),
         out: Path = OUT, **view: object) -> None:
    for fmt in formats:
        path = out / f"{name}.{fmt}"
        atomic_write(path, argmap.render(m, fmt, backend="wasm", **view))
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    bike = argmap.load(ROOT / "examples" / "bike-lanes")
    draw(bike, "bike-lanes")
    draw(bike, "bike-lanes-grounded", evidence="count", grounded=True)
    draw(bike, "bike-lanes-focus", focus="O-COST", depth=1, rankdir="LR")
    draw(bike, "bike-lanes-overview", view="overview")
    small = argmap.load(ROOT / "tests" / "render" / "maps" / "small")
    draw(small, "uniforms-findings", findings=argmap.check(small), evidence="hide")
    draw(small, "uniforms-section-stubs", section="effects", evidence="hide")
    wide = argmap.load(ROOT / "tests" / "render" / "maps" / "wide")
    draw(wide, "fonts-wide", formats=("png",), legend=False)
    paper = ROOT / "claims" / "fiia-298"
    if any((paper / name).is_file() for name in ("map.yaml", "map.yml", "map.json")):
        from argmap._engine.run import check_map
        from argmap._output.report import report_markdown

        run = check_map(paper)
        if not run.contexts:
            sys.stderr.write("".join(f"{f.location}: {f.code} {f.message}\n"
                                     for f in run.findings))
            return 1
        m = run.maps[0]
        findings = list(run.findings)
        # the overview fits a screen (docs/render.md); the whole map is about 40,000 px
        # wide: SVG only, which browsers zoom and search
        draw(m, "fiia-298-overview", out=PAPER_OUT, view="overview", grounded=True)
        draw(m, "fiia-298", formats=("svg",), out=PAPER_OUT, evidence="count", grounded=True)
        draw(m, "fiia-298-evidence", formats=("svg",), out=PAPER_OUT)
        draw(m, "fiia-298-findings", formats=("svg",), out=PAPER_OUT, evidence="count",
             findings=findings)
        for section in m.sections:
            draw(m, f"fiia-298-{section.id}", out=PAPER_OUT, section=section.id)
        from argmap._html import render_html
        from argmap._render import View

        page = render_html(m, View(), "wasm", (findings, run.contexts[0]))
        atomic_write(PAPER_OUT / "fiia-298.html", page)
        sys.stdout.write("wrote docs/paper/fiia-298.html\n")
        report = report_markdown(run.contexts[0], findings, command="python3 tasks.py docs")
        path = PAPER_OUT / "report.md"
        atomic_write(path, report)
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
    else:
        sys.stderr.write("claims/fiia-298 has no map yet: skipped\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
