"""``run_split`` builds the claims' and quantities' indexes before it forks, once for both
processes (each built them after the fork before): a split check still reports and caches
what one process does (the oracle: the one-process check, which the split without the
early indexes matched), and the child starts with both indexes built."""

# ruff: noqa: SLF001 - the split's private fork is watched

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from argmap._engine import split
from split_report import FIGURE_MAPS, children, needs_fork, report

ROOT = Path(__file__).resolve().parent.parent
MAPS = [*FIGURE_MAPS, ROOT / "tests" / "example-maps" / "AM202" / "bad",
        ROOT / "tests" / "example-maps" / "AM201" / "bad"]


@needs_fork
@pytest.mark.parametrize("folder", MAPS, ids=lambda folder: "/".join(folder.parts[-2:]))
def test_split_reports_what_one_process_does_and_forks_with_the_indexes(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    built: list[tuple[bool, bool]] = []
    fork = split._fork

    def forking(*args: Any, **kwargs: Any) -> Any:
        index = sys._getframe(1).f_locals["index"]  # run_split's own index
        reads_ahead = args[3] is not None
        if reads_ahead:
            built.append(("claims" in vars(index), "quantities" in vars(index)))
        return fork(*args, **kwargs)

    monkeypatch.setattr(split, "_fork", forking)
    split_run = report(folder, 2, tmp_path / "split")
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "100000000")
    assert split_run == report(folder, 1, tmp_path / "one")
    assert built, "the figures group's child was forked"
    assert all(claims and quantities for claims, quantities in built)
    assert not children()
