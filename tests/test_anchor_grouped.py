"""The first walk of ``anchored_evidence`` anchors the quotes snapshot by snapshot, then
yields them in map order: held here to the walk in map order it replaced (kept as the
reference), on maps of several snapshots whose quotes interleave, with a fuzzy budget small
enough that the order of a snapshot's quotes decides which are searched, and with a quote
whose anchoring crashes."""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap._findings import MapLoadError
from argmap._model import ArgumentMap, Evidence
from argmap._verify import anchor
from argmap._verify.anchor import AnchorResult, SnapshotIndex, anchored_evidence
from argmap._verify.index import MapIndex

_anchor = anchor._anchor  # noqa: SLF001 - the reference walk's own step
_readable = anchor._readable  # noqa: SLF001 - the reference walk's own step
_UNREAD: Any = object()


def _map_order(index: MapIndex) -> Iterator[tuple[Evidence, AnchorResult]]:
    """The first walk before: each quote anchored in map order, its holder's snapshot
    looked up once."""
    snapshots: dict[str, SnapshotIndex | None] = {}
    for evidence in index.map.evidence:
        quote = evidence.quote
        if quote is not None:
            holder = evidence.via or evidence.source
            snapshot = snapshots.get(holder, _UNREAD)
            if snapshot is _UNREAD:
                snapshot = snapshots[holder] = _readable(index, holder)
            if snapshot is None:
                found = _anchor(index, evidence)
            else:
                at = evidence.position
                found = snapshot.anchor(quote.exact, quote.prefix, quote.suffix,
                                        None if at is None else (at.start, at.end))
            yield evidence, found


_WORDS = ["Exports fell by 4.5 per cent in 2019.", "Imports rose.", "the conflict ended",
          "Te data show", "poli-\ncy", "Sino-Russian trade", "rose from 400 to 1,200",
          "\n\n", " ", "exports fell", "Exports fel by 45"]
_QUOTES = st.one_of(st.sampled_from([*_WORDS, "Exports fell by 4.5 per cent",
                                     "Exports fell ... in 2019", "The data show", "policy",
                                     "trade rose", "BOOM"]),
                    st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1,
                            max_size=12).filter(str.strip))


@st.composite
def _maps(draw: st.DrawFn) -> tuple[dict[str, str], dict[str, Any]]:
    files: dict[str, str] = {}
    sources = []
    for sid in draw(st.lists(st.sampled_from(["S", "T", "U", "V"]), max_size=4, unique=True)):
        source: dict[str, Any] = {"id": sid}
        if draw(st.integers(0, 4)):
            source["snapshot"] = {"path": f"snapshots/{sid}.txt"}
            if draw(st.integers(0, 5)):
                files[f"snapshots/{sid}.txt"] = "".join(
                    draw(st.lists(st.sampled_from(_WORDS), max_size=12)))
        sources.append(source)
    evidence = []
    for n in range(draw(st.integers(0, 10))):
        item: dict[str, Any] = {"id": f"E{n}", "source": draw(st.sampled_from("STUVZ"))}
        if draw(st.integers(0, 5)):
            item["quote"] = {"exact": draw(_QUOTES)}
            if draw(st.integers(0, 3)) == 0:
                item["quote"]["prefix"] = draw(st.sampled_from(["Imports rose.", "x"]))
        if draw(st.integers(0, 3)) == 0:
            item["via"] = draw(st.sampled_from("STUVZ"))
        if draw(st.integers(0, 4)) == 0:
            start = draw(st.integers(0, 40))
            item["position"] = {"start": start, "end": start + draw(st.integers(1, 40))}
        evidence.append(item)
    return files, {"title": "m", "sources": sources, "evidence": evidence}


@contextlib.contextmanager
def _loaded(files: dict[str, str], data: dict[str, Any]) -> Iterator[ArgumentMap | None]:
    """The map ``data`` with its snapshot ``files``, loaded from a folder that lives while the
    caller walks it (snapshots are read as the walk needs them); None when it does not load."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "snapshots").mkdir()
        for name, text in files.items():
            (root / name).write_text(text, encoding="utf-8")
        (root / "map.yaml").write_text(json.dumps(data), encoding="utf-8")
        try:
            loaded: ArgumentMap | None = argmap.load(root)
        except MapLoadError:
            loaded = None
        yield loaded


def _walks(files: dict[str, str],
           data: dict[str, Any]) -> list[tuple[list[tuple[str, str]], str | None]]:
    """Each walk's pairs (evidence ID, result) up to its end or its crash, new then old."""
    with _loaded(files, data) as loaded:
        if loaded is None:
            return []
        outcomes = []
        for walk in (anchored_evidence, _map_order):
            pairs: list[tuple[str, str]] = []
            raised = None
            try:
                for evidence, result in walk(MapIndex(loaded)):
                    pairs.append((evidence.id, repr(result)))
            except RuntimeError as error:
                raised = str(error)
            outcomes.append((pairs, raised))
        return outcomes


def _loaded_walks(case: tuple[dict[str, str], dict[str, Any]]
                  ) -> list[tuple[list[tuple[str, str]], str | None]]:
    """:func:`_walks` of a drawn map, which is discarded when the loader refuses it (a drawn
    quote may hold a noncharacter such as U+FFFE: AM109), where it has no walk to compare."""
    outcomes = _walks(*case)
    assume(bool(outcomes))
    return outcomes


_SETTINGS = settings(max_examples=250, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow,
                                            HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(case=_maps(), budget=st.sampled_from([0, 5, 40, 300, None]))
def test_the_grouped_walk_anchors_as_the_walk_in_map_order(
        case: tuple[dict[str, str], dict[str, Any]], budget: int | None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if budget is not None:  # a snapshot's fuzzy budget, spent in its quotes' order
        monkeypatch.setattr(anchor, "SNAPSHOT_FUZZY_BUDGET", budget)
    new, old = _loaded_walks(case)
    assert new == old


@_SETTINGS
@given(case=_maps())
def test_a_crash_is_met_at_the_same_quote_after_the_same_pairs(
        case: tuple[dict[str, str], dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    # both ways a quote is searched (the walk tests for the flat path itself)
    for name in ("_flat", "_searched"):
        real = getattr(SnapshotIndex, name)

        def crashing(self: SnapshotIndex, exact: str, *args: Any,
                     real: Any = real) -> AnchorResult:
            if exact == "BOOM":
                raise RuntimeError(self.source)
            return cast(AnchorResult, real(self, exact, *args))

        monkeypatch.setattr(SnapshotIndex, name, crashing)
    new, old = _loaded_walks(case)
    assert new == old


def test_the_grouped_walk_is_taken_and_crashes_are_met() -> None:
    """The properties above mean something: quotes of two snapshots interleave in map
    order, and a crash stops a walk."""
    files = {"snapshots/S.txt": "Imports rose. Exports fell.", "snapshots/T.txt": "BOOM here"}
    data = {"title": "m", "sources": [{"id": "S", "snapshot": {"path": "snapshots/S.txt"}},
                                      {"id": "T", "snapshot": {"path": "snapshots/T.txt"}}],
            "evidence": [{"id": "E1", "source": "S", "quote": {"exact": "Imports rose."}},
                         {"id": "E2", "source": "T", "quote": {"exact": "here"}},
                         {"id": "E3", "source": "S", "quote": {"exact": "Exports fell."}}]}
    new, old = _walks(files, data)
    assert new == old
    assert [pair[0] for pair in new[0]] == ["E1", "E2", "E3"]
    assert "EXACT" in new[0][2][1]
