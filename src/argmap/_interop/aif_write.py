"""An argmap map as AIF JSON (AIFdb / OVA flavour), the inverse of ``aif_read``.

Claims become I-nodes and each relation an RA, CA, MA or PA scheme node (relations that
came from one scheme node with several conclusions become that one node again), with an
edge from each premise and one to the target. IDs, texts, schemes, the edges' own IDs and
every key an import kept in ``data.aif`` are written back, and the dialogue layer kept in
the map's ``data.aif`` follows, so a nodeset read and written again is the same graph.
What AIF has no place for goes under ``argmap`` keys, which AIF readers ignore: the map's
title, description, sections, evidence, sources and checks at the top, a claim's kind (when
an import would not derive it), evidence, tags and quantities on its I-node, a relation's
label, argument or ``contradicts`` type on its scheme node. So an argmap map written as AIF
and read again is the same map.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from argmap._interop.aif_read import MAP_OWN_KEYS, WRITTEN_TEXTS, derived_kinds

if TYPE_CHECKING:
    from argmap._model import ArgumentMap, Claim, Relation

__all__ = ["aif_data", "dumps_aif"]

#: argmap relation type -> AIF scheme node type and the text AIFdb gives it by default.
NODE_TYPES = {
    relation: (kind, WRITTEN_TEXTS[kind])
    for relation, kind in (("supports", "RA"), ("attacks", "CA"), ("undercuts", "CA"),
                           ("contradicts", "CA"), ("rephrases", "MA"), ("prefers", "PA"))
}


def _aif(data: dict[str, Any]) -> dict[str, Any]:
    found = data.get("aif")
    return found if isinstance(found, dict) else {}


def _node_id(node_id: str, kept: dict[str, Any]) -> Any:
    return kept.get("nodeID", node_id)


def _claim_node(claim: Claim, kind: str) -> dict[str, Any]:
    kept = _aif(claim.data)
    node: dict[str, Any] = {"nodeID": _node_id(claim.id, kept),
                            "text": kept.get("text", claim.text), "type": "I"}
    node.update({k: v for k, v in kept.items() if k not in ("nodeID", "text", "type")})
    own = _own(claim, {"id", "text", "data"})
    own.pop("kind", None)
    if claim.kind.value != kind:  # the default kind too, as exclude_defaults drops it
        own = {"kind": claim.kind.value, **own}
    if own:
        node["argmap"] = own
    return node


def _own(model: Any, leave: set[str]) -> dict[str, Any]:
    """A node's argmap fields AIF has no place for (kind, evidence, tags, ...), as JSON; the
    ``data`` of a node goes back into the AIF node, not here."""
    dumped: dict[str, Any] = model.model_dump(
        mode="json", by_alias=True, exclude_defaults=True, exclude_none=True
    )
    return {k: v for k, v in dumped.items() if k not in leave}


def _scheme_node(relation: Relation, node_id: Any) -> dict[str, Any]:
    kept = _aif(relation.data)
    kind, text = NODE_TYPES[relation.type.value]
    found = kept.get("node")
    original: dict[str, Any] = found if isinstance(found, dict) else {}
    node: dict[str, Any] = {"nodeID": node_id, "text": text, "type": kind}
    node.update({k: v for k, v in original.items() if k != "nodeID"})
    node["type"] = kind
    own = _own(relation, {"id", "type", "from", "to", "linked", "scheme", "data"})
    if relation.type.value == "contradicts":
        own["type"] = "contradicts"  # a CA node reads back as attacks
    if own:
        node["argmap"] = own
    if relation.scheme and original.get("scheme") is None and original.get("text") in (
        None, text, kind
    ):
        node["text"] = relation.scheme
    return node


def aif_data(argmap: ArgumentMap) -> dict[str, Any]:
    """The AIF nodeset of a map, as JSON-shaped data."""
    claim_ids = {c.id: _node_id(c.id, _aif(c.data)) for c in argmap.claims}
    relation_nodes: dict[str, Any] = {}
    for relation in argmap.relations:
        relation_nodes[relation.id] = _node_id(relation.id, _aif(relation.data))

    def aif_id(ref: str) -> Any:
        return claim_ids.get(ref, relation_nodes.get(ref, ref))

    kinds = derived_kinds(
        [c.id for c in argmap.claims],
        [(r.type.value, r.from_, r.to) for r in argmap.relations],
    )
    nodes = [_claim_node(claim, kinds[claim.id]) for claim in argmap.claims]
    edges: list[dict[str, Any]] = []
    written_nodes: set[str] = set()
    written_edges: set[tuple[str, str]] = set()
    used_edge_ids = {str(e.get("edgeID")) for r in argmap.relations
                     for e in _aif(r.data).get("edges", []) if isinstance(e, dict)}
    counter = 0

    def edge(source: Any, target: Any, kept: dict[tuple[str, str], dict[str, Any]]) -> None:
        nonlocal counter
        key = (str(source), str(target))
        if key in written_edges:
            return
        written_edges.add(key)
        original = kept.get(key)
        if original is not None:
            edges.append(dict(original))
            return
        counter += 1
        while f"e{counter}" in used_edge_ids:
            counter += 1
        edges.append({"edgeID": f"e{counter}", "fromID": source, "toID": target})

    for relation in argmap.relations:
        node_id = relation_nodes[relation.id]
        if str(node_id) not in written_nodes:
            written_nodes.add(str(node_id))
            nodes.append(_scheme_node(relation, node_id))
        kept = {
            (str(e.get("fromID")), str(e.get("toID"))): e
            for e in _aif(relation.data).get("edges", []) if isinstance(e, dict)
        }
        for premise in relation.from_:
            edge(aif_id(premise), node_id, kept)
        edge(node_id, aif_id(relation.to), kept)
    dialogue = _aif(argmap.data)
    out: dict[str, Any] = {
        "nodes": [*nodes, *dialogue.get("nodes", [])],
        "edges": [*edges, *dialogue.get("edges", [])],
    }
    for key, value in dialogue.items():
        if key not in ("nodes", "edges"):
            out[key] = value
    out.setdefault("locutions", [])
    meta = argmap.model_dump(mode="json", by_alias=True, exclude_defaults=True,
                              exclude_none=True)
    out["argmap"] = {k: v for k, v in meta.items() if k not in MAP_OWN_KEYS}
    out["argmap"]["format"] = argmap.format
    return out


def dumps_aif(argmap: ArgumentMap) -> str:
    """AIF JSON text of a map: deterministic (same map, same bytes), UTF-8, two-space indent."""
    return json.dumps(aif_data(argmap), ensure_ascii=False, indent=2) + "\n"
