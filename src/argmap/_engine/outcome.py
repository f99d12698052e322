"""What one map's check leaves for a reporter, in a form that crosses processes and disks.

A check in this process keeps the loaded map and its rule context (the Markdown report
reuses them). A map checked in a worker process (``--jobs``) or taken from the cache has
neither: it comes back as a :class:`MapOutcome`, the findings plus the source lines they
quote, which is all ``argmap check``'s reporters need.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field

from argmap._findings import Finding, Location
from argmap._record import record

__all__ = ["MapOutcome", "quoted_lines"]


@record(slots=False)
class MapOutcome:
    """One map's findings, the map file as shown, and the lines the findings point at.

    ``inputs`` names every file the check read (resolved path -> content digest, or None for
    a file that was looked for and is absent); ``cacheable`` is false when the result
    depended on something the cache cannot re-check (a file refused for its type or size).
    """

    file: str
    findings: tuple[Finding, ...]
    unreadable: bool
    lines: Mapping[str, Mapping[int, str]] = field(default_factory=dict)
    inputs: Mapping[str, str | None] = field(default_factory=dict)
    cacheable: bool = False


def quoted_lines(
    findings: tuple[Finding, ...], line_text: Callable[[Location], str]
) -> dict[str, dict[int, str]]:
    """file -> line -> text, for every line a finding points at (the ``full`` report quotes
    it), each line read once however many findings share it."""
    lines: dict[str, dict[int, str]] = {}
    for finding in findings:
        location = finding.location
        if location is None:
            continue
        in_file = lines.setdefault(location.file, {})
        if location.line not in in_file:
            in_file[location.line] = line_text(location)
    return {file: {line: text for line, text in by_line.items() if text}
            for file, by_line in lines.items()}
