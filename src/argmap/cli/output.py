"""What commands write besides their result: the output file (whole, never over one of the
command's inputs, or a one-line error and exit 2), and the load errors of a map that did not
load.

Every command records the files it reads (:func:`record_reads`, started once for the whole
command line), so ``-o`` naming a map, a sources file, a snapshot or the configuration the
command read is refused instead of replacing it.

Every message here goes to a terminal or CI log and may name a file or quote a map, so it
passes the terminal sanitiser (:mod:`argmap._text`) first.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap._text import visible

if TYPE_CHECKING:
    from argmap._findings import Finding
    from argmap._load.files import ReadLog

_READS_KEY = "argmap.reads"


def record_reads(ctx: click.Context) -> None:
    """Record every file read until the command line's context closes."""
    from argmap._load.files import recording

    ctx.meta[_READS_KEY] = ctx.with_resource(recording())


def _reads() -> ReadLog | None:
    ctx = click.get_current_context(silent=True)
    log: ReadLog | None = ctx.meta.get(_READS_KEY) if ctx is not None else None
    return log


def write_or_exit(
    path: Path, content: bytes | str, *, prog: str = "argmap", shown: Path | None = None
) -> None:
    """Write ``content`` to ``path`` whole; on failure name ``shown`` (default: the path).

    An output that is one of the files the command read is refused (exit 2), whatever name
    leads to it (a symbolic link, a hard link, ``./``).
    """
    from argmap._output.write import OverwritesInputError, write_file

    reads = _reads()
    try:
        write_file(path, content, is_input=reads.holds if reads is not None else None)
    except OverwritesInputError as exc:
        sys.stderr.write(f"{prog}: refusing to write the output: {visible(str(exc))}\n")
        sys.exit(2)
    except OSError as exc:
        reason = visible(str(exc.strerror or exc))
        sys.stderr.write(f"{prog}: cannot write {visible(str(shown or path))}: {reason}\n")
        sys.exit(2)


def print_load_errors(findings: Iterable[Finding]) -> None:
    """A map that did not load: one line per problem on standard error, as `where: CODE text`."""
    from argmap._output.reporters.text import finding_line

    for finding in findings:
        sys.stderr.write(finding_line(finding) + "\n")
