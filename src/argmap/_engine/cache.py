"""A cache of check results per map, ruff-style, so a re-check of an unchanged map is instant.

An entry is found by a key made of everything the result depends on but the files: argmap's
own code (a digest of its source files, not only its version), the Python version, the map
path as given and the working folder (findings show paths as given), the configuration
(rule selection, options, severities) and the load limits. It is valid while every file the
check read still has the content it had (compared by digest), every file it looked for and
did not find is still absent, and the map's folder holds the same names (a new
``sources.yaml`` changes the map).

Entries live in the user's cache folder (:func:`argmap._cachedir.user_cache_dir`), never in
the repository, so a pull request cannot plant a result. They are read like any input: size
capped, parsed as JSON (never unpickled), every field checked; an entry that fails any check
is ignored and written anew. Writes go to a temporary file renamed into place, so a
concurrent run sees the old entry or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from argmap._engine.config import Config
from argmap._engine.outcome import MapOutcome
from argmap._findings import Edit, Finding, Fix, Location, Related, Severity
from argmap._load.digest import blake2b
from argmap._load.files import FileRefusedError, content_digest, read_bytes
from argmap._load.limits import Limits

__all__ = ["CheckCache", "code_fingerprint"]

#: Bumped when the entry format changes; older entries are then simply not found.
FORMAT = 2
#: The largest entry read back (an entry holds findings and quoted lines, not the map).
MAX_ENTRY_BYTES = 256 * 1024 * 1024
_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_fingerprint() -> str:
    """A digest of argmap's own files, so an edited checkout never reuses an old result."""
    digest = blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".json", ".gz", ".txt"} and path.is_file():
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes())
    return str(digest.hexdigest())


def _canonical(value: Any) -> Any:
    """A JSON-able form of configuration values whose text does not depend on hash order."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in sorted(value.items(), key=str)}
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


class _CorruptError(Exception):
    """An entry that is not what this module writes."""


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise _CorruptError
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _CorruptError
    return value


def _opt_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _list(value: Any, length: int | None = None) -> list[Any]:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise _CorruptError
    return value


def _encode_location(location: Location | None) -> list[Any] | None:
    if location is None:
        return None
    return [location.file, location.line, location.column, location.end_line,
            location.end_column]


def _decode_location(value: Any) -> Location | None:
    if value is None:
        return None
    file, line, column, end_line, end_column = _list(value, 5)
    return Location(_str(file), _int(line), _int(column), _opt_int(end_line),
                    _opt_int(end_column))


def _encode_finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": int(finding.severity),
        "message": finding.message,
        "location": _encode_location(finding.location),
        "hint": finding.hint,
        "node": finding.node,
        "target": finding.target,
        "related": [[r.message, _encode_location(r.location), r.node] for r in finding.related],
        "suppressed": finding.suppressed,
        "data": finding.data,
        "fix": _encode_fix(finding.fix),
    }


def _encode_fix(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {"title": fix.title, "safe": fix.safe,
            "edits": [[e.op, list(e.path), e.value, e.file, e.key] for e in fix.edits]}


def _decode_fix(value: Any) -> Fix | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("safe"), bool):
        raise _CorruptError
    edits = []
    for item in _list(value["edits"]):
        op, path, data, file, key = _list(item, 5)
        steps = tuple(step if isinstance(step, int) and not isinstance(step, bool) else
                      _str(step) for step in _list(path))
        edits.append(Edit(_str(op), steps, data, _str(file), _opt_str(key)))
    return Fix(_str(value["title"]), tuple(edits), value["safe"])


def _decode_finding(value: Any) -> Finding:
    if not isinstance(value, dict):
        raise _CorruptError
    try:
        severity = Severity(_int(value["severity"]))
        related = []
        for item in _list(value["related"]):
            message, location, node = _list(item, 3)
            related.append(Related(_str(message), _decode_location(location), _opt_str(node)))
        data = value["data"]
        if not isinstance(data, dict):
            raise _CorruptError
        return Finding(
            code=_str(value["code"]),
            rule=_str(value["rule"]),
            severity=severity,
            message=_str(value["message"]),
            location=_decode_location(value["location"]),
            hint=_opt_str(value["hint"]),
            node=_opt_str(value["node"]),
            target=_opt_str(value["target"]),
            related=tuple(related),
            suppressed=_opt_str(value["suppressed"]),
            data=data,
            fix=_decode_fix(value["fix"]),
        )
    except (KeyError, ValueError) as exc:
        raise _CorruptError from exc


def _listing(folder: Path) -> str:
    """A digest of the names in a map's folder (a new sources file changes the map)."""
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return ""
    return content_digest("\0".join(names).encode("utf-8", "surrogateescape"))


class CheckCache:
    """Check results per map, in ``folder`` (by default the user's cache folder)."""

    def __init__(self, folder: Path, config: Config, limits: Limits) -> None:
        self.folder = folder / "check" / code_fingerprint()
        self._base = folder / "check"
        self._context = json.dumps(
            [FORMAT, str(Path.cwd()), _canonical(config), _canonical(limits)],
            sort_keys=True, default=repr,
        )
        self._read_limit = max(limits.max_file_bytes, limits.max_snapshot_bytes)

    def _key(self, map_file: Path, inside: Path | None) -> str:
        text = json.dumps([self._context, str(map_file), str(inside) if inside else None])
        return content_digest(text.encode("utf-8", "surrogateescape"))

    def _entry(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, map_file: Path, inside: Path | None) -> MapOutcome | None:
        """The cached outcome of this map, if one is stored and every input is unchanged."""
        key = self._key(map_file, inside)
        try:
            raw = read_bytes(self._entry(key), limit=MAX_ENTRY_BYTES)
        except FileRefusedError:
            return None
        try:
            return self._decode(json.loads(raw), key, map_file)
        except (_CorruptError, ValueError, RecursionError):
            return None

    def _decode(self, entry: Any, key: str, map_file: Path) -> MapOutcome | None:
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            raise _CorruptError
        if entry.get("key") != key:
            raise _CorruptError
        inputs = entry["inputs"]
        if not isinstance(inputs, dict):
            raise _CorruptError
        if _str(entry["listing"]) != _listing(map_file.parent):
            return None
        for path, digest in inputs.items():
            if not self._unchanged(_str(path), _opt_str(digest)):
                return None
        lines: dict[str, dict[int, str]] = {}
        for item in _list(entry["lines"]):
            file, line, text = _list(item, 3)
            lines.setdefault(_str(file), {})[_int(line)] = _str(text)
        unreadable = entry["unreadable"]
        if not isinstance(unreadable, bool):
            raise _CorruptError
        return MapOutcome(
            file=_str(entry["file"]),
            findings=tuple(_decode_finding(item) for item in _list(entry["findings"])),
            unreadable=unreadable,
            lines=lines,
            inputs=inputs,
            cacheable=True,
        )

    def _unchanged(self, path: str, digest: str | None) -> bool:
        if digest is None:
            return not os.path.lexists(path)
        try:
            return content_digest(read_bytes(path, limit=self._read_limit)) == digest
        except FileRefusedError:
            return False

    def put(self, map_file: Path, inside: Path | None, outcome: MapOutcome) -> None:
        """Store an outcome; a result that cannot be stored faithfully is not stored."""
        if not outcome.cacheable:
            return
        key = self._key(map_file, inside)
        entry = {
            "format": FORMAT,
            "key": key,
            "file": outcome.file,
            "listing": _listing(map_file.parent),
            "inputs": dict(outcome.inputs),
            "unreadable": outcome.unreadable,
            "findings": [_encode_finding(finding) for finding in outcome.findings],
            "lines": [[file, line, text] for file, by_line in sorted(outcome.lines.items())
                      for line, text in sorted(by_line.items())],
        }
        try:
            text = json.dumps(entry, allow_nan=False)  # key order kept: reports show it
        except (TypeError, ValueError):
            return  # a finding's data that JSON cannot hold: not cached rather than altered
        if json.loads(text)["findings"] != entry["findings"]:
            return  # data JSON would change (tuples, non-string keys): not cached
        self._write(self._entry(key), text.encode("ascii"))

    def _write(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` by renaming a finished temporary file over it."""
        fresh = not self.folder.exists()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entry-")
        except OSError:
            return  # no writable cache folder: run without a cache
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(temporary).replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            return
        if fresh:
            self._prune()

    def _prune(self) -> None:
        """Remove the entries of other argmap code: they can never match again here."""
        import shutil

        try:
            others = [p for p in self._base.iterdir() if p.is_dir() and p != self.folder]
        except OSError:
            return
        for other in others:
            shutil.rmtree(other, ignore_errors=True)
