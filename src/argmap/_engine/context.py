"""What a rule sees and what it yields.

Rules stay small: they read the map through :class:`RuleContext` (indexes built once per run,
shared caches) and yield :class:`Report` values that name a node, not a line. The engine turns
reports into located :class:`~argmap.Finding` objects and applies severities and suppressions.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from argmap._findings import Severity

if TYPE_CHECKING:
    from argmap._load.origin import MapOrigin
    from argmap._model import (
        ArgumentMap,
        Claim,
        Evidence,
        Quantity,
        Relation,
        Section,
        Source,
    )

__all__ = ["RelatedRef", "Report", "Rule", "RuleContext", "Snapshot"]


@dataclass(frozen=True, slots=True)
class RelatedRef:
    """A related place named by node (the engine finds its location)."""

    message: str
    node: str | None = None
    kind: str | None = None
    field: tuple[str | int, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """What a rule yields: a message about a node, optionally about one field of it.

    ``kind`` is the node's collection (``claims``, ``evidence``, ``sources``, ...); it picks the
    right node when IDs repeat across collections. ``path`` names a place by its data path
    instead (e.g. ``("claims", 4)`` for the second of two claims with one ID).
    """

    message: str
    node: str | None = None
    kind: str | None = None
    field: tuple[str | int, ...] = ()
    hint: str | None = None
    related: tuple[RelatedRef, ...] = ()
    path: tuple[str | int, ...] | None = None
    severity: Severity | None = None  # overrides the rule's default for this one report
    data: Mapping[str, Any] | None = None


class Rule(Protocol):
    """The shape of a rule module (see ``argmap.rules``)."""

    CODE: str
    ID: str
    SEVERITY: Severity
    OPTIONS: dict[str, Any]
    __doc__: str | None

    def check(self, ctx: RuleContext, options: Mapping[str, Any]) -> Iterator[Report]: ...


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A source's local text, read once per run."""

    source: str
    path: Path
    text: str
    sha256: str


def _first_by_id(items: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


class RuleContext:
    """Indexes and caches shared by all rules of one run over one map."""

    def __init__(self, argmap: ArgumentMap) -> None:
        self.map = argmap
        self.origin: MapOrigin | None = argmap.origin
        self.cache: dict[str, Any] = {}
        self._snapshots: dict[str, Snapshot | str | None] = {}

    # -- indexes (first node of each ID; duplicates are the duplicate-id rule's business) -----

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return _first_by_id(self.map.claims)

    @cached_property
    def evidence(self) -> dict[str, Evidence]:
        return _first_by_id(self.map.evidence)

    @cached_property
    def sources(self) -> dict[str, Source]:
        return _first_by_id(self.map.sources)

    @cached_property
    def relations(self) -> dict[str, Relation]:
        return _first_by_id(self.map.relations)

    @cached_property
    def sections(self) -> dict[str, Section]:
        return _first_by_id(self.map.sections)

    @cached_property
    def checks(self) -> dict[str, Any]:
        return _first_by_id(self.map.checks)

    @cached_property
    def quantities(self) -> dict[str, tuple[Claim, Quantity]]:
        """Quantity ID -> (its claim, the quantity)."""
        found: dict[str, tuple[Claim, Quantity]] = {}
        for claim in self.map.claims:
            for quantity in claim.quantities:
                found.setdefault(quantity.id, (claim, quantity))
        return found

    @cached_property
    def incoming(self) -> dict[str, list[Relation]]:
        """Target ID -> the relations that point at it (claims and, for undercuts, relations)."""
        found: dict[str, list[Relation]] = defaultdict(list)
        for relation in self.map.relations:
            found[relation.to].append(relation)
        return dict(found)

    @cached_property
    def outgoing(self) -> dict[str, list[Relation]]:
        """Premise ID -> the relations it takes part in."""
        found: dict[str, list[Relation]] = defaultdict(list)
        for relation in self.map.relations:
            for premise in dict.fromkeys(relation.from_):
                found[premise].append(relation)
        return dict(found)

    @cached_property
    def evidence_users(self) -> dict[str, list[Claim]]:
        """Evidence ID -> the claims that cite it."""
        found: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.map.claims:
            for evidence_id in dict.fromkeys(claim.evidence):
                found[evidence_id].append(claim)
        return dict(found)

    # -- snapshots ------------------------------------------------------------------------------

    def snapshot_problem(self, source_id: str) -> str | None:
        """Why a source's snapshot cannot be read (missing, outside the map folder), or None."""
        result = self._read_snapshot(source_id)
        return result if isinstance(result, str) else None

    def snapshot(self, source_id: str) -> Snapshot | None:
        """The source's snapshot text, or None when it has none or it cannot be read."""
        result = self._read_snapshot(source_id)
        return result if isinstance(result, Snapshot) else None

    def _read_snapshot(self, source_id: str) -> Snapshot | str | None:
        if source_id in self._snapshots:
            return self._snapshots[source_id]
        self._snapshots[source_id] = result = self._load_snapshot(source_id)
        return result

    def _load_snapshot(self, source_id: str) -> Snapshot | str | None:
        source = self.sources.get(source_id)
        if source is None or source.snapshot is None:
            return None
        if self.origin is None:
            return "the map was not loaded from a file, so snapshot paths have no folder"
        folder = self.origin.folder.resolve()
        raw = Path(source.snapshot.path)
        if raw.is_absolute():
            return f"snapshot path {source.snapshot.path!r} is absolute"
        try:
            path = (folder / raw).resolve()
        except (OSError, RuntimeError) as exc:
            return f"snapshot path {source.snapshot.path!r} cannot be resolved: {exc}"
        if not path.is_relative_to(folder):
            return f"snapshot path {source.snapshot.path!r} leads outside the map's folder"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return f"snapshot file {source.snapshot.path!r} does not exist"
        except OSError as exc:
            return f"snapshot file {source.snapshot.path!r} cannot be read: {exc.strerror}"
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            return f"snapshot file {source.snapshot.path!r} is not UTF-8 text"
        return Snapshot(source_id, path, text, hashlib.sha256(data).hexdigest())
