"""``argmap new DIR``: start a map folder (map.yaml, sources.yaml, snapshots/).

The new map holds one thesis to rewrite, because a map without claims is an error (AM207):
``argmap check DIR`` on it exits 0 with one warning, AM210 (the thesis has no support yet),
which is the next thing to write. Both files start with the ``yaml-language-server`` line
that gives an editor the JSON Schema: the nearest ``schemas/`` folder above DIR that holds
argmap's schemas (as in argmap's own repository), else a copy written into ``DIR/schemas/``
by the installed argmap, so the line works offline and matches the version that checks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from argmap._text import visible
from argmap.cli import Command

_SCHEMAS = ("argmap.schema.json", "sources.schema.json")

MAP_TEMPLATE = """\
# yaml-language-server: $schema={schema}
title: {title}
claims:
  - id: T1
    kind: thesis
    text: {text}
"""

SOURCES_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# The sources this map cites, as CSL-JSON items (docs/format.md); `argmap source add FILE|URL`
# appends one, with its text snapshot under snapshots/.
[]
"""


@click.command(cls=Command)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="A new argument map", show_default=True,
              help="The map's title.")
def new(folder: Path, title: str) -> None:
    """Start a map in FOLDER: map.yaml with one thesis, an empty sources.yaml, snapshots/.

    FOLDER may exist but must not hold a map or a sources file already.
    """
    from argmap._load.loader import MAP_FILE_NAMES, SOURCES_FILE_NAMES
    from argmap.cli.output import write_or_exit

    taken = [name for name in (*MAP_FILE_NAMES, *SOURCES_FILE_NAMES) if (folder / name).exists()]
    if taken:
        sys.stderr.write(f"{visible(str(folder / taken[0]))}:1:1: argmap new: the folder "
                         "already holds a map; nothing was written\n")
        sys.exit(2)
    try:
        (folder / "snapshots").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"argmap new: cannot create {visible(str(folder))}: "
                         f"{visible(str(exc.strerror or exc))}\n")
        sys.exit(2)
    schemas = _schema_folder(folder)
    relative = Path(os.path.relpath(schemas, folder.resolve())).as_posix()
    write_or_exit(folder / "map.yaml", MAP_TEMPLATE.format(
        schema=f"{relative}/argmap.schema.json", title=_quoted(title),
        text=_quoted("The thesis the document argues, in your words.")))
    write_or_exit(folder / "sources.yaml",
                  SOURCES_TEMPLATE.format(schema=f"{relative}/sources.schema.json"))
    click.echo(f"started a map in {visible(str(folder))}: map.yaml, sources.yaml, snapshots/")
    click.echo(f"  next: argmap source add DOCUMENT --map {visible(str(folder))}")


def _quoted(text: str) -> str:
    import json

    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def _schema_folder(folder: Path) -> Path:
    """The nearest ``schemas/`` above ``folder`` with argmap's schemas, else a new copy."""
    from argmap._output.schema import schema_text
    from argmap.cli.output import write_or_exit

    start = folder.resolve()
    for parent in (start, *start.parents):
        candidate = parent / "schemas"
        if all((candidate / name).is_file() for name in _SCHEMAS):
            return candidate
    target = start / "schemas"
    target.mkdir(exist_ok=True)
    for name, kind in zip(_SCHEMAS, ("map", "sources"), strict=True):
        write_or_exit(target / name, schema_text(kind))
    return target
