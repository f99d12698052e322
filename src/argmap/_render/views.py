"""Views: which part of a map a drawing shows, decided before any DOT is written.

A view is a frozen set of options; :func:`select` turns a map and a view into the exact set of
claims, relations, evidence and sources to draw. Keeping selection apart from drawing lets the
tests check "this view shows exactly these nodes" without parsing any output.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from argmap._findings import Finding
    from argmap._model import ArgumentMap, Claim, Evidence, Relation, Source

__all__ = [
    "EvidenceMode",
    "RankDir",
    "Selection",
    "View",
    "ViewError",
    "relations_aimed_at",
    "select",
]

EvidenceMode = Literal["show", "count", "hide"]
RankDir = Literal["BT", "TB", "LR", "RL"]
EVIDENCE_MODES: tuple[str, ...] = ("show", "count", "hide")
RANKDIRS: tuple[str, ...] = ("BT", "TB", "LR", "RL")

#: Above this many drawn nodes a map is too big to read (and slow to lay out): evidence is
#: collapsed to counts, and if that is not enough the render stops and suggests a view.
DEFAULT_MAX_NODES = 600
#: The same for drawn edges. Graphviz's layout time grows with edges and crossings, not only
#: nodes: 46 claims joined by 1,981 relations took 43 s and 61 claims with 3,540 relations
#: more than 120 s, though both are far under the node limit. The paper's map (309 nodes,
#: 528 edges with evidence shown) is well inside; a dense tangle of 1,000 edges still takes
#: about 30 s, and the 120 s stop of the ``dot`` backend bounds the rest.
DEFAULT_MAX_EDGES = 1_000


class ViewError(ValueError):
    """The view asks for something the map does not have (an unknown section or claim)."""


@dataclass(frozen=True)
class View:
    """How to draw a map. Every option has a default that draws the whole map.

    ``findings`` (validator findings) and ``grounded`` (claim ID -> in/out/undecided, or
    ``True`` to compute it) are overlays; ``tag_colours`` maps a tag to a fill colour.
    ``max_nodes`` and ``max_edges`` bound the drawing (the legend is not counted).
    """

    section: str | None = None
    focus: str | None = None
    depth: int = 1
    evidence: EvidenceMode = "show"
    sources: bool = False
    rankdir: RankDir = "BT"
    legend: bool = True
    findings: Sequence[Finding] = ()
    grounded: Mapping[str, str] | bool | None = None
    tag_colours: Mapping[str, str] = field(default_factory=dict)
    wrap: int = 34
    max_label: int = 320
    max_nodes: int = DEFAULT_MAX_NODES
    max_edges: int = DEFAULT_MAX_EDGES

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> View:
        """Build a view from keyword options, rejecting unknown names and bad values."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(options) - known)
        if unknown:
            msg = f"unknown view option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            raise TypeError(msg)
        view = cls(**options)
        view.validate()
        return view

    def validate(self) -> None:
        if self.evidence not in EVIDENCE_MODES:
            msg = f"evidence must be one of {', '.join(EVIDENCE_MODES)}, not {self.evidence!r}"
            raise ViewError(msg)
        if self.rankdir not in RANKDIRS:
            msg = f"rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}"
            raise ViewError(msg)
        if self.depth < 0:
            msg = f"depth must be 0 or more, not {self.depth}"
            raise ViewError(msg)
        if self.wrap < 10 or self.max_label < 20 or self.max_nodes < 1 or self.max_edges < 1:
            msg = "wrap must be >= 10, max_label >= 20, max_nodes >= 1 and max_edges >= 1"
            raise ViewError(msg)
        from argmap._render.style import check_colour

        for colour in self.tag_colours.values():
            try:
                check_colour(colour)
            except ValueError as exc:
                raise ViewError(str(exc)) from None


@dataclass
class Selection:
    """What to draw, each list in map order."""

    claims: list[Claim]
    relations: list[Relation]
    evidence: list[Evidence]
    sources: list[Source]
    evidence_mode: EvidenceMode
    collapsed: bool = False  # True when evidence was collapsed because the map is large

    @property
    def node_count(self) -> int:
        return len(self.claims) + len(self.evidence) + len(self.sources)

    @property
    def edge_count(self) -> int:
        """The edges the DOT will hold, counted as ``_render.dot`` draws them.

        A relation draws one edge per distinct premise; one drawn through an inference point
        (linked premises, or the target of another relation) draws one more, from the point to its
        target. Each drawn evidence item has an edge to each drawn claim citing it, and each
        drawn source one to each drawn evidence item citing it.
        """
        aimed = relations_aimed_at(self.relations)
        count = 0
        for relation in self.relations:
            count += len(dict.fromkeys(relation.from_))
            if relation.linked or relation.id in aimed:
                count += 1
        if self.evidence:
            drawn = {e.id for e in self.evidence}
            count += sum(len(drawn.intersection(c.evidence)) for c in self.claims)
        if self.sources:
            cited = {s.id for s in self.sources}
            count += sum(1 for e in self.evidence if e.source in cited)
        return count

    def over(self, view: View) -> bool:
        """True when the selection has more nodes or edges than ``view`` allows."""
        return self.node_count > view.max_nodes or self.edge_count > view.max_edges

    def ids(self) -> set[str]:
        """IDs of everything drawn as a node (claims, evidence, sources)."""
        return (
            {c.id for c in self.claims}
            | {e.id for e in self.evidence}
            | {s.id for s in self.sources}
        )


def relations_aimed_at(relations: Iterable[Relation]) -> set[str]:
    """IDs of the relations another relation points at (undercut, backed or ranked): each is
    drawn through an inference point that the other relation's edge can end at."""
    listed = list(relations)
    ids = {r.id for r in listed}
    aimed = {r.to for r in listed if r.to in ids}
    aimed.update(p for r in listed if r.type == "prefers" for p in r.from_ if p in ids)
    return aimed


def _section_family(argmap: ArgumentMap, root: str) -> set[str]:
    """The section and all sections nested in it."""
    children: dict[str, list[str]] = {}
    for section in argmap.sections:
        if section.parent is not None:
            children.setdefault(section.parent, []).append(section.id)
    family: set[str] = set()
    queue = deque([root])
    while queue:
        current = queue.popleft()
        if current in family:
            continue
        family.add(current)
        queue.extend(children.get(current, []))
    return family


def _neighbourhood(argmap: ArgumentMap, focus: str, depth: int) -> set[str]:
    """Claims within ``depth`` relation steps of ``focus``, in either direction.

    A relation joins each premise to its target (and linked co-premises to each other); an
    undercut joins its premises to the premises and target of the relation it undercuts.
    """
    relations = {r.id: r for r in argmap.relations}
    adjacent: dict[str, set[str]] = {}

    def join(a: str, b: str) -> None:
        adjacent.setdefault(a, set()).add(b)
        adjacent.setdefault(b, set()).add(a)

    claim_ids = {c.id for c in argmap.claims}
    for relation in argmap.relations:
        target = relations.get(relation.to) if relation.to not in claim_ids else None
        # aimed at an inference: its premises and target
        ends = [*target.from_, target.to] if target is not None else [relation.to]
        for premise in relation.from_:
            for end in ends:
                join(premise, end)
            if relation.linked:  # co-premises only work together: one step apart
                for other in relation.from_:
                    if other != premise:
                        join(premise, other)
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        if seen[current] >= depth:
            continue
        for nxt in sorted(adjacent.get(current, ())):
            if nxt not in seen:
                seen[nxt] = seen[current] + 1
                queue.append(nxt)
    return set(seen)


def _visible_relations(argmap: ArgumentMap, claims: set[str]) -> list[Relation]:
    """Relations whose premises and target are all drawn (a target may be a relation)."""
    chosen: list[Relation] = []
    chosen_ids: set[str] = set()
    every = {r.id for r in argmap.relations}

    def at_relation(ref: str) -> bool:
        return ref in every and ref not in claims

    # relations between claims first, so one aimed at a relation can check it is drawn
    for relation in argmap.relations:
        if relation.id in chosen_ids or at_relation(relation.to):
            continue
        if relation.to in claims and all(p in claims for p in relation.from_):
            chosen.append(relation)
            chosen_ids.add(relation.id)
    changed = True
    while changed:  # undercuts of undercuts: repeat until nothing more is drawn
        changed = False
        for relation in argmap.relations:
            if relation.id in chosen_ids:
                continue
            ends = [relation.to, *relation.from_]
            if not any(at_relation(end) for end in ends):
                continue
            if all(end in chosen_ids if at_relation(end) else end in claims for end in ends):
                chosen.append(relation)
                chosen_ids.add(relation.id)
                changed = True
    order = {r.id: i for i, r in enumerate(argmap.relations)}
    return sorted(chosen, key=lambda r: order[r.id])


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: set[str] = set()
    result = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            result.append(item)
    return result


def select(argmap: ArgumentMap, view: View) -> Selection:
    """The nodes and relations ``view`` draws from ``argmap``."""
    claims = _unique(argmap.claims)
    if view.section is not None:
        if view.section not in {s.id for s in argmap.sections}:
            known = ", ".join(s.id for s in argmap.sections) or "none"
            msg = f"no section {view.section!r} in the map (sections: {known})"
            raise ViewError(msg)
        family = _section_family(argmap, view.section)
        claims = [c for c in claims if c.section in family]
    if view.focus is not None:
        if view.focus not in {c.id for c in argmap.claims}:
            msg = f"no claim {view.focus!r} in the map to focus on"
            raise ViewError(msg)
        near = _neighbourhood(argmap, view.focus, view.depth)
        claims = [c for c in claims if c.id in near]
    claim_ids = {c.id for c in claims}
    relations = _visible_relations(argmap, claim_ids)
    evidence: list[Evidence] = []
    sources: list[Source] = []
    mode: EvidenceMode = view.evidence
    if mode == "show":
        wanted = {e for c in claims for e in c.evidence}
        evidence = [e for e in _unique(argmap.evidence) if e.id in wanted]
        if view.sources:
            cited = {e.source for e in evidence}
            sources = [s for s in _unique(argmap.sources) if s.id in cited]
    selection = Selection(claims, relations, evidence, sources, mode)
    if evidence and selection.over(view):
        selection = Selection(claims, relations, [], [], "count", collapsed=True)
    return selection
