"""What argmap reports: findings with a location, a stable code and a severity.

Findings are frozen values so reporters, caches and tests can share them freely. Load errors
use the same shape (codes AM1xx) but travel in :class:`MapLoadError`, apart from the findings
of rules on a map that did load.
"""

from __future__ import annotations

from dataclasses import field, replace
from enum import IntEnum
from typing import Any

from argmap._record import record
from argmap._text import visible

__all__ = [
    "Edit",
    "Finding",
    "Fix",
    "Location",
    "MapLoadError",
    "Related",
    "Severity",
    "by_position",
    "by_relevance",
]


class Severity(IntEnum):
    """Ordered so that ``finding.severity >= fail_level`` reads naturally."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read ``error``, ``warning``/``warn``, ``info``/``note``; raise ValueError otherwise."""
        names = {"error": cls.ERROR, "warning": cls.WARNING, "warn": cls.WARNING}
        names |= {"info": cls.INFO, "note": cls.INFO}
        try:
            return names[text.strip().lower()]
        except KeyError:
            msg = f"unknown severity {text!r}: use error, warning or info"
            raise ValueError(msg) from None


@record(order=True)
class Location:
    """A place in a file; line and column are 1-based, columns count code points."""

    file: str
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def __reduce__(self) -> tuple[type[Location], tuple[Any, ...]]:
        # Pickled as its fields, rebuilt through __init__: a slotted dataclass's default
        # (a state dict from dataclasses.fields) is ten times slower, and --jobs sends
        # findings between processes.
        return Location, (self.file, self.line, self.column, self.end_line, self.end_column)


@record
class Related:
    """Another place that explains a finding, e.g. each node of a cycle."""

    message: str
    location: Location | None = None
    node: str | None = None

    def __reduce__(self) -> tuple[type[Related], tuple[Any, ...]]:
        return Related, (self.message, self.location, self.node)  # as Location's


@record
class Edit:
    """One change to the data of one map file, at a data path of that file.

    ``op`` is ``set`` (replace the value at ``path``), ``append`` (add ``value`` to the list at
    ``path``; the list is created when its key is missing) or ``add`` (add the key ``key``
    with ``value`` to the mapping at ``path``). ``file`` is the file as findings show it.
    The fixer (``argmap._fix``) turns each into a text edit at the located span, so comments
    and formatting around it survive.
    """

    op: str
    path: tuple[str | int, ...]
    value: Any
    file: str
    key: str | None = None

    def __reduce__(self) -> tuple[type[Edit], tuple[Any, ...]]:
        return Edit, (self.op, self.path, self.value, self.file, self.key)  # as Location's


@record
class Fix:
    """What ``argmap check --fix`` can do about a finding: edits, and whether it is safe.

    A safe fix keeps what the map means (a quote re-typed with the snapshot's characters); an
    unsafe one changes what the map asserts or trusts (a snapshot's new fingerprint, a new
    evidence item) and runs only with ``--unsafe-fixes``, as in ruff.
    """

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def __reduce__(self) -> tuple[type[Fix], tuple[Any, ...]]:
        return Fix, (self.title, self.edits, self.safe)  # as Location's

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@record
class Finding:
    """One problem found in a map, with everything a reporter needs."""

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    hint: str | None = None
    node: str | None = None
    related: tuple[Related, ...] = ()
    suppressed: str | None = None  # the reason given by the suppression, when suppressed
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    target: str | None = None  # the finer thing within the node, that an `ignore` entry names
    fix: Fix | None = field(default=None, compare=False, hash=False)

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        return Finding, (self.code, self.rule, self.severity, self.message,  # as Location's
                         self.location, self.hint, self.node, self.related, self.suppressed,
                         self.data, self.target, self.fix)

    def __str__(self) -> str:
        """``path:line:col: CODE [severity] message``, one line, as ``--format concise``."""
        located = f"{self.location}: " if self.location else ""
        level = "" if self.severity is Severity.ERROR else f"[{self.severity.label}] "
        return f"{located}{visible(self.code)} {level}{visible(self.message)}"

    @property
    def file(self) -> str | None:
        return self.location.file if self.location else None

    @property
    def line(self) -> int | None:
        return self.location.line if self.location else None

    @property
    def column(self) -> int | None:
        return self.location.column if self.location else None

    def as_suppressed(self, reason: str) -> Finding:
        return replace(self, suppressed=reason)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape documented in docs/cli.md."""
        loc = self.location
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "hint": self.hint,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "end_line": loc.end_line if loc else None,
            "end_column": loc.end_column if loc else None,
            "node": self.node,
            "target": self.target,
            "related": [
                {
                    "message": r.message,
                    "node": r.node,
                    "file": r.location.file if r.location else None,
                    "line": r.location.line if r.location else None,
                    "column": r.location.column if r.location else None,
                }
                for r in self.related
            ],
            "suppressed": self.suppressed is not None,
            "suppression_reason": self.suppressed,
            "fix": None if self.fix is None else {
                "title": self.fix.title,
                "applicability": self.fix.applicability,
                "edits": [
                    {"file": e.file, "op": e.op, "path": list(e.path), "key": e.key,
                     "value": e.value}
                    for e in self.fix.edits
                ],
            },
        }


def by_position(finding: Finding) -> tuple[str, int, int, str, str]:
    """Sort key: file, line, column, then code, so output is stable and diffs well."""
    loc = finding.location
    if loc is None:
        return ("", 0, 0, finding.code, finding.node or "")
    return (loc.file, loc.line, loc.column, finding.code, finding.node or "")


def by_relevance(finding: Finding) -> tuple[int, str, int, int]:
    """Rank key, most relevant first: severity, then code family, then position."""
    loc = finding.location
    return (-int(finding.severity), finding.code, loc.line if loc else 0, loc.column if loc else 0)


class MapLoadError(Exception):
    """Raised by :func:`argmap.load` when a map cannot be read; carries every problem found."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings, key=by_position)
        first = self.findings[0] if self.findings else None
        summary = (
            f"{first.location}: {first.code} {first.message}"
            if first and first.location
            else (f"{first.code} {first.message}" if first else "cannot load the map")
        )
        more = len(self.findings) - 1
        super().__init__(summary + (f" (and {more} more)" if more > 0 else ""))

    @property
    def unreadable(self) -> bool:
        """True when the input could not be read at all (exit code 2 rather than 1)."""
        return any(f.code in UNREADABLE_CODES for f in self.findings)


#: Load codes (the table is ``argmap._load.codes``) that mean the input could not be read at
#: all: the CLI exits 2 for these, and their documentation says so.
UNREADABLE_CODES = frozenset({"AM101", "AM102", "AM103", "AM104", "AM115"})
