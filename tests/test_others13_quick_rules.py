"""Four structure and snapshot rules take a quick pass before their walk, held to round twelve.

AM212 stops walking the evidence once every source is cited; AM213 tests in C that every
item is cited; AM217 builds no list for a premise without incoming relations; AM405 groups
the evidence by snapshot only once one has changed. Each rule's check of round twelve is
kept here and must give the same problems, in the same order, on hostile maps (IDs that
repeat, dangling references, every relation type).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._load.snapshots import SnapshotText
from argmap._model import ArgumentMap
from argmap._verify.anchor import quote_holder
from argmap.rules import (
    am212_unused_source,
    am213_unused_evidence,
    am217_supported_premise,
    am405_snapshot_changed,
)
from argmap.rules.am405_snapshot_changed import NodeEdit, ProblemFix, _hint

_POOL = st.sampled_from(["A", "B", "C", "D", "S1", "S2", "E1", "X"])
_SHA = st.sampled_from(["0" * 64, "1" * 64, "a" * 64])


@st.composite
def _maps(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, str | None]]:
    def ids(least: int, most: int) -> list[str]:
        return draw(st.lists(_POOL, min_size=least, max_size=most))

    sources = []
    files: dict[str, str | None] = {}  # source ID -> the sha256 of its file (None: unread)
    for source_id in ids(0, 4):
        source: dict[str, Any] = {"id": source_id}
        if draw(st.booleans()):
            source["snapshot"] = {"path": f"{source_id}.txt",
                                  **({"sha256": draw(_SHA)} if draw(st.booleans()) else {})}
            files[source_id] = draw(st.one_of(st.none(), _SHA))
        sources.append(source)
    evidence = [{"id": i, "source": draw(_POOL),
                 **({"via": draw(_POOL)} if draw(st.booleans()) else {})} for i in ids(0, 5)]
    kinds = st.sampled_from(["claim", "premise", "thesis", "objection", "assumption"])
    claims = [{"id": i, "text": "t", "kind": draw(kinds),
               "evidence": draw(st.lists(_POOL, max_size=2))} for i in ids(1, 5)]
    types = st.sampled_from(["supports", "attacks", "contradicts", "undercuts"])
    relations = [{"id": f"R{n}", "type": draw(types),
                  "from": draw(st.lists(_POOL, min_size=1, max_size=3)), "to": draw(_POOL)}
                 for n in range(draw(st.integers(0, 8)))]
    data = {"title": "m", "format": 2, "sources": sources, "evidence": evidence,
            "claims": claims, "relations": relations}
    if draw(st.booleans()):
        data["subject"] = draw(_POOL)
    return data, files


class _Context(RuleContext):
    """A context whose snapshots are the drawn files: only their fingerprints are read."""

    files: dict[str, str | None]

    def snapshot(self, source_id: str) -> SnapshotText | None:
        sha = self.files.get(source_id)
        return None if sha is None else SnapshotText(Path(f"{source_id}.txt"), "", sha)


def _context(data: dict[str, Any], files: dict[str, str | None]) -> _Context:
    ctx = _Context(ArgumentMap.model_validate(data))
    ctx.files = files
    return ctx


def _am212_reference(ctx: RuleContext) -> Iterator[Problem]:
    """AM212's check of round twelve."""
    used = {ctx.map.subject} if ctx.map.subject else set()
    for item in ctx.map.evidence:
        used.add(item.source)
        if item.via is not None:
            used.add(item.via)
    for source_id in ctx.sources:
        if source_id not in used:
            yield Problem(
                f"source {source_id!r} is not cited by any evidence",
                node=source_id,
                kind="sources",
                hint="cite it through an evidence item, or remove it",
            )


def _am213_reference(ctx: RuleContext) -> Iterator[Problem]:
    """AM213's check of round twelve."""
    used = ctx.evidence_users
    for evidence_id in ctx.evidence:
        if evidence_id not in used:
            yield Problem(
                f"evidence {evidence_id!r} is not cited by any claim",
                node=evidence_id,
                kind="evidence",
                hint="list it in the `evidence` of the claim it backs, or remove it",
            )


def _am217_reference(ctx: RuleContext) -> Iterator[Problem]:
    """AM217's check of round twelve."""
    for claim in ctx.of_kind("premise"):
        supports = [r for r in ctx.incoming.get(claim.id, ()) if r.type == "supports"]
        if not supports:
            continue
        names = ", ".join(repr(r.id) for r in supports)
        yield Problem(
            f"premise {claim.id!r} is supported by {names}; a premise with incoming support "
            "is a claim",
            node=claim.id,
            kind="claims",
            field=("kind",),
            hint="make it `kind: claim` (an intermediate conclusion), or reverse the relation "
            "if the premise was meant to support the other claim",
            related=tuple(
                RelatedRef(f"{', '.join(map(repr, r.from_))} supports it through {r.id!r}",
                           node=r.id, kind="relations", field=("to",))
                for r in supports
            ),
            data={"relations": [r.id for r in supports]},
        )


def _am405_reference(ctx: RuleContext) -> Iterator[Problem]:
    """AM405's check of round twelve."""
    quoting: dict[str, list[str]] = {}
    for evidence in ctx.map.evidence:
        quoting.setdefault(quote_holder(evidence), []).append(evidence.id)
    for source in ctx.sources.values():
        if source.snapshot is None or source.snapshot.sha256 is None:
            continue
        snapshot = ctx.snapshot(source.id)
        if snapshot is None or snapshot.sha256 == source.snapshot.sha256:
            continue
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


_PAIRS = [(am212_unused_source.check, _am212_reference),
          (am213_unused_evidence.check, _am213_reference),
          (am217_supported_premise.check, _am217_reference),
          (am405_snapshot_changed.check, _am405_reference)]


@settings(max_examples=300, deadline=None)
@given(_maps())
def test_each_rule_reports_what_round_twelve_did(drawn: tuple[dict[str, Any],
                                                             dict[str, str | None]]) -> None:
    data, files = drawn
    for check, reference in _PAIRS:
        new = [repr(problem) for problem in check(_context(data, files))]
        old = [repr(problem) for problem in reference(_context(data, files))]
        assert new == old, check.__module__
