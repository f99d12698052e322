"""A verification report of one map, in Markdown, generated from the map and its checks.

The report is what a reviewer reads next to the diagram: how big the map is, which theses
stand, the argument as an outline from the theses down to the premises, the sources, which
figures rest on which sources (and which only on the analysed document), what every declared
arithmetic check computed, how the quotes were found (only the ones not found verbatim are
listed), and every finding that remains. It is deterministic: the same map gives the same
bytes.

It is built from a finished check (:func:`argmap._engine.run.check_map`): the rule context
of that check already holds the quote anchorings and the graph analysis, so the report reads
them instead of computing them a second time.

Every string that comes from the map or a file name (titles, claim and quantity text, IDs,
units, file names, rule messages, the command line) goes through :mod:`argmap._output.markdown`,
so it reads as text however hostile: no HTML, links, images, extra rows or cells, or broken
fences (docs/security.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from argmap._output.markdown import code_block, code_span, inline
from argmap._record import record

if TYPE_CHECKING:
    from argmap._engine.context import RuleContext
    from argmap._findings import Finding, Location
    from argmap._model import ArgumentMap, Claim, Quantity, Relation, Source
    from argmap._verify.anchor import AnchorResult
    from argmap._verify.arith import Reading

__all__ = ["FigureRow", "figure_rows", "report_markdown"]


@record(slots=False)
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
    kind: str = "amount"

    @property
    def dated(self) -> bool:
        """A year or a date: when something happened, not a figure the paper measures."""
        return self.kind in _DATED


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


#: Quantity kinds that date an event rather than measure something.
_DATED = frozenset({"year", "date"})


def figure_rows(argmap: ArgumentMap) -> list[FigureRow]:
    """Every quantity with the sources behind it; primary means a source other than the subject.

    The period is the quantity's own: a claim's period says when the claim's event holds,
    which need not be when each of its figures was measured.
    """
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
                    period=quantity.period or "",
                    evidence=tuple(e.id for e in cited),
                    sources=sources,
                    primary=primary,
                    kind=str(quantity.kind),
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
    """Sizes, named and split as docs/paper/README.md states them (figures apart from dates)."""
    kinds = Counter(str(c.kind) for c in argmap.claims)
    relation_types = Counter(str(r.type) for r in argmap.relations)
    linked = sum(1 for r in argmap.relations if r.linked)
    quantities = [q for c in argmap.claims for q in c.quantities]
    figures = Counter(str(q.kind) for q in quantities if str(q.kind) not in _DATED)
    dated = Counter(str(q.kind) for q in quantities if str(q.kind) in _DATED)
    check_types = Counter(str(c.type) for c in argmap.checks)
    nested = sum(1 for section in argmap.sections if section.parent is not None)
    with_primary = sum(1 for r in figure_rows(argmap) if r.primary and not r.dated)
    primary = f"; {with_primary} with a primary source" if argmap.subject else ""
    claim_words = (("thesis", "theses", "thesis"), ("objection", "objections", "objection"),
                   ("claim", "intermediate claims", "intermediate claim"),
                   ("premise", "premises", "premise"),
                   ("assumption", "assumptions", "assumption"))
    claims = ", ".join(f"{kinds[k]} {many if kinds[k] != 1 else one}"
                       for k, many, one in claim_words if kinds.get(k))
    order = ("supports", "attacks", "undercuts")
    relations = ", ".join(f"{relation_types[t]} {t}" for t in order if relation_types.get(t))
    relations += f"; {linked} linked" if linked else ""
    rows: list[tuple[str, object, str]] = [
        ("sections", len(argmap.sections),
         f"{len(argmap.sections) - nested} top-level, {nested} subsections" if nested else ""),
        ("claims", len(argmap.claims), claims),
        ("relations", len(argmap.relations), relations),
        ("evidence items", len(argmap.evidence), ""),
        ("sources", len(argmap.sources), ""),
        ("figure quantities", sum(figures.values()), _breakdown(figures) + primary),
        ("dated events", sum(dated.values()), _breakdown(dated)),
        ("arithmetic checks", len(argmap.checks), _breakdown(check_types)),
    ]
    return _table(("what", "count", "of which"), rows)


def _breakdown(counter: Counter[str]) -> str:
    return ", ".join(f"{count} {name}" for name, count in sorted(counter.items()))


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

    lines += ["", "## The argument, from the theses down", ""]
    lines += _outline(argmap, analysis.claims)
    lines += ["", "## Sources", ""]
    lines += _sources(argmap)

    rows_all = figure_rows(argmap)
    figures = [r for r in rows_all if not r.dated]
    header = ("claim", "figure", "as written", "read as", "period", "evidence", "sources")
    for title, chosen in (("Figures and their sources", figures),
                          ("Years and dates", [r for r in rows_all if r.dated])):
        lines += ["", f"## {title}", ""]
        if title == "Figures and their sources":
            lines.append("Each figure's period is its own (`quantities[].period`), left blank "
                         "when the figure has none: a claim's period is not its figures'.")
            lines.append("")
        if not chosen:
            lines.append("The map states none as quantities.")
            continue
        lines += _table(header, (
            (r.claim, r.quantity, r.text, r.value, r.period, ", ".join(r.evidence),
             ", ".join(r.sources))
            for r in chosen
        ))
    secondary = [r for r in figures if not r.primary]
    lines += ["", "## Figures with no primary source", ""]
    if argmap.subject is None:
        lines.append("The map names no `subject`, so no source counts as secondary.")
    else:
        lines.append(
            f"{len(secondary)} of {len(figures)} figure quantities (years and dates aside) rest "
            f"only on {code_span(argmap.subject)}, the analysed document itself: it gives no "
            "source for them."
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
        verdict = _verdict(outcome.readings)
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
        kind = _match_kind(ctx, evidence.quote.exact if evidence.quote else "", result)
        statuses[kind] += 1
        if kind in _AS_WRITTEN:
            continue
        where = "" if result.start is None else f"{result.start}-{result.end}"
        why = result.reason or "; ".join(
            f"{d.quote or '(nothing)'} → {d.source or '(nothing)'}" for d in result.differences[:3])
        if kind == "hyphen" and result.start is not None:
            why = _joined_words(ctx, result)
        anchor_rows.append((evidence.id, result.source or "", _MATCH_WORDS[kind],
                            f"{result.similarity:.0%}", where, why))
    anchoring = [
        "Every quote is looked up in the snapshot of the source that holds its words "
        "(`via`, else `source`): exactly, then after normalising Unicode, quotes, dashes, "
        "whitespace, line-end hyphens and lost ligatures, then approximately. Offsets are "
        "code points of the snapshot."
    ]
    anchoring += ["", *_table(("match", "quotes"), ((_MATCH_WORDS[kind], statuses.get(kind, 0))
                                                   for kind in _MATCH_WORDS)), ""]
    if not anchor_rows:
        anchoring.append("Every quote was found as written (line breaks aside).")
        return anchoring
    anchoring.append(f"The {_plural(len(anchor_rows), 'quote')} not found as written:")
    anchoring.append("")
    anchoring += _table(("evidence", "snapshot of", "match", "similarity", "offsets", "why"),
                        anchor_rows)
    return anchoring


#: Match kinds in the order the report counts them, with what each means.
_MATCH_WORDS = {
    "exact": "exact",
    "spacing": "exact but for line breaks and spacing",
    "hyphen": "normalised: a line-end hyphen joined",
    "normalised": "normalised: Unicode, quote marks, dashes or ligatures",
    "fuzzy": "fuzzy (misquoted)",
    "not-found": "not found",
    "unchecked": "unchecked",
}
#: Kinds that are the source's words as written: counted, not listed.
_AS_WRITTEN = frozenset({"exact", "spacing"})
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s*\n\s*(?=\w)")


def _joined_words(ctx: RuleContext, result: AnchorResult) -> str:
    """The words a line-end hyphen split, as the snapshot has them: ``vis-/ited``."""
    snapshot = ctx.snapshot(result.source or "")
    if snapshot is None:
        return ""
    span = snapshot.text[result.start : result.end]
    found = re.findall(r"\w+-\s*\n\s*\w+", span)
    return ", ".join(re.sub(r"-\s*\n\s*", "-/", word) for word in found)


def _match_kind(ctx: RuleContext, quote: str, result: AnchorResult) -> str:
    """The anchoring status, with a normalised match split by what the normalising did."""
    status = result.status.value
    if status != "normalised" or result.start is None or result.end is None:
        return status
    snapshot = ctx.snapshot(result.source or "")
    if snapshot is None:
        return status
    span = snapshot.text[result.start : result.end]
    if quote.split() == span.split():
        return "spacing"
    if quote.split() == _HYPHEN_BREAK.sub("", span).split():
        return "hyphen"
    return status


def _verdict(readings: Sequence[Reading]) -> str:
    """``holds``, ``fails``, or ``holds only as (to - from) / from`` when some readings fail."""
    held = [r for r in readings if r.holds]
    if not held:
        return "fails"
    if len(held) < len(readings):
        return "holds only as " + " or ".join(r.formula for r in held)
    return "holds"


def _outline(argmap: ArgumentMap, labels: Mapping[str, str]) -> list[str]:
    """The theses, and under each what supports, attacks or undercuts it, down to premises.

    Each claim is written out once; a claim reached again says "(see above)". The walk uses
    an explicit stack, so a deep map cannot exhaust Python's recursion limit, and lists nest
    at most ``_OUTLINE_NESTING`` deep (Markdown renderers stop parsing deeper nesting: a
    deeper line says its level instead).
    """
    claims = {c.id: c for c in argmap.claims}
    into: dict[str, list[Relation]] = {}
    undercuts: dict[str, list[Relation]] = {}
    for relation in argmap.relations:
        (undercuts if relation.type == "undercuts" else into).setdefault(
            relation.to, []).append(relation)
    roots = [c.id for c in argmap.claims if str(c.kind) == "thesis"]
    if not roots:  # no thesis: start from the claims that reach nothing
        premises = {p for r in argmap.relations for p in r.from_}
        roots = [c.id for c in argmap.claims if c.id in into and c.id not in premises]
    if not roots:
        return ["The map has no thesis and no claim that others support or attack."]
    lines = [
        "Each claim with its kind and grounded status; under it what supports, attacks or "
        "undercuts it, with the relation's ID. Linked premises are grouped under their "
        "relation. A claim already written out above is not repeated.",
        "",
    ]
    shown: set[str] = set()
    # (depth, prefix, claim ID, or the relation of a group line)
    stack: list[tuple[int, str, str, Relation | None]] = [
        (0, "", root, None) for root in reversed(roots)]
    while stack:
        depth, prefix, claim_id, group = stack.pop()
        indent = "  " * min(depth, _OUTLINE_NESTING)
        if depth > _OUTLINE_NESTING:
            prefix = f"[level {depth}] {prefix}"
        if group is not None:
            lines.append(f"{indent}- {prefix}{code_span(group.id)}, linked premises together:")
            continue
        claim = claims.get(claim_id)
        if claim is None:
            lines.append(f"{indent}- {prefix}{code_span(claim_id)} (not in the map)")
            continue
        status = labels.get(claim_id, "undecided")
        head = f"{indent}- {prefix}**{inline(claim_id)}** ({claim.kind}, {status})"
        if claim_id in shown:
            lines.append(f"{head} (see above)")
            continue
        shown.add(claim_id)
        lines.append(f"{head}: {inline(claim.text)}")
        children: list[tuple[int, str, str, Relation | None]] = []
        for relation in into.get(claim_id, []):
            verb = "supported by" if relation.type == "supports" else "attacked by"
            extra = [(depth + 1, f"undercut ({code_span(u.id)}) by ", premise, None)
                     for u in undercuts.get(relation.id, []) for premise in u.from_]
            if relation.linked and len(relation.from_) > 1:
                children.append((depth + 1, f"{verb} ", "", relation))
                children += [(depth + 2, "", premise, None) for premise in relation.from_]
                children += [(d + 1, pre, c, g) for d, pre, c, g in extra]
            else:
                children += [(depth + 1, f"{verb} ({code_span(relation.id)}) ", premise, None)
                             for premise in dict.fromkeys(relation.from_)]
                children += extra
        stack.extend(reversed(children))
    missing = [c.id for c in argmap.claims if c.id not in shown]
    if missing:
        lines += ["", f"{_plural(len(missing), 'claim')} not reached from a thesis: "
                  + ", ".join(code_span(m) for m in missing) + "."]
    return lines


#: Deepest list nesting written; markdown-it stops parsing blocks past 20 levels of nesting.
_OUTLINE_NESTING = 8


def _year(source: Source) -> str:
    issued = source.issued
    if issued is None:
        return ""
    if isinstance(issued, str):
        return issued
    if issued.date_parts and issued.date_parts[0]:
        return "-".join(str(part) for part in issued.date_parts[0])
    return issued.literal or issued.raw or ""


def _names(source: Source) -> str:
    names = [str(n.literal or " ".join(x for x in (n.given, n.family) if x) or "")
             for n in source.author or []]
    return "; ".join(n for n in names if n)


def _sources(argmap: ArgumentMap) -> list[str]:
    """Every source: who, when, what, where, and how many quotes cite it or quote via it."""
    cited: Counter[str] = Counter(e.source for e in argmap.evidence)
    via: Counter[str] = Counter(e.via for e in argmap.evidence if e.via)
    rows = []
    for source in argmap.sources:
        where = source.container_title or source.publisher or ""
        used = str(cited.get(source.id, 0))
        if via.get(source.id):
            used += f" (+{via[source.id]} quoted via it)"
        snapshot = source.snapshot.path if source.snapshot is not None else ""
        rows.append((source.id, _names(source), _year(source), source.title or "", where,
                     source.url or "", used, snapshot))
    if not rows:
        return ["The map lists no sources."]
    subject = (f"The analysed document is {code_span(argmap.subject)}. "
               if argmap.subject else "")
    quoted_via = (" A quote in one source's words of what another publication says cites "
                  "that publication, `via` the one quoted." if via else "")
    return [
        f"{subject}Evidence counts the quotes that cite each source.{quoted_via}",
        "",
        *_table(("source", "authors", "issued", "title", "in", "URL", "evidence", "snapshot"),
                rows),
    ]
