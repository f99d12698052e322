"""A very big map's texts read by a process forked before the load (``_engine/reader``).

The reader is forced here on maps of the repository (``ARGMAP_SPLIT_MIN_NODES=0`` and
``ARGMAP_SPLIT_MAX_NODES=0``: every map above the split's cap) and the report and cache
entry compared with a check in one process; a reader that is killed, exits, hangs, sends
garbage or fails on a text leaves its texts to the parent, which never waits for it; no
process is left behind; a small map forks none.
"""

from __future__ import annotations

import os
import pickle
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._engine import preread, reader
from argmap._verify.numbers import parse
from split_report import FIGURE_MAPS, ROOT, children, fail_grammar_on, needs_fork, report


@pytest.fixture
def chunks(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[bool]]]:
    """Every map's texts go to a reader, in chunks of 2 claims; the lists hold what each
    :func:`preread.take_pairs` returned, and one entry per chunk read by the parent."""
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    monkeypatch.setenv("ARGMAP_SPLIT_MAX_NODES", "0")
    monkeypatch.setattr(reader, "CHUNK", 2)
    seen: dict[str, list[bool]] = {"taken": [], "here": []}
    take, here = preread.take_pairs, preread.read_here

    def taken(*args: Any) -> bool:
        seen["taken"].append(take(*args))
        return seen["taken"][-1]

    def read_here(*args: Any) -> None:
        seen["here"].append(True)
        here(*args)

    monkeypatch.setattr(preread, "take_pairs", taken)
    monkeypatch.setattr(preread, "read_here", read_here)
    yield seen
    assert not children(), "a reader was left behind"


def _report(folder: Path, jobs: int, cache: Path) -> tuple[str, dict[str, bytes]]:
    """The JSON report and cache entries of a check of ``folder``, the grammar's cache
    emptied first, so that the texts are read again."""
    parse.cache_clear()
    text, entries, _ = report(folder, jobs, cache)
    return text, entries


@needs_fork
@pytest.mark.parametrize("wait", [True, False])
def test_figures_read_by_the_reader_give_the_findings_of_one_process(
    chunks: dict[str, list[bool]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    wait: bool,
) -> None:
    """With ``wait``, the parent takes the figures once the reader has sent them all (on
    these small maps it would else read most chunks itself, before the reader started)."""
    take = reader.take

    def waiting(started: reader.Reader, *args: Any) -> None:
        os.waitid(os.P_PID, started.pid, os.WEXITED | os.WNOWAIT)
        take(started, *args)

    if wait:
        monkeypatch.setattr(reader, "take", waiting)
    for number, folder in enumerate(FIGURE_MAPS):
        one = _report(folder, 1, tmp_path / f"one-{number}")
        assert _report(folder, 2, tmp_path / f"read-{number}") == one, folder
    assert all(chunks["taken"])
    if wait:
        assert len(chunks["taken"]) > len(FIGURE_MAPS)
        assert not chunks["here"]


def _failing(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """The reader fails as ``how`` says, before it sends anything whole."""
    answer = reader._answer  # noqa: SLF001 - the reader's work, replaced to fail

    def failing(texts: int, figures: int) -> None:
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if how == "exit":
            os._exit(3)
        if how == "hang":
            time.sleep(3600)
        if how == "raise":
            raise ValueError("the reader fails on purpose")
        with open(figures, "wb") as pipe:
            if how == "garbage":
                pipe.write(b"\0\0\0\0\x0c\0\0\0\0\0\0\0not a pickle")
            elif how == "wrong":  # a pickle of more figures than the chunk has texts
                found = pickle.dumps([()] * 50, pickle.HIGHEST_PROTOCOL)
                pipe.write(b"\0\0\0\0" + len(found).to_bytes(8, "little") + found)
            else:  # truncated
                pipe.write(b"\0\0\0\0\xff\xff\0\0\0\0\0\0partial")
        answer(texts, os.open(os.devnull, os.O_WRONLY))

    monkeypatch.setattr(reader, "_answer", failing)


@needs_fork
@pytest.mark.parametrize("how", ["kill", "exit", "hang", "raise", "garbage", "wrong",
                                 "truncated"])
def test_texts_the_reader_does_not_send_whole_are_read_by_the_parent(
    chunks: dict[str, list[bool]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    folder = ROOT / "tests" / "example-maps" / "AM301" / "bad"
    one = _report(folder, 1, tmp_path / "one")
    _failing(monkeypatch, how)
    assert _report(folder, 2, tmp_path / "read") == one
    assert not any(chunks["taken"])
    assert chunks["here"]
    assert '"AM301"' in one[0]


@needs_fork
def test_a_text_the_grammar_fails_on_fails_the_rules_as_in_one_process(
    chunks: dict[str, list[bool]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The reader stops at the failure; the parent reads the chunks it did not send, and the
    rules read the text again and fail as in one process (AM000)."""
    fail_grammar_on("bilateral", monkeypatch)
    folder = ROOT / "tests" / "example-maps" / "AM301" / "bad"
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "read") == one
    assert "AM000" in one[0]
    assert chunks["here"]


def test_a_small_map_file_forks_no_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_SPLIT_MAX_NODES", raising=False)

    def no_fork() -> int:
        raise AssertionError("forked for a small map")

    monkeypatch.setattr(os, "fork", no_fork)
    assert reader.fork_reader(ROOT / "claims" / "fiia-298") is None
    assert reader.fork_reader(ROOT / "claims" / "fiia-298" / "map.yaml") is None
    assert reader.fork_reader(ROOT / "no such map") is None


@needs_fork
def test_a_reader_left_unused_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A big map file whose map is split (or fails to load): the reader ends unused."""
    monkeypatch.setattr(reader, "MIN_BYTES", 1)
    monkeypatch.delenv("ARGMAP_SPLIT_MAX_NODES", raising=False)
    started = reader.fork_reader(ROOT / "claims" / "fiia-298")
    assert started is not None
    started.stop()
    started.stop()  # twice: nothing more
    assert started.reaped
    assert not children()


@given(claims=st.lists(st.tuples(st.text(max_size=40), st.booleans(),
                                 st.lists(st.text(max_size=40), max_size=3)), max_size=6))
def test_the_readers_figures_are_those_of_the_texts_listed(
    claims: list[tuple[str, bool, list[str]]],
) -> None:
    """:func:`reader._figures` gives, for records, the figures :func:`preread.texts` lists
    for the claims they come from (a claim's quotes read when it states or declares a
    figure), in the same order."""
    from types import SimpleNamespace

    from argmap._model import QuantityKind

    records = [(text, declared, tuple(quotes)) for text, declared, quotes in claims]
    evidence: dict[str, Any] = {}
    models = []
    for number, (text, declared, quotes) in enumerate(records):
        ids = []
        for order, quote in enumerate(quotes):
            ids.append(f"E{number}-{order}")
            evidence[ids[-1]] = SimpleNamespace(quote=SimpleNamespace(exact=quote))
        quantities = [SimpleNamespace(text="5", kind=QuantityKind.COUNT)] if declared else []
        models.append(SimpleNamespace(text=text, quantities=quantities, evidence=ids))
    expected = [found for _, found in preread.texts(evidence, models, parse)]  # type: ignore[arg-type]
    assert reader._figures(records) == expected  # noqa: SLF001 - the reader's own reading
