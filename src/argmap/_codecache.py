"""Python source that the imports compile as they run, its code kept on disk between runs.

The modules a check imports compile source text while they run: ``typing.ForwardRef``
compiles each string annotation it is given (783 of them in a check of the paper's map, 710
for pydantic's and pydantic-core's typed dictionaries), ``dataclasses`` each method it writes
(213 ``exec`` calls), ``collections.namedtuple`` each ``__new__`` (31 ``eval`` calls): 158 M of
the paper's 1,024 M instructions under callgrind, parsing and compiling the same texts on
every run. As Python keeps a module's bytecode in ``__pycache__``, argmap keeps the code of
each of those texts in one file of the user's cache folder, ``code-<tag>-<key>.marshal``
(:mod:`argmap._recache` keeps the regular expressions' the same way), and the command line
(:func:`install`) has those three modules read it: ``compile``, ``exec`` and ``eval`` names
in their globals (where the builtins are found only after them) that take the code from
the file and compile, as the builtins do, what it lacks.

A code object is what ``compile`` makes of its text, file name and mode; the file's key is
what that depends on (the Python build, its bytecode magic number, the optimisation level),
its first line a magic line, then the CRC-32 of the rest, so a damaged file is not read;
each entry's key is its whole text, file name and mode, so no text gets another's code.
A file of the user's own folder with planted code would run, as a planted ``.pyc`` would;
a file another user could have written is not read (:func:`argmap._cachedir.read_sealed`).
Writes are :mod:`argmap._recache`'s: once per process, at its end (its ``flush`` writes
both files), merged under a lock and renamed into place. ``ARGMAP_NO_CACHE=1`` turns this
cache off as it does the others.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
import zlib
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from argmap._cachedir import caching_off, read_sealed, user_cache_dir

__all__ = ["MAGIC", "cache_file", "cached_compile", "flush", "install"]

#: First bytes of the file, then the CRC-32 of the rest (4 bytes, little-endian), then the
#: marshalled ``(interpreter key, {(text, file name, mode): code})``.
MAGIC = b"argmap-code-1\n"

#: Above this many entries, a write keeps only the entries its process used or made (a
#: check compiles about 500 texts; a program that builds classes as it runs adds more).
MAX_ENTRIES = 4_000

Key = tuple[str, str, str] | tuple[str, str, str, int]  # text, file name, mode[, flags]

_codes: dict[Any, Any] | None = None  # the file's entries, read at the first compile
_file: Path | None = None  # the file they were read from, where this process writes
_new: dict[Key, CodeType] = {}  # compiled by this process, not yet written
_used: set[Key] = set()  # read from the file by this process
_OFF: dict[Any, Any] = {}  # ``_codes`` when the cache is off

_compile = builtins.compile
_exec = builtins.exec
_eval = builtins.eval


def cached_compile(source: str, filename: str, mode: str, flags: int = 0) -> CodeType:
    """``compile(source, filename, mode, flags, True)`` (the ``__future__`` flags given, none
    inherited: none for the modules :func:`install` serves), from the file when it holds it."""
    codes = _codes
    if codes is None:
        codes = _load()
    key = (source, filename, mode) if not flags else (source, filename, mode, flags)
    found = codes.get(key)
    if type(found) is CodeType:
        if codes is not _OFF:
            _used.add(key)
        return found
    code: CodeType = _compile(source, filename, mode, flags, True)
    if codes is not _OFF:
        _new[key] = code
        codes[key] = code  # a second compile of the text in this process reads it
    return code


def _cached_exec(source: Any, globals: Any = None, locals: Any = None, /, **options: Any) -> Any:
    """``exec`` for ``dataclasses``, which runs each method's text with its globals."""
    if type(source) is str and globals is not None and not options:
        return _exec(cached_compile(source, "<string>", "exec"), globals, locals)
    if globals is None:  # never so in dataclasses: the caller's namespaces, as exec reads them
        frame = sys._getframe(1)  # noqa: SLF001
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    return _exec(source, globals, locals, **options)


def _cached_eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """``eval`` for ``collections``, which evaluates each named tuple's ``__new__``: ``eval``
    skips the spaces and tabs a text starts with."""
    if type(source) is str and globals is not None:
        return _eval(cached_compile(source.lstrip(" \t"), "<string>", "eval"), globals, locals)
    if globals is None:  # never so in collections: the caller's namespaces, as eval reads them
        frame = sys._getframe(1)  # noqa: SLF001
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    return _eval(source, globals, locals)


def _typing_compile(source: Any, filename: Any, mode: Any, *rest: Any, **options: Any) -> Any:
    """``compile`` for ``typing``, whose ``ForwardRef`` compiles each annotation's text."""
    if (type(source) is str and type(filename) is str and type(mode) is str and not rest
            and not options):
        return cached_compile(source, filename, mode)
    return _compile(source, filename, mode, *rest, **options)


#: module -> the name in its globals and what it stands for there; in this order, each
#: served before the next is imported (``dataclasses`` imports ``inspect``, ``dis`` and
#: ``tokenize``, whose named tuples ``collections`` then reads from the cache).
_SERVED: tuple[tuple[str, str, Any], ...] = (
    ("collections", "eval", _cached_eval),
    ("typing", "compile", _typing_compile),
    ("dataclasses", "exec", _cached_exec),
)


def install() -> None:
    """Have ``typing``, ``dataclasses`` and ``collections`` compile through the cache (for
    the command line's process: a library's host keeps its modules as they are). Their
    ``__future__`` flags are none, so compiling without inherited flags is what the
    builtins do for them; a module that already has a global of that name is left alone."""
    if _codes is _OFF:
        return
    for module_name, name, function in _SERVED:
        module = sys.modules.get(module_name)
        if module is None:
            module = __import__(module_name)
        if isinstance(module, ModuleType) and name not in vars(module):
            setattr(module, name, function)


def _interpreter() -> str:
    """What the code depends on: the Python build, its bytecode, the optimisation level."""
    import _frozen_importlib_external  # the import system's own module

    return "\0".join(str(part) for part in (
        sys.version, sys.implementation.cache_tag, sys.hexversion,
        _frozen_importlib_external.MAGIC_NUMBER, sys.flags.optimize))


def cache_file() -> Path | None:
    """This interpreter's file in argmap's cache folder; None when caching is off
    (``ARGMAP_NO_CACHE``) or the interpreter is not CPython (another compiler's code)."""
    if caching_off() or sys.implementation.name != "cpython":
        return None
    key = zlib.crc32(_interpreter().encode())
    return user_cache_dir() / f"code-{sys.implementation.cache_tag}-{key:08x}.marshal"


def _load() -> dict[Any, Any]:
    """The file's entries, read once per process ({} when there is none or it is unsound;
    ``_OFF`` when caching is off). It imports nothing: the first text may be compiled while
    a module is half imported (``pathlib``'s named tuples), so the modules it reads with are
    imported with this one."""
    global _codes, _file  # noqa: PLW0603 - the one per-process table
    _codes = {}  # what the reading itself compiles (its imports' named tuples) meanwhile
    try:
        path = cache_file()
        codes = _OFF if path is None else (_read(path) or {})
    except Exception:  # noqa: BLE001 - the texts are compiled as without a cache
        path, codes = None, _OFF
    _file = path
    _codes = codes
    return codes


def _read(path: Path) -> dict[Any, Any] | None:
    """The entries of the file whose key is their own text, or None when the file is
    missing, foreign, damaged or of another interpreter. (:mod:`argmap._recache` reads its
    file with the same steps; this one does not import it, see :func:`_load`.)"""
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
    """Write the code this process compiled into the file (nothing when there is none);
    never raises: a cache that cannot be written only costs the next run the compiles."""
    global _new  # noqa: PLW0603 - taken whole, so an entry is written once
    new = _new
    if not new:
        return
    _new = {}
    try:
        if _file is not None:
            _write(_file, new)
    except Exception:  # noqa: BLE001, S110 - the next run compiles them again
        pass


def _write(path: Path, new: dict[Key, CodeType]) -> None:
    from argmap._recache import write_merged

    write_merged(path, MAGIC, _interpreter(), new, _read, _used, MAX_ENTRIES, None)


def _crc(payload: bytes) -> bytes:
    """The file's seal: the CRC-32 of its payload, 4 bytes little-endian (as
    :mod:`argmap._recache`'s, which writes it)."""
    return zlib.crc32(payload).to_bytes(4, "little")


def _forget_new() -> None:
    """In a forked child: what the parent compiled is the parent's to write."""
    global _new  # noqa: PLW0603
    _new = {}


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_new)
