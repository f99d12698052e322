"""A snapshot whose sha256 differs from the one recorded: the evidence quoting it is suspect.

``snapshot.sha256`` fingerprints the text the quotes were checked against (Doorstop's suspect
links, applied to sources). When the file changes, every evidence item whose quote it holds
is suspect until someone re-reads it, even if the quote is still found. One finding per
evidence item (a source no evidence quotes gets one finding of its own), with both hashes.

FAIL::

    sources:
      - id: S1
        snapshot: {path: snapshots/s1.txt, sha256: 0000...0000}   # the file's hash differs

PASS::

    sources:
      - id: S1
        snapshot: {path: snapshots/s1.txt, sha256: <sha256sum of snapshots/s1.txt>}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder

CODE = "AM405"
ID = "snapshot-changed"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    changed: dict[str, tuple[str, str, str]] = {}
    for source in ctx.sources.values():
        if source.snapshot is None or source.snapshot.sha256 is None:
            continue
        snapshot = ctx.snapshot(source.id)
        if snapshot is not None and snapshot.sha256 != source.snapshot.sha256:
            changed[source.id] = (source.snapshot.path, source.snapshot.sha256, snapshot.sha256)
    if not changed:
        return
    quoted: set[str] = set()
    for evidence in ctx.map.evidence:
        holder = quote_holder(evidence)
        if holder not in changed:
            continue
        quoted.add(holder)
        path, recorded, actual = changed[holder]
        yield Problem(
            f"evidence {evidence.id!r} is suspect: the snapshot of {holder!r} ({path}) changed "
            f"since it was recorded (recorded sha256 {recorded}, file now {actual})",
            node=evidence.id,
            kind="evidence",
            field=("via",) if evidence.via else ("source",),
            hint=_hint(actual),
            related=(RelatedRef("the recorded fingerprint", node=holder, kind="sources",
                                field=("snapshot", "sha256")),),
            data={"source": holder, "recorded": recorded, "actual": actual},
        )
    for source_id, (path, recorded, actual) in changed.items():
        if source_id in quoted:
            continue
        yield Problem(
            f"the snapshot of {source_id!r} ({path}) changed since it was recorded "
            f"(recorded sha256 {recorded}, file now {actual})",
            node=source_id,
            kind="sources",
            field=("snapshot", "sha256"),
            hint=_hint(actual),
            data={"source": source_id, "recorded": recorded, "actual": actual},
        )


def _hint(actual: str) -> str:
    return (f"re-read the quotes against the new text, then record its fingerprint: "
            f"sha256: {actual} (`sha256sum <file>` prints it)")
