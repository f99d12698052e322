"""A figure is stated only by quotes whose sources have no snapshot: nothing verifies it.

AM301 finds the figure in a quote, but the quote is checked against nothing: its source
(``via`` when set, else ``source``) keeps no text copy (``snapshot``). Evidence re-pointed to
such a source, or a quote typed from memory, makes a figure unverifiable without any failing
finding, so this is a warning (AM407 lists each such quote as information); ``--strict``
makes it an error. A figure derived by a declared check is the AM5xx rules' business.

FAIL::

    claims:
      - {id: C1, text: Exports fell by 57%., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: Belarusian exports fell by 57%}}
    sources:
      - {id: S1, title: Trade report}

PASS::

    sources:
      - {id: S1, title: Trade report, snapshot: {path: snapshots/s1.txt}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder
from argmap._verify.compare import describe
from argmap.rules._shared import every_claim_figure, only_unsnapshotted, snapshot_verifies

CODE = "AM306"
ID = "unverifiable-figure"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    verifies = snapshot_verifies(ctx)
    for claim, figure in every_claim_figure(ctx):
        supports = figure.matches or figure.too_precise
        if not supports or figure.derived_by:
            continue
        if verifies(supports[0].evidence):
            continue  # the first quote's snapshot verifies it (most): no list of the others
        evidence = list(dict.fromkeys(s.evidence for s in supports))
        if any(verifies(e) for e in evidence[1:]):
            continue  # a snapshot verifies it (or an unknown source, AM202's finding)
        holders = {quote_holder(ctx.evidence[e]) for e in evidence}
        yield Problem(
            f"figure {figure.mention.text!r} ({describe(figure.mention)}) cannot be verified: "
            + only_unsnapshotted(evidence, holders),
            node=claim.id,
            kind="claims",
            field=("text",),
            target=figure.mention.text,
            hint="save the source's text under snapshots/ and add snapshot: {path: ...} to "
            "the source, or cite a source that has one",
            related=tuple(RelatedRef("the quote", node=e, kind="evidence",
                                     field=("quote", "exact")) for e in evidence[:3]),
            data={"figure": figure.mention.text, "reading": describe(figure.mention),
                  "evidence": evidence, "sources": sorted(holders)},
        )
