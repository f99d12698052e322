"""The big map's reader given the claims' texts as parsed, before the model is validated.

:func:`reader.send_parsed` lists the texts from the parsed data; the parent keeps a chunk's
figures only when the reader's texts are, in order, the ones the model lists
(:func:`preread.take_pairs`). Checked here: the parsed listing is the model's on the
repository's maps; a reader whose texts differ from the model's (or that sends too few,
too many, or garbage) has its chunks refused and read by the parent, with the findings of
one process; the texts are not sent twice; a map under the reader's threshold sends none.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine import preread, reader
from argmap._load.loader import load, load_data
from argmap._verify.index import MapIndex
from argmap._verify.numbers import parse
from split_report import FIGURE_MAPS, ROOT, children, needs_fork, report


@pytest.mark.parametrize("folder", FIGURE_MAPS, ids=lambda folder: folder.parent.name)
def test_the_parsed_records_are_the_models(folder: Path) -> None:
    """On the repository's maps the texts as parsed are the model's: the reader's work is
    kept whole."""
    listed = reader.parsed_records(load_data(folder).combined_data())
    index = MapIndex(load(folder))
    assert listed == reader.records(index, range(len(index.map.claims)))


def test_parsed_records_of_odd_shapes_give_records_the_model_does_not_list() -> None:
    data: dict[str, Any] = {
        "claims": [
            "not a claim",
            {"text": 5, "evidence": "E1"},
            {"text": "In 2020 it was 5 %.", "evidence": ["E1", 7, "E1", "E9"],
             "quantities": [{"kind": "count", "text": "5"}, "odd"]},
            {"text": "None declared.", "quantities": [{"kind": "year", "text": "2020"},
                                                      {"text": ""}]},
            {"text": "By default an amount.", "quantities": [{"text": "3"}]},
        ],
        "evidence": [{"id": "E1", "quote": {"exact": "first"}},
                     {"id": "E1", "quote": {"exact": "second"}}, "odd",
                     {"id": "E2", "quote": "not a mapping"}],
    }
    assert reader.parsed_records(data) == [
        ("", False, ()), ("", False, ()), ("In 2020 it was 5 %.", True, ("first",)),
        ("None declared.", False, ()), ("By default an amount.", True, ()),
    ]
    assert reader.parsed_records({"claims": {}}) is None


# -- take_pairs ---------------------------------------------------------------------------


def _index(texts: list[str]) -> Any:
    claims = [SimpleNamespace(text=text, quantities=[], evidence=[]) for text in texts]
    return SimpleNamespace(map=SimpleNamespace(claims=claims), evidence={})


@pytest.fixture
def cache() -> Iterator[None]:
    parse.cache_clear()
    yield
    parse.cache_clear()


#: Figures no text reads: a text that has them was given them.
MARK = (SimpleNamespace(is_figure=False, given=True),)


@settings(max_examples=60)
@given(texts=st.lists(st.text(alphabet="ab 1", max_size=6), min_size=1, max_size=5),
       change=st.sampled_from(["none", "text", "short", "long"]),
       where=st.integers(min_value=0))
def test_the_figures_are_kept_only_for_the_texts_the_model_lists(
    texts: list[str], change: str, where: int
) -> None:
    """The pairs as :func:`reader.paired` gives them, whole or changed as ``change`` says at
    position ``where``: kept (every text then cached with its given figures) only when
    unchanged."""
    parse.cache_clear()
    try:
        at = where % len(texts)
        pairs: list[Any] = [(text, MARK) for text in texts]
        if change == "text":
            pairs[at] = (pairs[at][0] + "x", MARK)
        elif change == "short":
            del pairs[at]
        elif change == "long":
            pairs.append(("more", MARK))
        kept = preread.take_pairs(_index(texts), range(len(texts)), pairs)
        assert kept == (change == "none")
        for text in texts:
            assert (parse(text) == MARK) == kept
    finally:
        parse.cache_clear()


@given(claims=st.lists(st.tuples(st.text(max_size=40), st.booleans(),
                                 st.lists(st.text(max_size=40), max_size=3)), max_size=6))
def test_paired_gives_each_text_the_reader_read_its_figures(
    claims: list[tuple[str, bool, list[str]]],
) -> None:
    """:func:`reader.paired` on what :func:`reader._figures` read gives the texts and
    figures :func:`preread.texts` lists (the oracle), and refuses one figure more or less."""
    records = [(text, declared, tuple(quotes)) for text, declared, quotes in claims]
    found = reader._figures(records)  # noqa: SLF001 - the reader's own reading
    listed = [(text, parse(text)) for text, _, _ in records]
    expected: list[Any] = []
    for (text, declared, quotes), (_, figures) in zip(records, listed, strict=True):
        expected.append((text, figures))
        if declared or any(mention.is_figure for mention in figures):
            expected.extend((quote, parse(quote)) for quote in quotes)
    assert reader.paired(records, found) == expected
    assert reader.paired(records, [*found, ()]) is None
    if found:
        assert reader.paired(records, found[:-1]) is None


@pytest.mark.parametrize("found", [{"a": 1}, [(), "b"], [()], [(), (), ()], [(1,), ()],
                                   "garbage"])
def test_figures_not_of_the_records_are_refused(found: Any) -> None:
    assert reader.paired([("a", False, ()), ("b", False, ())], found) is None


@pytest.mark.usefixtures("cache")
@pytest.mark.parametrize("payload", [b"", b"garbage", pickle.dumps([MARK, MARK, MARK])])
def test_a_message_not_whole_is_refused(payload: bytes) -> None:
    fake = reader.Reader(0, -1, -1)
    fake.reaped = True
    fake.sent = [[("a", False, ()), ("b", False, ())]]
    index = _index(["a", "b"])
    assert not reader._take(fake, index, range(2), 0, payload)  # noqa: SLF001
    assert not reader._take(fake, index, range(2), 1, pickle.dumps([(), ()]))  # noqa: SLF001
    assert reader._take(fake, index, range(2), 0, pickle.dumps([MARK, MARK]))  # noqa: SLF001
    assert parse("a") == MARK


# -- whole checks -------------------------------------------------------------------------


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[Any]]]:
    """Every map goes to the reader, in chunks of 2 claims; what each :func:`take_pairs`
    returned, the chunks read by the parent, and the texts sent after the load."""
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    monkeypatch.setenv("ARGMAP_SPLIT_MAX_NODES", "0")
    monkeypatch.setattr(reader, "CHUNK", 2)
    seen: dict[str, list[Any]] = {"taken": [], "here": [], "late": []}
    take, here, records = preread.take_pairs, preread.read_here, reader.records

    def taken(*args: Any) -> bool:
        seen["taken"].append(take(*args))
        return bool(seen["taken"][-1])

    def read_here(*args: Any) -> None:
        seen["here"].append(True)
        here(*args)

    def late(*args: Any) -> Any:
        seen["late"].append(True)
        return records(*args)

    monkeypatch.setattr(preread, "take_pairs", taken)
    monkeypatch.setattr(preread, "read_here", read_here)
    monkeypatch.setattr(reader, "records", late)
    yield seen
    assert not children(), "a reader was left behind"


def _waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent takes the figures only once the reader has ended (it has sent them all)."""
    import os

    take = reader.take

    def waiting(started: reader.Reader, *args: Any) -> None:
        os.waitid(os.P_PID, started.pid, os.WEXITED | os.WNOWAIT)
        take(started, *args)

    monkeypatch.setattr(reader, "take", waiting)


def _report(folder: Path, jobs: int, cache: Path) -> tuple[str, dict[str, bytes]]:
    parse.cache_clear()
    text, entries, _ = report(folder, jobs, cache)
    return text, entries


@needs_fork
def test_texts_sent_as_parsed_are_read_by_the_reader_and_not_sent_again(
    forced: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _waiting(monkeypatch)
    for number, folder in enumerate(FIGURE_MAPS):
        one = _report(folder, 1, tmp_path / f"one-{number}")
        assert _report(folder, 2, tmp_path / f"read-{number}") == one, folder
    assert forced["taken"]
    assert all(forced["taken"])
    assert not forced["here"]
    assert not forced["late"]


@needs_fork
def test_more_messages_than_one_writev_takes_are_all_sent(
    forced: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The texts' messages go out in calls of at most ``IOV_MAX`` buffers: with 2 a call,
    every chunk of the paper's map (one per 2 claims) still reaches the reader."""
    _waiting(monkeypatch)
    monkeypatch.setattr(reader, "_buffers_at_once", lambda: 2)
    folder = FIGURE_MAPS[0]
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "read") == one
    assert len(forced["taken"]) > 4  # more chunks than two calls carry
    assert all(forced["taken"])
    assert not forced["here"]


def test_the_buffers_at_once_are_the_systems_limit_and_never_under_posixs_16() -> None:
    assert reader._buffers_at_once() >= 16  # noqa: SLF001 - the limit the writer uses
    import os

    if hasattr(os, "sysconf") and "SC_IOV_MAX" in os.sysconf_names:
        limit = os.sysconf("SC_IOV_MAX")
        assert reader._buffers_at_once() == (limit if limit >= 16 else 16)  # noqa: SLF001


@needs_fork
@pytest.mark.parametrize("change", ["text", "declared", "quote", "fewer", "more"])
def test_parsed_texts_that_differ_from_the_models_are_read_by_the_parent(
    forced: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    change: str,
) -> None:
    """The parsed listing changed: the chunks it changes are refused and read here, with
    the findings of one process (a figure read for another text is never used)."""
    _waiting(monkeypatch)
    listed = reader.parsed_records

    def changed(data: dict[str, Any]) -> list[reader.Record] | None:
        found = listed(data)
        assert found
        text, declared, quotes = found[0]
        if change == "text":
            found[0] = ("In 2021 the total was 999 million euros.", declared, quotes)
        elif change == "declared":
            found[0] = (text, not declared, quotes)
        elif change == "quote":
            found[0] = (text, True, ("It rose by 75 % in 2019.", *quotes))
        elif change == "fewer":
            del found[-3:]
        else:
            found.append(("Another 12 %.", True, ()))
        return found

    monkeypatch.setattr(reader, "parsed_records", changed)
    folder = ROOT / "tests" / "example-maps" / "AM301" / "bad"
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "read") == one
    if change in ("text", "quote", "fewer"):  # a declared figure changed may change nothing
        assert not all(forced["taken"]) or len(forced["taken"]) < -(-len(
            load(folder).claims) // 2)
        assert forced["here"]
    assert '"AM301"' in one[0]


@needs_fork
def test_a_map_under_the_cap_sends_nothing_as_parsed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Under the split's cap the reader is stopped unused: its texts are never listed."""
    monkeypatch.setattr(reader, "MIN_BYTES", 1)
    monkeypatch.delenv("ARGMAP_SPLIT_MAX_NODES", raising=False)
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")

    def listed(_data: dict[str, Any]) -> None:
        raise AssertionError("texts listed for a map under the cap")

    monkeypatch.setattr(reader, "parsed_records", listed)
    folder = ROOT / "claims" / "fiia-298"
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "split") == one
