"""``[tool.argmap]`` in pyproject.toml: every setting read, every typo an error (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap import Severity
from argmap._engine.config import ConfigError, find_pyproject, load_config, split_codes
from argmap.cli import cli

MAP = """\
title: Config
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: assumption, text: Premise.}
  - {id: P2, kind: assumption, text: Unconnected.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
"""


def pyproject(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.argmap]\n" + body, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    config = load_config(None)
    assert config.select == ("AM",)
    assert config.fail_level is Severity.ERROR


def test_every_setting_is_read(tmp_path: Path) -> None:
    config = load_config(pyproject(tmp_path, """\
select = ["AM2", "thesis-not-accepted"]
ignore = ["AM214"]
fail-level = "warning"
[tool.argmap.severity]
AM209 = "error"
unbacked-premise = "info"
[tool.argmap.per-file-ignores]
"legacy/*" = ["AM2", "unused-suppression"]
[tool.argmap.options]
unsupported-thesis = {evidence-counts = false}
"""))
    assert config.select == ("AM2", "thesis-not-accepted")
    assert config.ignore == ("AM214",)
    assert config.fail_level is Severity.WARNING
    assert config.severity == {"AM209": Severity.ERROR, "unbacked-premise": Severity.INFO}
    assert config.options == {"AM210": {"evidence_counts": False}}
    anchored = (tmp_path.resolve() / "legacy/*").as_posix()
    assert set(config.per_file_ignores) == {"legacy/*", anchored}
    codes = config.per_file_ignores[anchored]
    assert "AM201" in codes
    assert "AM214" in codes
    assert "AM901" in codes
    assert "AM701" not in codes


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1\n", "unknown setting(s) colour"),
        ('select = "AM2"\n', "select must be a list"),
        ('select = ["AM2", "circular-suport"]\n', "did you mean 'circular-support'?"),
        ('ignore = ["XY1"]\n', "'XY1' is not a rule code"),
        ('fail-level = "fatal"\n', "fail-level: unknown severity"),
        ('[tool.argmap.severity]\nAM209 = "loud"\n', "severity of AM209"),
        ('[tool.argmap.options]\nAM999 = {x = 1}\n', "no such rule"),
        ('[tool.argmap.options]\nAM210 = {evidence = false}\n', "no option 'evidence'"),
        ('[tool.argmap.options]\nAM210 = {evidence_counts = "no"}\n', "must be a bool"),
        ('[tool.argmap.per-file-ignores]\n"a/*" = "AM2"\n', "must be a list"),
    ],
)
def test_mistakes_are_errors(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=None) as caught:
        load_config(pyproject(tmp_path, body))
    assert message in str(caught.value)


def test_split_codes() -> None:
    assert split_codes(["AM2,AM301", " AM5 "]) == ("AM2", "AM301", "AM5")


def test_nearest_pyproject_with_a_table(tmp_path: Path) -> None:
    pyproject(tmp_path, "")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_pyproject(tmp_path / "sub" / "deeper") == tmp_path / "pyproject.toml"


def test_cli_reads_the_config_and_flags_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "map.yaml").write_text(MAP, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "m"]).exit_code == 0
    pyproject(tmp_path, '[tool.argmap.severity]\ndisconnected-claim = "error"\n')
    result = runner.invoke(cli, ["check", "-f", "concise", "m"])
    assert result.exit_code == 1
    assert "AM209 claim 'P2'" in result.output
    assert runner.invoke(cli, ["check", "--ignore", "AM209", "m"]).exit_code == 0
    assert runner.invoke(cli, ["check", "--no-config", "m"]).exit_code == 0
    pyproject(tmp_path, '[tool.argmap.per-file-ignores]\n"m/*" = ["AM2"]\n')
    assert runner.invoke(cli, ["check", "--fail-level", "warning", "m"]).exit_code == 0
    pyproject(tmp_path, 'select = ["AM2", "nonsense-rule"]\n')
    bad = runner.invoke(cli, ["check", "m"])
    assert bad.exit_code == 2
    assert "nonsense-rule" in bad.output
