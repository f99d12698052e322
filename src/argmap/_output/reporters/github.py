"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=F,line=L,col=C,endLine=,endColumn=,title=CODE rule-id::message``. Errors map
to ``error``, warnings to ``warning``, info to ``notice``. GitHub reads ``%``, CR and LF as
escapes in the message, and also ``,`` and ``:`` in property values, so those are
percent-encoded. Suppressed findings are left out, as in the text formats.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap._findings import Finding, Severity
from argmap._output.reporters import ReportContext
from argmap._output.reporters.text import summary

__all__ = ["escape_data", "escape_property", "github"]

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a message the way the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(finding: Finding) -> str:
    properties: list[tuple[str, object]] = []
    location = finding.location
    if location is not None:
        properties.append(("file", location.file.replace("\\", "/")))
        properties.append(("line", location.line))
        properties.append(("col", location.column))
        if location.end_line is not None:
            properties.append(("endLine", location.end_line))
        if location.end_column is not None:
            properties.append(("endColumn", location.end_column))
    properties.append(("title", f"{finding.code} {finding.rule}"))
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    message = finding.message + (f"\nhelp: {finding.hint}" if finding.hint else "")
    return f"::{_COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def github(findings: Sequence[Finding], context: ReportContext) -> str:
    lines = [_annotation(f) for f in findings if f.suppressed is None]
    lines.append(summary(findings, len(context.files)))
    return "\n".join(lines) + "\n"
