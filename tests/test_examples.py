"""Acceptance: every folder of tests/example-maps/<CODE>/{good,bad}/ through the real CLI.

``good/`` is a map folder on which the rule must stay silent; ``bad/`` a map folder with an
``expected.txt`` listing exactly the findings of that code (``CODE line:col`` per line, ``#``
comments allowed). A new case is a new folder: nothing here changes.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli

ROOT = Path(__file__).parent / "example-maps"
CASES = sorted(p for p in ROOT.iterdir() if p.is_dir())


def run_json(folder: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        cli, ["check", "--no-config", "--format", "json", "--exit-zero", str(folder)]
    )
    assert result.exit_code == 0, result.output
    findings: list[dict[str, object]] = json.loads(result.output)["findings"]
    assert not [f for f in findings if f["code"] == "AM000"], findings
    return findings


def expected(folder: Path) -> Counter[str]:
    lines = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    return Counter(line.split("#")[0].strip() for line in lines if line.split("#")[0].strip())


def test_there_are_cases() -> None:
    assert len(CASES) >= 16


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_good_map_is_silent(case: Path) -> None:
    findings = run_json(case / "good")
    assert [f for f in findings if f["code"] == case.name] == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_bad_map_gives_exactly_the_expected_findings(case: Path) -> None:
    findings = run_json(case / "bad")
    got = Counter(f"{f['code']} {f['line']}:{f['column']}" for f in findings
                  if f["code"] == case.name)
    assert got == expected(case / "bad")
    assert got, "a bad example must make its rule fire"
