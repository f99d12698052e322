"""``argmap check``: check maps, print the findings, and set the exit code for CI."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap._output.reporters import REPORTERS
from argmap.cli.options import current_config, current_limits, map_options


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
@click.option(
    "--strict/--no-strict",
    default=None,
    help="Make every warning of the verification families (AM3xx citations and numbers, "
    "AM4xx quotes and sources, AM5xx arithmetic, AM6xx dates) an error. "
    "Default: strict in [tool.argmap], else off.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    envvar="ARGMAP_JOBS",
    help="Check this many maps at once, in worker processes (also ARGMAP_JOBS). "
    "Default: the number of cores.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="ARGMAP_NO_CACHE",
    help="Check every map again instead of reusing the stored result of an unchanged map "
    "(also ARGMAP_NO_CACHE=1).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=["ARGMAP_CHECK_CACHE_DIR", "ARGMAP_CACHE_DIR"],
    help="Folder of the result cache (also ARGMAP_CHECK_CACHE_DIR, or ARGMAP_CACHE_DIR for all "
    "of argmap's caches). Default: the user's cache folder.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@map_options
def check(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    strict: bool | None,
    exit_zero: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    output: Path | None,
) -> None:
    """Check maps: files, map folders, or folders searched for maps (default: claims/).

    Every finding of every map is reported in one run, as `path:line:col: CODE message`.
    Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage error or
    unreadable input.
    """
    from argmap._engine.config import merge_cli
    from argmap._engine.run import check_paths
    from argmap._output.reporters import ReportContext, get_reporter

    config = merge_cli(current_config(select=select, ignore=ignore, fail_level=fail_level),
                       strict=strict)
    limits = current_limits()
    cache = None
    if not no_cache:
        from argmap._cachedir import user_cache_dir
        from argmap._engine.cache import CheckCache

        cache = CheckCache(cache_dir or user_cache_dir(), config, limits)
    if jobs is None:
        from argmap._engine.pool import default_jobs

        jobs = default_jobs()
    run = check_paths(list(paths) or [Path("claims")], config, limits, jobs=jobs, cache=cache)
    reporter = get_reporter(output_format)
    text = reporter(list(run.findings), ReportContext(files=list(run.files),
                                                      line_text=run.line_text))
    if output is not None:
        from argmap.cli.output import write_or_exit

        write_or_exit(output, text)
    else:
        sys.stdout.write(text)
    if run.unreadable:
        sys.exit(2)
    if run.failing and not exit_zero:
        sys.exit(1)
