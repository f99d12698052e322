"""A cache module's per-process state as in a new process, for the tests of argmap's
compiled-pattern and compiled-code caches (``_recache``, ``_codecache``)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType


@contextlib.contextmanager
def new_process(module: ModuleType, table: str, folder: Path | None, *,
                off: bool = False) -> Iterator[None]:
    """``module``'s state as in a new process whose cache folder is ``folder`` (restored
    afterwards): its ``table`` of entries not yet read, no file, nothing new or used;
    ``off``: with ``ARGMAP_NO_CACHE=1``."""
    names = (table, "_file", "_new", "_used")
    saved = {name: getattr(module, name) for name in names}
    environ = {name: os.environ.get(name) for name in ("ARGMAP_CACHE_DIR", "ARGMAP_NO_CACHE")}
    if folder is not None:
        os.environ["ARGMAP_CACHE_DIR"] = str(folder)
    os.environ.pop("ARGMAP_NO_CACHE", None)
    if off:
        os.environ["ARGMAP_NO_CACHE"] = "1"
    for name, value in zip(names, (None, None, {}, set()), strict=True):
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)
        for name, value in environ.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
