"""Time every registered rule on its own, at two map sizes, and estimate its growth exponent.

    .venv/bin/python benchmarks/profile_rules.py                 # 10,000 and 100,000 claims
    .venv/bin/python benchmarks/profile_rules.py --sizes 1000 10000 --profile AM205

Each rule runs on a fresh :class:`argmap._engine.context.RuleContext`, so its time includes
the indexes and shared graphs it builds (what it costs when it is the first to need them);
``warm`` is the time again on a context that the other rules have already filled. The exponent is
``log(t_big / t_small) / log(N_big / N_small)``: about 1 is linear; above ~1.2 suspect a
quadratic step. Load time (parse + validation) is reported apart. Rules run with the
cyclic garbage collector paused, as the engine runs them.
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def map_folder(work: Path, n: int) -> Path:
    folder = work / "maps" / str(n)
    if not (folder / ".complete").exists():
        print(f"generating a map of {n:,} claims ...", flush=True)
        generated = generate.generate(n)
        generate.write(generated, folder)
        (folder / ".complete").write_text("ok", encoding="utf-8")
    return folder / "yaml"


def time_rules(path: Path, repeat: int) -> tuple[float, dict[str, tuple[float, float, int]]]:
    """Load time, and code -> (cold seconds, warm seconds, reports) for every rule."""
    from argmap._engine.context import RuleContext
    from argmap._load.loader import gc_paused, load
    from argmap.rules import load_rules

    with gc_paused():  # as the engine runs them
        return _time_rules(path, repeat, load, RuleContext, load_rules())


def _time_rules(
    path: Path, repeat: int, load: Any, context: Any, rules: Any
) -> tuple[float, dict[str, tuple[float, float, int]]]:
    start = time.perf_counter()
    argmap = load(path)
    load_time = time.perf_counter() - start
    results: dict[str, tuple[float, float, int]] = {}
    warm_ctx = context(argmap)
    for rule in rules:
        options = dict(rule.OPTIONS)
        warm_ctx.options = options
        cold = []
        count = 0
        for _ in range(repeat):
            _clear_text_caches()  # cold: the number grammar's caches outlive a context
            ctx = context(argmap, options)
            t0 = time.perf_counter()
            count = sum(1 for _ in rule.check(ctx))
            cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sum(1 for _ in rule.check(warm_ctx))
        warm = time.perf_counter() - t0
        results[rule.CODE] = (min(cold), warm, count)
    return load_time, results


def _clear_text_caches() -> None:
    from argmap._verify import dates, numbers
    from argmap._verify.numbers import reading

    numbers.parse.cache_clear()
    dates.text_dates.cache_clear()  # else a map that fits its cache reads its dates warm
    numbers.period_bounds.cache_clear()
    numbers._declared.cache_clear()  # noqa: SLF001 - a benchmark measures the private cache
    reading.decimal.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 100_000))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "argmap-bench")
    parser.add_argument("--profile", metavar="CODE", help="cProfile this rule at the big size")
    args = parser.parse_args()
    small_n, big_n = args.sizes
    from argmap.rules import load_rules

    small_load, small = time_rules(map_folder(args.work, small_n), args.repeat)
    big_load, big = time_rules(map_folder(args.work, big_n), max(1, args.repeat - 2))
    print(
        f"| rule | id | {small_n:,} claims | {big_n:,} claims | warm at {big_n:,} | "
        "reports | exponent |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    ids = {rule.CODE: rule.ID for rule in load_rules()}
    total_small = total_big = 0.0
    for code, (cold_big, warm_big, count) in big.items():
        cold_small = small[code][0]
        total_small += cold_small
        total_big += cold_big
        exponent = (
            math.log(cold_big / cold_small) / math.log(big_n / small_n)
            if cold_small > 1e-4 and cold_big > 1e-4
            else float("nan")
        )
        flag = " **check**" if exponent > 1.2 and cold_big > 0.05 else ""
        print(
            f"| {code} | {ids[code]} | {cold_small * 1000:.1f} ms | {cold_big * 1000:.1f} ms | "
            f"{warm_big * 1000:.1f} ms | {count} | {exponent:.2f}{flag} |"
        )
    print(
        f"| all rules (cold, summed) | | {total_small * 1000:.0f} ms | {total_big * 1000:.0f} ms"
        " | | | |"
    )
    print(
        f"| load (parse + validate) | | {small_load * 1000:.0f} ms | {big_load * 1000:.0f} ms"
        f" | | | {math.log(big_load / small_load) / math.log(big_n / small_n):.2f} |"
    )
    if args.profile:
        from argmap._engine.context import RuleContext
        from argmap._load.loader import load

        rule = next(r for r in load_rules() if args.profile in (r.CODE, r.ID))
        argmap = load(map_folder(args.work, big_n))
        ctx = RuleContext(argmap, dict(rule.OPTIONS))
        profiler = cProfile.Profile()
        profiler.enable()
        sum(1 for _ in rule.check(ctx))
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
