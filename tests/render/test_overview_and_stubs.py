"""The views for large maps: the overview, section stubs and the compact legend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap._model import ArgumentMap
from argmap._render.views import View, overview_claims, select, short_title

from .helpers import SVG, need_dot, node_ids, parse_svg

PAPER = Path(__file__).resolve().parents[2] / "claims" / "fiia-298"

#: T is supported by C1 (a claim) and P1 (a premise); C1 by C2 and P2; C2 by C3; O attacks T
#: and is attacked by P3. A premise two steps down (P2) and a claim three steps down (C3)
#: are detail the overview leaves out.
LADDER = {
    "title": "ladder",
    "sections": [{"id": "top", "title": "Top"}, {"id": "low", "title": "Low"}],
    "claims": [
        {"id": "T", "kind": "thesis", "text": "The thesis.", "section": "top",
         "title": "Thesis"},
        {"id": "C1", "text": "A first-level claim that is rather long and has no title "
         "of its own, so the overview cuts it.", "section": "top", "evidence": ["E1"]},
        {"id": "P1", "kind": "premise", "text": "A premise right below.", "section": "top"},
        {"id": "C2", "text": "Second level.", "section": "low"},
        {"id": "P2", "kind": "premise", "text": "A premise two steps down.", "section": "low"},
        {"id": "C3", "text": "Third level.", "section": "low"},
        {"id": "O", "kind": "objection", "text": "An objection.", "section": "top"},
        {"id": "P3", "kind": "premise", "text": "Against the objection.", "section": "top"},
    ],
    "relations": [
        {"id": "R1", "type": "supports", "from": "C1", "to": "T"},
        {"id": "R2", "type": "supports", "from": "P1", "to": "T"},
        {"id": "R3", "type": "supports", "from": "C2", "to": "C1"},
        {"id": "R4", "type": "supports", "from": "P2", "to": "C1"},
        {"id": "R5", "type": "supports", "from": "C3", "to": "C2"},
        {"id": "R6", "type": "attacks", "from": "O", "to": "T"},
        {"id": "R7", "type": "attacks", "from": "P3", "to": "O"},
    ],
    "evidence": [{"id": "E1", "source": "s", "quote": {"exact": "x"}}],
    "sources": [{"id": "s"}],
}


@pytest.fixture
def ladder() -> ArgumentMap:
    return ArgumentMap.model_validate(LADDER)


def test_overview_keeps_the_top_of_the_argument(ladder: ArgumentMap) -> None:
    assert overview_claims(ladder) == ["T", "C1", "P1", "C2", "O", "P3"]
    assert overview_claims(ladder, depth=3) == ["T", "C1", "P1", "C2", "C3", "O", "P3"]
    assert overview_claims(ladder, depth=0) == ["T", "O"]
    selection = select(ladder, View(view="overview"))
    assert [r.id for r in selection.relations] == ["R1", "R2", "R3", "R6", "R7"]
    assert selection.evidence == []  # evidence hidden, even with the default evidence="show"


def test_overview_counts_what_it_hides_and_uses_short_titles(ladder: ArgumentMap) -> None:
    dot = argmap.render(ladder, "dot", view="overview").decode()
    assert r"T\lThesis\l" in dot  # the claim's title, not its text
    assert "The thesis." not in dot.split("tooltip")[0]
    assert "[+1 more below]" in dot  # C1: P2's support is not drawn; C2: C3's
    assert "E1" not in dot
    assert "cluster_" not in dot  # no section boxes: they only widen the overview


def test_overview_without_theses_starts_from_the_top_claims() -> None:
    m = ArgumentMap.model_validate({"title": "t", "claims": [
        {"id": "A", "text": "a"}, {"id": "B", "text": "b"}, {"id": "C", "text": "c"},
        {"id": "D", "text": "d"}], "relations": [
        {"id": "R1", "type": "supports", "from": "B", "to": "A"},
        {"id": "R2", "type": "supports", "from": "C", "to": "B"},
        {"id": "R3", "type": "supports", "from": "D", "to": "C"}]})
    assert overview_claims(m, depth=2) == ["A", "B", "C"]


def test_short_title() -> None:
    from argmap._model import Claim

    assert short_title(Claim(id="C", text="x " * 10, title="Mine")) == "Mine"
    cut = short_title(Claim(id="C", text="word " * 40))
    assert cut.endswith("…")
    assert len(cut) <= 61
    assert short_title(Claim(id="C", text="short text")) == "short text"


def test_section_draws_links_leaving_it_as_stubs(ladder: ArgumentMap) -> None:
    selection = select(ladder, View(section="low", evidence="hide"))
    assert {c.id for c in selection.claims} == {"C2", "P2", "C3"}
    assert [r.id for r in selection.relations] == ["R3", "R4", "R5"]
    assert [(s.id, s.kind, s.section) for s in selection.stubs] == [("C1", "claim", "top")]
    assert selection.stubs[0].title == short_title(ladder.claims[1])
    dot = argmap.render(ladder, "dot", section="low", evidence="hide").decode()
    assert 'id="stub-C1"' in dot
    assert r"outside: C1 (in top)\l" in dot
    plain = select(ladder, View(section="low", stubs=False))
    assert plain.stubs == []
    assert [r.id for r in plain.relations] == ["R5"]


def test_stubs_for_incoming_links_and_undercut_relations(small: ArgumentMap) -> None:
    selection = select(small, View(section="doubts", evidence="hide"))
    assert [r.id for r in selection.relations] == ["R4", "R5", "R6"]
    assert [(s.id, s.kind) for s in selection.stubs] == [("T1", "claim"), ("R3", "relation")]
    effects = select(small, View(section="effects", evidence="hide"))
    # R6 (P4, outside, undercuts R3, drawn) comes in from a stub
    assert {"R1", "R2", "R3", "R6"} == {r.id for r in effects.relations}
    assert {s.id for s in effects.stubs} == {"T1", "P4"}


def test_stubs_in_the_svg(small: ArgumentMap) -> None:
    root = parse_svg(argmap.render(small, backend="wasm", section="effects", evidence="hide"))
    assert node_ids(root, "stub") == {"stub-T1", "stub-P4"}
    assert node_ids(root, "claim") == {"C1", "P1", "P2", "A1"}
    edges = {g.get("id") for g in root.iter(f"{SVG}g") if "edge" in (g.get("class") or "")}
    assert {"R1", "R2", "R6"} <= edges


def _legend(root: object) -> list[str]:
    return [g.get("id", "")[len("legend-"):] for g in root.iter(f"{SVG}g")  # type: ignore[attr-defined]
            if "legend-item" in (g.get("class") or "").split()]


def test_legend_lists_only_what_the_picture_uses(small: ArgumentMap) -> None:
    root = parse_svg(argmap.render(small, backend="wasm", section="doubts", evidence="hide"))
    assert _legend(root) == ["premise", "objection", "stub", "edge_attacks", "edge_undercuts"]
    whole = parse_svg(argmap.render(small, backend="wasm"))
    assert _legend(whole) == ["thesis", "intermediate", "premise", "assumption", "objection",
                              "evidence", "edge_supports", "edge_attacks", "edge_undercuts",
                              "edge_evidence"]
    grounded = parse_svg(argmap.render(small, backend="wasm", grounded={"T1": "in"}))
    assert [k for k in _legend(grounded) if k.startswith("grounded")] == ["grounded_in"]
    none = parse_svg(argmap.render(small, backend="wasm", legend=False))
    assert _legend(none) == []


def test_legend_is_a_strip_under_the_picture(small: ArgumentMap) -> None:
    """The legend once stood beside the map and took almost half of it; now it adds only
    a strip of height and never widens a picture that is wider than its entries."""
    with_legend = parse_svg(argmap.render(small, backend="wasm", evidence="hide"))
    without = parse_svg(argmap.render(small, backend="wasm", evidence="hide", legend=False))

    def size(root: object) -> tuple[float, float]:
        box = root.get("viewBox").split()  # type: ignore[attr-defined]
        return float(box[2]), float(box[3])

    (w1, h1), (w0, h0) = size(with_legend), size(without)
    assert w1 == w0
    assert 0 < h1 - h0 <= 0.2 * h1


def _svg_size_px(svg: bytes) -> tuple[float, float]:
    root = parse_svg(svg)
    width, height = (root.get(n) or "" for n in ("width", "height"))
    assert width.endswith("pt"), width
    return float(width[:-2]) * 96 / 72, float(height[:-2]) * 96 / 72


def _smallest_text_px(svg: bytes) -> float:
    sizes = [float(m) for m in re.findall(rb'font-size="([0-9.]+)"', svg)]
    return min(sizes) * 96 / 72


@pytest.mark.skipif(not (PAPER / "map.yaml").is_file(), reason="the paper's map is absent")
@pytest.mark.parametrize("backend", [pytest.param("dot", marks=pytest.mark.dot), "wasm"])
def test_paper_overview_fits_a_screen(backend: str) -> None:
    """Issue 17: the paper's overview is at most 2,400 px wide at 96 dpi, text >= 12 px."""
    if backend == "dot":
        need_dot()
    paper = argmap.load(PAPER)
    svg = argmap.render(paper, backend=backend, view="overview")
    width, _ = _svg_size_px(svg)
    assert width <= 2400, width
    assert _smallest_text_px(svg) >= 12
    whole, _ = _svg_size_px(argmap.render(paper, backend=backend, evidence="hide"))
    assert width < whole / 3  # and it is an overview, not the whole map


@pytest.mark.skipif(not (PAPER / "map.yaml").is_file(), reason="the paper's map is absent")
def test_paper_overview_png_size() -> None:
    pytest.importorskip("resvg_py", reason="PNG output needs resvg-py")
    import struct

    paper = argmap.load(PAPER)
    import inspect

    from argmap._render.backends import svg_to_png

    png = argmap.render(paper, "png", backend="wasm", view="overview")
    width = struct.unpack(">I", png[16:20])[0]
    zoom = inspect.signature(svg_to_png).parameters["scale"].default  # 2: sharp on screens
    assert width / zoom <= 2400


def test_views_are_deterministic(small: ArgumentMap) -> None:
    for options in ({"view": "overview"}, {"section": "doubts"}):
        first = argmap.render(small, backend="wasm", **options)
        assert argmap.render(small, backend="wasm", **options) == first
        assert argmap.to_dot(small, **options) == argmap.to_dot(small, **options)


def test_bad_overview_options(small: ArgumentMap) -> None:
    with pytest.raises(argmap.ViewError, match="view must be one of"):
        argmap.render(small, "dot", view="everything")
    with pytest.raises(argmap.ViewError, match="overview_depth"):
        argmap.render(small, "dot", view="overview", overview_depth=-1)
