"""A thesis in a relation's ``from``: a thesis is a root of the argument, the premise of nothing.

A thesis is what the map concludes. When one appears among a relation's premises, the map
contradicts itself: either the relation runs the wrong way (``P supports T`` written as
``T supports P``), or the statement is not a thesis but an intermediate conclusion, a
``kind: claim`` that a thesis builds on. Tension between two theses is modelled by a claim or
an objection that attacks one of them, not by one thesis attacking the other; two theses
may ``contradicts`` each other, and ``rephrases`` and ``prefers`` are no inferences, so
those three relation types are not checked (format 2). Reported once
per relation and thesis, at the premise; the finding's target (for an ``ignore`` entry) is
the thesis's ID.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, kind: assumption, text: Cycling tripled.}
    relations:
      - {id: R1, type: supports, from: T1, to: P1}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: P1, kind: assumption, text: Cycling tripled.}
    relations:
      - {id: R1, type: supports, from: P1, to: T1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap.rules._shared import premises_of_kind

CODE = "AM215"
ID = "thesis-as-premise"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


#: Format 2 relations that are no inference from premises to a conclusion.
_NOT_INFERENCES = frozenset({"contradicts", "rephrases", "prefers"})


def check(ctx: RuleContext) -> Iterator[Problem]:
    for at, relation, premise in premises_of_kind(ctx, "thesis"):
        if relation.type in _NOT_INFERENCES:
            continue
        yield Problem(
            f"thesis {premise!r} is a premise of relation {relation.id!r} "
            f"({relation.type} {relation.to!r}); a thesis is the premise of nothing",
            node=relation.id,
            path=("relations", at),
            field=("from", relation.from_.index(premise)),
            hint=f"if {relation.to!r} is the reason for {premise!r}, reverse the relation; "
            f"if {premise!r} is an intermediate conclusion, make it `kind: claim`",
            related=(RelatedRef(f"{premise!r} is a thesis", node=premise, kind="claims",
                                field=("kind",)),),
            target=premise,
        )
