"""A quote whose source has no snapshot, so it cannot be verified.

Without a local text copy (``snapshot: {path: ...}``) argmap cannot check that the quote is
really in the source. The source is the quote-holding one: ``via`` when set, else ``source``.
Information about the quote: a printed book or a paywalled article may have no text to keep.
A figure of a claim that only such quotes state is reported as well, as a warning (AM306),
and so is a date (AM308) and a quote that is verbatim in another source's snapshot (AM412).

FAIL::

    evidence:
      - {id: E1, source: S1, quote: {exact: Cycling tripled.}}
    sources:
      - {id: S1, title: City report}

PASS::

    sources:
      - {id: S1, title: City report, snapshot: {path: snapshots/s1.txt}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder

CODE = "AM407"
ID = "no-snapshot"
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    # the sources without a snapshot, told once: most maps have none, and then no quote is
    # walked (a quote's holder among them is a source without a snapshot, as before)
    bare = {sid for sid, source in ctx.sources.items() if source.snapshot is None}
    if not bare:
        return
    for evidence in ctx.map.evidence:
        if evidence.quote is None:
            continue
        holder = quote_holder(evidence)
        if holder not in bare:
            continue
        yield Problem(
            f"the quote of {evidence.id!r} cannot be verified: source {holder!r} has no "
            f"snapshot",
            node=evidence.id,
            kind="evidence",
            field=("quote", "exact"),
            hint="save the source's text under snapshots/ and add snapshot: {path: ...} to "
            "the source",
            related=(RelatedRef("the source", node=holder, kind="sources"),),
            data={"source": holder},
        )
