"""A split run's child reads a share of the figures group's texts ahead (``_engine/preread``).

The figures it sends fill the parent's grammar cache: the report is the same as a check in
one process; a child that dies before sending, or sends a broken message, leaves the texts to
the parent; the shares cover every claim once; the texts listed are the ones the figures
rules read; and a figure comes back from a pickle equal.
"""

from __future__ import annotations

import os
import pickle
import signal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._engine import preread
from argmap._engine.pool import can_fork
from argmap._verify.index import MapIndex
from argmap._verify.numbers import parse
from argmap._verify.numbers import parsing as grammar
from split_report import fail_grammar_on, report

ROOT = Path(__file__).resolve().parent.parent
#: Maps whose claims state figures cited (or not) by quotes, and the paper's map
FIGURE_MAPS = [ROOT / "claims" / "fiia-298"] + [
    ROOT / "tests" / "example-maps" / code / "bad"
    for code in ("AM301", "AM303", "AM304", "AM306", "AM307", "AM422", "AM501", "AM603")
]

needs_fork = pytest.mark.skipif(not can_fork(), reason="no safe fork on this platform")


@pytest.fixture
def taken(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every map is split; the list holds what each :func:`preread.take_share` returned."""
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    outcomes: list[bool] = []
    take = preread.take_share

    def spied(*args: Any) -> bool:
        outcomes.append(take(*args))
        return outcomes[-1]

    monkeypatch.setattr(preread, "take_share", spied)
    return outcomes


def _report(folder: Path, jobs: int, cache: Path) -> tuple[str, dict[str, bytes]]:
    """The JSON report of a check of ``folder`` (every info note) and the cache entries, the
    grammar's cache emptied first, so the split's parent reads the texts again."""
    parse.cache_clear()
    text, entries, _ = report(folder, jobs, cache)
    return text, entries


@needs_fork
def test_figures_read_ahead_by_the_child_give_the_findings_of_one_process(
    taken: list[bool], tmp_path: Path
) -> None:
    for number, folder in enumerate(FIGURE_MAPS):
        one = _report(folder, 1, tmp_path / f"one-{number}")
        assert _report(folder, 2, tmp_path / f"split-{number}") == one, folder
    assert taken == [True] * len(FIGURE_MAPS)


def _failing(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """The child's reading ahead fails as ``how`` says; the parent's is left as it is."""
    parent = os.getpid()
    read_share = preread.read_share

    def failing(*args: Any) -> bytes:
        if os.getpid() == parent:
            return read_share(*args)
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if how == "exit":
            os._exit(3)
        return read_share(*args)[:-5] if how == "truncated" else b"not a pickle"

    monkeypatch.setattr(preread, "read_share", failing)


@needs_fork
@pytest.mark.parametrize("how", ["kill", "exit", "truncated", "garbage"])
def test_figures_the_child_does_not_send_whole_are_read_by_the_parent(
    taken: list[bool], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    folder = ROOT / "tests" / "example-maps" / "AM301" / "bad"
    one = _report(folder, 1, tmp_path / "one")
    _failing(monkeypatch, how)
    assert _report(folder, 2, tmp_path / "split") == one
    assert taken == [False]
    assert '"AM301"' in one[0]


@given(count=st.integers(0, 300), numerator=st.integers(0, 7), more=st.integers(1, 7))
def test_the_shares_cover_every_claim_once_the_childs_spread_evenly(
    count: int, numerator: int, more: int
) -> None:
    share = (numerator, numerator + more)  # below one
    child, here = preread.shares(count, share)
    assert sorted(child + here) == list(range(count))
    assert child == sorted(child)
    assert here == sorted(here)
    for length in range(count + 1):  # every prefix holds its share of the child's claims
        assert sum(1 for position in child if position < length) == (
            length * share[0] // share[1])


def test_the_texts_listed_are_the_ones_the_figures_rules_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every text listed is parsed by the rules of :data:`preread.FIGURE_READERS` run
    alone, and every claim's text is listed: nothing is read ahead in vain."""
    import sys

    import argmap
    from argmap._engine.config import Config
    from argmap._engine.run import check_loaded

    read: set[str] = set()
    original = grammar.parse

    def traced(text: str) -> Any:
        read.add(text)
        return original(text)

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("argmap") and (
                getattr(module, "parse", None) is original):
            monkeypatch.setattr(module, "parse", traced)
    config = Config(select=tuple(sorted(preread.FIGURE_READERS)))
    for folder in FIGURE_MAPS:
        loaded = argmap.load(folder)
        read.clear()
        check_loaded(loaded, config)
        index = MapIndex(loaded)
        listed = {text for text, _ in preread.texts(index.evidence, loaded.claims, original)}
        assert {claim.text for claim in loaded.claims} <= listed, folder
        assert listed <= read, (folder, sorted(listed - read)[:3])


def test_warmed_figures_are_what_parse_reads() -> None:
    text = "In 2019, bilateral trade reached USD 4 billion (preread test 41953)."
    found = grammar.parse.__wrapped__(text)
    grammar.warm([(text, found)])
    assert parse(text) is found
    assert not grammar._given  # noqa: SLF001 - nothing is kept once put in the cache


def test_a_figure_comes_back_from_a_pickle_equal() -> None:
    texts = ["In 2019, bilateral trade reached USD 4 billion, of which merely 15%.",
             "Exports rose by 26% to about 300 million euros in January-March 2020.",
             "between 3 and 4.5 times as many, nearly 2/3 of the 12,000 TEU"]
    for text in texts:
        found = parse(text)
        assert found
        back = pickle.loads(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))  # noqa: S301 - ours
        assert back == found
        assert [repr(mention) for mention in back] == [repr(mention) for mention in found]


@needs_fork
def test_a_text_the_grammar_fails_on_fails_the_rules_as_in_one_process(
    taken: list[bool], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reading ahead does not stop at the failure: the rules read the text again and each
    fails as in one process (AM000)."""
    fail_grammar_on("bilateral", monkeypatch)
    folder = ROOT / "tests" / "example-maps" / "AM301" / "bad"
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "split") == one
    assert "AM000" in one[0]
    assert len(taken) == 1  # read ahead, and the failure left to the rules
