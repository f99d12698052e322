"""A verbatim quote whose sentence in the source negates, hedges or turns against it.

The words are the source's, but not what it asserts: "the lane cut injuries" cut from
"critics claim that the lane cut injuries", "it is false that ...", "... may ...", or followed
by "..., but only on weekdays", or "did [...] grow" of "did not grow". Read around the
anchored quote in its source's sentence: a negation or hedge in the clause just before it (or
just before a part of it, in the words an elision or insertion leaves out), or a contrast
("but", "however", "although") in the first words after it, is reported with the context,
unless the claim citing the quote carries a cue of the same kind (a negation, a hedge, a
contrast) in its own text. The cues are one table, listed in docs/quotes.md. A warning: the
reader decides whether the claim still follows.

FAIL::

    claims:
      - {id: C1, text: The lane cut injuries., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: the lane cut injuries}}
    # snapshots/s1.txt: "Critics claim that the lane cut injuries."

PASS::

    claims:
      - {id: C1, text: Critics claim that the lane cut injuries., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: the lane cut injuries}}
    # snapshots/s1.txt: "Critics claim that the lane cut injuries."
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import anchored_evidence, shorten
from argmap._verify.quote_context import CueKind, every_qualifier, qualifiers

CODE = "AM411"
ID = "qualified-quote"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}

_WHAT = {
    CueKind.NEGATION: "negates",
    CueKind.HEDGE: "hedges",
    CueKind.CONTRAST: "turns against",
}


def check(ctx: RuleContext) -> Iterator[Problem]:
    every = every_qualifier(ctx)
    for evidence, result in anchored_evidence(ctx):
        cues = every.get(id(evidence))
        if cues is None:  # pragma: no cover - every quote of the walk is in it
            cues = qualifiers(ctx, evidence)
        for found in cues:
            quoted = shorten(result.text or "", 50)
            if found.where == "after":
                shown = f"'{quoted}' {found.context}"
                where = "just after it"
            elif found.where == "elided":
                shown = f"[...] {found.context} [...]"
                where = "in the words it leaves out"
            else:
                shown = f"{found.context} '{quoted}'"
                where = "just before it"
            claims = ", ".join(repr(claim) for claim in found.claims)
            yield Problem(
                f"the source {result.source!r} {_WHAT[found.cue.kind]} the quote of "
                f"{evidence.id!r}: {found.found!r} {where} ({shorten(shown, 140)}); "
                f"claim {claims} carries no {found.cue.kind.value}",
                node=evidence.id,
                kind="evidence",
                field=("quote", "exact"),
                hint=f"let the claim carry the {found.cue.kind.value} (and quote it), or cite a "
                "passage that states the fact plainly",
                related=tuple(RelatedRef("the claim citing the quote", node=claim, kind="claims")
                              for claim in found.claims),
                data={"anchor": result.as_data(), "cue": found.found,
                      "kind": found.cue.kind.value, "context": found.context, "where": found.where,
                      "claims": list(found.claims)},
            )
