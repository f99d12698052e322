"""Where each statement, argument and relation goes in written Argdown: one walk for both ways.

The writer prints what this walk plans, and the reader orders a map's claims and relations
as the walk visits them. So a map read from Argdown, written and read again lists its claims
and relations in the same order, and the same untitled statement gets the same ID (IDs of
untitled statements are numbered in that order).

The walk, per section in order (claims with no section first): each claim not yet written
starts a block, in map order, defined once. Under a claim go its relations to claims already
written (as references), and the relations to claims not yet written that cannot be
referenced later, because one of the two has no title: those are defined right there,
nested, and the walk goes on from them. An argument's premise-conclusion structure is its
own block, after the block that defined the argument. Relations no Argdown line can hold
(several premises outside a premise-conclusion structure, an end that is a relation,
rephrases, prefers) are left to the caller (``Plan.leftover``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap._record import record

__all__ = ["Edge", "Graph", "Node", "Op", "Plan", "Step", "plan"]


@record
class Node:
    id: str
    titled: bool
    argument: bool
    section: str | None


@record
class Edge:
    """A relation Argdown can draw: one source, one target, both claims."""

    id: str
    type: str
    source: str
    target: str


@record
class Step:
    """One inference of an argument: premises (written before) to a conclusion."""

    id: str
    premises: tuple[str, ...]
    conclusion: str


@dataclass
class Graph:
    nodes: Sequence[Node]
    edges: Sequence[Edge]
    steps: dict[str, list[Step]]  # argument ID -> its inference steps, in order
    sections: Sequence[str]


@record
class Op:
    """One written line: ``what`` is heading, define, refer, pcs-define, pcs-refer,
    inference or blank; ``indent`` in spaces; ``marker`` the relation marker before it."""

    what: str
    key: str = ""
    indent: int = 0
    marker: str = ""
    relation: str = ""
    number: int = 0


@dataclass
class Plan:
    ops: list[Op] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    #: contradicts relations written from their target's side: the reader swaps them
    swapped: set[str] = field(default_factory=set)
    leftover: list[str] = field(default_factory=list)


_OUT = {"supports": "+>", "attacks": "->", "undercuts": "_>", "contradicts": "><"}
_IN = {"supports": "+", "attacks": "-", "undercuts": "<_", "contradicts": "><"}


class _Walk:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.nodes = {n.id: n for n in graph.nodes}
        self.plan = Plan()
        self.visited: set[str] = set()
        self.written: set[str] = set()
        self.incident: dict[str, list[Edge]] = {}
        for edge in graph.edges:
            self.incident.setdefault(edge.source, []).append(edge)
            if edge.target != edge.source:
                self.incident.setdefault(edge.target, []).append(edge)
        self.in_pcs: dict[str, str] = {}  # untitled PCS member -> its argument
        for argument, steps in graph.steps.items():
            for step in steps:
                for member in (*step.premises, step.conclusion):
                    node = self.nodes.get(member)
                    if node is not None and not node.titled:
                        self.in_pcs.setdefault(member, argument)
        self.pending_pcs: list[str] = []
        self.section: str | None = None
        self.after_argument = False  # the last block starts with an argument, no structure
        self.waiting: list[str] = []  # untitled structures that may not follow it yet
        self.deferred: dict[str | None, list[str]] = {s: [] for s in graph.sections}

    def titled(self, key: str) -> bool:
        node = self.nodes.get(key)
        return node is not None and node.titled

    def hosted_elsewhere(self, key: str) -> bool:
        """An untitled claim that must be defined inside another's structure or block."""
        if key in self.in_pcs:
            return True
        if self.titled(key):
            return False
        return any(
            self.other(edge, key) not in self.visited
            and self.other(edge, key) in self.in_pcs
            for edge in self.incident.get(key, ())
        )

    @staticmethod
    def other(edge: Edge, key: str) -> str:
        return edge.target if edge.source == key else edge.source

    def define(self, key: str, indent: int, marker: str = "", relation: str = "",
               what: str = "define", number: int = 0) -> None:
        self.visited.add(key)
        self.plan.claims.append(key)
        if relation:
            self.written.add(relation)
            self.plan.relations.append(relation)
        self.plan.ops.append(Op(what, key, indent, marker, relation, number))
        node = self.nodes[key]
        if node.argument and self.graph.steps.get(key):
            self.pending_pcs.append(key)
        self.children(key, indent)

    def children(self, key: str, indent: int) -> None:
        for edge in self.incident.get(key, ()):
            if edge.id in self.written:
                continue
            other = self.other(edge, key)
            outgoing = edge.source == key
            marker = (_OUT if outgoing else _IN)[edge.type]
            if edge.type == "contradicts" and not outgoing:
                self.plan.swapped.add(edge.id)
            if other in self.visited:
                if self.titled(other) or (other == key and self.titled(key)):
                    self.written.add(edge.id)
                    self.plan.relations.append(edge.id)
                    self.plan.ops.append(Op("refer", other, indent + 2, marker, edge.id))
                else:
                    self.plan.swapped.discard(edge.id)
                continue
            # an untitled claim is defined where it is used, in its own section; a titled one
            # under an untitled claim, which nothing could refer to later
            here = not self.titled(other) and self.nodes[other].section == self.section
            if (here or not self.titled(key)) and other not in self.in_pcs:
                self.define(other, indent + 2, marker, edge.id)
            else:
                self.plan.swapped.discard(edge.id)

    def pcs(self, argument: str) -> None:
        steps = self.graph.steps[argument]
        just_defined = bool(self.plan.ops) and self.plan.ops[-1] == Op("define", argument)
        self.plan.ops.append(Op("blank"))
        if self.titled(argument) and not just_defined:
            self.plan.ops.append(Op("refer", argument))
            self.plan.ops.append(Op("blank"))
        listed: list[str] = []
        number = 0
        for step in steps:
            for member in (*step.premises, step.conclusion):
                if member in listed and member != step.conclusion:
                    continue
                if member == step.conclusion:
                    self.written.add(step.id)
                    self.plan.relations.append(step.id)
                    self.plan.ops.append(Op("inference", relation=step.id))
                listed.append(member)
                number += 1
                if member in self.visited or member not in self.nodes:
                    self.plan.ops.append(Op("pcs-refer", member, number=number))
                    continue
                self.define(member, 0, what="pcs-define", number=number)

    def block(self, key: str) -> None:
        node = self.nodes[key]
        if node.argument and not node.titled and self.after_argument:
            # Argdown would give the structure to the argument above: wait for another block
            self.waiting.append(key)
            return
        self.plan.ops.append(Op("blank"))
        if node.argument and not node.titled:
            self.visited.add(key)
            self.plan.claims.append(key)
            self.pcs(key)
        else:
            self.define(key, 0)
        self.after_argument = node.argument and node.titled
        while self.pending_pcs:
            argument = self.pending_pcs.pop(0)
            section = self.pcs_section(argument)
            if section != self.section and section in self.deferred:
                self.deferred[section].append(argument)  # written in its members' section
                continue
            self.pcs(argument)
            self.after_argument = False
        if not self.after_argument and self.waiting:
            self.block(self.waiting.pop(0))

    def pcs_section(self, argument: str) -> str | None:
        """The section of the first member a premise-conclusion structure would define."""
        for step in self.graph.steps[argument]:
            for member in (*step.premises, step.conclusion):
                if member not in self.visited and member in self.nodes:
                    return self.nodes[member].section
        return self.section

    def flush(self, section: str | None) -> None:
        waiting = self.deferred.get(section, [])
        while waiting:
            self.plan.ops.append(Op("blank"))
            self.pcs(waiting.pop(0))
            while self.pending_pcs:
                self.pcs(self.pending_pcs.pop(0))

    def run(self) -> Plan:
        sections: list[str | None] = [None, *self.graph.sections]
        by_section: dict[str | None, list[Node]] = {}
        for node in self.graph.nodes:
            by_section.setdefault(node.section, []).append(node)
        for section in sections:
            self.after_argument = False
            while self.waiting:  # the section ends: nothing else can go between
                self.block(self.waiting.pop(0))
            self.section = section
            if section is not None:
                self.plan.ops.append(Op("blank"))
                self.plan.ops.append(Op("heading", section))
            self.flush(section)
            # untitled structures first: after a block that starts with an argument, Argdown
            # would give them to that argument; after a heading nothing claims them
            for untitled_first in (True, False):
                for node in by_section.get(section, ()):
                    if node.id in self.visited:
                        continue
                    if untitled_first != (node.argument and not node.titled):
                        continue
                    if self.hosted_elsewhere(node.id):
                        continue
                    self.block(node.id)
        self.after_argument = False
        while self.waiting:
            self.block(self.waiting.pop(0))
        for section in self.graph.sections:
            self.flush(section)
        for node in self.graph.nodes:  # what no walk reached: blocks of their own, at the end
            if node.id not in self.visited:
                self.section = node.section
                self.block(node.id)
        self.plan.leftover = [e.id for e in self.graph.edges if e.id not in self.written]
        return self.plan


def plan(graph: Graph) -> Plan:
    """The written order of ``graph``: lines to print, and claims and relations in order."""
    return _Walk(graph).run()
