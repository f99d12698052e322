"""Round twelve's map indexes, each held to the walk it replaced (kept here as the
reference) on maps whose IDs repeat, whose claims cite an item twice or none, and whose
relations name a premise twice or none: ``MapIndex.of_kind`` (the rules that walked every
claim for one kind), ``outgoing`` and ``evidence_users`` (no dict to drop repeats from a
one-item list), and the theses :func:`argmap._verify.graph.thesis_connected` takes from
``of_kind`` when no claim ID repeats; and ``ids_unique``, AM201's proof that no ID repeats,
which the reference walk now shares, held to the pairwise test it replaced."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from argmap._engine.context import RuleContext
from argmap._model import ArgumentMap, Claim, Relation
from argmap._verify import graph
from argmap._verify.index import MapIndex
from argmap.rules import _shared
from argmap.rules._shared import ids_unique, no_id_repeats

_IDS = st.sampled_from(["A", "B", "C", "D", "R0", "R1"])
_EVIDENCE_IDS = st.sampled_from(["E1", "E2", "E3"])
_KINDS = ["thesis", "claim", "premise", "objection", "assumption", "argument"]


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    claims = [{"id": i, "text": "t", "kind": draw(st.sampled_from(_KINDS)),
               "evidence": draw(st.lists(_EVIDENCE_IDS, max_size=3))}
              for i in draw(st.lists(_IDS, min_size=1, max_size=6))]
    relations = [{"id": draw(st.sampled_from([f"R{n}", "R0", "A"])),
                  "type": draw(st.sampled_from(["supports", "attacks", "undercuts",
                                                "contradicts"])),
                  "from": draw(st.lists(st.one_of(_IDS, st.just("X")), min_size=1,
                                        max_size=3)),
                  "to": draw(st.one_of(_IDS, st.just("X")))}
                 for n in range(draw(st.integers(0, 6)))]
    return {"title": "m", "format": 2, "claims": claims, "relations": relations}


def _old_outgoing(index: MapIndex) -> dict[str, list[Relation]]:
    found: dict[str, list[Relation]] = defaultdict(list)
    for relation in index.map.relations:
        for premise in dict.fromkeys(relation.from_):
            found[premise].append(relation)
    return dict(found)


def _old_evidence_users(index: MapIndex) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = defaultdict(list)
    for claim in index.map.claims:
        for evidence_id in dict.fromkeys(claim.evidence):
            found[evidence_id].append(claim)
    return dict(found)


def _ids(found: dict[str, list[Any]]) -> list[tuple[str, list[int]]]:
    """Keys in order and the nodes by identity (pydantic models compare by value)."""
    return [(key, [id(node) for node in nodes]) for key, nodes in found.items()]


@settings(max_examples=300)
@given(_maps())
def test_indexes_equal_the_walks_they_replaced(data: dict[str, Any]) -> None:
    ctx = RuleContext(ArgumentMap.model_validate(data))
    for kind in [*_KINDS, "nothing"]:
        assert [id(c) for c in ctx.of_kind(kind)] == [
            id(c) for c in ctx.claims.values() if c.kind == kind]
    assert _ids(ctx.outgoing) == _ids(_old_outgoing(ctx))
    assert _ids(ctx.evidence_users) == _ids(_old_evidence_users(ctx))
    assert graph.thesis_connected(ctx) == graph._thesis_connected(  # noqa: SLF001
        ctx.map, ctx.relation_fields, list(ctx.claims), ctx.relations.keys())


# --- ids_unique: AM201's proof that no ID repeats, shared with the reference walk ----------

def _pool(prefix: str) -> st.SearchStrategy[list[str]]:
    """Up to two IDs, mostly of this collection's own, sometimes one another collection
    uses too: so that maps whose IDs are unique are drawn as often as maps where one
    repeats, within a collection or across two."""
    return st.lists(st.sampled_from([f"{prefix}1", f"{prefix}2", f"{prefix}3", "A", "Q1"]),
                    max_size=2)


def _all_unique_reference(ctx: RuleContext) -> bool:
    """AM201's ``_all_unique`` before round twelve: pairs of indexes tested for overlap."""
    keys = []
    for collection in ("sections", "claims", "relations", "evidence", "checks", "sources"):
        index: dict[str, Any] = getattr(ctx, collection)
        if len(index) != len(getattr(ctx.map, collection)):
            return False
        keys.append(index.keys())
    quantities = ctx.quantities
    if len(quantities) != ctx.quantity_count:
        return False
    keys.append(quantities.keys())
    return all(a.isdisjoint(b) for at, a in enumerate(keys) for b in keys[:at])


@st.composite
def _id_maps(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "title": "m",
        "sources": [{"id": i} for i in draw(_pool("S"))],
        "evidence": [{"id": i, "source": "S"} for i in draw(_pool("E"))],
        "sections": [{"id": i, "title": "s"} for i in draw(_pool("G"))],
        "relations": [{"id": i, "type": "supports", "from": "A", "to": "B"}
                      for i in draw(_pool("R"))],
        "checks": [{"id": i, "type": "sum", "parts": ["Q1"], "total": "Q1"}
                   for i in draw(_pool("K"))],
        "claims": [{"id": i, "text": "t",
                    "quantities": [{"id": q, "value": 1} for q in draw(_pool("Q"))]}
                   for i in draw(st.lists(st.sampled_from(["C1", "C2", "C3", "A"]),
                                          min_size=1, max_size=3))],
    }


@settings(max_examples=300)
@given(_id_maps())
def test_ids_unique_equals_the_pairwise_test(data: dict[str, Any]) -> None:
    ctx = RuleContext(ArgumentMap.model_validate(data))
    unique = ids_unique(ctx)
    assert unique == _all_unique_reference(ctx) == no_id_repeats(ctx)
    event(f"unique: {unique}")
    # and the references' kinds of IDs are what the set of every earlier ID told
    proper = _shared._proper(ctx, unique)  # noqa: SLF001
    earlier: set[str] = set()
    for collection in ("claims", "relations", "evidence", "sources", "sections"):
        ids = getattr(ctx, collection).keys()
        assert set(proper[collection]) == set(ids) - earlier
        earlier.update(ids)
