"""The references AM202 and AM203 read are every reference either rule reports, in order.

``references`` keeps only the references that do not name a node of the expected kind; this
checks it against the whole walk, filtered as the two rules filter it, on maps whose IDs
repeat across kinds and whose references name nodes of every kind or none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import RuleContext
from argmap._model import TARGETS_RELATIONS, ArgumentMap
from argmap.rules._shared import Reference, references

_POOL = st.sampled_from(["A", "B", "C", "D", "X"])


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    sources = [{"id": i} for i in draw(st.lists(_POOL, max_size=3))]
    evidence = [{"id": i, "source": draw(_POOL), **({"via": draw(_POOL)} if draw(st.booleans())
                                                       else {})}
                for i in draw(st.lists(_POOL, max_size=3))]
    sections = [{"id": i, "title": "s", **({"parent": draw(_POOL)} if draw(st.booleans())
                                             else {})}
                for i in draw(st.lists(_POOL, max_size=2))]
    claims = [{"id": i, "text": "t", "kind": draw(st.sampled_from(["claim", "argument"])),
               "evidence": draw(st.lists(_POOL, max_size=2)),
               **({"section": draw(_POOL)} if draw(st.booleans()) else {})}
              for i in draw(st.lists(_POOL, min_size=1, max_size=4))]
    relations = [{"id": i, "type": draw(st.sampled_from(["supports", "attacks", "undercuts",
                                                          "prefers", "contradicts"])),
                  "from": draw(st.lists(_POOL, min_size=1, max_size=2)), "to": draw(_POOL)}
                 for i in draw(st.lists(_POOL, max_size=3))]
    return {"title": "m", "format": 2, "sources": sources, "evidence": evidence,
            "sections": sections, "claims": claims, "relations": relations}


def _walk(ctx: RuleContext) -> Iterator[Reference]:
    """Every reference of the map, in map order: the walk ``references`` filtered before it
    built each reference, kept as the reference it is compared with."""
    argmap = ctx.map
    for at, section in enumerate(argmap.sections):
        if section.parent is not None:
            yield Reference(section.parent, "sections", "section", "parent section",
                            section.id, ("sections", at), ("parent",))
    for at, claim in enumerate(argmap.claims):
        where: tuple[str | int, ...] = ("claims", at)
        if claim.section is not None:
            yield Reference(claim.section, "sections", "section", "section", claim.id, where,
                            ("section",))
        for position, ref in enumerate(claim.evidence):
            yield Reference(ref, "evidence", "evidence", "evidence", claim.id, where,
                            ("evidence", position))
    claims, relations = ctx.claims, ctx.relations
    for at, relation in enumerate(argmap.relations):
        where = ("relations", at)
        kind = relation.type
        for position, ref in enumerate(relation.from_):
            expected = ("relations" if kind == "prefers" and ref in relations
                        and ref not in claims else "claims")
            yield Reference(ref, expected, "premise", "premise", relation.id, where,
                            ("from", position))
        if kind == "undercuts":
            target = claims.get(relation.to)
            argument = target is not None and target.kind == "argument"
            yield Reference(relation.to, "claims" if argument else "relations", "undercut",
                            "undercut target", relation.id, where, ("to",))
        else:
            expected = ("relations" if kind in TARGETS_RELATIONS and relation.to in relations
                        and relation.to not in claims else "claims")
            yield Reference(relation.to, expected, "target", f"{kind} target",
                            relation.id, where, ("to",))
    for at, item in enumerate(argmap.evidence):
        where = ("evidence", at)
        yield Reference(item.source, "sources", "source", "source", item.id, where,
                        ("source",))
        if item.via is not None:
            yield Reference(item.via, "sources", "source", "via source", item.id, where,
                            ("via",))


def _first_kinds(ctx: RuleContext) -> dict[str, str]:
    """AM203's table before: ID -> the collection of the first node with that ID."""
    found: dict[str, str] = {}
    for collection in ("claims", "relations", "evidence", "sources", "sections", "checks"):
        for node_id in getattr(ctx, collection):
            found.setdefault(node_id, collection)
    for quantity_id in ctx.quantities:
        found.setdefault(quantity_id, "quantities")
    return found


@given(data=_maps())
@settings(max_examples=300)
def test_suspect_references_are_all_that_either_rule_reports(data: dict[str, Any]) -> None:
    ctx = RuleContext(ArgumentMap.model_validate(data))
    indexes = {"claims": ctx.claims, "relations": ctx.relations, "evidence": ctx.evidence,
               "sources": ctx.sources, "sections": ctx.sections}
    kinds = _first_kinds(ctx)
    reported = [r for r in _walk(ctx)
                if r.target not in indexes[r.expected]  # AM202
                or kinds.get(r.target) not in (None, r.expected)]  # AM203
    kept = references(ctx)
    assert [r for r in kept if r in reported] == reported
    assert all(r.target not in indexes[r.expected] or kinds.get(r.target) != r.expected
               for r in kept)
    assert list(kept) == [r for r in _walk(ctx) if kinds.get(r.target) != r.expected]
