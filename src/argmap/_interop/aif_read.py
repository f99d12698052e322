"""AIF JSON (AIFdb / OVA flavour) as argmap map data, following docs/interop.md.

I-nodes become claims; each RA, CA, MA and PA scheme node becomes one relation per target
(``supports``, ``attacks`` or ``undercuts``, ``rephrases``, ``prefers``), its premises the
nodes with an edge into it, linked when there are several. The dialogue layer (L, YA, TA and
any other node, the edges that touch it, ``locutions`` and every other top-level key) is kept
in the map's ``data.aif`` so that export gives it back; what an I-node or scheme node holds
beyond its ID, type and text (``timestamp``, ``scheme``, ...) is kept in the node's
``data.aif``. Defects of the file are findings at their place in it (AM128-AM130).

AIF has no thesis; the I-nodes that are the premise of no relation become theses, and the
map's description says so. Node IDs stay the claim and relation IDs (an ID argmap cannot
take, e.g. one with a space, is made safe and the original kept as ``data.aif.nodeID``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap._findings import Finding, Location
from argmap._interop.codes import (
    AIF_DANGLING_EDGE,
    AIF_DUPLICATE_NODE,
    AIF_NODE_SHAPE,
    interop_problem,
)
from argmap._recache import recompile

__all__ = ["SCHEME_TYPES", "AifImport", "is_aif", "read_aif"]

#: AIF scheme node type -> argmap relation type (CA aimed at a scheme node: undercuts).
SCHEME_TYPES = {"RA": "supports", "CA": "attacks", "MA": "rephrases", "PA": "prefers"}
#: Texts AIFdb and OVA give scheme nodes that name no scheme.
DEFAULT_TEXTS = frozenset({
    "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict", "Default Rephrase",
    "Default Preference",
})
#: The text export gives a scheme node that names no scheme (AIFdb's defaults).
WRITTEN_TEXTS = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase",
                 "PA": "Default Preference"}
_GENERATED_EDGE = recompile(r"^e\d+$")
_ID_OK = recompile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
_ID_BAD = recompile(r"[^A-Za-z0-9._:-]+")
#: What an export writes under the nodeset's ``argmap`` key and an import reads back: the
#: map's fields other than these (title, description, sections, evidence, sources, ...).
MAP_OWN_KEYS = ("claims", "relations", "data", "format")

Path = tuple[str | int, ...]


def derived_kinds(
    claims: Sequence[str], relations: Sequence[tuple[str, Sequence[str], str]]
) -> dict[str, str]:
    """The kind an import gives each claim (docs/interop.md): the premise of no relation is a
    thesis; one that only attacks or undercuts, an objection; one with incoming support, a
    claim; any other premise, an assumption (AIF carries no evidence, so never a premise)."""
    premise_of: dict[str, set[str]] = {}
    supported: set[str] = set()
    for kind, premises, target in relations:
        for premise in premises:
            premise_of.setdefault(premise, set()).add(kind)
        if kind == "supports":
            supported.add(target)
    kinds = {}
    for claim in claims:
        uses = premise_of.get(claim)
        if not uses:
            kinds[claim] = "thesis"
        elif uses <= {"attacks", "undercuts", "contradicts"}:
            kinds[claim] = "objection"
        elif claim in supported:
            kinds[claim] = "claim"
        else:
            kinds[claim] = "assumption"
    return kinds


def _argmap_fields(node: dict[str, Any], forbidden: Sequence[str]) -> dict[str, Any]:
    """What an argmap export wrote under a node's ``argmap`` key (kind, evidence, ...)."""
    found = node.get("argmap")
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if k not in forbidden}


def _generated_edge(edge: dict[str, Any]) -> bool:
    """An edge as export writes one when it has no original: nothing to keep."""
    return set(edge) == {"edgeID", "fromID", "toID"} and bool(
        _GENERATED_EDGE.match(str(edge["edgeID"])))


def is_aif(data: Any) -> bool:
    """An AIF nodeset: a mapping with ``nodes`` and ``edges`` lists and no map keys."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("nodes"), list)
        and isinstance(data.get("edges"), list)
        and "claims" not in data
        and "relations" not in data
    )


@dataclass
class AifImport:
    """The map data of a nodeset, the findings about the file, and where each node came from:
    ``places[("claims", 3)] == ("nodes", 7)``."""

    data: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    places: dict[tuple[str, int], Path] = field(default_factory=dict)


def _node_id(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        return None
    return str(value)


def _safe_id(raw: str, taken: set[str]) -> str:
    base = raw if _ID_OK.match(raw) else (_ID_BAD.sub("-", raw).strip("-._:") or "n")
    if not base[0].isalnum():
        base = "n" + base
    candidate, number = base[:190], 2
    while candidate in taken:
        candidate, number = f"{base[:180]}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _extras(item: dict[str, Any], used: Sequence[str]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key not in used}


class _Reader:
    def __init__(self, aif: dict[str, Any], locate: Callable[[Path], Location]) -> None:
        self.aif = aif
        self.locate = locate
        self.findings: list[Finding] = []
        #: the dialogue layer and defects, by their index in the file (kept in file order, so
        #: that a duplicate nodeID is still the later one after a round trip)
        self.kept_nodes: dict[int, Any] = {}
        self.kept_edges: dict[int, Any] = {}
        self.edge_index: dict[int, int] = {}  # id() of an edge -> its index
        self.nodes: dict[str, tuple[int, dict[str, Any]]] = {}  # nodeID -> (index, node)
        self.ids: dict[str, str] = {}  # nodeID -> argmap ID
        self.taken: set[str] = set()

    def problem(self, doc: Any, message: str, path: Path, hint: str | None = None) -> None:
        self.findings.append(interop_problem(doc, message, self.locate(path), hint))

    def read_nodes(self) -> None:
        for index, node in enumerate(self.aif["nodes"]):
            node_id = _node_id(node.get("nodeID")) if isinstance(node, dict) else None
            if node_id is None or not isinstance(node, dict):
                self.problem(AIF_NODE_SHAPE, "an AIF node is an object with a nodeID",
                             ("nodes", index))
                self.kept_nodes[index] = node
                continue
            if node_id in self.nodes:
                first = self.nodes[node_id][0]
                self.problem(AIF_DUPLICATE_NODE,
                             f"the nodeID {node_id!r} is used again (first by node #{first + 1});"
                             " this node is kept aside", ("nodes", index, "nodeID"))
                self.kept_nodes[index] = node
                continue
            self.nodes[node_id] = (index, node)

    def kind(self, node_id: str) -> str:
        return str(self.nodes[node_id][1].get("type", ""))

    def read(self, name: str) -> AifImport:
        self.read_nodes()
        ins: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        outs: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for index, edge in enumerate(self.aif["edges"]):
            self.edge_index[id(edge)] = index
            if not isinstance(edge, dict):
                self.problem(AIF_DANGLING_EDGE, "an AIF edge is an object with fromID and toID",
                             ("edges", index))
                self.kept_edges[index] = edge
                continue
            source, target = _node_id(edge.get("fromID")), _node_id(edge.get("toID"))
            missing = [str(edge.get(k)) for k, v in (("fromID", source), ("toID", target))
                       if v is None or v not in self.nodes]
            if missing:
                self.problem(AIF_DANGLING_EDGE,
                             f"the edge names {', '.join(repr(m) for m in missing)}, which no "
                             "node of the nodeset has; it is kept aside",
                             ("edges", index), hint="an AIFdb export keeps edges of deleted "
                             "nodes; remove the edge or add the node")
                self.kept_edges[index] = edge
                continue
            assert source is not None  # noqa: S101 - checked above, for the type checker
            assert target is not None  # noqa: S101
            from_kind, to_kind = self.kind(source), self.kind(target)
            if from_kind == "I" and to_kind in SCHEME_TYPES:
                ins.setdefault(target, []).append((source, edge))  # a premise
            elif from_kind in SCHEME_TYPES and to_kind == "PA":
                ins.setdefault(target, []).append((source, edge))  # an inference preferred
            elif from_kind in SCHEME_TYPES and to_kind in ("I", *SCHEME_TYPES):
                outs.setdefault(source, []).append((target, edge))  # a conclusion
            else:
                self.kept_edges[index] = edge  # the dialogue layer
        return self.build(name, ins, outs)

    def build(
        self, name: str, ins: dict[str, list[tuple[str, dict[str, Any]]]],
        outs: dict[str, list[tuple[str, dict[str, Any]]]],
    ) -> AifImport:
        result = AifImport({})
        # scheme nodes that make relations: premises and targets on both sides
        relational = {
            node_id for node_id, (_, node) in self.nodes.items()
            if node.get("type") in SCHEME_TYPES and ins.get(node_id) and outs.get(node_id)
        }
        changed = True
        while changed:  # a scheme node aimed at one that makes no relation makes none either
            changed = False
            for node_id in sorted(relational):
                ends = [n for n, _ in [*ins[node_id], *outs[node_id]]]
                if any(self.kind(n) in SCHEME_TYPES and n not in relational for n in ends):
                    relational.discard(node_id)
                    changed = True
        claims: list[dict[str, Any]] = []
        for node_id, (_, node) in self.nodes.items():
            if node.get("type") == "I":
                self.ids[node_id] = _safe_id(node_id, self.taken)
        for node_id in self.nodes:
            if node_id in relational:
                self.ids[node_id] = _safe_id(node_id, self.taken)
        relations: list[dict[str, Any]] = []
        for node_id, (index, node) in self.nodes.items():
            kind = node.get("type")
            if kind == "I":
                result.places[("claims", len(claims))] = ("nodes", index)
                claims.append(self.claim(node_id, node))
            elif node_id in relational:
                for number, (target, edge) in enumerate(outs[node_id]):
                    result.places[("relations", len(relations))] = ("nodes", index)
                    relations.append(self.relation(node_id, node, number, target, edge, ins))
            else:
                if kind in SCHEME_TYPES:
                    self.problem(AIF_NODE_SHAPE,
                                 f"the {kind}-node {node_id!r} has no premise or no conclusion"
                                 " it can take; it is kept aside", ("nodes", index))
                    for _, edge in [*ins.get(node_id, []), *outs.get(node_id, [])]:
                        self.kept_edges[self.edge_index[id(edge)]] = edge
                elif kind not in ("L", "YA", "TA"):
                    self.problem(AIF_NODE_SHAPE,
                                 f"the node {node_id!r} has the type {kind!r}, which AIF does "
                                 "not define; it is kept aside", ("nodes", index, "type"))
                self.kept_nodes[index] = node
        self.derive_kinds(claims, relations)
        result.data = self.map_data(name, claims, relations)
        result.findings = self.findings
        return result

    def claim(self, node_id: str, node: dict[str, Any]) -> dict[str, Any]:
        extras = _extras(node, ("nodeID", "type", "text", "argmap"))
        text = node.get("text")
        if not isinstance(text, str) or not text.strip():
            extras["text"] = text
            text = "(an I-node without text)"
        if self.ids[node_id] != node_id:
            extras["nodeID"] = node.get("nodeID")
        claim: dict[str, Any] = {"id": self.ids[node_id], "text": text}
        if extras:
            claim["data"] = {"aif": extras}
        claim["_argmap"] = _argmap_fields(node, ("id", "text", "data"))
        return claim

    def relation(
        self, node_id: str, node: dict[str, Any], number: int, target: str,
        edge: dict[str, Any], ins: dict[str, list[tuple[str, dict[str, Any]]]],
    ) -> dict[str, Any]:
        kind = str(node["type"])
        rel_type = SCHEME_TYPES[kind]
        if kind == "CA" and self.kind(target) in SCHEME_TYPES:
            rel_type = "undercuts"
        premises = [source for source, _ in ins[node_id]]
        relation: dict[str, Any] = {
            "id": self.ids[node_id] if number == 0 else _safe_id(
                f"{self.ids[node_id]}:{number + 1}", self.taken),
            "type": rel_type,
            "from": [self.ids[p] for p in premises],
            "to": self.ids[target],
        }
        if len(premises) > 1:
            relation["linked"] = True
        text = node.get("text")
        scheme = node.get("scheme")
        if isinstance(scheme, str) and scheme:
            relation["scheme"] = scheme
        elif isinstance(text, str) and text and text not in DEFAULT_TEXTS:
            relation["scheme"] = text
        # keep what export could not make again from the relation: so an argmap map written
        # as AIF and read back has no data it did not have
        own = _extras(node, ("nodeID", "argmap", "type"))
        if own.get("text") == WRITTEN_TEXTS[kind] or (
            "scheme" not in own and own.get("text") == relation.get("scheme")
        ):
            own.pop("text", None)
        aif: dict[str, Any] = {"node": own} if own else {}
        if self.ids[node_id] != node_id or number:
            aif["nodeID"] = node.get("nodeID")
        edges = [edge] if number else [*(e for _, e in ins[node_id]), edge]
        kept = [dict(e) for e in edges if not _generated_edge(e)]
        if kept:
            aif["edges"] = kept
        if aif:
            relation["data"] = {"aif": aif}
        relation["_argmap"] = _argmap_fields(node, ("id", "from", "to", "data"))
        return relation

    def derive_kinds(self, claims: list[dict[str, Any]], relations: list[dict[str, Any]]) -> None:
        kinds = derived_kinds(
            [c["id"] for c in claims],
            [(r["type"], r["from"], r["to"]) for r in relations],
        )
        for claim in claims:
            claim["kind"] = kinds[claim["id"]]
            claim.update(claim.pop("_argmap", {}))
        for relation in relations:
            relation.update(relation.pop("_argmap", {}))

    def map_data(
        self, name: str, claims: list[dict[str, Any]], relations: list[dict[str, Any]]
    ) -> dict[str, Any]:
        found = self.aif.get("argmap")
        meta: dict[str, Any] = found if isinstance(found, dict) else {}
        theses = [c["id"] for c in claims if c["kind"] == "thesis"]
        shown = ", ".join(theses[:10]) + (", ..." if len(theses) > 10 else "")
        description = (
            f"Imported from the AIF nodeset {name}. AIF has no thesis: the {len(theses)} "
            f"I-node(s) that support nothing further are marked as theses ({shown})."
            if theses else f"Imported from the AIF nodeset {name}."
        )
        data: dict[str, Any] = {
            "format": 2,  # an export writes the map's own format under argmap (read below)
            "title": f"AIF nodeset {name}",
            "description": description,
        }
        data.update({k: v for k, v in meta.items() if k not in MAP_OWN_KEYS})
        if "format" in meta:
            data["format"] = meta["format"]
        data["claims"] = claims
        data["relations"] = relations
        kept: dict[str, Any] = {}
        if self.kept_nodes:
            kept["nodes"] = [self.kept_nodes[i] for i in sorted(self.kept_nodes)]
        if self.kept_edges:
            kept["edges"] = [self.kept_edges[i] for i in sorted(self.kept_edges)]
        for key, value in self.aif.items():
            if key in ("nodes", "edges", "argmap") or (key == "locutions" and value == []):
                continue  # an empty locutions list is what export writes when there are none
            kept[key] = value
        if kept:
            data["data"] = {"aif": kept}
        return data


def read_aif(aif: dict[str, Any], name: str, locate: Callable[[Path], Location]) -> AifImport:
    """Map data for an AIF nodeset (``is_aif(aif)`` holds); ``locate`` places a path of the
    AIF file, for findings; ``name`` names the nodeset in the map's title and description."""
    return _Reader(aif, locate).read(name)
