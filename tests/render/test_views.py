"""Views select exactly the nodes they should (checked on the selection and in the SVG)."""

from __future__ import annotations

import pytest

import argmap
from argmap._model import ArgumentMap
from argmap._render import RenderError, RenderWarning, ViewError
from argmap._render.views import View, select

from .helpers import node_ids, parse_svg

ALL_CLAIMS = {"T1", "C1", "P1", "P2", "A1", "O1", "P3", "P4"}


def chosen(m: ArgumentMap, **options: object) -> tuple[set[str], set[str]]:
    selection = select(m, View.from_options(options))
    return selection.ids(), {r.id for r in selection.relations}


def test_whole_map(small: ArgumentMap) -> None:
    nodes, relations = chosen(small)
    assert nodes == ALL_CLAIMS | {"E1", "E2"}
    assert relations == {"R1", "R2", "R3", "R4", "R5", "R6"}


def test_section_includes_nested_sections(small: ArgumentMap) -> None:
    nodes, relations = chosen(small, section="effects", evidence="hide", stubs=False)
    assert nodes == {"C1", "P1", "P2", "A1"}
    assert relations == {"R2"}  # R1 and R3 reach T1, which is outside the section


def test_leaf_section(small: ArgumentMap) -> None:
    assert chosen(small, section="effects.cost")[0] == {"C1", "P1", "E1", "E2"}


def test_focus_depth(small: ArgumentMap) -> None:
    assert chosen(small, focus="O1", depth=0, evidence="hide")[0] == {"O1"}
    assert chosen(small, focus="O1", depth=1, evidence="hide")[0] == {"O1", "T1", "P3"}
    # two steps: T1's other neighbours, and P4 (undercutting R3) is next to R3's ends
    assert chosen(small, focus="O1", depth=2, evidence="hide")[0] == {
        "O1", "T1", "P3", "C1", "P2", "A1", "P4"}


def test_undercut_drawn_only_with_its_target(small: ArgumentMap) -> None:
    _, relations = chosen(small, focus="P4", depth=1)
    assert "R6" not in relations or "R3" in relations
    nodes, relations = chosen(small, focus="P2", depth=1, evidence="hide")
    assert nodes == {"P2", "T1", "A1", "P4"}
    assert relations == {"R3", "R6"}


@pytest.mark.parametrize(("mode", "expected"), [("show", {"E1", "E2"}), ("count", set()),
                                                ("hide", set())])
def test_evidence_modes(small: ArgumentMap, mode: str, expected: set[str]) -> None:
    nodes, _ = chosen(small, evidence=mode)
    assert nodes - ALL_CLAIMS == expected


def test_evidence_counts_in_labels(small: ArgumentMap) -> None:
    dot = argmap.render(small, "dot", evidence="count").decode()
    assert "[2 evidence]" in dot  # P1 has E1 and E2
    assert "[1 evidence]" in dot


def test_sources_option(small: ArgumentMap) -> None:
    nodes, _ = chosen(small, sources=True)
    assert {"survey", "press"} <= nodes


def test_view_in_svg(small: ArgumentMap) -> None:
    root = parse_svg(argmap.render(small, backend="wasm", section="doubts"))
    assert node_ids(root, "claim") == {"O1", "P3", "P4"}
    assert node_ids(root, "evidence") == set()


@pytest.mark.parametrize(
    ("options", "message"),
    [({"section": "nope"}, "no section 'nope'"), ({"focus": "E1"}, "no claim 'E1'"),
     ({"evidence": "all"}, "evidence must be"), ({"rankdir": "UP"}, "rankdir must be"),
     ({"tag_colours": {"x": "red;"}}, "not a colour")],
)
def test_bad_views(small: ArgumentMap, options: dict[str, object], message: str) -> None:
    with pytest.raises(ViewError, match=message):
        argmap.render(small, "dot", **options)


def test_unknown_option(small: ArgumentMap) -> None:
    with pytest.raises(TypeError, match="unknown view option"):
        argmap.render(small, "dot", colour="red")


def big_map(claims: int, evidence_per_claim: int) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "big",
            "claims": [{"id": "T", "kind": "thesis", "text": "t"}]
            + [{"id": f"C{i}", "text": f"c{i}",
                "evidence": [f"E{i}.{j}" for j in range(evidence_per_claim)]}
               for i in range(claims)],
            "relations": [{"id": f"R{i}", "type": "supports", "from": f"C{i}", "to": "T"}
                          for i in range(claims)],
            "evidence": [{"id": f"E{i}.{j}", "source": "s"} for i in range(claims)
                         for j in range(evidence_per_claim)],
            "sources": [{"id": "s"}],
        }
    )


def test_large_map_collapses_evidence_with_a_warning() -> None:
    m = big_map(50, 3)
    with pytest.warns(RenderWarning, match="collapsed to counts"):
        dot = argmap.render(m, "dot", max_nodes=100).decode()
    assert "[3 evidence]" in dot
    assert "E0.0" not in dot


def test_too_large_map_stops_with_advice() -> None:
    with pytest.raises(RenderError, match="over the limit of 20") as caught:
        argmap.render(big_map(50, 0), "svg", max_nodes=20)
    assert "--focus" in (caught.value.hint or "")
