"""A reference names an ID that no node of the right kind has.

Claims refer to sections and evidence, relations to claims (and undercuts to relations),
evidence to sources, checks to quantities and claims, suppressions to rule codes. A typo in
any of them silently cuts the map apart, so each is an error.

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

from argmap._findings import Severity
from argmap._rule import Report, RuleContext

CODE = "AM202"
ID = "unknown-reference"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def _report(
    ref: str,
    what: str,
    known: Iterable[str],
    node: str,
    kind: str,
    field: tuple[str | int, ...],
) -> Report:
    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
    return Report(
        f"{what} {ref!r} does not exist",
        node=node,
        kind=kind,
        field=field,
        hint=f"did you mean {close[0]!r}?" if close else f"define a {what} with id {ref!r}",
    )


def check(ctx: RuleContext, options: Mapping[str, Any]) -> Iterator[Report]:
    claims, sections, evidence = ctx.claims, ctx.sections, ctx.evidence
    sources, relations, quantities = ctx.sources, ctx.relations, ctx.quantities
    for section in ctx.map.sections:
        if section.parent is not None and section.parent not in sections:
            yield _report(section.parent, "section", sections, section.id, "sections", ("parent",))
    for claim in ctx.map.claims:
        if claim.section is not None and claim.section not in sections:
            yield _report(claim.section, "section", sections, claim.id, "claims", ("section",))
        for index, ref in enumerate(claim.evidence):
            if ref not in evidence:
                yield _report(ref, "evidence", evidence, claim.id, "claims", ("evidence", index))
    for relation in ctx.map.relations:
        for index, ref in enumerate(relation.from_):
            if ref not in claims:
                yield _report(ref, "claim", claims, relation.id, "relations", ("from", index))
        if relation.type == "undercuts":
            if relation.to not in relations:
                yield _report(relation.to, "relation", relations, relation.id, "relations", ("to",))
        elif relation.to not in claims:
            yield _report(relation.to, "claim", claims, relation.id, "relations", ("to",))
    for item in ctx.map.evidence:
        if item.source not in sources:
            yield _report(item.source, "source", sources, item.id, "evidence", ("source",))
        if item.via is not None and item.via not in sources:
            yield _report(item.via, "source", sources, item.id, "evidence", ("via",))
    if ctx.map.subject is not None and ctx.map.subject not in sources:
        close = difflib.get_close_matches(ctx.map.subject, list(sources), n=1, cutoff=0.6)
        yield Report(
            f"source {ctx.map.subject!r} does not exist",
            path=(),
            field=("subject",),
            hint=f"did you mean {close[0]!r}?" if close else "add the analysed source",
        )
    for check_item in ctx.map.checks:
        if check_item.claim is not None and check_item.claim not in claims:
            yield _report(check_item.claim, "claim", claims, check_item.id, "checks", ("claim",))
        for field_name in ("numerator", "denominator", "result", "from_", "to", "part", "whole",
                           "total", "minuend", "subtrahend"):
            value = getattr(check_item, field_name, None)
            if isinstance(value, str) and value not in quantities:
                ref = value
                alias = "from" if field_name == "from_" else field_name
                yield _report(ref, "quantity", quantities, check_item.id, "checks", (alias,))
        for index, ref in enumerate(getattr(check_item, "parts", None) or ()):
            if ref not in quantities:
                yield _report(
                    ref, "quantity", quantities, check_item.id, "checks", ("parts", index)
                )
