"""What several rules read the same way: the map's references, check outcomes, claim figures.

Each is computed once per map through :meth:`~argmap._verify.index.MapIndex.memo`, so the
second rule to ask finds the first one's result.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from argmap._model import TARGETS_RELATIONS
from argmap._verify.anchor import quote_holder
from argmap._verify.arith import Outcome, evaluate
from argmap._verify.compare import ClaimFigure, declared_mentions, figures_of
from argmap._verify.dates import ClaimDate, dates_of

if TYPE_CHECKING:
    from argmap._model import Claim, Relation
    from argmap._verify.index import ClaimFields, MapIndex

_Found = TypeVar("_Found")

__all__ = [
    "Reference",
    "check_outcomes",
    "every_claim_date",
    "every_claim_figure",
    "first_kind",
    "ids_unique",
    "keep_claim_dates",
    "no_id_repeats",
    "only_unsnapshotted",
    "premises_of_kind",
    "references",
    "snapshot_verifies",
]


class Reference(NamedTuple):
    """One place where a node names another node by ID (AM202 and AM203 check each).

    ``expected`` is the collection the named node must be in (``claims``, ``relations``,
    ``evidence``, ``sources``, ``sections``); ``role`` says what the reference does (a
    ``premise``, a ``target``, an ``undercut`` target, ``evidence``, a ``section``, a
    ``source``) and ``label`` names it in a message. ``path`` is the referring node's data
    path, as its ID alone is ambiguous when IDs repeat; ``field`` is where in it the ID stands.
    """

    target: str
    expected: str
    role: str
    label: str
    node: str
    path: tuple[str | int, ...]
    field: tuple[str | int, ...]


def references(index: MapIndex) -> tuple[Reference, ...]:
    """The references between sections, claims, relations, evidence and sources that do not
    name a node of the expected kind, in map order: AM202 and AM203 report only among them.

    A target is of the expected kind when a node of that collection has its ID and the first
    node with its ID (claims, relations, evidence, sources, sections, checks, quantities, in
    that order: AM203's reading) is in it. Keeping every reference (570,000 at 100,000 claims,
    75 MiB) for the few that are wrong was the cost of sharing them between the two rules.
    Checks name quantities and a claim; AM202 reads those itself.
    """
    return index.memo(references, lambda: tuple(_suspect(index)))


#: The collections whose nodes a reference may name, in the order that decides the kind of
#: an ID several nodes share (AM203 names the first).
_KINDS = ("claims", "relations", "evidence", "sources", "sections", "checks")


def first_kind(index: MapIndex, node_id: str) -> str | None:
    """The collection of the first node with this ID (quantities last), or None."""
    for collection in _KINDS:
        if node_id in getattr(index, collection):
            return collection
    return "quantities" if node_id in index.quantities else None


#: Every collection with IDs, in AM201's order (quantities, which claims hold, come after).
_ID_COLLECTIONS = ("sections", "claims", "relations", "evidence", "checks", "sources")


def ids_unique(index: MapIndex) -> bool:
    """:func:`no_id_repeats`, computed once for AM201 and the reference walk
    (:func:`references`), which then takes each collection's IDs as they are. AM201, AM202
    and AM203 are one family of :data:`argmap._engine.split.FAMILIES` for it."""
    return index.memo(ids_unique, lambda: no_id_repeats(index))


def no_id_repeats(index: MapIndex) -> bool:
    """Whether no two nodes share an ID (quantities included): each index of first IDs is as
    long as its collection, and all of them together hold as many IDs as each does alone.

    One set of every ID (52 ms at 100,000 claims, 25 MB while it lives) where AM201 tested
    21 pairs of indexes for overlap (131 ms) and the reference walk 10 of them again."""
    indexes: list[dict[str, Any]] = []
    for collection in _ID_COLLECTIONS:
        ids: dict[str, Any] = getattr(index, collection)
        if len(ids) != len(getattr(index.map, collection)):
            return False
        indexes.append(ids)
    quantities = index.quantities
    if len(quantities) != index.quantity_count:
        return False
    indexes.append(quantities)
    # dicts, not their keys: a set takes a dict's keys with their stored hashes
    return len(set().union(*indexes)) == sum(map(len, indexes))


def _proper(index: MapIndex, unique: bool = False) -> dict[str, Any]:
    """Collection -> the IDs whose first node (in :data:`_KINDS` order) is in it: a reference
    expecting that collection names a node of its kind exactly when its target is here.
    ``unique``: no ID repeats (:func:`ids_unique`)."""
    found: dict[str, Any] = {}
    collections = ("claims", "relations", "evidence", "sources", "sections")
    if unique:  # the keys serve as they are (AM201 found no ID twice)
        for collection in collections:
            found[collection] = getattr(index, collection).keys()
        return found
    earlier: list[Any] = []
    for collection in collections:
        ids = getattr(index, collection).keys()
        # a map's IDs are unique across collections (AM201 reports the others): the keys
        # serve as they are, and no set of every ID before them is built
        disjoint = all(ids.isdisjoint(before) for before in earlier)
        found[collection] = ids if disjoint else ids - set().union(*earlier)
        earlier.append(ids)
    return found


@cache
def _field(name: str, position: int) -> tuple[str, int]:
    """One tuple per field and position, shared by every reference that stands there: a map
    of 100,000 claims holds 240,000 references to evidence and premises."""
    return (name, position)


@cache
def _target_label(kind: str) -> str:
    """One label per relation type (``supports target``), not one string per relation."""
    return f"{kind} target"


def _suspect(index: MapIndex) -> Iterator[Reference]:
    """Every reference, in map order, that does not name a node of the expected kind.

    Each target is tested before its :class:`Reference` is built: a map names the right
    node almost everywhere, and building 57,000 references at 10,000 claims to keep none
    cost most of the walk (tests/test_references.py compares it with the whole walk). A
    list's positions are counted, and a relation's type read for its premises, only where
    an ID is wrong, and a relation whose target is a claim is done (every type may target
    one): 10,000 claims 25 -> 19 ms.
    """
    argmap = index.map
    proper = _proper(index, ids_unique(index))
    ok_sections, ok_evidence, ok_sources = (proper["sections"], proper["evidence"],
                                            proper["sources"])
    ok_claims, ok_relations = proper["claims"], proper["relations"]
    for at, section in enumerate(argmap.sections):
        if section.parent is not None and section.parent not in ok_sections:
            yield Reference(section.parent, "sections", "section", "parent section",
                            section.id, ("sections", at), ("parent",))
    # the claims' and the items' fields from their views (MapIndex.claim_fields), not off
    # each model: a model's attribute costs about 450 instructions a read
    for at, (claim_id, _, _, cited, _, _, in_section, _, _) in enumerate(index.claim_fields):
        if in_section is not None and in_section not in ok_sections:
            yield Reference(in_section, "sections", "section", "section", claim_id,
                            ("claims", at), ("section",))
        for ref in cited:  # a list's positions are counted only for a wrong ID
            if ref not in ok_evidence:
                yield from _evidence(argmap.claims[at], at, ok_evidence)
                break
    claims, relations = index.claims, index.relations
    for at, (name, kind, premises, to, _) in enumerate(index.relation_fields):
        for ref in premises:
            # a claim of the expected kind is right whatever the relation's type
            if ref not in ok_claims:
                yield from _premises(argmap.relations[at], at, ok_claims, ok_relations, claims,
                                     relations)
                break
        if kind != "undercuts" and to in ok_claims:  # a claim of its kind: the usual target
            continue
        if kind == "undercuts":
            # an undercut contests an inference: a relation, or an argument as a whole
            target = claims.get(to)
            argument = target is not None and target.kind == "argument"
            expected = "claims" if argument else "relations"
            label = "undercut target"
            role = "undercut"
        else:
            expected = ("relations" if kind in TARGETS_RELATIONS and to in relations
                        and to not in claims else "claims")
            label = _target_label(kind)
            role = "target"
        if to not in (ok_claims if expected == "claims" else ok_relations):
            yield Reference(to, expected, role, label, name, ("relations", at), ("to",))
    for at, (item_id, source, via, _, _, _, _, _) in enumerate(index.evidence_fields):
        if source not in ok_sources:
            yield Reference(source, "sources", "source", "source", item_id,
                            ("evidence", at), ("source",))
        if via is not None and via not in ok_sources:
            yield Reference(via, "sources", "source", "via source", item_id,
                            ("evidence", at), ("via",))


def _evidence(claim: Any, at: int, ok_evidence: Any) -> Iterator[Reference]:
    """The IDs of a claim's evidence list that name no evidence item, with their positions."""
    for position, ref in enumerate(claim.evidence):
        if ref not in ok_evidence:
            yield Reference(ref, "evidence", "evidence", "evidence", claim.id, ("claims", at),
                            _field("evidence", position))


def _premises(relation: Any, at: int, ok_claims: Any, ok_relations: Any,
              claims: dict[str, Any], relations: dict[str, Any]) -> Iterator[Reference]:
    """The premises of a relation that do not name a node of the expected kind (:func:`_suspect`
    walks only a relation's IDs, and the positions here where one is wrong)."""
    kind = relation.type
    for position, ref in enumerate(relation.from_):
        # format 2: a preference may rank one inference over another
        if kind == "prefers" and ref in relations and ref not in claims:
            if ref not in ok_relations:
                yield Reference(ref, "relations", "premise", "premise", relation.id,
                                ("relations", at), _field("from", position))
        elif ref not in ok_claims:
            yield Reference(ref, "claims", "premise", "premise", relation.id,
                            ("relations", at), _field("from", position))


def check_outcomes(index: MapIndex) -> dict[str, Outcome | None]:
    """Check ID -> its outcome (None when it cannot be evaluated), for all AM5xx rules."""
    return index.memo(check_outcomes, lambda: _outcomes(index))


def _outcomes(index: MapIndex) -> dict[str, Outcome | None]:
    """:func:`check_outcomes`, computed: the quantities read as the figures read them."""
    quantities, memo = index.quantities, declared_mentions(index)
    return {c.id: evaluate(c, quantities, memo) for c in index.map.checks}


def every_claim_figure(index: MapIndex) -> Iterator[tuple[Claim, ClaimFigure]]:
    """Each figure of each claim, with what its evidence says about it, in map order.

    The pairs are kept as one tuple per map: six rules walk them, and asking the memo for
    each claim's figures cost each of them about as much as its own work (10,000 claims,
    6,600 figures). A claim whose figures cannot be read (a crash, reported as AM000) leaves
    nothing kept: the walk then goes claim by claim, up to it, as before.
    """
    return _kept_pairs(index, every_claim_figure, figures_of)


def every_claim_date(index: MapIndex) -> Iterator[tuple[Claim, ClaimDate]]:
    """Each date of each claim, with what its evidence says about it, in map order; kept as
    one tuple per map, as :func:`every_claim_figure` is (AM308, AM603); AM302, which walks
    every claim's dates first, keeps it (:func:`keep_claim_dates`)."""
    return _kept_pairs(index, every_claim_date, dates_of)


def keep_claim_dates(index: MapIndex, pairs: list[tuple[Claim, ClaimDate]]) -> None:
    """Keep ``pairs``, each claim's dates in map order as AM302 walked them all, as
    :func:`every_claim_date`'s tuple, unless it is kept already: the same walk, so AM308 does
    not ask the memo for each claim's dates again (10,000 lookups at 10,000 claims)."""
    index.memo(every_claim_date, lambda: tuple(pairs))


def _kept_pairs(
    index: MapIndex, owner: object,
    read: Callable[[MapIndex, Claim, ClaimFields], Iterable[_Found]],
) -> Iterator[tuple[Claim, _Found]]:
    """``(claim, found)`` for what ``read`` finds in each claim (given the claim's view,
    :attr:`MapIndex.claim_fields`), kept in the memo under ``owner``; after a crash nothing
    is kept and the walk is done again, claim by claim."""

    def walk() -> Iterator[tuple[Claim, _Found]]:
        for claim, fields in zip(index.map.claims, index.claim_fields, strict=True):
            for found in read(index, claim, fields):
                yield claim, found

    try:
        pairs = index.memo(owner, lambda: tuple(walk()))
    except Exception:  # noqa: BLE001 - re-raised by the walk below, after the same pairs
        return walk()
    return iter(pairs)


def only_unsnapshotted(evidence: Sequence[str], holders: Collection[str]) -> str:
    """"only E1 states it, quoting 'S1', which has no snapshot": the end of the message of a
    figure or date that no snapshot can verify (AM306, AM308)."""
    names = ", ".join(repr(h) for h in sorted(holders))
    has = "has no snapshot" if len(holders) == 1 else "have no snapshots"
    states = "states" if len(evidence) == 1 else "state"
    return f"only {', '.join(evidence)} {states} it, quoting {names}, which {has}"


def snapshot_verifies(index: MapIndex) -> Callable[[str], bool]:
    """Evidence ID -> whether a snapshot can verify its quote: the source holding it (``via``,
    else ``source``) has one, or is unknown (AM202's finding). Each item is looked at once
    per call of a rule, not once per figure or date it cites (AM306, AM308)."""
    found: dict[str, bool] = {}
    evidence, sources = index.evidence, index.sources

    def verifies(evidence_id: str) -> bool:
        known = found.get(evidence_id)
        if known is None:
            source = sources.get(quote_holder(evidence[evidence_id]))
            found[evidence_id] = known = source is None or source.snapshot is not None
        return known

    return verifies


def premises_of_kind(
    index: MapIndex, kind: str, relation_type: str | None = None
) -> Iterator[tuple[int, Relation, str]]:
    """(relation index, relation, premise ID) for every premise of the given claim kind, in
    relations of the given type (any type when None); each premise once per relation.

    The IDs whose first claim is of that kind are gathered first (a map has a few theses
    and objections): a relation with none of them among its premises is passed over with
    one set test, not a claim looked up per premise (AM215 and AM218 at 10,000 claims:
    29.5 -> 16.7 ms CPU; the instructions fall 6%, the gain is the claims not read)."""
    wanted = {claim.id for claim in index.of_kind(kind)}
    if not wanted:
        return
    disjoint = wanted.isdisjoint
    relations = index.map.relations
    for at, (_, of_type, premises, _, _) in enumerate(index.relation_fields):
        if relation_type is not None and of_type != relation_type:
            continue
        if disjoint(premises):
            continue
        for premise in dict.fromkeys(premises):
            if premise in wanted:
                yield at, relations[at], premise
