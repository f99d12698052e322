"""Reading a bibliography library (a Zotero CSL-JSON export or a BibTeX file) as CSL items.

Every item is validated as a source before anything is merged, and each one that is not a
valid CSL item is a finding at its place in the library (AM126).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap._findings import Finding, Location
from argmap._interop.bibtex import bibtex_items
from argmap._interop.codes import LIBRARY_ENTRY_UNREADABLE, interop_problem
from argmap._load.limits import DEFAULT_LIMITS, Limits
from argmap._load.read import ParsedFile, display_path, parse_file, read_text

__all__ = ["BIBTEX_SUFFIXES", "library_items"]

BIBTEX_SUFFIXES = (".bib", ".bibtex")


def library_items(
    path: Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[tuple[dict[str, Any], Location]], list[Finding]]:
    """The valid CSL items of a library file (BibTeX by suffix, else CSL-JSON) with their
    places, and a finding for each entry that cannot be imported."""
    if path.suffix.lower() in BIBTEX_SUFFIXES:
        entries, findings = bibtex_items(read_text(path, limits), display_path(path))
        items: list[tuple[dict[str, Any], Location]] = []
        for item, where in entries:
            problems = _invalid(item, len(items) + 1, lambda _path, _part="value", at=where: at)
            findings += problems
            if not problems:
                items.append((item, where))
        return items, findings
    return _csl_items(parse_file(path, limits))


def _invalid(
    item: dict[str, Any], index: int, locate: Callable[..., Location]
) -> list[Finding]:
    """Findings for a CSL item that is not a valid source, located by ``locate(path)``."""
    from pydantic import ValidationError

    from argmap._load.validate import validation_findings
    from argmap._model import ArgumentMap

    wrapped = {"title": "library", "sources": [item]}  # the loader's messages need a map
    try:
        ArgumentMap.model_validate(wrapped)
    except ValidationError as exc:
        return [
            interop_problem(LIBRARY_ENTRY_UNREADABLE,
                            f"library item #{index}: {problem.message}",
                            problem.location, problem.hint)
            for problem in validation_findings(
                exc, wrapped, lambda inner, part="value": locate(tuple(inner)[2:], part))
        ]
    return []


def _csl_items(parsed: ParsedFile) -> tuple[list[tuple[dict[str, Any], Location]], list[Finding]]:
    data = parsed.data
    prefix: tuple[str, ...] = ()
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]  # CSL-JSON wrapped as {"items": [...]} (some Zotero plugins)
        prefix = ("items",)
    if not isinstance(data, list):
        return [], [interop_problem(
            LIBRARY_ENTRY_UNREADABLE, "a CSL-JSON library is a list of items",
            parsed.positions.locate(()),
            hint="export the library from Zotero as CSL JSON",
        )]
    items: list[tuple[dict[str, Any], Location]] = []
    findings: list[Finding] = []
    for index, item in enumerate(data):
        base: tuple[str | int, ...] = (*prefix, index)
        where = parsed.positions.locate(base)
        if not isinstance(item, dict):
            findings.append(interop_problem(
                LIBRARY_ENTRY_UNREADABLE, "a CSL-JSON item is an object with an 'id'", where))
            continue
        problems = _invalid(
            item, index + 1, lambda inner, part="value", base=base: parsed.positions.locate(
                (*base, *inner), part)
        )
        findings += problems
        if not problems:
            items.append((item, where))
    return items, findings
