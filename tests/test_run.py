"""A whole run (`argmap.check_paths`), and the commands built on it: check, report, render."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import argmap
from argmap._engine.config import Config, ConfigError, merge_cli
from argmap._engine.run import check_map
from argmap._findings import by_position
from argmap.cli import cli

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "bike-lanes"

MAP = """\
title: Run
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: assumption, text: Premise.}
  - {id: P2, kind: assumption, text: Unconnected.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
"""


def write_map(folder: Path, text: str = MAP) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "map.yaml").write_text(text, encoding="utf-8")
    return folder


# --- check_paths --------------------------------------------------------------------------


def test_check_paths_finds_checks_and_keeps_what_reporters_need(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    one = write_map(Path("maps", "one"))
    write_map(Path("maps", "two"), "title: [unclosed\n")
    run = argmap.check_paths(["maps", one])  # `one` twice: checked once
    assert isinstance(run, argmap.CheckRun)
    assert run.files == ("maps/one/map.yaml", "maps/two/map.yaml")
    assert [ctx.map.title for ctx in run.contexts] == ["Run"]
    assert run.maps == (run.contexts[0].map,)
    assert set(run.origins) == {"maps/one/map.yaml"}
    codes = Counter(f.code for f in run.findings)
    assert codes == {"AM209": 1, "AM105": 1}
    assert list(run.findings) == sorted(run.findings, key=by_position)
    assert not run.unreadable  # a map that does not parse is a finding, not unreadable input
    assert run.failing  # AM105 is an error
    assert run.line_text(run.findings[0].location) != ""  # type: ignore[arg-type]


def test_a_path_with_no_map_is_unreadable(tmp_path: Path) -> None:
    run = argmap.check_paths([tmp_path / "missing"])
    assert run.unreadable
    assert [f.code for f in run.findings] == ["AM101"]
    assert run.contexts == ()


def test_the_fail_level_decides_failing(tmp_path: Path) -> None:
    folder = write_map(tmp_path / "m")
    assert not argmap.check_paths([folder]).failing
    strict = merge_cli(Config(), fail_level="warning")
    assert argmap.check_paths([folder], strict).failing


def test_load_limits_reach_the_loader(tmp_path: Path) -> None:
    folder = write_map(tmp_path / "m")
    run = argmap.check_paths([folder], limits=argmap.Limits(max_values=3))
    assert [f.code for f in run.findings] == ["AM107"]
    assert "--max-values" in (run.findings[0].hint or "")


def test_check_map_does_not_search_a_folder_of_maps(tmp_path: Path) -> None:
    write_map(tmp_path / "maps" / "one")
    assert len(argmap.check_paths([tmp_path / "maps"]).contexts) == 1
    run = check_map(tmp_path / "maps")
    assert run.contexts == ()
    assert [f.code for f in run.findings] == ["AM102"]


# --- merging the command line into the configuration -----------------------------------------


def test_merge_cli_replaces_select_adds_ignore_and_sets_the_fail_level() -> None:
    base = Config(select=("AM2",), ignore=("AM209",))
    merged = merge_cli(base, select=["AM3,AM4"], ignore=["AM301"], fail_level="info")
    assert merged.select == ("AM3", "AM4")
    assert merged.ignore == ("AM209", "AM301")
    assert merged.fail_level is argmap.Severity.INFO
    assert merge_cli(base) == base
    with pytest.raises(ConfigError, match="--select: 'AM3O1' is not a rule code"):
        merge_cli(base, select=["AM3O1"])


# --- the commands: one set of load options, and [tool.argmap] for each -------------------------


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_every_map_loading_command_takes_the_same_load_options() -> None:
    shared = ("--config", "--no-config", "--max-file-size", "--max-values", "--max-text-length",
              "--max-alias-expansions", "--max-depth")
    for command in ("check", "report", "render"):
        _, out = invoke(command, "--help")
        for option in shared:
            assert option in out, (command, option)
    _, check_help = invoke("check", "--help")
    assert "--max-nodes" not in check_help  # render's --max-nodes counts drawn nodes only


def test_report_and_render_take_the_load_limits(tmp_path: Path) -> None:
    folder = write_map(tmp_path / "m")
    code, out = invoke("report", str(folder), "--max-values", "3")
    assert code == 2
    assert "AM107" in out
    code, out = invoke("render", str(folder), "-f", "dot", "--max-values", "3")
    assert code == 1
    assert "AM107" in out


def test_report_and_render_findings_follow_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_map(tmp_path / "m")
    _, report = invoke("report", "m")
    assert "| AM209 | warning |" in report
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap]\nseverity = {disconnected-claim = "error"}\n', encoding="utf-8"
    )
    _, report = invoke("report", "m")
    assert "| AM209 | error |" in report
    _, report = invoke("report", "--no-config", "m")
    assert "| AM209 | warning |" in report
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM209"]\n',
                                             encoding="utf-8")
    _, report = invoke("report", "m")
    assert "AM209" not in report
    _, dot = invoke("render", "m", "-f", "dot", "--findings")
    _, dot_unconfigured = invoke("render", "m", "-f", "dot", "--findings", "--no-config")
    assert "AM209" not in dot
    assert "AM209" in dot_unconfigured
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nselect = ["no-such-rule"]\n',
                                             encoding="utf-8")
    for args in (("report", "m"), ("render", "m", "-f", "dot", "--findings")):
        code, out = invoke(*args)
        assert code == 2, args
        assert "'no-such-rule' is not a rule code" in out


# --- the report reuses the check's work --------------------------------------------------------


class _Counts:
    """Counts rule contexts, quote anchorings and grounded analyses while a command runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from argmap._engine.context import RuleContext
        from argmap._verify import anchor, argumentation

        self.seen: Counter[str] = Counter()
        self._wrap(monkeypatch, RuleContext, "__init__", "contexts")
        self._wrap(monkeypatch, anchor.SnapshotIndex, "anchor", "anchorings")
        # analyse() builds the arguments first; rules import analyse by name, so the
        # module-level helper it calls is where every analysis shows
        self._wrap(monkeypatch, argumentation, "_arguments", "analyses")

    def _wrap(self, monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, key: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.seen[key] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)

    def during(self, *args: str) -> Counter[str]:
        self.seen.clear()
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        assert result.exit_code in (0, 1), result.output
        return Counter(self.seen)


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bike-lanes example, away from the project's pyproject.toml."""
    folder = tmp_path / "bike-lanes"
    shutil.copytree(EXAMPLE, folder)
    monkeypatch.chdir(tmp_path)
    return folder


def test_report_computes_nothing_the_check_computed(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = _Counts(monkeypatch)
    check = counts.during("check", str(example))
    report = counts.during("report", str(example))
    assert check["anchorings"] > 0  # the example has quotes, and a thesis to analyse
    assert check["analyses"] == 1
    assert report == check


def test_report_anchors_the_quotes_itself_when_no_quote_rule_ran(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (example.parent / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM4"]\n',
                                                   encoding="utf-8")
    counts = _Counts(monkeypatch)
    assert counts.during("check", str(example))["anchorings"] == 0
    report = counts.during("report", str(example))
    assert report["anchorings"] == 3
    assert report["contexts"] == 1
