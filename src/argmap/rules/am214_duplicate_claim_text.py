"""Two claims with the same text, ignoring case and runs of whitespace.

The same statement under two IDs splits its support and attacks between two nodes, and
importers that merge nodes by text (AIF tools do) then disagree with the map. Reported on each
later copy, pointing at the first.

FAIL::

    claims:
      - {id: P1, text: Cycling tripled.}
      - {id: P2, text: "cycling  TRIPLED."}

PASS::

    claims:
      - {id: P1, text: Cycling tripled.}
      - {id: P2, text: Cycling tripled on Main Street.}
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity

CODE = "AM214"
ID = "duplicate-claim-text"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def normalise(text: str) -> str:
    """NFKC, case-folded, whitespace runs collapsed: ``"A  b"`` and ``"a B"`` are one text.

    Most claims are printable ASCII with single spaces between words: NFKC leaves ASCII as
    it is, case folding lowers it, and splitting and joining its words gives it back, so
    it is only lowered (about 2,300 instructions a claim fewer; the split and join built a
    string per word). Whitespace that ``str.split`` splits at is a space or unprintable."""
    if text.isascii():
        lowered = text.lower()
        if (lowered.isprintable() and "  " not in lowered and lowered[:1] != " "
                and lowered[-1:] != " "):
            return lowered
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def check(ctx: RuleContext) -> Iterator[Problem]:
    first: dict[str, str] = {}
    # each claim's ID and text from its view (RuleContext.claim_fields), not off the model
    for index, (claim_id, text, _, _, _, _, _, _, _) in enumerate(ctx.claim_fields):
        key = normalise(text)
        if key not in first:
            first[key] = claim_id
            continue
        yield Problem(
            f"claim {claim_id!r} has the same text as {first[key]!r}",
            node=claim_id,
            path=("claims", index),
            field=("text",),
            hint="merge the two claims and point their relations at one ID",
            related=(RelatedRef(f"first stated as {first[key]!r}", node=first[key],
                                kind="claims"),),
        )
