"""Merging a Zotero or BibTeX library into a map's sources file, keeping what the user wrote.

The sources file is never rewritten: new items are appended as text (a YAML block list gets
YAML items after its last line, a JSON list gets JSON objects before its closing bracket), so
comments, key order, quoting and every existing entry stay byte for byte. The merged text is
parsed and compared with the expected list before anything is written; a file that cannot be
appended to that way (a flow-style ``[...]`` YAML list) is refused, not reformatted.

An item is new when no source of the map (the sources file or the map's inline sources) has
its ID, and none is the same work (same DOI, URL or citation key). Otherwise the existing
entry wins and the differences are reported (AM127), so an import never overwrites an edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap._findings import Finding, Location, MapLoadError
from argmap._interop.codes import IMPORT_CONFLICT, LIBRARY_ENTRY_UNREADABLE, interop_problem
from argmap._load.limits import DEFAULT_LIMITS, Limits
from argmap._load.read import ParsedFile, display_path, parse_text
from argmap._output.yaml_out import emit

__all__ = ["ImportPlan", "plan_import"]

#: Keys that identify a work across IDs (compared case-insensitively).
_SAME_WORK = ("DOI", "URL", "citation-key")


@dataclass
class ImportPlan:
    """What an import would do: the new text of the sources file (None: nothing to add)."""

    target: Path
    text: str | None
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _same_work_keys(item: dict[str, Any]) -> set[tuple[str, str]]:
    keys = set()
    for name in _SAME_WORK:
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            keys.add((name, value.strip().lower().rstrip("/")))
    return keys


def _ordered(item: dict[str, Any]) -> dict[str, Any]:
    """The item's keys in the order of the source model (id, type, title, author, ...), then
    any others as they came, so imported entries read alike whatever tool wrote them."""
    from argmap._model import Source
    from argmap._verify.csl import valid_keys

    rank = {key: index for index, key in enumerate(valid_keys(Source))}
    keys = sorted(item, key=lambda k: (rank.get(k, len(rank)), list(item).index(k)))
    return {key: item[key] for key in keys}


def _differences(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    ignore = {"id", "snapshot", "ignore"}
    return sorted(k for k in set(mine) | set(theirs) - ignore
                  if k not in ignore and mine.get(k) != theirs.get(k))


def plan_import(
    items: list[tuple[dict[str, Any], Location]],
    target: Path,
    existing: ParsedFile | None,
    inline: list[Any],
    library: str,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportPlan:
    """Decide which items are new and build the merged text of ``target``."""
    present: list[dict[str, Any]] = [s for s in inline if isinstance(s, dict)]
    old_data = existing.data if existing is not None else []
    if not isinstance(old_data, list):
        old_data = []
    present += [s for s in old_data if isinstance(s, dict)]
    by_id = {str(s["id"]): s for s in reversed(present) if "id" in s}
    by_work: dict[tuple[str, str], dict[str, Any]] = {}
    for source in reversed(present):
        for key in _same_work_keys(source):
            by_work[key] = source
    plan = ImportPlan(target, None)
    new: list[dict[str, Any]] = []
    for item, where in items:
        item_id = str(item["id"])
        mine = by_id.get(item_id)
        reason = f"the ID {item_id!r} is taken"
        if mine is None:
            for key in sorted(_same_work_keys(item)):
                if key in by_work:
                    mine = by_work[key]
                    reason = f"it is the same work as {str(mine.get('id'))!r} (same {key[0]})"
                    break
        if mine is not None:
            plan.kept.append(item_id)
            differ = _differences(mine, item)
            if mine in new:
                message = f"{item_id!r} appears more than once in the library; added once"
            elif differ:
                message = (f"{item_id!r} is not imported: {reason}, and the entry there "
                           f"differs in {', '.join(differ)}; it is kept as written")
            else:
                message = f"{item_id!r} is already in the sources file; kept as written"
            plan.findings.append(interop_problem(IMPORT_CONFLICT, message, where))
            continue
        new.append(_ordered(item))
        plan.added.append(item_id)
        by_id[item_id] = item
        for key in _same_work_keys(item):
            by_work[key] = item
    if new:
        plan.text = _merged_text(target, existing, new, library, limits)
    return plan


def _merged_text(
    target: Path, existing: ParsedFile | None, new: list[dict[str, Any]], library: str,
    limits: Limits,
) -> str:
    old_text = existing.text if existing is not None else ""
    old_data = existing.data if existing is not None else None
    json_file = target.suffix.lower() == ".json"
    if json_file:
        text = _json_appended(old_text, old_data, new)
    else:
        text = _yaml_appended(old_text, old_data, new, library)
    expected = [*(old_data or []), *json.loads(json.dumps(new))]
    try:
        merged: Any = parse_text(text, target, limits=limits).data
    except MapLoadError:
        merged = None
    if merged != expected:
        raise MapLoadError([interop_problem(
            LIBRARY_ENTRY_UNREADABLE,
            "the sources file cannot be appended to without rewriting it (is it a flow-style "
            "[...] list?); nothing was written",
            Location(display_path(target), 1, 1),
            hint="write the list as a block list (one '- id: ...' item per entry), or import "
            "into an empty map folder and copy the entries",
        )])
    return text


def _yaml_appended(
    old_text: str, old_data: Any, new: list[dict[str, Any]], library: str
) -> str:
    header = f"# imported from {library} by argmap sources import\n"
    if old_data is None and not old_text.strip():
        return "# CSL-JSON sources of this map\n" + header + emit(new)
    base = old_text if old_text.endswith("\n") else old_text + "\n"
    return base + header + emit(new)


def _json_appended(old_text: str, old_data: Any, new: list[dict[str, Any]]) -> str:
    body = ",\n".join(
        "  " + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for item in new
    )
    if old_data is None and not old_text.strip():
        return "[\n" + body + "\n]\n"
    end = old_text.rstrip().rfind("]")
    if end < 0:
        return old_text  # not a list: the comparison refuses it
    head = old_text[:end].rstrip()
    separator = "\n" if head.endswith("[") else ",\n"
    return head + separator + body + "\n" + old_text[end:]
