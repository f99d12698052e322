"""Views: which part of a map a drawing shows, decided before any DOT is written.

A view is a frozen set of options; :func:`select` turns a map and a view into the exact set of
claims, relations, evidence and sources to draw. Keeping selection apart from drawing lets the
tests check "this view shows exactly these nodes" without parsing any output.

Public API (used by the DOT builder and by other front ends such as an HTML viewer):

- ``View(view="overview")``: the theses, the claims up to ``overview_depth`` relation steps
  below them (default: 2, or 1 when 2 would draw more than :data:`OVERVIEW_BUDGET` claims),
  every objection and what supports or attacks it directly, with short titles and no
  evidence. ``View(section=ID)``: one section, with each relation that leaves it drawn to a
  :class:`Stub` naming the far node (``stubs=False`` drops them).
- :func:`select` ``(map, view) -> Selection``: claims, relations, evidence, sources and
  stubs, each in map order.
- :func:`overview_claims` ``(map, depth=None) -> list[str]``: the overview's claim IDs, map order.
- :func:`short_title` ``(claim, limit=60) -> str``: the claim's ``title``, else its text cut
  at a word boundary with an ellipsis.
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
    "VIEWS",
    "EvidenceMode",
    "RankDir",
    "Selection",
    "Stub",
    "View",
    "ViewError",
    "ViewName",
    "overview_claims",
    "relations_aimed_at",
    "select",
    "short_title",
]

EvidenceMode = Literal["show", "count", "hide"]
RankDir = Literal["BT", "TB", "LR", "RL"]
ViewName = Literal["full", "overview"]
EVIDENCE_MODES: tuple[str, ...] = ("show", "count", "hide")
RANKDIRS: tuple[str, ...] = ("BT", "TB", "LR", "RL")
#: ``full``: the whole map (or the section or neighbourhood asked for); ``overview``: the top
#: of the argument only, with short titles, sized to read at a screen's width.
VIEWS: tuple[str, ...] = ("full", "overview")
#: Longest short title, in characters, when a claim has no ``title`` of its own.
SHORT_TITLE = 60

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
    ``view="overview"`` draws the top of the argument (see the module docstring) and
    ``overview_depth`` says how many steps below the theses it reaches; ``stubs`` draws the
    links that leave a section as labelled stubs; ``titles`` labels claims with their short
    title instead of their text (on by default in the overview).
    """

    view: ViewName = "full"
    overview_depth: int | None = None
    stubs: bool = True
    titles: bool | None = None
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
    wrap: int | None = None
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

    @property
    def short_titles(self) -> bool:
        """Whether claims are labelled with their short title (default: in the overview)."""
        return self.view == "overview" if self.titles is None else self.titles

    @property
    def wrap_width(self) -> int:
        """Characters per label line: ``wrap``, else 34 (22 for short titles, to stay narrow)."""
        if self.wrap is not None:
            return self.wrap
        return 22 if self.short_titles else 34

    def validate(self) -> None:
        if self.view not in VIEWS:
            msg = f"view must be one of {', '.join(VIEWS)}, not {self.view!r}"
            raise ViewError(msg)
        if self.overview_depth is not None and self.overview_depth < 0:
            msg = f"overview_depth must be 0 or more, not {self.overview_depth}"
            raise ViewError(msg)
        if self.evidence not in EVIDENCE_MODES:
            msg = f"evidence must be one of {', '.join(EVIDENCE_MODES)}, not {self.evidence!r}"
            raise ViewError(msg)
        if self.rankdir not in RANKDIRS:
            msg = f"rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}"
            raise ViewError(msg)
        if self.depth < 0:
            msg = f"depth must be 0 or more, not {self.depth}"
            raise ViewError(msg)
        if self.wrap_width < 10 or self.max_label < 20 or self.max_nodes < 1 or self.max_edges < 1:
            msg = "wrap must be >= 10, max_label >= 20, max_nodes >= 1 and max_edges >= 1"
            raise ViewError(msg)
        from argmap._render.style import check_colour

        for colour in self.tag_colours.values():
            try:
                check_colour(colour)
            except ValueError as exc:
                raise ViewError(str(exc)) from None


@dataclass(frozen=True)
class Stub:
    """A node outside the view that a drawn relation reaches: drawn small, named, linked.

    ``kind`` is ``"claim"`` (a claim outside the section) or ``"relation"`` (a relation
    outside it that a drawn undercut attacks); ``id`` is that claim's or relation's ID,
    ``title`` its short title (a relation's: "FROM -> TO"), ``section`` the claim's section.
    """

    id: str
    kind: Literal["claim", "relation"]
    title: str
    section: str | None = None


@dataclass
class Selection:
    """What to draw, each list in map order (stubs in the order the relations reach them)."""

    claims: list[Claim]
    relations: list[Relation]
    evidence: list[Evidence]
    sources: list[Source]
    evidence_mode: EvidenceMode
    collapsed: bool = False  # True when evidence was collapsed because the map is large
    stubs: list[Stub] = field(default_factory=list)

    @property
    def node_count(self) -> int:
        return len(self.claims) + len(self.evidence) + len(self.sources) + len(self.stubs)

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

    def stub_ids(self) -> set[str]:
        """IDs of the far claims and relations drawn as stubs."""
        return {s.id for s in self.stubs}


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


def short_title(claim: Claim, limit: int = SHORT_TITLE) -> str:
    """The claim's own ``title``, else its text cut at a word boundary, with an ellipsis.

    >>> from argmap._model import Claim
    >>> short_title(Claim(id="C", text="Cycling rose after the lanes opened", title="More bikes"))
    'More bikes'
    >>> short_title(Claim(id="C", text="Cycling rose sharply after the lanes opened in 2019"), 30)
    'Cycling rose sharply after the…'
    """
    body = " ".join((claim.title or claim.text).split())
    if len(body) <= limit:
        return body
    cut = body[: limit + 1]  # one more: a word that ends at the limit is whole
    cut = cut.rsplit(" ", 1)[0] if " " in cut else body[:limit]
    return cut.rstrip(" ,;:") + "…"


#: The most claims an overview draws two steps deep; past it the overview stops one step
#: below the theses, so that it stays readable at a screen's width (the paper's map: 37
#: claims two steps deep, 21 one step deep).
OVERVIEW_BUDGET = 24


def overview_claims(argmap: ArgumentMap, depth: int | None = None) -> list[str]:
    """IDs of the claims the overview draws, in map order.

    ``depth`` None: two steps, or one when two would draw more than :data:`OVERVIEW_BUDGET`.

    The roots are the theses and the objections (a map without theses starts from its
    top claims: those that something supports or attacks and that reach nothing). From each
    root the walk goes down the relations (premises of a relation into a drawn claim, and of
    an undercut of a relation into one) for ``depth`` steps. Claims of kind ``premise`` or
    ``assumption`` are kept only one step below a root: further down they are detail.
    """
    if depth is None:
        deep = overview_claims(argmap, 2)
        return deep if len(deep) <= OVERVIEW_BUDGET else overview_claims(argmap, 1)
    claims = _unique(argmap.claims)
    kinds = {c.id: str(c.kind.value) for c in claims}
    roots = [c.id for c in claims if kinds[c.id] in {"thesis", "objection"}]
    if not any(kinds[r] == "thesis" for r in roots):
        targets = {r.to for r in argmap.relations}
        premises = {p for r in argmap.relations for p in r.from_}
        roots += [c.id for c in claims if c.id in targets and c.id not in premises]
    relations = {r.id: r for r in argmap.relations}
    into: dict[str, list[Relation]] = {}
    for relation in argmap.relations:
        target = relation.to
        if relation.type == "undercuts":
            undercut = relations.get(relation.to)
            if undercut is None:
                continue
            target = undercut.to
        into.setdefault(target, []).append(relation)
    level = dict.fromkeys(roots, 0)
    queue = deque(roots)
    while queue:
        current = queue.popleft()
        if level[current] >= depth:
            continue
        for relation in into.get(current, []):
            for premise in relation.from_:
                if premise in level or premise not in kinds:
                    continue
                step = level[current] + 1
                if step > 1 and kinds[premise] in {"premise", "assumption"}:
                    continue
                level[premise] = step
                queue.append(premise)
    return [c.id for c in claims if c.id in level]


def _stubbed_relations(
    argmap: ArgumentMap, inside: set[str]
) -> tuple[list[Relation], list[Stub]]:
    """Relations with an end inside ``inside``, and the stubs for their ends outside it."""
    claims = {c.id: c for c in _unique(argmap.claims)}
    by_id = {r.id: r for r in argmap.relations}
    stubs: dict[str, Stub] = {}

    def claim_stub(claim_id: str) -> None:
        if claim_id not in inside and claim_id not in stubs:
            far = claims[claim_id]
            stubs[claim_id] = Stub(claim_id, "claim", short_title(far), far.section)

    chosen: list[Relation] = []
    chosen_ids: set[str] = set()
    for relation in argmap.relations:
        if relation.type == "undercuts" or relation.id in chosen_ids:
            continue
        ends = [*relation.from_, relation.to]
        if not all(end in claims for end in ends) or not any(end in inside for end in ends):
            continue
        for end in ends:
            claim_stub(end)
        chosen.append(relation)
        chosen_ids.add(relation.id)
    changed = True
    while changed:  # undercuts of undercuts: repeat until nothing more is drawn
        changed = False
        for relation in argmap.relations:
            if relation.type != "undercuts" or relation.id in chosen_ids:
                continue
            if not all(p in claims for p in relation.from_):
                continue
            touches = any(p in inside for p in relation.from_)
            if relation.to not in chosen_ids and not touches:
                continue
            target = by_id.get(relation.to)
            if relation.to not in chosen_ids:
                if target is None:
                    continue
                if relation.to not in stubs:
                    arrow = f"{' + '.join(target.from_)} {target.type.value} {target.to}"
                    stubs[relation.to] = Stub(relation.to, "relation", arrow)
            for premise in relation.from_:
                claim_stub(premise)
            chosen.append(relation)
            chosen_ids.add(relation.id)
            changed = True
    order = {r.id: i for i, r in enumerate(argmap.relations)}
    return sorted(chosen, key=lambda r: order[r.id]), list(stubs.values())


def select(argmap: ArgumentMap, view: View) -> Selection:
    """The nodes and relations ``view`` draws from ``argmap``."""
    claims = _unique(argmap.claims)
    if view.view == "overview":
        wanted_ids = set(overview_claims(argmap, view.overview_depth))
        claims = [c for c in claims if c.id in wanted_ids]
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
    stubs: list[Stub] = []
    if view.section is not None and view.stubs:
        relations, stubs = _stubbed_relations(argmap, claim_ids)
    else:
        relations = _visible_relations(argmap, claim_ids)
    evidence: list[Evidence] = []
    sources: list[Source] = []
    mode: EvidenceMode = view.evidence
    if view.view == "overview":
        # a claim whose every link runs through claims the overview leaves out says nothing
        # about the argument's shape: the theses and objections stay, the rest must connect
        linked = {r.to for r in relations} | {p for r in relations for p in r.from_}
        roots = {"thesis", "objection"}
        kept = [c for c in claims if c.id in linked or str(c.kind.value) in roots]
        if len(kept) < len(claims):
            claims = kept
            relations = _visible_relations(argmap, {c.id for c in claims})
    if view.view == "overview" and mode == "show":
        mode = "hide"  # the overview never draws evidence nodes; "count" keeps the counts
    if mode == "show":
        wanted = {e for c in claims for e in c.evidence}
        evidence = [e for e in _unique(argmap.evidence) if e.id in wanted]
        if view.sources:
            cited = {e.source for e in evidence}
            sources = [s for s in _unique(argmap.sources) if s.id in cited]
    selection = Selection(claims, relations, evidence, sources, mode, stubs=stubs)
    if evidence and selection.over(view):
        selection = Selection(claims, relations, [], [], "count", collapsed=True, stubs=stubs)
    return selection
