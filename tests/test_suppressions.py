"""Suppressions name their target: an entry silences one finding, not a rule on a whole node.

An ``ignore`` entry with a ``target`` silences only the finding that names it (a figure's
text, an evidence, relation or claim ID, or the node itself); a target that names nothing is
AM901; an entry without a target is fine where the rule's findings name nothing finer than
the node, and otherwise still suppresses but is AM902, as it would hide every later finding.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Finding, Severity
from argmap._engine.codes import UNTARGETED_SUPPRESSION
from argmap._engine.config import Config
from argmap._engine.run import check_loaded
from argmap._model import Suppression

ROOT = Path(__file__).parent.parent
EXAMPLE_MAPS = ROOT / "tests" / "example-maps"

#: Two figures on one claim, neither in the quote: two AM301 findings, targets '5' and '7'.
FIGURES = """\
title: Suppressions
claims:
  - id: T1
    kind: thesis
    text: Trade grew 5% in 2019 and 7% in 2020.
    evidence: [E1]
    ignore:
{entries}
evidence:
  - {{id: E1, source: S1, quote: {{exact: Trade grew in both years.}}}}
sources:
  - {{id: S1, title: Trade report, issued: 2021-05-02, URL: 'https://example.org/r'}}
"""


def run(tmp_path: Path, text: str, config: Config | None = None) -> list[Finding]:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    found = check_loaded(argmap.load(path), config or Config())
    assert not [f for f in found if f.code == "AM000"], found
    return found


def figures(tmp_path: Path, *entries: str) -> list[Finding]:
    lines = "\n".join(f"      - {entry}" for entry in entries)
    return run(tmp_path, FIGURES.format(entries=lines))


def codes(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.code == code]


def test_the_figure_findings_name_their_figure(tmp_path: Path) -> None:
    found = figures(tmp_path, "{code: AM702, reason: placeholder}")
    assert sorted((f.node, f.target) for f in codes(found, "AM301")) == [("T1", "5%"),
                                                                        ("T1", "7%")]


def test_a_targeted_entry_silences_its_finding_and_no_other(tmp_path: Path) -> None:
    found = figures(tmp_path, "{code: AM301, target: 5%, reason: the report's table says so}")
    by_target = {f.target: f.suppressed for f in codes(found, "AM301")}
    assert by_target == {"5%": "the report's table says so", "7%": None}
    assert codes(found, "AM901") == codes(found, "AM902") == []


def test_a_target_that_names_nothing_is_reported_with_what_the_rule_names(
    tmp_path: Path,
) -> None:
    found = figures(tmp_path, "{code: AM301, target: 6%, reason: stale}")
    assert [f.suppressed for f in codes(found, "AM301")] == [None, None]
    (unused,) = codes(found, "AM901")
    assert unused.message == ("the suppression of AM301 on 'T1' targets '6%', which no AM301 "
                              "finding on 'T1' names")
    assert unused.hint == "AM301 on 'T1' names '5%', '7%'; correct the target, or remove the entry"
    assert (unused.line, unused.column) == (8, 31)  # the entry's target


def test_an_entry_without_target_where_findings_name_one_warns_and_still_suppresses(
    tmp_path: Path,
) -> None:
    found = figures(tmp_path, "{code: AM301, reason: the report's table says so}")
    assert [f.suppressed for f in codes(found, "AM301")] == ["the report's table says so"] * 2
    (coarse,) = codes(found, "AM902")
    assert coarse.severity.label == "warning"
    assert coarse.message == ("the suppression of AM301 on 'T1' names no target: it silences "
                              "'5%', '7%' and would hide every later AM301 finding on 'T1' "
                              "too")
    assert coarse.hint == "name what it silences, e.g. `target: '5%'` (one entry per target)"
    assert (coarse.line, coarse.column) == (8, 9)
    assert codes(found, "AM901") == []


def test_a_targeted_entry_wins_over_an_untargeted_one(tmp_path: Path) -> None:
    found = figures(tmp_path, "{code: AM301, target: 5%, reason: one}",
                    "{code: AM301, target: 7%, reason: two}",
                    "{code: AM301, reason: everything}")
    assert sorted(f.suppressed or "" for f in codes(found, "AM301")) == ["one", "two"]
    (unused,) = codes(found, "AM901")  # the untargeted entry is left with nothing to do
    assert unused.message == "the suppression of AM301 on 'T1' suppresses nothing"
    assert codes(found, "AM902") == []


def test_targets_compare_with_whitespace_collapsed(tmp_path: Path) -> None:
    text = FIGURES.replace("5% in 2019", "EUR 5\n      million in 2019").format(
        entries="      - {code: AM301, target: EUR 5 million, reason: r}")
    found = run(tmp_path, text)
    assert [f.target for f in codes(found, "AM301") if f.suppressed] == ["EUR 5 million"]


def test_an_entry_without_target_is_fine_where_findings_name_nothing_finer(
    tmp_path: Path,
) -> None:
    found = run(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane was worth building.}
  - {id: A1, kind: assumption, text: Assumed.}
  - id: O1
    kind: objection
    text: It cost too much.
    ignore: [{code: AM702, reason: answered in the follow-up map}]
relations:
  - {id: R1, type: supports, from: A1, to: T1}
  - {id: R2, type: attacks, from: O1, to: T1}
""")
    (silenced,) = codes(found, "AM702")
    assert (silenced.target, silenced.suppressed) == (None, "answered in the follow-up map")
    assert codes(found, "AM901") == codes(found, "AM902") == []


def test_a_target_may_name_the_node_itself(tmp_path: Path) -> None:
    # a quote finding's node is its evidence item: the evidence ID is its target
    (tmp_path / "s.txt").write_text("The lane was worth building, the council found.",
                                    encoding="utf-8")
    found = run(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane was worth building., evidence: [E1]}
evidence:
  - id: E1
    source: S1
    quote: {exact: words the snapshot does not hold at all}
    ignore: [{code: AM401, target: E1, reason: the snapshot lacks the annex}]
sources:
  - {id: S1, title: Report, snapshot: {path: s.txt}}
""")
    (silenced,) = codes(found, "AM401")
    assert silenced.suppressed == "the snapshot lacks the annex"
    assert codes(found, "AM901") == codes(found, "AM902") == []


def test_relation_findings_name_the_claim_they_are_about(tmp_path: Path) -> None:
    found = run(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: Thesis one.}
  - {id: T2, kind: thesis, text: Thesis two.}
  - {id: T3, kind: thesis, text: Thesis three.}
  - {id: A1, kind: assumption, text: Assumed.}
relations:
  - {id: R0, type: supports, from: A1, to: T1}
  - id: R1
    type: supports
    from: [T1, T2]
    to: T3
    ignore: [{code: AM215, target: T2, reason: the paper's second thesis builds on it}]
""")
    got = {f.target: f.suppressed for f in codes(found, "AM215")}
    assert got == {"T1": None, "T2": "the paper's second thesis builds on it"}


def test_the_reporters_json_shows_the_target(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import cli

    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "map.yaml").write_text(FIGURES.format(entries="      - {code: AM301, target: 5%"
                                                            ", reason: r}"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--format", "json", str(folder)])
    data = json.loads(result.output)
    got = sorted((f["target"], f["suppressed"]) for f in data["findings"] if f["code"] == "AM301")
    assert got == [("5%", True), ("7%", False)]


def test_am901_and_am902_follow_the_configuration(tmp_path: Path) -> None:
    text = FIGURES.format(entries="      - {code: AM301, reason: r}")
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = argmap.load(path)
    assert codes(check_loaded(loaded, Config(ignore=("AM902",))), "AM902") == []
    quiet = Config(ignore=("untargeted-suppression",))
    assert codes(check_loaded(loaded, quiet), "AM902") == []
    loud = check_loaded(loaded, Config(severity={"AM902": Severity.ERROR}))
    assert [f.severity.label for f in codes(loud, "AM902")] == ["error"]
    # a suppression of a rule that did not run says nothing
    assert codes(check_loaded(loaded, Config(ignore=("AM301",))), "AM902") == []


def test_the_model_takes_an_optional_non_empty_target() -> None:
    assert Suppression.model_validate({"code": "AM301", "reason": "r"}).target is None
    assert Suppression.model_validate({"code": "AM301", "target": "5%", "reason": "r"}).target
    with pytest.raises(ValueError, match="target"):
        Suppression.model_validate({"code": "AM301", "target": "", "reason": "r"})


# --- which rules name a target -----------------------------------------------------------------


def _documented_targeted_codes() -> set[str]:
    """The codes AM902's documentation lists as naming a target (its first paragraph)."""
    first = UNTARGETED_SUPPRESSION.body.split("\n\n")[0]
    return set(re.findall(r"AM\d{3}", first))


def _bad_example_targets() -> dict[str, bool]:
    """Code -> whether its findings on its bad example map name a target finer than the node."""
    found: dict[str, bool] = {}
    for folder in sorted(EXAMPLE_MAPS.iterdir()):
        bad = folder / "bad"
        if not bad.is_dir():
            continue
        for finding in argmap.check(bad):
            if finding.code != folder.name:
                continue
            finer = finding.target is not None and finding.target != finding.node
            found[finding.code] = found.get(finding.code, False) or finer
    return found


def test_the_rules_that_name_a_target_are_the_documented_ones() -> None:
    named = {code for code, finer in _bad_example_targets().items() if finer}
    documented = _documented_targeted_codes()
    assert named == documented, "AM902's documentation lists the rules that name a target"
    assert {"AM301", "AM303", "AM304", "AM215", "AM218", "AM203"} <= named
    format_doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    section = format_doc.split("### Suppressions", 1)[1].split("\n## ", 1)[0]
    assert documented <= set(re.findall(r"AM\d{3}", section))


# --- the repository's maps ----------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["claims/fiia-298", "examples/bike-lanes"])
def test_every_suppression_in_the_repository_is_used_and_named(folder: str) -> None:
    found = argmap.check(ROOT / folder)
    assert [f.message for f in found if f.code in ("AM901", "AM902")] == []


# --- never a crash --------------------------------------------------------------------------------

_CODES = st.sampled_from(["AM202", "AM209", "AM215", "AM216", "AM301", "AM702", "AM999"])
_TARGETS = st.one_of(st.none(), st.sampled_from(["T1", "R1", "P1", "5%", " 5% ", "x"]))


@given(entries=st.lists(st.tuples(st.sampled_from([0, 1, 2]), _CODES, _TARGETS), max_size=6))
def test_any_set_of_entries_is_matched_without_a_crash(
    entries: list[tuple[int, str, str | None]],
) -> None:
    data: dict[str, Any] = {
        "title": "fuzz",
        "claims": [
            {"id": "T1", "kind": "thesis", "text": "Trade grew 5% in 2019."},
            {"id": "P1", "text": "Thesis as premise."},
        ],
        "relations": [{"id": "R1", "type": "supports", "from": ["T1", "NOPE"], "to": "P1"}],
    }
    nodes = [data["claims"][0], data["claims"][1], data["relations"][0]]
    for at, code, target in entries:
        entry = {"code": code, "reason": "fuzz"} | ({"target": target} if target else {})
        nodes[at].setdefault("ignore", []).append(entry)
    found = check_loaded(argmap.ArgumentMap.model_validate(data))
    assert not [f for f in found if f.code == "AM000"]
    for finding in found:
        if finding.code in ("AM901", "AM902"):
            assert finding.node in ("T1", "P1", "R1")
