"""AM303 compares a quantity that one reading of its claim's text covers (most) without a
list of differences and a choice among them; the rule as it was is kept here as the
reference, and the two must report the same problems, in the same order, on any map."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RuleContext
from argmap._model import ArgumentMap
from argmap._verify.compare import shown
from argmap._verify.numbers import from_quantity, parse
from argmap._verify.numbers.declared import locate
from argmap.rules import am303_quantity_text_mismatch as am303
from argmap.rules.am303_quantity_text_mismatch import _differences, _mismatch


def _reference(ctx: RuleContext) -> Iterator[Problem]:
    for claim in ctx.map.claims:
        if not claim.quantities:
            continue  # most claims declare none: their figures need no reading here
        found = parse(claim.text)
        starts = [m.start for m in found]
        for index, quantity in enumerate(claim.quantities):
            if not quantity.text:
                continue
            field = ("quantities", index, "text")
            start = locate(quantity.text, claim.text)
            if start < 0:
                inside = quantity.text in claim.text
                yield Problem(
                    f"quantity {quantity.id!r}: {shown(quantity.text)!r} does not occur in the "
                    "claim's text" + (" as a whole figure, only inside a longer number or "
                                      "word" if inside else ""),
                    node=claim.id, kind="claims", field=field, target=quantity.text,
                    hint="copy the figure's words from the claim's text exactly",
                )
                continue
            declared = from_quantity(quantity, claim.text)
            end = start + len(quantity.text)
            # mentions are in text order and do not overlap: those before ``end`` that end
            # after ``start`` are the last few before bisect's position
            at = bisect_left(starts, end)
            in_context = []
            while at > 0 and found[at - 1].end > start:
                in_context.append(found[at - 1])
                at -= 1
            in_context.reverse()
            readings = in_context or list(parse(quantity.text))
            if not readings:
                yield Problem(
                    f"quantity {quantity.id!r}: no figure can be read in {shown(quantity.text)!r}",
                    node=claim.id, kind="claims", field=field, target=quantity.text,
                    hint="point text at the words that state the number",
                )
                continue
            problems = [_differences(declared, read) for read in readings]
            if any(not p for p in problems):
                continue
            best = min(range(len(readings)), key=lambda i: len(problems[i]))
            read = readings[best]
            yield _mismatch(quantity.id, quantity.text, declared, read, problems[best],
                            index, claim.id)


_TEXTS = ["In 2019 exports fell 57% to USD 4 billion.", "Between 3 and 5 million people left.",
          "About 1,200 ships, up 15-fold from 80 in 2010.", "12 34 5.6% 7",
          "It rose 2.5 times, or 150%, to 40 thousand containers."]
_QUANTITY_TEXTS = st.one_of(
    st.sampled_from(["57%", "USD 4 billion", "3 and 5 million", "3", "5 million", "1,200",
                     "15-fold", "80", "2010", "12 34", "34 5.6%", "7", "2.5 times", "150%",
                     "40 thousand", "fell", "4", "1,200 ships, up 15-fold", ""]),
    st.text(max_size=12))
_VALUES = st.sampled_from([0, 1, 3, 4, 5, 7, 12, 57, 80, 150, 1200, 2010, 2019, "2.5", "5.6",
                           "-3", "1e30"])


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    claims = []
    for n in range(draw(st.integers(1, 4))):
        quantities = []
        for q in range(draw(st.integers(0, 4))):
            text = draw(_QUANTITY_TEXTS)
            quantity: dict[str, Any] = {
                "id": f"q{n}_{q}", "value": draw(_VALUES),
                "kind": draw(st.sampled_from(["count", "amount", "percent", "fold", "ratio",
                                              "year"])),
                **({"text": text} if text else {})}
            if draw(st.booleans()):
                quantity["scale"] = draw(st.sampled_from(["thousand", "million", "billion"]))
            if draw(st.booleans()):
                quantity["unit"] = draw(st.sampled_from(["USD", "people", "ships"]))
            quantities.append(quantity)
        text = draw(st.one_of(st.sampled_from(_TEXTS), st.text(min_size=1, max_size=40)))
        claims.append({"id": f"C{n}", "text": text, "quantities": quantities})
    return {"title": "m", "claims": claims}


def _problems(rule: Any, argmap: ArgumentMap) -> object:
    try:
        return list(rule(RuleContext(argmap)))
    except Exception as error:  # noqa: BLE001 - both must fail alike on any input
        return type(error)


@settings(max_examples=400)
@given(_maps())
def test_the_rule_reports_what_the_old_rule_did(data: dict[str, Any]) -> None:
    try:
        argmap = ArgumentMap.model_validate(data)
    except ValueError:
        return  # a quantity the model refuses (the rule never sees it)
    assert _problems(am303.check, argmap) == _problems(_reference, argmap)
