"""A very big map's quotes anchored by its reader, once the reader has read the figures.

The reader (:mod:`argmap._engine.reader`) reads the figures group's texts while the parent
validates the map and runs the other rules; when the parent comes to the figures group it
takes them, and the reader sat idle until it was stopped, for the 4-5 s of the figures
group at 100,000 claims. Anchoring a quote in its source's snapshot
(:func:`argmap._verify.anchor.anchored_evidence`, 2-3 s of CPU there) needs none of the
map's objects either, only each quote as parsed and the snapshot files: the parent sends
them with the texts (:func:`job`, from the parsed data), runs the quote rules after the
figures group, and the reader anchors the quotes meanwhile, snapshot by snapshot, and sends
each snapshot's results (:func:`serve`).

The parent takes a snapshot's results (:func:`taken`, called by the anchoring walk for each
quote-holding source, the last first, through :attr:`MapIndex.anchored_ahead`) only when
the reader read the same bytes (their SHA-256) and anchored the quotes the model lists
for that source: the same quotes in the same order, its fuzzy budget as untouched in the
parent as it was in the reader at the start; or, when the reader spent none of the budget
(every result then depends on its quote and the text alone), each quote the parent has
left, found among the reader's. Anything else (a snapshot not read or read otherwise, a
quote that differs, garbage, a short answer, a reader that died) leaves the source to the
parent, which anchors it as in one process: the results are never other than its own.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import mmap

    from argmap._engine.reader import Reader
    from argmap._load.origin import MapOrigin
    from argmap._verify.anchor import AnchorResult, SnapshotIndex
    from argmap._verify.index import MapIndex

__all__ = ["ANCHORS", "Job", "decode", "encode", "job", "serve", "taken"]

#: The numbers of the reader's messages of anchorings start here: the one of the job's
#: ``i``-th source is ``ANCHORS + i`` (the figures' chunks are numbered from 0).
ANCHORS = 1 << 30

#: One quote as the anchoring reads it: exact, prefix, suffix, position (start, end).
Quote = tuple[Any, Any, Any, Any]
#: What the reader is sent: the map's folder, the snapshots' size limit, and each quote
#: holder (in the order of its first quote) with its snapshot path and its quotes.
Job = tuple[str, int, list[tuple[str, str, list[Quote]]]]

# who began to anchor a source, in its byte of the memory shared with the reader
_BY_PARENT, _BY_READER = 1, 2

#: A quote of the parsed data that is not of the model's types: never equal to the model's.
_ODD: Quote = (None, None, None, None)

# the bits of an encoded result's flags: a field left out, the parent has it
_PLACES_SELF = 1  # ``places`` is the snapshot (counted when read)
_TEXT_QUOTE = 2  # ``text`` is the quote itself
_NUMBERS_QUOTE = 4  # ``numbers_stated`` is the quote itself
_BEFORE = 8  # ``before`` is the 40 characters before ``start``
_AFTER = 16  # ``after`` is the 40 characters from ``end``


def job(origin: MapOrigin, data: dict[str, Any]) -> Job | None:
    """The quotes of the parsed map ``data`` by the source holding them, with that source's
    snapshot path, as far as they have the model's shape (an item of another shape is left
    out, so that its source's list differs from the model's and stays the parent's); None
    when there is nothing to anchor."""
    sources: list[Any] = []
    for listed in (data.get("sources"),
                   origin.sources_file.data if origin.sources_file is not None else None):
        if isinstance(listed, list):
            sources.extend(listed)
    paths: dict[str, str] = {}
    for source in sources:
        if isinstance(source, dict) and isinstance(key := source.get("id"), str):
            snapshot = source.get("snapshot")
            path = snapshot.get("path") if isinstance(snapshot, dict) else None
            if key not in paths:  # the first of an ID, as the index
                paths[key] = path if isinstance(path, str) else ""
    by_holder: dict[str, list[Quote]] = {}
    evidence = data.get("evidence")
    for item in evidence if isinstance(evidence, list) else ():
        if not isinstance(item, dict):
            continue
        quote = item.get("quote")
        holder = item.get("via") or item.get("source")
        if not isinstance(quote, dict) or not isinstance(holder, str):
            continue
        exact, prefix, suffix = quote.get("exact"), quote.get("prefix"), quote.get("suffix")
        whole = type(exact) is str and (prefix is None or type(prefix) is str) and (
            suffix is None or type(suffix) is str)
        position = item.get("position")
        at = None
        if position is not None:
            start = position.get("start") if isinstance(position, dict) else None
            end = position.get("end") if isinstance(position, dict) else None
            whole = whole and type(start) is int and type(end) is int
            at = (start, end)
        # a quote of another type than the model's (a number, a flag for an offset) is no
        # model's quote, even where it compares equal to one: its source stays the parent's
        by_holder.setdefault(holder, []).append((exact, prefix, suffix, at) if whole else _ODD)
    held = [(holder, paths[holder], quotes) for holder, quotes in by_holder.items()
            if paths.get(holder)]
    if not held:
        return None
    return str(origin.folder), origin.limits.max_snapshot_bytes, held


def serve(given: Job, send: Callable[[int, bytes], None],
          shared: mmap.mmap | None = None) -> None:
    """The reader's side: anchor each source's quotes in its snapshot, in the job's order,
    and send each source's results, pickled (the snapshot's SHA-256, its fuzzy budget left,
    the encoded results), as the message ``ANCHORS + i``; a snapshot that cannot be read
    sends nothing (the parent reads why). A source the parent has begun to anchor itself
    (its byte in ``shared`` set) is skipped; the others are marked begun here."""
    from argmap._load.snapshot_reader import SnapshotReader
    from argmap._load.snapshots import SnapshotText
    from argmap._verify.anchor import SnapshotIndex

    folder, max_bytes, held = given
    reading = SnapshotReader(Path(folder), max_bytes)
    for number, (holder, path, quotes) in enumerate(held):
        if shared is not None and number + 1 < len(shared):
            if shared[number + 1]:
                continue
            shared[number + 1] = _BY_READER
        read = reading.read(path)
        if not isinstance(read, SnapshotText) or _ODD in quotes:
            continue
        snapshot = SnapshotIndex(holder, read.text, len(quotes))
        rows = [encode(snapshot.anchor(*quote), quote[0], snapshot) for quote in quotes]
        send(ANCHORS + number, pickle.dumps((read.sha256, snapshot.fuzzy_left, rows),
                                            pickle.HIGHEST_PROTOCOL))


def encode(result: AnchorResult, exact: str, snapshot: SnapshotIndex) -> tuple[Any, ...]:
    """``result`` as plain values, without what the parent has (the snapshot, the quote, the
    text around the match). A quote found as it stands (most) is ``(start, end, its start
    in the normalised text, places)``, ``places`` -1 for the snapshot (counted when read),
    when :func:`decode` gives back every field as it is, of the same type; any other is
    flags, then the fields, its status by value."""
    from argmap._verify.anchor import _RESULT_FIELDS, SnapshotIndex

    row = [getattr(result, name) for name in _RESULT_FIELDS]
    span, places = result.norm_span, result.places
    if (type(span) is tuple and len(span) == 2 and type(span[0]) is int
            and type(result.start) is int and type(result.end) is int
            and (places is snapshot or (type(places) is int and places >= 0))):
        count = -1 if isinstance(places, SnapshotIndex) else places
        short = (result.start, result.end, span[0], count)
        if _same(row, _flat(short, exact, snapshot), snapshot):
            return short
    row[0] = result.status.value
    flags = 0
    if places is snapshot:
        flags |= _PLACES_SELF
        row[_PLACES] = None
    if result.text == exact:
        flags |= _TEXT_QUOTE
        row[_TEXT] = None
    if result.numbers_stated == exact:
        flags |= _NUMBERS_QUOTE
        row[_NUMBERS] = None
    start, end = result.start, result.end
    original = snapshot.original
    if type(start) is int and result.before == original[
            start - 40 if start > 40 else 0:start]:
        flags |= _BEFORE
        row[_BEFORE_AT] = None
    if type(end) is int and result.after == original[end:end + 40]:
        flags |= _AFTER
        row[_AFTER_AT] = None
    return (flags, *row)


def _same(row: list[Any], result: AnchorResult, snapshot: SnapshotIndex) -> bool:
    """The fields ``row`` are ``result``'s, each of the same type (``places`` the same
    snapshot, or the same count)."""
    from argmap._verify.anchor import _RESULT_FIELDS

    for at, (name, mine) in enumerate(zip(_RESULT_FIELDS, row, strict=True)):
        theirs = getattr(result, name)
        if at == _PLACES and (mine is snapshot or theirs is snapshot):
            if mine is not theirs:
                return False
        elif type(mine) is not type(theirs) or mine != theirs:
            return False
    return True


def _flat(short: tuple[int, int, int, int], exact: str, snapshot: SnapshotIndex
          ) -> AnchorResult:
    """The result of a quote found as it stands, from :func:`encode`'s short form: what
    :meth:`SnapshotIndex._flat` builds (its numbers the quote's own)."""
    from argmap._verify.anchor import AnchorResult, AnchorStatus

    start, end, best, places = short
    original = snapshot.original
    return AnchorResult(AnchorStatus.EXACT, snapshot.source, 1.0, start, end, exact, None, None,
                        snapshot if places < 0 else places, None, (), exact,
                        original[start - 40 if start > 40 else 0:start],
                        original[end:end + 40], None, (), (), False,
                        (best, best + len(exact)))


def decode(row: Sequence[Any], exact: str, snapshot: SnapshotIndex) -> AnchorResult:
    """The result :func:`encode` gave ``row`` for the quote ``exact`` in ``snapshot``;
    raises on a row of another shape."""
    from argmap._verify.anchor import _RESULT_FIELDS, AnchorResult, AnchorStatus

    if type(row) is not tuple:
        raise TypeError(row)
    if len(row) == 4:
        if not all(type(value) is int for value in row):
            raise TypeError(row)
        return _flat(row, exact, snapshot)
    if len(row) != len(_RESULT_FIELDS) + 1:
        raise ValueError(row)
    flags = row[0]
    if type(flags) is not int:
        raise TypeError(flags)
    fields = list(row[1:])
    fields[0] = AnchorStatus(fields[0])
    if flags & _PLACES_SELF:
        fields[_PLACES] = snapshot
    if flags & _TEXT_QUOTE:
        fields[_TEXT] = exact
    if flags & _NUMBERS_QUOTE:
        fields[_NUMBERS] = exact
    original = snapshot.original
    if flags & _BEFORE:
        start = fields[_START]
        fields[_BEFORE_AT] = original[start - 40 if start > 40 else 0:start]
    if flags & _AFTER:
        end = fields[_END]
        fields[_AFTER_AT] = original[end:end + 40]
    return AnchorResult(*fields)


def _at(name: str) -> int:
    from argmap._verify.anchor import _RESULT_FIELDS

    return _RESULT_FIELDS.index(name)


_PLACES, _TEXT, _NUMBERS = _at("places"), _at("text"), _at("numbers_stated")
_START, _END, _BEFORE_AT, _AFTER_AT = _at("start"), _at("end"), _at("before"), _at("after")


def taken(reader: Reader, index: MapIndex, holder: str, snapshot: SnapshotIndex,
          group: list[Any]) -> list[AnchorResult] | None:
    """The results of the quotes of ``group`` (evidence, exact, prefix, suffix, position,
    five items a quote, as :func:`argmap._verify.anchor._anchor_by_holder` lists them) in
    ``snapshot``, the holder's, as the reader sent them; None when it has not sent them or
    they may not be the parent's own (see the module's doc)."""
    from argmap._engine.reader import arrived_anchors
    from argmap._verify.anchor import SNAPSHOT_FUZZY_BUDGET

    sent = reader.anchoring
    number = reader.holders.get(holder)
    if sent is None or number is None:
        return None
    payload = arrived_anchors(reader).pop(number, None)
    if payload is None:
        shared = reader.shared
        if shared is not None and number + 1 < len(shared) and not shared[number + 1]:
            shared[number + 1] = _BY_PARENT  # the reader need not come to it
        return None
    try:
        sha256, left, rows = pickle.loads(payload)  # noqa: S301 - from our own forked reader
        quotes = sent[2][number][2]
        read = index.snapshot(holder)
        if (read is None or sha256 != read.sha256 or type(rows) is not list or type(left) is not int
                or len(rows) != len(quotes) or snapshot.fuzzy_left != SNAPSHOT_FUZZY_BUDGET):
            return None
        exacts = group[1::5]
        mine = list(zip(exacts, group[2::5], group[3::5], group[4::5], strict=True))
        if mine == quotes:
            found = _decoded(rows, exacts, snapshot)
            snapshot.fuzzy_left = left
            return found
        if left != SNAPSHOT_FUZZY_BUDGET:
            return None  # the budget was spent in an order the parent's quotes do not follow
        first: dict[Quote, int] = {}
        for at, quote in enumerate(quotes):
            first.setdefault(quote, at)
        return _decoded([rows[first[quote]] for quote in mine], exacts, snapshot)
    except Exception:  # noqa: BLE001 - not the quotes asked for, or garbage: the parent's
        return None


def _decoded(rows: list[Any], exacts: list[str], snapshot: SnapshotIndex) -> list[AnchorResult]:
    """:func:`decode` of each row with its quote, the short form inline (most rows: a call
    less each)."""
    from argmap._verify.anchor import AnchorResult, AnchorStatus

    exact_status, source, original = AnchorStatus.EXACT, snapshot.source, snapshot.original
    found: list[AnchorResult] = []
    append = found.append
    for row, exact in zip(rows, exacts, strict=True):
        if type(row) is tuple and len(row) == 4:
            start, end, best, places = row
            if type(start) is not int or type(end) is not int or type(best) is not int or (
                    type(places) is not int):
                raise TypeError(row)
            append(AnchorResult(exact_status, source, 1.0, start, end, exact, None, None,
                                snapshot if places < 0 else places, None, (), exact,
                                original[start - 40 if start > 40 else 0:start],
                                original[end:end + 40], None, (), (), False,
                                (best, best + len(exact))))
        else:
            append(decode(row, exact, snapshot))
    return found
