"""The read layer (``argmap._load.files``): every input is a regular file, size-capped, and
a file found from a map stays inside its folder; refusals never quote the file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap._load.files import FileRefusedError, read_bytes, recording

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system features")


def _refusal(path: Path | str, **kwargs: object) -> FileRefusedError:
    with pytest.raises(FileRefusedError) as caught:
        read_bytes(path, limit=kwargs.pop("limit", 1000), **kwargs)  # type: ignore[arg-type]
    return caught.value


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc\n")
    assert read_bytes(path, limit=4) == b"abc\n"


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abcde")
    refused = _refusal(path, limit=4)
    assert (refused.kind, refused.size) == ("too-big", 5)


def test_missing_and_folder(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "gone").kind == "missing"
    assert _refusal(tmp_path).kind == "folder"


@POSIX
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    """Opening a FIFO for reading blocks until a writer comes: it must not be opened."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused = _refusal(fifo)
    assert refused.kind == "special"
    assert "FIFO" in refused.reason


@POSIX
def test_devices_and_kernel_files_are_refused() -> None:
    assert _refusal("/dev/zero").kind == "special"
    if Path("/proc/self/environ").exists():
        refused = _refusal("/proc/self/environ")
        assert refused.kind == "kernel"
        assert "=" not in refused.reason  # nothing of the file in the reason


@POSIX
def test_a_found_file_must_resolve_inside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    (folder / "sub").mkdir(parents=True)
    (tmp_path / "secret").write_text("PASSWORD=1", encoding="utf-8")
    (folder / "sub" / "real.txt").write_text("inside", encoding="utf-8")
    (folder / "out").symlink_to(tmp_path / "secret")
    (folder / "in").symlink_to("sub/real.txt")
    refused = _refusal(folder / "out", inside=folder)
    assert refused.kind == "outside"
    assert "PASSWORD" not in str(refused)
    assert read_bytes(folder / "in", limit=100, inside=folder) == b"inside"
    assert read_bytes(folder / "out", limit=100) == b"PASSWORD=1"  # named: read as given
    assert _refusal(folder / ".." / "secret", inside=folder).kind == "outside"


@POSIX
def test_the_log_records_asked_and_passed_reads(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("x", encoding="utf-8")
    link = tmp_path / "alias.txt"
    link.symlink_to(good)
    hard = tmp_path / "hard.txt"
    os.link(good, hard)
    with recording() as outer, recording() as inner:
        read_bytes(link, limit=10)
        with pytest.raises(FileRefusedError):
            read_bytes(tmp_path / "gone", limit=10)
    for log in (outer, inner):
        assert log.passed == {good.resolve()}
        assert log.asked == {good.resolve(), (tmp_path / "gone").resolve()}
        assert log.holds(good) == good.resolve()
        assert log.holds(hard) == good.resolve()  # the same inode under another name
        assert log.holds(tmp_path / "other") is None
    read_bytes(good, limit=10)  # outside any recording: nothing recorded, nothing fails
    assert len(outer.passed) == 1


@given(size=st.integers(0, 64), limit=st.integers(0, 64))
def test_the_limit_holds_for_any_size(tmp_path_factory: pytest.TempPathFactory, size: int,
                                      limit: int) -> None:
    path = tmp_path_factory.mktemp("read") / "f"
    path.write_bytes(b"x" * size)
    if size <= limit:
        assert read_bytes(path, limit=limit) == b"x" * size
    else:
        assert _refusal(path, limit=limit).kind == "too-big"


@POSIX
def test_load_confines_the_map_file_of_a_folder_and_its_sources(tmp_path: Path) -> None:
    """argmap.load: a map folder's map.yaml and sources.yaml must resolve inside it."""
    (tmp_path / "elsewhere.yaml").write_text("title: t\nclaims: []\n", encoding="utf-8")
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "map.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(argmap.MapLoadError) as caught:
        argmap.load(folder)
    assert [f.code for f in caught.value.findings] == ["AM115"]
    assert caught.value.unreadable
    argmap.load(folder / "map.yaml")  # the same file, named: read as given


# --- the overlay (an editor's unsaved buffers, for the language server) ----------------------


def test_an_overlaid_file_is_read_from_memory_and_only_within_the_block(tmp_path: Path) -> None:
    from argmap._load.files import overlaid

    path = tmp_path / "map.yaml"
    path.write_bytes(b"on disk\n")
    other = tmp_path / "other.txt"
    other.write_bytes(b"other\n")
    with overlaid({path: b"in memory\n"}), recording() as log:
        assert read_bytes(path, limit=100) == b"in memory\n"
        assert read_bytes(other, limit=100) == b"other\n"  # not overlaid: from disk
        assert path.resolve() in log.passed
    assert read_bytes(path, limit=100) == b"on disk\n"


def test_an_overlaid_file_keeps_the_size_limit_and_confinement(tmp_path: Path) -> None:
    from argmap._load.files import overlaid

    inside = tmp_path / "map"
    inside.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_bytes(b"x")
    path = inside / "map.yaml"
    path.write_bytes(b"small")
    with overlaid({path: b"x" * 50, outside: b"y"}):
        assert _refusal(path, limit=10).kind == "too-big"
        assert _refusal(outside, inside=inside).kind == "outside"
        assert read_bytes(path, limit=50, inside=inside) == b"x" * 50


def test_overlays_nest_and_the_inner_one_wins(tmp_path: Path) -> None:
    from argmap._load.files import overlaid

    path = tmp_path / "a.txt"
    path.write_bytes(b"disk")
    with overlaid({path: b"outer"}):
        with overlaid({path: b"inner"}):
            assert read_bytes(path, limit=10) == b"inner"
        assert read_bytes(path, limit=10) == b"outer"
