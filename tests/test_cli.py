"""The command line: exit codes, formats of the foundation commands, no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import __version__
from argmap._schema import schema_text
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
        [sys.executable, "-m", "argmap.cli", "check", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stdout + done.stderr
    assert "AM1" in done.stdout
