"""Importing the AIF corpus: every nodeset of ../shared/interop/aif loaded in one process.

    .venv/bin/python benchmarks/aif_bench.py [FOLDER] [--runs N] [--export]

Prints the time to load (read, convert, validate) all nodesets, the median of ``--runs``
passes after one warm-up pass, and with ``--export`` the time to write them back as AIF.
The import starts cold in a fresh process too (first pass, including importing pydantic and
the models), which is what a user waits for: that figure is printed as ``first pass``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "interop" / "aif"


def load_all(files: list[Path]) -> int:
    import argmap

    return sum(len(argmap.load(path).claims) for path in files)


def export_all(files: list[Path]) -> int:
    import argmap
    from argmap._interop.aif_write import dumps_aif

    return sum(len(dumps_aif(argmap.load(path))) for path in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--export", action="store_true")
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.json"))
    if not files:
        print(f"no AIF files in {args.folder}", file=sys.stderr)
        return 2
    start, cpu = time.perf_counter(), time.process_time()
    claims = load_all(files)
    first = time.perf_counter() - start
    first_cpu = time.process_time() - cpu
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        load_all(files)
        times.append(time.perf_counter() - start)
    print(f"{len(files)} nodesets, {claims} claims: first pass {first:.3f} s wall, "
          f"{first_cpu:.3f} s CPU (cold, imports included), then median "
          f"{statistics.median(times):.3f} s over {args.runs} passes")
    if args.export:
        start = time.perf_counter()
        size = export_all(files)
        print(f"import + export of all: {time.perf_counter() - start:.3f} s, {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
