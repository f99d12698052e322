"""A source missing what a citation needs: a title, an issued date, and a way to find it.

A reader must be able to find the source: it needs a ``title``, an ``issued`` date and an
identifier (``URL``, ``DOI`` or ``ISBN``). One finding per source names everything missing.
A source that truly has no date (an undated web page) can carry
``ignore: [{code: AM408, reason: ...}]``.

FAIL::

    sources:
      - {id: S1, title: City report}

PASS::

    sources:
      - {id: S1, title: City report, issued: 2023-04, URL: "https://example.org/report"}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM408"
ID = "incomplete-citation"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for source in ctx.sources.values():
        missing = []
        if not (source.title and source.title.strip()):
            missing.append("title")
        if source.issued is None:
            missing.append("issued date")
        if not any(value and value.strip() for value in (source.url, source.doi, source.isbn)):
            missing.append("URL, DOI or ISBN")
        if not missing:
            continue
        yield Problem(
            f"source {source.id!r} lacks what a citation needs: {', '.join(missing)}",
            node=source.id,
            kind="sources",
            hint="add " + ", ".join(missing) + " (CSL-JSON fields title, issued, URL/DOI/ISBN)",
            data={"source": source.id, "missing": missing},
        )
