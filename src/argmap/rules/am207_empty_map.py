"""A map with no claims at all.

An empty map checks clean under every other rule, which hides a file that lost its content
(a bad merge, a wrong path in a generator). It is an error so CI notices.

FAIL::

    title: Draft
    claims: []

PASS::

    title: Draft
    claims:
      - {id: T1, kind: thesis, text: The lane was worth building.}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM207"
ID = "empty-map"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    if not ctx.map.claims:
        data = ctx.origin.combined_data() if ctx.origin is not None else {}
        yield Problem(
            "the map has no claims",
            path=(),
            field=("claims",) if "claims" in data else (),
            hint="add the thesis and the claims that support it under `claims:`",
        )
