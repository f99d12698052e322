"""The big map's quotes anchored by its reader (:mod:`argmap._engine.anchoring`).

The reader anchors each quote-holding source's quotes as parsed, after the figures; the
parent takes a source's results only when the reader read the same snapshot bytes and the
same quotes (in the same order, or in any order when no fuzzy budget was spent). Checked
here: an encoded result decodes to the same fields, of the same types (hypothesis over
generated snapshots and quotes, and every quote of the repository's quote maps); the parsed
quotes are the model's on those maps; a source whose quotes, snapshot or budget differ, or
whose answer is garbage or short, is refused; and whole checks through the reader (every
source taken, or a reader that sends garbage, too little, or dies) give the findings of one
process.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine import anchoring, reader
from argmap._load.loader import _validated, load_data
from argmap._verify import anchor
from argmap._verify.anchor import _RESULT_FIELDS, SNAPSHOT_FUZZY_BUDGET, SnapshotIndex
from argmap._verify.index import MapIndex
from split_report import ROOT, children, needs_fork, report

#: Maps with quotes: the paper's, and the bad example maps of the quote rules (misquoted,
#: inexact, out of context, elided, with positions and prefixes).
QUOTE_MAPS = [ROOT / "claims" / "fiia-298"] + [
    ROOT / "tests" / "example-maps" / code / "bad"
    for code in ("AM401", "AM402", "AM403", "AM404", "AM411", "AM412", "AM416", "AM421")
]


SNAPSHOTS = {
    "s1.txt": "In 2019, bilateral trade reached USD 4 billion. Exports rose by 12% in 2020, "
              "the ministry said. Imports fell by a third over the decade.",
    "s2.txt": "The port handled 5,000 containers a day in 2021.\n\nIts tolls rose by "
              "half, to 7.5 million euros, while freight volumes stayed flat.",
    "s3.txt": "Tourist arrivals reached 1.2 million in 2023, according to the survey, "
              "up from 0.9 million in 2019.",
}


def many_sources(folder: Path) -> Path:
    """A map quoting three snapshots: quotes as they stand, misquoted (fuzzy budget spent),
    with a prefix, a position and a ``via``."""
    (folder / "snapshots").mkdir()
    for name, text in SNAPSHOTS.items():
        (folder / "snapshots" / name).write_text(text)
    (folder / "map.yaml").write_text(
        "title: Quotes of three sources\n"
        "claims:\n"
        "  - {id: C1, text: In 2019 trade reached USD 4 billion., evidence: [E1, E2]}\n"
        "  - {id: C2, text: Exports rose by 13% in 2020., evidence: [E3]}\n"
        "  - {id: C3, text: Tolls rose by half., evidence: [E4, E5]}\n"
        "  - {id: C4, text: Arrivals reached 1.2 million in 2023., evidence: [E6, E7]}\n"
        "evidence:\n"
        "  - {id: E1, source: S1, quote: {exact: bilateral trade reached USD 4 billion}}\n"
        "  - {id: E2, source: S1, quote: {exact: Imports fell by a third, prefix: '2020, "
        "the ministry said. '}}\n"
        "  - {id: E3, source: S1, quote: {exact: Exports rose by 13 percent in 2020}}\n"
        "  - {id: E4, source: S2, quote: {exact: Its tolls rose by half},"
        " position: {start: 50, end: 72}}\n"
        "  - {id: E5, source: S3, via: S2, quote: {exact: 7.5 million euros}}\n"
        "  - {id: E6, source: S3, quote: {exact: Tourist arrivals reached 1.2 million in "
        "2023}}\n"
        "  - {id: E7, source: S3, quote: {exact: up from 0.8 million in 2019}}\n"
        "sources:\n"
        "  - {id: S1, title: One, snapshot: {path: snapshots/s1.txt}}\n"
        "  - {id: S2, title: Two, snapshot: {path: snapshots/s2.txt}}\n"
        "  - {id: S3, title: Three, snapshot: {path: snapshots/s3.txt}}\n")
    return folder


def _loads(payload: bytes) -> Any:
    return pickle.loads(payload)  # noqa: S301 - what this test pickled, or the reader sent


def _fields(result: anchor.AnchorResult) -> list[tuple[type, Any]]:
    """Each field's type and value, the snapshot of ``places`` by identity."""
    return [(type(value), id(value) if isinstance(value, SnapshotIndex) else value)
            for value in (getattr(result, name) for name in _RESULT_FIELDS)]


def _round_trip(snapshot: SnapshotIndex, quote: anchoring.Quote) -> None:
    result = snapshot.anchor(*quote)
    row = anchoring.encode(result, quote[0], snapshot)
    back = _loads(pickle.dumps(row))
    assert _fields(anchoring.decode(back, quote[0], snapshot)) == _fields(result)
    decoded = anchoring._decoded([back], [quote[0]], snapshot)  # noqa: SLF001
    assert _fields(decoded[0]) == _fields(result)


WORDS = ["the", "trade", "rose", "by", "12%", "USD", "4.5", "billion", "in", "2019,",
         "exports", "fell", "-", "\u2014", "\u201cquoted\u201d", "co-\noperation", "5", "000"]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=3, max_size=60),
       cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12),
                               st.sampled_from(["as is", "changed", "context", "position"])),
                     min_size=1, max_size=6))
def test_a_result_decodes_to_itself(words: list[str], cuts: list[Any]) -> None:
    """Quotes cut from a generated snapshot, as they stand or changed, with a prefix or a
    position: each result, encoded, pickled and decoded, has every field of the same value
    and type (``places`` the same snapshot)."""
    text = " ".join(words)
    snapshot = SnapshotIndex("S1", text, len(cuts))
    for start, size, how in cuts:
        exact = " ".join(words[start % len(words):start % len(words) + size])
        prefix = suffix = position = None
        if how == "changed":
            exact = exact.replace("1", "7", 1) + " more"
        elif how == "context":
            prefix, suffix = "the", "in"
        elif how == "position":
            position = (start, start + len(exact))
        _round_trip(snapshot, (exact, prefix, suffix, position))


@pytest.mark.parametrize("folder", QUOTE_MAPS, ids=lambda folder: folder.parent.name)
def test_every_quote_of_the_quote_maps_decodes_to_itself(folder: Path) -> None:
    origin = load_data(folder)
    sent = anchoring.job(origin, origin.map_file.data)
    assert sent is not None
    index = MapIndex(_validated(origin))
    for holder, _, quotes in sent[2]:
        read = index.snapshot(holder)
        if read is not None:
            snapshot = SnapshotIndex(holder, read.text, len(quotes))
            for quote in quotes:
                _round_trip(snapshot, quote)


@pytest.mark.parametrize("row", ["garbage", (), (1, 2, 3), (1, 2, 3, "x"), (1.0, 2, 3, 4),
                                 (0, "no status", *[None] * (len(_RESULT_FIELDS) - 1)),
                                 ("x", *[None] * len(_RESULT_FIELDS))])
def test_a_row_of_another_shape_is_refused(row: Any) -> None:
    snapshot = SnapshotIndex("S1", "some text here", 1)
    with pytest.raises((TypeError, ValueError, IndexError)):
        anchoring.decode(row, "text", snapshot)
    with pytest.raises((TypeError, ValueError, IndexError)):
        anchoring._decoded([row], ["text"], snapshot)  # noqa: SLF001


def _model_quotes(index: MapIndex) -> dict[str, list[anchoring.Quote]]:
    """The model's quotes by holder, in map order, as the anchoring walk lists them."""
    found: dict[str, list[anchoring.Quote]] = {}
    for evidence in index.map.evidence:
        quote = evidence.quote
        if quote is not None:
            at = (evidence.position.start, evidence.position.end) if evidence.position else None
            found.setdefault(anchor.quote_holder(evidence), []).append(
                (quote.exact, quote.prefix, quote.suffix, at))
    return found


@pytest.mark.parametrize("folder", QUOTE_MAPS, ids=lambda folder: folder.parent.name)
def test_the_parsed_quotes_are_the_models(folder: Path) -> None:
    """On the repository's maps each source's quotes as parsed are the model's, so the
    reader's work is kept (a source without a snapshot path is not sent)."""
    origin = load_data(folder)
    sent = anchoring.job(origin, origin.map_file.data)
    assert sent is not None
    model = _model_quotes(MapIndex(_validated(origin)))
    for holder, path, quotes in sent[2]:
        assert path
        assert model[holder] == quotes


def test_quotes_of_other_types_than_the_models_are_never_its_own(tmp_path: Path) -> None:
    """A quote whose offsets are flags or numbers of another type, or whose text is not a
    text, is listed as no model's quote (its source is then the parent's)."""
    (tmp_path / "s.txt").write_text("Trade rose by 12% in 2019.")
    origin = load_data(_write_map(tmp_path))
    data: dict[str, Any] = {
        "sources": [{"id": "S1", "snapshot": {"path": "s.txt"}}, {"id": "S2"},
                    {"id": "S1", "snapshot": {"path": "other.txt"}}, "odd"],
        "evidence": [
            {"id": "E1", "source": "S1", "quote": {"exact": "Trade rose"}},
            {"id": "E2", "source": "S1", "quote": {"exact": "rose"},
             "position": {"start": True, "end": 10}},
            {"id": "E3", "source": "S1", "quote": {"exact": "rose"},
             "position": {"start": 6.0, "end": 10}},
            {"id": "E4", "source": "S1", "quote": {"exact": 12}},
            {"id": "E5", "source": "S1", "quote": {"exact": "rose", "prefix": 3}},
            {"id": "E6", "source": "S2", "quote": {"exact": "no snapshot"}},
            {"id": "E7", "source": "S1", "via": "S1", "quote": {"exact": "by 12%"},
             "position": {"start": 11, "end": 17}},
            "odd", {"id": "E8", "source": "S1", "quote": "not a mapping"},
        ],
    }
    sent = anchoring.job(origin, data)
    assert sent is not None
    odd = (None, None, None, None)
    assert sent[2] == [("S1", "s.txt", [("Trade rose", None, None, None), odd, odd, odd, odd,
                                        ("by 12%", None, None, (11, 17))])]
    assert anchoring.job(origin, {"evidence": data["evidence"]}) is None


def _write_map(folder: Path) -> Path:
    (folder / "map.yaml").write_text(
        "title: One quote\nclaims:\n  - {id: C1, text: Trade rose., evidence: [E1]}\n"
        "evidence:\n  - {id: E1, source: S1, quote: {exact: Trade rose}}\n"
        "sources:\n  - {id: S1, title: T, snapshot: {path: s.txt}}\n")
    return folder


# -- taking a source's results ------------------------------------------------------------


class _Taking:
    """A map's quotes anchored in this process as the reader would, and a stand-in reader
    holding its answers, for :func:`anchoring.taken`."""

    def __init__(self, folder: Path,
                 reads: Callable[[anchoring.Job], anchoring.Job] | None = None,
                 sends: Callable[[anchoring.Job], anchoring.Job] | None = None) -> None:
        """``reads``: what the reader is given instead of what was sent; ``sends``: what is
        sent (parsed) instead of the map's own quotes."""
        origin = load_data(folder)
        sent = anchoring.job(origin, origin.map_file.data)
        assert sent is not None
        if sends is not None:
            sent = sends(sent)
        self.sent = sent
        self.index = MapIndex(_validated(origin))
        self.answers: dict[int, bytes] = {}
        anchoring.serve(reads(sent) if reads else sent,
                        lambda number, payload: self.answers.__setitem__(
                            number - anchoring.ANCHORS, payload))
        self.reader = reader.Reader(0, -1, -1)
        self.reader.reaped = True
        self.reader.receive = None
        self.reader.anchoring = sent
        self.reader.holders = {holder: at for at, (holder, _, _) in enumerate(sent[2])}
        self.reader.anchors = dict(self.answers)
        self.taken: list[bool] = []

    def walk(self) -> list[tuple[Any, anchor.AnchorResult]]:
        def taken(*args: Any) -> list[anchor.AnchorResult] | None:
            found = anchoring.taken(self.reader, self.index, *args)
            self.taken.append(found is not None)
            return found

        self.index.anchored_ahead = taken
        try:
            return list(anchor.anchored_evidence(self.index))
        finally:
            self.index.anchored_ahead = None


def _anchored_here(folder: Path) -> list[tuple[str, list[tuple[type, Any]]]]:
    index = MapIndex(_validated(load_data(folder)))
    return [(evidence.id, _plain(result)) for evidence, result in anchor.anchored_evidence(index)]


def _plain(result: anchor.AnchorResult) -> list[tuple[type, Any]]:
    """The fields, ``places`` as its count (the snapshots of two walks are two objects)."""
    return [(type(value), result.candidates if isinstance(value, SnapshotIndex) else value)
            for value in (getattr(result, name) for name in _RESULT_FIELDS)]


@pytest.mark.parametrize("folder", [*QUOTE_MAPS, None],
                         ids=lambda folder: folder.parent.name if folder else "many")
def test_every_source_is_taken_with_the_results_of_this_process(folder: Path | None,
                                                                tmp_path: Path) -> None:
    folder = folder or many_sources(tmp_path)
    taking = _Taking(folder)
    pairs = taking.walk()
    assert taking.taken
    assert all(taking.taken)
    assert [(evidence.id, _plain(result)) for evidence, result in pairs] == _anchored_here(
        folder)


def _changed_quote(sent: anchoring.Job) -> anchoring.Job:
    folder, limit, held = sent
    holder, path, quotes = held[0]
    exact, prefix, suffix, at = quotes[0]
    return folder, limit, [(holder, path, [(exact + " and more", prefix, suffix, at),
                                           *quotes[1:]]), *held[1:]]


def _other_snapshot(sent: anchoring.Job) -> anchoring.Job:
    folder, limit, held = sent
    return folder, limit, [(holder, held[-1][1] if at == 0 else path, quotes)
                           for at, (holder, path, quotes) in enumerate(held)]


@pytest.mark.parametrize(("reads", "sends"), [(None, _changed_quote), (_other_snapshot, None)])
def test_a_source_read_otherwise_is_anchored_here(reads: Any, sends: Any,
                                                  tmp_path: Path) -> None:
    """The parsed quotes of a source differ from the model's, or the reader read another
    snapshot file for it: that source is refused, and anchored here, with this process's
    results; the others are taken."""
    folder = many_sources(tmp_path)
    taking = _Taking(folder, reads, sends)
    pairs = taking.walk()
    assert taking.taken.count(False) == 1
    assert taking.taken.count(True) == 2
    assert [(evidence.id, _plain(result)) for evidence, result in pairs] == _anchored_here(
        folder)


@pytest.mark.parametrize("answer", [b"", b"garbage", pickle.dumps("x"),
                                    pickle.dumps(("0" * 64, SNAPSHOT_FUZZY_BUDGET, [])),
                                    pickle.dumps((None, None, None))])
def test_an_answer_not_whole_is_refused(answer: bytes) -> None:
    folder = ROOT / "claims" / "fiia-298"
    taking = _Taking(folder)
    taking.reader.anchors = dict.fromkeys(taking.answers, answer)
    pairs = taking.walk()
    assert not any(taking.taken)
    assert [(evidence.id, _plain(result)) for evidence, result in pairs] == _anchored_here(
        folder)


def test_short_and_long_answers_are_refused() -> None:
    folder = ROOT / "claims" / "fiia-298"
    taking = _Taking(folder)
    for number, payload in taking.answers.items():
        sha256, left, rows = _loads(payload)
        rows = rows[:-1] if number % 2 else [*rows, rows[0]]
        taking.reader.anchors[number] = pickle.dumps((sha256, left, rows))
    pairs = taking.walk()
    assert not any(taking.taken)
    assert [(evidence.id, _plain(result)) for evidence, result in pairs] == _anchored_here(
        folder)


def test_a_budget_spent_is_kept_only_for_the_same_quotes_in_the_same_order(
    tmp_path: Path,
) -> None:
    """A source whose quotes spent fuzzy budget in the reader: taken when the parent has the
    same quotes left, with the budget left as the reader left it; refused when the parent
    anchored one of them already (the budget's order would differ), or spent budget."""
    folder = many_sources(tmp_path)
    taking = _Taking(folder)
    spent = {number for number, payload in taking.answers.items()
             if _loads(payload)[1] != SNAPSHOT_FUZZY_BUDGET}
    assert spent, "the map has no quote that spends fuzzy budget"
    number = min(spent)
    holder = taking.sent[2][number][0]
    snapshot = anchor.index_for(taking.index, holder)
    assert snapshot is not None
    evidence = [item for item in taking.index.map.evidence
                if item.quote is not None and anchor.quote_holder(item) == holder]
    group: list[Any] = []
    for item in evidence:
        at = (item.position.start, item.position.end) if item.position else None
        group += (item, item.quote.exact, item.quote.prefix, item.quote.suffix, at)
    found = anchoring.taken(taking.reader, taking.index, holder, snapshot, group)
    assert found is not None
    assert snapshot.fuzzy_left == _loads(taking.answers[number])[1]
    # again, with the budget the parent has left: refused
    taking.reader.anchors[number] = taking.answers[number]
    assert anchoring.taken(taking.reader, taking.index, holder, snapshot, group) is None
    # a fresh snapshot, one quote fewer (anchored before): refused
    fresh = SnapshotIndex(holder, snapshot.original, len(evidence))
    taking.reader.anchors[number] = taking.answers[number]
    assert anchoring.taken(taking.reader, taking.index, holder, fresh, group[5:]) is None


def test_without_budget_spent_the_quotes_left_are_taken_in_any_order() -> None:
    folder = ROOT / "claims" / "fiia-298"
    taking = _Taking(folder)
    number, payload = next((number, payload) for number, payload in taking.answers.items()
                           if len(taking.sent[2][number][2]) > 2)
    assert _loads(payload)[1] == SNAPSHOT_FUZZY_BUDGET
    holder = taking.sent[2][number][0]
    snapshot = anchor.index_for(taking.index, holder)
    assert snapshot is not None
    group: list[Any] = []
    for item in taking.index.map.evidence:
        if item.quote is not None and anchor.quote_holder(item) == holder:
            at = (item.position.start, item.position.end) if item.position else None
            group += (item, item.quote.exact, item.quote.prefix, item.quote.suffix, at)
    # the first anchored already, the others in reverse
    left = [value for quote in list(zip(*[iter(group[5:])] * 5, strict=True))[::-1]
            for value in quote]
    found = anchoring.taken(taking.reader, taking.index, holder, snapshot, left)
    assert found is not None
    here = SnapshotIndex(holder, snapshot.original, 0)
    assert [_plain(result) for result in found] == [
        _plain(here.anchor(*quote[1:])) for quote in zip(*[iter(left)] * 5, strict=True)]


# -- whole checks -------------------------------------------------------------------------


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[bool]]]:
    """Every map goes to the reader; what each :func:`anchoring.taken` returned (whether it
    gave results). The parent takes the figures once the reader has ended."""
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    monkeypatch.setenv("ARGMAP_SPLIT_MAX_NODES", "0")
    seen: dict[str, list[bool]] = {"taken": []}
    taken = anchoring.taken

    def counted(*args: Any) -> Any:
        found = taken(*args)
        seen["taken"].append(found is not None)
        return found

    monkeypatch.setattr(anchoring, "taken", counted)
    take = reader.take

    def waiting(started: reader.Reader, *args: Any) -> None:
        os.waitid(os.P_PID, started.pid, os.WEXITED | os.WNOWAIT)
        take(started, *args)

    monkeypatch.setattr(reader, "take", waiting)
    yield seen
    assert not children(), "a reader was left behind"


def _report(folder: Path, jobs: int, cache: Path) -> str:
    from argmap._verify.numbers import parse

    parse.cache_clear()
    return report(folder, jobs, cache)[0]


@needs_fork
@pytest.mark.parametrize("folder", [*QUOTE_MAPS, None],
                         ids=lambda folder: folder.parent.name if folder else "many")
def test_the_reader_anchors_every_source_with_the_findings_of_one_process(
    forced: dict[str, list[bool]], folder: Path | None, tmp_path: Path
) -> None:
    if folder is None:
        (tmp_path / "many").mkdir()
        folder = many_sources(tmp_path / "many")
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "read") == one
    assert forced["taken"]
    assert all(forced["taken"])


def _garbage(_sent: anchoring.Job, send: Callable[[int, bytes], None], *_: Any) -> None:
    for number in range(3):
        send(anchoring.ANCHORS + number, b"garbage")


def _short(sent: anchoring.Job, send: Callable[[int, bytes], None], *_: Any) -> None:
    def cut(number: int, payload: bytes) -> None:
        sha256, left, rows = _loads(payload)
        send(number, pickle.dumps((sha256, left, rows[:-1])))

    anchoring_serve(sent, cut)


def _dead(sent: anchoring.Job, send: Callable[[int, bytes], None], *_: Any) -> None:
    def first_then_die(number: int, payload: bytes) -> None:
        send(number, payload[: len(payload) // 2])
        os._exit(1)

    anchoring_serve(sent, first_then_die)


def _wrong(sent: anchoring.Job, send: Callable[[int, bytes], None], *_: Any) -> None:
    """Each source's answer sent as the next source's."""
    def shifted(number: int, payload: bytes) -> None:
        send(number + 1, payload)

    anchoring_serve(sent, shifted)


anchoring_serve = anchoring.serve


@needs_fork
@pytest.mark.parametrize("hostile", [_garbage, _short, _dead, _wrong])
def test_a_hostile_reader_leaves_the_quotes_to_the_parent(
    forced: dict[str, list[bool]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    hostile: Any,
) -> None:
    """A reader whose anchorings are garbage, short, cut off by its death, or another
    source's: every source it answers for is refused and anchored here, with the findings
    of one process."""
    (tmp_path / "many").mkdir()
    for folder in (ROOT / "claims" / "fiia-298", many_sources(tmp_path / "many")):
        one = _report(folder, 1, tmp_path / f"one-{folder.parent.name}")
        monkeypatch.setattr(anchoring, "serve", hostile)
        assert _report(folder, 2, tmp_path / f"read-{folder.parent.name}") == one
        monkeypatch.setattr(anchoring, "serve", anchoring_serve)
    assert forced["taken"]
    assert not any(forced["taken"])


@needs_fork
def test_a_reader_that_dies_before_the_quotes_leaves_them_to_the_parent(
    forced: dict[str, list[bool]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = ROOT / "claims" / "fiia-298"
    one = _report(folder, 1, tmp_path / "one")
    monkeypatch.setattr(anchoring, "serve", lambda *_: os._exit(1))
    assert _report(folder, 2, tmp_path / "read") == one
    assert forced["taken"]
    assert not any(forced["taken"])


@needs_fork
def test_the_quote_rules_run_after_the_figures_only_with_quotes_sent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without quotes sent (no source has a snapshot path) the groups run as before, the
    reader is stopped after the figures, and the findings are one process's."""
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    monkeypatch.setenv("ARGMAP_SPLIT_MAX_NODES", "0")
    monkeypatch.setattr(anchoring, "job", lambda *_: None)
    asked: list[bool] = []
    monkeypatch.setattr(anchoring, "taken", lambda *_: asked.append(True))
    folder = ROOT / "claims" / "fiia-298"
    one = _report(folder, 1, tmp_path / "one")
    assert _report(folder, 2, tmp_path / "read") == one
    assert not asked
    assert not children()


def test_the_hook_is_off_outside_the_readers_run() -> None:
    index = MapIndex(_validated(load_data(ROOT / "claims" / "fiia-298")))
    assert index.anchored_ahead is None


def test_a_source_the_parent_began_is_skipped_by_the_reader(tmp_path: Path) -> None:
    """The memory shared with the reader: a source the parent marked is not anchored by the
    reader; the ones it anchors are marked as its own."""
    import mmap

    origin = load_data(many_sources(tmp_path))
    sent = anchoring.job(origin, origin.map_file.data)
    assert sent is not None
    shared = mmap.mmap(-1, reader.SHARED)
    shared[2] = 1  # the second source: begun by the parent
    answers: dict[int, bytes] = {}
    anchoring.serve(sent, answers.__setitem__, shared)
    assert sorted(answers) == [anchoring.ANCHORS, anchoring.ANCHORS + 2]
    assert (shared[1], shared[2], shared[3]) == (2, 1, 2)
