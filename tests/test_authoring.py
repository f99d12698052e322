"""The authoring loop and less noise: stdin, --watch, info notes, AM405 per source,
``dump`` elsewhere, ``print(finding)``, and the CI formats (GitLab Code Quality, JUnit)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import cli

ROOT = Path(__file__).parent.parent
BIKE_LANES = ROOT / "examples" / "bike-lanes"
SCHEMAS = Path(__file__).parent / "schemas"


def invoke(*args: str, **kwargs: object) -> object:
    return CliRunner().invoke(cli, ["check", "--no-config", *args], **kwargs)  # type: ignore[arg-type]


# --- stdin ------------------------------------------------------------------------------------


def test_a_map_on_stdin_is_checked_as_map_yaml_of_the_current_folder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BIKE_LANES)
    text = (BIKE_LANES / "map.yaml").read_bytes()
    result = invoke("-f", "concise", "-", input=text)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "Found 0 errors, 0 warnings, 9 info in 1 map." in result.output  # type: ignore[attr-defined]
    broken = text.replace(b"rose from 400 to 1,200", b"rose from 300 to 1,200")
    result = invoke("-f", "concise", "-", input=broken)
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.output.startswith("<stdin>:")  # type: ignore[attr-defined]


def test_stdin_in_a_real_shell_pipe() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--no-config", "-f", "concise", "-"],
        input=b"title: [unclosed\n", capture_output=True, cwd=BIKE_LANES, env=env,
        timeout=120, check=False,
    )
    assert done.returncode == 1
    assert done.stdout.decode().startswith("<stdin>:1:"), done.stdout


def test_stdin_cannot_be_mixed_with_paths() -> None:
    assert invoke("-", str(BIKE_LANES), input=b"").exit_code == 2  # type: ignore[attr-defined]


# --- watch ------------------------------------------------------------------------------------


def _reader(stream: object, lines: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
        lines.put(line)


def _until(lines: queue.Queue[str], needle: str, guard: float = 120.0) -> str:
    """Lines read until one holds ``needle``; a hang guard, not a timing assertion."""
    seen = []
    end = time.monotonic() + guard
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return "".join(seen)
    pytest.fail(f"no {needle!r} within {guard} s; read: {''.join(seen)} {lines.qsize()}")


def test_watch_checks_again_after_a_save(tmp_path: Path) -> None:
    pytest.importorskip("watchfiles")
    folder = tmp_path / "lanes"
    shutil.copytree(BIKE_LANES, folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "check", "--no-config", "-f", "concise", "--watch",
         str(folder)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    try:
        first = _until(lines, "in 1 map.")
        assert "Found 0 errors" in first
        _until(lines, "Watching")
        map_file = folder / "map.yaml"
        edited = map_file.read_text(encoding="utf-8").replace("rose from 400 to 1,200",
                                                              "rose from 300 to 1,200")
        # the watcher starts just after "Watching" is printed: save until it has seen one
        saving = threading.Event()

        def save() -> None:
            while not saving.wait(1.0):
                map_file.write_text(edited, encoding="utf-8")

        threading.Thread(target=save, daemon=True).start()
        try:
            second = _until(lines, "in 1 map.")
        finally:
            saving.set()
        assert "Change detected" in second
        assert "AM4" in second
        assert "Found 0 errors" not in second
    finally:
        process.terminate()
        process.wait(timeout=60)
        process.stdout.close()  # type: ignore[union-attr]


# --- less noise -------------------------------------------------------------------------------


def test_info_notes_are_one_line_unless_asked_for() -> None:
    quiet = invoke(str(BIKE_LANES)).output  # type: ignore[attr-defined]
    assert "AM305" not in quiet.replace("AM305 x8", "")
    assert "9 info notes not shown (AM305 x8, AM502 x1); --show-info shows them." in quiet
    for flag in ("--show-info", "--verbose"):
        loud = invoke(flag, str(BIKE_LANES)).output  # type: ignore[attr-defined]
        assert loud.count(": AM305 [info]") == 8
        assert "not shown" not in loud
    data = json.loads(invoke("-f", "json", str(BIKE_LANES)).output)  # type: ignore[attr-defined]
    assert sum(f["severity"] == "info" for f in data["findings"]) == 9


def test_a_changed_snapshot_is_one_finding_per_source(tmp_path: Path) -> None:
    folder = tmp_path / "lanes"
    shutil.copytree(BIKE_LANES, folder)
    snapshot = folder / "snapshots" / "city-report-2023.txt"
    snapshot.write_text(snapshot.read_text(encoding="utf-8") + "\nAn added line.\n",
                        encoding="utf-8")
    found = [f for f in argmap.check(folder) if f.code == "AM405"]
    assert len(found) == 1
    assert "3 evidence items quoting it are suspect" in found[0].message
    assert found[0].node == "city-report-2023"


def test_print_finding_is_the_located_line(capsys: pytest.CaptureFixture[str]) -> None:
    finding = argmap.Finding("AM301", "uncited-figure", argmap.Severity.WARNING, "a\nb",
                             argmap.Location("map.yaml", 3, 7))
    print(finding)  # noqa: T201 - what the test is about
    assert capsys.readouterr().out == "map.yaml:3:7: AM301 [warning] a␊b\n"
    assert str(argmap.Finding("AM207", "empty-map", argmap.Severity.ERROR, "empty")) == (
        "AM207 empty")


# --- dump elsewhere ---------------------------------------------------------------------------


def test_dump_elsewhere_rewrites_snapshot_paths_or_refuses(tmp_path: Path) -> None:
    from argmap._output.dump import SnapshotPathError

    folder = tmp_path / "work" / "lanes"
    shutil.copytree(BIKE_LANES, folder)
    loaded = argmap.load(folder)
    with pytest.raises(SnapshotPathError, match="outside"):
        argmap.dump(loaded, tmp_path / "other" / "map.yaml")
    assert not (tmp_path / "other" / "map.yaml").exists()
    argmap.dump(loaded, tmp_path / "work" / "map.yaml")  # a folder that holds the snapshots
    moved = argmap.load(tmp_path / "work" / "map.yaml")
    assert moved.sources[0].snapshot is not None
    assert moved.sources[0].snapshot.path == "lanes/snapshots/city-report-2023.txt"
    assert not [f for f in argmap.check(moved) if f.code.startswith("AM40")]
    argmap.dump(loaded, folder / "copy.argmap.yaml")  # the same folder: paths unchanged
    assert argmap.load(folder / "copy.argmap.yaml").sources[0].snapshot == (
        loaded.sources[0].snapshot)


# --- CI formats -------------------------------------------------------------------------------


def _bad_map(tmp_path: Path) -> Path:
    folder = tmp_path / "lanes"
    shutil.copytree(BIKE_LANES, folder)
    map_file = folder / "map.yaml"
    map_file.write_text(map_file.read_text(encoding="utf-8").replace(
        "rose from 400 to 1,200", "rose from 300 to 1,200").replace(
        "title: The Main Street bike lane", "title: \"The <Main> Street & 'bike' lane\""),
        encoding="utf-8")
    return folder


def test_gitlab_code_quality_validates_against_gitlabs_schema(tmp_path: Path) -> None:
    result = invoke("-f", "gitlab", "--select", "AM", str(_bad_map(tmp_path)))
    issues = json.loads(result.output)  # type: ignore[attr-defined]
    assert issues
    schema = json.loads((SCHEMAS / "gitlab-codeclimate.json").read_text(encoding="utf-8"))
    for issue in issues:
        jsonschema.validate(issue, schema)
        assert issue["check_name"].startswith("AM")
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert not issue["location"]["path"].startswith("/")
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    again = invoke("-f", "gitlab", str(_bad_map(tmp_path / "2")))
    assert [i["fingerprint"] for i in json.loads(again.output)] != []  # type: ignore[attr-defined]


def test_junit_parses_in_junitparser(tmp_path: Path) -> None:
    junitparser = pytest.importorskip("junitparser")
    result = invoke("-f", "junit", "--show-info", str(_bad_map(tmp_path)))
    report = tmp_path / "report.xml"
    report.write_text(result.output, encoding="utf-8")  # type: ignore[attr-defined]
    xml = junitparser.JUnitXml.fromfile(str(report))
    cases = [case for suite in xml for case in suite]
    failed = [case for case in cases if not case.is_passed and not case.is_skipped]
    data = json.loads(invoke("-f", "json", str(_bad_map(tmp_path / "j"))).output)  # type: ignore[attr-defined]
    assert len(failed) == sum(not f["suppressed"] for f in data["findings"])
    assert {case.result[0].type for case in failed} >= {"AM403"}
    clean = invoke("-f", "junit", str(BIKE_LANES))
    report.write_text(clean.output, encoding="utf-8")  # type: ignore[attr-defined]
    suites = list(junitparser.JUnitXml.fromfile(str(report)))
    assert suites
    assert all(case.is_passed or case.result for s in suites for case in s)
