"""Where argmap keeps its caches: the user's cache folder, never the repository.

A cache inside the checked-out tree could be planted by a pull request; one in the user's
cache folder cannot. ``ARGMAP_CACHE_DIR`` overrides the place (CI systems that keep a cache
folder between runs point it there).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["caching_off", "read_sealed", "trusted_file", "user_cache_dir"]


def user_cache_dir() -> Path:
    """The folder for argmap's caches on this platform (not created here)."""
    override = os.environ.get("ARGMAP_CACHE_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "argmap" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "argmap"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache") / "argmap"


def caching_off() -> bool:
    """``ARGMAP_NO_CACHE`` set to a true value, read as click reads the ``--no-cache`` flag's
    variable (``1``, ``true``, ``yes``, ``on``; ``0``, ``false``, ``no``, ``off`` or empty
    leave caching on), so every cache of argmap agrees on it."""
    value = os.environ.get("ARGMAP_NO_CACHE", "").strip().lower()
    return value in {"1", "true", "t", "yes", "y", "on"}


def trusted_file(path: Path) -> bool:
    """On POSIX: a regular file of ours, in a folder of ours, that no one else may write (an
    entry another user could have written is never read)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the profile folder is private
        return path.is_file()
    uid = os.getuid()
    try:
        for item in (path.parent, path):
            info = item.lstat()
            if info.st_uid != uid or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return False
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def read_sealed(path: Path, magic: bytes, seal: Callable[[bytes], bytes], size: int
                ) -> bytes | None:
    """The payload of a cache file written as ``magic``, then ``seal(payload)`` (``size``
    bytes), then the payload; None when the file is missing, not :func:`trusted_file`,
    truncated or altered (its seal does not match)."""
    if not trusted_file(path):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(magic) + size
    if not data.startswith(magic) or len(data) <= head:
        return None
    payload = data[head:]
    if seal(payload) != data[len(magic):head]:
        return None
    return payload
