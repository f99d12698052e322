"""AM601 reads each claim's period once, in one pass over the claims; the rule before that
read it for each evidence item a claim cites (through ``evidence_users``). The old rule is
kept here as the reference, and the two must report the same problems, in the same order,
on maps whose IDs repeat, whose claims cite items twice and whose sources share items."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._model import ArgumentMap
from argmap._verify.numbers import period_bounds, text_period
from argmap.rules import am601_source_predates_period as am601


def _periods(ctx: RuleContext, evidence_id: str) -> list[tuple[str, str | None]]:
    item = ctx.evidence[evidence_id]
    if item.period:
        return [(item.period, None)]
    found: list[tuple[str, str | None]] = []
    for claim in ctx.evidence_users.get(evidence_id, ()):
        period = claim.period or text_period(claim.text)
        if period:
            found.append((period, claim.id))
    return found


def _reference(ctx: RuleContext) -> Iterator[Problem]:
    """The rule as it was: each item's periods read through the claims that cite it."""
    ends: dict[str, date | None] = {}
    for item in ctx.map.evidence:
        periods = _periods(ctx, item.id)
        if not periods:
            continue
        for source_id in dict.fromkeys(s for s in (item.source, item.via) if s):
            if source_id in ends:
                end = ends[source_id]
            else:
                source = ctx.sources.get(source_id)
                end = ends[source_id] = (am601.issued_end(source.issued)
                                         if source is not None else None)
            if end is None:
                continue
            for period, claim_id in periods:
                if end >= period_bounds(period)[0]:
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


_IDS = st.sampled_from(["A", "B", "C"])
_PERIOD = st.sampled_from(["2018", "2019-03", "2020", "2021-01-05", "2018/2020"])
_TEXT = st.sampled_from(["Exports fell.", "In 2019 exports fell.", "In 2021 exports fell.",
                         "From 2018 to 2022 exports fell.", "In 2017 and 2020 exports fell."])
_ISSUED = st.one_of(_PERIOD, st.sampled_from(
    [None, {"date-parts": [[2019, 6]]}, {"date-parts": [[2022]]}, {"literal": "spring"}]))


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    def maybe(key: str, strategy: st.SearchStrategy[Any]) -> dict[str, Any]:
        value = draw(st.one_of(st.none(), strategy))
        return {} if value is None else {key: value}

    sources = [{"id": i, "issued": draw(_ISSUED)}
               for i in draw(st.lists(_IDS, min_size=1, max_size=3))]
    evidence = [{"id": i, "source": draw(_IDS), **maybe("via", _IDS), **maybe("period", _PERIOD)}
                for i in draw(st.lists(_IDS, min_size=1, max_size=4))]
    claims = [{"id": f"C{n}", "text": draw(_TEXT),
               "evidence": draw(st.lists(_IDS, min_size=1, max_size=3)),
               **maybe("period", _PERIOD)}
              for n in range(draw(st.integers(1, 5)))]
    return {"title": "m", "sources": sources, "evidence": evidence, "claims": claims}


@settings(max_examples=300)
@given(_maps())
def test_the_rule_reports_what_the_old_rule_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    assert list(am601.check(RuleContext(argmap))) == list(_reference(RuleContext(argmap)))
