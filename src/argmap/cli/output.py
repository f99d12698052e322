"""What commands write besides their result: the output file (atomically, or a one-line
error and exit 2), and the load errors of a map that did not load."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap._output.dump import atomic_write

if TYPE_CHECKING:
    from argmap._findings import Finding


def write_or_exit(
    path: Path, content: bytes | str, *, prog: str = "argmap", shown: Path | None = None
) -> None:
    """Write ``content`` to ``path`` whole; on failure name ``shown`` (default: the path)."""
    try:
        atomic_write(path, content)
    except OSError as exc:
        sys.stderr.write(f"{prog}: cannot write {shown or path}: {exc.strerror or exc}\n")
        sys.exit(2)


def print_load_errors(findings: Iterable[Finding]) -> None:
    """A map that did not load: one line per problem on standard error, as `where: CODE text`."""
    for finding in findings:
        where = f"{finding.location}: " if finding.location else ""
        sys.stderr.write(f"{where}{finding.code} {finding.message}\n")
