"""The rules that read figures never crash (no AM000) on maps whose claim texts, quotes,
quantities, periods and checks are drawn from number-like and hostile alphabets: zero and
very long values, year 0, letters that match ASCII ones case-insensitively, every check type
over every kind."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.run import check_loaded
from argmap._model import ArgumentMap
from argmap._verify.check_types import CHECK_TYPES

_WORDS = st.sampled_from([
    *"0123456789 -–−+,.%/\n\u00a0xX×$€ſıİK²#§()", "a", "over", "up to", "just", "USD",
    "million", "bn", "fold", "times", "a fifth", "half", "two halves", "twice", "tenfold",
    "2019", "0000", "January", "page", "Article", "KiB", "MiB", "files", "fell", "rose by",
    "per cent", "percentage points", "from", "to", "between", "and", "doubleſ", "9" * 4400,
])
_TEXT = st.lists(_WORDS, min_size=1, max_size=30).map("".join)
_KINDS = st.sampled_from(["amount", "count", "percent", "percentage-points", "fraction",
                          "fold", "ratio", "year", "date"])
_VALUES = st.one_of(
    st.sampled_from([Decimal(0), Decimal(-5), Decimal("0.2"), Decimal("1E+5000"),
                     Decimal("9" * 4400), Decimal(2019)]),
    st.decimals(min_value=-10**6, max_value=10**6, allow_nan=False, allow_infinity=False,
                places=2),
)
_PERIODS = st.sampled_from([None, "0000", "0001", "2019", "2020-01/2020-03", "0000/2019"])


@st.composite
def _maps(draw: st.DrawFn) -> ArgumentMap:
    claim_text = draw(_TEXT)
    quantities = []
    for number in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(claim_text) - 1))
        end = draw(st.integers(start + 1, len(claim_text)))
        quantities.append({
            "id": f"q{number}", "kind": draw(_KINDS), "value": draw(_VALUES),
            "unit": draw(st.sampled_from([None, "USD", "KiB", "years", "files"])),
            "qualifier": draw(st.sampled_from(["exact", "over", "at-most", "approx"])),
            "period": draw(_PERIODS), "text": claim_text[start:end],
        })
    ids = [q["id"] for q in quantities] or ["missing"]
    checks = []
    for number, spec in enumerate(CHECK_TYPES.values()):
        fields: dict[str, object] = {"id": f"K{number}", "type": spec.name}
        for operand in spec.operands:
            pick = draw(st.sampled_from(ids))
            fields[operand.key] = [pick, draw(st.sampled_from(ids))] if operand.many else pick
        checks.append(fields)
    data = {
        "title": "Fuzzed figures",
        "claims": [
            {"id": "C1", "kind": "thesis", "text": claim_text, "evidence": ["E1"],
             "period": draw(_PERIODS), "quantities": quantities, "tags": ["measure:m"]},
            {"id": "C2", "kind": "thesis", "text": draw(_TEXT), "tags": ["measure:m"]},
        ],
        "evidence": [{"id": "E1", "source": "S1", "period": draw(_PERIODS),
                      "quote": {"exact": draw(_TEXT)}}],
        "sources": [{"id": "S1", "title": "Report", "issued": draw(_PERIODS) or "2020"}],
        "checks": checks,
    }
    return ArgumentMap.model_validate(data)


@settings(max_examples=150)
@given(_maps())
def test_figure_rules_never_crash(argument_map: ArgumentMap) -> None:
    findings = check_loaded(argument_map)
    assert [f for f in findings if f.code == "AM000"] == [], [str(f) for f in findings]
