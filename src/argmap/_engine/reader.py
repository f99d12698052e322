"""A very big map's texts read by the number grammar in a process forked before the load.

Above :data:`argmap._engine.split.MAX_NODES` the rules run in one process: a child forked
after the load copies every page whose objects it touches, too much memory. Reading the
figures group's texts (:mod:`argmap._engine.preread`) needs none of the map's objects, only
its texts, so this process is forked before the map is loaded (:func:`fork_reader`, when the
map file is big), while it holds little but its imports. Once the map file is parsed, before
it is validated, the parent sends it the texts, plain strings in chunks of claims
(:func:`send_parsed`; :func:`send` after the load when they were not), validates the map
and runs the rules of the other groups; the reader reads each chunk with the grammar and
sends its figures back. When the parent comes to the figures group it takes the chunks the
reader has sent whose texts, as sent, are the ones the model lists (:func:`paired`,
:func:`argmap._engine.preread.take_pairs`: figures are never kept for a text other than
the one read), and reads the others itself, the last chunk first, until the two meet
(:func:`take`): it never waits, so a reader that dies, hangs, is killed or sends garbage
only leaves its texts to the parent (the rules read any text not read ahead, as in one
process).

On the benchmark map of 100,000 claims (356,000 nodes; the grammar reads 162,000 texts in
about 6 s of CPU) the parent's CPU time went from 36.0 s to 28.9 s (medians of 5 alternated
runs on a busy 2-core machine), the reader's 8-9 s running on the other core. The wall time
gained on a quiet 2-vCPU machine is about 1 s (a median of 25.1 s in 6 runs against 26.3 s
with ``--jobs 1``): two busy processes there each run slower than one alone. The peaks were
lower too (1,062-1,323 MiB summed, against 1,190-1,408 MiB in one process), as the figures
group runs after the others and their memoised values are not held at once.

Round nineteen sent the texts as parsed rather than after the load (2-3 s of validation and
index earlier). On a busy shared machine (load 3.5-5.6 on 2 cores, 6 alternated pairs of
runs) the chunks the parent read itself fell from a median of 9.5 of 50 to 2 (one run of
each read over 25: a starved reader), the take from 1.6 to 0.9 s and the parent's CPU from
12.5 to 11.9 s; the whole check's wall time was 12.2 and 12.7 s against 16.8 and 17.5 s in
one pair, level or worse in the others (too noisy to tell). The tree's peak PSS was
1,099-1,317 MiB (base 1,312-1,328 MiB).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

if TYPE_CHECKING:
    import threading

    from argmap._load.origin import MapOrigin
    from argmap._verify.index import MapIndex
    from argmap._verify.numbers import Mention

__all__ = ["CHUNK", "MIN_BYTES", "Reader", "fork_reader", "send", "send_parsed", "take"]

#: A map file smaller than this is never big enough to need the reader (a map of
#: 200,000 nodes in YAML is about 35 MB; the benchmark map of 50,000 claims 31 MB): below,
#: no process is forked. One forked for a map that turns out to be split is stopped unused.
MIN_BYTES = 16 << 20

#: Claims per message: small enough that the parent, reading from the end, does little of
#: what the reader is reading at the same time (2,000 claims are about 0.1 s of reading).
CHUNK = 2_000

#: One claim as sent: its text, whether it declares a figure, the quotes it cites.
Record = tuple[str, bool, tuple[str, ...]]
Figures = tuple["Mention", ...]


class Reader:
    """The forked reader: its process, the parent's ends of its pipes (None once closed),
    the thread writing the texts, and what arrived but is not yet a whole message.

    A plain class: a dataclass costs half a millisecond to define, on every check's start.
    """

    __slots__ = ("arrived", "ended", "pid", "reaped", "receive", "send", "sent", "writer")

    def __init__(self, pid: int, send: int, receive: int) -> None:
        self.pid = pid
        self.send: int | None = send
        self.receive: int | None = receive
        self.writer: threading.Thread | None = None
        self.arrived = bytearray()
        self.ended = False
        self.reaped = False
        #: The records sent, chunk by chunk: the texts the reader's figures are of.
        self.sent: list[list[Record]] = []

    def stop(self) -> None:
        """Kill the reader (it has nothing left the parent needs), close the pipes, reap."""
        import signal

        if not self.reaped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        for fd in (self.send, self.receive):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.send = self.receive = None
        if self.writer is not None:
            self.writer.join()  # its pipe is broken: it ends at once
            self.writer = None
        if not self.reaped:
            self.reaped = True
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)


def max_nodes_given() -> bool:
    """``ARGMAP_SPLIT_MAX_NODES`` is set (tests and measurements): every map file is big
    enough for the reader."""
    return os.environ.get("ARGMAP_SPLIT_MAX_NODES", "").isdigit()


def _big(path: Path) -> bool:
    if max_nodes_given():
        return True
    try:
        if path.is_dir():
            from argmap._load.loader import find_map_file

            found = find_map_file(path)
            if found is None:
                return False
            path = found
        return path.stat().st_size >= MIN_BYTES
    except OSError:
        return False


def fork_reader(path: Path) -> Reader | None:
    """A reader for the map at ``path``, forked now, before its load; None when the map
    file is small or forking is not safe or fails."""
    from argmap._engine.pool import can_fork, fork_with_pipes

    if not can_fork() or not _big(path):
        return None
    forked = fork_with_pipes(2)
    if forked is None:
        return None
    pid, fds = forked
    if pid == 0:
        _serve(fds)
    os.close(fds[0])  # the texts' read end
    os.close(fds[3])  # the figures' write end
    return Reader(pid, fds[1], fds[2])


def _serve(fds: list[int]) -> NoReturn:
    """The reader: each chunk of claims read, its figures sent, in a thread so that the
    reading goes on while the parent has not yet read them; leaves without running any
    exit handler or flushing the parent's buffers."""
    status = 1
    try:
        import signal

        # Ctrl-C reaches the whole process group: the reader ends at once, silently.
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.close(fds[1])
        os.close(fds[2])
        _answer(fds[0], fds[3])
        status = 0
        from argmap._recache import flush

        flush()  # the patterns this reader compiled (never raises); it runs no exit handler
    except BaseException:  # noqa: BLE001, S110 - whatever it is, the parent reads the texts
        pass
    finally:
        os._exit(status)


def _answer(texts: int, figures: int) -> None:
    """Read the chunks of claims from the pipe ``texts`` until the parent closes it; send
    each chunk's figures (its number, their length, their pickle) through ``figures``."""
    import pickle
    import queue
    import threading

    from argmap._verify.numbers import parse

    ready: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def write() -> None:
        with contextlib.suppress(OSError), open(figures, "wb", buffering=0) as pipe:
            while (message := ready.get()) is not None:
                pipe.write(message)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    number = 0
    try:
        with open(texts, "rb") as pipe:
            while (message := _message(pipe)) is not None:
                records: list[Record] = pickle.loads(message)  # noqa: S301 - our parent's
                found = pickle.dumps(_figures(records), pickle.HIGHEST_PROTOCOL)
                ready.put(number.to_bytes(4, "little") + len(found).to_bytes(8, "little")
                          + found)
                number += 1
                parse.cache_clear()  # the parent keeps the readings, not this process
    finally:
        ready.put(None)
        writer.join()


def _message(pipe: BinaryIO) -> bytes | None:
    """The next length-prefixed message of ``pipe``; None at its end."""
    head = pipe.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    body = pipe.read(size)
    return body if len(body) == size else None


def _figures(records: Sequence[Record]) -> list[tuple[Mention, ...]]:
    """The figures of each text :func:`argmap._engine.preread.texts` lists for the claims
    of ``records``, in its order (:func:`paired` gives them their texts back)."""
    from argmap._verify.numbers import parse

    found: list[tuple[Mention, ...]] = []
    for text, declared, quotes in records:
        figures = parse(text)
        found.append(figures)
        if declared or any(mention.is_figure for mention in figures):
            found.extend(parse(quote) for quote in quotes)
    return found


def paired(records: Sequence[Record], found: object) -> list[tuple[str, Figures]] | None:
    """Each text :func:`_figures` read for ``records`` with its figures in ``found``; None
    when ``found`` is not that many tuples of figures. The texts are not sent back: at
    100,000 claims the messages, twice as long, came through the pipe slower than the
    parent took them, on a busy machine."""
    if type(found) is not list:
        return None
    pairs: list[tuple[str, Figures]] = []
    given = iter(found)
    try:
        for text, declared, quotes in records:
            figures = next(given)
            if type(figures) is not tuple:
                return None
            pairs.append((text, figures))
            if declared or any(mention.is_figure for mention in figures):
                for quote in quotes:
                    figures = next(given)
                    if type(figures) is not tuple:
                        return None
                    pairs.append((quote, figures))
    except (StopIteration, AttributeError):
        return None
    if next(given, None) is not None:
        return None
    return pairs


def records(index: MapIndex, positions: Sequence[int]) -> list[Record]:
    """What the reader needs of the claims at ``positions`` to read the texts
    :func:`~argmap._engine.preread.texts` lists for them."""
    from argmap._verify.numbers import FIGURE_KINDS

    claims = index.map.claims
    evidence = index.evidence
    listed: list[Record] = []
    for position in positions:
        claim = claims[position]
        quotes: list[str] = []
        for evidence_id in dict.fromkeys(claim.evidence):
            item = evidence.get(evidence_id)
            if item is not None and item.quote is not None:
                quotes.append(item.quote.exact)
        declared = any(quantity.text and quantity.kind in FIGURE_KINDS
                       for quantity in claim.quantities)
        listed.append((claim.text, declared, tuple(quotes)))
    return listed


def send(reader: Reader, index: MapIndex) -> list[range]:
    """Send the reader the texts of every claim of the map of ``index``, in chunks of
    :data:`CHUNK` claims, unless they were sent from the parsed files already
    (:func:`send_parsed`); the chunks' positions."""
    count = len(index.map.claims)
    chunks = _chunks(count)
    if reader.send is not None:
        _write(reader, [records(index, chunk) for chunk in chunks])
    return chunks


def _chunks(count: int) -> list[range]:
    return [range(start, min(start + CHUNK, count)) for start in range(0, count, CHUNK)]


def send_parsed(reader: Reader, origin: MapOrigin) -> None:
    """Send the reader the texts of every claim as parsed, before the map is validated (on
    the benchmark map of 100,000 claims the validation and the index take 2-3 s that the
    reader reads meanwhile), when the map is big enough for the reader to be used
    (:func:`argmap._engine.split.run_split`). The texts need not be the model's:
    :func:`take` keeps a chunk's figures only when the texts sent are the ones the model
    lists (:func:`argmap._engine.preread.take_pairs`)."""
    from argmap._engine.split import max_nodes, min_nodes

    if reader.send is None:
        return
    data = origin.map_file.data
    if not isinstance(data, dict):
        return
    nodes = sum(len(value) for key in ("claims", "evidence", "relations", "sources", "checks")
                if isinstance(value := data.get(key), list))
    if origin.sources_file is not None and isinstance(origin.sources_file.data, list):
        nodes += len(origin.sources_file.data)
    if nodes <= max_nodes() or nodes < min_nodes():
        return  # the reader is stopped unused, or used after the load (a map that differs)
    listed = parsed_records(data)
    if listed is not None:
        _write(reader, [listed[chunk.start:chunk.stop] for chunk in _chunks(len(listed))])


def parsed_records(data: dict[str, Any]) -> list[Record] | None:
    """:func:`records` of the parsed map ``data``, as far as it has the model's shape; None
    when its claims are not a list. A claim or field of another shape gives a record the
    model does not list, whose figures :func:`take` then drops."""
    from argmap._verify.numbers import FIGURE_KINDS

    claims = data.get("claims")
    if not isinstance(claims, list):
        return None
    quotes: dict[Any, str] = {}
    evidence = data.get("evidence")
    for item in evidence if isinstance(evidence, list) else ():
        if isinstance(item, dict) and isinstance(quote := item.get("quote"), dict):
            exact = quote.get("exact")
            if isinstance(exact, str):
                quotes.setdefault(item.get("id"), exact)  # the first of an ID, as the index
    kinds = {str(kind) for kind in FIGURE_KINDS}
    listed: list[Record] = []
    for claim in claims:
        if not isinstance(claim, dict):
            listed.append(("", False, ()))
            continue
        text = claim.get("text")
        cited = claim.get("evidence")
        found: tuple[str, ...] = ()
        if isinstance(cited, list):
            found = tuple(quotes[evidence_id] for evidence_id in dict.fromkeys(
                evidence_id for evidence_id in cited if isinstance(evidence_id, str))
                if evidence_id in quotes)
        quantities = claim.get("quantities")
        declared = isinstance(quantities, list) and any(
            isinstance(quantity, dict) and quantity.get("text")
            and quantity.get("kind", "amount") in kinds for quantity in quantities)
        listed.append((text if isinstance(text, str) else "", declared, found))
    return listed


def _write(reader: Reader, chunks: list[list[Record]]) -> None:
    """Write ``chunks`` to the reader, pickled, in a thread (the reader may be slow to take
    them); the pipe is then the thread's, and nothing more is sent."""
    import pickle
    import threading

    messages: list[bytes] = []
    for chunk in chunks:
        payload = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
        messages.append(len(payload).to_bytes(8, "little") + payload)
    if reader.send is None:
        return
    send_end: int = reader.send
    reader.send = None
    reader.sent = chunks

    def write() -> None:
        # One system call for all the messages, which waits for the pipe without the GIL: a
        # call per message waited for the GIL between two, which the validation (sent
        # during it) holds for seconds, and the reader then read 21 of 50 chunks instead of
        # 43-46 before the parent took them.
        with contextlib.suppress(OSError):
            left = [memoryview(message) for message in messages]
            at_once = _buffers_at_once()
            messages.clear()
            while left:
                written = os.writev(send_end, left[:at_once])
                while left and written >= len(left[0]):
                    written -= len(left.pop(0))
                if left:
                    left[0] = left[0][written:]
        with contextlib.suppress(OSError):
            os.close(send_end)

    reader.writer = threading.Thread(target=write, daemon=True)
    reader.writer.start()


def _buffers_at_once() -> int:
    """How many buffers one ``os.writev`` call may be given (``IOV_MAX``: 1,024 on Linux, at
    least 16 by POSIX); a map of 5,000,000 claims sends 2,500 messages."""
    try:
        limit = os.sysconf("SC_IOV_MAX")
    except (ValueError, OSError):
        return 16
    return limit if limit >= 16 else 16


def take(reader: Reader, index: MapIndex, chunks: Sequence[range]) -> None:
    """Put the figures of every chunk's texts in the grammar's cache: the reader's, as they
    have come, and the others read here, from the last chunk back, until the two meet."""
    from argmap._engine import preread

    done = [False] * len(chunks)
    mine = len(chunks) - 1
    while True:
        for number, payload in _arrived(reader):
            if 0 <= number < len(chunks) and not done[number]:
                done[number] = _take(reader, index, chunks[number], number, payload)
        while mine >= 0 and done[mine]:
            mine -= 1
        if mine < 0:
            break
        with contextlib.suppress(Exception):  # a text the grammar fails on: the rules
            preread.read_here(index, chunks[mine])  # read it again, and fail as in one
        done[mine] = True  # process; the texts after it too
    reader.stop()


def _take(reader: Reader, index: MapIndex, chunk: range, number: int, payload: bytes) -> bool:
    """Put the figures the reader sent for the chunk ``number`` in the grammar's cache when
    they are whole and of the texts the model lists there (see :func:`take`)."""
    import pickle

    from argmap._engine import preread

    if number >= len(reader.sent):
        return False
    try:
        found = pickle.loads(payload)  # noqa: S301 - from our own forked reader
    except Exception:  # noqa: BLE001 - a truncated message: the texts are read here
        return False
    pairs = paired(reader.sent[number], found)
    return pairs is not None and preread.take_pairs(index, chunk, pairs)


def _arrived(reader: Reader) -> list[tuple[int, bytes]]:
    """The whole messages the reader has sent since the last call, without waiting."""
    import select

    fd = reader.receive
    while fd is not None and not reader.ended:
        try:
            readable, _, _ = select.select([fd], [], [], 0)
            if not readable:
                break
            data = os.read(fd, 1 << 20)
        except OSError:
            data = b""
        if not data:
            reader.ended = True
            break
        reader.arrived += data
    messages: list[tuple[int, bytes]] = []
    arrived = reader.arrived
    start = 0
    while len(arrived) - start >= 12:
        size = int.from_bytes(arrived[start + 4:start + 12], "little")
        if len(arrived) - start - 12 < size:
            break
        number = int.from_bytes(arrived[start:start + 4], "little")
        messages.append((number, bytes(arrived[start + 12:start + 12 + size])))
        start += 12 + size
    del arrived[:start]
    return messages
