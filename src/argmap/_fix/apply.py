"""Plan, show and write the fixes of a check run (``argmap check --fix`` / ``--diff``).

Each finding's :class:`~argmap.Fix` is a list of data edits; :func:`plan_fixes` makes them
on the text of the files the run loaded, one fix at a time and all of a fix's edits or none
(:mod:`argmap._fix.text_edits` checks each by parsing), skipping suppressed findings, unsafe
fixes unless asked, and a fix identical to one already made. Nothing is written until
:func:`write_changes`, which writes each changed file through the one safe writer
(``argmap._output.write.write_file``: whole or not at all).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._fix.text_edits import EditRefusedError, apply_edit

if TYPE_CHECKING:
    from argmap._findings import Finding, Fix
    from argmap._load.read import ParsedFile

__all__ = ["FileChange", "FixPlan", "plan_fixes", "unified_diff", "write_changes"]


@dataclass
class FileChange:
    """One file's text before and after the fixes made in it."""

    display: str
    path: Path
    before: str
    after: str
    as_json: bool
    data: Any = None


@dataclass
class FixPlan:
    """The fixes made (finding and fix), refused (with the reason) and left for
    ``--unsafe-fixes``, and each file's new text."""

    files: dict[str, FileChange] = field(default_factory=dict)
    applied: list[tuple[Finding, Fix]] = field(default_factory=list)
    refused: list[tuple[Finding, str]] = field(default_factory=list)
    unsafe_left: int = 0

    @property
    def changed(self) -> list[FileChange]:
        return [change for change in self.files.values() if change.after != change.before]


def _fix_key(fix: Fix) -> tuple[Any, ...]:
    return tuple((e.file, e.op, e.path, e.key, repr(e.value)) for e in fix.edits)


def plan_fixes(findings: Sequence[Finding], parsed: Callable[[str], ParsedFile | None],
               *, unsafe: bool = False) -> FixPlan:
    """Make every fix of ``findings`` that may run on the loaded texts; write nothing.

    ``parsed(display)`` gives the loaded file a finding's edit names (None when unknown).
    """
    from argmap._load.read import parse_text

    plan = FixPlan()
    done: set[tuple[Any, ...]] = set()
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.suppressed is not None:
            continue
        if not fix.safe and not unsafe:
            plan.unsafe_left += 1
            continue
        key = _fix_key(fix)
        if key in done:
            continue
        trial: dict[str, tuple[str, Any]] = {}
        reason = None
        for edit in fix.edits:
            change = plan.files.get(edit.file)
            if change is None:
                source = parsed(edit.file)
                if source is None:
                    reason = f"{edit.file} was not loaded"
                    break
                change = FileChange(edit.file, source.path, source.text, source.text,
                                    source.path.suffix.lower() == ".json", source.data)
                plan.files[edit.file] = change
            text, data = trial.get(edit.file, (change.after, change.data))

            def parse(new: str, change: FileChange = change) -> Any:
                return parse_text(new, change.path, change.display,
                                  as_json=change.as_json).data

            try:
                text = apply_edit(text, data, edit.op, edit.path, edit.value, parse, edit.key,
                                  as_json=change.as_json)
            except EditRefusedError as exc:
                reason = str(exc)
                break
            trial[edit.file] = (text, parse(text))
        if reason is not None:
            plan.refused.append((finding, reason))
            continue
        for name, (text, data) in trial.items():
            plan.files[name].after = text
            plan.files[name].data = data
        done.add(key)
        plan.applied.append((finding, fix))
    return plan


def unified_diff(plan: FixPlan) -> str:
    """The changes as one unified diff (``--diff``), file by file in the order fixed."""
    out: list[str] = []
    for change in plan.changed:
        out.extend(difflib.unified_diff(
            change.before.splitlines(keepends=True), change.after.splitlines(keepends=True),
            fromfile=f"a/{change.display}", tofile=f"b/{change.display}",
        ))
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
    return "".join(out)


def write_changes(plan: FixPlan) -> list[str]:
    """Write every changed file (atomically, through ``write_file``); the files written."""
    from argmap._output.write import write_file

    written = []
    for change in plan.changed:
        write_file(change.path, change.after)
        written.append(change.display)
    return written
