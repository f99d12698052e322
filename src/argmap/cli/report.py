"""``argmap report``: the verification report of one map, as Markdown."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from argmap.cli import Command
from argmap.cli.options import current_config, current_limits, map_options


@click.command(cls=Command)
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here (atomically) instead of standard output.",
)
@map_options
def report(path: Path, output: Path | None) -> None:
    """Write a verification report of the map at PATH: sizes, the theses' grounded status,
    the argument as an outline from the theses down, the sources, figures and dates with
    their sources, arithmetic checks, the quotes not found as written, and every finding.

    The findings follow [tool.argmap] (select, ignore, severity), as in `argmap check`.
    Exit codes: 0 written, 2 usage error, or the map cannot be loaded (its load errors are
    printed).
    """
    from argmap._engine.run import check_map
    from argmap._output.report import report_markdown
    from argmap.cli.output import print_load_errors, write_or_exit

    run = check_map(path, current_config(), current_limits())
    if not run.contexts:
        print_load_errors(run.findings)
        sys.exit(2)
    target = f" -o {shlex.quote(output.as_posix())}" if output else ""
    command = f"argmap report {shlex.quote(path.as_posix())}{target}"
    text = report_markdown(run.contexts[0], run.findings, command=command)
    if output is None:
        sys.stdout.write(text)
        return
    write_or_exit(output, text)
