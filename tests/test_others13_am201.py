"""AM201 reads whether any ID repeats from the reference rules' memo (``ids_unique``).

Round twelve's AM201 asked :func:`no_id_repeats` itself; now AM201, AM202 and AM203 build one
set of every ID between them. Its findings must be round twelve's whichever rule asks first,
on maps whose IDs repeat within and across kinds (quantities too).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RuleContext
from argmap._model import ArgumentMap
from argmap.rules import am201_duplicate_id as am201
from argmap.rules import am202_unknown_reference as am202
from argmap.rules._shared import no_id_repeats

_POOL = st.sampled_from(["A", "B", "C", "D", "Q1", "R1"])


def _reference(ctx: RuleContext) -> Iterator[Problem]:
    """AM201's check of round twelve."""
    if no_id_repeats(ctx):
        return
    yield from am201._duplicates(ctx)  # noqa: SLF001 - the walk both versions share


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    def ids(least: int, most: int) -> list[str]:
        return draw(st.lists(_POOL, min_size=least, max_size=most))

    claims = [{"id": i, "text": "t",
               "quantities": [{"id": q, "value": 1} for q in ids(0, 2)]} for i in ids(1, 4)]
    return {"title": "m", "format": 2, "claims": claims,
            "sources": [{"id": i} for i in ids(0, 2)],
            "evidence": [{"id": i, "source": draw(_POOL)} for i in ids(0, 2)],
            "sections": [{"id": i, "title": "s"} for i in ids(0, 2)],
            "relations": [{"id": i, "type": "supports", "from": [draw(_POOL)],
                           "to": draw(_POOL)} for i in ids(0, 2)]}


def _repr(problems: Iterator[Problem]) -> list[str]:
    return [repr(problem) for problem in problems]


@settings(max_examples=300, deadline=None)
@given(_maps(), st.booleans())
def test_am201_reports_what_round_twelve_did(data: dict[str, Any], after_am202: bool) -> None:
    argmap = ArgumentMap.model_validate(data)
    ctx = RuleContext(argmap)
    if after_am202:  # the memo filled by the reference walk
        list(am202.check(ctx))
    assert _repr(am201.check(ctx)) == _repr(_reference(RuleContext(argmap)))
