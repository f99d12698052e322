"""``argmap schema``: print or write the JSON Schema of the file format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli import Command


@click.command(cls=Command)
@click.option(
    "--kind",
    type=click.Choice(["map", "sources"]),
    default="map",
    show_default=True,
    help="Schema of a map file, or of a sources file (a CSL-JSON list).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of standard output.",
)
@click.option(
    "--write-all",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every schema (argmap.schema.json, sources.schema.json) into this folder.",
)
def schema(kind: str, output: Path | None, write_all: Path | None) -> None:
    """Print the JSON Schema of argmap's file format, generated from its models.

    Point an editor at it with a first line in the map file:
    `# yaml-language-server: $schema=../schemas/argmap.schema.json`
    """
    from argmap._output.schema import schema_text
    from argmap.cli.output import write_or_exit

    if write_all is None:
        if output is None:
            click.echo(schema_text(kind), nl=False)
        else:
            write_or_exit(output, schema_text(kind))
        return
    try:
        write_all.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from argmap._text import visible

        reason = visible(str(exc.strerror or exc))
        click.echo(f"argmap: cannot write {visible(str(write_all))}: {reason}", err=True)
        sys.exit(2)
    for name, which in (("argmap.schema.json", "map"), ("sources.schema.json", "sources")):
        write_or_exit(write_all / name, schema_text(which), shown=write_all)
