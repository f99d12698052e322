"""A quote that matches its snapshot only after typographic normalisation (fixable).

A quote passes when it equals the snapshot once both are normalised (docs/quotes.md): curly
and straight quotes, dashes, Unicode compatibility forms, invisible characters and spaces do
not count. This note names a quote that differs from the snapshot *only* in those: the safe
fix (``argmap check --fix``) re-types the quote with the snapshot's own characters (spaces
run together as one), so the map holds the source's exact text and a reader who searches the
source for it finds it. Quotes that pass through a quoting convention ("...", "[word]"), a
repaired PDF ligature ("conflict" for the snapshot's "confict"), a changed first letter or
a line-end hyphen are left as they are: there the quote's spelling is the better one.

FAIL::

    evidence:
      - {id: E1, source: S1, quote: {exact: "the city's \\"safe streets\\" plan"}}
    # snapshots/s1.txt: the city’s “safe streets” plan

PASS::

    evidence:
      - {id: E1, source: S1, quote: {exact: "the city’s “safe streets” plan"}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import NodeEdit, Problem, ProblemFix, RuleContext
from argmap._findings import Severity
from argmap._recache import recompile
from argmap._verify.anchor import AnchorStatus, anchored_evidence, shorten
from argmap._verify.normalise import normalise_text

CODE = "AM421"
ID = "normalised-quote"
SEVERITY = Severity.INFO
OPTIONS: dict[str, Any] = {}

_LINE_END_HYPHEN = recompile(r"\w-\s")


def exact_form(quote: str, passage: str) -> str | None:
    """The snapshot's characters for a quote that differs from them only typographically
    (spaces run together), or None when the quote should stay as it is."""
    candidate = " ".join(passage.split())
    if candidate == quote or not candidate:
        return None
    if _LINE_END_HYPHEN.search(passage) and not _LINE_END_HYPHEN.search(quote):
        return None  # "poli-\ncy": the quote's "policy" reads better
    if normalise_text(candidate) != normalise_text(quote):
        return None  # a repaired ligature, a changed letter case, a convention
    return candidate


def check(ctx: RuleContext) -> Iterator[Problem]:
    normalised = AnchorStatus.NORMALISED  # read once: slow off the enumeration (~200 ns)
    for evidence, result in anchored_evidence(ctx):
        # the result first: a model's field costs about 450 instructions a read
        if (result.status is not normalised or result.parts
                or result.text is None or result.numbers_missing):
            continue
        quote = evidence.quote
        if quote is None:
            continue
        exact = exact_form(quote.exact, result.text)
        if exact is None:
            continue
        yield Problem(
            f"quote of {evidence.id!r} matches its source {result.source!r} only once "
            f"normalised (quote marks, dashes, spaces or Unicode forms differ); the source's "
            f"characters are {shorten(exact)!r}",
            node=evidence.id,
            kind="evidence",
            field=("quote", "exact"),
            hint="`argmap check --fix` re-types the quote with the source's characters",
            data={"exact": exact},
            fix=ProblemFix("re-type the quote with the snapshot's characters",
                           (NodeEdit("set", exact, evidence.id, "evidence",
                                     ("quote", "exact")),)),
        )
