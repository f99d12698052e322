"""The argmap program runs its start-up (imports) without the cyclic collector, and ends the
pause before any command's own work: a check once it has imported its engine, before it
looks for maps; any other command before its code runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_PAPER = Path(__file__).resolve().parent.parent / "claims" / "fiia-298"

#: ``python -m argmap`` (runpy, as the interpreter runs it), counting each collection made
#: from the start of the command line's import (``argmap.__main__`` imports it first thing)
#: until the check's engine is imported, and reading the collector's state when the check
#: looks for maps. (Importing the ``argmap`` package, before ``__main__`` runs, collects.)
_MAIN_PROBE = """
import gc, json, os, runpy, sys
early = []
gc.callbacks.append(lambda phase, info: phase == "start"
                    and "argmap.cli" in sys.modules and "argmap._engine.run" not in sys.modules
                    and early.append(info))
seen = {}
real_exit = os._exit
def leave(code):
    sys.stderr.write(json.dumps([len(early), seen.get("enabled")]) + "\\n")
    real_exit(code)
os._exit = leave
class Finder:  # notes the collector's state as the check starts looking for maps
    def find_spec(self, name, path=None, target=None):
        if name == "argmap._load.loader" and "enabled" not in seen:
            seen["enabled"] = gc.isenabled()
        return None
sys.meta_path.insert(0, Finder())
sys.argv = ["argmap", *sys.argv[1:]]
runpy.run_module("argmap", run_name="__main__", alter_sys=True)
"""


def _main_probe(*args: str) -> tuple[int, bool]:
    done = subprocess.run([sys.executable, "-c", _MAIN_PROBE, *args], capture_output=True,
                          text=True, check=False)
    early, enabled = json.loads(done.stderr.strip().splitlines()[-1])
    return early, enabled


def test_a_check_imports_without_collections_and_collects_after() -> None:
    early, enabled = _main_probe("check", "--no-cache", "-j1", str(_PAPER))
    assert early == 0  # 21 collections without the pause
    assert enabled is True


_RULES_PROBE = """
import gc, json, sys
import argmap.cli as cli
import argmap.cli.rules as rules
cli._exit_now = lambda code: None  # the program's os._exit would end the probe too
seen = []
command = rules.rules.callback
rules.rules.callback = lambda **kw: (seen.append(gc.isenabled()), command(**kw))
counts = []
gc.callbacks.append(lambda phase, info: phase == "start" and counts.append(len(seen)))
sys.argv = ["argmap", "rules"]
cli.run()
sys.stderr.write(json.dumps([seen, counts.count(0), gc.isenabled()]) + "\\n")
"""


def test_another_command_runs_with_the_collector() -> None:
    done = subprocess.run([sys.executable, "-c", _RULES_PROBE], capture_output=True,
                          text=True, check=False)
    seen, before, after = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen == [True]  # on when the command's own code ran
    assert before == 0  # and off while the program started
    assert after is True


def test_a_check_in_this_process_leaves_the_collector_on() -> None:
    """``run`` called in a process that goes on (a profiler, a test) restores the collector."""
    import gc

    from argmap import cli

    probe = (
        "import gc, sys\nimport argmap.cli as cli\n"
        "sys.argv = ['argmap', 'check', '--no-cache', '-j1', sys.argv[1]]\n"
        "sys.settrace(lambda *a: None)  # instrumented: run raises SystemExit\n"
        "try:\n    cli.run()\nexcept SystemExit:\n    pass\n"
        "sys.settrace(None)\nsys.stderr.write(repr(gc.isenabled()))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(_PAPER)], capture_output=True,
                          text=True, check=False)
    assert done.stderr.strip().splitlines()[-1] == "True"
    assert gc.isenabled()
    assert cli._paused is False  # noqa: SLF001 - nothing left paused in this process
