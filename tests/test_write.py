"""The write layer (``argmap._output.write``): whole files or none, special files written
through, temporary files named by their writer and removed only once it is gone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._output.write import (
    TEMP_PREFIX,
    OverwritesInputError,
    remove_stale_temporaries,
    write_file,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system features")
fcntl = pytest.importorskip("fcntl", reason="POSIX file locks")


def _dead_pid() -> int:
    """The ID of a process that has ended (and was reaped)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


@given(content=st.binary(max_size=5000) | st.text(max_size=2000))
def test_any_content_is_written_whole_and_nothing_is_left(
    tmp_path_factory: pytest.TempPathFactory, content: bytes | str
) -> None:
    folder = tmp_path_factory.mktemp("w")
    target = folder / "out"
    target.write_bytes(b"old")
    write_file(target, content)
    expected = content.encode("utf-8") if isinstance(content, str) else content
    assert target.read_bytes() == expected
    assert [p.name for p in folder.iterdir()] == ["out"]


def test_a_new_file_follows_the_umask_and_an_old_one_keeps_its_mode(tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        write_file(tmp_path / "new", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o640
    old = tmp_path / "old"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o600)
    write_file(old, "y")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


def test_an_input_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "map.yaml"
    target.write_text("title: t\n", encoding="utf-8")
    with pytest.raises(OverwritesInputError) as caught:
        write_file(target, "report", is_input=lambda _path: target)
    assert "an input of this run" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "title: t\n"
    assert [p.name for p in tmp_path.iterdir()] == ["map.yaml"]


def _device(folder: Path, name: str, minor: int) -> Path:
    """A memory device node (1, minor) in a temporary folder: never the system's own
    /dev/null or /dev/full, which a regression would replace with a file."""
    if os.geteuid() != 0:
        pytest.skip("making a device node (mknod) needs root; CI runs as root")
    node = folder / name
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    return node


def test_a_character_device_is_written_through(tmp_path: Path) -> None:
    null = _device(tmp_path, "null", 3)
    write_file(null, "discarded")
    assert stat.S_ISCHR(null.lstat().st_mode)
    full = _device(tmp_path, "full", 7)
    with pytest.raises(OSError, match="No space left on device"):
        write_file(full, "x" * 10)
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "null"]


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_file(fifo, "through the pipe\n")
    out, _ = reader.communicate(timeout=30)
    assert out == b"through the pipe\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_folder_is_not_a_target(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_file(tmp_path, "x")


def test_stale_temporaries_go_live_and_locked_ones_stay(tmp_path: Path) -> None:
    dead = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-0a1b2c.tmp"
    live = tmp_path / f"{TEMP_PREFIX}{os.getppid()}-0a1b2c.tmp"  # our parent is alive
    locked = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-3d4e5f.tmp"  # a writer in another PID
    other = tmp_path / ".argmap-notes.tmp"  # not ours: no PID
    for path in (dead, live, locked, other):
        path.write_text("partial", encoding="utf-8")
    holder = os.open(locked, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # namespace holds its lock until its rename
        assert remove_stale_temporaries(tmp_path) == [dead]
    finally:
        os.close(holder)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (live, locked, other)
    )
    write_file(tmp_path / "out", "x")  # a later write removes what is now free
    assert not locked.exists()
    assert live.exists()
