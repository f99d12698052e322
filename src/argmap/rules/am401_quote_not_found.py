"""A quote that cannot be found in the snapshot of the source that holds it.

The quote is looked for in the snapshot of ``via`` when the evidence has one, else of
``source``: exactly, then after normalising both texts (Unicode NFKC, quote marks, dashes,
whitespace, line-end hyphens, ligatures lost in PDF extraction), then approximately. When even
the best approximate match is less than 85% similar, the quote is not in the source; the
finding gives the similarity and the best candidate, so a typo is easy to see. See
``docs/quotes.md``.

FAIL::

    evidence:
      - id: E1
        source: S1
        quote: {exact: Cycling on Main Street doubled in one year.}
    # snapshots/s1.txt: "Cycling on Main Street tripled after the lane opened."

PASS::

    evidence:
      - id: E1
        source: S1
        quote: {exact: Cycling on Main Street tripled after the lane opened.}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import MIN_SIMILARITY, AnchorStatus, anchored_evidence, shorten

CODE = "AM401"
ID = "quote-not-found"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for evidence, result in anchored_evidence(ctx):
        if result.status is not AnchorStatus.NOT_FOUND:
            continue
        holder = result.source or evidence.source
        snapshot = ctx.sources[holder].snapshot
        where = f"{holder!r} ({snapshot.path})" if snapshot is not None else repr(holder)
        if result.text:
            detail = (f"; best candidate ({result.similarity:.0%} similar, below "
                      f"{MIN_SIMILARITY:.0%}) at {result.start}-{result.end}: "
                      f"{shorten(result.text)!r}")
        else:
            detail = f": {result.reason}" if result.reason else ""
        yield Problem(
            f"quote of {evidence.id!r} is not in the snapshot of {where}{detail}",
            node=evidence.id,
            kind="evidence",
            field=("quote", "exact"),
            hint="copy the words verbatim from the snapshot, or cite the source whose text "
            "holds them (`via` when the quote is a secondary source's)",
            related=(RelatedRef("the quote-holding source", node=holder, kind="sources"),),
            data={"anchor": result.as_data()},
        )
