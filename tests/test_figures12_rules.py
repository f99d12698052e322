"""AM601, AM602, AM422 and AM303's comparison held to their versions before round twelve,
kept here as references.

AM601 now drops, before walking the evidence, every claim period that starts by the
earliest issue date of all the sources (no source can predate it), and walks no item when
none is left and no item has a period of its own; AM602 reads the period only of a claim
that cites an item with one; AM422 asks the map's indexes whether a new quantity ID is
taken, where it built a set of every ID of the map; AM303 passes a reading that states the
declared figure without comparing them. Each must report the same problems, in the same
order, on maps whose IDs repeat across and within collections, whose issue dates cannot be
read and whose claims cite missing or repeated items."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import NodeEdit, Problem, ProblemFix, RelatedRef, RuleContext
from argmap._model import ArgumentMap, Qualifier, QuantityKind, Scale
from argmap._verify.anchor import quote_holder
from argmap._verify.compare import EXACT, describe, shown
from argmap._verify.dates import DateStatus
from argmap._verify.numbers import (
    FIGURE_KINDS,
    Mention,
    period_bounds,
    periods_overlap,
    text_period,
)
from argmap.rules import am306_unverifiable_figure as am306
from argmap.rules import am308_unverifiable_date as am308
from argmap.rules import am422_undeclared_figure as am422
from argmap.rules import am601_source_predates_period as am601
from argmap.rules import am602_period_mismatch as am602
from argmap.rules._shared import (
    every_claim_date,
    every_claim_figure,
    only_unsnapshotted,
    snapshot_verifies,
)
from argmap.rules.am303_quantity_text_mismatch import _compare, _differences

_ = (Qualifier,)  # the reference below reads it as the rule did


def _old_claim_periods(ctx: RuleContext) -> dict[str, list[tuple[str, str]]]:
    """Evidence ID -> (period, claim ID) of each claim that cites it and has a period, in map
    order (a claim citing an item twice counts once).

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
        pair = (period, claim.id)
        for evidence_id in (dict.fromkeys(cited) if len(cited) > 1 else cited):
            users = found.get(evidence_id)
            if users is None:
                found[evidence_id] = [pair]
            else:
                users.append(pair)
    return found



def _old_am601(ctx: RuleContext) -> Iterator[Problem]:
    ends: dict[str, date | None] = {}  # source ID -> issued_end, once per source, not per item
    first = ctx.evidence  # an ID's first item gives its period (duplicates are AM201's)
    by_claims: dict[str, list[tuple[str, str]]] | None = None
    for item in ctx.map.evidence:
        own = first[item.id].period
        periods: Sequence[tuple[str, str | None]] | None
        if own:
            periods = [(own, None)]
        else:
            if by_claims is None:
                by_claims = _old_claim_periods(ctx)
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
                end = ends[source_id] = (am601.issued_end(found.issued)
                                         if found is not None else None)
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


def _old_taken(ctx: RuleContext) -> set[str]:
    ids = {node.id for collection in (ctx.map.claims, ctx.map.evidence, ctx.map.sources,
                                      ctx.map.relations, ctx.map.checks, ctx.map.sections)
           for node in collection}
    ids.update(q.id for claim in ctx.map.claims for q in claim.quantities)
    return ids



def _old_am422(ctx: RuleContext) -> Iterator[Problem]:
    every_claim = bool(ctx.options.get("all_claims", False))
    taken: set[str] | None = None
    for claim, figure in every_claim_figure(ctx):
        m = figure.mention
        if (figure.quantity is not None or not figure.matches or m.vague or m.inferred
                or m.partial or m.kind not in FIGURE_KINDS):
            continue
        if not (claim.quantities or every_claim) or m.text not in claim.text:
            continue
        if m.kind == QuantityKind.COUNT and not m.unit and m.value != m.value.to_integral():
            continue  # "Python 3.11": a count is whole; a fractional bare one is misread
        if taken is None:
            taken = _old_taken(ctx)
        number = 1
        while f"Q-{claim.id}-{number}" in taken:
            number += 1
        quantity_id = f"Q-{claim.id}-{number}"
        taken.add(quantity_id)
        declared = am422.quantity_data(m, quantity_id, claim.period)
        yield Problem(
            f"figure {shown(m.text)!r} ({describe(m)}) is cited by "
            f"{figure.matches[0].evidence!r} but not declared among the claim's quantities",
            node=claim.id,
            kind="claims",
            field=("text",),
            target=m.text,
            hint=f"`argmap check --fix` declares it as {quantity_id!r}",
            data={"figure": m.text, "quantity": declared},
            fix=ProblemFix(f"declare {shown(m.text)!r} as quantity {quantity_id!r}",
                           (NodeEdit("append", declared, claim.id, "claims",
                                     ("quantities",)),)),
        )


_IDS = st.sampled_from(["A", "B", "C"])
_PERIOD = st.sampled_from(["2018", "2019-03", "2020", "2021-01-05", "2018/2020", "0000",
                           "2024/2025"])
_TEXT = st.sampled_from(["Exports fell.", "In 2019 exports fell.", "In 2021 exports fell.",
                         "From 2018 to 2022 exports fell.", "In 2017 and 2020 exports fell.",
                         "In 2030 exports fell."])
_PARTS = st.lists(st.one_of(st.integers(-10**12, 10**12), st.integers(0, 13),
                            st.sampled_from(["2020", "x", "", "-3", "99999"])), max_size=4)
_ISSUED = st.one_of(_PERIOD, st.sampled_from(
    [None, {"date-parts": [[2019, 6]]}, {"date-parts": [[2022]]}, {"literal": "spring"},
     {"date-parts": []}, {"date-parts": [[]]}]),
    st.builds(lambda parts: {"date-parts": [parts]}, _PARTS))


@st.composite
def _maps601(draw: st.DrawFn) -> dict[str, Any]:
    def maybe(key: str, strategy: st.SearchStrategy[Any]) -> dict[str, Any]:
        value = draw(st.one_of(st.none(), strategy))
        return {} if value is None else {key: value}

    sources = [{"id": i, "issued": draw(_ISSUED)}
               for i in draw(st.lists(_IDS, max_size=3))]
    evidence = [{"id": i, "source": draw(_IDS), **maybe("via", _IDS), **maybe("period", _PERIOD)}
                for i in draw(st.lists(_IDS, min_size=1, max_size=4))]
    claims = [{"id": f"C{n}", "text": draw(_TEXT),
               "evidence": draw(st.lists(st.sampled_from(["A", "B", "C", "D"]), max_size=3)),
               **maybe("period", _PERIOD)}
              for n in range(draw(st.integers(1, 5)))]
    return {"title": "m", "sources": sources, "evidence": evidence, "claims": claims}


def _outcome(check: Any, argmap: ArgumentMap) -> tuple[list[Problem], str | None]:
    """The problems a check yields, and the exception it raised after them, if any."""
    found: list[Problem] = []
    try:
        for problem in check(RuleContext(argmap)):
            found.append(problem)
    except Exception as error:  # noqa: BLE001 - compared between the two versions
        return found, repr(error)
    return found, None


@settings(max_examples=200, deadline=None)
@given(_maps601())
def test_am601_reports_what_the_old_rule_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    assert _outcome(am601.check, argmap) == _outcome(_old_am601, argmap)


def test_am601_still_reports_a_source_issued_before_the_period() -> None:
    argmap = ArgumentMap.model_validate({
        "title": "m", "sources": [{"id": "S1", "issued": "2019-11-02"},
                                  {"id": "S2", "issued": "2021"}],
        "evidence": [{"id": "E1", "source": "S1"}, {"id": "E2", "source": "S2"}],
        "claims": [{"id": "C1", "text": "In 2020 exports fell.", "evidence": ["E1", "E2"]}]})
    found = list(am601.check(RuleContext(argmap)))
    assert [p.node for p in found] == ["E1"]
    assert found == list(_old_am601(RuleContext(argmap)))


_QID = st.sampled_from(["Q-C1-1", "Q-C1-2", "Q-C1-3", "Q-C2-1", "E1", "X"])


@st.composite
def _maps422(draw: st.DrawFn) -> dict[str, Any]:
    claims = []
    for n in (1, 2):
        quantities = [{"id": q, "kind": "count", "value": 400, "unit": "cyclists", "text": "400"}
                      for q in draw(st.lists(_QID, max_size=2))]
        claims.append({"id": f"C{n}", "evidence": ["E1"], "quantities": quantities,
                       "text": draw(st.sampled_from([
                           "Cyclists per weekday rose from 400 to 1,200.",
                           "Cyclists rose from 400 to 1,200 and 3,000 in 2019.",
                           "Trips rose 12% to 5 million."]))})
    evidence = [{"id": "E1", "source": "S1", "quote": {"exact": draw(st.sampled_from([
        "rose from 400 to 1,200 per weekday", "400 to 1,200 and 3,000 in 2019",
        "rose 12% to 5 million trips"]))}}]
    evidence += [{"id": i, "source": "S1", "quote": {"exact": "x"}}
                 for i in draw(st.lists(_QID, max_size=2))]
    relations = [{"id": i, "type": "supports", "from": ["C2"], "to": "C1"}
                 for i in draw(st.lists(_QID, max_size=2))]
    sections = [{"id": i, "title": "s"} for i in draw(st.lists(_QID, max_size=2))]
    checks = [{"id": i, "type": "ratio", "numerator": "Q-C1-1", "denominator": "Q-C1-2",
               "result": "Q-C2-1"} for i in draw(st.lists(_QID, max_size=2))]
    sources = [{"id": i, "title": "t"} for i in ["S1", *draw(st.lists(_QID, max_size=2))]]
    return {"title": "m", "claims": claims, "evidence": evidence, "relations": relations,
            "sections": sections, "checks": checks, "sources": sources}


@settings(max_examples=150, deadline=None)
@given(_maps422(), st.booleans())
def test_am422_reports_what_the_old_rule_did(data: dict[str, Any], every: bool) -> None:
    argmap = ArgumentMap.model_validate(data)
    new, old = RuleContext(argmap), RuleContext(argmap)
    new.options = old.options = {"all_claims": every}
    assert list(am422.check(new)) == list(_old_am422(old))


def _old_am602(ctx: RuleContext) -> Iterator[Problem]:
    item_of = ctx.evidence.get  # looked up once, not once per item cited
    for claim in ctx.map.claims:
        if not claim.evidence:
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


@settings(max_examples=200, deadline=None)
@given(_maps601())
def test_am602_reports_what_the_old_rule_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    assert _outcome(am602.check, argmap) == _outcome(_old_am602, argmap)


_DECIMALS = st.one_of(
    st.sampled_from([Decimal("4"), Decimal("4.0"), Decimal("NaN"), Decimal("sNaN"),
                     Decimal("Infinity"), Decimal("1e30"), Decimal("-0")]),
    st.decimals())


@st.composite
def _readings(draw: st.DrawFn) -> Mention:
    return Mention(
        draw(st.sampled_from(list(QuantityKind))), draw(_DECIMALS), 0, 1, "x",
        draw(st.one_of(st.none(), _DECIMALS)),
        draw(st.sampled_from([None, "", "USD", "people", "person", "test cases"])),
        draw(st.sampled_from([None, *Scale])), draw(st.sampled_from(list(Qualifier))),
        draw(st.sampled_from([None, "", "2019", "2018/2020", "2020/2019", "2019-13", "x"])))


def _am303_outcome(declared: Mention, read: Mention, exact: bool) -> object:
    try:
        if exact:
            with localcontext(EXACT):
                return _compare(declared, read)
        return _differences(declared, read)
    except Exception as error:  # noqa: BLE001 - compared between the two versions
        return type(error)


@settings(max_examples=500, deadline=None)
@given(_readings(), _readings(), st.booleans())
def test_am303_same_figure_shortcut_is_the_comparison(declared: Mention, read: Mention,
                                                      same: bool) -> None:
    """AM303 returns no difference, without comparing, for a reading with the declared
    figure's value, kind, unit, qualifier and period (a period that overlaps itself)."""
    if same:
        read = Mention(declared.kind, declared.value, 0, 1, "y", declared.upper, declared.unit,
                       declared.scale, declared.qualifier, declared.period)
    assert (_am303_outcome(declared, read, exact=False)
            == _am303_outcome(declared, read, exact=True))


def _old_am306(ctx: RuleContext) -> Iterator[Problem]:
    verifies = snapshot_verifies(ctx)
    for claim, figure in every_claim_figure(ctx):
        supports = figure.matches or figure.too_precise
        if not supports or figure.derived_by:
            continue
        evidence = list(dict.fromkeys(s.evidence for s in supports))
        if any(verifies(e) for e in evidence):
            continue  # a snapshot verifies it (or an unknown source, AM202's finding)
        holders = {quote_holder(ctx.evidence[e]) for e in evidence}
        yield Problem(
            f"figure {figure.mention.text!r} ({describe(figure.mention)}) cannot be verified: "
            + only_unsnapshotted(evidence, holders),
            node=claim.id,
            kind="claims",
            field=("text",),
            target=figure.mention.text,
            hint="save the source's text under snapshots/ and add snapshot: {path: ...} to "
            "the source, or cite a source that has one",
            related=tuple(RelatedRef("the quote", node=e, kind="evidence",
                                     field=("quote", "exact")) for e in evidence[:3]),
            data={"figure": figure.mention.text, "reading": describe(figure.mention),
                  "evidence": evidence, "sources": sorted(holders)},
        )


def _old_am308(ctx: RuleContext) -> Iterator[Problem]:
    verifies = snapshot_verifies(ctx)
    for claim, found in every_claim_date(ctx):
        if found.status != DateStatus.CITED or not found.cited_by:
            continue
        evidence = list(dict.fromkeys(found.cited_by))
        if any(verifies(e) for e in evidence):
            continue  # a snapshot verifies it (or an unknown source, AM202's finding)
        holders = sorted({quote_holder(ctx.evidence[e]) for e in evidence})
        what = (f"the claim's period {found.date.period}" if found.field == ("period",)
                else f"date {found.date.shown}")
        yield Problem(
            f"{what} cannot be verified: " + only_unsnapshotted(evidence, holders),
            node=claim.id,
            kind="claims",
            field=found.field,
            target=found.date.text,
            hint="save the source's text under snapshots/ and add snapshot: {path: ...} to "
            "the source, or cite a source that has one",
            related=tuple(RelatedRef("the quote", node=e, kind="evidence",
                                     field=("quote", "exact")) for e in evidence[:3]),
            data={"date": found.date.text, "period": found.date.period,
                  "field": found.field[0], "evidence": evidence, "sources": holders},
        )


_QUOTES = ["exports fell 57% in 2019", "57% in 2019", "fell by 40% in June 2018",
           "USD 4 billion in 2019", "no figure here", "57% and 40% in 2019"]


@st.composite
def _quoted_maps(draw: st.DrawFn) -> dict[str, Any]:
    sources = [{"id": "S1", "title": "t", "snapshot": {"path": "snapshots/s1.txt"}},
               {"id": "S2", "title": "t"}, {"id": "S3", "title": "t"}]
    evidence = []
    for i in draw(st.lists(st.sampled_from(["E1", "E2", "E3", "E4"]), min_size=1, max_size=5)):
        item = {"id": i, "source": draw(st.sampled_from(["S1", "S2", "S3", "SX"])),
                "quote": {"exact": draw(st.sampled_from(_QUOTES))}}
        if draw(st.booleans()):
            item["via"] = draw(st.sampled_from(["S1", "S2", "SX"]))
        evidence.append(item)
    claims = [{"id": f"C{n}", "text": draw(st.sampled_from([
        "In 2019 exports fell 57%.", "Exports fell by 40% in June 2018.",
        "Trade reached USD 4 billion in 2019.", "In 2019 exports fell 57% and 40%."])),
        "evidence": draw(st.lists(st.sampled_from(["E1", "E2", "E3", "E4", "E9"]),
                                  min_size=1, max_size=4))}
        for n in range(draw(st.integers(1, 4)))]
    return {"title": "m", "sources": sources, "evidence": evidence, "claims": claims}


@settings(max_examples=200, deadline=None)
@given(_quoted_maps())
def test_am306_and_am308_report_what_the_old_rules_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    assert _outcome(am306.check, argmap) == _outcome(_old_am306, argmap)
    assert _outcome(am308.check, argmap) == _outcome(_old_am308, argmap)
