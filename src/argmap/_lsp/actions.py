"""Code actions: the fixes of ``argmap check --fix`` (:mod:`argmap._fix`), one quick fix per
finding that has one, as text edits the editor applies to its buffers.

The fix is planned on the buffers' text exactly as ``--fix`` plans it on the files (a data
edit made at the located span and checked by parsing), then each changed file is sent as
one edit of the span between its first and last changed character, so the editor keeps
its cursor and undo history outside it. Unsafe fixes are offered too, marked as such and
never preferred: the editor's user sees each before applying it, as ``--unsafe-fixes`` asks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from argmap._record import record

if TYPE_CHECKING:
    from argmap._findings import Finding
    from argmap._lsp.workspace import MapState

__all__ = ["FixAction", "TextChange", "fix_actions", "smallest_change"]


@record
class TextChange:
    """Replace 0-based code point offsets ``start:end`` of a file's text with ``new``."""

    path: Path
    text: str  # the file's text the offsets count in
    start: int
    end: int
    new: str


@record
class FixAction:
    title: str
    finding: Finding
    safe: bool
    changes: tuple[TextChange, ...]


def smallest_change(path: Path, before: str, after: str) -> TextChange:
    """One replacement that turns ``before`` into ``after``: the span between their common
    prefix and common suffix."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_before, end_after = len(before), len(after)
    while end_before > start and end_after > start and before[end_before - 1] == after[
            end_after - 1]:
        end_before -= 1
        end_after -= 1
    return TextChange(path, before, start, end_before, after[start:end_after])


def fix_actions(analysis: MapState, findings: list[Finding]) -> list[FixAction]:
    """The fix of each finding that has one and can be made on the current text."""
    from argmap._fix.apply import plan_fixes

    actions = []
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.suppressed is not None:
            continue
        plan = plan_fixes([finding], analysis.parsed, unsafe=True)
        if not plan.applied:
            continue
        changes = tuple(smallest_change(analysis.files.get(c.display, c.path), c.before, c.after)
                        for c in plan.changed)
        if changes:
            title = f"{finding.code}: {fix.title}" + ("" if fix.safe else " (unsafe fix)")
            actions.append(FixAction(title, finding, fix.safe, changes))
    return actions
