"""The number grammar is linear in its input (issue 14): every hostile text of
``benchmarks/hostile_numbers.py`` (long runs of hyphen-joined digits, space-grouped digits,
mixed separators...) parses at 100 KB within a CPU budget, and ``argmap check`` of a map whose
claim and quote are such a text finishes within it too.

The budget is CPU time, counted by the kernel for a child process (``os.times()`` after the
child is reaped), so a busy machine cannot fail it; the wall-clock timeout is only a hang
guard, large enough that load alone never reaches it. Each text takes well under 3 s of CPU
today; before the fixes the worst ones took minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from hostile_numbers import HOSTILE, hostile  # noqa: E402 - a benchmark module, by path

SIZE = 100_000
CPU_BUDGET = 30.0  # CPU seconds per text (each takes under 3 today)
HANG_TIMEOUT = 1800.0  # wall-clock seconds for all of them: only a hang gets here

_CHILD = """
import json, os, sys
sys.path.insert(0, {benchmarks!r})
from hostile_numbers import HOSTILE, hostile
from argmap._verify.numbers import parse
out = {{}}
for name in HOSTILE:
    text = hostile(name, {size})
    before = os.times()
    found = parse(text)
    after = os.times()
    out[name] = {{"cpu": after.user + after.system - before.user - before.system,
                 "figures": len(found), "length": len(text)}}
print(json.dumps(out))
"""


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


@pytest.fixture(scope="module")
def timings() -> dict[str, dict[str, Any]]:
    """Parse every hostile text once, in one child process; its CPU time per text."""
    before = _children_cpu()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD.format(benchmarks=str(BENCHMARKS), size=SIZE)],
        capture_output=True, text=True, timeout=HANG_TIMEOUT, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    total = _children_cpu() - before
    assert total <= CPU_BUDGET * len(HOSTILE), f"{total:.1f} s of CPU in all"
    found: dict[str, dict[str, Any]] = json.loads(result.stdout)
    return found


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_text_parses_within_the_budget(name: str,
                                                 timings: dict[str, dict[str, Any]]) -> None:
    timing = timings[name]
    assert timing["length"] > SIZE * 0.95  # the text is as long as it says
    assert timing["cpu"] <= CPU_BUDGET, f"{name}: {timing['cpu']:.1f} s of CPU"


def test_hostile_texts_are_deterministic() -> None:
    for name in HOSTILE:
        assert hostile(name, 1000) == hostile(name, 1000)
        assert len(hostile(name, 1000)) <= 1000


@pytest.mark.parametrize("name", ["space-grouped digits, broken at the end",
                                  "mixed separators"])
def test_check_of_a_hostile_map_stays_within_the_budget(name: str, tmp_path: Path) -> None:
    """The rules that read figures (AM301-AM307, AM503) on a 99 KB claim and quote."""
    text = hostile(name, 99_000)
    claim = {"id": "T1", "kind": "thesis", "text": text, "evidence": ["E1"],
             "tags": ["measure:x"]}
    twin = {"id": "T2", "kind": "thesis", "text": text[::-1] or "x", "tags": ["measure:x"]}
    data = {"title": name, "claims": [claim, twin],
            "evidence": [{"id": "E1", "source": "S1", "quote": {"exact": text}}],
            "sources": [{"id": "S1", "title": "Report"}]}
    (tmp_path / "map.json").write_text(json.dumps(data), encoding="utf-8")
    before = _children_cpu()
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--no-config", "-f", "concise",
         str(tmp_path)],
        capture_output=True, text=True, timeout=HANG_TIMEOUT, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"},
    )
    cpu = _children_cpu() - before
    assert result.returncode in (0, 1), result.stderr
    assert "AM000" not in result.stdout
    assert "Traceback" not in result.stderr
    assert cpu <= CPU_BUDGET, f"{name}: check used {cpu:.1f} s of CPU"
