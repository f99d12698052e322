"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

``::error file=F,line=L,col=C,endLine=,endColumn=,title=CODE rule-id::message``. Errors map
to ``error``, warnings to ``warning``, info to ``notice``. GitHub reads ``%``, CR and LF as
escapes in the message, and also ``,`` and ``:`` in property values, so those are
percent-encoded. Before that, every value passes the terminal sanitiser
(:mod:`argmap._text`): a CI log is a terminal too, and a file name or message holding
ESC, C1 or bidi controls must not drive the log viewer. Suppressed findings are left out, as
in the text formats.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap._findings import Finding, Severity
from argmap._output.reporters import ReportContext
from argmap._output.reporters.text import summary
from argmap._text import terminal, visible

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
    props = ",".join(f"{key}={escape_property(visible(str(value)))}" for key, value in properties)
    message = terminal(finding.message)  # line breaks kept: they are escaped below
    if finding.hint:
        message += f"\nhelp: {terminal(finding.hint)}"
    return f"::{_COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def github(findings: Sequence[Finding], context: ReportContext) -> str:
    lines = [_annotation(f) for f in findings if f.suppressed is None]
    lines.append(summary(findings, len(context.files)))
    return "\n".join(lines) + "\n"
