"""A quote attributed to a source without a snapshot is verbatim in another source's snapshot.

The quote cannot be verified where the map says it comes from (AM407), yet its words are in
the text of another source of the map: it was copied from that text and attributed to the
wrong source, or ``via`` was left out (a paper quoting a press release holds the quote; set
``via`` to the paper). Either way the map points a reader to a source nobody checked while
the checkable one is at hand. Evidence re-pointed to another source makes a verified quote
silently unverifiable this way. A warning; ``--strict`` makes it an error. Only verbatim
occurrences of quotes of four words or more count.

FAIL::

    evidence:
      - {id: E1, source: S1, quote: {exact: "rose from 400 to 1,200 per weekday"}}
    sources:
      - {id: S1, title: Cycling survey}
      - {id: S2, title: City report, snapshot: {path: snapshots/s2.txt}}  # holds the quote

PASS::

    evidence:
      - {id: E1, source: S1, via: S2, quote: {exact: "rose from 400 to 1,200 per weekday"}}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._findings import Severity
from argmap._verify.anchor import quote_holder
from argmap._verify.elsewhere import found_elsewhere

CODE = "AM412"
ID = "quote-found-elsewhere"
SEVERITY = Severity.WARNING
OPTIONS: dict[str, Any] = {}


def check(ctx: RuleContext) -> Iterator[Problem]:
    # found_elsewhere's own first test, without a call per item: the holder is a source
    # without a snapshot; most maps have none, and then no quote is walked
    bare = {sid for sid, source in ctx.sources.items() if source.snapshot is None}
    if not bare:
        return
    for evidence in ctx.map.evidence:
        if evidence.quote is None or quote_holder(evidence) not in bare:
            continue
        found = found_elsewhere(ctx, evidence)
        if not found:
            continue
        holder = quote_holder(evidence)
        names = ", ".join(repr(s) for s in found)
        yield Problem(
            f"the quote of {evidence.id!r} is attributed to {holder!r}, which has no "
            f"snapshot, but it is verbatim in the snapshot of {names}",
            node=evidence.id,
            kind="evidence",
            field=("via",) if evidence.via else ("source",),
            hint=f"set via: {found[0]} (the source whose text holds the quote), or correct "
            "the source",
            related=tuple(RelatedRef("the source whose text holds it", node=s, kind="sources")
                          for s in found[:3]),
            data={"source": holder, "found_in": list(found)},
        )
