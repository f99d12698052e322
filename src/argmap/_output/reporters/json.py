"""``--format json``: one stable, documented shape for scripts and dashboards.

``{"version": 1, "findings": [...], "summary": {...}}``; each finding is
:meth:`argmap.Finding.to_dict`. Suppressed findings are included, marked ``"suppressed":
true``, so a dashboard can count them. The shape is documented in docs/cli.md; a change that
breaks readers bumps ``version``. Strings keep every character; those a terminal would act on
(C1, bidi controls, ...) are written as ``\\uXXXX`` escapes (:func:`argmap._text.json_text`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from argmap._findings import Finding, Severity
from argmap._output.reporters import ReportContext
from argmap._text import json_text

__all__ = ["SHAPE_VERSION", "json_report", "summary_dict"]

SHAPE_VERSION = 1


def summary_dict(findings: Sequence[Finding], files: Sequence[str]) -> dict[str, Any]:
    """Counts per severity of the findings that are not suppressed, and the maps checked."""
    active = [f for f in findings if f.suppressed is None]
    counts = Counter(f.severity for f in active)
    return {
        "maps": len(files),
        "files": list(files),
        "errors": counts.get(Severity.ERROR, 0),
        "warnings": counts.get(Severity.WARNING, 0),
        "info": counts.get(Severity.INFO, 0),
        "suppressed": len(findings) - len(active),
    }


def json_report(findings: Sequence[Finding], context: ReportContext) -> str:
    document = {
        "version": SHAPE_VERSION,
        "findings": [finding.to_dict() for finding in findings],
        "summary": summary_dict(findings, context.files),
    }
    return json_text(document) + "\n"
