"""The graph that quotes each short attribute once writes what ``graphviz`` itself writes."""

from __future__ import annotations

import graphviz
from hypothesis import given
from hypothesis import strategies as st

from argmap._render.quoting import digraph


def _even_backslashes(value: str | None) -> bool:
    """graphviz warns of a value ending in an odd run of backslashes; argmap's never do
    (``_render.dot.text`` doubles every backslash)."""
    return value is None or (len(value) - len(value.rstrip("\\"))) % 2 == 0


# DOT's awkward cases: keywords, numerals, HTML-like strings, quotes and backslashes, and
# NoHtml strings (quoted unlike the same plain str), short and long (not kept in the table)
PLAIN = st.sampled_from(["", "node", "Node", "graph", "-4.2", ".42", "1e3", "a b", "<b>x</b>",
                         '"', '\\"', "back\\\\", "x" * 41, "é", "filled,rounded", "#ff0000"])
VALUE = (PLAIN | PLAIN.map(graphviz.nohtml) | st.text(max_size=50) | st.none()).filter(
    _even_backslashes)
ATTRIBUTES = st.dictionaries(st.sampled_from(["label", "shape", "id", "class", "URL", "width",
                                              "tooltip", "node", "a b"]), VALUE, max_size=6)


@given(st.lists(ATTRIBUTES, max_size=6))
def test_attribute_lists_are_what_graphviz_writes(lists: list[dict[str, str | None]]) -> None:
    graph = digraph("g")
    for attributes in lists:  # one graph for all: later lists read the table earlier ones filled
        written = graph._attr_list(None, attributes=attributes)  # noqa: SLF001 - the override
        assert written == graphviz.quoting.attr_list(None, attributes=attributes)


def test_a_whole_graph_is_what_a_plain_digraph_writes() -> None:
    ours, theirs = digraph("argmap", node_attr={"shape": "box"}), graphviz.Digraph(
        "argmap", node_attr={"shape": "box"})
    for graph in (ours, theirs):
        for number in range(3):
            graph.node(f"c{number}", _attributes={"label": graphviz.nohtml("<b>x</b>"),
                                                  "shape": "box", "id": "node"})
            graph.node(f"d{number}", "label", color="red")
            graph.edge(f"c{number}", f"d{number}", _attributes={"class": "a b", "weight": None})
    assert ours.source == theirs.source
    assert "<b>x</b>" in ours.source
    assert '[class="a b"]' in ours.source
