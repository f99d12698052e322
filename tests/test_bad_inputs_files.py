"""Hostile input that needs the file system: special files, links out of the map folder,
deep folders, huge numbers and alias bombs too big to commit, and output files (``-o``).

Each input case runs the real CLI through the bad-input runner (:func:`check_case`: exit
code, codes and locations, no traceback, CPU budget and hang guard, input folder unchanged,
exactly one complete report, no control bytes); the cases about time or memory also run
under a tighter CPU budget or an address-space cap, which the code before these bounds
exceeded. The output
cases check that ``-o`` never replaces an input, writes through special files, and leaves
no temporary file behind.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_bad_inputs import (
    CLEAN_MAP,
    Run,
    _children_cpu_seconds,
    _snapshot,
    assert_expected,
    check_case,
    run_argmap,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system features")
#: Address space of a run that must stay small (Python and its libraries take about 300 MB).
MEMORY_CAP = 1024 * 1024 * 1024
SNAPSHOT_MAP = CLEAN_MAP + "    snapshot: {path: snapshots/report.txt}\n"
MAP_WITHOUT_SOURCES = CLEAN_MAP.split("sources:\n")[0]
SOURCES = "- {id: S1, type: report, title: City report, issued: 2023}\n"


def _capped() -> None:  # pragma: no cover - runs in the child before exec
    import resource  # POSIX only, as are the tests that cap memory

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _run_case(
    tmp_path: Path,
    build: Callable[[Path], dict[str, Any]],
    *,
    cpu: float | None = None,
    capped: bool = False,
) -> Run:
    case_dir = tmp_path / "case"
    case_dir.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    expected = build(case_dir)
    before = _children_cpu_seconds()
    run = check_case(
        case_dir,
        out_dir,
        expected.get("target", "."),
        tuple(expected.get("args", ())),
        **({"preexec_fn": _capped} if capped else {}),
    )
    used = _children_cpu_seconds() - before
    if cpu is not None:
        assert used <= cpu, f"{used:.1f} s of CPU, over {cpu} s"
    assert_expected(run, expected)
    return run


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


# --- special files as input: refused before they are opened, never a hang -------------------


@POSIX
@pytest.mark.parametrize(
    ("where", "target", "shown"),
    [
        ("map.yaml", ".", "map.yaml"),  # the map file of the folder named
        ("deep/notes.argmap.yaml", ".", "deep/notes.argmap.yaml"),  # found by folder search
        ("piped.yaml", "piped.yaml", "piped.yaml"),  # named on the command line
    ],
)
def test_a_fifo_map_file_is_refused_without_blocking(
    tmp_path: Path, where: str, target: str, shown: str
) -> None:
    def build(folder: Path) -> dict[str, Any]:
        _fifo(folder / where)
        return {"exit": 2, "target": target, "findings": [{"code": "AM103", "file": shown}]}

    run = _run_case(tmp_path, build)
    assert "FIFO" in run.report


@POSIX
def test_a_fifo_sources_file_is_refused(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        (folder / "map.yaml").write_text(MAP_WITHOUT_SOURCES, encoding="utf-8")
        _fifo(folder / "sources.yaml")
        return {"exit": 2, "findings": [{"code": "AM103", "file": "sources.yaml"}]}

    _run_case(tmp_path, build)


@POSIX
def test_a_device_named_on_the_command_line_is_refused_unread(tmp_path: Path) -> None:
    """/dev/zero never ends: reading it whole would exhaust memory."""
    case_dir = tmp_path / "case"
    case_dir.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    run = check_case(case_dir, out_dir, "/dev/zero", preexec_fn=_capped)
    assert run.exit == 2
    assert " AM103 not a regular file: it is a character device" in run.report


@POSIX
def test_a_sources_file_linked_to_a_device_is_outside_the_folder(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        (folder / "map.yaml").write_text(MAP_WITHOUT_SOURCES, encoding="utf-8")
        (folder / "sources.yaml").symlink_to("/dev/zero")
        return {"exit": 2, "findings": [{"code": "AM115", "file": "sources.yaml"}]}

    _run_case(tmp_path, build, capped=True)


@POSIX
def test_a_device_node_inside_the_folder_is_never_opened(tmp_path: Path) -> None:
    """As root, a character device made in the map folder: refused from its type alone."""
    if not IS_ROOT:
        pytest.skip("making a device node (mknod) needs root; CI runs as root")

    def build(folder: Path) -> dict[str, Any]:
        os.mknod(folder / "map.yaml", stat.S_IFCHR | 0o644, os.makedev(1, 5))  # a zero device
        return {"exit": 2, "findings": [{"code": "AM103", "file": "map.yaml"}]}

    _run_case(tmp_path, build, capped=True)


@POSIX
def test_a_kernel_file_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    """/proc/self/environ is a "regular" file of size 0 that holds the run's secrets."""
    case_dir = tmp_path / "case"
    case_dir.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    run = check_case(case_dir, out_dir, "/proc/self/environ")
    assert run.exit == 2
    assert " AM103 not a regular file: it is a file of the kernel" in run.report
    assert_expected(run, {"exit": 2, "absent": ["PYTHONDONTWRITEBYTECODE=1", "NO_COLOR"]})


# --- snapshots: special files, size, folders --------------------------------------------------


def _snapshot_case(
    make: Callable[[Path], object], **expected: Any
) -> Callable[[Path], dict[str, Any]]:
    """A clean map whose source's snapshot ``make`` creates (AM406 expected)."""

    def build(folder: Path) -> dict[str, Any]:
        (folder / "map.yaml").write_text(SNAPSHOT_MAP, encoding="utf-8")
        (folder / "snapshots").mkdir()
        make(folder / "snapshots" / "report.txt")
        return {"exit": 1, "findings": [{"code": "AM406", "file": "map.yaml"}], **expected}

    return build


@POSIX
def test_a_fifo_snapshot_is_refused_without_blocking(tmp_path: Path) -> None:
    run = _run_case(tmp_path, _snapshot_case(_fifo))
    assert "not a regular file: it is a FIFO" in run.report


@POSIX
def test_a_sparse_500mb_snapshot_is_refused_unread(tmp_path: Path) -> None:
    """Read whole before, it took 15.5 GB; now its size alone refuses it, within 1 GB."""

    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(500 * 1024 * 1024)

    run = _run_case(tmp_path, _snapshot_case(make), capped=True, cpu=10)
    assert "is 524,288,000 bytes, over the limit of 52,428,800 bytes" in run.report


def test_the_snapshot_size_limit_is_an_option(tmp_path: Path) -> None:
    def make(path: Path) -> None:
        path.write_text("cycling tripled after the lane opened", encoding="utf-8")

    build = _snapshot_case(make, args=["--max-snapshot-size", "10"])
    run = _run_case(tmp_path, build)
    assert "over the limit of 10 bytes (--max-snapshot-size)" in run.report


def test_a_snapshot_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    run = _run_case(tmp_path, _snapshot_case(Path.mkdir))
    assert "expected a file, found a folder" in run.report


@POSIX
def test_a_snapshot_linked_to_a_secret_beside_the_folder_is_not_quoted(tmp_path: Path) -> None:
    def make(path: Path) -> None:
        secret = path.parents[2] / "secret.txt"
        secret.write_text("TOKEN-31337 cycling tripled\n", encoding="utf-8")
        path.symlink_to(secret)

    run = _run_case(tmp_path, _snapshot_case(make, absent=["TOKEN-31337"]))
    assert "leads outside the map's folder" in run.report


# --- files found from a map that lead out of its folder ---------------------------------------


@POSIX
@pytest.mark.parametrize("name", ["sources.yaml", "sources.json"])
def test_a_sources_file_linked_to_a_secret_is_refused_and_never_quoted(
    tmp_path: Path, name: str
) -> None:
    """The secret is a broken YAML/JSON file whose first line an AM105 would have quoted."""

    def build(folder: Path) -> dict[str, Any]:
        secret = folder.parent / "credentials"
        secret.write_text("API_KEY=sk-live-123456789 [\n", encoding="utf-8")
        (folder / "map.yaml").write_text(MAP_WITHOUT_SOURCES, encoding="utf-8")
        (folder / name).symlink_to(secret)
        return {
            "exit": 2,
            "findings": [{"code": "AM115", "file": name, "line": 1, "column": 1}],
            "absent": ["sk-live", "API_KEY"],
        }

    _run_case(tmp_path, build)


@POSIX
def test_a_link_to_a_folder_is_not_followed_by_the_search(tmp_path: Path) -> None:
    """A folder link out of the searched folder is not searched (no map found, no read)."""

    def build(folder: Path) -> dict[str, Any]:
        outside = folder.parent / "elsewhere"
        outside.mkdir()
        (outside / "map.yaml").write_text("title: OUTSIDE-MAP\nclaims: [\n", encoding="utf-8")
        (folder / "linked").symlink_to(outside, target_is_directory=True)
        return {"exit": 2, "findings": [{"code": "AM102", "file": "."}], "absent": ["OUTSIDE"]}

    _run_case(tmp_path, build)


@POSIX
def test_a_map_file_named_through_a_link_is_read_as_given(tmp_path: Path) -> None:
    """What the user names is theirs to name: a link to a map elsewhere is read."""

    def build(folder: Path) -> dict[str, Any]:
        elsewhere = folder.parent / "shared.yaml"
        elsewhere.write_text(CLEAN_MAP, encoding="utf-8")
        (folder / "mine.yaml").symlink_to(elsewhere)
        return {"exit": 0, "target": "mine.yaml", "findings": []}

    _run_case(tmp_path, build)


# --- unbounded work in the loader -------------------------------------------------------------


def _remove_deep(folder: Path) -> None:
    """Remove a deep tree without recursion (pytest's clean-up and shutil.rmtree recurse)."""
    stack = [folder]
    while stack:
        current = stack[-1]
        children = [p for p in current.iterdir() if p.is_dir() and not p.is_symlink()]
        if children:
            stack.extend(children)
            continue
        for path in current.iterdir():
            path.unlink()
        current.rmdir()
        stack.pop()


def test_folders_1000_deep_end_in_a_finding_not_a_recursion_error(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        deepest = folder / "claims"
        deepest.mkdir()
        for _ in range(1000):  # os.makedirs itself recurses once per level
            deepest = deepest / "d"
            deepest.mkdir()
        (deepest / "map.yaml").write_text(CLEAN_MAP, encoding="utf-8")
        shown = "claims" + "/d" * 33
        return {"exit": 1, "target": "claims", "findings": [{"code": "AM107", "file": shown}]}

    try:
        run = _run_case(tmp_path, build, cpu=10)
    finally:
        _remove_deep(tmp_path / "case" / "claims")
    assert "folders nest more than 32 levels below claims" in run.report


def test_the_folder_depth_is_an_option(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        deepest = folder / "claims"
        deepest.mkdir()
        for _ in range(200):
            deepest = deepest / "d"
            deepest.mkdir()
        (deepest / "map.yaml").write_text(CLEAN_MAP, encoding="utf-8")
        return {"exit": 0, "target": "claims", "args": ["--max-folder-depth", "200"]}

    try:
        run = _run_case(tmp_path, build)
    finally:
        _remove_deep(tmp_path / "case" / "claims")
    assert "in 1 map" in run.report


def test_a_million_digit_integer_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    """Before the bound: over a minute (yaml-rs and then the decimal conversion, both
    quadratic). The number sits in a quantity, where a rule would also meet it."""

    def build(folder: Path) -> dict[str, Any]:
        value = "4" * 1_000_000
        text = CLEAN_MAP.replace(
            "evidence: [E1]}", f"evidence: [E1], quantities: [{{id: Q1, value: {value}}}]}}"
        )
        (folder / "map.yaml").write_text(text, encoding="utf-8")
        return {"exit": 1, "findings": [{"code": "AM107", "file": "map.yaml", "line": 4}]}

    run = _run_case(tmp_path, build, cpu=5)
    assert "a number of 1,000,000 characters is over the limit of 1,000" in run.report


def test_a_million_digit_json_number_is_refused(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        data = '{"title": "t", "claims": [{"id": "C1", "text": "x", "quantities": '
        data += '[{"id": "Q1", "value": ' + "7" * 1_000_000 + "}]}]}"
        (folder / "map.json").write_text(data, encoding="utf-8")
        return {"exit": 1, "findings": [{"code": "AM107", "file": "map.json", "line": 1}]}

    _run_case(tmp_path, build, cpu=5)


def test_the_140kb_alias_string_bomb_stays_small(tmp_path: Path) -> None:
    """One 99,000-character anchor and 9,999 aliases: 990 million characters (1.9 GB)
    before the bound; now refused under a 1 GB address-space cap."""

    def build(folder: Path) -> dict[str, Any]:
        refs = ", ".join(["*s"] * 9_999)
        text = f"title: Bomb\nclaims: []\nx-s: &s {'b' * 99_000}\nx-t: [{refs}]\n"
        (folder / "map.yaml").write_text(text, encoding="utf-8")
        return {"exit": 1, "findings": [{"code": "AM107", "file": "map.yaml"}]}

    run = _run_case(tmp_path, build, capped=True, cpu=5)
    assert "aliases copy more than 10,000,000 characters" in run.report


def test_the_alias_character_limit_is_an_option(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        text = CLEAN_MAP + "x-a: &a twelve chars\nx-b: [*a, *a, *a]\n"
        (folder / "map.yaml").write_text(text, encoding="utf-8")
        return {"exit": 1, "args": ["--max-alias-characters", "20"],
                "findings": [{"code": "AM107", "file": "map.yaml"}]}

    _run_case(tmp_path, build)


def test_the_number_length_limit_is_an_option(tmp_path: Path) -> None:
    def build(folder: Path) -> dict[str, Any]:
        text = CLEAN_MAP.replace(
            "evidence: [E1]}", "evidence: [E1], quantities: [{id: Q1, value: 123456}]}"
        )
        (folder / "map.yaml").write_text(text, encoding="utf-8")
        return {"exit": 1, "args": ["--max-number-length", "5"],
                "findings": [{"code": "AM107", "file": "map.yaml", "line": 4}]}

    _run_case(tmp_path, build)


# --- configuration ----------------------------------------------------------------------------


@POSIX
def test_a_fifo_configuration_is_a_usage_error_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(CLEAN_MAP, encoding="utf-8")
    _fifo(tmp_path / "pyproject.toml")
    result = run_argmap(["check", "--config", "pyproject.toml", "map.yaml"], tmp_path)
    assert result.returncode == 2, result.stderr
    assert "not a regular file: it is a FIFO" in result.stderr
    assert "Traceback" not in result.stderr


# --- output files -----------------------------------------------------------------------------


def _map_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "m"
    (folder / "snapshots").mkdir(parents=True)
    (folder / "map.yaml").write_text(MAP_WITHOUT_SOURCES, encoding="utf-8")
    (folder / "sources.yaml").write_text(
        SOURCES.replace("}", ", snapshot: {path: snapshots/report.txt}}"), encoding="utf-8"
    )
    (folder / "snapshots" / "report.txt").write_text("Cycling tripled.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["check", "--no-config", "m/map.yaml"], "m/map.yaml"),
        (["check", "--no-config", "m"], "./m/../m/sources.yaml"),
        (["check", "--no-config", "m"], "m/snapshots/report.txt"),
        (["render", "m", "--format", "dot"], "m/map.yaml"),
        (["report", "--no-config", "m"], "m/sources.yaml"),
        (["report", "--no-config", "m"], "m/snapshots/report.txt"),
    ],
)
def test_output_naming_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, command: list[str], output: str
) -> None:
    folder = _map_folder(tmp_path)
    before = _snapshot(tmp_path)
    result = run_argmap([*command, "-o", output], tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert f"{Path(output)} is " in result.stderr, result.stderr  # as click passes it
    assert "an input of this run" in result.stderr
    assert _snapshot(tmp_path) == before
    assert not list(folder.rglob(".argmap-*"))


@POSIX
def test_output_through_a_link_or_a_hard_link_to_an_input_is_refused(tmp_path: Path) -> None:
    _map_folder(tmp_path)
    (tmp_path / "soft.txt").symlink_to("m/map.yaml")
    os.link(tmp_path / "m" / "map.yaml", tmp_path / "hard.txt")
    before = _snapshot(tmp_path)
    for output in ("soft.txt", "hard.txt"):
        result = run_argmap(["check", "--no-config", "-o", output, "m"], tmp_path)
        assert result.returncode == 2, result.stderr
        assert f"{output} is m/map.yaml, an input of this run" in result.stderr
    assert _snapshot(tmp_path) == before


def test_output_to_the_configuration_read_is_refused(tmp_path: Path) -> None:
    _map_folder(tmp_path)
    config = "[tool.argmap]\nignore = []\n"
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    result = run_argmap(["check", "-o", "pyproject.toml", "m"], tmp_path)
    assert result.returncode == 2
    assert "pyproject.toml is an input of this run" in result.stderr
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == config


@POSIX
def test_output_through_a_link_to_another_file_keeps_the_link(tmp_path: Path) -> None:
    _map_folder(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "latest.txt").write_text("old\n", encoding="utf-8")
    (tmp_path / "report.txt").symlink_to("reports/latest.txt")
    result = run_argmap(["check", "--no-config", "-o", "report.txt", "m"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.txt").is_symlink()
    assert "in 1 map" in (tmp_path / "reports" / "latest.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest.txt"]


@POSIX
def test_output_to_a_device_node_is_written_through_not_replaced(tmp_path: Path) -> None:
    """As root (CI runs as root): a null device made in a temp folder stays a device."""
    if not IS_ROOT:
        pytest.skip("making a device node (mknod) needs root; CI runs as root")
    _map_folder(tmp_path)
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for command in (["check", "--no-config", "m"], ["report", "--no-config", "m"]):
        result = run_argmap([*command, "-o", "null"], tmp_path)
        assert result.returncode == 0, result.stderr
        info = node.lstat()
        assert stat.S_ISCHR(info.st_mode), "the device was replaced"
        assert os.major(info.st_rdev) == 1
        assert os.minor(info.st_rdev) == 3
    assert not list(tmp_path.glob(".argmap-*"))


@POSIX
def test_output_to_a_full_device_is_a_clear_error(tmp_path: Path) -> None:
    """A full device (1, 7, as /dev/full) made in the temp folder, never the system's own:
    the code before this test replaced the device it wrote to with a file."""
    if not IS_ROOT:
        pytest.skip("making a device node (mknod) needs root; CI runs as root")
    _map_folder(tmp_path)
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    for command in (["check", "--no-config", "m"], ["schema"]):
        result = run_argmap([*command, "-o", "full"], tmp_path)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "cannot write full: No space left on device" in result.stderr
        assert "Traceback" not in result.stderr
        assert stat.S_ISCHR(full.lstat().st_mode)
    assert not list(tmp_path.glob(".argmap-*"))


@POSIX
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc/self/fd")
def test_output_to_a_link_to_standard_output_writes_to_it(tmp_path: Path) -> None:
    _map_folder(tmp_path)
    (tmp_path / "out").symlink_to("/proc/self/fd/1")
    result = run_argmap(["check", "--no-config", "-o", "out", "m"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("in 1 map.")
    assert (tmp_path / "out").is_symlink()


# --- temporary files: killed writers leave them, later writes remove only theirs -------------

_SLOW_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from argmap._output import write

    def stalled(fd):  # the bytes are in the temporary file; stop before the rename
        open(sys.argv[2], "w").close()
        time.sleep(600)

    write.os.fsync = stalled
    write.write_file(sys.argv[1], "new content\\n" * 1000)
    """
)


@POSIX
@pytest.mark.parametrize("command", [["check", "--no-config", "m"], ["schema", "--write-all"]])
def test_a_killed_write_leaves_the_target_whole_and_the_next_write_cleans_up(
    tmp_path: Path, command: list[str]
) -> None:
    _map_folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("report.txt" if command[0] == "check" else "argmap.schema.json")
    target.write_text("old content\n", encoding="utf-8")
    ready = tmp_path / "ready"
    writer = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(target), str(ready)],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        for _ in range(600):
            if ready.exists() or writer.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), "the writer never reached its rename"
        left = list(out.glob(f".argmap-{writer.pid}-*.tmp"))
        assert len(left) == 1
        assert target.read_text(encoding="utf-8") == "old content\n"
        # a concurrent run meets the live writer's file and leaves it alone
        args = [*command, "-o", str(target)] if command[0] == "check" else [*command, "out"]
        result = run_argmap(args, tmp_path)
        assert result.returncode == 0, result.stderr
        assert left[0].exists(), "a live writer's temporary file was removed"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        assert left[0].exists()
        assert "new content" not in target.read_text(encoding="utf-8")
        result = run_argmap(args, tmp_path)
        assert result.returncode == 0, result.stderr
        assert not left[0].exists(), "the dead writer's temporary file stayed"
        assert not list(out.glob(".argmap-*"))
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()


def test_the_corpus_cases_of_this_module_are_listed_in_security_md() -> None:
    """docs/security.md names each class with its tests: this module is among them."""
    text = (Path(__file__).parents[1] / "docs" / "security.md").read_text(encoding="utf-8")
    assert "test_bad_inputs_files.py" in text
    corpus = Path(__file__).parent / "bad-inputs"
    for name in ("sources-link-to-proc-environ", "number-5000-digits", "alias-copies-nested",
                 "keys-zero-and-false"):
        assert (corpus / name / "expected.json").is_file()
        assert name in text, name
    assert json.loads((corpus / "sources-link-to-etc-passwd" / "expected.json").read_text())


def test_every_limit_is_documented_with_its_default() -> None:
    """Each --max-* option appears in docs/cli.md and docs/security.md with its default."""
    from argmap._load.limits import DEFAULT_LIMITS
    from argmap.cli.options import LIMIT_OPTIONS

    docs = Path(__file__).parents[1] / "docs"
    cli = (docs / "cli.md").read_text(encoding="utf-8")
    security = (docs / "security.md").read_text(encoding="utf-8")
    for flag, (name, _help) in LIMIT_OPTIONS.items():
        default = f"{getattr(DEFAULT_LIMITS, name):,}"
        assert re.search(rf"^\| `{flag} N` \|.*default {default}\)", cli, re.M), flag
        assert re.search(rf"^\| `{flag} N` \| `{name}` \| {default}\b", security, re.M), flag
