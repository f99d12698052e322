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
from argmap.rules._shared import ids_unique

CODE = "AM201"
ID = "duplicate-id"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}

_COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")


def check(ctx: RuleContext) -> Iterator[Problem]:
    """The walk that places each first ID runs only for a map where an ID repeats
    (:func:`~argmap.rules._shared.ids_unique` tells from the map's indexes, which the
    reference rules read next; 10,000 claims, AM201 and AM202 together: 308 M -> 218 M
    instructions). The answer is the reference rules' own, memoised: one set of every ID
    (52 ms at 100,000 claims) where each built it."""
    if ids_unique(ctx):
        return
    yield from _duplicates(ctx)


def _duplicates(ctx: RuleContext) -> Iterator[Problem]:
    # ID -> where its first node is, as one int: ``index * 8 + collection`` for a node of a
    # collection, ``-1 - n`` for the n-th quantity path. A tuple of tuples per node cost
    # 100 bytes each (35 MiB at 100,000 claims) for the few IDs that repeat.
    first: dict[str, int] = {}
    quantity_paths: list[tuple[str | int, ...]] = []
    for rank, collection in enumerate(_COLLECTIONS):
        for index, node in enumerate(getattr(ctx.map, collection)):
            node_id = node.id
            if node_id in first:
                yield _duplicate(node_id, collection, (collection, index),
                                 first[node_id], quantity_paths)
            else:
                first[node_id] = index * 8 + rank
            if collection == "claims":
                for q_index, quantity in enumerate(node.quantities):
                    path = ("claims", index, "quantities", q_index)
                    if quantity.id in first:
                        yield _duplicate(quantity.id, "quantities", path, first[quantity.id],
                                         quantity_paths)
                    else:
                        quantity_paths.append(path)
                        first[quantity.id] = -len(quantity_paths)


def _duplicate(
    node_id: str,
    collection: str,
    path: tuple[str | int, ...],
    where: int,
    quantity_paths: list[tuple[str | int, ...]],
) -> Problem:
    if where < 0:
        other_collection, other_path = "quantities", quantity_paths[-1 - where]
    else:
        other_collection = _COLLECTIONS[where % 8]
        other_path = (other_collection, where // 8)
    kind = collection.rstrip("s") if collection != "evidence" else "evidence"
    other_kind = other_collection.rstrip("s") if other_collection != "evidence" else "evidence"
    return Problem(
        f"{kind} ID {node_id!r} is already used by a {other_kind}",
        path=path,
        field=("id",),
        hint="give each node its own ID",
        related=(RelatedRef(f"first {node_id!r}", node=node_id, kind=other_collection),),
        data={"first": list(other_path)},
    )
