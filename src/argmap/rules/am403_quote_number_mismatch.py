"""A quote matched only approximately, and one of its numbers is not in the source's text.

One wrong digit is a tiny edit distance but a false quote: after an approximate (or
normalised) match, every number in the quote must equal a number in the matched passage of
the snapshot exactly (thousands commas aside: ``1,200`` equals ``1200``). Always an error.

FAIL::

    evidence:
      - id: E1
        source: S1
        quote: {exact: Cyclists per weekday rose from 400 to 1,300.}
    # snapshots/s1.txt: "Cyclists per weekday rose from 400 to 1,200."

PASS::

    evidence:
      - id: E1
        source: S1
        quote: {exact: Cyclists per weekday rose from 400 to 1,200.}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import anchored_evidence, shorten

CODE = "AM403"
ID = "quote-number-mismatch"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for evidence, result in anchored_evidence(ctx):
        if not result.numbers_missing or not result.found:  # the field first: most have none
            continue
        missing = ", ".join(result.numbers_missing)
        stated = ", ".join(result.numbers_found) or "no number"
        yield Problem(
            f"quote of {evidence.id!r} states {missing}, but the passage of {result.source!r} "
            f"it matches ({result.similarity:.0%} similar) states {stated}: "
            f"{shorten(result.text or '')!r}",
            node=evidence.id,
            kind="evidence",
            field=("quote", "exact"),
            hint="a number in a quote must be the source's, digit for digit: copy the passage "
            "verbatim",
            data={"anchor": result.as_data(), "missing": list(result.numbers_missing),
                  "found": list(result.numbers_found)},
        )
