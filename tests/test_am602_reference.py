"""AM602 skips a claim that cites no evidence before reading its period, and looks the
evidence index up once; the rule as it was is kept here as the reference, and the two must
report the same problems, in the same order (IDs that repeat, items cited twice or unknown)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RelatedRef, RuleContext
from argmap._model import ArgumentMap
from argmap._verify.numbers import periods_overlap, text_period
from argmap.rules import am602_period_mismatch as am602


def _reference(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.map.claims:
        claim_period = claim.period or text_period(claim.text)
        if claim_period is None:
            continue
        for index, evidence_id in enumerate(claim.evidence):
            item = ctx.evidence.get(evidence_id)
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


_IDS = st.sampled_from(["A", "B", "C"])
_PERIOD = st.sampled_from(["2018", "2019-03", "2020", "2021-01-05", "2018/2020"])
_TEXT = st.one_of(st.text(min_size=1, max_size=30).filter(str.strip), st.sampled_from(
    ["Exports fell.", "In 2019 exports fell.", "In 2021 exports fell.",
     "From 2018 to 2022 exports fell.", "In March 2019 exports fell."]))


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    def maybe(key: str, strategy: st.SearchStrategy[Any]) -> dict[str, Any]:
        value = draw(st.one_of(st.none(), strategy))
        return {} if value is None else {key: value}

    evidence = [{"id": i, "source": "S", **maybe("period", _PERIOD)}
                for i in draw(st.lists(_IDS, max_size=4))]
    claims = [{"id": f"C{n}", "text": draw(_TEXT),
               "evidence": draw(st.lists(st.sampled_from(["A", "B", "C", "Z"]), max_size=3)),
               **maybe("period", _PERIOD)}
              for n in range(draw(st.integers(1, 5)))]
    return {"title": "m", "sources": [{"id": "S"}], "evidence": evidence, "claims": claims}


@settings(max_examples=300)
@given(_maps())
def test_the_rule_reports_what_the_old_rule_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    assert list(am602.check(RuleContext(argmap))) == list(_reference(RuleContext(argmap)))
