"""AM3xx (citations and numbers): each rule fires on a small bad map and stays silent on the
corrected one."""

from __future__ import annotations

from pathlib import Path

import pytest
from map_findings import findings

import argmap
from argmap._engine.config import Config
from argmap._engine.run import check_loaded


def cited(claim: str, quote: str, extra: str = "", source: str = "S1") -> str:
    return f"""\
claims:
  - {{id: C1, kind: thesis, text: "{claim}", evidence: [E1]{extra}}}
evidence:
  - {{id: E1, source: {source}, quote: {{exact: "{quote}"}}}}
sources:
  - {{id: S1, title: Trade report}}
  - {{id: paper, title: The paper}}
"""


QUOTE = "In 2019, bilateral trade reached USD 4 billion"


@pytest.mark.parametrize(
    ("claim", "quote"),
    [
        ("In 2019 trade reached USD 4 billion.", QUOTE),
        ("In 2019 trade reached $4 bn.", QUOTE),
        ("Trade reached about USD 4 billion in 2019.", "trade reached USD 4.2 billion in 2019"),
        ("Over 300 MPs joined the group.", "over 300 MPs signed up to join the group"),
        ("More than 300 MPs joined.", "312 MPs signed up"),
        ("Exports were below USD 1 billion.", "exports amounted to barely $0.5 billion"),
        ("Investments vary between USD 30 and 40 million.",
         "vary between USD 30 and 40 million per year"),
        ("China holds a fifth of the debt.", "holds a ffth of its state debt"),
        ("China holds 20% of the debt.", "holds a fifth of its state debt"),
        ("Rail traffic grew 1.6 times.", "rail freight traffic grew 1.6-fold"),
        ("Queries ran 2.5x faster.", "queries ran 2.5 times faster"),
        ("The army has 5,000 troops.", "the army has 5 000 troops"),
        ("Unemployment rose from 10% to 15%.", "unemployment rose from 10 to 15%"),
        ("Exports fell by 57%.", "exports: -57%"),
        ("Article 5 applies to 54 states.", "54 states signed"),
        ("Python 3.11 made it 25% faster.", "the new release is 25% faster"),
        ("Traffic grew 15-fold in 2013–2018.", "increased 15-fold in 2013–2018"),
        ("In 2014–2019 investment reached USD 300 million.",
         "Kitayskiye investitsii ... za 5 let sostavili 300 mln dollarov"),
    ],
)
def test_cited_figures_pass(tmp_path: Path, claim: str, quote: str) -> None:
    assert findings(tmp_path, cited(claim, quote), "AM301") == []


@pytest.mark.parametrize(
    ("claim", "quote", "why"),
    [
        ("In 2019 trade reached USD 5 billion.", QUOTE, "a different value"),
        ("In 2019 trade reached EUR 4 billion.", QUOTE, "a different unit"),
        ("In 2016 trade reached USD 4 billion.", QUOTE, "a different period"),
        ("China holds 30% of the debt.", "holds a fifth of its state debt", "a different value"),
        ("China holds 20% of the debt.", "holds 20 percentage points", "different kind"),
        ("Pages are 16 MiB.", "pages are 16 KiB", "a different unit"),
        ("They filed 8000 companies.", "they filed 8000 files", "a different unit"),
        ("Exports rose by 5%.", "exports fell by 5%", "the other direction"),
        ("Exports rose by 5%.", "exports: -5%", "the other direction"),
        ("Costs rose up to 20%.", "costs rose up to 10%", "overstates"),
        ("Over 150 MPs joined.", "over 100 MPs joined", "overstates"),
        ("300 MPs joined.", "over 300 MPs signed up", "a different value"),
        ("Investments were USD 35 million.", "between USD 30 and 40 million", "value"),
    ],
)
def test_uncited_figures_fire(tmp_path: Path, claim: str, quote: str, why: str) -> None:
    (found,) = findings(tmp_path, cited(claim, quote), "AM301")
    assert found.node == "C1"
    assert why in found.message
    assert found.location is not None
    assert found.location.line == 3


def test_a_figure_without_evidence(tmp_path: Path) -> None:
    body = "claims:\n  - {id: C1, kind: thesis, text: Exports fell by 57%.}\n"
    (found,) = findings(tmp_path, body, "AM301")
    assert "'57%'" in found.message
    assert "no evidence" in found.message


def test_a_derived_figure_needs_no_quote(tmp_path: Path) -> None:
    body = """\
claims:
  - id: C1
    kind: thesis
    text: Traffic grew 15-fold from 21 thousand to 340 thousand containers.
    evidence: [E1]
    quantities:
      - {id: f, kind: fold, value: 15, text: 15-fold}
      - {id: a, kind: count, value: 21, scale: thousand, text: 21 thousand}
      - {id: b, kind: count, value: 340, scale: thousand, text: 340 thousand containers}
evidence:
  - {id: E1, source: S1, quote: {exact: from 21 thousand to 340 thousand containers}}
checks:
  - {id: K1, type: fold, from: a, to: b, result: f}
sources:
  - {id: S1, title: Rail report}
"""
    assert findings(tmp_path, body, "AM301") == []


def test_min_count_option(tmp_path: Path) -> None:
    body = "claims:\n  - {id: C1, kind: thesis, text: The two states agreed.}\n"
    assert len(findings(tmp_path, body, "AM301")) == 1
    path = tmp_path / "map.yaml"
    result = check_loaded(argmap.load(path), Config(options={"AM301": {"min_count": 3}}))
    assert [f for f in result if f.code == "AM301"] == []


def test_uncited_date(tmp_path: Path) -> None:
    body = "claims:\n  - {id: C1, text: Belarus joined the BRI in 2013.}\n"
    (found,) = findings(tmp_path, body, "AM302")
    assert "'2013'" in found.message
    good = cited("Belarus joined the BRI in 2013.", "joined the Belt and Road Initiative in 2013")
    assert findings(tmp_path, good, "AM302") == []


def test_quantity_text_mismatch(tmp_path: Path) -> None:
    body = """\
claims:
  - id: C1
    text: Exports fell by 57% and trade reached USD 4 billion.
    quantities:
      - {id: q1, kind: percent, value: 75, text: 57%}
      - {id: q2, kind: amount, value: 4, unit: USD, scale: billion, text: USD 4 billion}
      - {id: q3, kind: amount, value: 4, unit: EUR, scale: billion, text: USD 4 billion}
      - {id: q4, kind: percent, value: 57, text: 57 %}
"""
    found = findings(tmp_path, body, "AM303")
    assert [f.message.split(":")[0].split()[1] for f in found] == ["'q1'", "'q3'", "'q4'"]
    assert "value 75 vs 57" in found[0].message
    assert "currency EUR vs USD" in found[1].message
    assert "does not occur" in found[2].message


def test_more_precise_than_source(tmp_path: Path) -> None:
    bad = cited("In 2019 trade reached USD 4.2 billion.", QUOTE)
    (found,) = findings(tmp_path, bad, "AM304")
    assert "'USD 4 billion'" in found.message
    assert findings(tmp_path, bad, "AM301") == []
    assert findings(tmp_path, cited("In 2019 trade reached USD 4 billion.", QUOTE), "AM304") == []


def test_secondary_only_figure(tmp_path: Path) -> None:
    claim, quote = "In 2019 trade reached USD 4 billion.", QUOTE
    bad = "subject: paper\n" + cited(claim, quote, source="paper")
    (found,) = findings(tmp_path, bad, "AM305")
    assert found.severity.label == "info"
    assert "no primary source" in found.message
    assert findings(tmp_path, "subject: paper\n" + cited(claim, quote), "AM305") == []


def test_a_weaker_bound_understates(tmp_path: Path) -> None:
    bad = cited("Over 50 MPs joined.", "over 100 MPs joined")
    (found,) = findings(tmp_path, bad, "AM307")
    assert found.severity.label == "warning"
    assert "'over 100 MPs'" in found.message
    assert findings(tmp_path, bad, "AM301") == []
    assert findings(tmp_path, cited("Over 100 MPs joined.", "over 100 MPs joined"),
                    "AM307") == []
    # a stronger bound is not a warning but an uncited figure
    stronger = cited("Over 150 MPs joined.", "over 100 MPs joined")
    assert findings(tmp_path, stronger, "AM307") == []
    assert len(findings(tmp_path, stronger, "AM301")) == 1


def test_a_quantity_text_inside_a_longer_number_is_not_found(tmp_path: Path) -> None:
    """The false AM303 of the generated benchmark maps: '97' was found inside '397'."""
    body = """\
claims:
  - id: C1
    text: In 2017 traffic rose from 300 to 397 containers, an increase of 97, to 201 ports.
    quantities:
      - {id: a, kind: count, value: 300, text: "300"}
      - {id: b, kind: count, value: 397, unit: containers, text: 397 containers}
      - {id: d, kind: count, value: 97, text: "97"}
      - {id: p, kind: count, value: 201, unit: ports, text: "201"}
"""
    assert findings(tmp_path, body, "AM303") == []
    only_inside = body.replace('text: "97"}', 'text: "39"}')
    (found,) = findings(tmp_path, only_inside, "AM303")
    assert "only inside a longer number" in found.message


def test_quantity_text_mismatch_of_kind_or_unit(tmp_path: Path) -> None:
    body = """\
claims:
  - id: C1
    text: The call took 1.9 ms and used 16 KiB.
    quantities:
      - {id: t, kind: amount, value: 1.9, unit: ms, text: 1.9 ms}
      - {id: m, kind: count, value: 16, unit: MiB, text: 16 KiB}
"""
    kind, unit = findings(tmp_path, body, "AM303")
    assert "declared as an amount" in kind.message
    assert "reads as a count" in kind.message
    assert "only the kind differs" in kind.message
    assert kind.hint == "declare kind: count"
    assert "unit MiB vs KiB" in unit.message
