"""Many snapshot reads from one map folder: each folder resolved and listed once, not per file.

:func:`~argmap._load.snapshots.read_snapshot` resolves the map's folder and the snapshot's
path (a system call per path component) for every file, and a check of a large map reads
hundreds of snapshots and as many page sidecars, most of which do not exist (0.1 ms each at
10,000 claims, a third of AM416). :class:`SnapshotReader` gives the same answers and records
the same reads: it resolves the map's folder once and, once a folder of snapshots has been
read from :data:`LIST_AFTER` times, lists it once. A file in a listed folder that is neither
there nor a symbolic link resolves to the resolved folder plus its name, as
:func:`os.path.realpath` would find it; a name that is not listed is missing, with no
``stat`` (an overlaid file still counts, and the read is still recorded, so a cache sees a
sidecar added later). Anything else (a symbolic link, a name that a case- or
normalisation-insensitive file system could take for a listed one, a name a ``stat`` would
refuse otherwise, a folder that cannot be listed, a system other than POSIX) takes
:func:`~argmap._load.snapshots.read_snapshot`.

A reader keeps what it listed for its lifetime: make one per check (the map's index does).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path, PurePath

from argmap._load.snapshots import SnapshotText, read_resolved_snapshot, read_snapshot

__all__ = ["LIST_AFTER", "MAX_LISTED", "SnapshotReader"]

#: Reads from one folder before it is listed: a map of a few snapshots lists nothing.
LIST_AFTER = 8
#: A folder of more entries than this is not listed (its listing would cost more than it
#: saves); its files are read one by one, as before.
MAX_LISTED = 1 << 15


class _Listing:
    """A folder, resolved, and the names in it: name -> whether it is a symbolic link.
    ``inside``: the folder lies in the map's (resolved) folder, and so does each file in it."""

    __slots__ = ("folded", "inside", "links", "path")

    def __init__(self, path: Path, links: dict[str, bool], root: Path) -> None:
        self.path = path
        self.links = links
        self.folded = frozenset(map(_caseless, links))
        self.inside = path.is_relative_to(root)


def _plain_parts(relative_path: str) -> tuple[str, str] | None:
    """``(name, parent)`` of a relative POSIX path with no empty or ``.`` part, as
    ``PurePosixPath`` gives them (``parent`` as its string: ``.`` for a bare name), where
    parsing it into a path cost about 12 µs a read; None for any other path."""
    parts = relative_path.split("/")
    if "" in parts or "." in parts:  # also a path that is empty or starts with "/"
        return None
    name = parts[-1]
    return name, relative_path[:-len(name) - 1] or "."


def _caseless(name: str) -> str:
    """Unicode's compatibility caseless form: names a case- or normalisation-insensitive
    file system may take for one another share it."""
    nfkd = unicodedata.normalize
    return nfkd("NFKD", nfkd("NFKD", nfkd("NFD", name).casefold()).casefold())


def _plainly_missing(path: Path, name: str) -> bool:
    """Would a ``stat`` of ``path`` (its name not listed in its folder) say only "no such
    file"? Not for a name the system cannot take (a NUL, an unencodable character), nor one
    too long, which fail otherwise."""
    try:
        encoded = os.fsencode(name)
        whole = os.fsencode(path)
    except ValueError:  # UnicodeEncodeError
        return False
    return b"\0" not in whole and len(encoded) <= _NAME_MAX and len(whole) < _PATH_MAX


_NAME_MAX = 255  # bytes of one name (Linux, macOS, the BSDs)
_PATH_MAX = 1024  # bytes of a whole path: macOS's limit, below Linux's 4096


class SnapshotReader:
    """:func:`~argmap._load.snapshots.read_snapshot` for many files of one map folder."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._root: Path | None = None
        # folder (as the map writes it, the string of its PurePath) -> reads
        self._asked: dict[str, int] = {}
        self._listed: dict[str, _Listing | None] = {}  # None: read file by file

    def read(self, relative_path: str) -> SnapshotText | str:
        """The snapshot at ``relative_path``, or why it cannot be read: what
        :func:`~argmap._load.snapshots.read_snapshot` says, with the same reads recorded."""
        if os.name != "posix":
            return self._one(relative_path)
        plain = _plain_parts(relative_path)
        if plain is None:
            raw = PurePath(relative_path)
            name = raw.name
            if raw.is_absolute() or name in ("", ".", ".."):
                return self._one(relative_path)
            parent = str(raw.parent)
        else:
            name, parent = plain
            if name == "..":
                return self._one(relative_path)
        listing = self._listing(parent)
        if listing is None:
            return self._one(relative_path)
        link = listing.links.get(name)
        if link or (link is None and _caseless(name) in listing.folded):
            return self._one(relative_path)
        root = self._root
        assert root is not None  # noqa: S101 - a listing exists only once the root resolved
        path = listing.path / name
        if link is None and not _plainly_missing(path, name):
            return self._one(relative_path)
        if not (listing.inside or path.is_relative_to(root)):
            return f"snapshot path {relative_path!r} leads outside the map's folder"
        return read_resolved_snapshot(path, root, relative_path, self.max_bytes,
                                      absent=link is None)

    def _one(self, relative_path: str) -> SnapshotText | str:
        return read_snapshot(self.folder, relative_path, self.max_bytes)

    def _listing(self, parent: str) -> _Listing | None:
        """The folder ``parent`` (relative to the map's) listed, once it has been asked for
        :data:`LIST_AFTER` times; None before, and when it cannot be."""
        if parent in self._listed:
            return self._listed[parent]
        asked = self._asked[parent] = self._asked.get(parent, 0) + 1
        if asked < LIST_AFTER:
            return None
        self._listed[parent] = listing = self._list(parent)
        return listing

    def _list(self, parent: str) -> _Listing | None:
        try:
            root = self._root
            if root is None:
                root = self._root = self.folder.resolve()
            path = (root / parent).resolve()
            if not os.access(path, os.X_OK):  # listable but not searchable: stat would fail
                return None
            links: dict[str, bool] = {}
            with os.scandir(path) as entries:
                for entry in entries:
                    if len(links) >= MAX_LISTED:
                        return None
                    links[entry.name] = entry.is_symlink()
        except (OSError, RuntimeError, ValueError):
            return None
        return _Listing(path, links, root)
