"""``argmap check``: check maps, print the findings, and set the exit code for CI.

Also the authoring loop: ``--fix`` / ``--unsafe-fixes`` / ``--diff`` (ruff's conventions),
``--watch`` (check again on every save) and ``-`` (a map on standard input).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap._output.reporters import REPORTERS
from argmap._record import record
from argmap.cli import Command, started
from argmap.cli.options import current_config, current_limits, map_options

if TYPE_CHECKING:
    from argmap._engine.config import Config
    from argmap._engine.run import CheckRun
    from argmap._fix.apply import FixPlan
    from argmap._load.limits import Limits
    from argmap._load.read import ParsedFile

#: ``--fix`` checks again after fixing, until nothing more is fixed or this many passes.
MAX_FIX_PASSES = 5
#: Formats whose output is for people; fix notes go to standard error for the others.
_TEXT_FORMATS = frozenset({"full", "concise"})


@record(slots=False)
class _Options:
    """What ``check`` was asked, from its options (a dataclass without a docstring gets its
    signature as one, through ``inspect.signature``, when the class is created)."""

    paths: tuple[Path, ...]
    output_format: str
    config: Config
    limits: Limits
    exit_zero: bool
    output: Path | None
    show_info: bool
    jobs: int | None = None
    cache_dir: Path | None = None
    no_cache: bool = True


@click.command(cls=Command)
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
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    envvar="ARGMAP_JOBS",
    help="Check this many maps at once, in worker processes, or one big map's rules in this "
    "many processes (also ARGMAP_JOBS). Default: the number of cores.",
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
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the map files, in place.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, apply the unsafe fixes too (a snapshot's new sha256, "
    "suggested evidence).",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the fixes as a unified diff and change nothing; exit 1 if there are any.",
)
@click.option(
    "--show-info", is_flag=True, help="Print info notes in full (default: one summary line)."
)
@click.option("-v", "--verbose", is_flag=True, help="Print everything (implies --show-info).")
@click.option("--watch", is_flag=True, help="Check again whenever a map file or snapshot changes.")
@map_options
def check(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    strict: bool | None,
    exit_zero: bool,
    output: Path | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    show_info: bool,
    verbose: bool,
    watch: bool,
) -> None:
    """Check maps: files, map folders, or folders searched for maps (default: claims/).

    Every finding of every map is reported in one run, as `path:line:col: CODE message`;
    `[*]` marks a finding `--fix` can fix. `-` reads one map from standard input, as
    `map.yaml` in the current folder (its snapshots and sources.yaml are read there).
    Exit codes: 0 clean, 1 findings at or above the fail level (or, with --diff, fixes to
    make), 2 usage error or unreadable input.
    """
    from argmap._engine.config import merge_cli

    stdin = Path("-") in paths
    if stdin and len(paths) > 1:
        raise click.UsageError("`-` (a map on standard input) cannot be combined with paths")
    if stdin and (fix or diff or watch):
        raise click.UsageError("--fix, --diff and --watch need map files, not `-`")
    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes goes with --fix or --diff")
    if fix and diff:
        raise click.UsageError("--fix writes the fixes and --diff only shows them: choose one")
    config = merge_cli(current_config(select=select, ignore=ignore, fail_level=fail_level),
                       strict=strict)
    options = _Options(paths or (Path("claims"),), output_format, config, current_limits(),
                       exit_zero, output, show_info or verbose, jobs, cache_dir, no_cache)
    import argmap._engine.run  # noqa: F401 - what every way of checking below runs

    started()  # start-up is over: the collector runs again (see argmap.cli.run)
    if stdin:
        from argmap._engine.run import check_stdin

        raw = sys.stdin.buffer.read(options.limits.max_file_bytes + 1)
        sys.exit(_report(check_stdin(raw, Path.cwd(), config, options.limits), options))
    if watch:
        _watch(options)
        return
    if diff:
        sys.exit(_diff(options, unsafe=unsafe_fixes))
    if fix:
        sys.exit(_report(_fix(options, unsafe=unsafe_fixes), options))
    sys.exit(_report(_run_reusing(options), options))


def _run(options: _Options) -> CheckRun:
    """A check in this process, keeping each map's origin and rule context (for --fix,
    --diff and --watch, which need the loaded files)."""
    from argmap._engine.run import check_paths

    return check_paths(list(options.paths), options.config, options.limits)


def _run_reusing(options: _Options) -> CheckRun:
    """A plain check: unchanged maps from the result cache, the others on ``--jobs`` cores.

    The program ends with ``os._exit`` (see :func:`argmap.cli.run`), so the last map checked
    is not freed before it ends."""
    from argmap._engine.run import check_paths, free_last_map_at_exit

    free_last_map_at_exit()

    cache = None
    if not options.no_cache:
        from argmap._cachedir import user_cache_dir
        from argmap._engine.cache import CheckCache

        cache = CheckCache(options.cache_dir or user_cache_dir(), options.config, options.limits)
    jobs = options.jobs
    if jobs is None:
        from argmap._engine.pool import default_jobs

        jobs = default_jobs()
    return check_paths(list(options.paths), options.config, options.limits, jobs=jobs,
                       cache=cache, keep_contexts=False)


def _report(run: CheckRun, options: _Options) -> int:
    """Print (or write) the report; the exit code."""
    from argmap._output.reporters import ReportContext, get_reporter

    reporter = get_reporter(options.output_format)
    text = reporter(list(run.findings), ReportContext(files=list(run.files),
                                                      line_text=run.line_text,
                                                      show_info=options.show_info))
    if options.output is not None:
        from argmap.cli.output import write_or_exit

        write_or_exit(options.output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if run.unreadable:
        return 2
    if run.failing and not options.exit_zero:
        return 1
    return 0


def _plan(run: CheckRun, *, unsafe: bool) -> FixPlan:
    from argmap._fix.apply import plan_fixes

    def parsed(display: str) -> ParsedFile | None:
        origin = run.origins.get(display)
        if origin is None:
            return None
        for file in (origin.map_file, origin.sources_file):
            if file is not None and file.display == display:
                return file
        return None

    return plan_fixes(run.findings, parsed, unsafe=unsafe)


def _note(text: str, options: _Options) -> None:
    """A line about fixes: with the report for people, on standard error otherwise."""
    stream = sys.stdout if options.output_format in _TEXT_FORMATS and not options.output \
        else sys.stderr
    stream.write(text + "\n")


def _fix(options: _Options, *, unsafe: bool) -> CheckRun:
    """Fix, check again, and fix what the new check offers, until nothing changes."""
    from argmap._fix.apply import write_changes
    from argmap._output.reporters.text import finding_line
    from argmap._text import visible

    run = _run(options)
    fixed = 0
    files: set[str] = set()
    for _ in range(MAX_FIX_PASSES):
        plan = _plan(run, unsafe=unsafe)
        for finding, refused in plan.refused:
            _note(f"not fixed: {finding_line(finding)}: {visible(refused)}", options)
        if not plan.changed:
            break
        for finding, fix in plan.applied:
            where = f"{finding.location}: " if finding.location else ""
            _note(f"fixed: {visible(where)}{finding.code} {visible(fix.title)}", options)
        try:
            files.update(write_changes(plan))
        except OSError as exc:
            raise click.ClickException(f"cannot write the fixes: {exc}") from None
        fixed += len(plan.applied)
        run = _run(options)
    left = _plan(run, unsafe=False).unsafe_left if not unsafe else 0
    more = f" ({left} more with --unsafe-fixes)" if left else ""
    _note(f"Fixed {fixed} finding{'s' if fixed != 1 else ''} in {len(files)} "
          f"file{'s' if len(files) != 1 else ''}{more}.", options)
    return run


def _diff(options: _Options, *, unsafe: bool) -> int:
    from argmap._fix.apply import unified_diff

    run = _run(options)
    plan = _plan(run, unsafe=unsafe)
    sys.stdout.write(unified_diff(plan))
    count = len(plan.applied)
    left = f" ({plan.unsafe_left} more with --unsafe-fixes)" if plan.unsafe_left else ""
    sys.stderr.write(f"Would fix {count} finding{'s' if count != 1 else ''}{left}.\n")
    if run.unreadable:
        return 2
    return 1 if plan.changed else 0


def _watched(run: CheckRun, options: _Options) -> list[Path]:
    """What to watch: the paths given, and every snapshot of the maps they hold."""
    found = {(path if path.is_dir() else path.parent).resolve() for path in options.paths
             if path.exists()}
    for argmap in run.maps:
        origin = argmap.origin
        if origin is None:
            continue
        for source in argmap.sources:
            if source.snapshot is not None:
                snapshot = (origin.folder / source.snapshot.path).resolve()
                if snapshot.exists():
                    found.add(snapshot.parent)
    return sorted(found)


def _watch(options: _Options) -> None:
    """Check, then check again after every change, until interrupted (Ctrl-C)."""
    try:
        from watchfiles import watch
    except ImportError:  # pragma: no cover - the watch extra is not installed
        raise click.ClickException(
            "--watch needs the watchfiles package: pip install 'argmap[watch]'"
        ) from None
    run = _run(options)
    _report(run, options)
    try:
        while True:
            watched = _watched(run, options)
            click.echo(f"Watching {len(watched)} path{'s' if len(watched) != 1 else ''} "
                       "for changes (Ctrl-C stops).", err=True)
            for _changes in watch(*watched, debounce=200, step=50, rust_timeout=1000):
                click.echo("\nChange detected; checking again.\n")
                run = _run(options)
                _report(run, options)
                if _watched(run, options) != watched:
                    break  # a snapshot folder came or went: watch the new set
    except KeyboardInterrupt:
        return
