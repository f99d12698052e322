"""The command line: exit codes, formats of the foundation commands, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import __version__
from argmap._output.schema import schema_text
from argmap.cli import cli

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "bike-lanes"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_version() -> None:
    code, out = run("--version")
    assert code == 0
    assert __version__ in out


def test_every_command_has_help() -> None:
    code, out = run("--help")
    assert code == 0
    from argmap.cli import COMMANDS

    for name in COMMANDS:
        assert name in out
        sub_code, sub_out = run(name, "--help")
        assert sub_code == 0
        assert "Usage:" in sub_out


def test_clean_map_exits_zero() -> None:
    code, out = run("check", str(EXAMPLE))
    assert code == 0, out
    assert "Found 0 errors, 0 warnings" in out


def test_findings_exit_one_with_path_line_col(tmp_path: Path) -> None:
    bad = tmp_path / "map.yaml"
    bad.write_text("title: t\nclaims:\n  - {id: C1, text: a, kind: thesis}\n"
                   "  - {id: C1, text: b}\n", encoding="utf-8")
    code, out = run("check", "--format", "concise", str(bad))
    assert code == 1
    duplicate = [line for line in out.splitlines() if " AM201 " in line]
    assert len(duplicate) == 1
    assert duplicate[0].startswith(f"{_rel(bad)}:4:10: AM201 ")


def _rel(path: Path) -> str:
    import os

    return os.path.relpath(path)


def test_unreadable_input_exits_two(tmp_path: Path) -> None:
    code, out = run("check", str(tmp_path / "missing"))
    assert code == 2
    assert "AM101" in out


def test_usage_error_exits_two() -> None:
    code, _ = run("check", "--format", "nonsense", str(EXAMPLE))
    assert code == 2


def test_schema_prints_the_committed_schema() -> None:
    code, out = run("schema")
    assert code == 0
    assert out == schema_text("map")


def test_schema_writes_atomically(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    code, _ = run("schema", "--kind", "sources", "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8") == schema_text("sources")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


@pytest.mark.parametrize("content", [b"\xff\xfe", b"title: [", b"- a\n", b"title: x\ntitle: y\n"])
def test_real_process_never_prints_a_traceback(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "map.yaml"
    bad.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stdout + done.stderr
    assert "AM1" in done.stdout


def test_output_into_missing_folder_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    for args in (
        ("report", str(EXAMPLE), "-o", str(missing / "report.md")),
        ("schema", "-o", str(missing / "schema.json")),
        ("check", str(EXAMPLE), "-o", str(missing / "check.txt")),
    ):
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 2, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"cannot write {missing}" in result.output
    assert not missing.exists()


def test_schema_write_all_under_a_file_exits_two(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "--write-all", str(blocker / "sub")])
    assert result.exit_code == 2
    assert "cannot write" in result.output


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_on_the_command_line_is_a_usage_error(option: str) -> None:
    # a letter O for a zero: without the check no rule ran and the map "passed"
    code, out = run("check", str(EXAMPLE), option, "AM3O1")
    assert code == 2
    assert "'AM3O1' is not a rule code" in out


def test_a_map_named_twice_is_checked_once(tmp_path: Path) -> None:
    folder = tmp_path / "maps" / "one"
    folder.mkdir(parents=True)
    (folder / "map.yaml").write_text(
        "title: t\nclaims:\n  - {id: C1, text: a, kind: thesis}\n", encoding="utf-8"
    )
    code, out = run("check", "-f", "concise", str(tmp_path / "maps"), str(folder))
    assert code == 0
    assert out.count(" AM210 ") == 1
    assert "in 1 map." in out


def test_quoted_line_of_a_load_error_shows_control_characters(tmp_path: Path) -> None:
    bad = tmp_path / "e.argmap.yaml"
    bad.write_bytes(b'title: "x\x1b[31mred"\nclaims: []\n')
    code, out = run("check", str(bad))
    assert code == 1
    assert " AM109 " in out
    assert "\x1b" not in out
    assert "\u241b[31mred" in out


def test_an_oversized_file_is_not_quoted(tmp_path: Path) -> None:
    """Only a file that passed the read checks (its size among them) is quoted."""
    big = tmp_path / "big.argmap.yaml"
    big.write_text("title: " + "x" * 5000 + "\n", encoding="utf-8")
    code, out = run("check", "--max-file-size", "20", str(big))
    assert code == 1
    assert " AM107 " in out
    assert "| title: " not in out, out


def _program(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, *args], capture_output=True, text=True, timeout=60, check=False,
        **kwargs,
    )


def test_the_program_flushes_everything_before_its_fast_exit(tmp_path: Path) -> None:
    """``argmap`` leaves with os._exit: the whole report must still arrive, with its status."""
    bad = tmp_path / "map.yaml"
    bad.write_text("title: x\nclaims:\n  - {id: T1, kind: thesis, text: A.}\n"
                   "relations:\n  - {id: R1, type: supports, from: [P9], to: T1}\n",
                   encoding="utf-8")
    done = _program("-m", "argmap", "check", "--format", "json", str(bad))
    assert done.returncode == 1
    findings = json.loads(done.stdout)["findings"]
    assert "AM202" in {f["code"] for f in findings}
    clean = _program("-m", "argmap", "check", str(EXAMPLE))
    assert clean.returncode == 0, clean.stdout + clean.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="closes a file descriptor before exec")
def test_the_program_runs_with_its_output_closed() -> None:
    """``argmap check X >&-``: Python has no sys.stdout; the status is still the check's."""
    import os

    done = _program("-m", "argmap", "check", str(EXAMPLE), preexec_fn=lambda: os.close(1))
    assert done.returncode == 0
    assert "Traceback" not in done.stderr


def test_a_profiler_still_gets_its_data(tmp_path: Path) -> None:
    """Under cProfile the program exits as usual, so the profile is written."""
    profile = tmp_path / "argmap.prof"
    done = _program("-m", "cProfile", "-o", str(profile), "-m", "argmap", "--version")
    assert done.returncode == 0
    assert __version__ in done.stdout
    assert profile.stat().st_size > 0


def test_rules_lists_the_load_codes() -> None:
    code, out = run("rules")
    assert code == 0
    lines = {line.split()[0]: line.split()[1:4] for line in out.splitlines()}
    assert lines["AM107"] == ["limit-exceeded", "error", "file"]
    from argmap._interop.codes import INTEROP_CODES
    from argmap._load.codes import LOAD_CODES

    assert [c for c in lines if c.startswith("AM1")] == sorted([*LOAD_CODES, *INTEROP_CODES])


@pytest.mark.parametrize("name", ["AM107", "am107", "limit-exceeded"])
def test_explain_a_load_code(name: str) -> None:
    code, out = run("explain", name)
    assert code == 0
    assert out.startswith("AM107 limit-exceeded (error, file and schema)\n")
    assert "--max-text-length" in out
    assert out.endswith("docs/rules.md#am107-limit-exceeded\n")
