"""Snapshot paths taken apart by strings, not pathlib (rules20): the reader gives what round
nineteen's reader gave, with the same reads recorded, and ``_within`` is
``is_relative_to``.

Round nineteen's :class:`SnapshotReader` and :func:`read_resolved`'s confinement test are
kept here as the oracles; hypothesis builds relative paths from parts that pathlib reads in
its own ways (empty parts, ``.``, ``..``, a leading slash, links, case variants)."""

from __future__ import annotations

import os
from pathlib import Path, PurePath, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import snapshot_reader
from argmap._load.files import _within, overlaid
from argmap._load.snapshot_reader import SnapshotReader, _caseless, _plainly_missing
from argmap._load.snapshots import SnapshotText, read_resolved_snapshot, read_snapshot
from snapshot_reads import reads

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links; the reader's "
                                "shortcut is POSIX-only")


# --- round nineteen's reader, the oracle ---------------------------------------------------

class _OldListing:
    __slots__ = ("folded", "links", "path")

    def __init__(self, path: Path, links: dict[str, bool]) -> None:
        self.path = path
        self.links = links
        self.folded = frozenset(map(_caseless, links))


class OldReader:
    """Round nineteen's SnapshotReader, as it was."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._root: Path | None = None
        self._asked: dict[PurePath, int] = {}
        self._listed: dict[PurePath, _OldListing | None] = {}

    def read(self, relative_path: str) -> SnapshotText | str:
        raw = PurePath(relative_path)
        name = raw.name
        if os.name != "posix" or raw.is_absolute() or name in ("", ".", ".."):
            return self._one(relative_path)
        listing = self._listing(raw.parent)
        if listing is None:
            return self._one(relative_path)
        link = listing.links.get(name)
        if link or (link is None and _caseless(name) in listing.folded):
            return self._one(relative_path)
        root = self._root
        assert root is not None
        path = listing.path / name
        if link is None and not _plainly_missing(path, name):
            return self._one(relative_path)
        if not path.is_relative_to(root):
            return f"snapshot path {relative_path!r} leads outside the map's folder"
        return read_resolved_snapshot(path, root, relative_path, self.max_bytes,
                                      absent=link is None)

    def _one(self, relative_path: str) -> SnapshotText | str:
        return read_snapshot(self.folder, relative_path, self.max_bytes)

    def _listing(self, parent: PurePath) -> _OldListing | None:
        if parent in self._listed:
            return self._listed[parent]
        asked = self._asked[parent] = self._asked.get(parent, 0) + 1
        if asked < snapshot_reader.LIST_AFTER:
            return None
        self._listed[parent] = listing = self._list(parent)
        return listing

    def _list(self, parent: PurePath) -> _OldListing | None:
        try:
            if self._root is None:
                self._root = self.folder.resolve()
            path = (self._root / parent).resolve()
            if not os.access(path, os.X_OK):
                return None
            links: dict[str, bool] = {}
            with os.scandir(path) as entries:
                for entry in entries:
                    if len(links) >= snapshot_reader.MAX_LISTED:
                        return None
                    links[entry.name] = entry.is_symlink()
        except (OSError, RuntimeError, ValueError):
            return None
        return _OldListing(path, links)


# --- the folder ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("reader20")
    (base / "outside.txt").write_text("outside", encoding="utf-8")
    root = base / "map"
    (root / "s" / "sub").mkdir(parents=True)
    (root / "s" / "a.txt").write_text("alpha", encoding="utf-8")
    (root / "s" / "a.txt.json").write_text('{"pages": ["i"]}', encoding="utf-8")
    (root / "s" / "b.txt").write_bytes(b"\xef\xbb\xbfbravo")
    (root / "s" / "sub" / "c.txt").write_text("charlie", encoding="utf-8")
    (root / "s" / "link.txt").symlink_to("a.txt")
    (root / "s" / "out.txt").symlink_to(base / "outside.txt")
    (root / "l").symlink_to("s")
    (root / "up").symlink_to("..")  # a listed folder outside the map's
    (root / "top.txt").write_text("top", encoding="utf-8")
    (root / "big.txt").write_text("x" * 200, encoding="utf-8")
    return root


#: Parts of the relative paths the test builds.
PARTS = ["s", "sub", "l", "up", "map", "a.txt", "a.txt.json", "b.txt", "c.txt", "A.TXT",
         "link.txt", "out.txt", "outside.txt", "top.txt", "big.txt", "missing.txt", "", ".",
         "..", "n\0ul", "\ud800", "x" * 300]

relative_paths = st.one_of(
    st.lists(st.sampled_from(PARTS), min_size=1, max_size=4).map("/".join),
    st.sampled_from(["", "/", "//s/a.txt", "/etc/hostname", "s/", "s//a.txt", "./s/a.txt",
                     "s/a.txt/.", "../map/s/a.txt", "up/map/s/a.txt", "up/outside.txt",
                     "..", "up/map", "s/" + "/".join(["d"] * 600)]),
)


@settings(max_examples=150, deadline=None)
@given(paths=st.lists(relative_paths, max_size=30), list_after=st.sampled_from([1, 2, 8]),
       max_bytes=st.sampled_from([100, 1 << 20]))
def test_the_reader_reads_what_round_nineteens_read(
    folder: Path, paths: list[str], list_after: int, max_bytes: int
) -> None:
    old_list_after = snapshot_reader.LIST_AFTER
    snapshot_reader.LIST_AFTER = list_after
    try:
        new = reads(SnapshotReader(folder, max_bytes).read, paths)
        old = reads(OldReader(folder, max_bytes).read, paths)
    finally:
        snapshot_reader.LIST_AFTER = old_list_after
    assert new == old


def test_a_folder_listed_outside_the_maps_is_refused_as_before(folder: Path) -> None:
    reader, old = SnapshotReader(folder, 1 << 20), OldReader(folder, 1 << 20)
    paths = ["up/outside.txt"] * (snapshot_reader.LIST_AFTER + 1) + ["up/map"]
    assert reads(reader.read, paths) == reads(old.read, paths)
    assert reader.read("up/outside.txt") == (
        "snapshot path 'up/outside.txt' leads outside the map's folder")


def test_a_benchmark_maps_snapshots_read_alike() -> None:
    root = Path("/tmp/argmap-bench/maps/1000/yaml")
    if not (root / "snapshots").is_dir():
        pytest.skip("no benchmark map here")
    names = sorted(p.name for p in (root / "snapshots").iterdir())[:40]
    paths = [f"snapshots/{name}{end}" for name in names for end in ("", ".json")]
    new = reads(SnapshotReader(root, 1 << 24).read, paths)
    assert new == reads(OldReader(root, 1 << 24).read, paths)
    assert all(isinstance(text, SnapshotText) for text in new[0][::2])


def test_an_overlaid_sidecar_is_still_read(folder: Path) -> None:
    reader = SnapshotReader(folder, 1 << 20)
    for _ in range(snapshot_reader.LIST_AFTER):
        reader.read("s/a.txt")
    sidecar = (folder / "s" / "b.txt.json").resolve()
    assert reader.read("s/b.txt.json") == "snapshot file 's/b.txt.json' does not exist"
    with overlaid({sidecar: b'{"pages": ["1"]}'}):
        found = reader.read("s/b.txt.json")
    assert isinstance(found, SnapshotText)
    assert found.text == '{"pages": ["1"]}'


# --- the confinement test ------------------------------------------------------------------

path_texts = st.lists(st.sampled_from(["", "a", "b", "ab", ".", "..", "a.txt", "/"]),
                      max_size=5).map("/".join)


@settings(max_examples=500, deadline=None)
@given(target=path_texts, inside=path_texts,
       roots=st.sampled_from(["/", "//", "///", ""]))
def test_within_is_is_relative_to(target: str, inside: str, roots: str) -> None:
    for t, i in ((roots + target, roots + inside), (roots + target, "/" + inside),
                 ("/" + target, roots + inside), (roots + inside + "/" + target, roots + inside)):
        t_path, i_path = Path(t), Path(i)
        assert _within(t_path, i_path) == PurePosixPath(t).is_relative_to(i), (t, i)


def test_within_takes_a_root_and_its_double_slash_form_apart() -> None:
    assert not _within(Path("//a"), Path("/"))
    assert _within(Path("/a"), Path("/"))
    assert _within(Path("/x/y"), Path("/x"))
    assert not _within(Path("/xy"), Path("/x"))
    assert not _within(Path("/x"), Path("/x/y"))
