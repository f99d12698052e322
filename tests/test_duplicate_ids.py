"""AM201 reports what it reported when it kept a tuple of tuples per node (the reference)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._model import ArgumentMap
from argmap.rules import am201_duplicate_id

_POOL = st.sampled_from(["A", "B", "C", "Q1", "Q2"])


def _reference(ctx: RuleContext) -> Iterator[Problem]:
    first: dict[str, tuple[str, tuple[str | int, ...]]] = {}

    def seen(node_id: str, collection: str, path: tuple[str | int, ...]) -> Iterator[Problem]:
        if node_id not in first:
            first[node_id] = (collection, path)
            return
        other_collection, other_path = first[node_id]
        kind = collection.rstrip("s") if collection != "evidence" else "evidence"
        other = other_collection.rstrip("s") if other_collection != "evidence" else "evidence"
        yield Problem(
            f"{kind} ID {node_id!r} is already used by a {other}", path=path, field=("id",),
            hint="give each node its own ID",
            related=(RelatedRef(f"first {node_id!r}", node=node_id, kind=other_collection),),
            data={"first": list(other_path)},
        )

    for collection in ("sections", "claims", "relations", "evidence", "checks", "sources"):
        for index, node in enumerate(getattr(ctx.map, collection)):
            yield from seen(node.id, collection, (collection, index))
            if collection == "claims":
                for q_index, quantity in enumerate(node.quantities):
                    yield from seen(quantity.id, "quantities",
                                    (collection, index, "quantities", q_index))


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    ids = st.lists(_POOL, max_size=3)
    return {
        "title": "m",
        "sources": [{"id": i} for i in draw(ids)],
        "evidence": [{"id": i, "source": "S"} for i in draw(ids)],
        "sections": [{"id": i, "title": "s"} for i in draw(ids)],
        "relations": [{"id": i, "type": "supports", "from": "A", "to": "B"} for i in draw(ids)],
        "claims": [{"id": i, "text": "t",
                    "quantities": [{"id": q, "value": 1} for q in draw(ids)]}
                   for i in draw(st.lists(_POOL, min_size=1, max_size=4))],
    }


@given(data=_maps())
def test_duplicate_ids_match_the_reference(data: dict[str, Any]) -> None:
    ctx = RuleContext(ArgumentMap.model_validate(data))
    assert list(am201_duplicate_id.check(ctx)) == list(_reference(ctx))
