"""AM204 and AM206 read each relation's fields from ``MapIndex.relation_fields`` (one tuple
per relation, built once per map), where they read the models' attributes. The rules as they
were are kept here as the reference, on maps whose relation IDs repeat, whose relations aim
at themselves or name a premise twice, and whose premises both support and attack."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._model import ArgumentMap
from argmap.rules import am204_self_relation, am206_supports_and_attacks

_IDS = st.sampled_from(["A", "B", "C", "R0", "R1"])
_TYPES = st.sampled_from(["supports", "attacks", "undercuts", "contradicts", "prefers",
                          "rephrases"])


def _am204_reference(ctx: RuleContext) -> Iterator[Problem]:
    for at, relation in enumerate(ctx.map.relations):
        if relation.to == relation.id:
            yield Problem(
                f"relation {relation.id!r} {relation.type} itself",
                node=relation.id,
                path=("relations", at),
                field=("to",),
                hint="point the relation at the inference it is about",
            )
            continue
        if relation.to in relation.from_:
            yield Problem(
                f"{relation.to!r} {relation.type} itself (relation {relation.id!r})",
                node=relation.id,
                path=("relations", at),
                field=("from", relation.from_.index(relation.to)),
                hint="a claim cannot be its own premise; remove it from `from` or fix `to`",
            )


def _am206_reference(ctx: RuleContext) -> Iterator[Problem]:
    supports: dict[tuple[str, str], str] = {}
    for relation in ctx.map.relations:
        if relation.type == "supports":
            for premise in relation.from_:
                supports.setdefault((premise, relation.to), relation.id)
    for at, relation in enumerate(ctx.map.relations):
        if relation.type not in ("attacks", "contradicts"):
            continue
        for premise in dict.fromkeys(relation.from_):
            support = supports.get((premise, relation.to))
            if support is None and relation.type == "contradicts":
                support = supports.get((relation.to, premise))
            if support is None:
                continue
            yield Problem(
                f"{premise!r} both supports {relation.to!r} (relation {support!r}) and "
                f"attacks it (relation {relation.id!r})",
                node=relation.id,
                path=("relations", at),
                field=("from", relation.from_.index(premise)),
                target=premise,
                hint="check the relations' types; split the claim if it says two things",
                related=(RelatedRef(f"{premise!r} supports {relation.to!r} here",
                                    node=support, kind="relations"),),
            )


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    claims = [{"id": i, "text": "t"} for i in ("A", "B", "C")]
    relations = [{"id": draw(st.sampled_from(["R0", "R1", "R2"])), "type": draw(_TYPES),
                  "from": draw(st.lists(_IDS, min_size=1, max_size=3)), "to": draw(_IDS),
                  "argument": draw(st.none() | _IDS)}
                 for _ in range(draw(st.integers(0, 6)))]
    return {"title": "m", "format": 2, "claims": claims, "relations": relations}


@settings(max_examples=300)
@given(_maps())
def test_relation_rules_equal_the_reference(data: dict[str, Any]) -> None:
    ctx = RuleContext(ArgumentMap.model_validate(data))
    assert ctx.relation_fields == [(r.id, r.type, r.from_, r.to, r.argument)
                                   for r in ctx.map.relations]
    assert list(am204_self_relation.check(ctx)) == list(_am204_reference(ctx))
    assert list(am206_supports_and_attacks.check(ctx)) == list(_am206_reference(ctx))


def test_the_maps_hold_findings() -> None:
    """The comparison above means something: each rule finds its case."""
    ctx = RuleContext(ArgumentMap.model_validate({
        "title": "m", "format": 2, "claims": [{"id": i, "text": "t"} for i in "ABC"],
        "relations": [{"id": "R0", "type": "supports", "from": ["A"], "to": "B"},
                      {"id": "R1", "type": "attacks", "from": ["A", "B"], "to": "B"},
                      {"id": "R2", "type": "undercuts", "from": ["C"], "to": "R2"}]}))
    assert [p.node for p in am204_self_relation.check(ctx)] == ["R1", "R2"]
    assert [p.node for p in am206_supports_and_attacks.check(ctx)] == ["R1"]
