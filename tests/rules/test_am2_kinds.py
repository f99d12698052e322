"""Kinds agree with the structure (AM211, AM215-AM219): each kind's row of the table holds.

| kind | may be the `from` of | must hold |
| thesis | nothing | - |
| claim | supports, attacks, undercuts | supported or evidenced |
| premise | supports, attacks, undercuts | no incoming support; evidence (else an assumption) |
| assumption | supports, attacks, undercuts | - |
| objection | attacks, undercuts | attacks or undercuts something |

The point of the table: a relation written the wrong way round (A supports B -> B supports A)
contradicts the kinds wherever they make it detectable; the reversal tests say where.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from map_findings import findings

import argmap
from argmap._engine.run import check_loaded

ROOT = Path(__file__).parent.parent.parent
KIND_CODES = ("AM211", "AM215", "AM216", "AM217", "AM218", "AM219")


def kind_findings(tmp_path: Path, data: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(code, node) of every kind finding on the map ``data``, sorted."""
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"title": "Kinds", **data}), encoding="utf-8")
    found = check_loaded(argmap.load(path))
    assert not [f for f in found if f.code == "AM000"], found
    return sorted((f.code, f.node) for f in found if f.code in KIND_CODES)


# --- thesis: the premise of nothing ---------------------------------------------------------


def test_a_thesis_as_premise_is_reported_at_the_relation(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis one.}
  - {id: T2, kind: thesis, text: Thesis two.}
  - {id: A1, kind: assumption, text: Assumed.}
relations:
  - {id: R1, type: supports, from: A1, to: T1}
  - {id: R2, type: attacks, from: [A1, T1], to: T2}
"""
    (found,) = findings(tmp_path, body, "AM215")
    assert (found.node, found.target, found.severity.label) == ("R2", "T1", "error")
    assert found.message == ("thesis 'T1' is a premise of relation 'R2' (attacks 'T2'); a "
                             "thesis is the premise of nothing")
    assert (found.line, found.column) == (8, 40)  # the T1 in R2's `from`
    assert found.related[0].node == "T1"
    assert "reverse the relation" in (found.hint or "")


def test_theses_with_support_are_silent(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: A1, kind: assumption, text: Assumed.}
relations:
  - {id: R1, type: supports, from: A1, to: T1}
"""
    assert findings(tmp_path, body, "AM215") == []


# --- claim: supported or evidenced ----------------------------------------------------------


def test_a_claim_needs_support_or_evidence(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: C1, text: Backed by nothing.}
  - {id: C2, text: Evidenced., evidence: [E1]}
  - {id: C3, text: Supported.}
  - {id: C4, text: Only attacked.}
  - {id: A1, kind: assumption, text: Assumed.}
  - {id: O1, kind: objection, text: Objection.}
relations:
  - {id: R1, type: supports, from: [C1, C2, C3], to: T1}
  - {id: R2, type: supports, from: A1, to: C3}
  - {id: R3, type: attacks, from: C4, to: O1}
  - {id: R4, type: attacks, from: O1, to: T1}
  - {id: R5, type: attacks, from: A1, to: C4}
evidence:
  - {id: E1, source: S1, quote: {exact: Evidenced.}}
sources:
  - {id: S1, title: Source}
"""
    got = findings(tmp_path, body, "AM216")
    assert [(f.node, f.severity.label) for f in got] == [("C1", "error"), ("C4", "error")]
    assert got[0].message == "claim 'C1' is neither supported nor evidenced"
    assert "`kind: assumption`" in (got[0].hint or "")


def test_attacks_and_undercuts_are_not_support(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: C1, text: Claim.}
  - {id: A1, kind: assumption, text: Assumed.}
relations:
  - {id: R1, type: supports, from: C1, to: T1}
  - {id: R2, type: attacks, from: A1, to: C1}
  - {id: R3, type: undercuts, from: A1, to: R1}
"""
    assert [f.node for f in findings(tmp_path, body, "AM216")] == ["C1"]


# --- premise: no incoming support, and evidence ---------------------------------------------


def test_a_supported_premise_is_one_finding_naming_every_support(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - id: P1
    kind: premise
    text: Premise.
    evidence: [E1]
  - {id: A1, kind: assumption, text: Assumed.}
  - {id: A2, kind: assumption, text: Assumed too.}
relations:
  - {id: R1, type: supports, from: P1, to: T1}
  - {id: R2, type: supports, from: A1, to: P1}
  - {id: R3, type: supports, from: A2, to: P1}
  - {id: R4, type: attacks, from: A2, to: T1}
evidence:
  - {id: E1, source: S1, quote: {exact: Premise.}}
sources:
  - {id: S1, title: Source}
"""
    (found,) = findings(tmp_path, body, "AM217")
    assert found.message == ("premise 'P1' is supported by 'R2', 'R3'; a premise with "
                             "incoming support is a claim")
    assert (found.line, found.column) == (5, 11)  # its `kind`
    assert [r.node for r in found.related] == ["R2", "R3"]
    assert found.data["relations"] == ["R2", "R3"]
    assert findings(tmp_path, body, "AM211") == []  # the structure says claim, not AM211's


def test_a_premise_without_evidence_is_reported_unless_it_is_an_assumption(
    tmp_path: Path,
) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, kind: premise, text: No evidence.}
  - {id: P2, kind: assumption, text: Taken for granted.}
relations:
  - {id: R1, type: supports, from: [P1, P2], to: T1}
"""
    assert [(f.node, f.severity.label) for f in findings(tmp_path, body, "AM211")] == [
        ("P1", "error")
    ]
    assert findings(tmp_path, body, "AM216") == []


# --- objection: attacks or undercuts, never supports ----------------------------------------


def test_an_objection_that_supports_is_reported_at_the_relation(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: O1, kind: objection, text: Objection.}
  - {id: A1, kind: assumption, text: Assumed.}
  - {id: A2, kind: assumption, text: A reason for the objection.}
relations:
  - {id: R1, type: attacks, from: O1, to: T1}
  - {id: R2, type: supports, from: [A1, O1], to: T1}
  - {id: R3, type: supports, from: A2, to: O1}
"""
    (found,) = findings(tmp_path, body, "AM218")  # R3, support *into* the objection, is fine
    assert (found.node, found.target) == ("R2", "O1")
    assert (found.line, found.column) == (9, 41)
    assert findings(tmp_path, body, "AM219") == []  # it does attack T1


def test_an_objection_must_attack_or_undercut(tmp_path: Path) -> None:
    body = """\
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: A1, kind: assumption, text: Assumed.}
  - {id: O1, kind: objection, text: Attacks.}
  - {id: O2, kind: objection, text: Undercuts.}
  - {id: O3, kind: objection, text: Stands alone.}
  - {id: O4, kind: objection, text: Only attacked.}
relations:
  - {id: R1, type: supports, from: A1, to: T1}
  - {id: R2, type: attacks, from: O1, to: T1}
  - {id: R3, type: undercuts, from: O2, to: R1}
  - {id: R4, type: attacks, from: A1, to: O4}
"""
    got = findings(tmp_path, body, "AM219")
    assert [f.node for f in got] == ["O3", "O4"]
    assert got[0].message == "objection 'O3' attacks nothing and undercuts nothing"


# --- a relation reversed ---------------------------------------------------------------------

#: A map whose kinds agree with its structure, with every kind in every role it may take.
BASE: dict[str, Any] = {
    "claims": [
        {"id": "T1", "kind": "thesis", "text": "The lane was worth building."},
        {"id": "C1", "text": "The lane is popular."},
        {"id": "C2", "text": "Cycling grew.", "evidence": ["E1"]},
        {"id": "P1", "kind": "premise", "text": "Counts tripled.", "evidence": ["E1"]},
        {"id": "P2", "kind": "premise", "text": "Injuries fell.", "evidence": ["E1"]},
        {"id": "A1", "kind": "assumption", "text": "The counts are reliable."},
        {"id": "O1", "kind": "objection", "text": "It cost too much."},
        {"id": "P3", "kind": "premise", "text": "A fund paid for it.", "evidence": ["E1"]},
        {"id": "C3", "text": "More people cycle to work.", "evidence": ["E1"]},
    ],
    "relations": [
        {"id": "R1", "type": "supports", "from": "C1", "to": "T1"},
        {"id": "R2", "type": "supports", "from": "P1", "to": "C1"},
        {"id": "R3", "type": "supports", "from": "P2", "to": "T1"},
        {"id": "R4", "type": "supports", "from": "A1", "to": "C2"},
        {"id": "R5", "type": "attacks", "from": "O1", "to": "T1"},
        {"id": "R6", "type": "attacks", "from": "P3", "to": "O1"},
        {"id": "R7", "type": "supports", "from": "C2", "to": "T1"},
        {"id": "R8", "type": "supports", "from": "C3", "to": "C2"},
    ],
    "evidence": [{"id": "E1", "source": "S1", "quote": {"exact": "Counts tripled."}}],
    "sources": [{"id": "S1", "title": "City report"}],
}

#: Relation reversed -> the kind findings that catch it; empty where the kinds allow both
#: directions (an assumption may be supported; a premise need not attack; two evidenced claims
#: may support each other either way).
REVERSED = {
    "R1": [("AM215", "R1")],  # T1 supports C1: a thesis as premise
    "R2": [("AM216", "C1"), ("AM217", "P1")],  # C1 loses its support, P1 gains one
    "R3": [("AM215", "R3"), ("AM217", "P2")],
    "R4": [],  # C2 supports A1: C2 keeps its evidence; an assumption may be supported
    "R5": [("AM215", "R5"), ("AM219", "O1")],  # T1 attacks O1: O1 now attacks nothing
    "R6": [],  # O1 attacks P3: O1 still attacks; a premise need not attack
    "R7": [("AM215", "R7")],
    "R8": [],  # C2 supports C3: both keep their evidence
}


def test_the_base_map_agrees_with_its_kinds(tmp_path: Path) -> None:
    assert kind_findings(tmp_path, BASE) == []


@pytest.mark.parametrize("relation_id", sorted(REVERSED))
def test_a_reversed_relation_is_caught_where_the_kinds_make_it_detectable(
    tmp_path: Path, relation_id: str
) -> None:
    data = json.loads(json.dumps(BASE))
    relation = next(r for r in data["relations"] if r["id"] == relation_id)
    relation["from"], relation["to"] = relation["to"], relation["from"]
    assert kind_findings(tmp_path, data) == REVERSED[relation_id]


def test_the_share_of_reversals_caught_in_the_base_map() -> None:
    # a relation into a thesis (the thesis would become a premise) and a support out of a
    # premise (the premise would be supported) are caught: 5 of 8 here; reversing a support
    # out of an assumption, an attack on an objection or a support between two evidenced
    # claims leaves every kind's row of the table holding
    assert sorted(r for r, found in REVERSED.items() if found) == ["R1", "R2", "R3", "R5", "R7"]


# --- the maps of the repository ---------------------------------------------------------------


@pytest.mark.parametrize("folder", ["claims/fiia-298", "examples/bike-lanes"])
def test_the_repository_maps_agree_with_their_kinds(folder: str) -> None:
    found = check_loaded(argmap.load(ROOT / folder))
    assert [(f.code, f.node) for f in found if f.code in KIND_CODES] == []


def test_the_papers_intermediate_conclusions_are_claims() -> None:
    # every claim a support leads into is a claim or a thesis, and every premise is evidenced
    paper = argmap.load(ROOT / "claims" / "fiia-298")
    kinds = {c.id: c.kind.value for c in paper.claims}
    supported = Counter(kinds[r.to] for r in paper.relations if r.type == "supports")
    assert set(supported) <= {"claim", "thesis", "objection"}
    assert all(c.evidence for c in paper.claims if c.kind == "premise")
