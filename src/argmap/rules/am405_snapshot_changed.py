"""A snapshot whose sha256 differs from the one recorded: the evidence quoting it is suspect.

``snapshot.sha256`` fingerprints the text the quotes were checked against (Doorstop's suspect
links, applied to sources). When the file changes, every evidence item whose quote it holds
is suspect until someone re-reads it, even if the quote is still found. One finding per
source, at its recorded fingerprint, with both hashes and how many evidence items quote it
(named in the message). Fix (unsafe, ``--fix --unsafe-fixes``): record the file's new
sha256, once the quotes have been re-read against the new text.

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

from argmap._engine.context import NodeEdit, Problem, ProblemFix, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder

CODE = "AM405"
ID = "snapshot-changed"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    """The evidence is grouped by the snapshot it quotes only when one has changed (a walk
    of 133,000 items at 100,000 claims, for none)."""
    quoting: dict[str, list[str]] | None = None
    for source in ctx.sources.values():
        if source.snapshot is None or source.snapshot.sha256 is None:
            continue
        snapshot = ctx.snapshot(source.id)
        if snapshot is None or snapshot.sha256 == source.snapshot.sha256:
            continue
        if quoting is None:  # the first changed snapshot
            quoting = {}
            for evidence in ctx.map.evidence:
                quoting.setdefault(quote_holder(evidence), []).append(evidence.id)
        path, recorded, actual = source.snapshot.path, source.snapshot.sha256, snapshot.sha256
        items = list(dict.fromkeys(quoting.get(source.id, [])))
        if items:
            shown = ", ".join(repr(item) for item in items[:5])
            more = f" and {len(items) - 5} more" if len(items) > 5 else ""
            suspect = (f"; {len(items)} evidence item{'s' if len(items) != 1 else ''} quoting "
                       f"it {'are' if len(items) != 1 else 'is'} suspect ({shown}{more})")
        else:
            suspect = ""
        yield Problem(
            f"the snapshot of {source.id!r} ({path}) changed since it was recorded "
            f"(recorded sha256 {recorded}, file now {actual}){suspect}",
            node=source.id,
            kind="sources",
            field=("snapshot", "sha256"),
            hint=_hint(actual),
            related=tuple(RelatedRef("quotes the changed snapshot", node=item, kind="evidence",
                                     field=("quote",)) for item in items[:3]),
            data={"source": source.id, "recorded": recorded, "actual": actual,
                  "evidence": items},
            fix=ProblemFix(f"record the new sha256 of {path}",
                           (NodeEdit("set", actual, source.id, "sources",
                                     ("snapshot", "sha256")),), safe=False),
        )


def _hint(actual: str) -> str:
    return (f"re-read the quotes against the new text (`git diff` the snapshot), then record "
            f"its fingerprint: sha256: {actual} (`argmap check --fix --unsafe-fixes` writes it)")
