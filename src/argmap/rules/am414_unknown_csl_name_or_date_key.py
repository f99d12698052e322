"""A name or a date of a source has a key the CSL data schema does not define.

A CSL name has ``family``, ``given``, ``literal``, particles, ``suffix`` and three flags; a
CSL date has ``date-parts``, ``season``, ``circa``, ``literal`` and ``raw``. Any other key
is kept but ignored by citation processors, so the name or date they print is not the one
the file seems to say (``first:`` instead of ``given:`` drops the given name). The hint
names the nearest valid key.

FAIL::

    sources:
      - {id: S1, title: City report, author: [{family: Lee, first: Ann}]}

PASS::

    sources:
      - {id: S1, title: City report, author: [{family: Lee, given: Ann}]}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.csl import unknown_part_keys

CODE = "AM414"
ID = "unknown-csl-name-or-date-key"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for index, source in enumerate(ctx.map.sources):
        for found in unknown_part_keys(source):
            field = str(found.path[0])
            where = f"a name in {field!r}" if len(found.path) > 2 else f"the date {field!r}"
            yield Problem(
                f"{where} of source {source.id!r} has the key {found.key!r}, which a "
                "CSL-JSON name or date does not have; it is kept but ignored",
                node=source.id,
                kind="sources",
                path=("sources", index, *found.path),
                hint=f"did you mean {found.hint!r}?" if found.hint else None,
                data={"source": source.id, "key": found.key, "nearest": found.hint},
                target=found.key,
            )
