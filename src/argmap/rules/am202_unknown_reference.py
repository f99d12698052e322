"""A reference names an ID that no node has.

Claims refer to sections and evidence, relations to claims (and undercuts to relations),
evidence to sources, checks to quantities and claims, suppressions to rule codes. A typo in
any of them silently cuts the map apart, so each is an error. A reference to a node that
exists but has the wrong kind (evidence as a premise) is AM203.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: Cats are good pets.}
      - {id: P1, text: Cats purr.}
    relations:
      - {id: R1, type: supports, from: P1, to: T2}

PASS::

    relations:
      - {id: R1, type: supports, from: P1, to: T1}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.check_types import OPERANDS, Operand
from argmap.rules._shared import references

CODE = "AM202"
ID = "unknown-reference"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def _report(
    ref: str,
    what: str,
    known: Iterable[str],
    node: str,
    path: tuple[str | int, ...],
    field: tuple[str | int, ...],
) -> Problem:
    """``path`` is the node's data path: with duplicate IDs, its ID alone is ambiguous."""
    close = _closest(ref, known)
    return Problem(
        f"{what} {ref!r} does not exist",
        node=node,
        path=path,
        field=field,
        hint=f"did you mean {close!r}?" if close else f"define a {what} with id {ref!r}",
        data={"reference": ref, "expected": what},
        target=ref,
    )


def _closest(ref: str, known: Iterable[str]) -> str | None:
    """The known ID most like ``ref``, for a hint; None when none is close."""
    import difflib  # only for an unknown reference

    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


#: The fields of checks that name quantities: single IDs first, then lists of IDs.
_SINGLE_OPERANDS = tuple(op for op in OPERANDS if not op.many)
_LIST_OPERANDS = tuple(op for op in OPERANDS if op.many)


@cache
def _own_operands(check_class: type) -> tuple[tuple[Operand, ...], tuple[Operand, ...]]:
    """The single and list operands a check class has as fields, in the table's order.

    A check has only its own operands; asking a pydantic model for a field it lacks goes
    through its ``__getattr__`` and an exception, the most of this rule's time per check.
    """
    fields = getattr(check_class, "model_fields", None)
    if fields is None:
        return _SINGLE_OPERANDS, _LIST_OPERANDS
    return (tuple(op for op in _SINGLE_OPERANDS if op.attribute in fields),
            tuple(op for op in _LIST_OPERANDS if op.attribute in fields))


#: Expected kinds whose wrong-kind references AM203 reports (quantities it does not check).
_LEFT_TO_AM203 = frozenset({"claim", "relation", "evidence", "source", "section"})


def check(ctx: RuleContext) -> Iterator[Problem]:
    """References to IDs that exist nowhere; a node of the wrong kind is AM203's.

    Each ID a problem names is looked up in the indexes themselves: a set of every ID of
    the map (400,000 at 100,000 claims) was built for the few problems a map has.
    """
    indexes = (ctx.claims, ctx.relations, ctx.evidence, ctx.sources, ctx.sections,
               ctx.checks, ctx.quantities)
    for problem in _unknown(ctx):
        data = problem.data or {}
        if data.get("expected") in _LEFT_TO_AM203:
            reference = data.get("reference")
            if any(reference in index for index in indexes):
                continue
        yield problem


#: Collection -> what its node is called in a message (and in ``data["expected"]``).
_NOUNS = {"claims": "claim", "relations": "relation", "evidence": "evidence",
          "sources": "source", "sections": "section"}


def _unknown(ctx: RuleContext) -> Iterator[Problem]:
    claims, sources, quantities = ctx.claims, ctx.sources, ctx.quantities
    indexes: dict[str, dict[str, Any]] = {
        "claims": claims, "relations": ctx.relations, "evidence": ctx.evidence,
        "sources": sources, "sections": ctx.sections,
    }
    for reference in references(ctx):
        known = indexes[reference.expected]
        if reference.target not in known:
            yield _report(reference.target, _NOUNS[reference.expected], known, reference.node,
                          reference.path, reference.field)
    if ctx.map.subject is not None and ctx.map.subject not in sources:
        close = _closest(ctx.map.subject, sources)
        yield Problem(
            f"source {ctx.map.subject!r} does not exist",
            path=(),
            field=("subject",),
            hint=f"did you mean {close!r}?" if close else "add the analysed source",
        )
    for at, check_item in enumerate(ctx.map.checks):
        where = ("checks", at)
        if check_item.claim is not None and check_item.claim not in claims:
            yield _report(check_item.claim, "claim", claims, check_item.id, where, ("claim",))
        single, lists = _own_operands(type(check_item))
        for operand in single:
            value = getattr(check_item, operand.attribute, None)
            if isinstance(value, str) and value not in quantities:
                yield _report(value, "quantity", quantities, check_item.id, where, (operand.key,))
        for operand in lists:
            for index, ref in enumerate(getattr(check_item, operand.attribute, None) or ()):
                if ref not in quantities:
                    yield _report(ref, "quantity", quantities, check_item.id, where,
                                  (operand.key, index))
