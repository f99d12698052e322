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

import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from argmap._engine.context import Report, RuleContext
from argmap._findings import Severity
from argmap._verify.check_types import OPERANDS

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
) -> Report:
    """``path`` is the node's data path: with duplicate IDs, its ID alone is ambiguous."""
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return Report(
        f"{what} {ref!r} does not exist",
        node=node,
        path=path,
        field=field,
        hint=f"did you mean {close[0]!r}?" if close else f"define a {what} with id {ref!r}",
        data={"reference": ref, "expected": what},
    )


#: The fields of checks that name quantities: single IDs first, then lists of IDs.
_SINGLE_OPERANDS = tuple(op for op in OPERANDS if not op.many)
_LIST_OPERANDS = tuple(op for op in OPERANDS if op.many)

#: Expected kinds whose wrong-kind references AM203 reports (quantities it does not check).
_LEFT_TO_AM203 = frozenset({"claim", "relation", "evidence", "source", "section"})


def check(ctx: RuleContext, options: Mapping[str, Any]) -> Iterator[Report]:  # noqa: ARG001
    """Report references to IDs that exist nowhere; a node of the wrong kind is AM203's."""
    anywhere: set[str] = set()
    for index in (ctx.claims, ctx.relations, ctx.evidence, ctx.sources, ctx.sections,
                  ctx.checks, ctx.quantities):
        anywhere.update(index)
    for report in _unknown(ctx):
        data = report.data or {}
        if data.get("expected") in _LEFT_TO_AM203 and data.get("reference") in anywhere:
            continue
        yield report


def _unknown(ctx: RuleContext) -> Iterator[Report]:
    claims, sections, evidence = ctx.claims, ctx.sections, ctx.evidence
    sources, relations, quantities = ctx.sources, ctx.relations, ctx.quantities
    for at, section in enumerate(ctx.map.sections):
        if section.parent is not None and section.parent not in sections:
            yield _report(section.parent, "section", sections, section.id, ("sections", at),
                          ("parent",))
    for at, claim in enumerate(ctx.map.claims):
        where: tuple[str | int, ...] = ("claims", at)
        if claim.section is not None and claim.section not in sections:
            yield _report(claim.section, "section", sections, claim.id, where, ("section",))
        for index, ref in enumerate(claim.evidence):
            if ref not in evidence:
                yield _report(ref, "evidence", evidence, claim.id, where, ("evidence", index))
    for at, relation in enumerate(ctx.map.relations):
        where = ("relations", at)
        for index, ref in enumerate(relation.from_):
            if ref not in claims:
                yield _report(ref, "claim", claims, relation.id, where, ("from", index))
        if relation.type == "undercuts":
            if relation.to not in relations:
                yield _report(relation.to, "relation", relations, relation.id, where, ("to",))
        elif relation.to not in claims:
            yield _report(relation.to, "claim", claims, relation.id, where, ("to",))
    for at, item in enumerate(ctx.map.evidence):
        where = ("evidence", at)
        if item.source not in sources:
            yield _report(item.source, "source", sources, item.id, where, ("source",))
        if item.via is not None and item.via not in sources:
            yield _report(item.via, "source", sources, item.id, where, ("via",))
    if ctx.map.subject is not None and ctx.map.subject not in sources:
        close = difflib.get_close_matches(ctx.map.subject, list(sources), n=1, cutoff=0.6)
        yield Report(
            f"source {ctx.map.subject!r} does not exist",
            path=(),
            field=("subject",),
            hint=f"did you mean {close[0]!r}?" if close else "add the analysed source",
        )
    for at, check_item in enumerate(ctx.map.checks):
        where = ("checks", at)
        if check_item.claim is not None and check_item.claim not in claims:
            yield _report(check_item.claim, "claim", claims, check_item.id, where, ("claim",))
        for operand in _SINGLE_OPERANDS:
            value = getattr(check_item, operand.attribute, None)
            if isinstance(value, str) and value not in quantities:
                yield _report(value, "quantity", quantities, check_item.id, where, (operand.key,))
        for operand in _LIST_OPERANDS:
            for index, ref in enumerate(getattr(check_item, operand.attribute, None) or ()):
                if ref not in quantities:
                    yield _report(ref, "quantity", quantities, check_item.id, where,
                                  (operand.key, index))
