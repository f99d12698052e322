"""A reference names a node of the wrong kind: evidence or a source as a premise, and the like.

IDs share one namespace, so ``from: E1`` finds evidence E1, but a relation connects claims:
evidence backs a claim through the claim's ``evidence`` list, and a source is cited through
an evidence item that quotes it. The rule checks every reference whose target exists but has
the wrong kind (a reference to nothing at all is AM202):

- a relation's premises (``from``) must be claims;
- ``supports`` and ``attacks`` point at a claim; to contest an inference, ``undercuts`` a
  relation instead (and ``undercuts`` must point at a relation, not at a claim);
- a claim's ``evidence`` names evidence items, an evidence item's ``source``/``via`` name
  sources, a ``section`` or ``parent`` names a section.

Format 2 widens three targets: ``undercuts`` may point at a claim of kind ``argument`` (the
argument as a whole), ``supports`` at a relation (backing for an inference), and ``prefers``
may rank relations as well as claims.

Allowed on purpose: a ``supports`` relation may target an objection (an objection has
reasons of its own, and a map that records them is more honest, not less). Whether a claim's
*kind* fits the relations it takes part in is for the kind rules: a thesis as a premise
(AM215), a claim with neither support nor evidence (AM216), a premise with support (AM217),
an objection that supports (AM218) or attacks nothing (AM219). The finding's target (for an
``ignore`` entry) is the ID named.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building., evidence: [S1]}
    relations:
      - {id: R1, type: supports, from: E1, to: T1}
    evidence:
      - {id: E1, source: S1, quote: {exact: Cycling tripled.}}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building., evidence: [E1]}
    evidence:
      - {id: E1, source: S1, quote: {exact: Cycling tripled.}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap.rules._shared import first_kind, references

CODE = "AM203"
ID = "wrong-kind-reference"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}

_NAMES = {
    "claims": "claim",
    "relations": "relation",
    "evidence": "evidence item",
    "sources": "source",
    "sections": "section",
    "checks": "check",
    "quantities": "quantity",
}

_HINTS = {
    ("premise", "evidence"): "list evidence on the claim it backs (the claim's `evidence`), "
    "not as a premise",
    ("premise", "sources"): "cite a source through an evidence item that quotes it, listed on "
    "the claim it backs",
    ("premise", "relations"): "a relation cannot be a premise; state its conclusion as a claim",
    ("target", "relations"): "to contest an inference, use `type: undercuts` against it",
    ("target", "evidence"): "relations connect claims; state what the evidence shows as a claim",
    ("target", "sources"): "relations connect claims; cite the source through an evidence item",
    ("undercut", "claims"): "to contest a claim, use `type: attacks`; undercuts target a relation",
    ("evidence", "claims"): "relate claims with a `supports` relation; `evidence` lists "
    "evidence items",
    ("evidence", "sources"): "add an evidence item that quotes the source and cite that",
}


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def check(ctx: RuleContext) -> Iterator[Problem]:
    for reference in references(ctx):
        actual = first_kind(ctx, reference.target)
        if actual is None or actual == reference.expected:
            continue
        expected = _NAMES[reference.expected]
        # located by data path, not by ID: with duplicate IDs, the node meant is this one
        yield Problem(
            f"{reference.label} {reference.target!r} is {_a(_NAMES[actual])}, "
            f"not {_a(expected)}",
            node=reference.node,
            path=reference.path,
            field=reference.field,
            target=reference.target,
            hint=_HINTS.get((reference.role, actual), f"name {_a(expected)} here"),
            related=(RelatedRef(f"{reference.target!r} is defined here", node=reference.target,
                                kind=actual),),
        )
