"""The public API: every exported name resolves, and `import argmap` stays light."""

from __future__ import annotations

import subprocess
import sys

import argmap


def test_every_exported_name_resolves() -> None:
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name


def test_a_whole_run_is_public() -> None:
    """``argmap check`` is one library call: the CLI only prints its result and exits."""
    assert {"check_paths", "CheckRun"} <= set(argmap.__all__)
    run = argmap.check_paths([])
    assert isinstance(run, argmap.CheckRun)
    assert (run.findings, run.files, run.contexts, run.unreadable) == ((), (), (), False)


def test_import_argmap_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, argmap; "
        "print(sorted(m for m in ('pydantic', 'yaml_rs', 'ryml', 'graphviz', 'rapidfuzz', "
        "'rustworkx', 'wasmtime', 'click') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"
