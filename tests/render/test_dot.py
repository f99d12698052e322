"""The pure DOT layer: golden files, determinism, escaping of hostile text, doctests."""

from __future__ import annotations

import doctest
import importlib

import pytest

import argmap
from argmap._model import ArgumentMap
from argmap._render import to_dot

from .helpers import GOLDEN, SVG, UPDATE_GOLDEN, assert_safe, element_ids, parse_svg

XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"

VIEWS = {
    "whole": {},
    "section-effects": {"section": "effects"},
    "focus-O1-1": {"focus": "O1", "depth": 1},
    "evidence-count": {"evidence": "count", "rankdir": "LR"},
    "sources": {"sources": True, "legend": False},
    "grounded": {"grounded": {"T1": "in", "O1": "out", "P4": "undecided"}},
    "overview": {"view": "overview"},
    "section-doubts-stubs": {"section": "doubts", "evidence": "hide"},
}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_golden_dot(small: ArgumentMap, name: str) -> None:
    path = GOLDEN / f"small-{name}.dot"
    dot = to_dot(small, **VIEWS[name])
    if UPDATE_GOLDEN:
        path.write_text(dot, encoding="utf-8")
    hint = f"re-run with ARGMAP_UPDATE_GOLDEN=1 if {path.name} changed on purpose"
    assert dot == path.read_text(encoding="utf-8"), hint


def test_same_map_same_dot(small: ArgumentMap) -> None:
    again = argmap.load(GOLDEN.parent / "maps" / "small")
    assert to_dot(small) == to_dot(again)
    assert argmap.render(small, "dot") == to_dot(small).encode()


@pytest.mark.parametrize(
    "module",
    ["argmap._render.dot", "argmap._render.style", "argmap._render.svg"],
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


HOSTILE = [
    'say "hi"',
    "back\\slash and \\N and \\l and \\",
    "braces { } [ ] ; -> --",
    "<b>bold</b> & <i>not html</i>",
    "<just angle brackets>",
    "line one\nline two\r\n\ttabbed",
    "amp &amp; entity &#x41; &lt;",
    "control \x00\x07\x1b characters",
    "x" * 10_000,
    "word " * 2_000,
    "unicode ünïcødé — “quotes” 漢字 🙂",
    "javascript:alert(1)",
    '" onload="alert(1)',
    "]]> <!-- --> <?xml?>",
]


def hostile_map(text: str) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": text,
            "sections": [{"id": "S1", "title": text}],
            "claims": [
                {"id": "T1", "kind": "thesis", "text": text},
                {"id": "P1", "text": text, "section": "S1", "evidence": ["E1"],
                 "quantities": [{"id": "Q1", "value": 1, "text": text[:30]}]},
            ],
            "relations": [{"id": "R1", "type": "supports", "from": "P1", "to": "T1",
                           "scheme": text, "label": text}],
            "evidence": [{"id": "E1", "source": "S", "quote": {"exact": text},
                          "locator": {"section": text}}],
            "sources": [{"id": "S", "title": text, "author": [{"literal": text}],
                         "URL": "javascript:alert(1)"}],
        }
    )


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:20]))
def test_hostile_text_is_escaped(text: str) -> None:
    """Every hostile label survives a real layout: the SVG parses, is safe, shows the text."""
    m = hostile_map(text)
    svg = argmap.render(m, backend="wasm", sources=True)
    root = parse_svg(svg)
    assert_safe(root)
    assert {"T1", "P1", "E1", "S", "R1"} <= element_ids(root)
    shown = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    tips = " ".join(a.get(XLINK_TITLE, "") for a in root.iter())
    word = text.split(maxsplit=1)[0][:12]
    if word.isprintable():  # a printable first word appears as written, in label and tooltip
        assert word in shown
        assert word in tips
    if "\\N" in text:  # a literal \N, not Graphviz's node-name escape
        assert "\\N" in shown


def test_long_text_is_capped_but_tooltip_is_full() -> None:
    m = hostile_map("x" * 10_000)
    dot = to_dot(m)
    label_line = next(line for line in dot.splitlines() if "id=T1" in line)
    assert label_line.count("x") > 10_000  # the tooltip keeps every character
    label = label_line.split('label="', 1)[1].split('"', 1)[0]
    assert len(label) < 500
    assert "…" in label


def test_deeply_nested_sections_draw_without_recursion_error() -> None:
    """Hundreds of nested sections once gave a RecursionError traceback; now the deepest
    levels share one cluster and every claim is still drawn."""
    from argmap._render.dot import MAX_NESTING

    depth = 1200
    sections = [{"id": "S0", "title": "s0"}] + [
        {"id": f"S{i}", "title": f"s{i}", "parent": f"S{i - 1}"} for i in range(1, depth)
    ]
    claims = [
        {"id": "T1", "kind": "thesis", "text": "deep", "section": f"S{depth - 1}"},
        {"id": "P1", "text": "shallow", "section": "S3"},
    ]
    m = ArgumentMap.model_validate({"title": "deep", "sections": sections, "claims": claims})
    dot = to_dot(m)
    assert dot.count("subgraph cluster_") == MAX_NESTING  # the legend is drawn in the SVG
    assert "id=T1" in dot
    assert "id=P1" in dot


@pytest.mark.parametrize(("rankdir", "labelloc"), [("BT", "b"), ("TB", "t"), ("LR", "t")])
def test_cluster_titles_are_on_top(small: ArgumentMap, rankdir: str, labelloc: str) -> None:
    """With rankdir=BT Graphviz flips a cluster's ``labelloc=t`` to the bottom, which put
    every section title under its box; ``b`` puts it on top there."""
    dot = to_dot(small, rankdir=rankdir)
    lines = dot.splitlines()
    clusters = [line for line in lines if "class=section" in line]
    assert clusters
    assert all(f"labelloc={labelloc}" in line for line in clusters)
