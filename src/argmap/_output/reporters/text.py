"""Human-readable reports: ``full`` (with hints and the source line) and ``concise``.

They go to terminals and CI logs, so every piece that comes from a map or a file name passes
through :mod:`argmap._text`: one line each (:func:`visible`), and a file name that begins a line
cannot start a workflow command (:func:`line_start_path`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from argmap._findings import Finding, Location, Severity
from argmap._output.reporters import ReportContext
from argmap._text import line_start_path, visible

__all__ = ["concise", "finding_line", "full", "summary", "where"]


def where(location: Location) -> str:
    """``path:line:col``, safe to begin a printed line."""
    return f"{line_start_path(location.file)}:{location.line}:{location.column}"


def finding_line(finding: Finding) -> str:
    """``path:line:col: CODE [*] [severity] message``: one line, safe to print; ``[*]``
    marks a finding ``argmap check --fix`` can fix (ruff's marker)."""
    located = where(finding.location) + ": " if finding.location else ""
    level = "" if finding.severity is Severity.ERROR else f"[{finding.severity.label}] "
    fixable = "[*] " if finding.fix is not None and finding.fix.safe else ""
    return f"{located}{visible(finding.code)} {fixable}{level}{visible(finding.message)}"


def _shown(findings: Sequence[Finding], context: ReportContext) -> list[Finding]:
    return [f for f in findings if f.suppressed is None
            and (context.show_info or f.severity is not Severity.INFO)]


def _tail(findings: Sequence[Finding], context: ReportContext) -> list[str]:
    """The lines after the findings: hidden info notes, fixable counts, the summary."""
    lines = []
    active = [f for f in findings if f.suppressed is None]
    if not context.show_info:
        hidden = sum(1 for f in active if f.severity is Severity.INFO)
        if hidden:
            codes = Counter(f.code for f in active if f.severity is Severity.INFO)
            listed = ", ".join(f"{code} x{count}" for code, count in sorted(codes.items()))
            lines.append(f"{hidden} info note{'s' if hidden != 1 else ''} not shown "
                         f"({listed}); --show-info shows them.")
    safe = sum(1 for f in active if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in active if f.fix is not None and not f.fix.safe)
    if safe:
        hidden_fixes = (f" ({unsafe} more with `--unsafe-fixes`)" if unsafe else "")
        lines.append(f"[*] {safe} fixable with `argmap check --fix`{hidden_fixes}.")
    elif unsafe:
        lines.append(f"No safe fixes ({unsafe} with `argmap check --fix --unsafe-fixes`).")
    lines.append(summary(findings, len(context.files)))
    return lines


#: Source lines longer than this are shown as a window around the column.
MAX_SHOWN = 100


def _window(source: str, column: int) -> tuple[str, int]:
    """The part of a long line around ``column`` (1-based), and the caret's offset in it."""
    source = source.expandtabs(1)
    caret = max(column - 1, 0)
    if len(source) <= MAX_SHOWN:
        return source, min(caret, len(source))
    start = max(0, min(caret - MAX_SHOWN // 2, len(source) - MAX_SHOWN))
    end = start + MAX_SHOWN
    shown = ("…" if start else "") + source[start:end] + ("…" if end < len(source) else "")
    return shown, caret - start + (1 if start else 0)


def summary(findings: Sequence[Finding], files: int) -> str:
    """``Found 3 errors, 1 warning (2 suppressed) in 1 map.``"""
    active = [f for f in findings if f.suppressed is None]
    counts = Counter(f.severity for f in active)
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        number = counts.get(severity, 0)
        label = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
        plural = "s" if number != 1 and severity != Severity.INFO else ""
        parts.append(f"{number} {label[severity]}{plural}")
    suppressed = len(findings) - len(active)
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    maps = f"{files} map{'s' if files != 1 else ''}"
    if not active:
        return f"All checks passed: {maps}, no findings{tail}."
    return f"Found {', '.join(parts)}{tail} in {maps}."


def concise(findings: Sequence[Finding], context: ReportContext) -> str:
    lines = [finding_line(f) for f in _shown(findings, context)]
    lines.extend(_tail(findings, context))
    return "\n".join(lines) + "\n"


def full(findings: Sequence[Finding], context: ReportContext) -> str:
    lines: list[str] = []
    shown_lines: dict[tuple[str, int], str] = {}  # many findings can share one long line
    for finding in _shown(findings, context):
        lines.append(finding_line(finding))
        if finding.location is not None:
            key = (finding.location.file, finding.location.line)
            if key not in shown_lines:
                shown_lines[key] = visible(context.line_text(finding.location))
            source = shown_lines[key]
            if source.strip():
                number = str(finding.location.line)
                shown, caret = _window(source, finding.location.column)
                lines.append(f"  {number} | {shown}")
                lines.append(f"  {' ' * len(number)} | {' ' * caret}^")
        for related in finding.related:
            at = f"{where(related.location)}: " if related.location else ""
            lines.append(f"  = {at}{visible(related.message)}")
        if finding.hint:
            lines.append(f"  help: {visible(finding.hint)}")
        lines.append("")
    lines.extend(_tail(findings, context))
    return "\n".join(lines) + "\n"
