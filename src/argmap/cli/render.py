"""``argmap render``: draw a map as SVG, PNG, PDF, DOT or an HTML page, written atomically."""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli import Command
from argmap.cli.options import current_config, current_limits, map_options

if TYPE_CHECKING:
    from argmap._render import Drawing

_FORMATS = ("svg", "png", "pdf", "dot", "html")


def _fail(message: str, hint: str | None = None, code: int = 2) -> None:
    from argmap._text import visible

    sys.stderr.write(f"argmap render: {visible(message)}\n")
    if hint:
        sys.stderr.write(f"  hint: {visible(hint)}\n")
    sys.exit(code)


def _tag_colours(values: tuple[str, ...]) -> dict[str, str]:
    colours: dict[str, str] = {}
    for value in values:
        tag, sep, colour = value.rpartition("=")
        if not sep or not tag:
            msg = f"--tag-colour takes TAG=COLOUR, not {value!r}"
            raise click.BadParameter(msg)
        colours[tag] = colour
    return colours


@click.command(cls=Command)
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (.svg, .png, .pdf, .dot, .html); default: standard output.",
)
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS),
              help="Output format; default: from the output suffix, else svg.")
@click.option("--backend", type=click.Choice(["auto", "dot", "wasm"]), default="auto",
              show_default=True,
              help="Layout engine: the system dot, or Graphviz in WebAssembly (auto: dot "
              "when on PATH).")
@click.option("--view", "view_name", type=click.Choice(["full", "overview"]), default="full",
              show_default=True,
              help="overview: the theses, the claims one or two steps below them and the "
              "objections, with short titles and no evidence.")
@click.option("--overview-depth", type=click.IntRange(min=0),
              help="With --view overview: how many relation steps below the theses to draw. "
              "Default: 2, or 1 when two steps would draw more than 24 claims.")
@click.option("--section", help="Draw one section (and the sections inside it); links that "
              "leave it end in labelled stubs.")
@click.option("--no-stubs", is_flag=True,
              help="With --section: drop the links that leave the section instead of drawing "
              "stubs.")
@click.option("--focus", metavar="ID", help="Draw the neighbourhood of one claim.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many relation steps away to draw.")
@click.option("--evidence", type=click.Choice(["show", "count", "hide"]), default="show",
              show_default=True, help="Draw evidence, collapse it to counts, or hide it.")
@click.option("--sources", is_flag=True, help="Also draw sources, linked to their evidence.")
@click.option("--rankdir", type=click.Choice(["BT", "TB", "LR", "RL"]), default="BT",
              show_default=True, help="Direction of the drawing (BT: thesis on top).")
@click.option("--no-legend", is_flag=True, help="Leave the legend out.")
@click.option("--findings", is_flag=True,
              help="Run the checks and mark the nodes that have findings.")
@click.option("--grounded", is_flag=True,
              help="Colour claims by their grounded status (in/out/undecided).")
@click.option("--tag-colour", "tag_colour", multiple=True, metavar="TAG=COLOUR",
              help="Fill claims carrying TAG with COLOUR (#RRGGBB or a name); repeatable.")
@click.option("--wrap", type=click.IntRange(min=10), default=None,
              help="Wrap claim text at this many characters [default: 34; 22 in the "
              "overview].")
@click.option("--max-nodes", type=click.IntRange(min=1), default=600, show_default=True,
              help="Most nodes to draw: above it evidence is collapsed, then the render stops.")
@click.option("--max-edges", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Most edges to draw: above it evidence is collapsed, then the render stops.")
@map_options
def render(
    path: Path, output: Path | None, fmt: str | None, backend: str, view_name: str,
    overview_depth: int | None, section: str | None, no_stubs: bool,
    focus: str | None, depth: int, evidence: str, sources: bool, rankdir: str,
    no_legend: bool, findings: bool, grounded: bool, tag_colour: tuple[str, ...], wrap: int | None,
    max_nodes: int, max_edges: int,
) -> None:
    """Draw the map at PATH (a map file or folder) with Graphviz.

    With --findings the checks follow [tool.argmap] (select, ignore, severity), as in
    `argmap check`; without it the configuration is not read. `-f html` writes one
    self-contained interactive page (search, claim details with quotes in context, findings);
    it always runs the checks, following [tool.argmap].

    Exit codes: 0 written, 1 the map has load errors, 2 usage error, unreadable input or
    no way to make the format.
    """
    from argmap.cli.output import write_or_exit

    chosen = fmt or (output.suffix.lower().lstrip(".") if output is not None else "svg")
    if chosen not in _FORMATS:
        raise click.UsageError(
            f"cannot tell the format from {output}: use a .svg, .png, .pdf, .dot or .html suffix, "
            "or --format"
        )
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if fmt and suffix in _FORMATS and suffix != fmt:
        raise click.UsageError(f"--format {fmt} would write {fmt.upper()} into {output}")
    if output is None and chosen in {"png", "pdf"} and sys.stdout.isatty():
        raise click.UsageError(f"{chosen.upper()} is binary: write it to a file with -o")
    options: dict[str, object] = {
        "view": view_name, "overview_depth": overview_depth, "stubs": not no_stubs,
        "section": section, "focus": focus, "depth": depth, "evidence": evidence,
        "sources": sources, "rankdir": rankdir, "legend": not no_legend, "wrap": wrap,
        "max_nodes": max_nodes, "max_edges": max_edges, "grounded": True if grounded else None,
    }
    caught: list[warnings.WarningMessage] = []
    built = _build(path, chosen, backend, options, tag_colour, findings=findings, caught=caught)
    # the map is gone here: only the DOT and what finishing needs are held while Graphviz
    # lays it out and the SVG is finished (docs/render.md, "Memory")
    if isinstance(built, bytes):
        data = built
    else:
        with _drawing(caught):
            data = built.draw()
    from argmap._text import visible

    for warning in caught:
        sys.stderr.write(f"argmap render: warning: {visible(str(warning.message))}\n")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_or_exit(output, data, prog="argmap render")


@contextlib.contextmanager
def _drawing(caught: list[warnings.WarningMessage]) -> Iterator[None]:
    """A drawing step: its RenderWarnings kept in ``caught``, its errors the command's end."""
    from argmap._render import RenderError, RenderWarning, ViewError

    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always", RenderWarning)
            yield
    except (RenderError, ViewError) as exc:
        _fail(str(exc), getattr(exc, "hint", None))
    caught.extend(seen)


def _build(
    path: Path, chosen: str, backend: str, options: dict[str, object],
    tag_colour: tuple[str, ...], *, findings: bool, caught: list[warnings.WarningMessage],
) -> bytes | Drawing:
    """Load the map and build the drawing's DOT (the whole page for html); the loaded map
    lives only in this frame, so it is freed before the layout runs."""
    from argmap._findings import MapLoadError
    from argmap._load.loader import load
    from argmap._render import prepare
    from argmap.cli.output import print_load_errors

    config = current_config() if findings or chosen == "html" else None
    try:
        argmap = load(path, limits=current_limits())
    except MapLoadError as exc:
        print_load_errors(exc.findings)
        _fail("the map cannot be loaded; `argmap check` explains", code=2 if exc.unreadable else 1)
        raise  # pragma: no cover - _fail exits
    view = {**options, "tag_colours": _tag_colours(tag_colour)}
    checked = None
    if chosen == "html" and config is not None:
        from argmap._engine.run import check_context

        checked = check_context(argmap, config)
    elif config is not None:
        from argmap._engine.run import check_loaded

        view["findings"] = check_loaded(argmap, config)
    built: bytes | Drawing = b""
    with _drawing(caught):
        if checked is not None:
            from argmap._html import render_html
            from argmap._render import View

            built = render_html(argmap, View.from_options(view), backend, checked)
        elif chosen == "html":  # pragma: no cover - html always reads the configuration
            from argmap._render import render as draw

            built = draw(argmap, chosen, backend=backend, **view)
        else:
            built = prepare(argmap, chosen, backend=backend, **view)
    return built
