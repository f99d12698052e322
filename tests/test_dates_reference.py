"""The dates a claim and its quotes state are read with less work per text (positional
fields, no generator for a quote's words, a quantity's kind compared as the string it is),
and judged with less per claim (each quote's periods listed once, in one dictionary of the
map's quotes; a period a claim states twice compared once; no memo entry per claim); the
versions before that are kept here as the reference, and the two must read the same dates
and judge each claim's the same, on hostile text too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RuleContext
from argmap._model import ArgumentMap, Claim
from argmap._verify.anchor import quote_holder
from argmap._verify.dates import (
    _BRACKETS,
    _RELATIVE,
    ClaimDate,
    DateStatus,
    StatedDate,
    _declared_period,
    _distance,
    _may_be_relative,
    _projected,
    _relative,
    _reported_figure,
    _safe_bounds,
    _source_issue,
    claim_dates,
    covered,
    quote_dates,
    resolve,
    text_dates,
)
from argmap._verify.index import MapIndex
from argmap._verify.numbers import TEMPORAL_KINDS, parse
from argmap.rules import am302_uncited_date as am302
from argmap.rules._shared import every_claim_date


def _text_dates(text: str) -> tuple[StatedDate, ...]:
    found = [
        StatedDate(m.text, m.start, m.end, period=m.period, partial=m.partial or None)
        for m in parse(text)
        if m.kind in TEMPORAL_KINDS and (m.period or m.partial)
    ]
    if _may_be_relative(text):
        found.extend(_relative(match) for match in _RELATIVE.finditer(text))
    if len(found) < 2:
        return tuple(found)
    return tuple(sorted(found, key=lambda d: d.start))


def _read_quote(index: MapIndex, evidence_id: str) -> tuple[StatedDate, ...]:
    item = index.evidence.get(evidence_id)
    if item is None or item.quote is None:
        return ()
    quote = item.quote
    text = " ".join(part for part in (quote.prefix, quote.exact, quote.suffix) if part)
    if "[" in text:
        text = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)
    found = _text_dates(text)
    if all(stated.relative is None for stated in found):
        return found
    issued = _source_issue(index, quote_holder(item))
    out = []
    for stated in found:
        resolved = resolve(stated, issued)
        out.append(resolved if resolved is not None else stated)
    return tuple(out)


def _written(claim: Claim) -> list[tuple[StatedDate, tuple[str, ...]]]:
    text: tuple[str, ...] = ("text",)
    found = [(d, text) for d in _text_dates(claim.text)]
    spans = [(d.start, d.end) for d, _ in found]
    for quantity in claim.quantities:
        if quantity.kind.value not in ("year", "date") or not quantity.text:
            continue
        start = claim.text.find(quantity.text)
        if start < 0 or any(a < start + len(quantity.text) and start < b for a, b in spans):
            continue
        period = _declared_period(quantity)
        if period is not None:
            found.append((StatedDate(quantity.text, start, start + len(quantity.text),
                                       period=period), text))
    if claim.period:
        found.append((StatedDate(claim.period, 0, 0, period=claim.period), ("period",)))
    return found


def _judge(index: MapIndex, claim: Claim) -> list[ClaimDate]:
    written = _written(claim)
    if not written:
        return []
    evidence = [e for e in dict.fromkeys(claim.evidence) if e in index.evidence]
    if not claim.evidence:
        return [ClaimDate(claim.id, d, f, DateStatus.NO_EVIDENCE) for d, f in written]
    stated = {e: _read_quote(index, e) for e in evidence}
    every = [s.period for dates in stated.values() for s in dates if s.period]
    unresolved = tuple(
        (e, s, quote_holder(index.evidence[e])) for e in evidence for s in stated[e]
        if s.relative is not None and s.period is None and s.offset is not None
    )
    return [_one(index, claim, d, f, evidence, stated, every, unresolved)
            for d, f in written]


def _one(
    index: MapIndex,
    claim: Claim,
    written: StatedDate,
    field: tuple[str, ...],
    evidence: list[str],
    stated: dict[str, tuple[StatedDate, ...]],
    every: list[str],
    unresolved: tuple[tuple[str, StatedDate, str], ...],
) -> ClaimDate:
    at = (claim.id, written, field)
    if written.relative is not None:
        same = tuple(e for e in evidence if any(s.relative == written.relative
                                                for s in stated[e]))
        if same:
            return ClaimDate(*at, DateStatus.CITED, cited_by=same)
        dated = [
            (e, r) for e in evidence
            if (r := resolve(written, _source_issue(index, quote_holder(index.evidence[e]))))
            is not None and r.period
        ]
        if not dated:
            return ClaimDate(*at, DateStatus.UNRESOLVED, unresolved=unresolved)
        cited = tuple(e for e, r in dated if r.period and covered(r.period, every))
        if cited:
            return ClaimDate(*at, DateStatus.CITED, cited_by=cited)
        written = dated[0][1]
        at = (claim.id, written, field)
    if written.period is not None:
        by = tuple(e for e in evidence
                   if covered(written.period, [s.period for s in stated[e] if s.period]))
        if by or (len(evidence) > 1 and covered(written.period, every)):
            return ClaimDate(*at, DateStatus.CITED, cited_by=by)
        if _safe_bounds(written.period) is None:
            return ClaimDate(*at, DateStatus.CITED)
    elif written.partial is not None:
        mine = _projected(written)
        by = tuple(e for e in evidence
                   if mine and covered(mine, [p for s in stated[e] if (p := _projected(s))]))
        if by:
            return ClaimDate(*at, DateStatus.CITED, cited_by=by)
    else:
        return ClaimDate(*at, DateStatus.CITED)
    figure = _reported_figure(index, claim, written.period)
    if figure is not None:
        return ClaimDate(*at, DateStatus.FIGURE, figure=figure)
    if unresolved:
        return ClaimDate(*at, DateStatus.UNRESOLVED, unresolved=unresolved)
    return ClaimDate(*at, DateStatus.UNCITED, nearest=_nearest(written, evidence, stated))


def _nearest(written: StatedDate, evidence: list[str],
             stated: dict[str, tuple[StatedDate, ...]]) -> tuple[str, StatedDate] | None:
    candidates = [(e, s) for e in evidence for s in stated[e] if s.period]
    if not candidates:
        return None
    return min(candidates, key=lambda pair: _distance(written.period, pair[1].period))


_PIECES = ["In ", "2019", "2014–2019", "June 2020", " 11 March 2020", "last year",
           "two years ago", "the past five years", "this month", " [in 2018]", "[", "]",
           "December 3–6", "2013-2018", " and ", "USD 4 billion", "5%", "Year", "MONTH",
           " ", "\n", "İ", "\u0130year", "٢٠١٩", "9999", "0000", "-", "/"]
_TEXTS = st.one_of(st.text(max_size=40),
                   st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))


@settings(max_examples=400)
@given(_TEXTS)
def test_text_dates_reads_what_the_reference_read(text: str) -> None:
    assert text_dates(text) == _text_dates(text)


_IDS = st.sampled_from(["A", "B", "C"])
_ISSUED = st.sampled_from([None, "2019", "2020-06", "2021-01-05", "2018/2020",
                           {"date-parts": [[2019, 6]]}, {"literal": "spring"}])
_QUANTITY = st.fixed_dictionaries({
    "id": st.sampled_from(["q1", "q2"]),
    "kind": st.sampled_from(["year", "date", "amount"]),
    "value": st.sampled_from(["2019", "2020", "4", "12000"]),
    "text": st.one_of(st.none(), st.sampled_from(["2019", "2020", "June 2020", "nowhere"])),
})


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    def maybe(key: str, strategy: st.SearchStrategy[Any]) -> dict[str, Any]:
        value = draw(st.one_of(st.none(), strategy))
        return {} if value is None else {key: value}

    sources = [{"id": i, **maybe("issued", _ISSUED)}
               for i in draw(st.lists(_IDS, min_size=1, max_size=3, unique=True))]
    evidence = [{"id": i, "source": draw(_IDS),
                 "quote": {"exact": draw(_TEXTS.filter(str.strip)),
                           **maybe("prefix", _TEXTS), **maybe("suffix", _TEXTS)}}
                for i in draw(st.lists(_IDS, max_size=3, unique=True))]
    claims = [{"id": f"C{n}", "text": draw(_TEXTS.filter(str.strip)),
               "evidence": draw(st.lists(st.sampled_from(["A", "B", "C", "Z"]), max_size=3)),
               "quantities": draw(st.lists(_QUANTITY, max_size=2, unique_by=lambda q: q["id"])),
               **maybe("period", st.sampled_from(["2019", "2020-06", "2018/2020"]))}
              for n in range(draw(st.integers(1, 4)))]
    return {"title": "m", "sources": sources, "evidence": evidence, "claims": claims}


@settings(max_examples=300, deadline=None)
@given(_maps())
def test_claim_dates_judges_as_the_reference_did(data: dict[str, Any]) -> None:
    try:
        argmap = ArgumentMap.model_validate(data)
    except ValueError:  # a draw the model refuses (an empty quote, a bad period)
        return
    new, old = RuleContext(argmap), RuleContext(argmap)
    for claim in argmap.claims:
        assert claim_dates(new, claim) == tuple(_judge(old, claim))
    for item in argmap.evidence:
        assert quote_dates(new, item.id) == _read_quote(old, item.id)


def _am302_reference(ctx: RuleContext) -> Iterator[Problem]:
    """AM302's walk before a claim without dates was skipped before its missing list."""
    exempt = bool(ctx.options.get("exempt_concluded", True))
    for claim in ctx.map.claims:
        dates = claim_dates(ctx, claim)
        missing = [d for d in dates if d.status == DateStatus.NO_EVIDENCE]
        if missing:
            if exempt and any(r.type == "supports" for r in ctx.incoming.get(claim.id, ())):
                continue
            listed = [d.date.text for d in missing if d.field == ("text",)]
            listed += [d.date.period or "" for d in missing if d.field == ("period",)]
            shown = ", ".join(repr(t) for t in dict.fromkeys(listed))
            yield Problem(
                f"the claim dates its statement ({shown}) but cites no evidence",
                node=claim.id,
                kind="claims",
                field=missing[0].field,
                hint="add an evidence item whose quote states the date",
                data={"dates": list(dict.fromkeys(listed))},
            )
            continue
        for found in dates:
            if found.status == DateStatus.UNCITED:
                yield am302._uncited(claim.id, claim.evidence, found)  # noqa: SLF001 - the rule's own message


@settings(max_examples=200, deadline=None)
@given(_maps())
def test_am302_reports_what_its_reference_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    assert list(am302.check(RuleContext(argmap))) == list(_am302_reference(RuleContext(argmap)))


def _walk(ctx: RuleContext) -> list[tuple[Claim, ClaimDate]]:
    """every_claim_date's walk, claim by claim through the memo (AM308's before AM302 kept it)."""
    return [(claim, found) for claim in ctx.map.claims for found in claim_dates(ctx, claim)]


@settings(max_examples=200, deadline=None)
@given(_maps())
def test_am302_keeps_the_walk_am308_read(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    after_am302 = RuleContext(argmap)
    list(am302.check(after_am302))
    kept = list(every_claim_date(after_am302))
    assert kept == _walk(RuleContext(argmap))
    assert [(c.id, f) for c, f in kept] == [(c.id, f) for c, f in _walk(after_am302)]
