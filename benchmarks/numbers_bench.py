"""Number grammar timings: microseconds per sentence for claim-like and paper text (prints).

    .venv/bin/python benchmarks/numbers_bench.py                    # 5,000 generated claims
    .venv/bin/python benchmarks/numbers_bench.py --claims 20000 --profile
    .venv/bin/python benchmarks/numbers_bench.py --baseline /tmp/old_numbers.py
    .venv/bin/python benchmarks/numbers_bench.py --hostile          # 10 KB, 100 KB, 1 MB
    .venv/bin/python benchmarks/numbers_bench.py --hostile --sizes 10000,100000

``--hostile`` times ``parse`` on each hostile text of ``hostile_numbers.py`` (issue 14) at
each size, in CPU seconds, with the ratio of the largest size's time to the one before it:
linear work gives the ratio of the sizes (10), quadratic work its square.

Texts: the claim texts and evidence quotes of a generated map (``generate.py``; most claims
state no figure, a third state one to three) and the sentences of the seed paper (FIIA
Briefing Paper 298, PDF line breaks and all), each also as one whole text. ``parse`` is
cached per text, so each timing clears the cache first and parses every text once: the cost
of a cold run. ``--baseline`` times a single-file copy of the grammar (such as ``numbers.py``
from before ``argmap._verify.numbers`` became a package, taken with ``git show``) on the same
texts and reports every text the two read differently (a before/after check).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import importlib.util
import os
import pstats
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import generate  # noqa: E402
import hostile_numbers  # noqa: E402

from argmap._verify import numbers  # noqa: E402

SEED = ROOT / "claims" / "fiia-298" / "snapshots" / "fiia-298.txt"
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n\s*\n")


def claim_texts(n: int) -> list[str]:
    """The claim texts and evidence quotes of a generated map of ``n`` claims."""
    data = generate.generate(n).map_data
    texts = [c["text"] for c in data["claims"]]
    texts += [e["quote"]["exact"] for e in data["evidence"] if e.get("quote")]
    return texts


def paper_sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [s for s in _SPLIT.split(text) if s.strip()]


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("argmap._numbers_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _time(parse: Any, texts: Sequence[str], runs: int) -> float:
    """Median seconds to parse every text once, cache cleared."""
    times = []
    for _ in range(runs):
        parse.cache_clear()
        started = time.perf_counter()
        for text in texts:
            parse(text)
        times.append(time.perf_counter() - started)
    parse.cache_clear()
    return statistics.median(times)


def _plain(found: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Mentions as plain tuples, so that two copies of the module compare."""
    return [tuple(getattr(m, f.name) for f in dataclasses.fields(m)) for m in found]


def _differences(
    new: Callable[[str], Any], old: Callable[[str], Any], texts: Sequence[str]
) -> list[str]:
    return [t for t in dict.fromkeys(texts) if _plain(new(t)) != _plain(old(t))]


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def hostile_table(sizes: Sequence[int]) -> None:
    """CPU seconds of ``parse`` on each hostile text at each size (prints a table)."""
    labels = [f"{size // 1000:,} KB" if size < 1_000_000 else f"{size // 1_000_000} MB"
              for size in sizes]
    print(f"| hostile text | {' | '.join(labels)} | ratio | figures |")
    print("|---|" + "---:|" * (len(sizes) + 2))
    for name in hostile_numbers.HOSTILE:
        cells, found = [], 0
        for size in sizes:
            text = hostile_numbers.hostile(name, size)
            numbers.parse.cache_clear()
            started = _cpu()
            found = len(numbers.parse(text))
            cells.append(_cpu() - started)
        numbers.parse.cache_clear()
        ratio = f"{cells[-1] / cells[-2]:.1f}" if len(cells) > 1 and cells[-2] > 0.01 else "-"
        print(f"| {name} | {' | '.join(f'{c:.2f}' for c in cells)} | {ratio} | {found:,} |",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000, help="generated map size")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="a single-file numbers.py to compare with")
    parser.add_argument("--profile", action="store_true", help="cProfile the claim texts")
    parser.add_argument("--hostile", action="store_true",
                        help="time the hostile texts of hostile_numbers.py instead")
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="text sizes for --hostile, in characters")
    args = parser.parse_args()
    if args.hostile:
        hostile_table([int(size) for size in args.sizes.split(",")])
        return

    claims = claim_texts(args.claims)
    sentences = paper_sentences()
    paper = [SEED.read_text(encoding="utf-8")]
    with_figure = [t for t in claims if numbers.parse(t)]
    without = [t for t in claims if not numbers.parse(t)]
    sets = {
        f"generated claims and quotes ({len(claims):,} texts)": claims,
        f"  of which with a figure ({len(with_figure):,})": with_figure,
        f"  of which without ({len(without):,})": without,
        f"seed paper sentences ({len(sentences)})": sentences,
        "seed paper as one text (25 kB)": paper,
    }
    impls: dict[str, Any] = {"now": numbers.parse}
    if args.baseline is not None:
        impls["baseline"] = _load(args.baseline).parse
    print(
        f"| texts | {' | '.join(f'{name} (us/text)' for name in impls)} |"
        + (" ratio |" if len(impls) > 1 else "")
    )
    print("|---|" + "---:|" * (len(impls) + (len(impls) > 1)))
    for label, texts in sets.items():
        per = {
            name: _time(parse, texts, args.runs) / len(texts) * 1e6 for name, parse in impls.items()
        }
        cells = " | ".join(f"{v:,.1f}" for v in per.values())
        ratio = f" {per['baseline'] / per['now']:.1f}x |" if "baseline" in per else ""
        print(f"| {label} | {cells} |{ratio}")
    if "baseline" in impls:
        everything = claims + sentences + paper
        diff = _differences(impls["now"], impls["baseline"], everything)
        print(f"\ntexts read differently from the baseline: {len(diff)} of {len(set(everything))}")
        for text in diff[:10]:
            print("  ", repr(text[:160]))
    if args.profile:
        profiler = cProfile.Profile()
        numbers.parse.cache_clear()
        profiler.enable()
        for text in claims + sentences:
            numbers.parse(text)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
