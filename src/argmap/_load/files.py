"""Opening input files: the one function every file argmap reads goes through.

A map is untrusted, so a file it leads argmap to (a map file found by folder search, a
sources file, a snapshot) must resolve inside the map's folder; a file the user names (a
path on the command line, the pyproject.toml found by the upward search) is read as given.
Every file, named or found, must be a regular file on disk (never a FIFO, which would block,
a device, which may never end, or a kernel file under /proc or /sys, which holds secrets such
as a process's environment), and no more than a limit of bytes is ever read.

A refusal says why in words that never quote the file: a message may quote a line of a file
only when that file passed these checks (:attr:`ReadLog.passed`).

Each read is recorded in every active :class:`ReadLog` (:func:`recording`), so a command
knows which files it read and refuses to write its output over one of them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from argmap._record import record

__all__ = [
    "MAX_CONFIG_BYTES",
    "FileRefusedError",
    "ReadLog",
    "active_logs",
    "content_digest",
    "overlaid",
    "read_bytes",
    "read_resolved",
    "recording",
    "resolved",
]

#: The largest configuration file (pyproject.toml) read: configuration is small.
MAX_CONFIG_BYTES = 4 * 1024 * 1024

Refusal = Literal["missing", "folder", "special", "kernel", "outside", "too-big", "error"]

_KIND_NAMES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class FileRefusedError(Exception):
    """A file that was not read, and why; ``reason`` never quotes the file's content."""

    def __init__(self, kind: Refusal, reason: str, size: int | None = None) -> None:
        super().__init__(reason)
        self.kind: Refusal = kind
        self.reason = reason
        self.size = size


@record(frozen=False, slots=False)
class ReadLog:
    """The files a command asked to read: all of them, and those that passed the checks.

    Paths are resolved (symbolic links followed), so two names of one file are one entry;
    ``identities`` holds (device, inode) of the files read, which also catches hard links.
    """

    asked: set[Path] = field(default_factory=set)
    passed: set[Path] = field(default_factory=set)
    identities: dict[tuple[int, int], Path] = field(default_factory=dict)
    #: With ``recording(digests=True)``: the BLAKE2b digest of each file that passed, as
    #: read, so a cache entry names exactly the bytes its result came from.
    digests: dict[Path, str] | None = None

    def holds(self, path: str | os.PathLike[str]) -> Path | None:
        """The recorded input that ``path`` is (same resolved path or same inode), if any."""
        target = resolved(path)
        if target in self.asked:
            return target
        try:
            info = Path(path).stat()
        except (OSError, ValueError):
            return None
        return self.identities.get((info.st_dev, info.st_ino))

    def add(self, other: ReadLog) -> None:
        """Take in the reads ``other`` recorded (the same recording, in a forked process)."""
        self.asked |= other.asked
        self.passed |= other.passed
        self.identities.update(other.identities)
        if self.digests is not None and other.digests is not None:
            self.digests.update(other.digests)


_ACTIVE: ContextVar[tuple[ReadLog, ...]] = ContextVar("argmap_read_logs", default=())


@contextmanager
def recording(*, digests: bool = False) -> Iterator[ReadLog]:
    """Record every read in the block (nested recordings each see every read)."""
    log = ReadLog(digests={} if digests else None)
    token = _ACTIVE.set((*_ACTIVE.get(), log))
    try:
        yield log
    finally:
        _ACTIVE.reset(token)


def active_logs() -> tuple[ReadLog, ...]:
    """The recordings open now, outermost first (a forked process sends its copies back)."""
    return _ACTIVE.get()


_OVERLAY: ContextVar[Mapping[Path, bytes]] = ContextVar(
    "argmap_overlay", default=MappingProxyType({})
)


@contextmanager
def overlaid(contents: Mapping[str | os.PathLike[str], bytes]) -> Iterator[None]:
    """Within the block, :func:`read_bytes` gives these bytes for these files instead of
    what is on disk: an editor's unsaved buffers (the language server checks the text being
    typed). Only the content is replaced: confinement (``inside``) and the size limit still
    apply to an overlaid file, and every other file is read from disk as before."""
    merged = {**_OVERLAY.get(), **{resolved(path): data for path, data in contents.items()}}
    token = _OVERLAY.set(merged)
    try:
        yield
    finally:
        _OVERLAY.reset(token)


def resolved(path: str | os.PathLike[str]) -> Path:
    """The absolute path with every symbolic link followed (as far as they lead)."""
    return Path(os.path.realpath(path))


@cache
def _kernel_devices() -> frozenset[int]:
    """Device numbers of the kernel's file systems (/proc, /sys): files there are not data."""
    found = set()
    for root in ("/proc", "/sys"):
        try:
            found.add(Path(root).stat().st_dev)
        except OSError:
            continue
    return frozenset(found)


def _check_kind(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileRefusedError("folder", "expected a file, found a folder")
    if not stat.S_ISREG(info.st_mode):
        what = _KIND_NAMES.get(stat.S_IFMT(info.st_mode), "a special file")
        raise FileRefusedError("special", f"not a regular file: it is {what}")
    if info.st_dev in _kernel_devices():
        raise FileRefusedError(
            "kernel", "not a regular file: it is a file of the kernel (/proc, /sys)"
        )


def read_bytes(
    path: str | os.PathLike[str], *, limit: int, inside: str | os.PathLike[str] | None = None
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    With ``inside``, the file must resolve (through every symbolic link) into that folder.
    The type is checked before the file is opened, so a FIFO is never opened and a device
    never touched; the open itself does not block (``O_NONBLOCK``) and the type is checked
    again on the open file, in case the path changed in between. Raises
    :class:`FileRefusedError`.
    """
    return read_resolved(resolved(path), limit=limit,
                         inside=None if inside is None else resolved(inside))


def _within(target: Path, inside: Path) -> bool:
    """``target.is_relative_to(inside)``, first by their strings: a folder's string and a
    slash begin exactly the strings of the paths under it (a path's parts hold no slash),
    where ``is_relative_to`` parses ``inside`` again (about 10 µs a snapshot read). A root
    (``/``, ``//``), whose string ends in a slash, and any other case take the parse."""
    folder = str(inside)
    return ((str(target).startswith(f"{folder}/") and folder[-1:] != "/")
            or target.is_relative_to(inside))


def read_resolved(
    target: Path, *, limit: int, inside: Path | None = None, absent: bool = False
) -> bytes:
    """:func:`read_bytes` of a path whose symbolic links the caller has already followed
    (``target`` and ``inside`` as :func:`resolved` gives them): resolving costs a system
    call per path component, and a check reads hundreds of snapshots from one folder.

    ``absent``: the caller listed the file's folder and the file is not in it, so the
    ``stat`` that would fail is spared; the read is still recorded (a cache keyed on the
    files a check asked for sees the file once it appears), and an overlaid file is read.
    """
    logs = _ACTIVE.get()
    for log in logs:
        log.asked.add(target)
    if inside is not None and not _within(target, inside):
        raise FileRefusedError("outside", "it leads outside the map's folder")
    overlays = _OVERLAY.get()
    # an empty overlay (a check, not the language server) is not asked: no path hashed
    overlay = overlays.get(target) if overlays else None
    if overlay is not None:
        if len(overlay) > limit:
            raise FileRefusedError("too-big", "over the size limit", len(overlay))
        for log in logs:
            log.passed.add(target)
            if log.digests is not None:
                log.digests[target] = content_digest(overlay)
        return overlay
    if absent:
        raise FileRefusedError("missing", "no such file")
    try:
        _check_kind(target.stat())
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(target, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise FileRefusedError("missing", "no such file") from None
    except IsADirectoryError:
        raise FileRefusedError("folder", "expected a file, found a folder") from None
    except OSError as exc:
        raise FileRefusedError("error", f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        _check_kind(info)
        if info.st_size > limit:
            raise FileRefusedError("too-big", "over the size limit", info.st_size)
        # Read at most one byte over the limit: a file that grows cannot make us read on.
        # One read usually takes the whole file (the size it reports, and one byte more).
        chunks = [os.read(fd, min(limit, info.st_size) + 1)]
        size = len(chunks[0])
        while chunks[-1] and size <= limit:
            chunks.append(os.read(fd, min(limit + 1 - size, 1 << 24)))
            size += len(chunks[-1])
        data = b"".join(chunk for chunk in chunks if chunk)  # one chunk: joined without a copy
    except FileRefusedError:
        raise
    except OSError as exc:
        raise FileRefusedError("error", f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileRefusedError("too-big", "over the size limit")
    if info.st_size == 0 and data:  # a file that says it is empty yet yields bytes: not on disk
        raise FileRefusedError("kernel", "not a regular file: it reports size 0 but yields data")
    digest = None
    for log in logs:
        log.passed.add(target)
        log.identities[(info.st_dev, info.st_ino)] = target
        if log.digests is not None:
            digest = digest or content_digest(data)
            log.digests[target] = digest
    return data


def content_digest(data: bytes) -> str:
    """The digest a cache compares files by (BLAKE2b, 128 bits: fast, and no collision in
    practice; an attacker gains nothing by one, as the cache lives outside the repository)."""
    from argmap._load.digest import blake2b_hex

    return blake2b_hex(data, 16)
