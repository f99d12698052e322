"""One map's indexes, its snapshots and its memo: what every verification reads, built once.

A check reads the same map from many angles (who cites this evidence, what relations point
at this claim, which figures this quote states). :class:`MapIndex` builds each index the
first time it is asked for and keeps it; anything else worth computing once per map (a graph
analysis, the anchoring of a quote) goes through :meth:`MapIndex.memo`, the one place such
values are kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from argmap._load.snapshots import SnapshotText

if TYPE_CHECKING:
    from argmap._load.origin import MapOrigin
    from argmap._load.snapshot_reader import SnapshotReader
    from argmap._model import (
        ArgumentMap,
        Claim,
        Evidence,
        Locator,
        Quantity,
        Relation,
        Section,
        Source,
        TextPosition,
        TextQuote,
    )

__all__ = ["ClaimFields", "EvidenceFields", "MapIndex", "RelationFields", "relation_fields"]

T = TypeVar("T")
_MISSING: Any = object()  # a memo value may be None
_ID = attrgetter("id")


#: A relation's fields that the relation rules and graphs read in their walks: ID, type,
#: premises, target and argument (format 2), in that order.
RelationFields = tuple[str, str, list[str], str, str | None]
_RELATION_FIELDS = itemgetter("id", "type", "from_", "to", "argument")


def relation_fields(relations: list[Relation]) -> list[RelationFields]:
    """Each relation's :data:`RelationFields`, in map order (every relation, repeated IDs too).

    Read from each model's own dict, where pydantic keeps the fields: ``BaseModel`` defines
    ``__getattr__``, which keeps Python from specialising the read of a model's attribute
    (about 450 instructions a read, a tuple's unpacking a few dozen). A check of 10,000
    claims read the relations' fields about 250,000 times over ten walks."""
    fields = _RELATION_FIELDS  # the dict read in the loop: an attrgetter call costs more
    return [fields(relation.__dict__) for relation in relations]


_PREMISES = itemgetter(2)

#: A claim's fields that the rules read in their walks over the claims: ID, text, kind,
#: evidence, quantities, period, section, tags and ignore entries, in that order.
ClaimFields = tuple[str, str, str, list[str], list["Quantity"], str | None, str | None,
                    list[str], list[Any]]
_CLAIM_FIELDS = itemgetter("id", "text", "kind", "evidence", "quantities", "period",
                           "section", "tags", "ignore")
#: An evidence item's fields that the rules read in their walks over the evidence: ID,
#: source, via, quote, position, period, ignore entries and locator, in that order.
EvidenceFields = tuple[str, str, str | None, "TextQuote | None", "TextPosition | None",
                       str | None, list[Any], "Locator | None"]
_EVIDENCE_FIELDS = itemgetter("id", "source", "via", "quote", "position", "period", "ignore",
                              "locator")
_FIRST = itemgetter(0)
_KIND = itemgetter(2)
_CLAIM_EVIDENCE = itemgetter(3)
_QUANTITIES = itemgetter(4)


def _users(named_by: Iterable[tuple[T, list[str]]]) -> dict[str, list[T]]:
    """ID -> the items that name it, in map order, each once per item, from (item, the IDs
    it names) pairs (most name one ID: no dict is built to drop repeats)."""
    found: dict[str, list[T]] = {}
    get = found.get
    for item, ids in named_by:
        if not ids:
            continue
        for named in ids if len(ids) == 1 else dict.fromkeys(ids):
            users = get(named)
            if users is None:
                found[named] = [item]
            else:
                users.append(item)
    return found


def _first_by_id(items: Any, fields: Sequence[tuple[Any, ...]] | None = None) -> dict[str, Any]:
    """ID -> the first item with it, in map order. Built in C, where no ID repeats (a later
    item's value would win); the map's order of first IDs is a dict's own either way.
    ``fields``: the items' views (:attr:`MapIndex.claim_fields`, ``evidence_fields``,
    ``relation_fields``), whose first field is the ID, read there rather than off each
    model."""
    ids = map(_ID, items) if fields is None else map(_FIRST, fields)
    found: dict[str, Any] = dict(zip(ids, items, strict=True))
    if len(found) == len(items):
        return found
    found = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


class MapIndex:
    """Indexes of one map and the values computed from it, each built once.

    Indexes keep the first node of each ID; duplicates are the duplicate-id rule's business.
    """

    def __init__(self, argmap: ArgumentMap) -> None:
        self.map = argmap
        self.origin: MapOrigin | None = argmap.origin
        self._memo: dict[Hashable, Any] = {}
        #: owner -> its keys in the memo, so that :meth:`forget` visits only what it drops
        self._keys: dict[Hashable, list[Hashable]] = {}
        self._reader: SnapshotReader | None = None  # made on the first snapshot read
        self._quantity_count: int | None = None  # set when quantities is built

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, called the first time ``key`` is asked for; later calls reuse it.

        By convention the key is the function that owns the value (plus the item it is for,
        as a tuple), so two modules cannot collide and every caller finds the same value.
        """
        memo = self._memo
        found = memo.get(key, _MISSING)  # one lookup: hashing the key tuple is most of a hit
        if found is not _MISSING:
            return cast(T, found)
        memo[key] = value = compute()
        owner = key[0] if type(key) is tuple else key
        keys = self._keys.get(owner)
        if keys is None:
            self._keys[owner] = keys = []
        keys.append(key)
        return value

    def forget(self, owners: Collection[object]) -> None:
        """Drop the memo's values owned by ``owners`` (a key's owner is the key, or its first
        element when it is a tuple; see :meth:`memo`).

        A run that keeps no context frees each kind of value once the last rule that reads it
        has run, so the anchorings and the claim figures are not all held at once; a value
        asked for again is computed again, the same.
        """
        memo = self._memo
        for owner in owners:
            for key in self._keys.pop(owner, ()):
                memo.pop(key, None)

    # -- indexes --------------------------------------------------------------------------------

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return _first_by_id(self.map.claims, self.claim_fields)

    @cached_property
    def evidence(self) -> dict[str, Evidence]:
        return _first_by_id(self.map.evidence, self.evidence_fields)

    @cached_property
    def sources(self) -> dict[str, Source]:
        return _first_by_id(self.map.sources)

    @cached_property
    def relations(self) -> dict[str, Relation]:
        return _first_by_id(self.map.relations, self.relation_fields)

    @cached_property
    def sections(self) -> dict[str, Section]:
        return _first_by_id(self.map.sections)

    @cached_property
    def checks(self) -> dict[str, Any]:
        return _first_by_id(self.map.checks)

    @cached_property
    def claim_fields(self) -> list[ClaimFields]:
        """Each claim's :data:`ClaimFields`, in map order (every claim, repeated IDs too),
        read from each model's own dict as :func:`relation_fields` reads the relations'.
        Eleven walks over the claims read these fields (about 120,000 reads at 10,000
        claims), each model's at about 450 instructions a read; a tuple per claim holds
        references to the model's own values."""
        fields = _CLAIM_FIELDS  # the dict read in the loop: an attrgetter call costs more
        return [fields(claim.__dict__) for claim in self.map.claims]

    @cached_property
    def evidence_fields(self) -> list[EvidenceFields]:
        """Each evidence item's :data:`EvidenceFields`, in map order (every item, repeated
        IDs too): see :attr:`claim_fields`."""
        fields = _EVIDENCE_FIELDS
        return [fields(item.__dict__) for item in self.map.evidence]

    @cached_property
    def _by_kind(self) -> dict[str, list[Claim]]:
        found: dict[str, list[Claim]] = {}
        get = found.get
        first = self.claims
        pairs: Iterable[tuple[Claim, Any]]
        if len(first) == len(self.map.claims):  # no ID repeats: every claim is its ID's first
            pairs = zip(self.map.claims, map(_KIND, self.claim_fields), strict=True)
        else:
            pairs = ((claim, claim.kind) for claim in first.values())
        for claim, kind in pairs:
            claims = get(kind)
            if claims is None:
                found[kind] = [claim]
            else:
                claims.append(claim)
        return found

    def of_kind(self, kind: str) -> list[Claim]:
        """The claims of one kind, in map order, among the first claim of each ID (the
        values of :attr:`claims`). Read in one walk for every kind: eleven rules ask for
        a kind (theses, premises, objections), and each walked every claim for it, reading
        each claim's kind (about 20 ms per walk at 100,000 claims)."""
        return self._by_kind.get(kind, [])

    @cached_property
    def quantities(self) -> dict[str, tuple[Claim, Quantity]]:
        """Quantity ID -> (its claim, the quantity)."""
        found: dict[str, tuple[Claim, Quantity]] = {}
        count = 0
        for claim, quantities in zip(self.map.claims, map(_QUANTITIES, self.claim_fields),
                                     strict=True):
            if quantities:
                count += len(quantities)
                for quantity in quantities:
                    found.setdefault(quantity.id, (claim, quantity))
        self._quantity_count = count
        return found

    @property
    def quantity_count(self) -> int:
        """How many quantities the claims declare, IDs repeated or not (counted as
        :attr:`quantities` is built: the duplicate-ID rule compares the two). Read after
        :attr:`quantities`; counted again otherwise."""
        if self._quantity_count is None:
            return sum(len(claim.quantities) for claim in self.map.claims)
        return self._quantity_count

    @cached_property
    def relation_fields(self) -> list[RelationFields]:
        """Each relation's ID, type, premises, target and argument, in map order (the
        relations of :attr:`map`, repeated IDs too): see :func:`relation_fields`."""
        return relation_fields(self.map.relations)

    @cached_property
    def incoming(self) -> dict[str, list[Relation]]:
        """Target ID -> the relations that point at it (claims and, for undercuts, relations)."""
        found: dict[str, list[Relation]] = defaultdict(list)
        for relation, (_, _, _, to, _) in zip(self.map.relations, self.relation_fields,
                                              strict=True):
            found[to].append(relation)
        return dict(found)

    @cached_property
    def outgoing(self) -> dict[str, list[Relation]]:
        """Premise ID -> the relations it takes part in."""
        return _users(zip(self.map.relations, map(_PREMISES, self.relation_fields),
                          strict=True))

    @cached_property
    def evidence_users(self) -> dict[str, list[Claim]]:
        """Evidence ID -> the claims that cite it (a claim citing none is passed over, and
        one citing one item builds no dict to drop repeats: 100,000 claims 142 -> 120 ms)."""
        return _users(zip(self.map.claims, map(_CLAIM_EVIDENCE, self.claim_fields),
                          strict=True))

    # -- snapshots ------------------------------------------------------------------------------

    def snapshot(self, source_id: str) -> SnapshotText | None:
        """The source's snapshot text, or None when it has none or it cannot be read."""
        result = self._snapshot(source_id)
        return result if isinstance(result, SnapshotText) else None

    def snapshot_problem(self, source_id: str) -> str | None:
        """Why a source's snapshot cannot be read (missing, outside the map folder), or None."""
        result = self._snapshot(source_id)
        return result if isinstance(result, str) else None

    def _snapshot(self, source_id: str) -> SnapshotText | str | None:
        return self.memo((MapIndex._snapshot, source_id), lambda: self._read(source_id))

    def _read(self, source_id: str) -> SnapshotText | str | None:
        source = self.sources.get(source_id)
        if source is None or source.snapshot is None:
            return None
        if self.origin is None:
            return "the map was not loaded from a file, so snapshot paths have no folder"
        return self.read_snapshot_file(source.snapshot.path)

    def read_snapshot_file(self, relative_path: str) -> SnapshotText | str:
        """A file of the map's folder read as a snapshot (a snapshot, or its page sidecar),
        or why not; every read of one index goes through one reader, which resolves and
        lists each folder once (:class:`~argmap._load.snapshot_reader.SnapshotReader`)."""
        if self.origin is None:
            return "the map was not loaded from a file, so snapshot paths have no folder"
        if self._reader is None:
            self._reader = self.origin.snapshot_reader()
        return self._reader.read(relative_path)
