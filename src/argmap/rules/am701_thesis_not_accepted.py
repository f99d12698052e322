"""A thesis that is not accepted under the grounded labelling of the map.

argmap labels every claim ``in``, ``out`` or ``undecided`` from the attacks and undercuts in
the map (grounded semantics, see ``argmap.grounded_labelling``): a claim is ``in`` when every
attack on it fails, ``out`` when an attack on it stands. A thesis that is ``out`` is defeated
by an objection the map leaves standing; one that is ``undecided`` is caught in a circle of
attacks. The message gives the chain of attacks that decides it. Supports do not change
acceptance: they show why a claim is believed, not whether it survives its objections.

This is a warning, not an error: a map of a flawed text may rightly end with its thesis out.

FAIL::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: O1, kind: objection, text: It cost too much.}
    relations:
      - {id: R1, type: attacks, from: O1, to: T1}

PASS::

    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
      - {id: O1, kind: objection, text: It cost too much.}
      - {id: P1, text: A national fund paid most of it.}
    relations:
      - {id: R1, type: attacks, from: O1, to: T1}
      - {id: R2, type: attacks, from: P1, to: O1}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.argumentation import analysis_of, describe_chain, explain

CODE = "AM701"
ID = "thesis-not-accepted"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    theses = ctx.of_kind("thesis")
    if not theses:
        return
    analysis = analysis_of(ctx)
    for thesis in theses:
        label = analysis.claims.get(thesis.id, "undecided")
        if label == "in":
            continue
        steps = explain(ctx.map, thesis.id, analysis)
        related = tuple(
            RelatedRef(
                f"{step.relation} from {', '.join(step.premises)} ({step.status}) "
                f"{'undercuts' if step.undercut else 'attacks'} {step.target}",
                node=step.relation,
                kind="relations",
            )
            for step in steps
        )
        hint = (
            "answer the standing attack (attack or undercut it), or accept that the thesis falls"
            if label == "out"
            else "break the circle of attacks: one side must defeat the other"
        )
        yield Problem(
            f"thesis {thesis.id!r} is not accepted ({label}): {describe_chain(steps)}",
            node=thesis.id,
            kind="claims",
            hint=hint,
            related=related,
            data={"label": label, "chain": [s.relation for s in steps]},
        )
