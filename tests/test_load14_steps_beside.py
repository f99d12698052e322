"""A check's first steps beside the YAML parse (``_load/read.beside_parse``, given by
``_engine/run._loading``): while yaml-rs parses a long map, the helper thread that imports the
models also imports the rules, compiles the number grammar's common patterns and imports the
graph library, so that the check finds them done; a plain load takes none of these steps, and
a step that fails in the thread, or that the parse ends before, is left to the check, which
then runs as it would have without the helper."""

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

from argmap._load import read
from argmap._load.read import beside_parse
from test_load13_import_beside import _parse  # a parse's data or findings, comparable

ROOT = Path(__file__).resolve().parent.parent

#: Run in a new process (nothing of the check imported yet): the map at argv[1] loaded (or
#: checked, with argv[3] "check"), the helper started from argv[2] characters; what was
#: imported and compiled before and after the load, and the load's or the check's outcome.
#: The parse is made to outlast the helper (it waits for the helper's thread before it
#: parses), as a long map's parse does on an idle core, so the helper takes every step.
_IN_A_NEW_PROCESS = """
import json, sys, threading
import yaml_rs

real_loads = yaml_rs.loads

def outlasting(*args, **kwargs):
    for thread in threading.enumerate():
        if thread.name == "argmap-imports":
            thread.join()
    return real_loads(*args, **kwargs)

yaml_rs.loads = outlasting
from argmap._load import read
read._IMPORT_BESIDE_FROM = int(sys.argv[2])
mode = sys.argv[3]
if mode == "broken-rules":  # a rule module that does not import, in either thread
    import argmap.rules
    argmap.rules.REGISTRY["AM999"] = "argmap.rules.am999_not_there"
from argmap._engine import run

if mode == "failing-step":  # a step that fails in the helper only
    def failing():
        if threading.current_thread().name == "argmap-imports":
            raise RuntimeError("in the helper")
    run._FIRST_STEPS = tuple(
        (lambda step=step: (failing(), step())) for step in run._FIRST_STEPS)

WATCHED = ("argmap.rules.am201_duplicate_id", "argmap.rules.am301_uncited_figure",
           "argmap._verify.numbers.scanning", "rustworkx")

def state():
    out = {name: name in sys.modules for name in WATCHED}
    scanning = sys.modules.get("argmap._verify.numbers.scanning")
    out["variants"] = sorted(scanning._BY_BREAKS[False]) if scanning else []
    return out

before = state()
if mode == "load":
    import argmap
    try:
        argmap.load(sys.argv[1])
        outcome = "loaded"
    except argmap.MapLoadError as exc:
        outcome = [f.to_dict() for f in exc.findings]
elif mode == "check-load":
    from argmap._load.loader import load
    with run._loading():
        try:
            load(sys.argv[1])
            outcome = "loaded"
        except Exception as exc:
            outcome = repr(exc)
else:
    try:
        outcome = [f.to_dict() for f in run.check(sys.argv[1])]
    except Exception as exc:
        outcome = repr(exc)
print(json.dumps({"before": before, "after": state(), "outcome": outcome}, sort_keys=True))
"""

ALWAYS = 0
NEVER = 1 << 40


def _run(folder: Path, beside_from: int, mode: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", _IN_A_NEW_PROCESS, str(folder), str(beside_from), mode],
        capture_output=True, text=True, check=True, env=env, cwd=ROOT,
    )
    assert done.stderr == ""  # nothing the helper swallowed shows
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def long_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A map of more than 1 MiB (mostly a comment: a text may not be that long) with a few
    claims stating figures."""
    folder = tmp_path_factory.mktemp("long")
    claims = "".join(
        f"  - id: C{i}\n    text: In 2019, trade reached USD {i} billion, about a fifth more.\n"
        for i in range(30)
    )
    comment = "# a line of a long comment that makes the file big\n" * 22_000
    text = f"title: a long map\n{comment}claims:\n{claims}"
    assert len(text) >= read._IMPORT_BESIDE_FROM
    (folder / "map.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_checks_load_takes_its_first_steps_beside_the_parse(long_map: Path) -> None:
    done = _run(long_map, ALWAYS, "check-load")
    assert done["outcome"] == "loaded"
    assert not any(value for value in done["before"].values())
    after = done["after"]
    # the load imports none of these itself: the helper took the check's steps
    assert after.pop("variants") == ["AT_DIGIT", "AT_QUALIFIER", "AT_WORD"]
    assert all(after.values()), after


def test_a_plain_load_takes_no_step_of_a_check(long_map: Path) -> None:
    """``argmap.load`` (render, convert, the library): the helper imports the models only."""
    done = _run(long_map, ALWAYS, "load")
    assert done["outcome"] == "loaded"
    assert done["after"] == done["before"]
    assert not any(value for value in done["after"].values())


def test_a_step_failing_in_the_helper_leaves_the_check_as_it_was(long_map: Path) -> None:
    alone = _run(long_map, NEVER, "failing-step")
    beside = _run(long_map, ALWAYS, "failing-step")
    assert isinstance(alone["outcome"], list)
    assert alone["outcome"]
    assert beside["outcome"] == alone["outcome"]
    # the failing steps were left to the check, which took them after the load
    assert not beside["before"]["rustworkx"]
    assert beside["after"]["rustworkx"]


def test_rules_that_fail_to_import_fail_the_check_as_without_the_helper(
    long_map: Path,
) -> None:
    alone = _run(long_map, NEVER, "broken-rules")
    beside = _run(long_map, ALWAYS, "broken-rules")
    assert "am999_not_there" in alone["outcome"]
    assert beside["outcome"] == alone["outcome"]


def test_no_step_is_taken_once_the_parse_is_over() -> None:
    """The check's caller takes what the helper did not start before the parse ended (it
    then runs on the main thread, which the helper would only hold up)."""
    taken: list[str] = []
    parsed = threading.Event()
    read._prepare((lambda: taken.append("first"),), parsed)
    parsed.set()
    read._prepare((lambda: taken.append("second"),), parsed)
    assert taken == ["first"]


def test_steps_start_a_helper_for_a_long_text_only() -> None:
    """A short text (most maps, and each of many small maps under ``--jobs``) starts no
    thread, steps or not; a long one does, even once the models are imported."""
    long_text = "title: t\nclaims:\n" + "  - {id: C1, text: a}\n" * 60_000
    assert read._work_meanwhile(len(long_text)) is None  # the models are imported here
    with beside_parse(lambda: None):
        assert read._work_meanwhile(len("title: t\n")) is None
        finish = read._work_meanwhile(len(long_text))
        assert finish is not None
        finish()
    assert [t for t in threading.enumerate() if t.name == "argmap-imports"] == []


_PIECES = st.sampled_from([
    "title: t\n", "claims:\n", "  - id: C1\n    text: a\n", "  - {id: C2, text: 'b'}\n",
    "a: &x [1, 2]\n", "b: *x\n", "c: *nope\n", "d: !!python/object x\n", "title: u\n",
    "e: \"unclosed\n", "\tf: 1\n", "g: [\n", "- item\n", "1: one\n", "1.0: two\n",
])


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_a_parse_beside_the_steps_gives_what_it_gives_alone(text: str) -> None:
    alone = _parse(text)

    def step() -> None:  # Python work while the parse runs; it must not disturb it
        for _ in range(2_000):
            json.dumps({"x": list(range(20))})

    with pytest.MonkeyPatch.context() as patch, beside_parse(step, step):
        patch.setattr(read, "_IMPORT_BESIDE_FROM", 0)
        beside = _parse(text)
    assert beside == alone
    assert [t for t in threading.enumerate() if t.name == "argmap-imports"] == []
