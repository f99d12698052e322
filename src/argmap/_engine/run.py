"""The rule engine: run the selected rules, locate and stamp what they report.

Rules yield :class:`~argmap._engine.context.Problem` values; the engine adds the code, rule id and
severity, finds the file position, applies configuration (select, ignore, severities,
per-file ignores) and per-node suppressions, and sorts the result so output is stable.
A rule that crashes becomes an AM000 finding instead of a traceback.
"""

from __future__ import annotations

import fnmatch
import os
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._engine.config import DEFAULT_CONFIG, Config
from argmap._engine.context import Problem, Rule, RuleContext
from argmap._findings import Finding, Location, MapLoadError, Related, Severity, by_position

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["check", "check_loaded", "grounded_labelling", "is_selected"]




def _matches(code: str, rule_id: str, patterns: Iterable[str]) -> int:
    """Length of the most specific pattern that matches (0 when none does)."""
    best = 0
    for pattern in patterns:
        if pattern == rule_id:
            best = max(best, 100)
        elif code.startswith(pattern):
            best = max(best, len(pattern))
    return best


def is_selected(code: str, rule_id: str, config: Config) -> bool:
    """The most specific of select and ignore wins, as in ruff."""
    chosen = _matches(code, rule_id, config.select)
    dropped = _matches(code, rule_id, config.ignore)
    return chosen > 0 and chosen >= dropped


def _severity_for(code: str, rule_id: str, default: Severity, config: Config) -> Severity:
    return config.severity.get(code, config.severity.get(rule_id, default))


def _options_for(rule: Rule, config: Config) -> dict[str, Any]:
    options = dict(rule.OPTIONS)
    options.update(config.options.get(rule.CODE, {}))
    options.update(config.options.get(rule.ID, {}))
    return options


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


def _suppressions(argmap: ArgumentMap) -> dict[tuple[str, str], tuple[str, str]]:
    """(node id, code) -> (reason, collection) for every ``ignore`` entry in the map."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for collection in ("sections", "claims", "relations", "evidence", "checks", "sources"):
        for node in getattr(argmap, collection):
            for entry in node.ignore:
                found.setdefault((node.id, entry.code), (entry.reason, collection))
    return found


def _stamp(rule: Rule, problem: Problem, severity: Severity, locate: _Locator) -> Finding:
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
        severity=problem.severity or severity,
        message=problem.message,
        location=location,
        hint=problem.hint,
        node=problem.node,
        related=related,
        data=dict(problem.data or {}),
    )


def _map_file(argmap: ArgumentMap) -> str | None:
    origin = argmap.origin
    return origin.map_file.display if origin is not None else None


def check_loaded(argmap: ArgumentMap, config: Config = DEFAULT_CONFIG) -> list[Finding]:
    """Run every selected rule on a loaded map; suppressed findings are kept, marked."""
    from argmap._load.loader import gc_paused
    from argmap.rules import load_rules

    with gc_paused():  # rules build indexes over the whole map; see gc_paused
        return _check_loaded(argmap, config, load_rules())


def _check_loaded(argmap: ArgumentMap, config: Config, rules: Iterable[Rule]) -> list[Finding]:
    ctx = RuleContext(argmap)
    locate = _Locator(argmap)
    file_ignores = _file_ignores(_map_file(argmap), config)
    findings: list[Finding] = []
    known: set[str] = set()
    ran: set[str] = set()
    for rule in rules:
        known.add(rule.CODE)
        if not is_selected(rule.CODE, rule.ID, config) or rule.CODE in file_ignores:
            continue
        if rule.ID in file_ignores:
            continue
        ran.add(rule.CODE)
        severity = _severity_for(rule.CODE, rule.ID, rule.SEVERITY, config)
        ctx.options = _options_for(rule, config)
        try:
            findings.extend(_stamp(rule, problem, severity, locate) for problem in rule.check(ctx))
        except Exception as exc:  # noqa: BLE001 - a broken rule must not hide the others
            findings.append(
                Finding(
                    code="AM000",
                    rule="internal-error",
                    severity=Severity.ERROR,
                    message=f"rule {rule.CODE} ({rule.ID}) crashed: {type(exc).__name__}: {exc}",
                    location=locate(None, None, ()),
                    hint="please report this with the map that caused it",
                    data={"traceback": traceback.format_exc()},
                )
            )
    findings = _apply_suppressions(argmap, findings, config, file_ignores, (known, ran))
    return sorted(findings, key=by_position)


def _file_ignores(display: str | None, config: Config) -> set[str]:
    if display is None:
        return set()
    normalised = display.replace(os.sep, "/")
    absolute = Path(display).resolve().as_posix()
    ignored: set[str] = set()
    for pattern, codes in config.per_file_ignores.items():
        if fnmatch.fnmatch(normalised, pattern) or fnmatch.fnmatch(absolute, pattern):
            ignored.update(codes)
    return ignored


def _apply_suppressions(
    argmap: ArgumentMap,
    findings: list[Finding],
    config: Config,
    file_ignores: set[str],
    rule_codes: tuple[set[str], set[str]],
) -> list[Finding]:
    """Mark suppressed findings; report suppressions that silence nothing (AM901).

    A suppression of a rule that did not run (not selected, ignored) is not reported: it may
    well apply when that rule runs. One that names no rule at all is.
    """
    known, ran = rule_codes
    suppressions = _suppressions(argmap)
    used: set[tuple[str, str]] = set()
    result: list[Finding] = []
    for finding in findings:
        key = (finding.node or "", finding.code)
        if finding.node is not None and key in suppressions:
            used.add(key)
            result.append(finding.as_suppressed(suppressions[key][0]))
        else:
            result.append(finding)
    code, rule_id = "AM901", "unused-suppression"
    if is_selected(code, rule_id, config) and code not in file_ignores:
        severity = _severity_for(code, rule_id, Severity.WARNING, config)
        for (node, suppressed_code), (_, collection) in sorted(suppressions.items()):
            if (node, suppressed_code) in used:
                continue
            unknown = suppressed_code not in known
            if not unknown and suppressed_code not in ran:
                continue
            origin = argmap.origin
            index = origin.path_of(node, collection) if origin is not None else None
            location = None
            if index is not None and origin is not None:
                location = origin.locate_path((*index, "ignore"), "key")
            result.append(
                Finding(
                    code=code,
                    rule=rule_id,
                    severity=severity,
                    message=(
                        f"the suppression of {suppressed_code} on {node!r} names no rule"
                        if unknown
                        else f"the suppression of {suppressed_code} on {node!r} suppresses "
                        "nothing"
                    ),
                    location=location,
                    hint="see `argmap rules` for the codes"
                    if unknown
                    else "remove it, or check that the code is the one reported on this node",
                    node=node,
                )
            )
    return result


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
        argmap = load(map_or_path)
    except MapLoadError as exc:
        return list(exc.findings)
    return check_loaded(argmap, config)


def grounded_labelling(argmap: ArgumentMap) -> dict[str, str]:
    """The grounded labelling of the map's claims: ID -> ``in``, ``out`` or ``undecided``."""
    from argmap._verify.argumentation import grounded_labelling as compute

    return dict(compute(argmap))
