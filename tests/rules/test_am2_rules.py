"""The AM2xx rules on small maps: each fires where it should and stays silent otherwise."""

from __future__ import annotations

from pathlib import Path

from map_findings import findings

from argmap._engine.config import Config


def test_wrong_kind_is_am203_not_am202(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
relations:
  - {id: R1, type: supports, from: E1, to: T1}
  - {id: R2, type: supports, from: NOPE, to: T1}
evidence:
  - {id: E1, source: S1}
sources:
  - {id: S1}
"""
    wrong = findings(tmp_path, body, "AM203")
    unknown = findings(tmp_path, body, "AM202")
    assert [f.message for f in wrong] == ["premise 'E1' is an evidence item, not a claim"]
    assert wrong[0].hint is not None
    assert "evidence" in wrong[0].hint
    assert wrong[0].related[0].node == "E1"
    assert [f.message for f in unknown] == ["claim 'NOPE' does not exist"]


def test_attack_on_a_relation_must_be_an_undercut(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: assumption, text: Premise.}
  - {id: O1, kind: objection, text: Objection.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
  - {id: R2, type: attacks, from: O1, to: R1}
"""
    (found,) = findings(tmp_path, body, "AM203")
    assert found.node == "R2"
    assert "undercuts" in (found.hint or "")


def test_support_for_an_objection_is_allowed(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: O1, kind: objection, text: Objection.}
  - {id: P1, kind: assumption, text: Reason for the objection.}
relations:
  - {id: R1, type: attacks, from: O1, to: T1}
  - {id: R2, type: supports, from: P1, to: O1}
"""
    assert findings(tmp_path, body, "AM203") == []


def test_self_relation(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
relations:
  - {id: R1, type: supports, from: T1, to: T1}
"""
    (found,) = findings(tmp_path, body, "AM204")
    assert found.message == "'T1' supports itself (relation 'R1')"
    assert findings(tmp_path, body, "AM205") == []  # a self-loop is not also a cycle


def test_circular_support_names_every_node(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: A, kind: assumption, text: A.}
  - {id: B, kind: assumption, text: B.}
  - {id: C, kind: assumption, text: C.}
  - {id: D, kind: assumption, text: D.}
  - {id: X, kind: assumption, text: X.}
  - {id: Y, kind: assumption, text: Y.}
relations:
  - {id: R1, type: supports, from: A, to: T1}
  - {id: R2, type: supports, from: A, to: B}
  - {id: R3, type: supports, from: B, to: A}
  - {id: R4, type: supports, from: B, to: C}
  - {id: R5, type: supports, from: C, to: D}
  - {id: R6, type: supports, from: D, to: B}
  - {id: R7, type: supports, from: [X, T1], linked: true, to: Y}
  - {id: R8, type: supports, from: Y, to: X}
"""
    first, second = findings(tmp_path, body, "AM205")
    assert first.message == "circular support: A -> B -> A (2 more claims are caught in it)"
    assert first.node == "A"
    nodes = [r.node for r in first.related]
    assert nodes == ["A", "R2", "B", "R3", "C", "D"]
    assert all(r.location is not None for r in first.related)
    assert second.message == "circular support: X -> Y -> X"
    assert second.data["relations"] == ["R7", "R8"]


def test_attacks_do_not_make_a_cycle(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: A, kind: assumption, text: A.}
relations:
  - {id: R1, type: supports, from: A, to: T1}
  - {id: R2, type: attacks, from: T1, to: A}
"""
    assert findings(tmp_path, body, "AM205") == []


def test_supports_and_attacks(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: T2, kind: thesis, text: Other thesis.}
  - {id: P1, kind: assumption, text: Premise.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
  - {id: R2, type: attacks, from: P1, to: T2}
  - {id: R3, type: attacks, from: [P1, T2], linked: true, to: T1}
"""
    (found,) = findings(tmp_path, body, "AM206")
    assert found.node == "R3"
    assert found.related[0].node == "R1"


def test_empty_map_is_not_also_without_thesis(tmp_path: Path) -> None:
    assert len(findings(tmp_path, "claims: []\n", "AM207")) == 1
    assert findings(tmp_path, "claims: []\n", "AM208") == []
    assert len(findings(tmp_path, "description: no claims key at all\n", "AM207")) == 1


def test_no_thesis(tmp_path: Path) -> None:
    body = "claims:\n  - {id: C1, text: A claim.}\n"
    (found,) = findings(tmp_path, body, "AM208")
    assert (found.line, found.column) == (3, 5)
    assert findings(tmp_path, body, "AM209") == []  # nothing to be connected to


def test_undercuts_connect_to_the_relation_they_undercut(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: assumption, text: Premise.}
  - {id: U1, kind: assumption, text: Undercutter.}
  - {id: U2, kind: assumption, text: Undercuts the undercut.}
  - {id: LONE, kind: assumption, text: Alone.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
  - {id: R2, type: undercuts, from: U1, to: R1}
  - {id: R3, type: undercuts, from: U2, to: R2}
"""
    assert [f.node for f in findings(tmp_path, body, "AM209")] == ["LONE"]


def test_unsupported_thesis_option(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis., evidence: [E1]}
evidence:
  - {id: E1, source: S1}
sources:
  - {id: S1}
"""
    assert findings(tmp_path, body, "AM210") == []
    strict = Config(options={"unsupported-thesis": {"evidence_counts": False}})
    assert len(findings(tmp_path, body, "AM210", strict)) == 1


def test_unbacked_premise_exempts_assumptions_and_objections(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: A1, kind: assumption, text: Assumed.}
  - {id: O1, kind: objection, text: Objection.}
  - {id: P1, text: Answer to the objection.}
  - {id: P2, kind: premise, text: Listed as a premise but unused.}
relations:
  - {id: R1, type: supports, from: A1, to: T1}
  - {id: R2, type: attacks, from: O1, to: T1}
  - {id: R3, type: attacks, from: P1, to: O1}
"""
    assert [f.node for f in findings(tmp_path, body, "AM211")] == ["P2"]
    # P1 is a plain claim with neither support nor evidence: the claim rule's, not AM211's
    assert [f.node for f in findings(tmp_path, body, "AM216")] == ["P1"]


def test_unbacked_premise_hint_no_longer_suggests_support(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: premise, text: Premise.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
"""
    (found,) = findings(tmp_path, body, "AM211")
    assert found.severity.label == "error"
    hint = found.hint or ""
    assert "`kind: assumption`" in hint
    assert "support it" not in hint  # a supported premise is a claim (AM217)


def test_unused_sources_and_evidence(tmp_path: Path) -> None:
    body = """\
subject: S4
claims:
  - {id: T1, kind: thesis, text: Thesis., evidence: [E1]}
evidence:
  - {id: E1, source: S1, via: S2}
  - {id: E2, source: S1}
sources:
  - {id: S1}
  - {id: S2}
  - {id: S3}
  - {id: S4}
"""
    assert [f.node for f in findings(tmp_path, body, "AM212")] == ["S3"]
    assert [f.node for f in findings(tmp_path, body, "AM213")] == ["E2"]


def test_duplicate_text_is_normalised(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: "Ｃycling  tripled."}
  - {id: P1, kind: assumption, text: "cycling tripled."}
  - {id: P2, kind: assumption, text: "Cycling tripled!"}
"""
    (found,) = findings(tmp_path, body, "AM214")
    assert found.node == "P1"
    assert found.related[0].node == "T1"


def test_a_suppression_silences_one_node(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis., evidence: [E1]}
evidence:
  - {id: E1, source: S1}
sources:
  - {id: S1}
  - id: S2
    ignore: [{code: AM212, reason: kept for the next revision}]
  - {id: S3}
"""
    found = findings(tmp_path, body, "AM212")
    assert [(f.node, f.suppressed) for f in found] == [
        ("S2", "kept for the next revision"),
        ("S3", None),
    ]
