"""A quote that cannot be found in the snapshot of the source that holds it.

The quote is looked for in the snapshot of ``via`` when the evidence has one, else of
``source``: verbatim, after normalising both texts (Unicode NFKC, quote marks, dashes,
whitespace, line-end hyphens, ligatures lost in PDF extraction) and reading its quoting
conventions ("...", "[word]", "[sic]", "[T]he"). When it is not there and even the most
similar passage is less than 85% similar, the quote is not in the source; the finding gives
the similarity and that passage. It fires too when an elided quote's parts are not in order
within one paragraph, when a part between elisions is shorter than three words, and when the
quote is too long for the bounded search for a similar passage (the reason is given). See
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
    not_found = AnchorStatus.NOT_FOUND  # read once: slow off the enumeration (~200 ns)
    for evidence, result in anchored_evidence(ctx):
        if result.status is not not_found:
            continue
        holder = result.source or evidence.source
        snapshot = ctx.sources[holder].snapshot
        where = f"{holder!r} ({snapshot.path})" if snapshot is not None else repr(holder)
        detail = f": {result.reason}" if result.reason else ""
        if result.text and result.differences:
            detail += (f"; best candidate ({result.similarity:.0%} similar, below "
                       f"{MIN_SIMILARITY:.0%}) at {result.start}-{result.end}: "
                       f"{shorten(result.text)!r}")
        elif result.text:
            detail += f"; its first part is at {result.start}-{result.end}: " + repr(
                shorten(result.text))
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
