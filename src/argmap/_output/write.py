"""Writing output files: the one function every file argmap writes goes through.

A regular file (or a new one) is written whole or not at all: the bytes go to a temporary
file beside the target, which is flushed to disk and renamed over it, so a reader, or a
run killed at any moment, never leaves a partial target. The temporary file is named
``.argmap-<pid>-<random>.tmp``; a run killed before its rename leaves one behind, and a later
write into the same folder removes it once no process holds it (its writer's process is gone
and its lock is free), so concurrent runs never lose each other's files.

A target that exists and is not a regular file (a character device such as ``/dev/null``,
a FIFO, a terminal, ``/proc/self/fd/1``) is written through, as a shell's ``>`` would: a
rename would replace the device with a file. Write errors there (``/dev/full``: no space
left) are raised like any other.

A symbolic link to a regular file keeps being a link: the file it leads to is replaced.

Commands also refuse an output that would overwrite one of their own inputs
(:class:`OverwritesInputError`); the library's :func:`argmap.dump` does not, as writing a map
back where it was read is what it is for.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

__all__ = ["TEMP_PREFIX", "OverwritesInputError", "remove_stale_temporaries", "write_file"]

#: Temporary files start with this, then the writer's process ID.
TEMP_PREFIX = ".argmap-"
_TEMP_NAME = re.compile(r"^\.argmap-(\d+)-[0-9a-f]+\.tmp$")


class OverwritesInputError(Exception):
    """The output would replace a file the command read."""

    def __init__(self, target: str, source: Path) -> None:
        shown = os.path.relpath(source) if source.is_absolute() else str(source)
        if os.path.realpath(target) == os.path.realpath(source) and shown == os.path.normpath(
            target
        ):
            what = f"{target} is an input of this run"
        else:
            what = f"{target} is {shown}, an input of this run"
        super().__init__(f"{what}; inputs are never overwritten: write the output elsewhere")
        self.target = target
        self.source = source


def write_file(
    path: str | os.PathLike[str],
    content: bytes | str,
    *,
    is_input: Callable[[str], Path | None] | None = None,
) -> None:
    """Write ``content`` (text as UTF-8) to ``path``: whole and atomically, or through a
    special file. ``is_input`` names the input ``path`` would overwrite, if any; then
    :class:`OverwritesInputError` is raised and nothing is written."""
    target = os.fspath(path)
    payload = content.encode("utf-8") if isinstance(content, str) else content
    if is_input is not None:
        source = is_input(target)
        if source is not None:
            raise OverwritesInputError(target, source)
    try:
        info: os.stat_result | None = Path(target).stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", target)
        _write_through(target, payload)
        return
    _write_atomically(Path(os.path.realpath(target)), payload, info)


def _write_through(target: str, payload: bytes) -> None:
    """Write into an existing special file (device, FIFO, terminal) without replacing it."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(target, flags)
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)


def _write_atomically(target: Path, payload: bytes, info: os.stat_result | None) -> None:
    folder = target.parent
    remove_stale_temporaries(folder)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(temp, flags, 0o666)  # the umask applies, as for any new file
            break
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    try:
        try:
            _lock(fd, blocking=True)  # held until the rename: see remove_stale_temporaries
            if info is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, stat.S_IMODE(info.st_mode))
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            if os.name != "nt":
                temp.replace(target)
        finally:
            os.close(fd)
        if os.name == "nt":  # pragma: no cover - Windows renames closed files only
            temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _lock(fd: int, *, blocking: bool) -> bool:
    """Take an exclusive lock on an open file; False when another process holds one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no locks, the process check alone
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: rely on the process check
        return True
    return True


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):  # another user's process: it exists
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove argmap's temporary files in ``folder`` left by runs that were killed.

    A file is removed only when the process that made it is gone (its ID names it) and no
    process holds its lock: a live writer's file, in this or another PID namespace, stays.
    Returns the files removed.
    """
    removed: list[Path] = []
    try:
        with os.scandir(folder) as found:
            entries = list(found)
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or _process_alive(int(match[1])):
            continue
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            try:
                if _lock(fd, blocking=False):
                    Path(entry.path).unlink()
                    removed.append(Path(entry.path))
            finally:
                os.close(fd)
    return removed
