"""The WebAssembly backend leaves nothing for interpreter teardown to free.

wasmtime's objects free their native half in ``__del__`` through wasmtime's module globals.
An object still alive when the interpreter empties those modules at exit printed
``Exception ignored in: <function Managed.__del__>`` and a TypeError, once per object. A
RenderError kept to the end (in a module's variable, as a test runner keeps its test modules)
held the layout's frame, and with it the store and the shared engine, linker and module: after
a passing test run the output ended with these tracebacks. The program below keeps all of them
in a module that outlives ``sys.modules`` (as pytest's plugins keep test modules), so it
printed them on every run before the fix.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap._render import backends
from argmap._render.backends import layout_svg

from .test_wasm_backend import TRAPPING_DOT

KEEP_TO_THE_END = f"""
import sys, types

from argmap._render import backends
from argmap._render.backends import RenderError, layout_svg

keeper = types.ModuleType("keeper")
sys.modules["keeper"] = keeper
sys.keeper = keeper  # alive after sys.modules is emptied at exit, so its globals are wiped last
assert layout_svg("digraph {{ a -> b }}", "wasm").startswith(b"<?xml")
keeper.errors = []
for dot in ("digraph {{ a -> }}", {TRAPPING_DOT!r}):
    try:
        layout_svg(dot, "wasm")
    except RenderError as error:
        keeper.errors.append(error)
keeper.shared = backends._graphviz_wasm()
print(len(keeper.errors))
"""


def test_objects_kept_to_the_end_print_nothing_at_exit() -> None:
    result = subprocess.run(
        [sys.executable, "-c", KEEP_TO_THE_END],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"
    assert "Exception ignored" not in result.stderr, result.stderr
    assert "Managed.__del__" not in result.stderr, result.stderr


@pytest.mark.parametrize("dot", ["digraph { a -> }", TRAPPING_DOT], ids=["failed", "trap"])
def test_a_render_error_keeps_no_wasmtime_object_open(dot: str) -> None:
    """The store is closed when the call ends, and the error chains no Trap."""
    import wasmtime

    with pytest.raises(backends.RenderError) as caught:
        layout_svg(dot, "wasm")
    assert caught.value.__context__ is None
    frames = [entry.frame.f_locals for entry in caught.traceback]
    stores = [v for local in frames for v in local.values() if isinstance(v, wasmtime.Store)]
    assert stores, "the layout's frame is in the traceback"
    for store in stores:
        with pytest.raises(ValueError, match="already closed"):
            store.gc()


def test_layouts_after_the_exit_handler_build_the_shared_objects_again() -> None:
    """A layout after the exit handler (another exit handler's, say) still works."""
    first = layout_svg("digraph { a -> b }", "wasm")
    backends._close_graphviz()  # noqa: SLF001 - the handler atexit runs
    assert backends._graphviz_wasm.cache_info().currsize == 0  # noqa: SLF001
    assert layout_svg("digraph { a -> b }", "wasm") == first
