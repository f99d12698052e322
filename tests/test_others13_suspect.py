"""AM202 and AM203's walk for wrong references (``_shared._suspect``) against round twelve's.

The walk now counts a list's positions and reads a relation's type for its premises only
where an ID is wrong, and passes a relation whose target is a claim at once; the walk of
round twelve, kept here, must give the same references in the same order on maps whose IDs
repeat across kinds and whose references name nodes of every kind or none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import RuleContext
from argmap._model import TARGETS_RELATIONS, ArgumentMap
from argmap._verify.index import MapIndex
from argmap.rules._shared import Reference, _field, _proper, _suspect, _target_label, ids_unique

_POOL = st.sampled_from(["A", "B", "C", "D", "X", "R1", "a.b"])
_TYPES = st.sampled_from(["supports", "attacks", "undercuts", "prefers", "contradicts"])


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    def ids(most: int) -> list[str]:
        return draw(st.lists(_POOL, max_size=most))

    sources = [{"id": i} for i in ids(3)]
    evidence = [{"id": i, "source": draw(_POOL),
                 **({"via": draw(_POOL)} if draw(st.booleans()) else {})} for i in ids(3)]
    sections = [{"id": i, "title": "s",
                 **({"parent": draw(_POOL)} if draw(st.booleans()) else {})} for i in ids(2)]
    claims = [{"id": i, "text": "t", "kind": draw(st.sampled_from(["claim", "argument"])),
               "evidence": draw(st.lists(_POOL, max_size=4)),
               **({"section": draw(_POOL)} if draw(st.booleans()) else {})}
              for i in draw(st.lists(_POOL, min_size=1, max_size=5))]
    relations = [{"id": i, "type": draw(_TYPES), "from": draw(st.lists(_POOL, min_size=1,
                                                                        max_size=3)),
                  "to": draw(_POOL)} for i in ids(5)]
    return {"title": "m", "format": 2, "sources": sources, "evidence": evidence,
            "sections": sections, "claims": claims, "relations": relations}


def _suspect_reference(index: MapIndex) -> Iterator[Reference]:
    """:func:`_suspect` of round twelve, every position and type read for each reference."""
    argmap = index.map
    proper = _proper(index, ids_unique(index))
    ok_sections, ok_evidence, ok_sources = (proper["sections"], proper["evidence"],
                                            proper["sources"])
    ok_claims, ok_relations = proper["claims"], proper["relations"]
    for at, section in enumerate(argmap.sections):
        if section.parent is not None and section.parent not in ok_sections:
            yield Reference(section.parent, "sections", "section", "parent section",
                            section.id, ("sections", at), ("parent",))
    for at, claim in enumerate(argmap.claims):
        if claim.section is not None and claim.section not in ok_sections:
            yield Reference(claim.section, "sections", "section", "section", claim.id,
                            ("claims", at), ("section",))
        for position, ref in enumerate(claim.evidence):
            if ref not in ok_evidence:
                yield Reference(ref, "evidence", "evidence", "evidence", claim.id,
                                ("claims", at), _field("evidence", position))
    claims, relations = index.claims, index.relations
    for at, relation in enumerate(argmap.relations):
        kind = relation.type
        for position, ref in enumerate(relation.from_):
            # format 2: a preference may rank one inference over another
            if kind == "prefers" and ref in relations and ref not in claims:
                if ref not in ok_relations:
                    yield Reference(ref, "relations", "premise", "premise", relation.id,
                                    ("relations", at), _field("from", position))
            elif ref not in ok_claims:
                yield Reference(ref, "claims", "premise", "premise", relation.id,
                                ("relations", at), _field("from", position))
        if kind == "undercuts":
            # an undercut contests an inference: a relation, or an argument as a whole
            target = claims.get(relation.to)
            argument = target is not None and target.kind == "argument"
            expected = "claims" if argument else "relations"
            label = "undercut target"
            role = "undercut"
        else:
            expected = ("relations" if kind in TARGETS_RELATIONS and relation.to in relations
                        and relation.to not in claims else "claims")
            label = _target_label(kind)
            role = "target"
        if relation.to not in (ok_claims if expected == "claims" else ok_relations):
            yield Reference(relation.to, expected, role, label, relation.id, ("relations", at),
                            ("to",))
    for at, item in enumerate(argmap.evidence):
        if item.source not in ok_sources:
            yield Reference(item.source, "sources", "source", "source", item.id,
                            ("evidence", at), ("source",))
        if item.via is not None and item.via not in ok_sources:
            yield Reference(item.via, "sources", "source", "via source", item.id,
                            ("evidence", at), ("via",))



@settings(max_examples=400, deadline=None)
@given(_maps())
def test_the_walk_gives_round_twelves_references(data: dict[str, Any]) -> None:
    try:
        argmap = ArgumentMap.model_validate(data)
    except ValueError:  # an ID the model refuses: nothing to walk
        return
    assert list(_suspect(RuleContext(argmap))) == list(_suspect_reference(RuleContext(argmap)))
