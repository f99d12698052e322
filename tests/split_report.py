"""What a split check and a one-process check are compared by (tests/test_split*.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap._engine.cache import CheckCache
from argmap._engine.config import DEFAULT_CONFIG
from argmap._engine.pool import can_fork
from argmap._engine.run import check_paths
from argmap._load.limits import DEFAULT_LIMITS
from argmap._output.reporters import ReportContext, get_reporter
from argmap._verify.numbers import parsing as grammar

ROOT = Path(__file__).resolve().parent.parent
#: The paper's map and the bad example maps of the figures group's rules: maps with texts the
#: grammar reads ahead.
FIGURE_MAPS = [ROOT / "claims" / "fiia-298"] + [
    ROOT / "tests" / "example-maps" / code / "bad"
    for code in ("AM301", "AM303", "AM304", "AM306", "AM307", "AM422", "AM501", "AM603")
]

needs_fork = pytest.mark.skipif(not can_fork(), reason="no safe fork on this platform")


def children() -> list[str]:
    """The process IDs of this process's living children (Linux: /proc)."""
    found = []
    for task in Path("/proc/self/task").iterdir():
        found += (task / "children").read_text().split()
    return found


def report(folder: Path, jobs: int, cache: Path) -> tuple[str, dict[str, bytes], bool]:
    """The JSON report of a check of ``folder`` (every info note), the cache entries it
    wrote, and whether it failed."""
    run = check_paths([folder], DEFAULT_CONFIG, DEFAULT_LIMITS, jobs=jobs,
                      cache=CheckCache(cache, DEFAULT_CONFIG, DEFAULT_LIMITS),
                      keep_contexts=False)
    text = get_reporter("json")(list(run.findings), ReportContext(
        files=list(run.files), line_text=run.line_text, show_info=True))
    entries = {path.name: path.read_bytes() for path in cache.rglob("*.json")}
    return text, entries, run.failing


def fail_grammar_on(word: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the number grammar raise on every text holding ``word``, as a grammar bug would."""
    mask = grammar.mask

    def failing(text: str) -> str:
        if word in text:
            raise ValueError("the grammar fails on purpose")
        return mask(text)

    monkeypatch.setattr(grammar, "mask", failing)
