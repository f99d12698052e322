"""A source that no evidence cites and that is not the map's subject.

An uncited source is either left over from an earlier draft or a sign that the evidence
citing it was lost. A source counts as used when an evidence item names it in ``source`` or
``via``, or when it is the map's ``subject`` (the document the map analyses).

FAIL::

    subject: S1
    evidence:
      - {id: E1, source: S1, quote: {exact: Cycling tripled.}}
    sources:
      - {id: S1, title: City report}
      - {id: S2, title: Old draft}

PASS::

    sources:
      - {id: S1, title: City report}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM212"
ID = "unused-source"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """The evidence is walked until every source is cited: a map of 100,000 claims cites its
    400 sources in its first few thousand of 133,000 items."""
    unused = set(ctx.sources)
    if ctx.map.subject:
        unused.discard(ctx.map.subject)
    discard = unused.discard
    for item in ctx.map.evidence:
        if not unused:
            break
        discard(item.source)
        if item.via is not None:
            discard(item.via)
    for source_id in ctx.sources:
        if source_id in unused:
            yield Problem(
                f"source {source_id!r} is not cited by any evidence",
                node=source_id,
                kind="sources",
                hint="cite it through an evidence item, or remove it",
            )
