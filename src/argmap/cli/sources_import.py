"""``argmap sources import``: merge a Zotero CSL-JSON or BibTeX export into a sources file.

A group of its own for now (``argmap sources import``); the other source commands join it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap._text import visible
from argmap.cli import Command


def _target(map_path: Path) -> tuple[Path, Path | None]:
    """The sources file to merge into, and the map file whose inline sources count too."""
    from argmap._load.loader import MAP_FILE_NAMES, SOURCES_FILE_NAMES, find_map_file

    if map_path.is_dir():
        map_file = find_map_file(map_path)
        if map_file is None:
            raise click.UsageError(
                f"{visible(str(map_path))} holds no map file (map.yaml, map.yml or map.json)"
            )
        folder = map_path
    elif map_path.name in SOURCES_FILE_NAMES:
        return map_path, None
    elif map_path.name in MAP_FILE_NAMES:
        map_file, folder = map_path, map_path.parent
    else:
        raise click.UsageError(
            f"{visible(str(map_path))} is not a map folder, a map.yaml or a sources file: a "
            "single-file map (NAME.argmap.yaml) keeps its sources inline; import into a map "
            "folder"
        )
    for name in SOURCES_FILE_NAMES:
        if (folder / name).exists():
            return folder / name, map_file
    return folder / "sources.yaml", map_file


@click.command(name="import", cls=Command)
@click.argument("library", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("map_path", metavar="[MAP]", default=".",
                type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Report what would be imported; write nothing.")
def import_(library: Path, map_path: Path, dry_run: bool) -> None:
    """Merge LIBRARY (a Zotero CSL-JSON export, or BibTeX .bib) into MAP's sources file.

    MAP is a map folder (default: the current folder), its map file, or a sources file. New
    items are appended to sources.yaml (created when missing); existing entries and comments
    are never changed: an item whose ID is taken, or that is the same work (same DOI, URL or
    citation key) as a source already there, is skipped and reported (AM127) with the fields
    that differ. Nothing is written when an entry of the library cannot be read (AM126).

    Exit codes: 0 imported (or nothing new), 1 an entry could not be read, 2 unreadable input.
    """
    from argmap._findings import MapLoadError, Severity
    from argmap._interop.library import library_items
    from argmap._load.read import parse_file
    from argmap._output.sources_merge import plan_import
    from argmap._output.write import write_file
    from argmap.cli.options import current_limits
    from argmap.cli.output import print_load_errors

    limits = current_limits()
    target, map_file = _target(map_path)
    try:
        if target.resolve() == library.resolve():
            raise click.UsageError("the library is the sources file itself")
        items, findings = library_items(library, limits)
        existing = parse_file(target, limits) if target.exists() else None
        inline: list[object] = []
        if map_file is not None:
            data = parse_file(map_file, limits).data
            if isinstance(data, dict) and isinstance(data.get("sources"), list):
                inline = data["sources"]
        if any(f.severity is Severity.ERROR for f in findings):
            print_load_errors(findings)
            click.echo(f"argmap: nothing imported: {visible(str(library))} has entries that "
                       "cannot be read", err=True)
            sys.exit(1)
        plan = plan_import(items, target, existing, inline, library.name, limits)
    except MapLoadError as exc:
        print_load_errors(exc.findings)
        sys.exit(2 if exc.unreadable else 1)
    print_load_errors(findings + plan.findings)
    shown = visible(str(target))
    if plan.text is not None and not dry_run:
        try:
            write_file(target, plan.text)
        except OSError as exc:
            click.echo(f"argmap: cannot write {shown}: {visible(str(exc.strerror or exc))}",
                       err=True)
            sys.exit(2)
    verb = "would add" if dry_run else "added"
    click.echo(f"{shown}: {verb} {len(plan.added)} source(s) from "
               f"{visible(str(library))}; {len(plan.kept)} already there, kept as written")
