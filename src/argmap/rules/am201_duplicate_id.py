"""Every ID names one node: two nodes with one ID make every reference to it ambiguous.

IDs share one namespace across claims, relations, evidence, checks, sections, sources and
quantities, so a reference never needs to say what kind of node it means.

FAIL::

    claims:
      - {id: C1, text: Cats purr.}
      - {id: C1, text: Dogs bark.}

PASS::

    claims:
      - {id: C1, text: Cats purr.}
      - {id: C2, text: Dogs bark.}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity

CODE = "AM201"
ID = "duplicate-id"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}

_COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")


def check(ctx: RuleContext) -> Iterator[Problem]:
    first: dict[str, tuple[str, tuple[str | int, ...]]] = {}
    for collection in _COLLECTIONS:
        for index, node in enumerate(getattr(ctx.map, collection)):
            path: tuple[str | int, ...] = (collection, index)
            yield from _seen(first, node.id, collection, path, ("id",))
            if collection == "claims":
                for q_index, quantity in enumerate(node.quantities):
                    yield from _seen(
                        first, quantity.id, "quantities", (*path, "quantities", q_index), ("id",)
                    )


def _seen(
    first: dict[str, tuple[str, tuple[str | int, ...]]],
    node_id: str,
    collection: str,
    path: tuple[str | int, ...],
    field: tuple[str, ...],
) -> Iterator[Problem]:
    if node_id not in first:
        first[node_id] = (collection, path)
        return
    other_collection, other_path = first[node_id]
    kind = collection.rstrip("s") if collection != "evidence" else "evidence"
    other_kind = other_collection.rstrip("s") if other_collection != "evidence" else "evidence"
    yield Problem(
        f"{kind} ID {node_id!r} is already used by a {other_kind}",
        path=path,
        field=field,
        hint="give each node its own ID",
        related=(RelatedRef(f"first {node_id!r}", node=node_id, kind=other_collection),),
        data={"first": list(other_path)},
    )
