"""A verification report of one map, in Markdown, generated from the map and its checks.

The report is what a reviewer reads next to the diagram: how big the map is, which figures
rest on which sources (and which only on the analysed document), what every declared
arithmetic check computed, where every quote was found, which theses stand, and every finding
that remains. It is deterministic: the same map gives the same bytes.

It is built from a finished check (:func:`argmap._engine.run.check_map`): the rule context
of that check already holds the quote anchorings and the graph analysis, so the report reads
them instead of computing them a second time.

Every string that comes from the map or a file name (titles, claim and quantity text, IDs,
units, file names, rule messages, the command line) goes through :mod:`argmap._output.markdown`,
so it reads as text however hostile: no HTML, links, images, extra rows or cells, or broken
fences (docs/security.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from argmap._output.markdown import code_block, code_span, inline

if TYPE_CHECKING:
    from argmap._engine.context import RuleContext
    from argmap._findings import Finding, Location
    from argmap._model import ArgumentMap, Claim, Quantity

__all__ = ["FigureRow", "figure_rows", "report_markdown"]


@dataclass(frozen=True)
class FigureRow:
    """One quantity of one claim, with the sources its evidence cites."""

    claim: str
    quantity: str
    text: str
    value: str
    period: str
    evidence: tuple[str, ...]
    sources: tuple[str, ...]
    primary: bool


def _value(quantity: Quantity) -> str:
    parts = [str(quantity.value)]
    if quantity.upper is not None:
        parts = [f"{quantity.value}-{quantity.upper}"]
    if quantity.scale:
        parts.append(str(quantity.scale))
    if quantity.unit:
        parts.append(quantity.unit)
    qualifier = "" if quantity.qualifier == "exact" else f"{quantity.qualifier} "
    suffix = {"fold": "-fold", "percent": "%", "percentage-points": " pp"}.get(str(quantity.kind))
    return qualifier + " ".join(parts) + (suffix or "")


def figure_rows(argmap: ArgumentMap) -> list[FigureRow]:
    """Every quantity with the sources behind it; primary means a source other than the subject."""
    evidence = {e.id: e for e in argmap.evidence}
    rows = []
    for claim in argmap.claims:
        cited = [evidence[e] for e in dict.fromkeys(claim.evidence) if e in evidence]
        sources = tuple(dict.fromkeys(e.source for e in cited))
        primary = any(s != argmap.subject for s in sources)
        for quantity in claim.quantities:
            rows.append(
                FigureRow(
                    claim=claim.id,
                    quantity=quantity.id,
                    text=quantity.text or "",
                    value=_value(quantity),
                    period=quantity.period or claim.period or "",
                    evidence=tuple(e.id for e in cited),
                    sources=sources,
                    primary=primary,
                )
            )
    return rows


def _cell(text: object) -> str:
    return inline(text)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def _counts(argmap: ArgumentMap) -> list[str]:
    kinds = Counter(str(c.kind) for c in argmap.claims)
    relation_types = Counter(str(r.type) for r in argmap.relations)
    quantity_kinds = Counter(str(q.kind) for c in argmap.claims for q in c.quantities)
    check_types = Counter(str(c.type) for c in argmap.checks)
    rows: list[tuple[str, object, str]] = [
        ("sections", len(argmap.sections), ""),
        ("claims", len(argmap.claims), _breakdown(kinds)),
        ("relations", len(argmap.relations), _breakdown(relation_types)),
        ("evidence items", len(argmap.evidence), ""),
        ("sources", len(argmap.sources), ""),
        ("figures (quantities)", sum(quantity_kinds.values()), _breakdown(quantity_kinds)),
        ("arithmetic checks", len(argmap.checks), _breakdown(check_types)),
    ]
    return _table(("what", "count", "of which"), rows)


def _breakdown(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counter.items()))


def _claim_label(claim: Claim) -> str:
    return f"{claim.id} ({claim.kind})"


def report_markdown(ctx: RuleContext, findings: Sequence[Finding], *, command: str = "") -> str:
    """The report of the map ``ctx`` was made for, as Markdown.

    ``ctx`` is the rule context of the check that gave ``findings``; what its rules computed
    (quote anchorings, the grounded analysis) is reused, not computed again.
    """
    from argmap._verify.argumentation import analysis_of, describe_chain, explain
    from argmap._version import __version__

    argmap = ctx.map
    lines = [f"# Verification report: {inline(argmap.title)}", ""]
    lines.append(f"Generated by argmap {__version__} from the map itself; do not edit by hand.")
    if command:
        lines += ["Regenerate with:", "", *code_block(command, "console")]
    lines += ["", "## Size", ""]
    lines += _counts(argmap)

    analysis = analysis_of(ctx)
    lines += ["", "## Theses and their grounded status", ""]
    lines.append(
        "Grounded semantics: a claim is *in* when every argument attacking it is out, *out* "
        "when an attacking argument is in, and *undecided* otherwise."
    )
    lines.append("")
    rows: list[tuple[str, str, str]] = []
    for claim in argmap.claims:
        if claim.kind not in ("thesis", "objection"):
            continue
        label = analysis.claims.get(claim.id, "undecided")
        why = ""
        if label != "in":
            why = describe_chain(explain(argmap, claim.id, analysis))
        rows.append((_claim_label(claim), label, why or claim.text))
    lines += _table(("claim", "status", "text or reason"), rows)

    figures = figure_rows(argmap)
    lines += ["", "## Figures and their sources", ""]
    lines += _table(
        ("claim", "figure", "as written", "read as", "period", "evidence", "sources"),
        (
            (r.claim, r.quantity, r.text, r.value, r.period, ", ".join(r.evidence),
             ", ".join(r.sources))
            for r in figures
        ),
    )
    secondary = [r for r in figures if not r.primary]
    lines += ["", "## Figures with no primary source", ""]
    if argmap.subject is None:
        lines.append("The map names no `subject`, so no source counts as secondary.")
    else:
        lines.append(
            f"{len(secondary)} of {len(figures)} figures rest only on "
            f"{code_span(argmap.subject)}, the analysed document itself: it gives no source "
            "for them."
        )
        lines.append("")
        lines += _table(
            ("claim", "figure", "as written", "read as"),
            ((r.claim, r.quantity, r.text, r.value) for r in secondary),
        )

    for title, block in (("Arithmetic checks", _arithmetic(ctx)),
                         ("Quote anchoring", _anchoring(ctx))):
        lines += ["", f"## {title}", "", *block]

    lines += ["", "## Findings", ""]
    active = [f for f in findings if f.suppressed is None]
    by_severity = Counter(f.severity.label for f in active)
    lines.append(
        ", ".join(
            _plural(by_severity.get(label, 0), word)
            for label, word in (("error", "error"), ("warning", "warning"), ("info", "note"))
        )
        + (f", {len(findings) - len(active)} suppressed." if len(findings) > len(active) else ".")
    )
    if findings:
        lines.append("")
        lines += _table(
            ("where", "code", "severity", "message"),
            (
                (
                    _where(f.location) if f.location else "",
                    f.code,
                    f.severity.label + (" (suppressed)" if f.suppressed else ""),
                    f.message + (f" — suppressed: {f.suppressed}" if f.suppressed else ""),
                )
                for f in findings
            ),
        )
    return "\n".join(lines) + "\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _where(location: Location) -> str:
    """``sources.yaml:53:1``: the file name too, as a map folder has more than one file."""
    return f"{PurePath(location.file).name}:{location.line}:{location.column}"


def _arithmetic(ctx: RuleContext) -> list[str]:
    """Every declared check: its operands, what it states, what it computes."""
    from argmap._verify.arith import evaluate, operands, plain_number

    rows: list[tuple[str, ...]] = []
    for item in ctx.map.checks:
        outcome = evaluate(item, ctx.quantities)
        inputs = "; ".join(
            f"{name} = {', '.join(ref) if isinstance(ref, list) else ref}"
            for name, ref in operands(item).items()
        )
        if outcome is None:
            rows.append((item.id, str(item.type), inputs, "", "", "not evaluated"))
            continue
        readings = "; ".join(
            f"{r.formula} = {plain_number(r.computed)}{' (holds)' if r.holds else ''}"
            for r in outcome.readings
        )
        error = "" if outcome.relative_error is None else f"{outcome.relative_error:.2%}"
        verdict = "holds" if outcome.holds else "fails"
        rows.append((item.id, str(item.type), inputs, outcome.stated_text, readings,
                     f"{verdict} (relative error {error})" if error else verdict))
    if not rows:
        return ["The map declares no arithmetic checks."]
    return _table(("check", "type", "operands", "stated", "computed", "result"), rows)


def _anchoring(ctx: RuleContext) -> list[str]:
    """Where every quote was found (the anchorings the AM4xx rules made, reused)."""
    from argmap._verify.anchor import anchor_evidence

    statuses: Counter[str] = Counter()
    anchor_rows: list[tuple[str, ...]] = []
    for evidence in ctx.map.evidence:
        result = anchor_evidence(ctx, evidence)
        statuses[result.status.value] += 1
        where = "" if result.start is None else f"{result.start}-{result.end}"
        anchor_rows.append((evidence.id, result.source or "", result.status.value,
                            f"{result.similarity:.0%}", where))
    anchoring = [
        "Every quote is looked up in the snapshot of the source that holds its words "
        "(`via`, else `source`): exactly, then after normalising Unicode, quotes, dashes, "
        "whitespace, line-end hyphens and lost ligatures, then approximately. Offsets are "
        "code points of the snapshot."
    ]
    anchoring += ["", ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items())), ""]
    anchoring += _table(("evidence", "snapshot of", "status", "similarity", "offsets"),
                        anchor_rows)
    return anchoring
