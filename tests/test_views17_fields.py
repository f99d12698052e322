"""The readers of ``MapIndex.claim_fields`` and ``MapIndex.evidence_fields`` (one tuple per
claim and per evidence item, built once per map) against the code they replaced, which read
the models' attributes (kept here as the reference, as it was, run in its module's globals):
the indexes built from the views, the reference walk, AM214, AM303, AM503, AM601, AM602, the
map's suppressions and the quote holders. The maps repeat claim and evidence IDs, name unknown
sections, evidence and sources, give items a ``via``, periods, quotes and ignore entries, and
give claims measure tags, figures and declared quantities whose text may not be in the claim.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap._engine import suppressions
from argmap._engine.context import RuleContext
from argmap._model import ArgumentMap
from argmap._verify import anchor, compare, dates, pages
from argmap._verify.anchor import VERBATIM, AnchorResult, AnchorStatus
from argmap._verify.numbers import from_quantity
from argmap.rules import (
    _shared,
    am214_duplicate_claim_text,
    am302_uncited_date,
    am303_quantity_text_mismatch,
    am416_wrong_page,
    am503_conflicting_figures,
    am601_source_predates_period,
    am602_period_mismatch,
)


def _reference(module: ModuleType, source: str, name: str, **names: Any) -> Callable[..., Any]:
    """``name`` as the old ``source`` defines it, with the module's own helpers (and
    ``names``, which the module no longer imports)."""
    scope = {**vars(module), **names}
    exec(source, scope)  # noqa: S102 - the reference code, kept as text
    return scope[name]  # type: ignore[no-any-return]


_AM214 = r'''
def check(ctx: RuleContext) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for index, claim in enumerate(ctx.map.claims):
        key = normalise(claim.text)
        if key not in first:
            first[key] = claim.id
            continue
        yield Problem(
            f"claim {claim.id!r} has the same text as {first[key]!r}",
            node=claim.id,
            path=("claims", index),
            field=("text",),
            hint="merge the two claims and point their relations at one ID",
            related=(RelatedRef(f"first stated as {first[key]!r}", node=first[key],
                                kind="claims"),),
        )
'''
_AM303 = r'''
def check(ctx: RuleContext) -> Iterator[Problem]:
    # each field read once (a read of a model's field costs about 450 instructions)
    for claim in ctx.map.claims:
        quantities = claim.quantities
        if not quantities:
            continue  # most claims declare none: their figures need no reading here
        claim_text = claim.text
        found = parse(claim_text)
        starts = [m.start for m in found]
        for index, quantity in enumerate(quantities):
            text = quantity.text
            if not text:
                continue
            field = ("quantities", index, "text")
            start = locate(text, claim_text)
            if start < 0:
                inside = text in claim_text
                yield Problem(
                    f"quantity {quantity.id!r}: {shown(text)!r} does not occur in the "
                    "claim's text" + (" as a whole figure, only inside a longer number or "
                                      "word" if inside else ""),
                    node=claim.id, kind="claims", field=field, target=text,
                    hint="copy the figure's words from the claim's text exactly",
                )
                continue
            declared = from_quantity(quantity, claim_text)
            end = start + len(text)
            # mentions are in text order and do not overlap: those before ``end`` that end
            # after ``start`` are the last few before bisect's position
            at = bisect_left(starts, end)
            if at and found[at - 1].end > start and (at == 1 or found[at - 2].end <= start):
                # one reading (most quantities): its differences, without a list of them
                read = found[at - 1]
                differences = _differences(declared, read)
                if differences:
                    yield _mismatch(quantity.id, text, declared, read, differences,
                                    index, claim.id)
                continue
            in_context = []
            while at > 0 and found[at - 1].end > start:
                in_context.append(found[at - 1])
                at -= 1
            in_context.reverse()
            readings = in_context or list(parse(text))
            if not readings:
                yield Problem(
                    f"quantity {quantity.id!r}: no figure can be read in {shown(text)!r}",
                    node=claim.id, kind="claims", field=field, target=text,
                    hint="point text at the words that state the number",
                )
                continue
            problems = [_differences(declared, read) for read in readings]
            if any(not p for p in problems):
                continue
            best = min(range(len(readings)), key=lambda i: len(problems[i]))
            read = readings[best]
            yield _mismatch(quantity.id, text, declared, read, problems[best],
                            index, claim.id)
'''
_AM503 = r'''
def check(ctx: RuleContext) -> Iterator[Problem]:
    groups: dict[tuple[Any, ...], dict[str, list[tuple[Mention, tuple[Decimal, Decimal]]]]]
    groups = defaultdict(dict)
    claims: dict[str, Claim] = {}
    for claim in ctx.map.claims:
        measures = [t for t in claim.tags if t.startswith("measure:")]
        if not measures:
            continue
        for mention, _ in claim_mentions(claim):
            if mention.qualifier != _EXACT or mention.period is None:
                continue
            bounds = _bounds(mention)
            if bounds is None:
                continue
            unit = mention.unit if mention.kind.value == "amount" else None
            for measure in measures:
                key = (measure, mention.kind, unit, mention.period)
                groups[key].setdefault(claim.id, []).append((mention, bounds))
                claims.setdefault(claim.id, claim)
    for (measure, *_), members in groups.items():
        ids = list(members)
        for i, first_id in enumerate(ids):
            for second_id in ids[i + 1:]:
                pair = _apart(members[first_id], members[second_id])
                if pair is None:
                    continue
                first, second = pair
                yield Problem(
                    f"{measure}: {second_id!r} states {describe(second)!r} but "
                    f"{first_id!r} states {describe(first)!r}",
                    node=second_id,
                    kind="claims",
                    field=("text",),
                    hint="correct one of them, or give them different periods or measures",
                    related=(RelatedRef(f"states {shown(first.text)!r}", node=first_id,
                                        kind="claims", field=("text",)),),
                    data={"measure": measure, "values": [describe(first), describe(second)]},
                )
'''
_AM601 = r'''
def _claim_periods(ctx: RuleContext, after: date | None = None
                   ) -> dict[str, list[tuple[str, str]]]:
    """Evidence ID -> (period, claim ID) of each claim that cites it and has a period, in map
    order (a claim citing an item twice counts once); with ``after``, only the periods that
    start after it (no source issued on or after ``after`` predates the others).

    One pass over the claims, each claim's period read once: reading it for each item the
    claim cites (through ``evidence_users``, which only this rule of its group reads) cost
    twice as much (44 -> 21 ms at 10,000 claims)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for claim in ctx.map.claims:
        cited = claim.evidence
        if not cited:
            continue
        period = claim.period or text_period(claim.text)
        if not period:
            continue
        if after is not None and _starts_by(period, after):
            continue
        pair = (period, claim.id)
        for evidence_id in (dict.fromkeys(cited) if len(cited) > 1 else cited):
            users = found.get(evidence_id)
            if users is None:
                found[evidence_id] = [pair]
            else:
                users.append(pair)
    return found

def check(ctx: RuleContext) -> Iterator[Problem]:
    """A period that starts by the earliest issue date of all the sources cannot be one a
    source predates: the claims' periods are kept only when they start later, and with none
    left and no item's own period, no item is walked (at 10,000 claims 33 -> 7.5 ms of
    CPU, at 100,000 322 -> 59 ms)."""
    first = ctx.evidence  # an ID's first item gives its period (duplicates are AM201's)
    by_claims: dict[str, list[tuple[str, str]]] | None = None
    after: date | None = None
    known = _ends(ctx)
    # source ID -> issued_end, once per source, not per item
    ends: dict[str, date | None] = {} if known is None else known
    if known is not None:
        issued = [end for end in known.values() if end is not None]
        if not issued:
            return  # no source has an issue date: none predates a period
        after = min(issued)
        by_claims = _claim_periods(ctx, after)
        if not by_claims and not any(item.period for item in first.values()):
            return
    for item in ctx.map.evidence:
        own = first[item.id].period
        periods: Sequence[tuple[str, str | None]] | None
        if own:
            periods = [(own, None)]
        else:
            if by_claims is None:
                by_claims = _claim_periods(ctx)
            periods = by_claims.get(item.id)
            if not periods:
                continue
        source, via = item.source, item.via
        for source_id in (source,) if via is None or via == source else (source, via):
            if not source_id:
                continue
            if source_id in ends:
                end = ends[source_id]
            else:
                found = ctx.sources.get(source_id)
                end = ends[source_id] = issued_end(found.issued) if found is not None else None
            if end is None:
                continue
            for period, claim_id in periods:
                start = period_bounds(period)[0]
                if end >= start:
                    continue
                where = f" (the period of claim {claim_id!r})" if claim_id else ""
                yield Problem(
                    f"source {source_id!r} was issued before {period}{where}, the period "
                    f"evidence {item.id!r} is used for",
                    node=item.id,
                    kind="evidence",
                    field=("period",) if claim_id is None else ("source",),
                    hint="cite a source issued after the period, or correct the period or "
                    "the issue date",
                    related=(RelatedRef("the source", node=source_id, kind="sources",
                                        field=("issued",)),),
                    data={"source": source_id, "issued_by": end.isoformat(),
                          "period": period},
                )
'''
_AM602 = r'''
def check(ctx: RuleContext) -> Iterator[Problem]:
    """Only a claim citing an item with a period (the first of its ID) can be reported: the
    others are passed over with one set test, without reading their period, and when no
    item has one no claim is walked (at 10,000 claims 14.5 -> 2.0 ms of CPU)."""
    item_of = ctx.evidence.get  # looked up once, not once per item cited
    dated = {item_id for item_id, item in ctx.evidence.items() if item.period is not None}
    if not dated:
        return
    undated = dated.isdisjoint
    for claim in ctx.map.claims:
        if not claim.evidence or undated(claim.evidence):
            continue  # nothing to compare: no period to read
        claim_period = claim.period or text_period(claim.text)
        if claim_period is None:
            continue
        for index, evidence_id in enumerate(claim.evidence):
            item = item_of(evidence_id)
            if item is None or item.period is None:
                continue
            if periods_overlap(item.period, claim_period):
                continue
            yield Problem(
                f"claim {claim.id!r} is about {claim_period} but evidence {evidence_id!r} is "
                f"about {item.period}",
                node=claim.id,
                kind="claims",
                field=("evidence", index),
                target=evidence_id,
                hint="cite evidence about the claim's period, or correct one of the periods",
                related=(RelatedRef(f"period {item.period}", node=evidence_id, kind="evidence",
                                    field=("period",)),),
                data={"claim_period": claim_period, "evidence_period": item.period},
            )
'''
_AM302 = r'''
def check(ctx: RuleContext) -> Iterator[Problem]:
    exempt = bool(ctx.options.get("exempt_concluded", True))
    pairs: list[tuple[Claim, ClaimDate]] = []  # every claim's dates, for AM308 and AM603
    for claim in ctx.map.claims:
        dates = claim_dates(ctx, claim)
        if not dates:
            continue  # most claims state no date: no list of the missing to build
        pairs += [(claim, found) for found in dates]
        # a claim citing no evidence has each of its dates so, one citing some none of them
        if dates[0].status is _NO_EVIDENCE:
            if exempt and any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
                continue
            listed = [d.date.text for d in dates if d.field == ("text",)]
            listed += [d.date.period or "" for d in dates if d.field == ("period",)]
            shown = ", ".join(repr(t) for t in dict.fromkeys(listed))
            yield Problem(
                f"the claim dates its statement ({shown}) but cites no evidence",
                node=claim.id,
                kind="claims",
                field=dates[0].field,
                hint="add an evidence item whose quote states the date",
                data={"dates": list(dict.fromkeys(listed))},
            )
            continue
        for found in dates:
            if found.status == _UNCITED:
                yield _uncited(claim.id, claim.evidence, found)
    keep_claim_dates(ctx, pairs)  # every claim walked, none raised: the walk AM308 reads
'''
_KEPT_PAIRS = r'''
def _kept_pairs(
    index: MapIndex, owner: object, read: Callable[[MapIndex, Claim], Iterable[_Found]]
) -> Iterator[tuple[Claim, _Found]]:
    """``(claim, found)`` for what ``read`` finds in each claim, kept in the memo under
    ``owner``; after a crash nothing is kept and the walk is done again, claim by claim."""

    def walk() -> Iterator[tuple[Claim, _Found]]:
        for claim in index.map.claims:
            for found in read(index, claim):
                yield claim, found

    try:
        pairs = index.memo(owner, lambda: tuple(walk()))
    except Exception:  # noqa: BLE001 - re-raised by the walk below, after the same pairs
        return walk()
    return iter(pairs)
'''
_SUSPECT = r'''
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
    for at, claim in enumerate(argmap.claims):
        in_section = claim.section
        if in_section is not None and in_section not in ok_sections:
            yield Reference(in_section, "sections", "section", "section", claim.id,
                            ("claims", at), ("section",))
        for ref in claim.evidence:  # a list's positions are counted only for a wrong ID
            if ref not in ok_evidence:
                yield from _evidence(claim, at, ok_evidence)
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
    for at, item in enumerate(argmap.evidence):
        if item.source not in ok_sources:
            yield Reference(item.source, "sources", "source", "source", item.id,
                            ("evidence", at), ("source",))
        via = item.via
        if via is not None and via not in ok_sources:
            yield Reference(via, "sources", "source", "via source", item.id,
                            ("evidence", at), ("via",))
'''
_SUPPRESSIONS = r'''
def map_suppressions(argmap: ArgumentMap) -> list[IgnoreEntry]:
    """Every ``ignore`` entry in the map, in map order."""
    found: list[IgnoreEntry] = []
    for collection in _COLLECTIONS:
        for index, node in enumerate(getattr(argmap, collection)):
            for position, entry in enumerate(node.ignore):
                found.append(IgnoreEntry(node.id, collection, index, position, entry.code,
                                         entry.target, entry.reason))
    return found
'''
_QUOTE_HOLDER = r'''
def quote_holder(evidence: Evidence) -> str:
    """The source whose text holds the quote: ``via`` when set, else ``source``."""
    return evidence.via or evidence.source
'''
_OLD_QUOTE_HOLDER = _reference(anchor, _QUOTE_HOLDER, "quote_holder")
_RULES = [
    (am302_uncited_date, _reference(am302_uncited_date, _AM302, "check",
                                    claim_dates=dates.claim_dates)),
    (am214_duplicate_claim_text, _reference(am214_duplicate_claim_text, _AM214, "check")),
    (am303_quantity_text_mismatch, _reference(am303_quantity_text_mismatch, _AM303, "check",
                                              from_quantity=from_quantity)),
    (am503_conflicting_figures, _reference(am503_conflicting_figures, _AM503, "check")),
    (am601_source_predates_period, _reference(am601_source_predates_period, _AM601, "check")),
    (am602_period_mismatch, _reference(am602_period_mismatch, _AM602, "check")),
]

_CLAIM_IDS = st.sampled_from(["C1", "C2", "C3", "C4"])
_EVIDENCE_IDS = st.sampled_from(["E1", "E2", "E3"])
_SOURCE_IDS = st.sampled_from(["S1", "S2", "S9"])  # S9 is not a source
_PERIODS = st.none() | st.sampled_from(["2015", "2019", "2020-03", "2016-01-05"])
_TEXTS = st.sampled_from([
    "Exports fell by 4.5 per cent in 2019.", "exports fell by 4.5 per cent in 2019.",
    "Trade reached USD 4 billion in 2016", "Trade reached USD 5 billion in 2016",
    "about 400 containers", "The war ended.", "the  war ended.", "42", "In 2020 it was 7%.",
    "In 2019 trade reached USD 4 billion.", "In 2019 trade was USD 5 billion."])
_QUOTE_TEXTS = st.sampled_from(["4.5 per cent", "USD 4 billion", "400", "42", "7%", "397",
                                "billion", "in 2019"])
_IGNORE = st.lists(st.fixed_dictionaries(
    {"code": st.sampled_from(["AM214", "AM303", "AM601"]), "reason": st.just("r")},
    optional={"target": st.sampled_from(["E1", "42"])}), max_size=2)


def _some(draw: st.DrawFn, values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items()
            if value is not None and (value != [] or draw(st.booleans()))}


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    quantity_ids = iter(f"Q{i}" for i in range(40))
    claims = []
    for _ in range(draw(st.integers(1, 6))):
        text = draw(_TEXTS)
        quantities = [_some(draw, {
            "id": next(quantity_ids) if draw(st.integers(0, 4)) else "Q0",
            "value": draw(st.sampled_from(["4.5", "4", "400", "42", "7", "5"])),
            "kind": draw(st.sampled_from(["amount", "count", "percent"])),
            "unit": draw(st.none() | st.sampled_from(["USD", "containers"])),
            "scale": draw(st.none() | st.just("billion")),
            "text": draw(st.none() | _QUOTE_TEXTS)}) for _ in range(draw(st.integers(0, 2)))]
        claims.append(_some(draw, {
            "id": draw(_CLAIM_IDS), "text": text,
            "kind": draw(st.sampled_from(["claim", "premise", "thesis", "objection"])),
            "section": draw(st.none() | st.sampled_from(["T1", "T9"])),
            "evidence": draw(st.lists(_EVIDENCE_IDS | st.just("E9"), max_size=3)),
            "tags": draw(st.lists(st.sampled_from(["measure:trade", "measure:x", "other"]),
                                  max_size=2)),
            "quantities": quantities, "period": draw(_PERIODS), "ignore": draw(_IGNORE)}))
    evidence = []
    for _ in range(draw(st.integers(0, 5))):
        item = _some(draw, {"id": draw(_EVIDENCE_IDS), "source": draw(_SOURCE_IDS),
                            "via": draw(st.none() | _SOURCE_IDS), "period": draw(_PERIODS),
                            "ignore": draw(_IGNORE)})
        if draw(st.booleans()):
            item["quote"] = {"exact": draw(_QUOTE_TEXTS)}
        locator = draw(st.sampled_from([None, {}, {"page": "2"}, {"page": 3}]))
        if locator is not None:
            item["locator"] = locator
        evidence.append(item)
    sources = [_some(draw, {"id": name, "type": "report", "title": "t",
                            "issued": draw(st.none() | st.sampled_from(["2010", "2017",
                                                                         "2021"]))})
               for name in ("S1", "S2")]
    relations = [{"id": draw(st.sampled_from(["R1", "R2"])), "type": "supports",
                  "from": [draw(_CLAIM_IDS)], "to": draw(_CLAIM_IDS)}
                 for _ in range(draw(st.integers(0, 3)))]
    return {"title": "m", "sections": [{"id": "T1", "title": "t"}], "claims": claims,
            "evidence": evidence, "sources": sources, "relations": relations}


def _old_first_by_id(items: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def _old_by_kind(ctx: RuleContext) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for claim in _old_first_by_id(ctx.map.claims).values():
        found.setdefault(claim.kind, []).append(claim)
    return found


def _old_quantities(ctx: RuleContext) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for claim in ctx.map.claims:
        for quantity in claim.quantities:
            found.setdefault(quantity.id, (claim, quantity))
    return found


def _old_evidence_users(ctx: RuleContext) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for claim in ctx.map.claims:
        for evidence_id in dict.fromkeys(claim.evidence):
            found[evidence_id].append(claim)
    return dict(found)


def _ids(value: Any) -> Any:
    """Lists of models as the models' identities (pydantic compares models by value)."""
    if isinstance(value, dict):
        return {key: _ids(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_ids(item) for item in value]
    return id(value)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_the_views_and_indexes_equal_the_reference(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    ctx = RuleContext(argmap)
    assert ctx.claim_fields == [(c.id, c.text, c.kind, c.evidence, c.quantities, c.period,
                                 c.section, c.tags, c.ignore) for c in argmap.claims]
    assert ctx.evidence_fields == [(e.id, e.source, e.via, e.quote, e.position, e.period,
                                    e.ignore, e.locator) for e in argmap.evidence]
    assert _ids(ctx.claims) == _ids(_old_first_by_id(argmap.claims))
    assert _ids(ctx.evidence) == _ids(_old_first_by_id(argmap.evidence))
    assert _ids(ctx.relations) == _ids(_old_first_by_id(argmap.relations))
    kinds = _old_by_kind(ctx)
    for kind in ("claim", "premise", "thesis", "objection", "argument"):
        assert _ids(ctx.of_kind(kind)) == _ids(kinds.get(kind, []))
    assert _ids(ctx.quantities) == _ids(_old_quantities(ctx))
    assert ctx.quantity_count == sum(len(claim.quantities) for claim in argmap.claims)
    assert _ids(ctx.evidence_users) == _ids(_old_evidence_users(ctx))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_the_rules_equal_the_reference(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    for module, reference in _RULES:
        assert list(module.check(RuleContext(argmap))) == list(reference(RuleContext(argmap))), \
            module.__name__


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_the_references_and_suppressions_equal_the_reference(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    suspect = _reference(_shared, _SUSPECT, "_suspect")
    assert list(_shared._suspect(RuleContext(argmap))) == list(suspect(RuleContext(argmap)))  # noqa: SLF001
    entries = _reference(suppressions, _SUPPRESSIONS, "map_suppressions")(argmap)
    ctx = RuleContext(argmap)
    assert suppressions.map_suppressions(argmap, ctx) == entries  # views not built yet
    assert ctx.claim_fields is not None
    assert ctx.evidence_fields is not None
    assert suppressions.map_suppressions(argmap, ctx) == entries
    assert suppressions.map_suppressions(argmap) == entries


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_the_claim_walks_equal_the_reference(data: dict[str, Any]) -> None:
    """The figures and dates of every claim, and the tests that pass a claim over."""
    argmap = ArgumentMap.model_validate(data)
    kept = _reference(_shared, _KEPT_PAIRS, "_kept_pairs")
    ctx, old = RuleContext(argmap), RuleContext(argmap)
    assert list(_shared.every_claim_figure(ctx)) == list(
        kept(old, _shared.every_claim_figure, compare.claim_figures))
    ctx, old = RuleContext(argmap), RuleContext(argmap)
    assert list(_shared.every_claim_date(ctx)) == list(
        kept(old, _shared.every_claim_date, dates.claim_dates))
    ctx, old = RuleContext(argmap), RuleContext(argmap)
    for claim, fields in zip(argmap.claims, ctx.claim_fields, strict=True):
        assert compare.figures_of(ctx, claim, fields) == compare.claim_figures(old, claim)
        assert dates.dates_of(ctx, claim, fields) == dates.claim_dates(old, claim)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_the_quote_holders_equal_the_reference(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    for item in argmap.evidence:
        assert anchor.quote_holder(item) == _OLD_QUOTE_HOLDER(item)
    assert anchor.quote_counts(RuleContext(argmap)) == Counter(
        _OLD_QUOTE_HOLDER(item) for item in argmap.evidence if item.quote is not None)


def _am416_reference(ctx: RuleContext) -> Iterator[str]:
    """AM416's filter as it was: the holders of the quotes it let reach the pages."""
    for evidence, result in am416_wrong_page.anchored_evidence(ctx):
        locator = evidence.locator
        if locator is None or locator.page is None or result.status not in VERBATIM:
            continue
        yield _OLD_QUOTE_HOLDER(evidence)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_maps(), st.lists(st.booleans(), min_size=5, max_size=5))
def test_am416_reaches_the_pages_of_the_same_quotes(data: dict[str, Any],
                                                    verbatim: list[bool]) -> None:
    """AM416 reads each quoted item's locator and holder from its view, beside the pairs
    :func:`anchored_evidence` yields: the same quotes reach the snapshot's pages."""
    argmap = ArgumentMap.model_validate(data)
    statuses = [AnchorStatus.EXACT if found else AnchorStatus.NOT_FOUND for found in verbatim]

    def anchored(index: Any) -> Iterator[tuple[Any, AnchorResult]]:
        for at, (evidence, _) in enumerate(anchor.anchored_evidence(index)):
            yield evidence, AnchorResult(statuses[at], source="S1", start=0, end=1)

    seen: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(am416_wrong_page, "anchored_evidence", anchored)
        patch.setattr(pages, "snapshot_pages", lambda _, holder: seen.append(holder))
        assert list(am416_wrong_page.check(RuleContext(argmap))) == []
        assert seen == list(dict.fromkeys(_am416_reference(RuleContext(argmap))))


def test_the_tests_pass_claims_over() -> None:
    """The walks' first tests let claims with figures and dates through, and pass others
    over."""
    argmap = ArgumentMap.model_validate({"title": "m", "claims": [
        {"id": "C1", "text": "about 400 containers"},
        {"id": "C2", "text": "The war ended in 2019."},
        {"id": "C3", "text": "The war ended.", "period": "2019"},
        {"id": "C4", "text": "The war ended."}]})
    ctx = RuleContext(argmap)
    pairs = list(zip(argmap.claims, ctx.claim_fields, strict=True))
    assert [bool(compare.figures_of(ctx, *pair)) for pair in pairs] == [
        True, False, False, False]
    assert [bool(dates.dates_of(ctx, *pair)) for pair in pairs] == [False, True, True, False]


def test_the_maps_hold_findings() -> None:
    """The comparisons above mean something: each rule, the reference walk and the
    suppressions find their case on a map the strategy can draw."""
    argmap = ArgumentMap.model_validate({
        "title": "m", "sections": [{"id": "T1", "title": "t"}],
        "claims": [
            {"id": "C1", "text": "In 2019 trade reached USD 4 billion.", "tags": ["measure:t"],
             "evidence": ["E1", "E9"], "period": "2016", "section": "T9"},
            {"id": "C2", "text": "In 2019 trade was USD 5 billion.", "tags": ["measure:t"],
             "evidence": ["E1"], "ignore": [{"code": "AM214", "reason": "r"}]},
            {"id": "C3", "text": "in 2019  trade was USD 5 billion.", "period": "2019",
             "evidence": ["E2"], "quantities": [{"id": "Q1", "value": "5", "unit": "USD",
                                                 "scale": "billion", "text": "USD 4 billion"}]}],
        "evidence": [{"id": "E1", "source": "S1", "period": "2015", "quote": {"exact": "4"}},
                     {"id": "E2", "source": "S9", "via": "S1"}],
        "sources": [{"id": "S1", "type": "report", "title": "t", "issued": "2017"}]})
    for module, _ in _RULES:
        assert list(module.check(RuleContext(argmap))), module.__name__
    assert len(list(_shared._suspect(RuleContext(argmap)))) == 3  # noqa: SLF001
    assert suppressions.map_suppressions(argmap, RuleContext(argmap))


