"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins...).

One ``testsuite`` per map file; each finding not suppressed is a ``testcase`` (named by code
and position, its class the file) with a ``failure`` (type: the code; message: the message;
text: the ``full`` report of that finding). A file without findings has one passing test
case, so a clean run shows as passing tests rather than none. Suppressed findings are
``skipped`` test cases with the reason. Text passes through :func:`argmap._text.visible`, so
no control character (which XML 1.0 forbids) reaches the file and no line of the report can
be read as a CI workflow command.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from argmap._findings import Finding
from argmap._output.reporters import ReportContext
from argmap._text import line_start_path, visible

__all__ = ["junit"]


def _case(finding: Finding, file: str) -> ET.Element:
    loc = finding.location
    where = f"{loc.line}:{loc.column}" if loc else "-"
    case = ET.Element("testcase", {"name": visible(f"{finding.code} {finding.node or ''} "
                                                   f"{where}".replace("  ", " ")),
                                   "classname": visible(file), "time": "0"})
    if finding.suppressed is not None:
        ET.SubElement(case, "skipped", {"message": visible(finding.suppressed)})
        return case
    failure = ET.SubElement(case, "failure", {"message": visible(finding.message),
                                              "type": visible(finding.code)})
    located = (f"{line_start_path(loc.file)}:{loc.line}:{loc.column}: " if loc else "")
    lines = [f"{located}{finding.code} [{finding.severity.label}] {finding.message}"]
    if finding.hint:
        lines.append(f"help: {finding.hint}")
    failure.text = "\n".join(visible(line) for line in lines)  # each line one line, inert
    return case


def junit(findings: Sequence[Finding], context: ReportContext) -> str:
    by_file: dict[str, list[Finding]] = {file: [] for file in context.files}
    for finding in findings:
        file = finding.location.file if finding.location else "argmap"
        by_file.setdefault(file, []).append(finding)
    root = ET.Element("testsuites", {"name": "argmap"})
    total = failures = skipped = 0
    for file, found in by_file.items():
        suite = ET.SubElement(root, "testsuite", {"name": visible(file)})
        cases = [_case(finding, file) for finding in found]
        if not cases:
            cases = [ET.Element("testcase", {"name": "argmap check", "classname": visible(file),
                                             "time": "0"})]
        suite.extend(cases)
        fails = sum(1 for f in found if f.suppressed is None)
        skips = len(found) - fails
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", str(skips))
        suite.set("time", "0")
        total += len(cases)
        failures += fails
        skipped += skips
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
