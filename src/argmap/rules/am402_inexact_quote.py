"""A quote found only approximately: its words differ a little from the source's.

After normalisation (quote marks, dashes, whitespace, line-end hyphens and lost ligatures do
not count) the quote is at least 85% similar to a passage of the snapshot but not equal to it.
A quote is verbatim, so the finding shows the source's words to copy. A difference in any
number is a false quote and AM403, not this.

FAIL::

    evidence:
      - id: E1
        source: S1
        quote: {exact: Cycling on Main Street tripled after the lanes opened.}
    # snapshots/s1.txt: "Cycling on Main Street tripled after the lane opened."

PASS::

    evidence:
      - id: E1
        source: S1
        quote: {exact: "Cycling on Main Street tripled after the lane opened."}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import AnchorStatus, anchored_evidence, shorten

CODE = "AM402"
ID = "inexact-quote"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for evidence, result in anchored_evidence(ctx):
        if result.status is not AnchorStatus.FUZZY or result.numbers_missing:
            continue
        yield Problem(
            f"quote of {evidence.id!r} differs from its source {result.source!r} "
            f"({result.similarity:.0%} similar); the source says: {shorten(result.text or '')!r}",
            node=evidence.id,
            kind="evidence",
            field=("quote", "exact"),
            hint="replace the quote with the source's words, verbatim",
            data={"anchor": result.as_data()},
        )
