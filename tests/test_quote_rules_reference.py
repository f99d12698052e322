"""The quote rules' walks with their shortcuts inline (AM404, AM407, AM411's
_every_qualifier, AM412, AM416) report what the walks before them did: each old version is
kept here as the reference, and both are run on the same maps and anchoring results,
hostile ones included (spans past the text, statuses that are not verbatim)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap._engine.context import Problem, RuleContext
from argmap._model import ArgumentMap, Evidence
from argmap._verify import pages as pages_module
from argmap._verify import quote_context as qc
from argmap._verify.anchor import AnchorResult, AnchorStatus, SnapshotIndex, quote_holder
from argmap._verify.elsewhere import found_elsewhere
from argmap.rules import am404_quote_context_mismatch as am404
from argmap.rules import am407_no_snapshot as am407
from argmap.rules import am412_quote_found_elsewhere as am412
from argmap.rules import am416_wrong_page as am416

_SETTINGS = settings(max_examples=300, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


def _outcome(run: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return ("ok", run())
    except Exception as error:  # noqa: BLE001 - both versions must fail alike, if at all
        return ("raised", type(error))


# --- AM407 and AM412: quotes whose holder has no snapshot ----------------------------------------

def _am407_reference(ctx: RuleContext) -> Iterator[tuple[str, str]]:
    for evidence in ctx.map.evidence:
        holder = quote_holder(evidence)
        source = ctx.sources.get(holder)
        if evidence.quote is None or source is None or source.snapshot is not None:
            continue
        yield (evidence.id, holder)


def _am412_reference(ctx: RuleContext) -> Iterator[tuple[str, tuple[str, ...]]]:
    for evidence in ctx.map.evidence:
        if evidence.quote is None:
            continue
        source = ctx.sources.get(quote_holder(evidence))
        if source is None or source.snapshot is not None:
            continue
        found = found_elsewhere(ctx, evidence)
        if found:
            yield (evidence.id, tuple(found))


_SOURCE_IDS = st.sampled_from(["S", "T", "U", "Z"])


@st.composite
def _maps(draw: st.DrawFn) -> dict[str, Any]:
    sources = []
    for sid in draw(st.lists(st.sampled_from(["S", "T", "U"]), max_size=4)):
        source: dict[str, Any] = {"id": sid}
        if draw(st.booleans()):
            source["snapshot"] = {"path": f"snapshots/{sid}.txt"}
        sources.append(source)
    evidence = []
    for n in range(draw(st.integers(0, 5))):
        item: dict[str, Any] = {"id": draw(st.sampled_from([f"E{n}", "E0"])),
                                "source": draw(_SOURCE_IDS)}
        if draw(st.booleans()):
            item["quote"] = {"exact": draw(st.text(min_size=1, max_size=20).filter(str.strip))}
        if draw(st.booleans()):
            item["via"] = draw(_SOURCE_IDS)
        evidence.append(item)
    return {"title": "m", "sources": sources, "evidence": evidence}


@_SETTINGS
@given(_maps())
def test_am407_and_am412_report_what_their_walks_did(data: dict[str, Any]) -> None:
    argmap = ArgumentMap.model_validate(data)
    new = [(p.node, p.data["source"]) for p in am407.check(RuleContext(argmap))]
    assert new == list(_am407_reference(RuleContext(argmap)))
    new412 = [(p.node, tuple(p.data["found_in"])) for p in am412.check(RuleContext(argmap))]
    assert new412 == list(_am412_reference(RuleContext(argmap)))


# --- AM404, AM416 and AM411: the anchoring results, as the rules get them ------------------------

_FRAGMENTS = st.lists(st.sampled_from(
    ["Exports fell. ", "Exports fell", " but not on weekdays. ", "\n\n", "A rose. ",
     "It is not true that ", "never ", "rose! ", "x", " ", ".", "!", "?", " not"]),
    min_size=2, max_size=16)
_STATUS = st.sampled_from(list(AnchorStatus))
_SIDE = st.sampled_from([None, True, False])


@st.composite
def _results(draw: st.DrawFn, text: str, bounds: list[int]) -> AnchorResult:
    length = len(text)
    offset = st.one_of(st.sampled_from(bounds), st.sampled_from(bounds),
                       st.integers(-3, length + 3))
    span = draw(st.one_of(st.tuples(offset, offset).map(lambda s: (min(s), max(s))),
                          st.tuples(offset, offset), st.none()))
    same = draw(st.booleans()) and span is not None  # the original offsets: the span's
    start = span[0] if same and span else draw(st.one_of(st.none(), offset))
    end = span[1] if same and span else draw(st.one_of(st.none(), offset))
    parts = draw(st.one_of(st.just(()), st.just(()), st.just(()),
                           st.lists(st.tuples(offset, offset), max_size=3).map(tuple)))
    status = draw(st.one_of(st.sampled_from([AnchorStatus.EXACT, AnchorStatus.NORMALISED]),
                            _STATUS))
    return AnchorResult(status, source=draw(st.sampled_from(["S", "S", "S", None, "T"])),
                        start=start, end=end, prefix_match=draw(_SIDE),
                        suffix_match=draw(_SIDE), parts=parts, norm_span=span,
                        before=draw(st.text(max_size=8)), after=draw(st.text(max_size=8)))


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, ArgumentMap, list[tuple[Evidence, AnchorResult]]]:
    fragments = draw(st.one_of(_FRAGMENTS, st.text(max_size=40).map(lambda t: [t])))
    text = "".join(fragments)
    bounds = [sum(len(f) for f in fragments[:n]) for n in range(len(fragments) + 1)]
    count = draw(st.integers(0, 8))
    ids = [f"E{n}" for n in range(count)]
    evidence = [{"id": i, "source": draw(st.sampled_from(["S", "T"])),
                 "quote": {"exact": "Exports fell."},
                 **({"locator": {"page": draw(st.sampled_from(["1", "2", "iv"]))}}
                    if draw(st.booleans()) else {})}
                for i in ids]
    claims = [{"id": "C", "text": "Exports fell.", "evidence": ids}] + [
        {"id": f"C{n}", "text": draw(st.sampled_from(["Exports fell.", "It never rose."])),
         "evidence": draw(st.lists(st.sampled_from([*ids, "E9"]), max_size=4))}
        for n in range(draw(st.integers(0, 2)))]
    argmap = ArgumentMap.model_validate({"title": "m", "sources": [{"id": "S"}, {"id": "T"}],
                                         "evidence": evidence, "claims": claims})
    pairs = [(item, draw(_results(text, bounds))) for item in argmap.evidence]
    return text, argmap, pairs


def _am404_reference(ctx: RuleContext) -> Iterator[tuple[str, str]]:
    for evidence, result in am404.anchored_evidence(ctx):
        if not result.found or evidence.quote is None:
            continue
        for side, matched in (("prefix", result.prefix_match), ("suffix", result.suffix_match)):
            if matched is False:
                yield (evidence.id, side)


# the module's private steps, the reference's own parts and the walk under test
_opens_sentence = qc._opens_sentence  # noqa: SLF001 - the reference's step
_ends_sentence = qc._ends_sentence  # noqa: SLF001 - the reference's step
_qualifiers = qc._qualifiers  # noqa: SLF001 - the reference's step
_every_qualifier = qc._every_qualifier  # noqa: SLF001 - the walk under test


def _every_qualifier_reference(index: Any) -> dict[int, tuple[qc.ContextCue, ...]]:
    snapshots: dict[str, Any] = {}
    every: dict[int, tuple[qc.ContextCue, ...]] = {}
    for evidence, result in qc.anchored_evidence(index):
        span = result.norm_span
        if span is not None and not result.parts and result.verbatim:
            snapshot = snapshots.get(result.source or "")
            if snapshot is not None and _opens_sentence(snapshot.text, span[0]) and (
                    _ends_sentence(snapshot.text, span[1])):
                every[id(evidence)] = ()
                continue
        every[id(evidence)] = _qualifiers(index, evidence, result, snapshots)
    return every


def _am416_reference(ctx: RuleContext) -> Iterator[Problem]:
    """The rule's filter as it was (result.verbatim, quote_holder): the quotes it let reach
    the snapshot's pages; the walk after it is unchanged."""
    for evidence, result in am416.anchored_evidence(ctx):
        locator = evidence.locator
        if locator is None or locator.page is None or not result.verbatim:
            continue
        yield Problem("", node=evidence.id, data={"source": quote_holder(evidence)})


@_SETTINGS
@given(case=_cases())
def test_the_anchored_rules_report_what_their_walks_did(
        case: tuple[str, ArgumentMap, list[tuple[Evidence, AnchorResult]]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    text, argmap, pairs = case

    def anchored(_: object) -> Iterator[tuple[Evidence, AnchorResult]]:
        yield from pairs

    def index_for(_: object, source: str) -> SnapshotIndex | None:
        return SnapshotIndex(source, text) if source == "S" else None

    def pages(_: object, holder: str) -> None:
        seen.append(holder)

    for module in (am404, am416, qc):
        monkeypatch.setattr(module, "anchored_evidence", anchored)
    monkeypatch.setattr(qc, "index_for", index_for)
    seen: list[str] = []
    monkeypatch.setattr(pages_module, "snapshot_pages", pages)  # AM416 imports it when needed

    new404 = [(p.node, p.field[1]) for p in am404.check(RuleContext(argmap))]
    assert new404 == list(_am404_reference(RuleContext(argmap)))

    assert list(am416.check(RuleContext(argmap))) == []  # no pages: nothing to report
    asked = list(seen)
    seen.clear()
    holders = [p.data["source"] for p in _am416_reference(RuleContext(argmap))]
    assert asked == list(dict.fromkeys(holders))  # the same quotes reach the pages, once each

    new = _outcome(lambda: _every_qualifier(RuleContext(argmap)))
    old = _outcome(lambda: _every_qualifier_reference(RuleContext(argmap)))
    assert new == old


@pytest.mark.parametrize("text", ["A rose. Exports fell but not on weekdays. ",
                                  "A rose. Exports fell. But not on weekdays. ",
                                  "A rose.Exports fell but not on weekdays. ",
                                  "Not so. Exports fell! Never on weekdays. "])
@pytest.mark.parametrize("span", [(8, 20), (8, 21), (7, 20), (0, 20), (8, 60)])
def test_a_second_quote_of_a_read_snapshot_takes_the_shortcut_only_alone_in_its_sentence(
        text: str, span: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    argmap = ArgumentMap.model_validate({
        "title": "m", "sources": [{"id": "S"}],
        "evidence": [{"id": f"E{i}", "source": "S", "quote": {"exact": "Exports fell."}}
                     for i in range(2)],
        "claims": [{"id": "C", "text": "Exports fell.", "evidence": ["E0", "E1"]}]})
    pairs = [(item, AnchorResult(AnchorStatus.EXACT, source="S", start=span[0], end=span[1],
                                 norm_span=span)) for item in argmap.evidence]
    monkeypatch.setattr(qc, "anchored_evidence", lambda _: iter(pairs))
    monkeypatch.setattr(qc, "index_for", lambda _, source: SnapshotIndex(source, text))
    new = _outcome(lambda: _every_qualifier(RuleContext(argmap)))
    assert new == _outcome(lambda: _every_qualifier_reference(RuleContext(argmap)))
