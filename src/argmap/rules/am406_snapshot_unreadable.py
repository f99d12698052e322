"""A source's snapshot that cannot be read: missing, not UTF-8, or outside the map's folder.

Snapshot paths are relative to the map's folder and must stay inside it: an absolute path, a
path that climbs out with ``..``, or a symlink that leads outside is refused (a map from an
untrusted pull request must not make the checker read ``/etc/passwd``), and so is a file that
does not exist or is not UTF-8 text. Every quote of that source then goes unchecked.

FAIL::

    sources:
      - id: S1
        snapshot: {path: ../../etc/passwd}

PASS::

    sources:
      - id: S1
        snapshot: {path: snapshots/s1.txt}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity

CODE = "AM406"
ID = "snapshot-unreadable"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    if ctx.origin is None:  # a map built in Python has no folder to read snapshots from
        return
    for source in ctx.sources.values():
        if source.snapshot is None:
            continue
        problem = ctx.snapshot_problem(source.id)
        if problem is None:
            continue
        yield Problem(
            f"the snapshot of source {source.id!r} cannot be used: {problem}",
            node=source.id,
            kind="sources",
            field=("snapshot", "path"),
            hint="give a path relative to the map's folder, to a UTF-8 text file inside it",
            data={"source": source.id, "path": source.snapshot.path, "problem": problem},
        )
