"""``strict``: warnings of the verification families (AM3xx-AM6xx) become errors, through
``[tool.argmap] strict = true`` and through ``argmap check --strict``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap import Severity
from argmap._engine.config import (
    STRICT_FAMILIES,
    Config,
    ConfigError,
    load_config,
    merge_cli,
    strict_severity,
)
from argmap._engine.run import check_loaded
from argmap.cli import cli

#: AM306 (a figure only an unverifiable quote states), AM209 (a claim connected to no
#: thesis) and AM408 (a source without an issue date) are warnings; AM407 is information.
MAP = """\
title: Strict
claims:
  - {id: T1, kind: thesis, text: Exports fell by 57%., evidence: [E1]}
  - {id: C2, kind: assumption, text: Unconnected.}
evidence:
  - {id: E1, source: S1, quote: {exact: exports fell by 57%}}
sources:
  - {id: S1, title: Customs bulletin, URL: "https://example.org/b"}
"""


def severities(folder: Path, config: Config) -> dict[str, Severity]:
    found = check_loaded(argmap.load(folder / "map.yaml"), config)
    return {f.code: f.severity for f in found}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "map.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path / "m"


def test_strict_hardens_verification_warnings_only(folder: Path) -> None:
    plain = severities(folder, Config())
    assert plain == {"AM209": Severity.WARNING, "AM306": Severity.WARNING,
                     "AM407": Severity.INFO, "AM408": Severity.WARNING}
    strict = severities(folder, Config(strict=True))
    assert strict == {"AM209": Severity.WARNING, "AM306": Severity.ERROR,
                      "AM407": Severity.INFO, "AM408": Severity.ERROR}


def test_strict_applies_after_the_severity_table(folder: Path) -> None:
    config = Config(strict=True, severity={"AM306": Severity.INFO, "AM209": Severity.ERROR,
                                           "AM407": Severity.WARNING})
    assert severities(folder, config) == {"AM209": Severity.ERROR, "AM306": Severity.INFO,
                                          "AM407": Severity.ERROR, "AM408": Severity.ERROR}


@pytest.mark.parametrize(
    ("code", "severity", "hardened"),
    [
        ("AM301", Severity.WARNING, Severity.ERROR),
        ("AM402", Severity.WARNING, Severity.ERROR),
        ("AM504", Severity.WARNING, Severity.ERROR),
        ("AM602", Severity.WARNING, Severity.ERROR),
        ("AM305", Severity.INFO, Severity.INFO),
        ("AM205", Severity.WARNING, Severity.WARNING),
        ("AM702", Severity.WARNING, Severity.WARNING),
        ("AM901", Severity.WARNING, Severity.WARNING),
        ("AM107", Severity.ERROR, Severity.ERROR),
    ],
)
def test_strict_severity(code: str, severity: Severity, hardened: Severity) -> None:
    assert STRICT_FAMILIES == ("AM3", "AM4", "AM5", "AM6")
    assert strict_severity(code, severity, Config(strict=True)) is hardened
    assert strict_severity(code, severity, Config()) is severity


def pyproject(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text("[tool.argmap]\n" + body, encoding="utf-8")
    return path


def test_the_strict_key(tmp_path: Path) -> None:
    assert load_config(pyproject(tmp_path, "strict = true\n")).strict is True
    assert load_config(pyproject(tmp_path, "strict = false\n")).strict is False
    assert load_config(pyproject(tmp_path, "")).strict is False
    with pytest.raises(ConfigError, match="strict must be true or false, not 'yes'"):
        load_config(pyproject(tmp_path, 'strict = "yes"\n'))


def test_merge_cli_sets_strict_only_when_given() -> None:
    assert merge_cli(Config(), strict=True).strict is True
    assert merge_cli(Config(strict=True), strict=False).strict is False
    assert merge_cli(Config(strict=True)).strict is True


def test_cli_flag_and_config_key(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder.parent)
    runner = CliRunner()
    plain = runner.invoke(cli, ["check", "--no-config", "-f", "concise", "m"])
    assert plain.exit_code == 0, plain.output
    assert "AM306 [warning]" in plain.output
    strict = runner.invoke(cli, ["check", "--no-config", "--strict", "-f", "concise", "m"])
    assert strict.exit_code == 1
    assert "m/map.yaml:3:34: AM306 figure '57%'" in strict.output  # an error has no tag
    assert "AM209 [warning]" in strict.output
    pyproject(folder.parent, "strict = true\n")
    assert runner.invoke(cli, ["check", "m"]).exit_code == 1
    assert runner.invoke(cli, ["check", "--no-strict", "m"]).exit_code == 0
    assert runner.invoke(cli, ["check", "--no-config", "m"]).exit_code == 0
