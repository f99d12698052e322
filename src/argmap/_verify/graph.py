"""The shape of a map as graphs: the support graph and what hangs together.

Rules need the same two questions answered: which claims support each other in a circle, and
which claims are connected (by any relation) to a thesis. Both are linear-time graph
algorithms (strongly and weakly connected components) run by rustworkx once per map: the
results are kept in the map's :class:`~argmap._verify.index.MapIndex` for every rule to share.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from argmap._record import record

if TYPE_CHECKING:
    from argmap._model import ArgumentMap, Claim
    from argmap._verify.index import MapIndex, RelationFields

__all__ = ["SupportCycle", "import_library", "support_cycles", "thesis_connected"]


def import_library() -> None:
    """Import rustworkx, which every check's graph rules need (6-12 ms once the rules are
    imported, 40-55 ms in a bare process), ahead of them, where a caller has a core idle."""
    import rustworkx  # noqa: F401 - imported for the functions below, which import it lazily


@record
class SupportCycle:
    """A circle of support: ``claims[i]`` supports ``claims[i + 1]`` through ``relations[i]``.

    The last relation leads back to ``claims[0]``. ``members`` is every claim of the strongly
    connected component the cycle lies in (each lies on some cycle), in map order.
    """

    claims: tuple[str, ...]
    relations: tuple[str, ...]
    members: tuple[str, ...]


def support_cycles(index: MapIndex) -> list[SupportCycle]:
    """Every circle of support, one per strongly connected component, in map order.

    A claim supporting itself directly is a self-relation, not a cycle, and is left out.
    Computed once per map.
    """
    return index.memo(support_cycles, lambda: _support_cycles(index.relation_fields,
                                                              list(index.claims)))


def _support_cycles(relations: Iterable[RelationFields], claim_ids: list[str]
                    ) -> list[SupportCycle]:
    """The graph takes every support edge in one call (a pair given twice changes no
    component); the first relation of each pair, which the cycles name, is looked up only
    when a component has two claims or more (most maps have none).

    ``relations``: each relation's fields, in map order (:attr:`MapIndex.relation_fields`);
    ``claim_ids``: the claims' IDs without repeats, in map order (the keys of the map's
    index of claims)."""
    import rustworkx as rx

    order = dict(zip(claim_ids, range(len(claim_ids)), strict=True))
    ids = list(order)
    # (premise, target, relation ID) of each support between two claims, in map order; a
    # premise supporting itself is a self-relation, not a cycle
    edges: list[tuple[int, int, str]] = []
    add = edges.append
    for name, kind, premises, to, _ in relations:
        if kind != "supports" or to not in order:
            continue
        target = order[to]
        for premise in premises:
            source = order.get(premise)
            if source is not None and source != target:
                add((source, target, name))
    graph = rx.PyDiGraph(multigraph=True)
    graph.add_nodes_from(ids)
    graph.add_edges_from(edges)
    cycles: list[SupportCycle] = []
    successors: dict[int, dict[int, str]] | None = None
    for component in rx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        if successors is None:  # successor lists keep the first relation per pair
            successors = {}
            for source, target, relation_id in edges:
                successors.setdefault(source, {}).setdefault(target, relation_id)
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
    return index.memo(thesis_connected, lambda: _thesis_connected(
        index.map, index.relation_fields, list(index.claims), index.relations.keys(),
        _theses(index)))


def _theses(index: MapIndex) -> list[Claim] | None:
    """The map's theses, from the index of claims by kind when no claim ID repeats (the
    index then holds every claim); None otherwise: a later claim with a repeated ID counts
    too, and :func:`_thesis_connected` reads every claim's kind."""
    if len(index.claims) != len(index.map.claims):
        return None
    return index.of_kind("thesis")


def _thesis_connected(
    argmap: ArgumentMap, relations: list[RelationFields], claim_ids: list[str],
    relation_ids: Collection[str], theses: list[Claim] | None = None,
) -> set[str]:
    """The claims in a component with a thesis. Nodes are numbered as they are added, claims
    first, so a node is a claim exactly when its number is below the claims' count: the
    nodes and edges go to rustworkx in one call each, and a component's claims are read off
    in C, not looked up node by node (instructions at 10,000 claims: -17%).

    One table numbers every node, claims first; when no ID names both a claim and a relation
    and no relation ID repeats, the relations' nodes follow in map order and are not looked
    up (:func:`_numbered` otherwise). 100,000 claims: 480-504 -> 353-404 ms (two dicts built in C
    where three and a filtered list were; claims first in the table, where the premises
    and targets are looked up; a big component's claims taken by one intersection).

    ``relations``: the fields of the map's relations (:attr:`MapIndex.relation_fields`).
    ``theses``: the map's claims of kind thesis, read from the map when not given.
    ``claim_ids``, ``relation_ids``: the claims' and the relations' IDs without repeats, in
    map order: the keys of the map's indexes (:attr:`MapIndex.claims`, first claim of each
    ID, in map order), read without reading each node again (claims: 4.3 -> 0.9 ms at
    10,000 claims, and as much for :func:`support_cycles`)."""
    import rustworkx as rx

    count = len(claim_ids)
    nodes = count + len(relation_ids)
    either = dict(zip(claim_ids, range(count), strict=True))
    either.update(zip(relation_ids, range(count, nodes), strict=True))
    numbered: Iterable[tuple[int, RelationFields]]
    if len(either) == nodes and len(relation_ids) == len(relations):
        numbered = enumerate(relations, count)
    else:  # a claim's ID names the claim; its relation has a node with no edges
        either = dict(zip(relation_ids, range(count, nodes), strict=True))
        either.update(zip(claim_ids, range(count), strict=True))
        numbered = _numbered(relations, either, count)
    get = either.get
    edges: list[tuple[int, int]] = []
    add = edges.append
    for node, (_, _, premises, to, argument) in numbered:
        for premise in premises:
            # format 2: a preference may rank relations; an argument's steps belong to it
            end = get(premise)
            if end is not None and end != node:
                add((end, node))
        if argument is not None:
            end = get(argument)
            if end is not None and end < count:
                add((node, end))
        # a target is a claim, or (undercuts, supports and prefers in format 2) a relation
        target = get(to)
        if target is not None and target != node:
            add((node, target))
    # parallel edges do not change what is connected; a simple graph searched a node's edges
    # on every edge added
    graph = rx.PyGraph(multigraph=True)
    graph.add_nodes_from([None] * nodes)
    graph.add_edges_from_no_data(edges)
    if theses is None:
        theses = [c for c in argmap.claims if c.kind == "thesis"]
    numbers = {either[c.id] for c in theses}
    connected: set[str] = set()
    claim_numbers = range(count)
    for component in rx.connected_components(graph):
        if component & numbers:
            # a big component: its claims are the claim numbers it holds, tested in C
            found = (component.intersection(claim_numbers) if len(component) > count
                     else filter(count.__gt__, component))
            connected.update(map(claim_ids.__getitem__, found))
    return connected


def _numbered(
    relations: Iterable[RelationFields], numbers: dict[str, int], count: int
) -> Iterator[tuple[int, RelationFields]]:
    """Each relation with its node's number, but for one whose ID names a claim (below
    ``count``): it has no node of its own."""
    for fields in relations:
        node = numbers[fields[0]]
        if node >= count:
            yield node, fields
