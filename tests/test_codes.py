"""One registry of every code: load codes, rules and the engine's codes, for config and docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap._engine.codes import (
    ENGINE_CODES,
    INTERNAL_ERROR,
    UNUSED_SUPPRESSION,
    all_codes,
    find_code,
)
from argmap._engine.config import Config, ConfigError, check_codes, load_config
from argmap._engine.run import check_loaded
from argmap._ingest.codes import INGEST_CODES
from argmap._load.codes import LOAD_CODES
from argmap.cli import cli
from argmap.rules import REGISTRY


def test_the_registry_holds_every_code_once_in_code_order() -> None:
    codes = [doc.code for doc in all_codes()]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    from argmap._interop.codes import INTEROP_CODES

    assert set(codes) == (set(LOAD_CODES) | set(INTEROP_CODES) | set(REGISTRY)
                          | {doc.code for doc in ENGINE_CODES} | set(INGEST_CODES))
    ids = [doc.id for doc in all_codes()]
    assert len(set(ids)) == len(ids), "two codes share a readable id"


@pytest.mark.parametrize("wanted", ["AM107", "am107", "limit-exceeded", " AM107 "])
def test_a_load_code_is_found_by_code_or_id(wanted: str) -> None:
    assert find_code(wanted) is LOAD_CODES["AM107"]


def test_unknown_codes_are_not_found() -> None:
    assert find_code("AM999") is None
    assert find_code("limit") is None


def test_the_engine_reports_its_codes_with_the_registered_ids(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        "title: t\nclaims:\n  - id: T1\n    kind: thesis\n    text: The lane was worth it.\n"
        "    ignore: [{code: AM301, reason: no figure here}]\n",
        encoding="utf-8",
    )
    (unused,) = [f for f in argmap.check(path) if f.code == UNUSED_SUPPRESSION.code]
    assert (unused.rule, unused.severity) == (UNUSED_SUPPRESSION.id, UNUSED_SUPPRESSION.severity)
    assert INTERNAL_ERROR.code == "AM000"  # tests/test_engine.py makes a rule crash


def test_load_codes_and_ids_are_accepted_by_configuration_and_change_nothing(
    tmp_path: Path,
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.argmap]\nignore = ["AM1", "unknown-key"]\n'
        '[tool.argmap.severity]\nunknown-key = "info"\n'
        '[tool.argmap.per-file-ignores]\n"*" = ["AM111"]\n',
        encoding="utf-8",
    )
    config = load_config(pyproject)
    assert config.ignore == ("AM1", "unknown-key")
    assert check_codes(["syntax-error,AM105"], "--select") == ("syntax-error", "AM105")
    path = tmp_path / "map.yaml"
    path.write_text("title: t\nclaims:\n  - {id: C1, text: a, knd: claim}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--config", str(pyproject), "--ignore", "AM111", "-f", "concise", str(path)]
    )
    assert result.exit_code == 1  # the load error stops the loading before any of it applies
    assert " AM111 " in result.output


def test_a_prefix_expands_to_the_load_codes_it_covers(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.argmap.per-file-ignores]\n"*" = ["AM1"]\n', encoding="utf-8")
    from argmap._interop.codes import INTEROP_CODES

    assert load_config(pyproject).per_file_ignores["*"] == tuple(
        sorted([*LOAD_CODES, *INTEROP_CODES]))


def test_a_misspelt_load_id_is_still_an_error(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.argmap]\nignore = ["limit-exceded"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'limit-exceeded'"):
        load_config(pyproject)


def test_selecting_only_load_codes_runs_no_rule(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("title: t\nclaims:\n  - {id: C1, text: a}\n", encoding="utf-8")
    assert check_loaded(argmap.load(path), Config(select=("AM1",))) == []
