"""``premises_of_kind`` (AM215, AM218) gathers the IDs of the wanted kind first and skips a
relation with none of them among its premises; the walk before it looked each premise's
claim up. The old walk is kept here as the reference, on maps whose claim IDs repeat (the
first claim of an ID decides its kind) and whose relations name a premise twice or none."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import RuleContext
from argmap._model import ArgumentMap, Relation
from argmap.rules._shared import premises_of_kind

_IDS = st.sampled_from(["A", "B", "C", "D"])
_KINDS = st.sampled_from(["thesis", "claim", "premise", "objection", "assumption"])


def _reference(
    ctx: RuleContext, kind: str, relation_type: str | None = None
) -> Iterator[tuple[int, Relation, str]]:
    claims = ctx.claims
    for at, relation in enumerate(ctx.map.relations):
        if relation_type is not None and relation.type != relation_type:
            continue
        for premise in dict.fromkeys(relation.from_):
            claim = claims.get(premise)
            if claim is not None and claim.kind == kind:
                yield at, relation, premise


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    claims = [{"id": i, "text": "t", "kind": draw(_KINDS)}
              for i in draw(st.lists(_IDS, min_size=1, max_size=5))]
    relations = [{"id": f"R{n}", "type": draw(st.sampled_from(["supports", "attacks",
                                                                "undercuts", "contradicts"])),
                  "from": draw(st.lists(st.one_of(_IDS, st.just("X")), min_size=1,
                                        max_size=3)),
                  "to": draw(_IDS)}
                 for n in range(draw(st.integers(0, 5)))]
    return {"title": "m", "format": 2, "claims": claims, "relations": relations}


@settings(max_examples=300)
@given(_maps(), _KINDS, st.sampled_from([None, "supports", "attacks"]))
def test_premises_of_kind_equal_the_reference(
    data: dict[str, Any], kind: str, relation_type: str | None
) -> None:
    ctx = RuleContext(ArgumentMap.model_validate(data))
    assert list(premises_of_kind(ctx, kind, relation_type)) == list(
        _reference(ctx, kind, relation_type))
