#!/usr/bin/env python3
"""Set-up and everyday tasks with nothing but Python >= 3.11: no make, no system packages.

    python3 tasks.py demo    # install into .venv, check the paper's map, render it to SVG
    python3 tasks.py test    # install into .venv, run ruff, mypy and the whole test suite
    python3 tasks.py test -n 0    # the same, the tests in this one process (serially)
    python3 tasks.py docs    # regenerate docs/img/ and docs/paper/ (diagrams and report)

The virtual environment is reinstalled when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".argmap-installed"
PAPER_MAP = "claims/fiia-298"
PAPER_SVG = "out/fiia-298.svg"


def run(*args: str) -> None:
    print("$", " ".join(args), flush=True)
    completed = subprocess.run(args, cwd=ROOT, check=False)
    if completed.returncode:
        sys.exit(completed.returncode)


def ensure_venv() -> None:
    """Create .venv and install argmap with its test tools, once per pyproject.toml."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text(encoding="utf-8") == wanted:
        return
    if not (BIN / "python").exists():
        print(f"creating {VENV.relative_to(ROOT)}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "-e", ".[test]")
    STAMP.write_text(wanted, encoding="utf-8")


def demo() -> None:
    ensure_venv()
    run(str(BIN / "argmap"), "check", PAPER_MAP)
    (ROOT / "out").mkdir(exist_ok=True)
    run(str(BIN / "argmap"), "render", PAPER_MAP, "-o", PAPER_SVG)
    print(f"wrote {PAPER_SVG}")


def test() -> None:
    ensure_venv()
    run(str(BIN / "ruff"), "check", "src", "tests", "benchmarks", "tasks.py")
    run(str(BIN / "mypy"))
    # the tests start the CLI a few hundred times: compiled once here, its modules are not
    # compiled again by each process (PYTHONDONTWRITEBYTECODE, where set, stops that caching)
    run(str(BIN / "python"), "-m", "compileall", "-q", "src")
    # one test process per core. worksteal gives each worker half of the tests in file order
    # (a module's costly shared fixture is set up once) and moves tests only to an idle one.
    # Arguments given after `test` come last, so `-n 0` (serial) wins.
    run(str(BIN / "python"), "-m", "pytest", "-n", "auto", "--dist", "worksteal", *sys.argv[2:])


def docs() -> None:
    """Regenerate the images in docs/img/ and the paper's diagrams and report in docs/paper/."""
    ensure_venv()
    run(str(BIN / "python"), "scripts/render_docs.py")


TASKS = {"demo": demo, "test": test, "docs": docs}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.stderr.write(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [pytest args]\n")
        sys.exit(2)
    TASKS[sys.argv[1]]()
