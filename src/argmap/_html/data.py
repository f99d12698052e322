"""What the HTML map shows, gathered from a finished check as plain JSON-ready data.

The page's script draws nothing from the map itself: everything it shows (claims, relations,
figures as read, evidence with the snapshot text around each anchored quote, grounded status
with its attack chain, findings) is computed here, from the rule context of the check, so the
quote anchorings and the grounded analysis are the ones the rules made, not computed again.
Every value is a string, number, boolean, list or object; the page puts strings into the
document only as text (``textContent``), never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._engine.context import RuleContext
    from argmap._findings import Finding
    from argmap._model import ArgumentMap, Evidence, Source

__all__ = ["CONTEXT_CHARS", "page_data"]

#: How much snapshot text to show on each side of an anchored quote (code points).
CONTEXT_CHARS = 240
#: A quote longer than this is cut in the middle for the page (the rest is in the map file).
MAX_SPAN = 4_000


def _where(finding: Finding) -> str:
    location = finding.location
    if location is None:
        return ""
    return f"{PurePath(location.file).name}:{location.line}:{location.column}"


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": finding.message,
        "hint": finding.hint or "",
        "node": finding.node or "",
        "target": finding.target or "",
        "where": _where(finding),
        "suppressed": finding.suppressed or "",
    }


def _source(source: Source | None) -> dict[str, Any]:
    from argmap._render.dot import citation

    if source is None:
        return {}
    names = []
    for person in source.author or []:
        name = " ".join(p for p in (person.given, person.family) if p) or person.literal or ""
        if name:
            names.append(name)
    return {
        "id": source.id,
        "cite": citation(source),
        "title": source.title or "",
        "authors": names,
        "container": source.container_title or source.publisher or "",
        "url": source.url or "",
    }


def _context(ctx: RuleContext, evidence: Evidence) -> dict[str, Any]:
    """The anchoring of the evidence's quote, and the snapshot text around it."""
    from argmap._verify.anchor import anchor_evidence

    result = anchor_evidence(ctx, evidence)
    data: dict[str, Any] = {
        "status": result.status.value,
        "similarity": round(result.similarity, 3),
        "reason": result.reason or "",
        "snapshot": result.source or "",
    }
    if result.start is None or result.end is None or result.source is None:
        return data
    snapshot = ctx.snapshot(result.source)
    if snapshot is None:
        return data
    text = snapshot.text
    start, end = result.start, result.end
    span = text[start:end]
    if len(span) > MAX_SPAN:
        half = MAX_SPAN // 2
        span = span[:half] + " … " + span[-half:]
    data.update(
        {
            "start": start,
            "end": end,
            "before": text[max(0, start - CONTEXT_CHARS) : start],
            "span": span,
            "after": text[end : end + CONTEXT_CHARS],
            "cut_before": start > CONTEXT_CHARS,
            "cut_after": end + CONTEXT_CHARS < len(text),
        }
    )
    return data


def _evidence(ctx: RuleContext, item: Evidence) -> dict[str, Any]:
    sources = ctx.sources
    return {
        "id": item.id,
        "source": _source(sources.get(item.source)),
        "via": _source(sources.get(item.via)) if item.via else {},
        "locator": item.locator.describe() if item.locator is not None else "",
        "quote": item.quote.exact if item.quote is not None else "",
        "period": item.period or "",
        "note": item.note or "",
        "anchor": _context(ctx, item) if item.quote is not None else {},
    }


def _status(argmap: ArgumentMap, claim: str, analysis: Any) -> dict[str, Any]:
    from argmap._verify.argumentation import describe_chain, explain

    label = analysis.claims.get(claim, "undecided")
    steps = explain(argmap, claim, analysis) if label != "in" else []
    return {
        "label": label,
        "reason": describe_chain(steps),
        "chain": [
            {
                "relation": s.relation,
                "premises": list(s.premises),
                "status": s.status,
                "target": s.target,
                "undercut": s.undercut,
            }
            for s in steps
        ],
    }


def _findings_by_node(ctx: RuleContext, findings: Sequence[Finding]) -> dict[str, list[int]]:
    """Finding indexes by the claim they are shown on (evidence and relations: their claims)."""
    claims = ctx.claims
    users = ctx.evidence_users
    relations = ctx.relations
    shown: dict[str, list[int]] = {}
    for number, finding in enumerate(findings):
        node = finding.node
        if node is None:
            continue
        if node in claims:
            on = [node]
        elif node in users:
            on = [c.id for c in users[node]]
        elif node in relations:
            on = [relations[node].to] if relations[node].to in claims else []
        else:
            on = []
        for claim in dict.fromkeys(on):
            shown.setdefault(claim, []).append(number)
    return shown


def page_data(ctx: RuleContext, findings: Sequence[Finding]) -> dict[str, Any]:
    """Everything the page shows, in map order (deterministic for the same map and findings)."""
    from argmap._output.report import figure_rows
    from argmap._verify.argumentation import analysis_of

    argmap = ctx.map
    analysis = analysis_of(ctx)
    figures: dict[str, list[dict[str, str]]] = {}
    for row in figure_rows(argmap):
        figures.setdefault(row.claim, []).append(
            {"id": row.quantity, "text": row.text, "value": row.value, "period": row.period}
        )
    by_node = _findings_by_node(ctx, findings)
    sections = ctx.sections
    claims = []
    seen: set[str] = set()
    for claim in argmap.claims:
        if claim.id in seen:  # a duplicate ID (AM201) is drawn once, as its first claim
            continue
        seen.add(claim.id)
        section = sections.get(claim.section) if claim.section else None
        claims.append(
            {
                "id": claim.id,
                "kind": str(claim.kind.value),
                "title": claim.title or "",
                "text": claim.text,
                "section": section.title if section is not None else (claim.section or ""),
                "tags": list(claim.tags),
                "period": claim.period or "",
                "note": claim.note or "",
                "evidence": list(dict.fromkeys(claim.evidence)),
                "figures": figures.get(claim.id, []),
                "status": _status(argmap, claim.id, analysis),
                "findings": by_node.get(claim.id, []),
            }
        )
    evidence: dict[str, Any] = {}
    for item in argmap.evidence:
        if item.id not in evidence:
            evidence[item.id] = _evidence(ctx, item)
    relations = [
        {
            "id": r.id,
            "type": str(r.type.value),
            "from": list(dict.fromkeys(r.from_)),
            "to": r.to,
            "label": r.label or r.scheme or "",
        }
        for r in argmap.relations
    ]
    return {
        "title": argmap.title,
        "claims": claims,
        "relations": relations,
        "evidence": evidence,
        "findings": [_finding(f) for f in findings],
    }
