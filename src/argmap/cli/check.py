"""``argmap check``: load maps, run the rules, report, and set the exit code for CI."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap._output.reporters import REPORTERS
from argmap.cli.options import current_limits, limit_options

if TYPE_CHECKING:
    from argmap._findings import Location
    from argmap._load.origin import MapOrigin


def _line_reader(origins: dict[str, MapOrigin], max_bytes: int) -> Callable[[Location], str]:
    """Quote source lines: from the loaded files, else (load errors) from a bounded read.

    A file that failed to load may be huge (over ``--max-file-size``) or hold control
    characters (AM109), so it is read no further than the limit and quoted through
    ``visible``, as loaded files are.
    """
    from argmap._text import visible

    cache: dict[str, list[str]] = {}

    def line_text(location: Location) -> str:
        origin = origins.get(location.file)
        if origin is not None:
            return origin.line_text(location)
        if location.file not in cache:
            try:
                with Path(location.file).open("rb") as handle:
                    raw = handle.read(max_bytes)
                cache[location.file] = raw.decode("utf-8", "replace").splitlines()
            except OSError:
                cache[location.file] = []
        lines = cache[location.file]
        return visible(lines[location.line - 1]) if 0 < location.line <= len(lines) else ""

    return line_text


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(sorted(REPORTERS)),
    default="full",
    show_default=True,
    help="Report format.",
)
@click.option("--select", multiple=True, help="Rule codes, prefixes (AM3) or ids to run.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or ids to skip.")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that fails the run (exit 1). Default: error.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A pyproject.toml to read [tool.argmap] from (default: the nearest one).",
)
@click.option("--no-config", is_flag=True, help="Ignore any pyproject.toml.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@limit_options
def check(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    exit_zero: bool,
    config_path: Path | None,
    no_config: bool,
    output: Path | None,
) -> None:
    """Check maps: files, map folders, or folders searched for maps (default: claims/).

    Every finding of every map is reported in one run, as `path:line:col: CODE message`.
    Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage error or
    unreadable input.
    """
    from argmap._engine.config import ConfigError, check_codes, find_pyproject, load_config
    from argmap._engine.run import check_loaded
    from argmap._findings import Finding, MapLoadError, Severity, by_position
    from argmap._load.loader import discover, load
    from argmap._output.reporters import ReportContext, get_reporter

    try:
        pyproject = None if no_config else (config_path or find_pyproject(Path.cwd()))
        config = load_config(pyproject)
        chosen = check_codes(select, "--select")
        dropped = check_codes(ignore, "--ignore")
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    changes: dict[str, object] = {}
    if chosen:
        changes["select"] = chosen
    if dropped:
        changes["ignore"] = (*config.ignore, *dropped)
    if fail_level:
        changes["fail_level"] = Severity.parse(fail_level)
    config = dataclasses.replace(config, **changes)  # type: ignore[arg-type]

    targets = list(paths) or [Path("claims")]
    findings: list[Finding] = []
    files: list[str] = []
    origins: dict[str, MapOrigin] = {}
    seen: set[Path] = set()
    unreadable = False
    for item in discover(targets):
        if isinstance(item, Finding):
            findings.append(item)
            unreadable = True
            continue
        resolved = item.resolve()
        if resolved in seen:  # `check claims claims/x`: each map is checked once
            continue
        seen.add(resolved)
        files.append(str(item))
        try:
            argmap = load(item, limits=current_limits())
        except MapLoadError as exc:
            findings.extend(exc.findings)
            unreadable = unreadable or exc.unreadable
            continue
        origin = argmap.origin
        if origin is not None:
            for parsed in (origin.map_file, origin.sources_file):
                if parsed is not None:
                    origins[parsed.display] = origin
        findings.extend(check_loaded(argmap, config))
    findings.sort(key=by_position)
    reporter = get_reporter(output_format)
    line_text = _line_reader(origins, current_limits().max_file_bytes)
    context = ReportContext(files=files, line_text=line_text)
    text = reporter(findings, context)
    if output is not None:
        from argmap.cli.output import write_or_exit

        write_or_exit(output, text)
    else:
        sys.stdout.write(text)
    failing = any(f.suppressed is None and f.severity >= config.fail_level for f in findings)
    if unreadable:
        sys.exit(2)
    if failing and not exit_zero:
        sys.exit(1)
