"""A figure in a claim's text is not in the quotes of the claim's evidence.

Every amount, count, percentage, fraction or n-fold change a claim states must be *cited*:
one of the claim's evidence quotes states an equal figure, compared as a fact-checker would
(rounding, qualifiers as bounds, equivalent forms, same currency or count unit, same
direction of change, same period; see ``docs/numbers.md``). A bound the source does not
support ("up to 20%" for "up to 10%", "over 150" for "over 100") is not cited. A
figure the map derives by a declared arithmetic check (it is the ``result`` or ``total`` of a
check, declared under ``quantities`` with its ``text``) is checked by AM5xx instead. Vague
figures ("dozens of") cannot be compared and only need some evidence. Options:
``min_count`` (default 0): ignore counts below this number ("the two states").

The hint names up to three sentences of the claim's sources' snapshots (every source's, for
a claim with no evidence) that state an equal figure, best first; ``argmap check --fix
--unsafe-fixes`` adds the first as a new evidence item (``E-<claim>-<n>``, quoting it) and
cites it from the claim. Unsafe: the sentence is a suggestion a person should read.

FAIL::

    claims:
      - {id: C1, text: In 2019 trade reached USD 5 billion., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: "In 2019, bilateral trade reached USD 4 billion"}}

PASS::

    claims:
      - {id: C1, text: In 2019 trade reached USD 4 billion., evidence: [E1]}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from argmap._engine.context import NodeEdit, Problem, ProblemFix, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._model import QuantityKind
from argmap._verify.anchor import anchor_evidence, quote_holder
from argmap._verify.compare import describe, shown, why
from argmap.rules._shared import every_claim_figure

CODE = "AM301"
ID = "uncited-figure"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {"min_count": 0}
#: read once: Python 3.11 reads a member off its enumeration through EnumType.__getattr__
_COUNT = QuantityKind.COUNT


def check(ctx: RuleContext) -> Iterator[Problem]:
    min_count = Decimal(str(ctx.options.get("min_count", 0) or 0))
    taken: set[str] = set(ctx.evidence) | set(ctx.claims) | set(ctx.sources)
    offered: dict[tuple[str, str, int], ProblemFix] = {}  # one new evidence per sentence
    for claim, figure in every_claim_figure(ctx):
        m = figure.mention
        if figure.matches or figure.too_precise or figure.understated or figure.derived_by:
            continue
        if m.kind == _COUNT and m.magnitude < min_count:
            continue
        if m.vague:
            if claim.evidence:
                continue
            detail = "it is vague and the claim has no evidence"
        elif not claim.evidence:
            detail = "the claim has no evidence"
        else:
            detail = "no quote of " + ", ".join(dict.fromkeys(claim.evidence)) + " states it"
        related: tuple[RelatedRef, ...] = ()
        nearest = figure.nearest
        if nearest is not None:
            detail += (f"; closest: {nearest.evidence} says {shown(nearest.mention.text)!r}, "
                       f"{why(nearest.verdict)}")
            related = (RelatedRef(f"the quote says {shown(nearest.mention.text)!r}",
                                  node=nearest.evidence, kind="evidence",
                                  field=("quote", "exact")),)
        hint = ("cite evidence whose quote states this figure, or declare the quantity "
                "and a check that derives it from cited figures")
        fix = None
        # imported here: a check whose figures are all cited (most) never suggests, and the
        # module costs about 5 M instructions to import
        from argmap._verify.suggest import ranked, suggest

        found = suggest(ctx, claim, m) if not m.vague else []
        if found:
            hint = f"these sentences of the sources state it: {ranked(found)}; or {hint}"
            best = found[0]
            key = (claim.id, best.source, best.start)
            fix = offered.get(key)
            existing = _quoting(ctx, best.source, best.start, best.end)
            if fix is None and existing is not None:
                fix = offered[key] = ProblemFix(
                    f"cite the evidence {existing!r}, whose quote is in that sentence",
                    (NodeEdit("append", existing, claim.id, "claims", ("evidence",)),),
                    safe=False,
                )
            if fix is None:
                number = 1
                while f"E-{claim.id}-{number}" in taken:
                    number += 1
                new_id = f"E-{claim.id}-{number}"
                taken.add(new_id)
                fix = offered[key] = ProblemFix(
                    f"cite {best.source!r} with the new evidence {new_id!r}",
                    (NodeEdit("append", {"id": new_id, "source": best.source,
                                         "quote": {"exact": best.text}}, field=("evidence",)),
                     NodeEdit("append", new_id, claim.id, "claims", ("evidence",))),
                    safe=False,
                )
        yield Problem(
            f"figure {shown(m.text)!r} ({describe(m)}) is not cited: {detail}",
            node=claim.id,
            kind="claims",
            field=("text",),
            hint=hint,
            fix=fix,
            related=related,
            target=m.text,
            data={"figure": m.text, "reading": describe(m), "kind": m.kind.value,
                  "magnitude": str(m.magnitude)},
        )


def _quoting(ctx: RuleContext, source: str, start: int, end: int) -> str | None:
    """An evidence item whose quote anchors verbatim within ``start:end`` of the source."""
    for evidence in ctx.map.evidence:
        if evidence.quote is None or quote_holder(evidence) != source:
            continue
        result = anchor_evidence(ctx, evidence)
        if (result.verbatim and result.start is not None and result.end is not None
                and start <= result.start and result.end <= end):
            return evidence.id
    return None
