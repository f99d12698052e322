"""The models' imports beside the YAML parse (``_load/read._work_meanwhile``): a
thread that runs while yaml-rs parses must not change what the parse gives, nor which error
it raises, and is joined before the parse's caller runs on."""

# ruff: noqa: SLF001 - the parse's private helper thread is what is under test

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._findings import MapLoadError
from argmap._load import read
from argmap._load.read import parse_text

ROOT = Path(__file__).resolve().parent.parent

#: Pieces of YAML, good and bad (tabs, unclosed quotes, aliases, tags, duplicate keys,
#: control characters, deep nesting), joined at random into hostile texts.
_PIECES = st.sampled_from([
    "title: t\n", "claims:\n", "  - id: C1\n    text: a\n", "  - {id: C2, text: 'b'}\n",
    "a: &x [1, 2]\n", "b: *x\n", "c: *nope\n", "d: !!python/object x\n", "title: u\n",
    "e: \"unclosed\n", "\tf: 1\n", "g: [\n", "h: {i: [j, {k: l}]}\n", "- item\n",
    "m: 1.5e3\n", "n: 0x1F\n", "o: null\n", "p: \x01\n", "q: \"\\x01\"\n", "? [r]\n: s\n",
    "t: " + "[" * 40 + "]" * 40 + "\n", "u: |\n  block\n  text\n", "1: one\n", "1.0: two\n",
])


def _parse(text: str) -> Any:
    try:
        parsed = parse_text(text, Path("map.yaml"), "map.yaml")
    except MapLoadError as exc:
        return ("error", [finding.to_dict() for finding in exc.findings])
    return ("data", repr(parsed.data))


def _beside(text: str) -> tuple[Any, list[str]]:
    """The parse with a helper thread forced beside it, and what the helper saw of it."""
    seen: list[str] = []
    main = threading.main_thread()

    def helper() -> None:  # Python work while the parse runs; it must not disturb it
        seen.append("ran")
        for _ in range(2_000):
            json.dumps({"x": list(range(20))})

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read, "_IMPORT_BESIDE_FROM", 0)
        patch.setattr(read, "_models_imported", lambda: False)
        patch.setattr(read, "_import_models", helper)
        outcome = _parse(text)
        # joined before the parse returned: only the main thread is left
        assert [t for t in threading.enumerate() if t.name == "argmap-imports"] == []
        assert threading.current_thread() is main
    return outcome, seen


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_a_parse_with_the_helper_gives_what_it_gives_alone(text: str) -> None:
    alone = _parse(text)
    beside, seen = _beside(text)
    assert beside == alone
    assert seen in ([], ["ran"])  # not started when a check before the parse refused it


def test_the_helper_runs_for_a_long_text_only() -> None:
    started: list[int] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read, "_models_imported", lambda: False)
        patch.setattr(read, "_import_models", lambda: started.append(1))
        parse_text("title: t\n", Path("map.yaml"), "map.yaml")
        assert started == []
        long_text = "title: t\nclaims:\n" + "  - {id: C1, text: a}\n" * 60_000
        assert len(long_text) >= read._IMPORT_BESIDE_FROM
        parse_text(long_text, Path("map.yaml"), "map.yaml")
        assert started == [1]
    # in a process that has the models already, no thread
    parse_text(long_text, Path("map.yaml"), "map.yaml")


_FIRST_LOAD = """
import json, sys, threading
from argmap._load import read
read._IMPORT_BESIDE_FROM = int(sys.argv[2])
names = []
real = read._import_models
def spy():
    names.append(threading.current_thread().name)
    real()
read._import_models = spy
import argmap
try:
    model = argmap.load(sys.argv[1])
    out = model.model_dump(mode="json")
except argmap.MapLoadError as exc:
    out = [f.to_dict() for f in exc.findings]
print(json.dumps({"out": out, "helper": names}, sort_keys=True))
"""


def _first_load(folder: Path, beside_from: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_LOAD, str(folder), str(beside_from)],
        capture_output=True, text=True, check=True, env=env, cwd=ROOT,
    )
    assert done.stderr == ""
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("folder", [
    ROOT / "claims" / "fiia-298",
    ROOT / "tests" / "bad-inputs" / "duplicate-keys-yaml",
    ROOT / "tests" / "bad-inputs" / "invalid-id",
])
def test_a_first_load_with_the_helper_loads_the_same(folder: Path) -> None:
    """In a new process (the models not imported yet) the helper imports them in its thread;
    the map, or its errors, are the same as without it."""
    beside = _first_load(folder, 0)
    alone = _first_load(folder, 1 << 40)
    assert beside["helper"] == ["argmap-imports"]
    assert alone["helper"] == []
    assert beside["out"] == alone["out"]


@pytest.mark.parametrize("text", ["title: t\nclaims: []\n", "title: [\n", "a: 1\na: 2\n",
                                  "a: *nope\n", "x: !!python/object y\n"])
def test_the_helper_runs_beside_good_and_bad_parses(text: str) -> None:
    beside, seen = _beside(text)
    assert seen == ["ran"]
    assert beside == _parse(text)
