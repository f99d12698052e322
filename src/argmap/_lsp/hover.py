"""What hovering shows: a node by its ID, a figure of a claim's text, an evidence item's
quote where it anchors in its snapshot. Every string from the map goes through the one
Markdown escaper (:func:`argmap._output.markdown.inline`), as in the report."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap._output.markdown import code_span, inline

if TYPE_CHECKING:
    from argmap._engine.context import RuleContext
    from argmap._load.positions import PositionIndex
    from argmap._lsp.symbols import Occurrence
    from argmap._lsp.workspace import MapState
    from argmap._model import Claim, Evidence
    from argmap._verify.compare import ClaimFigure

__all__ = ["figure_at", "hover_text"]

#: Characters of snapshot text shown on each side of an anchored quote.
CONTEXT_CHARS = 160


def hover_text(analysis: MapState, file: str, line: int, column: int) -> str | None:
    """Markdown for the cursor at 1-based ``line``, 0-based code point ``column``."""
    symbols = analysis.symbols
    occurrence = symbols.at(file, line, column) if symbols is not None else None
    ctx = analysis.context
    if occurrence is not None:
        if ctx is None:
            return _unchecked(occurrence)
        return _node(ctx, occurrence.id)
    if ctx is None:
        return None
    found = figure_at(analysis, file, line, column)
    if found is None:
        return None
    claim, figure = found
    return _figure(claim, figure)


def _unchecked(occurrence: Occurrence) -> str:
    return (f"**{inline(occurrence.kind)}** {code_span(occurrence.id)}\n\n"
            "The map does not load yet; see its diagnostics.")


def _node(ctx: RuleContext, node_id: str) -> str | None:
    if node_id in ctx.claims:
        return _claim(ctx, ctx.claims[node_id])
    if node_id in ctx.evidence:
        return _evidence(ctx, ctx.evidence[node_id])
    if node_id in ctx.sources:
        source = ctx.sources[node_id]
        lines = [f"**source** {code_span(source.id)} ({inline(source.type)})"]
        if source.title:
            lines.append(inline(source.title))
        if source.snapshot is not None:
            lines.append(f"snapshot: {code_span(source.snapshot.path)}")
        users = [e.id for e in ctx.map.evidence if source.id in (e.source, e.via)]
        lines.append("cited by: " + (", ".join(code_span(u) for u in users) or "no evidence"))
        return "\n\n".join(lines)
    if node_id in ctx.relations:
        relation = ctx.relations[node_id]
        premises = ", ".join(code_span(p) for p in relation.from_)
        return (f"**relation** {code_span(relation.id)}: {premises} "
                f"*{inline(relation.type.value)}* {code_span(relation.to)}")
    if node_id in ctx.sections:
        section = ctx.sections[node_id]
        return f"**section** {code_span(section.id)}: {inline(section.title)}"
    if node_id in ctx.checks:
        check = ctx.checks[node_id]
        return f"**check** {code_span(node_id)} ({inline(check.type)})"
    if node_id in ctx.quantities:
        claim, quantity = ctx.quantities[node_id]
        unit = f" {quantity.unit}" if quantity.unit else ""
        return (f"**quantity** {code_span(node_id)} of claim {code_span(claim.id)}: "
                f"{inline(quantity.value)}{inline(unit)} ({inline(quantity.kind.value)})")
    return f"{code_span(node_id)} is not defined in this map"


def _claim(ctx: RuleContext, claim: Claim) -> str:
    from argmap._verify.argumentation import grounded_labelling

    labels = ctx.memo(("lsp-grounded",), lambda: dict(grounded_labelling(ctx.map)))
    status = labels.get(claim.id, "undecided")
    lines = [f"**{inline(claim.kind.value)}** {code_span(claim.id)}", inline(claim.text),
             f"grounded: **{inline(status)}** "
             f"({'accepted' if status == 'in' else 'rejected' if status == 'out' else 'open'}"
             " under grounded semantics)"]
    if claim.evidence:
        lines.append("evidence: " + ", ".join(code_span(e) for e in claim.evidence))
    incoming = ctx.incoming.get(claim.id, [])
    if incoming:
        lines.append("; ".join(
            f"{inline(r.type.value)} from " + ", ".join(code_span(p) for p in r.from_)
            for r in incoming))
    for relation in ctx.outgoing.get(claim.id, []):
        lines.append(f"{inline(relation.type.value)} {code_span(relation.to)} "
                     f"({code_span(relation.id)})")
    return "\n\n".join(lines)


def _evidence(ctx: RuleContext, evidence: Evidence) -> str:
    from argmap._verify.anchor import AnchorStatus, anchor_evidence, quote_holder

    holder = quote_holder(evidence)
    lines = [f"**evidence** {code_span(evidence.id)} from source {code_span(holder)}"]
    if evidence.locator is not None:
        where = ", ".join(f"{k} {v}" for k, v in evidence.locator.model_dump(
            exclude_none=True).items())
        if where:
            lines.append(f"locator: {inline(where)}")
    if evidence.quote is None:
        lines.append("no quote")
        return "\n\n".join(lines)
    result = anchor_evidence(ctx, evidence)
    if result.status in (AnchorStatus.NOT_FOUND, AnchorStatus.UNCHECKED):
        lines.append(f"quote {inline(result.status.value)}"
                     + (f": {inline(result.reason)}" if result.reason else ""))
        lines.append("> " + inline(evidence.quote.exact))
        return "\n\n".join(lines)
    at = f" at characters {result.start}-{result.end}" if result.start is not None else ""
    lines.append(f"quote anchors ({inline(result.status.value)}){at} in the snapshot:")
    lines.append("> " + _in_context(ctx, holder, result.start, result.end, result.text or ""))
    return "\n\n".join(lines)


def _in_context(ctx: RuleContext, source: str, start: int | None, end: int | None,
                found: str) -> str:
    """The anchored passage in bold, with the snapshot's text around it."""
    from argmap._verify.anchor import index_for

    snapshot = index_for(ctx, source)
    if snapshot is None or start is None or end is None:
        return f"**{inline(found)}**"
    text = snapshot.original
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    lead = "…" if start > CONTEXT_CHARS else ""
    tail = "…" if end + CONTEXT_CHARS < len(text) else ""
    return f"{lead}{inline(before)}**{inline(text[start:end])}**{inline(after)}{tail}"


def _figure(claim: Claim, figure: ClaimFigure) -> str:
    from argmap._verify.compare import describe, shown, why

    m = figure.mention
    lines = [f"**figure** {code_span(shown(m.text))} in claim {code_span(claim.id)}",
             f"read as: {inline(describe(m))} ({inline(m.kind.value)}"
             + (f", {inline(m.qualifier.value)}" if m.qualifier.value != "exact" else "")
             + (", vague" if m.vague else "") + ")"]
    if figure.quantity:
        lines.append(f"declared as quantity {code_span(figure.quantity)}")
    if figure.derived_by:
        lines.append(f"derived by check {code_span(figure.derived_by)}")
    if figure.matches:
        lines.append("cited by: " + "; ".join(
            f"{code_span(s.evidence)} ({inline(shown(s.mention.text))})" for s in figure.matches))
    elif not figure.derived_by:
        lines.append("cited by: no evidence")
    if figure.too_precise:
        lines.append("more precise than: " + "; ".join(
            f"{code_span(s.evidence)} ({inline(shown(s.mention.text))})"
            for s in figure.too_precise))
    if figure.nearest is not None and not figure.matches:
        near = figure.nearest
        lines.append(f"closest: {code_span(near.evidence)} says "
                     f"{inline(shown(near.mention.text))}, {inline(why(near.verdict))}")
    return "\n\n".join(lines)


# --- finding the figure under the cursor ------------------------------------------------------


def figure_at(analysis: MapState, file: str, line: int, column: int
              ) -> tuple[Claim, ClaimFigure] | None:
    """The figure of a claim's text under the cursor, found in the file's text."""
    from argmap._verify.compare import claim_figures

    ctx = analysis.context
    origin = analysis.origin
    if ctx is None or origin is None or origin.map_file.display != file:
        return None
    parsed = origin.map_file
    lines = parsed.text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    starts = [0]
    for text_line in lines:
        starts.append(starts[-1] + len(text_line) + 1)
    cursor = starts[line - 1] + column
    for index, claim in enumerate(ctx.map.claims):
        region = _value_region(parsed.positions, ("claims", index, "text"), lines, starts)
        if region is None or not region[0] <= cursor <= region[1]:
            continue
        written = parsed.text[region[0]:region[1]]
        for figure in claim_figures(ctx, claim):
            pattern = r"\s+".join(re.escape(word) for word in figure.mention.text.split())
            if not pattern:
                continue
            for match in re.finditer(pattern, written):
                if region[0] + match.start() <= cursor <= region[0] + match.end():
                    return claim, figure
        return None
    return None


def _value_region(positions: PositionIndex, path: tuple[str | int, ...], lines: list[str],
                  starts: list[int]) -> tuple[int, int] | None:
    """Code point offsets of a scalar value in the file's text: from its first character to
    the end of its last line (the lines after the first that are indented deeper than the
    key, for a block or multi-line scalar)."""
    value = positions.locate(path)
    key = positions.locate(path, "key")
    if value.line == key.line and value.column == key.column:
        return None  # no such value
    key_indent = len(lines[key.line - 1]) - len(lines[key.line - 1].lstrip(" "))
    last = value.line
    while last < len(lines):
        following = lines[last]
        if following.strip() and len(following) - len(following.lstrip(" ")) <= key_indent:
            break
        last += 1
    while last > value.line and not lines[last - 1].strip():
        last -= 1
    return starts[value.line - 1] + value.column - 1, starts[last - 1] + len(lines[last - 1])
