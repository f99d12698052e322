#!/usr/bin/env python3
"""Capture argmap's user-visible outputs for the committed maps, to compare two versions.

    python scripts/compare_outputs.py capture DIR   # write check JSON, SVG and report per map
    python scripts/compare_outputs.py diff A B      # exit 1 and list what differs

A refactor that must not change behaviour captures before and after and diffs the two.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGMAP = [sys.executable, "-m", "argmap"]
MAPS = {"fiia-298": "claims/fiia-298", "bike-lanes": "examples/bike-lanes"}
COMMANDS = {
    "check.json": ["check", "{map}", "--format", "json", "-o", "{out}"],
    "check.txt": ["check", "{map}", "--format", "full", "-o", "{out}"],
    "map.svg": ["render", "{map}", "-o", "{out}"],
    "report.md": ["report", "{map}", "-o", "{out}"],
}


def capture(target: Path) -> None:
    """Each output is written to one fixed path first: the report names its ``-o`` path."""
    target.mkdir(parents=True, exist_ok=True)
    scratch = ROOT / "out" / "compare"
    scratch.mkdir(parents=True, exist_ok=True)
    for name, folder in MAPS.items():
        for kind, template in COMMANDS.items():
            out = scratch / f"{name}.{kind}"
            args = [part.format(map=folder, out=out.relative_to(ROOT)) for part in template]
            done = subprocess.run([*ARGMAP, *args], cwd=ROOT, capture_output=True, check=False)
            shutil.copyfile(out, target / out.name)
            (target / f"{name}.{kind}.exit").write_text(f"{done.returncode}\n", encoding="utf-8")


def diff(first: Path, second: Path) -> int:
    names = sorted({p.name for p in first.iterdir()} | {p.name for p in second.iterdir()})
    differing = [n for n in names if not filecmp.cmp(first / n, second / n, shallow=False)]
    for name in differing:
        print(f"differs: {name}")
    print(f"{len(names) - len(differing)} of {len(names)} outputs byte-identical")
    return 1 if differing else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["capture"]:
        capture(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["diff"]:
        sys.exit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
