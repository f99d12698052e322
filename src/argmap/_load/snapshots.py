"""Reading a source's text snapshot: confined to the map's folder, bounded, UTF-8, fingerprinted.

A snapshot path comes from the map, so it is untrusted: it may not be absolute nor lead out
of the map's folder (through ``..`` or a symbolic link), and the file must be a regular file
of at most ``max_snapshot_bytes`` (``--max-snapshot-size``): snapshots are read whole, and a
500 MB file, a device or a FIFO would exhaust memory or block. The read itself goes through
:func:`~argmap._load.files.read_resolved`, as every file argmap reads does.
"""

from __future__ import annotations

from pathlib import Path

from argmap._load.digest import sha256_hex
from argmap._load.files import FileRefusedError, read_resolved
from argmap._load.limits import DEFAULT_LIMITS
from argmap._record import record

__all__ = ["SnapshotText", "read_resolved_snapshot", "read_snapshot"]


@record
class SnapshotText:
    """A snapshot file's text as read for a run, and the SHA-256 of its bytes."""

    path: Path
    text: str
    sha256: str


def read_snapshot(
    folder: Path, relative_path: str, max_bytes: int = DEFAULT_LIMITS.max_snapshot_bytes
) -> SnapshotText | str:
    """The snapshot at ``relative_path`` under ``folder``, or why it cannot be read.

    The reason names the path as the map wrote it and never quotes the file.
    """
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
    return read_resolved_snapshot(path, folder, relative_path, max_bytes)


def read_resolved_snapshot(
    path: Path, folder: Path, relative_path: str, max_bytes: int, *, absent: bool = False
) -> SnapshotText | str:
    """:func:`read_snapshot` from the point where the snapshot's path and the map's folder
    are resolved and the path is known to lie inside the folder (``absent``: see
    :func:`~argmap._load.files.read_resolved`)."""
    try:
        data = read_resolved(path, limit=max_bytes, inside=folder, absent=absent)
    except FileRefusedError as exc:
        if exc.kind == "missing":
            return f"snapshot file {relative_path!r} does not exist"
        if exc.kind == "outside":
            return f"snapshot path {relative_path!r} leads outside the map's folder"
        if exc.kind == "too-big":
            size = f"{exc.size:,} bytes" if exc.size is not None else "larger"
            return (
                f"snapshot file {relative_path!r} is {size}, over the limit of {max_bytes:,} "
                "bytes (--max-snapshot-size)"
            )
        return f"snapshot file {relative_path!r} cannot be read: {exc.reason}"
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return f"snapshot file {relative_path!r} is not UTF-8 text"
    return SnapshotText(path, text, sha256_hex(data))
