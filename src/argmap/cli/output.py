"""Writing a command's output file: atomically, or a one-line error and exit 2."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap._output.dump import atomic_write


def write_or_exit(
    path: Path, content: bytes | str, *, prog: str = "argmap", shown: Path | None = None
) -> None:
    """Write ``content`` to ``path`` whole; on failure name ``shown`` (default: the path)."""
    try:
        atomic_write(path, content)
    except OSError as exc:
        sys.stderr.write(f"{prog}: cannot write {shown or path}: {exc.strerror or exc}\n")
        sys.exit(2)
