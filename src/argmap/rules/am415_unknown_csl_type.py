"""A source's ``type`` is not one of the 45 item types of CSL 1.0.2.

Citation styles format an item by its type; a type they do not know is printed as a plain
document, so a newspaper article loses its newspaper. BibTeX and other tools name types
differently (``article`` is a CSL type, ``inproceedings`` is not: CSL says
``paper-conference``). The hint names the nearest CSL type.

FAIL::

    sources:
      - {id: S1, type: newspaper-article, title: Lanes open}

PASS::

    sources:
      - {id: S1, type: article-newspaper, title: Lanes open}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._model import CSL_TYPES
from argmap._verify.csl import nearest

CODE = "AM415"
ID = "unknown-csl-type"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for index, source in enumerate(ctx.map.sources):
        if source.type in CSL_TYPES:
            continue
        close = nearest(source.type, CSL_TYPES, cutoff=50.0)
        yield Problem(
            f"source {source.id!r} has the type {source.type!r}, which is no CSL item type; "
            "citation styles will print it as a plain document",
            node=source.id,
            kind="sources",
            path=("sources", index, "type"),
            hint=f"did you mean {close!r}?" if close else "see the CSL item types",
            data={"source": source.id, "type": source.type, "nearest": close},
        )
