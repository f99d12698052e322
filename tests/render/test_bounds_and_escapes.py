r"""Render is bounded by nodes plus edges, and Graphviz's own escapes never reach a tooltip.

- ``Selection.edge_count`` is the number of edges the DOT really holds (counted here from the
  DOT text), so ``--max-edges`` bounds what Graphviz is given; a dense map (46 claims and
  1,981 relations took 43 s to lay out) is refused at once with advice, as ``--max-nodes``
  does, and evidence is collapsed first when that is enough.
- ``\N``, ``\G``, ``\L``, ``\E``, ``\T``, ``\H`` in user text come out literally in every
  tooltip (Graphviz expanded them there, while labels stayed literal), and so do ``&amp;`` and
  ``&#10;`` (Graphviz decoded entities in labels and tooltips).
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap._model import ArgumentMap
from argmap._render import RenderError, RenderWarning, to_dot
from argmap._render.views import DEFAULT_MAX_EDGES, View, select

from .helpers import SVG, need_dot, parse_svg
from .test_property import maps

XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
EDGE = re.compile(r"^\s*\S+ -> \S+ ", re.MULTILINE)


def _dot_edges(m: ArgumentMap, **view: Any) -> int:
    return len(EDGE.findall(to_dot(m, legend=False, **view)))


def dense_map(claims: int, relations: int, seed: int = 7) -> ArgumentMap:
    """Claims joined at random by single-premise relations: Graphviz's worst case."""
    rnd = random.Random(seed)  # noqa: S311 - a fixed, reproducible layout test, not secrecy
    ids = ["T"] + [f"C{i}" for i in range(claims - 1)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < relations:
        a, b = rnd.sample(ids, 2)
        pairs.add((a, b))
    return ArgumentMap.model_validate({
        "title": "dense",
        "claims": [{"id": i, "kind": "thesis" if i == "T" else "claim", "text": f"Claim {i}"}
                   for i in ids],
        "relations": [{"id": f"R{k}", "type": "supports", "from": [a], "to": b}
                      for k, (a, b) in enumerate(sorted(pairs))],
    })


# --- edge counting ----------------------------------------------------------------------------


@pytest.mark.parametrize("evidence", ["show", "count", "hide"])
@pytest.mark.parametrize("sources", [False, True])
def test_edge_count_matches_the_dot(small: ArgumentMap, evidence: str, sources: bool) -> None:
    selection = select(small, View(evidence=evidence, sources=sources))  # type: ignore[arg-type]
    assert selection.edge_count == _dot_edges(small, evidence=evidence, sources=sources)
    assert selection.edge_count > 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps())
def test_edge_count_matches_the_dot_for_any_map(m: ArgumentMap) -> None:
    """Linked premises, undercuts, repeated premises, evidence and sources: counted as drawn."""
    selection = select(m, View(sources=True))
    assert selection.edge_count == _dot_edges(m, sources=True)


def test_paper_map_is_inside_the_default_limits() -> None:
    paper = argmap.load(Path(__file__).parents[2] / "claims" / "fiia-298")
    selection = select(paper, View(sources=True))
    assert not selection.collapsed
    assert selection.edge_count < DEFAULT_MAX_EDGES * 0.6  # 528 of 1,000: room to grow


# --- the limit --------------------------------------------------------------------------------


def test_dense_map_is_refused_before_layout() -> None:
    m = dense_map(46, 1_981)
    start = time.process_time()
    with pytest.raises(RenderError) as caught:
        argmap.render(m, "svg", backend="dot")
    assert time.process_time() - start < 5  # laying it out took 43 s
    assert str(caught.value) == "the view has 1981 edges, over the limit of 1000"
    assert "--focus" in (caught.value.hint or "")
    assert "--max-edges" in (caught.value.hint or "")


def test_limit_is_inclusive_and_configurable() -> None:
    m = dense_map(10, 30)
    assert select(m, View()).edge_count == 30
    assert to_dot(m, max_edges=30)  # exactly at the limit: drawn
    with pytest.raises(RenderError, match=r"^the view has 30 edges, over the limit of 29$"):
        to_dot(m, max_edges=29)


def test_evidence_is_collapsed_first_when_that_is_enough(small: ArgumentMap) -> None:
    shown = select(small, View())
    collapsed = select(small, View(evidence="count"))
    limit = collapsed.edge_count
    assert shown.edge_count > limit
    with pytest.warns(RenderWarning, match="edges"):
        dot = to_dot(small, max_edges=limit)
    assert "evidence]" in dot  # "[N evidence]" on the claims instead of evidence nodes
    assert _dot_edges(small, evidence="count") == limit
    with pytest.raises(RenderError, match="even with evidence collapsed"):
        to_dot(small, max_edges=limit - 1)


def test_cli_refuses_with_advice(tmp_path: Path) -> None:
    folder = tmp_path / "dense"
    folder.mkdir()
    argmap.dump(dense_map(46, 1_981), folder / "map.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(folder), "-o", str(tmp_path / "m.svg")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "1981 edges, over the limit of 1000" in result.stderr
    assert "--max-edges" in result.stderr
    assert not (tmp_path / "m.svg").exists()
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(folder), "-f", "dot", "--max-edges",
         "2000"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(" -> ") >= 1_981


# --- Graphviz escapes -------------------------------------------------------------------------

ESCAPES = r"\N \G \L \E \T \H \l \n \\ end\\"
ENTITIES = "&amp; &#10; &lt;b&gt; & x"


def _escape_map(text: str) -> ArgumentMap:
    return ArgumentMap.model_validate({
        "title": text,
        "sections": [{"id": "S1", "title": text}],
        "claims": [
            {"id": "T1", "kind": "thesis", "text": text, "note": text},
            {"id": "P1", "text": text, "section": "S1", "evidence": ["E1"], "tags": [text]},
        ],
        "relations": [{"id": "R1", "type": "supports", "from": ["P1"], "to": "T1",
                       "scheme": text, "label": text}],
        "evidence": [{"id": "E1", "source": "S", "quote": {"exact": text}}],
        "sources": [{"id": "S", "title": text, "author": [{"literal": text}]}],
    })


def _tooltips(root: Any) -> dict[str, str]:
    """Element ID -> its tooltip (Graphviz puts it on an <a> inside the element's <g>)."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        for anchor in group.iter():
            if anchor.get(XLINK_TITLE) is not None:
                found.setdefault(group.get("id", ""), anchor.get(XLINK_TITLE))
                break
    return found


@pytest.mark.parametrize("backend", ["dot", "wasm"])
@pytest.mark.parametrize("text", [ESCAPES, ENTITIES])
def test_tooltips_and_labels_show_the_text_literally(text: str, backend: str) -> None:
    if backend == "dot":
        from .helpers import need_dot

        need_dot()
    m = _escape_map(text)
    root = parse_svg(argmap.render(m, backend=backend, sources=True,
                                   tag_colours={text: "#ff0000"}))
    tips = _tooltips(root)
    shown = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert tips["T1"] == f"T1 (thesis)\n{text}\nnote: {text}"
    assert tips["P1"].startswith(f"P1 (claim)\n{text}")
    assert tips["E1"] == f"E1 (evidence)\n{text}\n“{text}”\n{text}"
    assert tips["S"] == f"S (source)\n{text}\n{text}"
    assert tips["R1"] == f"R1: P1 supports T1\nscheme: {text}\n{text}"
    legend_tag = next(g for g in root.iter(f"{SVG}g")
                      if (g.get("id") or "").startswith("legend-tag"))
    assert legend_tag.findtext(f"{SVG}title") == f"tag: {text}"
    assert text in shown  # the graph's title, a label line


@pytest.mark.parametrize("backend", [pytest.param("dot", marks=pytest.mark.dot), "wasm"])
def test_an_overlong_unbroken_title_is_cut_and_renders(backend: str) -> None:
    """A 10,000-digit section title made the system dot refuse the cluster ("Edge length
    72617 larger than maximum 65535"; found by the hostile-map property's long run)."""
    if backend == "dot":
        need_dot()
    title = "9" * 10_000
    m = ArgumentMap.model_validate({
        "title": title,
        "sections": [{"id": "S1", "title": title}],
        "claims": [{"id": "T1", "kind": "thesis", "text": "A thesis.", "section": "S1"}],
    })
    svg = parse_svg(argmap.render(m, "svg", backend=backend))
    texts = ["".join(node.itertext()) for node in svg.iter(f"{SVG}text")]
    assert any(t.startswith("9" * 100) and t.endswith("...") for t in texts)
    assert max(len(t) for t in texts) <= 120
