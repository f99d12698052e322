"""``--format gitlab``: GitLab Code Quality JSON, for a merge request's Code Quality widget.

GitLab reads a subset of the Code Climate issue format: a JSON array of issues, each with
``description``, ``check_name``, ``fingerprint``, ``severity`` (``info``, ``minor``,
``major``, ``critical``, ``blocker``) and ``location`` (``path``, ``lines.begin``); see
https://docs.gitlab.com/ci/testing/code_quality/. Errors are ``major``, warnings ``minor``
and info notes ``info``; suppressed findings are left out (GitLab has no field for them).
The fingerprint is the SARIF one (code, node, message: it survives lines moving) with the
path, made unique within the report, as GitLab requires. Strings keep every character;
those a terminal would act on are written as ``\\uXXXX`` escapes, as in ``--format json``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from argmap._findings import Finding, Severity
from argmap._output.reporters import ReportContext
from argmap._text import json_text

__all__ = ["gitlab"]

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _path(file: str) -> str:
    return file.replace("\\", "/").removeprefix("./")


def _fingerprint(base: str, number: int) -> str:
    """The first finding of a base hashes the base; its duplicates the base and a number."""
    text = base if number == 1 else f"{base}\0{number}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def gitlab(findings: Sequence[Finding], context: ReportContext) -> str:
    issues: list[dict[str, Any]] = []
    seen: set[str] = set()
    # the number each base last took: the numbers below it are taken, so the next duplicate
    # starts there (33,000 equal findings counted up from 1 each took minutes)
    last: dict[str, int] = {}
    fallback = context.files[0] if context.files else "."
    for finding in findings:
        if finding.suppressed is not None:
            continue
        location = finding.location
        path = _path(location.file if location else fallback)
        base = "\0".join((path, finding.code, finding.node or "", finding.message))
        number = last.get(base, 1)
        fingerprint = _fingerprint(base, number)
        while fingerprint in seen:  # the same finding twice in one file: still unique
            number += 1
            fingerprint = _fingerprint(base, number)
        seen.add(fingerprint)
        last[base] = number
        issue: dict[str, Any] = {
            "type": "issue",
            "description": f"{finding.code} {finding.message}",
            "check_name": finding.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[finding.severity],
            "categories": ["Bug Risk" if finding.severity is Severity.ERROR else "Clarity"],
            "location": {"path": path, "lines": {"begin": location.line if location else 1}},
        }
        if finding.hint:
            issue["content"] = {"body": finding.hint}
        issues.append(issue)
    return json_text(issues) + "\n"
