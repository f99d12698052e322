"""``argmap report``: the verification report of one map, as Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here (atomically) instead of standard output.",
)
def report(path: Path, output: Path | None) -> None:
    """Write a verification report of the map at PATH: sizes, figures and their sources,
    arithmetic checks, quote anchoring, grounded status of theses, and every finding.

    Exit codes: 0 written, 2 the map cannot be loaded (its load errors are printed).
    """
    from argmap._engine.run import check_loaded
    from argmap._findings import MapLoadError
    from argmap._load.loader import load
    from argmap._output.report import report_markdown, report_sections
    from argmap.cli.output import write_or_exit

    try:
        argmap = load(path)
    except MapLoadError as exc:
        for finding in exc.findings:
            where = f"{finding.location}: " if finding.location else ""
            click.echo(f"{where}{finding.code} {finding.message}", err=True)
        sys.exit(2)
    findings = check_loaded(argmap)
    target = f" -o {output.as_posix()}" if output else ""
    text = report_markdown(
        argmap,
        findings,
        command=f"argmap report {path.as_posix()}{target}",
        extra_sections=report_sections(argmap),
    )
    if output is None:
        sys.stdout.write(text)
        return
    write_or_exit(output, text)
