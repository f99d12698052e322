"""SnapshotReader: many snapshot reads with each folder resolved and listed once, giving what
read_snapshot gives, with the same reads recorded (the result cache keys on them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import snapshot_reader
from argmap._load.files import overlaid, recording
from argmap._load.snapshot_reader import SnapshotReader
from argmap._load.snapshots import SnapshotText, read_snapshot
from snapshot_reads import reads

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links; the reader's "
                                "shortcut is POSIX-only")

#: Relative paths a map may write: files, missing ones, sidecars, links, case variants,
#: folders, ``..`` and ``.``, paths out of the map's folder.
PATHS = [
    "s/a.txt", "s/a.txt.json", "s/b.txt", "s/b.txt.json", "s/A.txt", "s/missing.txt",
    "s/link.txt", "s/link.txt.json", "s/out.txt", "s/dangling.txt", "s/sub", "s/sub/c.txt",
    "s/sub/../a.txt", "s/./b.txt", "s//b.txt", "l/a.txt", "l/a.txt.json", "l/nothing.json",
    "nodir/x.txt", "s/a.txt/x", "../outside.txt", "/etc/hostname", "", ".", "s/..", "s/.",
    "big.txt", "latin1.txt", "s/caf\u00e9.txt", "s/cafe\u0301.txt", "s/CAF\u00c9.TXT",
    "s/empty.txt", "s/fifo", "s/" + "n" * 300, "s/nul\0.txt", "s/\ud800.txt",
    "s/" + "/".join(["x"] * 600) + ".txt", "s/" + "d/" * 300,
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("reader")
    (base / "outside.txt").write_text("outside", encoding="utf-8")
    root = base / "map"
    (root / "s" / "sub").mkdir(parents=True)
    (root / "s" / "a.txt").write_text("alpha\fbeta", encoding="utf-8")
    (root / "s" / "a.txt.json").write_text('{"pages": ["i", "ii"]}', encoding="utf-8")
    (root / "s" / "b.txt").write_bytes(b"\xef\xbb\xbfbravo")
    (root / "s" / "sub" / "c.txt").write_text("charlie", encoding="utf-8")
    (root / "s" / "caf\u00e9.txt").write_text("caf\u00e9", encoding="utf-8")
    (root / "s" / "empty.txt").write_bytes(b"")
    (root / "s" / "link.txt").symlink_to("a.txt")
    (root / "s" / "out.txt").symlink_to(base / "outside.txt")
    (root / "s" / "dangling.txt").symlink_to("nowhere.txt")
    (root / "l").symlink_to("s")
    (root / "big.txt").write_text("x" * 200, encoding="utf-8")
    (root / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    os.mkfifo(root / "s" / "fifo")
    return root


@settings(max_examples=60, deadline=None)
@given(paths=st.lists(st.sampled_from(PATHS), max_size=40),
       list_after=st.sampled_from([1, 2, 8]), max_bytes=st.sampled_from([100, 1 << 20]))
def test_the_reader_reads_what_read_snapshotreads(
    folder: Path, paths: list[str], list_after: int, max_bytes: int
) -> None:
    old_list_after = snapshot_reader.LIST_AFTER
    snapshot_reader.LIST_AFTER = list_after
    try:
        reader = SnapshotReader(folder, max_bytes)
        new = reads(reader.read, paths)
    finally:
        snapshot_reader.LIST_AFTER = old_list_after
    old = reads(lambda path: read_snapshot(folder, path, max_bytes), paths)
    assert new == old


def test_a_missing_sidecar_is_recorded_and_an_overlaid_one_is_read(folder: Path) -> None:
    reader = SnapshotReader(folder, 1 << 20)
    for _ in range(snapshot_reader.LIST_AFTER):  # the folder is listed from now on
        reader.read("s/a.txt")
    sidecar = (folder / "s" / "b.txt.json").resolve()
    with recording() as log:
        assert reader.read("s/b.txt.json") == "snapshot file 's/b.txt.json' does not exist"
    assert sidecar in log.asked
    assert sidecar not in log.passed
    with overlaid({sidecar: b'{"pages": ["1"]}'}):
        found = reader.read("s/b.txt.json")
    assert isinstance(found, SnapshotText)
    assert found.text == '{"pages": ["1"]}'


def test_names_a_case_insensitive_file_system_may_confuse_share_a_caseless_form() -> None:
    caseless = snapshot_reader._caseless  # noqa: SLF001 - the guard itself is under test
    assert caseless("CAF\u00c9.TXT") == caseless("cafe\u0301.txt") == caseless("caf\u00e9.txt")
    assert caseless("\ufb01le.txt") == caseless("FILE.txt")
    assert caseless("a.txt") != caseless("b.txt")
