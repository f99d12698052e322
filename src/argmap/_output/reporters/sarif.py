"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run with ``tool.driver`` describing argmap and every code, load errors and rules alike
(code as ``id``, readable id as ``name``, descriptions and help link from the code's docs,
default level), and one result per finding: level, message, region (1-based lines and
columns counted in code points, as ``columnKind`` says), related locations (each node of a
cycle), a ``partialFingerprints`` hash of code, node and message that survives lines moving,
and an ``inSource`` suppression with its stated reason for suppressed findings. The output
is valid against the official schema (a test checks it) and byte-identical for the same input.
Characters a terminal would act on are written as ``\\uXXXX`` escapes, as in ``--format json``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from argmap._findings import Finding, Location, Severity
from argmap._output.reporters import ReportContext
from argmap._text import json_text

__all__ = ["SCHEMA_URI", "fingerprint", "sarif"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(finding: Finding) -> str:
    """Stable across edits that move lines: code, node and message only."""
    text = "\0".join((finding.code, finding.node or "", finding.message))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _uri(file: str) -> str:
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(file.replace("\\", "/"), safe="/")


def _physical(location: Location) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": location.line, "startColumn": location.column}
    if location.end_line is not None:
        region["endLine"] = location.end_line
    if location.end_column is not None:
        region["endColumn"] = location.end_column
    return {"artifactLocation": {"uri": _uri(location.file)}, "region": region}


def _first_paragraph(body: str) -> str:
    """The doc's first paragraph as one line of plain text."""
    return " ".join(body.split("\n\n", 1)[0].split()).replace("``", "`")


def _rules(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    from argmap._codes import CodeDoc
    from argmap._engine.codes import all_codes

    docs = {doc.code: doc for doc in all_codes()}
    for finding in findings:  # a finding made by hand through the API may carry any code
        if finding.code not in docs:
            docs[finding.code] = CodeDoc(
                finding.code, finding.rule, finding.severity, finding.rule.replace("-", " ")
            )
    descriptors = []
    for code in sorted(docs):
        doc = docs[code]
        descriptors.append(
            {
                "id": doc.code,
                "name": doc.id,
                "shortDescription": {"text": doc.summary},
                "fullDescription": {"text": _first_paragraph(doc.body) or doc.summary},
                "helpUri": doc.help_uri,
                "defaultConfiguration": {"level": _LEVELS[doc.severity]},
                "properties": {"family": doc.family},
            }
        )
    return descriptors


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
    }
    if finding.location is not None:
        location: dict[str, Any] = {"physicalLocation": _physical(finding.location)}
        if finding.node is not None:
            location["logicalLocations"] = [{"name": finding.node, "kind": "object"}]
        result["locations"] = [location]
    related = []
    for number, item in enumerate(finding.related, start=1):
        entry: dict[str, Any] = {"id": number, "message": {"text": item.message}}
        if item.location is not None:
            entry["physicalLocation"] = _physical(item.location)
        if item.node is not None:
            entry["logicalLocations"] = [{"name": item.node, "kind": "object"}]
        related.append(entry)
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {"argmapFindingHash/v1": fingerprint(finding)}
    if finding.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    properties: dict[str, Any] = {"rule": finding.rule}
    if finding.hint:
        properties["hint"] = finding.hint
    if finding.node is not None:
        properties["node"] = finding.node
    if finding.target is not None:
        properties["target"] = finding.target
    if finding.fix is not None:  # `argmap check --fix` (safe) or `--unsafe-fixes` applies it
        properties["fix"] = {"title": finding.fix.title,
                             "applicability": finding.fix.applicability}
    result["properties"] = properties
    return result


def sarif(findings: Sequence[Finding], context: ReportContext) -> str:  # noqa: ARG001
    from argmap._version import __version__

    rules = _rules(findings)
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://github.com/argmap/argmap",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index) for finding in findings],
            }
        ],
    }
    return json_text(document) + "\n"
