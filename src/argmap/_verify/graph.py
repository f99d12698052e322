"""The shape of a map as graphs: the support graph and what hangs together.

Rules need the same two questions answered: which claims support each other in a circle, and
which claims are connected (by any relation) to a thesis. Both are linear-time graph
algorithms (strongly and weakly connected components), run once per map, in Python for a small
map and by rustworkx for a large one: the results are kept in the map's
:class:`~argmap._verify.index.MapIndex` for every rule to share.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._model import ArgumentMap
    from argmap._verify.index import MapIndex

__all__ = ["SupportCycle", "components", "strong_components", "support_cycles", "thesis_connected"]


@dataclass(frozen=True, slots=True)
class SupportCycle:
    """A circle of support: ``claims[i]`` supports ``claims[i + 1]`` through ``relations[i]``.

    The last relation leads back to ``claims[0]``. ``members`` is every claim of the strongly
    connected component the cycle lies in (each lies on some cycle), in map order.
    """

    claims: tuple[str, ...]
    relations: tuple[str, ...]
    members: tuple[str, ...]


def _claim_order(argmap: ArgumentMap) -> dict[str, int]:
    order: dict[str, int] = {}
    for claim in argmap.claims:
        order.setdefault(claim.id, len(order))
    return order


def support_cycles(index: MapIndex) -> list[SupportCycle]:
    """Every circle of support, one per strongly connected component, in map order.

    A claim supporting itself directly is a self-relation, not a cycle, and is left out.
    Computed once per map.
    """
    return index.memo(support_cycles, lambda: _support_cycles(index.map))


def _support_cycles(argmap: ArgumentMap) -> list[SupportCycle]:
    order = _claim_order(argmap)
    ids = list(order)
    # successor lists keep the first relation per (premise, target) pair, in map order
    successors: dict[int, dict[int, str]] = {}
    edges: list[tuple[int, int]] = []
    for relation in argmap.relations:
        if relation.type != "supports" or relation.to not in order:
            continue
        target = order[relation.to]
        for premise in relation.from_:
            source = order.get(premise)
            if source is None or source == target:
                continue
            out = successors.setdefault(source, {})
            if target not in out:
                out[target] = relation.id
                edges.append((source, target))
    cycles: list[SupportCycle] = []
    for component in strong_components(len(ids), edges):
        if len(component) < 2:
            continue
        members = sorted(component)
        cycles.append(_shortest_cycle(members, successors, ids))
    return sorted(cycles, key=lambda cycle: order[cycle.claims[0]])


def _shortest_cycle(
    members: list[int], successors: dict[int, dict[int, str]], ids: list[str]
) -> SupportCycle:
    """Breadth-first search from the first member back to itself, inside its component."""
    inside = set(members)
    start = members[0]
    parent: dict[int, tuple[int, str]] = {}
    queue = deque([start])
    closing: tuple[int, str] | None = None
    while queue and closing is None:
        node = queue.popleft()
        for nxt, relation in sorted(successors.get(node, {}).items()):
            if nxt not in inside:
                continue
            if nxt == start:
                closing = (node, relation)
                break
            if nxt not in parent:
                parent[nxt] = (node, relation)
                queue.append(nxt)
    if closing is None:  # pragma: no cover - a strongly connected component always has one
        return SupportCycle((ids[start],), (), tuple(ids[m] for m in members))
    last, back = closing
    path: list[int] = [last]
    steps: list[str] = [back]
    while path[-1] != start:
        before, relation = parent[path[-1]]
        path.append(before)
        steps.append(relation)
    path.reverse()
    steps.reverse()  # now steps[i] leads from path[i] to path[i + 1], the last back to start
    return SupportCycle(
        tuple(ids[n] for n in path), tuple(steps), tuple(ids[m] for m in members)
    )


def thesis_connected(index: MapIndex) -> set[str]:
    """IDs of the claims connected to a thesis through any chain of relations.

    Relations are nodes of the graph too, so an undercut's premises are connected to the
    relation they undercut and, through it, to that relation's premises and target; an
    inference step of an argument (``argument``) is connected to the argument's claim.
    Computed once per map.
    """
    return index.memo(thesis_connected, lambda: _thesis_connected(index.map))


def _thesis_connected(argmap: ArgumentMap) -> set[str]:
    names: list[str] = []  # node -> the claim's or the relation's ID
    index: dict[str, int] = {}
    for claim in argmap.claims:
        if claim.id not in index:
            index[claim.id] = len(names)
            names.append(claim.id)
    relation_index: dict[str, int] = {}
    for relation in argmap.relations:
        if relation.id not in relation_index and relation.id not in index:
            relation_index[relation.id] = len(names)
            names.append(relation.id)
    edges: list[tuple[int, int]] = []
    for relation in argmap.relations:
        node = relation_index.get(relation.id)
        if node is None:
            continue
        for premise in relation.from_:
            # format 2: a preference may rank relations; an argument's steps belong to it
            end = index.get(premise, relation_index.get(premise))
            if end is not None and end != node:
                edges.append((end, node))
        if relation.argument is not None and relation.argument in index:
            edges.append((node, index[relation.argument]))
        # a target is a claim, or (undercuts, supports and prefers in format 2) a relation
        target = index.get(relation.to, relation_index.get(relation.to))
        if target is not None and target != node:
            edges.append((node, target))
    theses = {index[c.id] for c in argmap.claims if c.kind == "thesis"}
    connected: set[str] = set()
    for component in components(len(names), edges):
        if component & theses:
            connected.update(names[n] for n in component if names[n] in index)
    return connected


#: Graphs up to this many nodes and edges are searched in Python; larger ones by rustworkx,
#: whose import (8 ms) costs more than a small map's whole search.
_IN_PYTHON_UP_TO = 4096


def strong_components(nodes: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """The strongly connected components of the directed graph on ``range(nodes)``, each a
    list of its nodes, in no particular order."""
    if nodes + len(edges) > _IN_PYTHON_UP_TO:
        import rustworkx as rx

        # no pair is given twice (see _support_cycles), so a simple graph's search for an
        # existing edge on every add_edge would be wasted
        graph = rx.PyDiGraph(multigraph=True)
        graph.add_nodes_from(range(nodes))
        graph.add_edges_from_no_data(edges)
        return [list(c) for c in rx.strongly_connected_components(graph)]
    return _tarjan(nodes, edges)


def components(nodes: int, edges: list[tuple[int, int]]) -> list[set[int]]:
    """The connected components of the undirected graph on ``range(nodes)``."""
    if nodes + len(edges) > _IN_PYTHON_UP_TO:
        import rustworkx as rx

        # parallel edges do not change what is connected; a simple graph searched a node's
        # edges on every add_edge (0.64 s -> 0.49 s at 100,000 claims)
        graph = rx.PyGraph(multigraph=True)
        graph.add_nodes_from(range(nodes))
        graph.add_edges_from_no_data(edges)
        return list(rx.connected_components(graph))
    neighbours: list[list[int]] = [[] for _ in range(nodes)]
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    seen = [False] * nodes
    found: list[set[int]] = []
    for start in range(nodes):
        if seen[start]:
            continue
        seen[start] = True
        component = {start}
        stack = [start]
        while stack:
            for nxt in neighbours[stack.pop()]:
                if not seen[nxt]:
                    seen[nxt] = True
                    component.add(nxt)
                    stack.append(nxt)
        found.append(component)
    return found


def _tarjan(nodes: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Tarjan's algorithm without recursion: each node's successors are walked from where
    its frame left off."""
    successors: list[list[int]] = [[] for _ in range(nodes)]
    for a, b in edges:
        successors[a].append(b)
    number = [-1] * nodes  # discovery order, -1 for not yet seen
    low = [0] * nodes
    on_stack = [False] * nodes
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(nodes):
        if number[root] >= 0:
            continue
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        frames = [(root, iter(successors[root]))]
        while frames:
            node, pending = frames[-1]
            for nxt in pending:
                if number[nxt] < 0:
                    number[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    frames.append((nxt, iter(successors[nxt])))
                    break
                if on_stack[nxt]:
                    low[node] = min(low[node], number[nxt])
            else:
                frames.pop()
                if frames:
                    parent = frames[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == number[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found
