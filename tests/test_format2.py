"""Format 2: argument claims, the new relation types, relations to relations, free data.

Each test names what the format change promises (docs/format.md, "Format versions") and
fails if the model, the checks, the semantics or the drawing forget it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap._engine.run import check_loaded
from argmap._findings import Severity
from argmap._model import ArgumentMap
from argmap._render.dot import build
from argmap._render.views import View
from argmap._verify.argumentation import grounded_labelling

ROOT = Path(__file__).resolve().parent.parent


def _map(claims: list[dict[str, Any]], relations: list[dict[str, Any]]) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {"format": 2, "title": "t", "claims": claims, "relations": relations}
    )


def _codes(m: ArgumentMap) -> set[str]:
    return {f.code for f in check_loaded(m) if f.severity == Severity.ERROR}


def test_format_1_maps_load_unchanged() -> None:
    m = argmap.load(ROOT / "examples" / "bike-lanes")
    assert m.format is None
    assert all(c.data == {} for c in m.claims)
    dumped = m.model_dump(by_alias=True, exclude_defaults=True)
    assert "format" not in dumped
    assert "data" not in dumped


def test_data_is_kept_as_written() -> None:
    m = _map([{"id": "A", "text": "a", "data": {"source": "C1a", "uses": [1, 2]}}], [])
    assert m.claims[0].data == {"source": "C1a", "uses": [1, 2]}
    assert ArgumentMap.model_validate(m.model_dump(by_alias=True)) == m


def test_contradiction_is_a_mutual_attack() -> None:
    claims = [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}, {"id": "C", "text": "c"}]
    alone = _map(claims, [{"id": "R", "type": "contradicts", "from": "A", "to": "B"}])
    assert grounded_labelling(alone) == {"A": "undecided", "B": "undecided", "C": "in"}
    # an attack on one side settles both: C defeats A, so B stands
    decided = _map(claims, [
        {"id": "R", "type": "contradicts", "from": "A", "to": "B"},
        {"id": "R2", "type": "attacks", "from": "C", "to": "A"},
    ])
    assert grounded_labelling(decided) == {"A": "out", "B": "in", "C": "in"}


@pytest.mark.parametrize("kind", ["rephrases", "prefers"])
def test_rephrase_and_preference_change_no_acceptance(kind: str) -> None:
    m = _map([{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
             [{"id": "R", "type": kind, "from": "A", "to": "B"}])
    assert grounded_labelling(m) == {"A": "in", "B": "in"}


def test_undercut_of_an_argument_attacks_its_node() -> None:
    m = _map(
        [{"id": "T", "kind": "thesis", "text": "t"},
         {"id": "G", "kind": "argument", "text": "an argument"},
         {"id": "U", "kind": "objection", "text": "u"}],
        [{"id": "R1", "type": "supports", "from": "G", "to": "T"},
         {"id": "R2", "type": "undercuts", "from": "U", "to": "G"}],
    )
    assert grounded_labelling(m)["G"] == "out"
    assert not {"AM202", "AM203"} & _codes(m)


def test_undercut_of_a_plain_claim_is_still_wrong_kind() -> None:
    m = _map([{"id": "T", "kind": "thesis", "text": "t"}, {"id": "U", "kind": "objection",
                                                          "text": "u"}],
             [{"id": "R2", "type": "undercuts", "from": "U", "to": "T"}])
    assert "AM203" in _codes(m)


def test_support_of_an_inference_and_preference_between_inferences() -> None:
    m = _map(
        [{"id": "T", "kind": "thesis", "text": "t"},
         {"id": "P", "kind": "assumption", "text": "p"},
         {"id": "Q", "kind": "assumption", "text": "q"},
         {"id": "B", "kind": "assumption", "text": "backing"}],
        [{"id": "R1", "type": "supports", "from": "P", "to": "T"},
         {"id": "R2", "type": "attacks", "from": "Q", "to": "T"},
         {"id": "R3", "type": "supports", "from": "B", "to": "R1"},
         {"id": "R4", "type": "prefers", "from": "R1", "to": "R2"}],
    )
    assert _codes(m) == set()
    dot = build(m, View(legend=True)).source
    assert "R1-to-T" in dot  # R1 is drawn through its inference point, where R3 ends
    assert "legend-prefers" in dot


def test_supports_aimed_at_itself_is_a_self_relation() -> None:
    m = _map([{"id": "T", "kind": "thesis", "text": "t"}, {"id": "P", "kind": "assumption",
                                                          "text": "p"}],
             [{"id": "R1", "type": "supports", "from": "P", "to": "R1"}])
    assert "AM204" in _codes(m)


def test_supports_and_contradicts_the_same_claim() -> None:
    m = _map([{"id": "T", "kind": "thesis", "text": "t"}, {"id": "P", "kind": "assumption",
                                                          "text": "p"}],
             [{"id": "R1", "type": "supports", "from": "P", "to": "T"},
              {"id": "R2", "type": "contradicts", "from": "T", "to": "P"}])
    assert "AM206" in _codes(m)


def test_theses_may_contradict_each_other() -> None:
    m = _map([{"id": "T1", "kind": "thesis", "text": "t"}, {"id": "T2", "kind": "thesis",
                                                           "text": "not t"}],
             [{"id": "R1", "type": "contradicts", "from": "T1", "to": "T2"}])
    assert "AM215" not in _codes(m)


def test_an_argument_is_connected_through_its_steps() -> None:
    m = _map(
        [{"id": "T", "kind": "thesis", "text": "t"},
         {"id": "P", "kind": "assumption", "text": "p"},
         {"id": "G", "kind": "argument", "text": "g"}],
        [{"id": "G.1", "type": "supports", "from": "P", "to": "T", "argument": "G"}],
    )
    assert "AM209" not in {f.code for f in check_loaded(m)}


def test_contradiction_is_drawn_with_two_heads() -> None:
    m = _map([{"id": "A", "kind": "thesis", "text": "a"}, {"id": "B", "kind": "thesis",
                                                          "text": "b"}],
             [{"id": "R", "type": "contradicts", "from": "A", "to": "B"}])
    dot = build(m, View(legend=True)).source
    assert "dir=both" in dot
    assert "legend-contradicts" in dot
