"""A quote that is not verbatim: some of its words are not the source's.

A quote is the source's own words. After normalisation (Unicode forms, quote marks, dashes,
whitespace, line-end hyphens and ligatures lost in PDF extraction do not count) and its quoting
conventions ("...", "[word]", "[sic]", "[T]he"), it must equal the snapshot; any other
difference is a misquotation, however small its edit distance: "decreased" for "increased" is
two letters and the opposite fact. The finding names the passage of the source the quote is
nearest to (at least 85% similar; below that it is AM401) and each difference, word by word
(quote -> source). A difference in a number is AM403 instead.

FAIL::

    evidence:
      - id: E1
        source: S1
        quote: {exact: Injuries to cyclists decreased sharply after the lane opened.}
    # snapshots/s1.txt: "Injuries to cyclists increased sharply after the lane opened."

PASS::

    evidence:
      - id: E1
        source: S1
        quote: {exact: "Injuries to cyclists increased sharply [...] the lane opened."}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import AnchorStatus, anchored_evidence, shorten

CODE = "AM402"
ID = "inexact-quote"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    fuzzy = AnchorStatus.FUZZY  # read once: slow off the enumeration (~200 ns)
    for evidence, result in anchored_evidence(ctx):
        if result.status is not fuzzy or result.numbers_missing:
            continue
        from argmap._verify.worddiff import format_differences  # only for a misquote

        where = f" ({result.reason})" if result.reason else ""
        yield Problem(
            f"quote of {evidence.id!r} is not verbatim{where}: it differs from its source "
            f"{result.source!r} ({result.similarity:.0%} similar) in "
            f"{_places(len(result.differences))} (quote -> source): "
            f"{format_differences(result.differences)}; the source says: "
            f"{shorten(result.text or '')!r}",
            node=evidence.id,
            kind="evidence",
            field=("quote", "exact"),
            hint="copy the source's words verbatim; mark words left out with '...' and your own "
            "words with [brackets] (docs/quotes.md)",
            data={"anchor": result.as_data()},
        )


def _places(count: int) -> str:
    return "1 place" if count == 1 else f"{count} places"
