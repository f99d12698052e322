"""Suppressions: per-file ignores from the configuration and ``ignore`` entries on nodes.

An ``ignore`` entry silences the findings of one rule on the node that carries it, and, when
it names a ``target``, only the finding about that target (a figure's text, an evidence,
relation or claim ID; a finding's own node counts as its target too). A suppressed finding is
kept, marked with its reason, so reporters can show what was silenced. Two kinds of entry are
themselves reported, so suppressions neither outlive their reason nor grow past it:

- one that silences nothing, or whose target names nothing reported (AM901);
- one without a target that silences a finding which names a target (AM902): it would hide
  every later finding of that rule on the node as well.
"""

from __future__ import annotations

import fnmatch
import os
from collections import defaultdict
from collections.abc import Iterator
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._engine.codes import UNTARGETED_SUPPRESSION, UNUSED_SUPPRESSION
from argmap._engine.config import Config, is_selected, severity_for
from argmap._findings import Finding, Location
from argmap._record import record

if TYPE_CHECKING:
    from argmap._model import ArgumentMap
    from argmap._verify.index import MapIndex

__all__ = ["IgnoreEntry", "apply_suppressions", "file_ignores", "map_suppressions"]

_COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")


@record
class IgnoreEntry:
    """One ``ignore`` entry, with the node that carries it and where it stands in the map."""

    node: str
    collection: str
    index: int  # the node's position in its collection
    position: int  # the entry's position in the node's ``ignore`` list
    code: str
    target: str | None
    reason: str

    @property
    def path(self) -> tuple[str | int, ...]:
        return (self.collection, self.index, "ignore", self.position)


def map_suppressions(argmap: ArgumentMap, views: MapIndex | None = None) -> list[IgnoreEntry]:
    """Every ``ignore`` entry in the map, in map order.

    ``views``: the map's index, whose views of the claims and the evidence give their
    ``ignore`` lists where the rules built them (a model's attribute costs about 450
    instructions a read; almost every node has no entry)."""
    found: list[IgnoreEntry] = []
    for collection in _COLLECTIONS:
        nodes = getattr(argmap, collection)
        for index, ignore in enumerate(_ignores(nodes, collection, views)):
            if not ignore:
                continue
            node_id = nodes[index].id
            for position, entry in enumerate(ignore):
                found.append(IgnoreEntry(node_id, collection, index, position, entry.code,
                                         entry.target, entry.reason))
    return found


_IGNORE = attrgetter("ignore")


def _ignores(nodes: list[Any], collection: str, views: MapIndex | None) -> Iterator[list[Any]]:
    """Each node's ``ignore`` list, in map order: from the index's view of the claims or
    the evidence when it was built (a check builds both), else off the models."""
    if views is not None:
        built = views.__dict__  # cached_property keeps a view in the instance's dict
        if collection == "claims" and "claim_fields" in built:
            return map(_CLAIM_IGNORE, views.claim_fields)
        if collection == "evidence" and "evidence_fields" in built:
            return map(_EVIDENCE_IGNORE, views.evidence_fields)
    return map(_IGNORE, nodes)


_CLAIM_IGNORE = itemgetter(8)
_EVIDENCE_IGNORE = itemgetter(6)


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


def _same(text: str) -> str:
    """A target as compared: runs of whitespace are one space (YAML folds long lines)."""
    return " ".join(text.split())


def _finer(finding: Finding) -> str | None:
    """The finding's target when it is finer than its node, else None."""
    target = finding.target
    return target if target is not None and target != finding.node else None


class _Matcher:
    """Finds the entries that silence a finding, and remembers what each entry silenced."""

    def __init__(self, entries: list[IgnoreEntry]) -> None:
        self.by_key: dict[tuple[str, str], list[IgnoreEntry]] = defaultdict(list)
        for entry in entries:
            self.by_key[(entry.node, entry.code)].append(entry)
        self.used: set[IgnoreEntry] = set()
        self.coarse: dict[IgnoreEntry, list[str]] = defaultdict(list)  # untargeted -> targets
        self.seen: dict[tuple[str, str], list[str]] = defaultdict(list)  # what findings name

    def match(self, finding: Finding) -> IgnoreEntry | None:
        if finding.node is None:
            return None
        key = (finding.node, finding.code)
        names = {_same(finding.node)}
        if finding.target is not None:
            names.add(_same(finding.target))
            if finding.target not in self.seen[key]:
                self.seen[key].append(finding.target)
        candidates = self.by_key.get(key, ())
        matched = [e for e in candidates if e.target is not None and _same(e.target) in names]
        if not matched:
            matched = [e for e in candidates if e.target is None]
            finer = _finer(finding)
            if finer is not None:
                for entry in matched:
                    if finer not in self.coarse[entry]:
                        self.coarse[entry].append(finer)
        self.used.update(matched)
        return matched[0] if matched else None


def apply_suppressions(
    argmap: ArgumentMap,
    findings: list[Finding],
    config: Config,
    file_ignores: set[str],
    rule_codes: tuple[set[str], set[str]],
    views: MapIndex | None = None,
) -> list[Finding]:
    """Mark suppressed findings; report entries that silence nothing (AM901) or too much (AM902).
    ``views``: see :func:`map_suppressions`.

    A suppression of a rule that did not run (not selected, ignored) is not reported: it may
    well apply when that rule runs. One that names no rule at all is.
    """
    entries = map_suppressions(argmap, views)
    matcher = _Matcher(entries)
    result: list[Finding] = []
    for finding in findings:
        entry = matcher.match(finding)
        result.append(finding if entry is None else finding.as_suppressed(entry.reason))
    known, ran = rule_codes
    report = _Reporter(argmap, config, file_ignores)
    for entry in entries:
        if entry.code not in known:
            result.extend(report.unused(entry, unknown=True, named=[]))
        elif entry.code not in ran:
            continue
        elif entry not in matcher.used:
            result.extend(report.unused(entry, unknown=False,
                                        named=matcher.seen.get((entry.node, entry.code), [])))
        elif entry in matcher.coarse:
            result.extend(report.untargeted(entry, matcher.coarse[entry]))
    return result


class _Reporter:
    """Builds the AM901 and AM902 findings, when those codes are selected for this file."""

    def __init__(self, argmap: ArgumentMap, config: Config, file_ignores: set[str]) -> None:
        self.argmap = argmap
        self.config = config
        self.file_ignores = file_ignores

    def _enabled(self, code: str, rule_id: str) -> bool:
        return (is_selected(code, rule_id, self.config) and code not in self.file_ignores
                and rule_id not in self.file_ignores)

    def _location(self, entry: IgnoreEntry, field: str | None) -> Location | None:
        origin = self.argmap.origin
        if origin is None:
            return None
        return origin.locate_path((*entry.path, field) if field else entry.path)

    def unused(self, entry: IgnoreEntry, *, unknown: bool, named: list[str]) -> list[Finding]:
        doc = UNUSED_SUPPRESSION
        if not self._enabled(doc.code, doc.id):
            return []
        where = f"the suppression of {entry.code} on {entry.node!r}"
        field = None
        if unknown:
            message = f"{where} names no rule"
            hint = "see `argmap rules` for the codes"
        elif entry.target is not None and named:
            field = "target"
            message = (f"{where} targets {entry.target!r}, which no {entry.code} finding on "
                       f"{entry.node!r} names")
            hint = (f"{entry.code} on {entry.node!r} names "
                    + ", ".join(repr(t) for t in named)
                    + "; correct the target, or remove the entry")
        else:
            message = f"{where} suppresses nothing"
            if entry.target is not None:
                field = "target"
                message += f": no {entry.code} finding on {entry.node!r} names {entry.target!r}"
            hint = "remove it, or check that the code is the one reported on this node"
        severity = severity_for(doc.code, doc.id, doc.severity, self.config)
        return [Finding(code=doc.code, rule=doc.id, severity=severity, message=message,
                        location=self._location(entry, field), hint=hint, node=entry.node,
                        target=entry.target)]

    def untargeted(self, entry: IgnoreEntry, targets: list[str]) -> list[Finding]:
        doc = UNTARGETED_SUPPRESSION
        if not self._enabled(doc.code, doc.id):
            return []
        listed = ", ".join(repr(t) for t in targets)
        first = targets[0]
        message = (f"the suppression of {entry.code} on {entry.node!r} names no target: it "
                   f"silences {listed} and would hide every later {entry.code} finding on "
                   f"{entry.node!r} too")
        hint = (f"name what it silences, e.g. `target: {first!r}` (one entry per target)"
                if len(targets) > 1 else f"name what it silences: `target: {first!r}`")
        severity = severity_for(doc.code, doc.id, doc.severity, self.config)
        return [Finding(code=doc.code, rule=doc.id, severity=severity, message=message,
                        location=self._location(entry, None), hint=hint, node=entry.node)]
