"""AM6xx (dates): sources issued before the period they report; periods that disagree."""

from __future__ import annotations

from pathlib import Path

from map_findings import findings

EARLY = """\
claims:
  - {{id: C1, text: In January–March 2020 exports fell by 57%., evidence: [E1]}}
evidence:
  - {{id: E1, source: S1, quote: {{exact: exports fell by 57%}}{period}}}
sources:
  - {{id: S1, title: Trade report, issued: {issued}}}
"""


def test_source_issued_before_the_claims_period(tmp_path: Path) -> None:
    (found,) = findings(tmp_path, EARLY.format(period="", issued="2019-11-02"), "AM601")
    assert found.node == "E1"
    assert "2020-01/2020-03" in found.message
    assert found.related[0].node == "S1"
    assert findings(tmp_path, EARLY.format(period="", issued="2020-05-02"), "AM601") == []
    # a year-only issue date may be any day of that year
    assert findings(tmp_path, EARLY.format(period="", issued="2020"), "AM601") == []


def test_source_issued_before_the_evidence_period(tmp_path: Path) -> None:
    body = EARLY.format(period=", period: 2021", issued="{date-parts: [[2020, 12]]}")
    (found,) = findings(tmp_path, body, "AM601")
    assert "before 2021" in found.message


def test_period_mismatch(tmp_path: Path) -> None:
    (found,) = findings(tmp_path, EARLY.format(period=", period: 2016", issued="2020-05-02"),
                        "AM602")
    assert found.node == "C1"
    assert "2020-01/2020-03" in found.message
    assert "2016" in found.message
    good = EARLY.format(period=", period: 2020-02", issued="2020-05-02")
    assert findings(tmp_path, good, "AM602") == []
