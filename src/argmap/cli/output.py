"""What commands write besides their result: the output file (atomically, or a one-line
error and exit 2), and the load errors of a map that did not load.

Every message here goes to a terminal or CI log and may name a file or quote a map, so it
passes the terminal sanitiser (:mod:`argmap._text`) first.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from argmap._output.dump import atomic_write
from argmap._text import visible

if TYPE_CHECKING:
    from argmap._findings import Finding


def write_or_exit(
    path: Path, content: bytes | str, *, prog: str = "argmap", shown: Path | None = None
) -> None:
    """Write ``content`` to ``path`` whole; on failure name ``shown`` (default: the path)."""
    try:
        atomic_write(path, content)
    except OSError as exc:
        reason = visible(str(exc.strerror or exc))
        sys.stderr.write(f"{prog}: cannot write {visible(str(shown or path))}: {reason}\n")
        sys.exit(2)


def print_load_errors(findings: Iterable[Finding]) -> None:
    """A map that did not load: one line per problem on standard error, as `where: CODE text`."""
    from argmap._output.reporters.text import finding_line

    for finding in findings:
        sys.stderr.write(finding_line(finding) + "\n")
