"""A quote's ``prefix`` or ``suffix`` does not match the text around it in the source.

The W3C ``prefix`` and ``suffix`` say which of several occurrences a quote means. When the
quote is found but the text just before it does not end with the prefix (or the text just
after it does not start with the suffix), the context is stale or wrong, and the quote may be
anchored at the wrong place. Compared after normalisation; approximately when the quote itself
was found approximately.

FAIL::

    evidence:
      - id: E1
        source: S1
        quote: {exact: tripled, prefix: "Walking on Main Street "}
    # snapshots/s1.txt: "Cycling on Main Street tripled after the lane opened."

PASS::

    evidence:
      - id: E1
        source: S1
        quote: {exact: tripled, prefix: "Cycling on Main Street "}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import anchored_evidence, shorten

CODE = "AM404"
ID = "quote-context-mismatch"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for evidence, result in anchored_evidence(ctx):
        if result.prefix_match is not False and result.suffix_match is not False:
            continue  # most quotes: neither side fails, whatever the status (told first)
        if not result.found or evidence.quote is None:
            continue
        sides = (("prefix", result.prefix_match, "before", result.before),
                 ("suffix", result.suffix_match, "after", result.after))
        for side, matched, where, context in sides:
            if matched is not False:
                continue
            yield Problem(
                f"the {side} of the quote of {evidence.id!r} does not match its source "
                f"{result.source!r}: the text {where} the quote is {shorten(context, 60)!r}",
                node=evidence.id,
                kind="evidence",
                field=("quote", side),
                hint=f"set {side} to the words just {where} the quote in the source, or drop it",
                data={"anchor": result.as_data(), "context": side},
            )
