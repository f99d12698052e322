"""``argmap convert``: a map from one format to another (YAML, JSON, Argdown)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli import Command
from argmap.cli.options import map_options


@click.command(cls=Command)
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Where to write: NAME.argdown (Argdown), NAME.aif.json (AIF), NAME.json or NAME.yaml "
    "(one map file), or a folder, which gets map.yaml.",
)
@click.option(
    "--from",
    "from_format",
    type=click.Choice(["auto", "aif", "xaif", "ova", "sadface", "argdown", "arguebuf", "kialo",
                       "microtexts", "aml", "brat"]),
    default=None,
    help="Read SOURCE with arguebuf (pip install 'argmap[formats]') as this format; auto "
    "lets arguebuf guess from the suffix and keys.",
)
@map_options
def convert(source: Path, output: Path, from_format: str | None) -> None:
    """Read the map SOURCE (a map folder, a YAML/JSON map file, an .argdown file, an AIF JSON
    nodeset, or with --from any format arguebuf reads) and write it in the format OUTPUT
    names.

    What the reader notes (AM116-AM118 for Argdown) is printed on standard error; the
    conversion still happens. A map that does not load writes nothing and exits 1 (2 when
    the input cannot be read at all). docs/interop.md says what each format keeps.
    """
    from argmap._findings import MapLoadError
    from argmap._interop.arguebuf_read import from_arguebuf
    from argmap._load.loader import load
    from argmap._output.dump import dumps, suffix_format
    from argmap._text import visible
    from argmap.cli.options import current_limits
    from argmap.cli.output import print_load_errors, write_or_exit

    try:
        if from_format is None:
            loaded = load(source, limits=current_limits())
        else:
            loaded = from_arguebuf(source, from_format, limits=current_limits())
    except ImportError as exc:
        click.echo(f"argmap: {visible(str(exc))}", err=True)
        sys.exit(2)
    except MapLoadError as exc:
        print_load_errors(exc.findings)
        sys.exit(2 if exc.unreadable else 1)
    origin = loaded.origin
    if origin is not None and origin.notes:
        print_load_errors(origin.notes)
    suffix = output.suffix.lower()
    if suffix in {".argdown", ".ad", ".aif", ".json", ".yaml", ".yml"} and not output.is_dir():
        target = output
    else:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = visible(str(exc.strerror or exc))
            click.echo(f"argmap: cannot write {visible(str(output))}: {reason}", err=True)
            sys.exit(2)
        target = output / "map.yaml"
    write_or_exit(target, dumps(loaded, suffix_format(target)))
    click.echo(f"wrote {visible(str(target))}", err=True)
