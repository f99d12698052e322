"""``recompile``: ``re.compile`` with the compiled code kept on disk between runs.

Compiling a pattern runs Python code (``re._parser``, ``re._compiler``): 218 M of the
1,410.9 M instructions of a check of the paper's map went to the 147 patterns it compiles
(119 of them argmap's), the number grammar's three date variants alone 141 M. What that work
makes is a list of integers that the C engine takes as it is (``_sre.compile``). As Python
keeps a module's bytecode in ``__pycache__``, argmap keeps each pattern's code in one file
of the user's cache folder (:func:`argmap._cachedir.user_cache_dir`),
``re-<tag>-<key>.marshal``, and builds the patterns from it again in about 5 M instructions
in all (callgrind, whole process: the paper's check 1,410.9 -> 1,132.1 M with the file,
1,420.6 M on the run that writes it; a 1,000-claim map 1,979.2 -> 1,764.3 M, 1,988.5 M).

What is stored are the arguments with which ``re._compiler.compile`` called ``_sre.compile``,
recorded by running that very function with a recording ``_sre`` (no step of it is copied
here), so a pattern built from them is the one ``re.compile`` makes. The file is keyed by
what the code depends on (the Python build, ``_sre.MAGIC``, the code unit's size); it starts
with a magic line and the CRC-32 of the rest, so a truncated or damaged file is not read;
each entry's types and group tables are checked, and ``_sre`` checks the code. Whatever
fails (a private name gone, a changed signature, an entry ``_sre`` refuses) compiles the
pattern with ``re.compile`` and rewrites its entry. A file made on purpose with another
pattern's code under a pattern's key would be used, as a planted ``.pyc`` would: the folder
is the user's own and made private, and a file another user could have written is not read.

Each process writes what it compiled itself (a forked child starts with nothing to write),
once, at its end: the CLI before it leaves with ``os._exit`` (:func:`argmap.cli.run`), a
library process at exit (``atexit``), a forked group or reader of a split check before it
leaves, a pool worker after each map. A write merges with the file on disk under a lock and
renames a whole new file into place: concurrent runs never read part of a file, and at worst
miss an entry that the next run writes. A run that compiled nothing new writes nothing.
``ARGMAP_NO_CACHE=1`` turns the cache off (every pattern from ``re.compile``);
``ARGMAP_CACHE_DIR`` moves it.

The command line's process also has ``re`` itself build from the file the patterns other
modules compile (:func:`install`: the standard library's, click's and pydantic's, 31 on a
check of the paper's map; 889.0 -> 863.6 M instructions); a library's host keeps its ``re``
as it is.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine's C module: no stubs
import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Iterator
from pathlib import Path
from types import FunctionType
from typing import Any, AnyStr

from argmap._cachedir import caching_off, read_sealed, user_cache_dir

__all__ = ["MAGIC", "cache_file", "flush", "install", "recompile"]

#: First bytes of the file, then the CRC-32 of the rest (4 bytes, little-endian), then the
#: marshalled ``(interpreter key, {(pattern, flags): entry})``.
MAGIC = b"argmap-re-2\n"

#: Above this many entries or bytes, a write keeps only the entries its process used or made
#: (the patterns argmap compiles are about 200; a map's YAML indentation adds a few).
MAX_ENTRIES = 1_000
MAX_BYTES = 8 << 20

#: The flags whose patterns are cached; any other bit (``re.DEBUG`` prints as it compiles,
#: Python 3.11's ``re.TEMPLATE`` warns) goes to ``re.compile`` as it is.
_CACHED_FLAGS = int(re.I | re.L | re.M | re.S | re.U | re.X | re.A)

#: One entry: the pattern and flags it was compiled from (an entry found under another
#: pattern's key is not used), then the arguments of ``_sre.compile`` after the pattern
#: (flags with the inline ones, the code as 32-bit words, groups, name -> index,
#: index -> name).
Entry = tuple[str | bytes, int, int, bytes, int, dict[str, int], tuple[str | None, ...]]
#: An entry's key: bytes or text first (as ``re``'s own cache, a text never compared with
#: bytes), the pattern, the flags asked for.
Key = tuple[bool, str | bytes, int]

_entries: dict[Any, Any] | None = None  # the file's entries, read at the first call
_file: Path | None = None  # the file they were read from, where this process writes
_new: dict[Key, Entry] = {}  # compiled by this process, not yet written
_used: set[Key] = set()  # read from the file by this process


def recompile(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, built from the cached code when the cache holds it."""
    if type(source) not in (str, bytes) or type(flags) is not int:
        if not isinstance(flags, int) or type(source) not in (str, bytes):
            return re.compile(source, flags)
        flags = int(flags)  # a re.RegexFlag
    entries = _entries
    if entries is None:
        entries = _load()
    built = _from_file(source, flags, entries)
    return _compile(source, flags) if built is None else built


def _from_file(source: AnyStr, flags: int, entries: dict[Any, Any]) -> re.Pattern[AnyStr] | None:
    """The pattern built from the file's entry for it (noted as used), or None."""
    key = (type(source) is bytes, source, flags)
    raw = entries.get(key)
    if raw is not None:
        built = _rebuild(source, flags, raw)
        if built is not None:
            _used.add(key)
            return built
    return None


def _rebuild(source: AnyStr, flags: int, raw: Any) -> re.Pattern[AnyStr] | None:
    """The pattern from a cached entry; None when the entry is not sound."""
    try:
        known, asked, final, code, groups, groupindex, indexgroup = raw
        if (type(known) is type(source) and known == source and asked == flags
                and type(final) is int and final | flags == final and type(code) is bytes
                and type(groups) is int and type(groupindex) is dict
                and type(indexgroup) is tuple and _tables_agree(groups, groupindex, indexgroup)):
            words = array("I")
            words.frombytes(code)
            built: re.Pattern[AnyStr] = _sre.compile(
                source, final, words.tolist(), groups, dict(groupindex), indexgroup)
            return built
    except Exception:  # noqa: BLE001, S110 - code _sre refuses, a wrong shape: compiled anew
        pass
    return None


def _tables_agree(groups: int, groupindex: dict[Any, Any], indexgroup: tuple[Any, ...]) -> bool:
    """The group tables as ``re._compiler`` makes them: one slot per group, each name at
    its group's slot, the other slots None."""
    if len(indexgroup) != groups + 1:
        return False
    names: list[str | None] = [None] * (groups + 1)
    for name, index in groupindex.items():
        if type(name) is not str or type(index) is not int or not 0 < index <= groups:
            return False
        names[index] = name
    return tuple(names) == indexgroup


def _compile(source: AnyStr, flags: int) -> re.Pattern[AnyStr]:
    """Compile with ``re._compiler.compile`` itself, recording what it gives ``_sre``."""
    if flags & ~_CACHED_FLAGS or _entries is _OFF:
        return re.compile(source, flags)
    calls: list[tuple[Any, ...]] = []
    try:
        compiled: re.Pattern[AnyStr] = _recording(calls)(source, flags)
    except Exception:  # noqa: BLE001 - re.compile raises the pattern's own error, if any
        return re.compile(source, flags)
    entry = _entry(source, flags, calls)
    if entry is not None:
        _new[type(source) is bytes, source, flags] = entry
    return compiled


class _Recorder:
    """Stands in for ``_sre`` in a copy of ``re._compiler.compile``: passes every call on
    and keeps the arguments of ``compile``."""

    __slots__ = ("calls",)

    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        self.calls = calls

    def compile(self, *args: Any) -> Any:
        self.calls.append(args)
        return _sre.compile(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)


def _recording(calls: list[tuple[Any, ...]]) -> Any:
    """``re._compiler.compile`` with ``_sre`` read from a :class:`_Recorder` (its globals
    copied: other threads and ``re.compile`` keep the real ones)."""
    import re._compiler as compiler  # type: ignore[import-not-found]  # private: used defensively

    function = _replaced if _replaced is not None else compiler.compile
    names = dict(compiler.__dict__)
    names["_sre"] = _Recorder(calls)
    return FunctionType(function.__code__, names, function.__name__, function.__defaults__)


def _entry(source: str | bytes, flags: int, calls: list[tuple[Any, ...]]) -> Entry | None:
    """What to store of the one ``_sre.compile`` call; None when it is not the expected one."""
    if len(calls) != 1 or len(calls[0]) != 6 or calls[0][0] is not source:
        return None
    _, final, code, groups, groupindex, indexgroup = calls[0]
    try:
        entry: Entry = (source, flags, int(final), array("I", code).tobytes(), int(groups),
                        {str(name): int(index) for name, index in groupindex.items()},
                        tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a code or table of another shape: not cached
        return None
    if not _tables_agree(entry[4], entry[5], entry[6]):
        return None
    return entry


#: ``_entries`` when the cache is off: no entry, and nothing recorded.
_OFF: dict[Any, Any] = {}

#: ``re._compiler.compile`` as ``re`` has it, once :func:`install` has put :func:`_serve`
#: in its place.
_replaced: Any = None


def install() -> None:
    """Have ``re`` compile every pattern through the cache (for the command line's process:
    a library's host keeps its ``re`` as it is).

    The modules a check imports compile some 30 patterns of their own with ``re`` (nine
    for ``platform``, which ``uuid`` imports for click and pydantic; ``tomllib``'s,
    ``gettext``'s, ``textwrap``'s, ``fractions``' and more). :func:`_serve` stands in for
    the function ``re`` calls on a miss of its own cache (``re._compiler.compile``), so
    ``re``'s cache and every function of ``re`` work as before, with the code from the
    file. Nothing happens when ``re`` lacks that function or the cache is off."""
    global _replaced  # noqa: PLW0603 - the one stand-in of the process
    if _replaced is not None or _entries is _OFF:
        return
    compiler = getattr(re, "_compiler", None)
    function = getattr(compiler, "compile", None)
    if type(function) is not FunctionType or function.__code__.co_argcount != 2:
        return
    _replaced = function
    compiler.compile = _serve  # type: ignore[union-attr]


def _serve(source: Any, flags: Any = 0) -> Any:
    """``re._compiler.compile(source, flags)`` from the cached code: what ``re`` compiles
    when its own cache misses. A pattern the cache does not take (flags it leaves alone,
    a parsed pattern, caching off) goes to the function itself; a pattern in error raises
    the error that function raises (it runs it, see :func:`_compile`)."""
    original = _replaced
    if (type(source) not in (str, bytes) or type(flags) is not int
            or flags & ~_CACHED_FLAGS):
        return original(source, flags)
    entries = _entries
    if entries is None:
        entries = _load()
    if entries is _OFF:
        return original(source, flags)
    built = _from_file(source, flags, entries)
    if built is not None:
        return built
    calls: list[tuple[Any, ...]] = []
    compiled = _recording(calls)(source, flags)  # a pattern in error raises here, as re does
    entry = _entry(source, flags, calls)
    if entry is not None:
        _new[type(source) is bytes, source, flags] = entry
    return compiled


def _load() -> dict[Any, Any]:
    """The file's entries, read once per process ({} when there is none or it is unsound;
    ``_OFF`` when caching is off or cannot work here: no home folder, a changed ``_sre``)."""
    global _entries, _file  # noqa: PLW0603 - the one per-process table
    try:
        path = cache_file()
        entries = _OFF if path is None else (_read(path) or {})
    except Exception:  # noqa: BLE001 - the patterns are compiled as without a cache
        path, entries = None, _OFF
    _file = path
    _entries = entries
    return entries


def _interpreter() -> str:
    """What the compiled code depends on: the Python build (its ``re`` and Unicode data),
    the engine's code version and its code unit."""
    return "\0".join(str(part) for part in (
        sys.version, sys.implementation.cache_tag, sys.hexversion, _sre.MAGIC, _sre.CODESIZE,
        _sre.MAXREPEAT, _sre.MAXGROUPS, sys.maxunicode, sys.byteorder, array("I").itemsize))


def cache_file() -> Path | None:
    """This interpreter's file in argmap's cache folder; None when caching is off
    (``ARGMAP_NO_CACHE``) or the interpreter is not CPython (another engine's code)."""
    if (caching_off() or sys.implementation.name != "cpython"
            or array("I").itemsize != _sre.CODESIZE):
        return None
    key = zlib.crc32(_interpreter().encode())
    return user_cache_dir() / f"re-{sys.implementation.cache_tag}-{key:08x}.marshal"


def _read(path: Path) -> dict[Any, Any] | None:
    """The entries of the file, or None when it is missing, foreign, damaged or of another
    interpreter."""
    payload = read_sealed(path, MAGIC, _crc, 4)
    if payload is None:
        return None
    try:
        interpreter, entries = marshal.loads(payload)  # noqa: S302 - our checksummed file
    except Exception:  # noqa: BLE001 - a well-checksummed file of another shape
        return None
    if interpreter != _interpreter() or type(entries) is not dict:
        return None
    return entries


def flush() -> None:
    """Write the entries this process compiled into the file (nothing when there are none),
    and the code of :mod:`argmap._codecache` where the process uses it; never raises: a
    cache that cannot be written only costs the next run the compiles."""
    global _new  # noqa: PLW0603 - taken whole, so an entry is written once
    codes = sys.modules.get("argmap._codecache")
    if codes is not None:
        codes.flush()
    new = _new
    if not new:
        return
    _new = {}
    with contextlib.suppress(Exception):
        if _file is not None:
            _write(_file, new)


def _write(path: Path, new: dict[Key, Entry]) -> None:
    write_merged(path, MAGIC, _interpreter(), new, _read, _used, MAX_ENTRIES, MAX_BYTES)


def write_merged(path: Path, magic: bytes, interpreter: str, new: dict[Any, Any],
                 read: Any, used: set[Any], max_entries: int, max_bytes: int | None) -> None:
    """Merge ``new`` into the sealed file at ``path`` (``magic``, the CRC-32 of the rest,
    the marshalled ``(interpreter, entries)``; ``read`` gives a file's entries or None)
    under a lock, and rename the whole new file into place; over ``max_entries`` entries
    or ``max_bytes`` bytes, only those this process used or made are kept. Nothing is
    written to a folder of another user, whose files would not be read; this cache's and
    :mod:`argmap._codecache`'s."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if hasattr(os, "getuid"):
        if folder.stat().st_uid != os.getuid():
            return  # not our folder: its files would not be read
        folder.chmod(0o700)
    with _locked(folder / f".{path.name}.lock") as locked:
        if not locked:
            return  # held by a run that is not finishing: the next run writes
        entries = read(path) or {}
        entries.update(new)
        payload = marshal.dumps((interpreter, entries))
        if len(entries) > max_entries or (max_bytes is not None and len(payload) > max_bytes):
            kept = {key: entries[key] for key in entries if key in new or key in used}
            payload = marshal.dumps((interpreter, kept))
        _replace(path, magic + _crc(payload) + payload)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path`` and rename it over ``path``, so that a
    reader sees the old file or the new one, whole."""
    temp = path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(6).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[bool]:
    """Hold an exclusive lock on ``path`` (POSIX ``flock``; waits up to 0.5 s, else
    yields False). Temporary files left by a writer killed before its rename are removed
    while it is held: no other writer has one then. Without ``fcntl`` (Windows) nothing is
    locked: the rename still keeps every file whole."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield True
        return
    import time

    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    try:
        for _ in range(50):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                time.sleep(0.01)
        else:
            yield False
            return
        target = path.name.removeprefix(".").removesuffix(".lock")
        for stale in path.parent.glob(f".{target}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        yield True
    finally:
        os.close(fd)


def _crc(payload: bytes) -> bytes:
    """The file's seal: the CRC-32 of its payload, 4 bytes little-endian."""
    return zlib.crc32(payload).to_bytes(4, "little")


def _forget_new() -> None:
    """In a forked child: what the parent compiled is the parent's to write."""
    global _new  # noqa: PLW0603
    _new = {}


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_new)
atexit.register(flush)
