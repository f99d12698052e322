"""Human-readable reports: ``full`` (with hints and the source line) and ``concise``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from argmap._findings import Finding, Severity
from argmap._reporters import ReportContext

__all__ = ["concise", "full", "summary"]


def _head(finding: Finding) -> str:
    where = str(finding.location) + ": " if finding.location else ""
    level = "" if finding.severity is Severity.ERROR else f"[{finding.severity.label}] "
    return f"{where}{finding.code} {level}{finding.message}"


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
    lines = [_head(f) for f in findings if f.suppressed is None]
    lines.append(summary(findings, len(context.files)))
    return "\n".join(lines) + "\n"


def full(findings: Sequence[Finding], context: ReportContext) -> str:
    lines: list[str] = []
    for finding in findings:
        if finding.suppressed is not None:
            continue
        lines.append(_head(finding))
        if finding.location is not None:
            source = context.line_text(finding.location)
            if source.strip():
                number = str(finding.location.line)
                lines.append(f"  {number} | {source}")
                caret_at = max(finding.location.column - 1, 0)
                prefix = source[:caret_at].expandtabs(1)
                lines.append(f"  {' ' * len(number)} | {' ' * len(prefix)}^")
        for related in finding.related:
            where = f"{related.location}: " if related.location else ""
            lines.append(f"  = {where}{related.message}")
        if finding.hint:
            lines.append(f"  help: {finding.hint}")
        lines.append("")
    lines.append(summary(findings, len(context.files)))
    return "\n".join(lines) + "\n"
