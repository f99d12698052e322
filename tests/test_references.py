"""The references AM202 and AM203 read are every reference either rule reports, in order.

``references`` keeps only the references that do not name a node of the expected kind; this
checks it against the whole walk, filtered as the two rules filter it, on maps whose IDs
repeat across kinds and whose references name nodes of every kind or none.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap._engine.context import RuleContext
from argmap._model import ArgumentMap
from argmap.rules._shared import _walk, references

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
