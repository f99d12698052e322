"""Suppressions: per-file ignores from the configuration and ``ignore`` entries on nodes.

A suppressed finding is kept, marked with its reason, so reporters can show what was silenced;
an ``ignore`` entry that silences nothing is itself a finding (AM901), so suppressions do not
outlive their reason.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import TYPE_CHECKING

from argmap._engine.codes import UNUSED_SUPPRESSION
from argmap._engine.config import Config, is_selected, severity_for
from argmap._findings import Finding

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["apply_suppressions", "file_ignores", "map_suppressions"]


def map_suppressions(argmap: ArgumentMap) -> dict[tuple[str, str], tuple[str, str]]:
    """(node id, code) -> (reason, collection) for every ``ignore`` entry in the map."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for collection in ("sections", "claims", "relations", "evidence", "checks", "sources"):
        for node in getattr(argmap, collection):
            for entry in node.ignore:
                found.setdefault((node.id, entry.code), (entry.reason, collection))
    return found


def file_ignores(display: str | None, config: Config) -> set[str]:
    if display is None:
        return set()
    normalised = display.replace(os.sep, "/")
    absolute = Path(display).resolve().as_posix()
    ignored: set[str] = set()
    for pattern, codes in config.per_file_ignores.items():
        if fnmatch.fnmatch(normalised, pattern) or fnmatch.fnmatch(absolute, pattern):
            ignored.update(codes)
    return ignored


def apply_suppressions(
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
    suppressions = map_suppressions(argmap)
    used: set[tuple[str, str]] = set()
    result: list[Finding] = []
    for finding in findings:
        key = (finding.node or "", finding.code)
        if finding.node is not None and key in suppressions:
            used.add(key)
            result.append(finding.as_suppressed(suppressions[key][0]))
        else:
            result.append(finding)
    code, rule_id = UNUSED_SUPPRESSION.code, UNUSED_SUPPRESSION.id
    if is_selected(code, rule_id, config) and code not in file_ignores:
        severity = severity_for(code, rule_id, UNUSED_SUPPRESSION.severity, config)
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
