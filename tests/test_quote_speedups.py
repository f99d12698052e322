"""Round eight's quicker quote steps give what the code they replaced gave.

Each rewritten step is held to its former version, kept here as the reference, on
hypothesis-generated input, hostile input included.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import graph, quote_context
from argmap._verify.anchor import numbers_in
from argmap.rules import _shared

_NUMBER = re.compile(r"\d\d*(?:[.,]\d+)*")
_NUMBER_ASCII = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _numbers_in_reference(text: str) -> list[str]:
    """``anchor.numbers_in`` before it skipped the tokens without a comma."""
    found: list[str] = (_NUMBER_ASCII if text.isascii() else _NUMBER).findall(text)
    if "," in text:
        found = [t.replace(",", "") if _THOUSANDS.fullmatch(t) else t for t in found]
    return found


_NUMBERISH = st.text(alphabet="0123,.,, ab\u0663\u0669\uff11\u00a0", max_size=40)


@settings(max_examples=1000, deadline=None)
@given(_NUMBERISH | st.text(max_size=40))
def test_numbers_in_equals_the_reference(text: str) -> None:
    assert numbers_in(text) == _numbers_in_reference(text)


# --- AM411's context ------------------------------------------------------------------------

_SENTENCES = st.lists(st.sampled_from(
    ["It", "rained", ".", "!", "?", " ", "  ", "\"", "')", "]", "(", "[", "A", "9", "4.5", ",",
     ";", " - ", "critics claim that", "may", "Allegedly", "x", "U.S.", "e.g.", "\u201d", "\n"]),
    max_size=30).map("".join)


def _ends_sentence_reference(text: str, end: int) -> bool:
    """``quote_context._ends_sentence`` before its one-character shortcut."""
    return quote_context._ENDS_SENTENCE.search(  # noqa: SLF001 - the reference's own pattern
        text, max(0, end - 4), end) is not None


@settings(max_examples=1000, deadline=None)
@given(_SENTENCES | st.text(max_size=30), st.data())
def test_ends_sentence_equals_the_reference(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(-2, len(text) + 2))
    assert quote_context._ends_sentence(text, end) == _ends_sentence_reference(  # noqa: SLF001
        text, end)


@settings(max_examples=1000, deadline=None)
@given(_SENTENCES | st.text(max_size=30), st.data())
def test_a_quote_opening_a_sentence_has_no_context_before_whatever_the_floor(
        text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(-2, len(text) + 2))
    floor = data.draw(st.integers(0, len(text) + 2))
    if quote_context._opens_sentence(text, start):  # noqa: SLF001 - the shortcut's condition
        assert quote_context.context_before(text, start, floor) == ""


def test_the_opening_shortcut_is_taken() -> None:
    """The property above means something: the shortcut's condition holds for a quote that
    opens a sentence, and not for one inside it."""
    text = "It rained. Cycling rose, critics say."
    assert quote_context._opens_sentence(text, text.index("Cycling"))  # noqa: SLF001
    assert not quote_context._opens_sentence(text, text.index("critics"))  # noqa: SLF001


# --- AM209's connected claims ---------------------------------------------------------------


def _thesis_connected_reference(argmap: Any) -> set[str]:
    """``graph._thesis_connected`` before it added the nodes and edges in one call each."""
    import rustworkx as rx

    graph = rx.PyGraph(multigraph=True)
    index: dict[str, int] = {}
    for claim in argmap.claims:
        if claim.id not in index:
            index[claim.id] = graph.add_node(claim.id)
    relation_index: dict[str, int] = {}
    for relation in argmap.relations:
        if relation.id not in relation_index and relation.id not in index:
            relation_index[relation.id] = graph.add_node(relation.id)
    for relation in argmap.relations:
        node = relation_index.get(relation.id)
        if node is None:
            continue
        for premise in relation.from_:
            end = index.get(premise, relation_index.get(premise))
            if end is not None and end != node:
                graph.add_edge(end, node, None)
        if relation.argument is not None and relation.argument in index:
            graph.add_edge(node, index[relation.argument], None)
        target = index.get(relation.to, relation_index.get(relation.to))
        if target is not None and target != node:
            graph.add_edge(node, target, None)
    theses = {index[c.id] for c in argmap.claims if c.kind == "thesis"}
    connected: set[str] = set()
    for component in rx.connected_components(graph):
        if component & theses:
            connected.update(
                graph[n] for n in component if isinstance(graph[n], str) and graph[n] in index
            )
    return connected


_IDS = st.sampled_from(["A", "B", "C", "D", "E", "R1", "R2", "R3", "x"])
_CLAIMS = st.lists(st.builds(SimpleNamespace, id=_IDS,
                             kind=st.sampled_from(["thesis", "claim", "argument"])), max_size=8)
_RELATIONS = st.lists(st.builds(SimpleNamespace, id=_IDS, from_=st.lists(_IDS, max_size=3),
                                to=_IDS, argument=st.none() | _IDS), max_size=8)


@settings(max_examples=1000, deadline=None)
@given(_CLAIMS, _RELATIONS)
def test_thesis_connected_equals_the_reference(claims: list[Any], relations: list[Any]) -> None:
    argmap = SimpleNamespace(claims=claims, relations=relations)
    assert graph._thesis_connected(argmap) == _thesis_connected_reference(  # type: ignore[arg-type]  # noqa: SLF001
        argmap)


# --- AM202 and AM203's references -----------------------------------------------------------


def _proper_reference(index: Any) -> dict[str, Any]:
    """``_shared._proper`` before it kept the keys of collections that share no ID."""
    found: dict[str, Any] = {}
    earlier: set[str] = set()
    for collection in ("claims", "relations", "evidence", "sources", "sections"):
        ids = getattr(index, collection).keys()
        found[collection] = ids - earlier if earlier else ids
        earlier.update(ids)
    return found


_COLLECTION = st.dictionaries(st.sampled_from(["A", "B", "C", "E1", "S1", "x", ""]), st.none(),
                              max_size=4)


@settings(max_examples=1000, deadline=None)
@given(_COLLECTION, _COLLECTION, _COLLECTION, _COLLECTION, _COLLECTION)
def test_proper_equals_the_reference(claims: dict[str, None], relations: dict[str, None],
                                     evidence: dict[str, None], sources: dict[str, None],
                                     sections: dict[str, None]) -> None:
    index = SimpleNamespace(claims=claims, relations=relations, evidence=evidence,
                            sources=sources, sections=sections)
    new, old = _shared._proper(index), _proper_reference(index)  # type: ignore[arg-type]  # noqa: SLF001
    assert {c: set(ids) for c, ids in new.items()} == {c: set(ids) for c, ids in old.items()}


# --- AM205's circles of support -------------------------------------------------------------


def _support_cycles_reference(argmap: Any) -> list[graph.SupportCycle]:
    """``graph._support_cycles`` before it gave rustworkx the edges in one call."""
    import rustworkx as rx

    order = graph._claim_order(argmap)  # noqa: SLF001 - the reference's own helpers
    ids = list(order)
    digraph = rx.PyDiGraph(multigraph=True)
    digraph.add_nodes_from(ids)
    successors: dict[int, dict[int, str]] = {}
    for relation in argmap.relations:
        if relation.type != "supports" or relation.to not in order:
            continue
        target = order[relation.to]
        for premise in relation.from_:
            source = order.get(premise)
            if source is None or source == target:
                continue
            edges = successors.setdefault(source, {})
            if target not in edges:
                edges[target] = relation.id
                digraph.add_edge(source, target, None)
    cycles = []
    for component in rx.strongly_connected_components(digraph):
        if len(component) < 2:
            continue
        cycles.append(graph._shortest_cycle(sorted(component), successors, ids))  # noqa: SLF001
    return sorted(cycles, key=lambda cycle: order[cycle.claims[0]])


_SUPPORTS = st.lists(st.builds(SimpleNamespace, id=st.sampled_from(["R1", "R2", "R3", "R4"]),
                               type=st.sampled_from(["supports", "supports", "attacks"]),
                               from_=st.lists(_IDS, max_size=3), to=_IDS), max_size=12)


@settings(max_examples=1000, deadline=None)
@given(_CLAIMS, _SUPPORTS)
def test_support_cycles_equal_the_reference(claims: list[Any], relations: list[Any]) -> None:
    argmap = SimpleNamespace(claims=claims, relations=relations)
    assert graph._support_cycles(argmap) == _support_cycles_reference(  # type: ignore[arg-type]  # noqa: SLF001
        argmap)


def test_support_cycles_are_found() -> None:
    """The comparison above means something: a circle of support is found."""
    claims = [SimpleNamespace(id=i, kind="claim") for i in "ABC"]
    relations = [SimpleNamespace(id=f"R{k}", type="supports", from_=[a], to=b)
                 for k, (a, b) in enumerate(["AB", "BC", "CA"])]
    cycles = graph._support_cycles(SimpleNamespace(claims=claims, relations=relations))  # type: ignore[arg-type]  # noqa: SLF001
    assert [cycle.claims for cycle in cycles] == [("A", "B", "C")]
