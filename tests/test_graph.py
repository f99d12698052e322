"""The graph searches of ``argmap._verify.graph``: in Python for a small map, by rustworkx for
a large one, with the same components either way."""

from __future__ import annotations

import rustworkx as rx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify.graph import _tarjan, components, strong_components


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    nodes = draw(st.integers(0, 30))
    if not nodes:
        return 0, []
    node = st.integers(0, nodes - 1)
    return nodes, draw(st.lists(st.tuples(node, node), max_size=80))


def _partition(parts: list[list[int]] | list[set[int]]) -> set[frozenset[int]]:
    return {frozenset(part) for part in parts}


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_strong_components_in_python_are_rustworkx_s(graph: tuple[int, list[tuple[int, int]]]
                                                      ) -> None:
    nodes, edges = graph
    reference = rx.PyDiGraph(multigraph=True)
    reference.add_nodes_from(range(nodes))
    reference.add_edges_from_no_data(edges)
    expected = _partition(rx.strongly_connected_components(reference))
    assert _partition(_tarjan(nodes, edges)) == expected
    assert _partition(strong_components(nodes, edges)) == expected


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_components_in_python_are_rustworkx_s(graph: tuple[int, list[tuple[int, int]]]) -> None:
    nodes, edges = graph
    reference = rx.PyGraph(multigraph=True)
    reference.add_nodes_from(range(nodes))
    reference.add_edges_from_no_data(edges)
    assert _partition(components(nodes, edges)) == _partition(rx.connected_components(reference))


def test_a_large_graph_is_searched_by_rustworkx_with_the_same_components() -> None:
    """Above the size searched in Python: a long chain closed into one circle, and pairs."""
    nodes = 5000
    edges = [(i, i + 1) for i in range(2999)] + [(2999, 0)]
    edges += [(i, i + 1) for i in range(3000, nodes - 1, 2)]
    assert _partition(strong_components(nodes, edges)) == _partition(_tarjan(nodes, edges))
    big = components(nodes, edges)
    assert {len(part) for part in big} == {3000, 2}
    assert len(big) == 1 + (nodes - 3000) // 2
