"""Reading a source's text snapshot: confined to the map's folder, UTF-8, fingerprinted.

A snapshot path comes from the map, so it is untrusted: it may not be absolute nor lead out
of the map's folder (through ``..`` or a symbolic link). Every file argmap reads is read by
the load layer; this module is where limits on snapshot files belong.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SnapshotText", "read_snapshot"]


@dataclass(frozen=True, slots=True)
class SnapshotText:
    """A snapshot file's text as read for a run, and the SHA-256 of its bytes."""

    path: Path
    text: str
    sha256: str


def read_snapshot(folder: Path, relative_path: str) -> SnapshotText | str:
    """The snapshot at ``relative_path`` under ``folder``, or why it cannot be read."""
    folder = folder.resolve()
    raw = Path(relative_path)
    if raw.is_absolute():
        return f"snapshot path {relative_path!r} is absolute"
    try:
        path = (folder / raw).resolve()
    except (OSError, RuntimeError) as exc:
        return f"snapshot path {relative_path!r} cannot be resolved: {exc}"
    if not path.is_relative_to(folder):
        return f"snapshot path {relative_path!r} leads outside the map's folder"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return f"snapshot file {relative_path!r} does not exist"
    except OSError as exc:
        return f"snapshot file {relative_path!r} cannot be read: {exc.strerror}"
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return f"snapshot file {relative_path!r} is not UTF-8 text"
    return SnapshotText(path, text, hashlib.sha256(data).hexdigest())
