"""A source uses a key that is no variable of the CSL 1.0.2 data schema.

Sources are CSL-JSON items, so a Zotero, Pandoc or citeproc user can bring a library as it
is. A key CSL does not know is kept in the file and in the model (so nothing is lost and the
map still loads), but no citation processor will read it: it is usually a misspelling
(``titel``), another tool's name for a variable (``journal`` for ``container-title``), or a
variable of a later CSL release. The hint names the nearest valid key. ``snapshot`` and
``ignore`` are argmap's own keys and count as known.

FAIL::

    sources:
      - {id: S1, type: report, title: City report, publisherr: City of Springfield}

PASS::

    sources:
      - {id: S1, type: report, title: City report, publisher: City of Springfield}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._verify.csl import unknown_keys

CODE = "AM413"
ID = "unknown-csl-variable"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    for index, source in enumerate(ctx.map.sources):
        for found in unknown_keys(source):
            yield Problem(
                f"source {source.id!r} has the key {found.key!r}, which is no CSL-JSON "
                "variable; it is kept but no citation processor reads it",
                node=source.id,
                kind="sources",
                path=("sources", index, *found.path),
                hint=f"did you mean {found.hint!r}?" if found.hint else
                "see the variables of the CSL data schema (docs/format.md, Sources)",
                data={"source": source.id, "key": found.key, "nearest": found.hint},
                target=found.key,
            )
