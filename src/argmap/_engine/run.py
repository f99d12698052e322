"""The rule engine: run the selected rules, locate and stamp what they report.

Rules yield :class:`~argmap._engine.context.Problem` values; the engine adds the code, rule id and
severity, finds the file position, applies configuration (select, ignore, severities,
per-file ignores) and per-node suppressions, and sorts the result so output is stable.
A rule that crashes becomes an AM000 finding instead of a traceback.

:func:`check_paths` is a whole run, as ``argmap check`` does it: find the maps, load each
once, check it, and keep what a reporter or the Markdown report needs afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._engine.codes import INTERNAL_ERROR
from argmap._engine.config import (
    DEFAULT_CONFIG,
    Config,
    is_selected,
    options_for,
    severity_for,
    strict_severity,
)
from argmap._engine.context import Problem, ProblemFix, Rule, RuleContext
from argmap._engine.outcome import MapOutcome, quoted_lines
from argmap._engine.pool import run_maps
from argmap._engine.suppressions import apply_suppressions, file_ignores
from argmap._findings import (
    UNREADABLE_CODES,
    Edit,
    Finding,
    Fix,
    Location,
    MapLoadError,
    Related,
    Severity,
    by_position,
)
from argmap._load.files import ReadLog, recording
from argmap._load.limits import DEFAULT_LIMITS, Limits
from argmap._record import record

if TYPE_CHECKING:
    from argmap._engine.cache import CheckCache
    from argmap._engine.reader import Reader
    from argmap._load.origin import MapOrigin
    from argmap._model import ArgumentMap

__all__ = [
    "CheckRun",
    "check",
    "check_context",
    "check_loaded",
    "check_map",
    "check_one",
    "check_paths",
    "check_stdin",
    "grounded_labelling",
]


class _Locator:
    def __init__(self, argmap: ArgumentMap) -> None:
        self.origin = argmap.origin

    def __call__(
        self,
        node: str | None,
        kind: str | None,
        fields: tuple[str | int, ...],
        path: tuple[str | int, ...] | None = None,
    ) -> Location | None:
        origin = self.origin
        if origin is None:
            return None
        if path is not None:
            located: Location = origin.locate_path((*path, *fields))
            return located
        if node is None:
            root: Location = origin.locate_path(())
            return root
        found: Location | None = origin.locate(node, *fields, kind=kind)
        if found is None and kind is not None:
            found = origin.locate(node, *fields)
        return found

    def fix(self, fix: ProblemFix | None) -> Fix | None:
        """The rule's fix with each edit's file and data path in that file; None when a
        node cannot be found (a fix is never guessed)."""
        origin = self.origin
        if fix is None or origin is None:
            return None
        edits = []
        for edit in fix.edits:
            if edit.node is None:
                path: tuple[str | int, ...] = edit.field
            else:
                found = origin.path_of(edit.node, edit.kind)
                if found is None:
                    return None
                path = (*found, *edit.field)
            parsed, inner = origin.file_of(path)
            edits.append(Edit(edit.op, tuple(inner), edit.value, parsed.display, edit.key))
        return Fix(fix.title, tuple(edits), fix.safe)


def _stamp(
    rule: Rule, problem: Problem, severity: Severity, locate: _Locator, config: Config
) -> Finding:
    location = locate(problem.node, problem.kind, problem.field, problem.path)
    related = tuple(
        Related(
            ref.message,
            locate(ref.node, ref.kind, ref.field) if ref.node else None,
            ref.node,
        )
        for ref in problem.related
    )
    return Finding(
        code=rule.CODE,
        rule=rule.ID,
        severity=strict_severity(rule.CODE, problem.severity or severity, config),
        message=problem.message,
        location=location,
        hint=problem.hint,
        node=problem.node,
        target=problem.target,
        related=related,
        data=dict(problem.data or {}),
        fix=locate.fix(problem.fix),
    )


def _map_file(argmap: ArgumentMap) -> str | None:
    origin = argmap.origin
    return origin.map_file.display if origin is not None else None


def _import_rules() -> None:
    from argmap.rules import load_rules

    load_rules()


def _compile_grammar() -> None:
    from argmap._verify.numbers import compile_common_patterns

    compile_common_patterns()


def _import_graph_library() -> None:
    from argmap._verify.graph import import_library

    import_library()


#: What a check does first once its map is loaded, in the order it needs it: import the
#: rules (and the verification modules under them: 70-150 ms in a fresh process), compile
#: the number grammar's common patterns (25-55 ms, paid by each process of a split run,
#: forked before the first text is read) and import the graph library (6-12 ms once the
#: rules are). At 10,000 claims the helper takes the first, often the second, within the
#: parse; at 100,000 all three.
_FIRST_STEPS: tuple[Callable[[], None], ...] = (
    _import_rules, _compile_grammar, _import_graph_library)


def _loading() -> AbstractContextManager[None]:
    """Around the load of a map to be checked: the helper thread of a long parse takes the
    check's first steps while yaml-rs parses (:func:`argmap._load.read.beside_parse`)."""
    from argmap._load.read import beside_parse

    return beside_parse(*_FIRST_STEPS)


def check_loaded(argmap: ArgumentMap, config: Config = DEFAULT_CONFIG) -> list[Finding]:
    """Run every selected rule on a loaded map; suppressed findings are kept, marked."""
    findings, _ = _run(argmap, config)
    return findings


def check_context(
    argmap: ArgumentMap, config: Config = DEFAULT_CONFIG
) -> tuple[list[Finding], RuleContext]:
    """The findings of a loaded map and the rule context they came from.

    For outputs that show what the rules computed (the HTML map reads the quote anchorings and
    the grounded analysis from the context), so nothing is computed twice.
    """
    return _run(argmap, config)


def _run(
    argmap: ArgumentMap, config: Config, *, lean: bool = False, jobs: int = 1,
    reader: Reader | None = None,
) -> tuple[list[Finding], RuleContext]:
    """The findings, and the context the rules shared (its indexes and caches stay filled).

    ``lean``: nobody reads the context afterwards, so each memoised value is dropped once
    the last rule that reads it has run (see :mod:`argmap._engine.lifetimes`), and a big
    map's rules may run in up to ``jobs`` processes (:mod:`argmap._engine.split`), or
    with its texts read by ``reader`` (:mod:`argmap._engine.reader`).
    """
    from argmap._load.loader import gc_paused
    from argmap.rules import load_rules

    ctx = RuleContext(argmap)
    with gc_paused():  # rules build indexes over the whole map; see gc_paused
        return _check_loaded(ctx, config, load_rules(), lean=lean, jobs=jobs,
                             reader=reader), ctx


def _check_loaded(
    ctx: RuleContext, config: Config, rules: Iterable[Rule], *, lean: bool = False,
    jobs: int = 1, reader: Reader | None = None,
) -> list[Finding]:
    argmap = ctx.map
    locate = _Locator(argmap)
    ignored_here = file_ignores(_map_file(argmap), config)
    rules = list(rules)
    known = {rule.CODE for rule in rules}
    selected = [rule for rule in rules
                if is_selected(rule.CODE, rule.ID, config)
                and rule.CODE not in ignored_here and rule.ID not in ignored_here]
    ran = {rule.CODE for rule in selected}
    by_rule: dict[str, list[Finding]] | None = None
    if lean and jobs > 1:  # nobody reads the context afterwards: the rules may run elsewhere
        from argmap._engine.split import run_split

        by_code = {rule.CODE: rule for rule in selected}
        by_rule = run_split(
            ctx, list(by_code), jobs,
            lambda codes: _run_rules(ctx, [by_code[code] for code in codes], config, locate,
                                     lean=True),
            reader,
        )
    if by_rule is None:
        by_rule = _run_rules(ctx, selected, config, locate, lean=lean)
    findings = [finding for rule in selected for finding in by_rule[rule.CODE]]
    origin = argmap.origin
    if origin is not None:  # what the reader noted (Argdown: AM116-AM118), as rules are
        findings.extend(
            note for note in origin.notes
            if is_selected(note.code, note.rule, config) and note.code not in ignored_here
            and note.rule not in ignored_here
        )
    findings = apply_suppressions(argmap, findings, config, ignored_here, (known, ran), ctx)
    return sorted(findings, key=by_position)


def _run_rules(
    ctx: RuleContext, rules: Sequence[Rule], config: Config, locate: _Locator, *, lean: bool
) -> dict[str, list[Finding]]:
    """Each rule's findings, by code, the rules run in the order given (code order).

    ``lean``: on a big map, each memoised value is dropped once the last rule that reads it
    has had its turn (see :mod:`argmap._engine.lifetimes`); run or not, as a group of a split
    run skips the rules other processes run. What the last rules of the group read is left
    to the next group this process runs (:attr:`RuleContext.spent`), if any: freeing it when
    the process has no rule left to run would lower no peak (0.1 s at 100,000 claims).
    """
    from argmap._engine.lifetimes import drops

    lean = lean and drops(ctx.map)
    if lean:
        from argmap._engine.lifetimes import releases

        dropped = dict(releases())
        ctx.forget(ctx.spent)
        ctx.spent = frozenset()
    by_rule: dict[str, list[Finding]] = {}
    for rule in rules:
        if lean:
            ctx.forget(_dropped_before(rule.CODE, dropped))
        severity = severity_for(rule.CODE, rule.ID, rule.SEVERITY, config)
        ctx.options = options_for(rule, config)
        found = by_rule[rule.CODE] = []
        try:
            found.extend(_stamp(rule, problem, severity, locate, config)
                         for problem in rule.check(ctx))
        except Exception as exc:  # noqa: BLE001 - a broken rule must not hide the others
            import traceback  # only for a crash: 1-2 ms of every check's start-up otherwise

            found.append(
                Finding(
                    code=INTERNAL_ERROR.code,
                    rule=INTERNAL_ERROR.id,
                    severity=INTERNAL_ERROR.severity,
                    message=f"rule {rule.CODE} ({rule.ID}) crashed: {type(exc).__name__}: {exc}",
                    location=locate(None, None, ()),
                    hint="please report this with the map that caused it",
                    data={"traceback": traceback.format_exc()},
                )
            )
    if lean:
        ctx.spent = _dropped_before("~", dropped)  # read by the last rules: see above
    return by_rule


def _dropped_before(code: str, dropped: dict[str, frozenset[object]]) -> frozenset[object]:
    """The memo owners whose last reader comes before the rule ``code`` (code order); they
    are taken out of ``dropped``, so each is dropped once."""
    done = [last for last in dropped if last < code]
    owners: frozenset[object] = frozenset()
    for last in done:
        owners |= dropped.pop(last)
    return owners


def check(
    map_or_path: ArgumentMap | str | os.PathLike[str], config: Config = DEFAULT_CONFIG
) -> list[Finding]:
    """Check a map (or load one from a path first) and return every finding, sorted.

    A map that cannot be loaded gives its load errors as findings, so one call reports
    everything; use :func:`argmap.load` to get them as a :class:`~argmap.MapLoadError`.
    """
    from argmap._model import ArgumentMap

    if isinstance(map_or_path, ArgumentMap):
        return check_loaded(map_or_path, config)
    from argmap._load.loader import load

    try:
        with _loading():
            argmap = load(map_or_path)
    except MapLoadError as exc:
        return list(exc.findings)
    return check_loaded(argmap, config)


def grounded_labelling(argmap: ArgumentMap) -> dict[str, str]:
    """The grounded labelling of the map's claims: ID -> ``in``, ``out`` or ``undecided``."""
    from argmap._verify.argumentation import grounded_labelling as compute

    return dict(compute(argmap))


# --- a whole run -------------------------------------------------------------------------------


@record(slots=False)
class CheckRun:
    """Everything one check of one or more paths found, for reporters and the report.

    ``findings`` holds load errors and rule findings of every map, sorted by position;
    ``files`` the map files checked, as shown; ``origins`` the loaded files by their shown
    path, to quote lines from; ``contexts`` one rule context per map that loaded, with the
    indexes, quote anchorings and graph analyses the rules computed, so a report built from
    the run computes none of them again. ``unreadable`` is true when a path or file could
    not be read at all (the command line exits 2). ``reads`` records every file the run
    asked to read (maps, sources, snapshots) and those that passed the read checks.
    """

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    origins: Mapping[str, MapOrigin]
    contexts: tuple[RuleContext, ...]
    unreadable: bool
    config: Config = DEFAULT_CONFIG
    limits: Limits = DEFAULT_LIMITS
    reads: ReadLog = field(default_factory=ReadLog, compare=False)
    #: file -> line -> text: the lines findings of maps checked elsewhere point at
    quoted: Mapping[str, Mapping[int, str]] = field(default_factory=dict, compare=False)
    _lines: dict[str, list[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def maps(self) -> tuple[ArgumentMap, ...]:
        """The maps that loaded, in the order they were checked."""
        return tuple(ctx.map for ctx in self.contexts)

    @property
    def failing(self) -> bool:
        """A finding that is not suppressed reaches the configuration's fail level."""
        level = self.config.fail_level
        return any(f.suppressed is None and f.severity >= level for f in self.findings)

    def line_text(self, location: Location) -> str:
        """The source line a location points at, for quoting under a finding.

        From the loaded file when there is one; else from the lines a map checked in a worker
        process or taken from the cache brought with it; else (a file that failed to load)
        only when the file passed the read checks in this run (a regular file, inside its
        map's folder when it was found there, within ``max_file_bytes``): a file refused for
        leading outside (a link to a secret) is never quoted. It is read again through the
        same checks and quoted through ``visible``, as it may hold control characters (AM109).
        """
        quoted = self.quoted.get(location.file)
        if quoted is not None and location.file not in self.origins:
            return quoted.get(location.line, "")
        return _line_text(location, self.origins, self.reads, self.limits, self._lines)


def _line_text(
    location: Location,
    origins: Mapping[str, MapOrigin],
    reads: ReadLog,
    limits: Limits,
    lines_read: dict[str, list[str]],
) -> str:
    """See :meth:`CheckRun.line_text`; ``lines_read`` keeps the files read again."""
    from argmap._load.files import FileRefusedError, read_bytes, resolved
    from argmap._text import visible

    origin = origins.get(location.file)
    if origin is not None:
        return origin.line_text(location)
    if location.file not in lines_read:
        lines_read[location.file] = []
        if resolved(location.file) in reads.passed:
            try:
                raw = read_bytes(location.file, limit=limits.max_file_bytes)
                lines_read[location.file] = raw.decode("utf-8", "replace").splitlines()
            except FileRefusedError:
                pass
    lines = lines_read[location.file]
    return visible(lines[location.line - 1]) if 0 < location.line <= len(lines) else ""


#: The last map a lean check loaded, and its rule context, while the program that asked
#: (:func:`free_last_map_at_exit`) ends with ``os._exit`` after its output: freeing a map's
#: objects one by one is work nobody needs then (30 ms for the models at 10,000 claims).
#: One map only: the next map's load frees the one before first, so that no two are held.
_LAST_MAP: list[Any] | None = None


def free_last_map_at_exit() -> None:
    """Leave the last map a lean check loaded to the end of the process (the CLI's
    ``os._exit``) instead of freeing it when its check is done."""
    global _LAST_MAP  # noqa: PLW0603 - the one switch of the program's exit mode
    _LAST_MAP = []


class _Collector:
    """Gathers a run map by map: load errors, findings, origins and rule contexts."""

    def __init__(
        self, config: Config, limits: Limits, *, lean: bool = False, jobs: int = 1
    ) -> None:
        self.config = config
        self.limits = limits
        #: With ``lean``: a big map's rules may run in up to this many processes.
        self.jobs = jobs
        #: Nobody reads the maps afterwards, only the findings (and the lines they quote):
        #: the parsed data and each memoised value are dropped as soon as they are done with.
        self.lean = lean
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.origins: dict[str, MapOrigin] = {}
        self.contexts: list[RuleContext] = []
        self.quoted: dict[str, Mapping[int, str]] = {}
        self.unreadable = False

    def problem(self, finding: Finding) -> None:
        """A path that holds no map or cannot be read, or a search that went too deep."""
        self.findings.append(finding)
        self.unreadable = self.unreadable or finding.code in UNREADABLE_CODES

    def map_at(self, path: Path, inside: Path | None = None) -> None:
        """Load the map at ``path`` and check it; a load error is kept as findings."""
        from argmap._load.loader import load_telling

        self.files.append(str(path))
        if _LAST_MAP:
            _LAST_MAP.clear()
        reader = None
        parsed = None
        if self.lean and self.jobs > 1:  # before the load: see argmap._engine.reader
            from argmap._engine.reader import fork_reader, send_parsed

            reader = fork_reader(path)
            if reader is not None:
                parsed = partial(send_parsed, reader)
        try:
            try:
                with _loading():
                    argmap = load_telling(path, limits=self.limits, inside=inside,
                                          parsed=parsed)
            except MapLoadError as exc:
                self.findings.extend(exc.findings)
                self.unreadable = self.unreadable or exc.unreadable
                return
            self._loaded(argmap, reader)
        finally:
            if reader is not None:
                reader.stop()

    def _loaded(self, argmap: ArgumentMap, reader: Reader | None = None) -> None:
        origin = argmap.origin
        if origin is not None:
            for parsed in (origin.map_file, origin.sources_file):
                if parsed is not None:
                    self.origins[parsed.display] = origin
        if self.lean and origin is not None:
            origin.release_data()
        findings, ctx = _run(argmap, self.config, lean=self.lean, jobs=self.jobs,
                             reader=reader)
        self.findings.extend(findings)
        if not self.lean:
            self.contexts.append(ctx)
        elif _LAST_MAP is not None:
            _LAST_MAP[:] = (argmap, ctx)

    def outcome(self, outcome: MapOutcome) -> None:
        """A map checked in another process or taken from the cache."""
        self.files.append(outcome.file)
        self.findings.extend(outcome.findings)
        self.unreadable = self.unreadable or outcome.unreadable
        self.quoted.update(outcome.lines)

    def map_bytes(self, raw: bytes, folder: Path) -> None:
        """Load the map given as bytes (standard input) as ``map.yaml`` in ``folder``."""
        from argmap._load.loader import STDIN_NAME, load_bytes

        self.files.append(STDIN_NAME)
        if _LAST_MAP:
            _LAST_MAP.clear()
        try:
            with _loading():
                argmap = load_bytes(raw, folder, limits=self.limits)
        except MapLoadError as exc:
            self.findings.extend(exc.findings)
            self.unreadable = self.unreadable or exc.unreadable
            return
        self._loaded(argmap)

    def finish(self, reads: ReadLog) -> CheckRun:
        return CheckRun(
            findings=tuple(sorted(self.findings, key=by_position)),
            files=tuple(self.files),
            origins=self.origins,
            contexts=tuple(self.contexts),
            unreadable=self.unreadable,
            config=self.config,
            limits=self.limits,
            reads=reads,
            quoted=self.quoted,
        )


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    config: Config = DEFAULT_CONFIG,
    limits: Limits = DEFAULT_LIMITS,
    *,
    jobs: int = 1,
    cache: CheckCache | None = None,
    keep_contexts: bool = True,
) -> CheckRun:
    """Check every map found under ``paths`` (files, map folders, folders searched for maps).

    A map named twice (``claims`` and ``claims/x``) is checked once. Nothing is raised for
    bad input: a path with no map, or a map that does not load, gives findings.

    With ``jobs`` above 1, the maps are checked in that many worker processes; with a
    ``cache``, a map whose files are unchanged since a stored check is not checked again.
    Either way the findings are the same; only maps checked in this process have a rule
    context in :attr:`CheckRun.contexts` (the Markdown report needs one: it checks one map
    with :func:`check_map`). Without ``keep_contexts`` none is kept, so a check of many maps
    in one process holds one map at a time, not all of them (``argmap check``).
    """
    from argmap._load.loader import discover

    collected = _Collector(config, limits)
    seen: set[Path] = set()
    todo: list[tuple[Path, Path | None]] = []
    with recording() as reads:
        for item in discover(paths, limits):
            if isinstance(item, Finding):
                collected.problem(item)
                continue
            resolved = item.path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            if jobs <= 1 and cache is None and keep_contexts:
                collected.map_at(item.path, item.inside)
            else:
                todo.append((item.path, item.inside))
        for outcome in _outcomes(todo, config, limits, jobs, cache):
            collected.outcome(outcome)
    return collected.finish(reads)


def _outcomes(
    todo: list[tuple[Path, Path | None]],
    config: Config,
    limits: Limits,
    jobs: int,
    cache: CheckCache | None,
) -> list[MapOutcome]:
    """The outcome of each map, in order: from the cache, a worker, or this process."""
    outcomes: list[MapOutcome | None] = [
        cache.get(path, inside) if cache is not None else None for path, inside in todo
    ]
    missing = [index for index, outcome in enumerate(outcomes) if outcome is None]
    fresh = run_maps([todo[index] for index in missing], config, limits, jobs,
                     for_cache=cache is not None)
    for index, outcome in zip(missing, fresh, strict=True):
        outcomes[index] = outcome
        if cache is not None:
            cache.put(*todo[index], outcome)
    return [outcome for outcome in outcomes if outcome is not None]


def check_one(
    path: Path,
    inside: Path | None,
    config: Config,
    limits: Limits,
    for_cache: bool = True,
    *,
    jobs: int = 1,
) -> MapOutcome:
    """Check one map and keep what a reporter and the cache need: see :class:`MapOutcome`.

    Without ``for_cache`` the files read are not hashed, and the outcome is not cacheable.
    With ``jobs`` above 1, a big map's rules run in up to that many processes, with the
    same outcome (:mod:`argmap._engine.split`).
    """
    collected = _Collector(config, limits, lean=True, jobs=jobs)
    with recording(digests=for_cache) as reads:
        collected.map_at(path, inside)
    findings = tuple(collected.findings)
    lines_read: dict[str, list[str]] = {}
    lines = quoted_lines(
        findings,
        lambda location: _line_text(location, collected.origins, reads, limits, lines_read),
    )
    digests = reads.digests or {}
    inputs: dict[str, str | None] = {}
    cacheable = True
    for asked in sorted(reads.asked):
        if asked in digests:
            inputs[str(asked)] = digests[asked]
        elif os.path.lexists(asked):
            cacheable = False  # refused for its type, size or place: check it every time
        else:
            inputs[str(asked)] = None
    return MapOutcome(
        file=collected.files[0],
        findings=findings,
        unreadable=collected.unreadable,
        lines=lines,
        inputs=inputs,
        cacheable=for_cache and cacheable and not collected.unreadable,
    )


def check_map(
    path: str | os.PathLike[str],
    config: Config = DEFAULT_CONFIG,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckRun:
    """Check the one map at ``path`` (a map file or a map folder), searching no further.

    For commands about one map (``argmap report``): a folder of several maps is a load
    error here, as in :func:`argmap.load`, not a search.
    """
    collected = _Collector(config, limits)
    with recording() as reads:
        collected.map_at(Path(path))
    return collected.finish(reads)


def check_stdin(
    raw: bytes,
    folder: str | os.PathLike[str] = ".",
    config: Config = DEFAULT_CONFIG,
    limits: Limits = DEFAULT_LIMITS,
) -> CheckRun:
    """Check the map given as bytes (``argmap check -``), named ``<stdin>`` in findings, as
    if it were ``map.yaml`` in ``folder`` (snapshots and ``sources.yaml`` are read there)."""
    collected = _Collector(config, limits)
    with recording() as reads:
        collected.map_bytes(raw, Path(folder))
    return collected.finish(reads)
