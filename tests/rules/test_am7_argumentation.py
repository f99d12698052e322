"""Grounded labelling, its explanations, and the AM7xx rules built on them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap._engine.run import check_loaded
from argmap._model import ArgumentMap
from argmap._verify.argumentation import analyse, describe_chain, explain, grounded_labelling

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "bike-lanes"


def build(relations: list[dict[str, Any]], claims: str = "TABCD") -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "t",
            "claims": [
                {"id": c, "text": f"claim {c}", "kind": "thesis" if c == "T" else "claim"}
                for c in claims
            ],
            "relations": relations,
        }
    )


def rel(rid: str, kind: str, src: str | list[str], to: str, linked: bool = False) -> dict[str, Any]:
    return {"id": rid, "type": kind, "from": src, "to": to, "linked": linked}


def test_example_map_thesis_stands() -> None:
    labels = argmap.grounded_labelling(argmap.load(EXAMPLE))
    assert labels["T1"] == "in"
    assert labels["O-COST"] == "out"
    assert labels["P-FUND"] == "in"


def test_supports_do_not_change_acceptance() -> None:
    m = build([rel("R1", "supports", "A", "T"), rel("R2", "attacks", "B", "A")])
    assert grounded_labelling(m) == {"T": "in", "A": "out", "B": "in", "C": "in", "D": "in"}


def test_reinstatement_chain() -> None:
    m = build([rel("R1", "attacks", "A", "T"), rel("R2", "attacks", "B", "A"),
               rel("R3", "attacks", "C", "B")])
    analysis = analyse(m)
    assert analysis.claims == {"T": "out", "A": "in", "B": "out", "C": "in", "D": "in"}
    steps = explain(m, "T", analysis)
    assert [s.relation for s in steps] == ["R1", "R2", "R3"]
    assert describe_chain(steps) == (
        "R1 from A (in) attacks T; R2 from B (out) attacks A; R3 from C (in) attacks B"
    )


def test_mutual_attack_and_self_attack_are_undecided() -> None:
    m = build([rel("R1", "attacks", "A", "T"), rel("R2", "attacks", "B", "A"),
               rel("R3", "attacks", "A", "B"), rel("R4", "attacks", "D", "D")])
    labels = grounded_labelling(m)
    assert (labels["T"], labels["A"], labels["B"], labels["D"]) == ("undecided",) * 4
    assert describe_chain(explain(m, "T")).endswith("(a circle of attacks)")


def test_linked_attack_needs_every_premise_convergent_any() -> None:
    linked = build([rel("R1", "attacks", ["A", "B"], "T", linked=True),
                    rel("R2", "attacks", "C", "B")])
    convergent = build([rel("R1", "attacks", ["A", "B"], "T"), rel("R2", "attacks", "C", "B")])
    assert grounded_labelling(linked)["T"] == "in"
    assert grounded_labelling(convergent)["T"] == "out"


def test_undercut_defeats_an_attack_and_can_itself_be_undercut() -> None:
    m = build([rel("R1", "attacks", "A", "T"), rel("U1", "undercuts", "B", "R1")])
    assert grounded_labelling(m)["T"] == "in"
    m = build([rel("R1", "attacks", "A", "T"), rel("U1", "undercuts", "B", "R1"),
               rel("U2", "undercuts", "C", "U1")])
    analysis = analyse(m)
    assert analysis.claims["T"] == "out"
    assert [s.relation for s in explain(m, "T", analysis)] == ["R1", "U1", "U2"]


def test_broken_relations_are_left_out() -> None:
    m = build([rel("R1", "attacks", "NOPE", "T"), rel("R2", "attacks", "A", "NOWHERE"),
               rel("U1", "undercuts", "A", "T")])
    assert set(grounded_labelling(m).values()) == {"in"}


def reference_labelling(m: ArgumentMap) -> dict[str, str]:
    """Naive synchronous fixpoint, written independently of the worklist version."""
    args = []
    for r in m.relations:
        if r.type == "supports":
            continue
        groups = [list(dict.fromkeys(r.from_))] if r.linked else [[p] for p in r.from_]
        for g in groups:
            args.append((r.id, g, r.to, r.type == "undercuts"))
    claims = {c.id for c in m.claims}
    types = {}
    for r in m.relations:
        types.setdefault(r.id, r.type)
    args = [a for a in args if all(p in claims for p in a[1])
            and (types.get(a[2]) in ("attacks", "undercuts") if a[3] else a[2] in claims)]
    lab: dict[Any, str] = dict.fromkeys(claims, "undecided")
    lab.update(dict.fromkeys(range(len(args)), "undecided"))
    changed = True
    while changed:
        changed = False
        new = dict(lab)
        for c in claims:
            att = [i for i, a in enumerate(args) if not a[3] and a[2] == c]
            if all(lab[i] == "out" for i in att):
                new[c] = "in"
            elif any(lab[i] == "in" for i in att):
                new[c] = "out"
        for i, (rid, prem, _to, _u) in enumerate(args):
            unders = [j for j, b in enumerate(args) if b[3] and b[2] == rid]
            if all(lab[p] == "in" for p in prem) and all(lab[j] == "out" for j in unders):
                new[i] = "in"
            elif any(lab[p] == "out" for p in prem) or any(lab[j] == "in" for j in unders):
                new[i] = "out"
        changed = new != lab
        lab = new
    return {c: lab[c] for c in claims}


names = st.sampled_from(list("TABCD"))
targets = st.sampled_from([*"TABCD", "R0", "R1", "R2", "R3"])
kinds = st.sampled_from(["attacks", "undercuts", "supports"])
relations = st.lists(
    st.tuples(kinds, st.lists(names, min_size=1, max_size=3), targets, st.booleans()),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(relations)
def test_worklist_matches_naive_fixpoint(spec: list[tuple[str, list[str], str, bool]]) -> None:
    m = build([rel(f"R{i}", kind, src, to, linked) for i, (kind, src, to, linked) in
               enumerate(spec)])
    labels = grounded_labelling(m)
    assert labels == reference_labelling(m)
    for claim, label in labels.items():
        steps = explain(m, claim)
        if label != "in":  # a claim that is not in always has an attack to show
            assert steps, (claim, label)
            assert steps[0].target == claim
            assert steps[0].status == ("in" if label == "out" else "undecided")


def test_am701_and_am702_on_the_example_map_are_silent() -> None:
    found = check_loaded(argmap.load(EXAMPLE))
    assert [f for f in found if f.code in ("AM701", "AM702")] == []


def test_am701_message_carries_the_chain(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(
        """title: t
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: O1, kind: objection, text: Objection.}
relations:
  - {id: R1, type: attacks, from: O1, to: T1}
""",
        encoding="utf-8",
    )
    found = {f.code: f for f in check_loaded(argmap.load(tmp_path))}
    assert found["AM701"].message == "thesis 'T1' is not accepted (out): R1 from O1 (in) attacks T1"
    assert found["AM701"].related[0].node == "R1"
    assert found["AM702"].node == "O1"
