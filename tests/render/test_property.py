"""Property: render never crashes on a valid map and always gives well-formed, safe SVG."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._model import ArgumentMap

from .helpers import assert_safe, node_ids, parse_svg

IDS = st.sampled_from(["A", "B", "C", "D", "E", "F", "x.1", "y:2", "node", "edge", "graph"])
TEXT = st.text(min_size=1, max_size=120)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    claim_ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    sections = draw(st.lists(st.sampled_from(["s1", "s2", "s3"]), unique=True, max_size=3))
    claims: list[dict[str, Any]] = [
        {
            "id": cid,
            "kind": draw(st.sampled_from(["thesis", "claim", "premise", "assumption",
                                          "objection"])),
            "text": draw(TEXT),
            "section": draw(st.sampled_from([None, *sections])),
            "tags": draw(st.lists(st.sampled_from(["t1", "t2"]), max_size=2, unique=True)),
            "evidence": draw(st.lists(st.sampled_from(["ev1", "ev2"]), max_size=2)),
            "quantities": [{"id": f"q{cid}", "value": 1, "text": draw(TEXT)}],
        }
        for cid in claim_ids
    ]
    relations = []
    for index in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["supports", "attacks", "undercuts"]))
        target = draw(st.sampled_from([*claim_ids, "r0", "r1", "missing"]))
        relations.append({
            "id": f"r{index}", "type": kind, "to": target,
            "from": draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3)),
            "linked": draw(st.booleans()), "scheme": draw(st.none() | TEXT),
        })
    return ArgumentMap.model_validate({
        "title": draw(TEXT),
        "sections": [{"id": s, "title": draw(TEXT), "parent": draw(st.sampled_from(
            [None, *sections]))} for s in sections],
        "claims": claims,
        "relations": relations,
        "evidence": [{"id": "ev1", "source": "src", "quote": {"exact": draw(TEXT)},
                      "locator": {"page": draw(TEXT)}},
                     {"id": "ev2", "source": "gone"}],
        "sources": [{"id": "src", "URL": draw(st.sampled_from(
            ["https://ok.example/", "javascript:x", "data:,x", " http://a b"])),
            "author": [{"literal": draw(TEXT)}], "issued": "2020"}],
    })


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(), evidence=st.sampled_from(["show", "count", "hide"]),
       grounded=st.booleans(), sources=st.booleans())
def test_render_never_crashes(m: ArgumentMap, evidence: str, grounded: bool,
                              sources: bool) -> None:
    first = argmap.render(m, "dot", evidence=evidence, grounded=grounded, sources=sources)
    assert first == argmap.render(m, "dot", evidence=evidence, grounded=grounded,
                                  sources=sources)
    svg = argmap.render(m, backend="wasm", evidence=evidence, grounded=grounded,
                        sources=sources, tag_colours={"t1": "#56B4E9"})
    root = parse_svg(svg)
    assert_safe(root)
    assert node_ids(root, "claim") == {c.id for c in m.claims}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(), data=st.data())
def test_views_never_crash_and_draw_what_they_select(m: ArgumentMap, data: st.DataObject) -> None:
    """The overview and section views (with stubs) on arbitrary maps: dangling relations,
    undercuts of undercuts, linked premises outside the section, no thesis at all."""
    from argmap._render.views import View, select

    section = data.draw(st.sampled_from([None, *(s.id for s in m.sections)]))
    options: dict[str, Any] = {
        "view": data.draw(st.sampled_from(["full", "overview"])),
        "overview_depth": data.draw(st.integers(0, 3)),
        "section": section,
        "stubs": data.draw(st.booleans()),
        "titles": data.draw(st.sampled_from([None, True, False])),
        "evidence": data.draw(st.sampled_from(["show", "count", "hide"])),
    }
    selection = select(m, View.from_options(options))
    assert argmap.to_dot(m, **options) == argmap.to_dot(m, **options)
    root = parse_svg(argmap.render(m, backend="wasm", **options))
    assert_safe(root)
    assert node_ids(root, "claim") == {c.id for c in selection.claims}
    assert node_ids(root, "stub") == {f"stub-{s}" for s in selection.stub_ids()}
    assert not selection.stub_ids() & {c.id for c in selection.claims}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(), rankdir=st.sampled_from(["BT", "TB", "LR"]),
       title=st.sampled_from(['" newrank=true x', 'a\\" labelloc=t newrank=true nodesep=0.3',
                              "newrank=true", ""]))
def test_the_classic_dot_is_the_dot_built_without_newrank(
    m: ArgumentMap, rankdir: str, title: str
) -> None:
    """The layout's fallback takes the DOT without newrank from the built DOT alone (the map
    may be gone by then); it is byte for byte what building without newrank writes, whatever
    the title (it is in the same graph statement)."""
    from argmap._render.dot import build
    from argmap._render.views import View

    if title:
        m = m.model_copy(update={"title": m.title + title})
    view = View(rankdir=rankdir)
    assert build(m, view).classic_source() == build(m, view, newrank=False).source
    assert build(m, view, newrank=False).classic_source() is None
