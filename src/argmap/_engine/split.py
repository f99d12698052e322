"""One big map's rules on all cores: groups of rules in forked processes, once it is loaded.

``--jobs`` spreads many maps over worker processes (:mod:`argmap._engine.pool`); a single
map of 10,000 claims would still run its rules on one core. Here its rules are cut into
groups, one per process: this process runs the heaviest group itself and each other group
runs in a child forked after the map is loaded, so no child imports or loads anything again
(a spawned one would: that costs more than it saves). A child sends back each rule's findings
(plain dataclasses, pickled through a pipe) and the files it read; the engine merges the
findings in the registry's order, so the output is the same, byte for byte, as one process's.

Rules that share an expensive memoised value (:meth:`argmap._verify.index.MapIndex.memo`)
are kept in one group (:data:`FAMILIES`), else two processes would compute it twice.

The figures group is the longer one, and most of it is the number grammar reading texts:
its child reads a share of those texts first and sends their figures back while this process
reads the rest, so both groups end at about the same time (:mod:`argmap._engine.preread`).

Splitting only pays on a big map (:data:`MIN_NODES`), and is skipped where it would cost too
much memory (:data:`MAX_NODES`): there the rules run in this process, and the figures group's
texts are read by a process forked before the load (:mod:`argmap._engine.reader`). Where
forking is not safe, or fails, or a child dies or is killed, its group runs in this process,
as it would have without the split; texts whose figures it did not send are read here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import threading

    from argmap._engine.reader import Reader
    from argmap._findings import Finding
    from argmap._verify.index import MapIndex

__all__ = ["FAMILIES", "MAX_NODES", "MIN_NODES", "groups", "max_nodes", "min_nodes",
           "run_split"]

#: Rules that read the same expensive memoised values, run in one process each. The first
#: reads the claims' figures and dates (the claim figures, the arithmetic checks' outcomes,
#: the claim dates, and the number grammar's parse caches, which are per process: apart,
#: the dates rules cost 0.7 s more at 10,000 claims, and AM601 and AM602, which read the
#: claims' periods, parsed the claims' texts again, 0.18 s); the second the quotes (anchorings,
#: snapshots and their pages); the third whether any ID repeats and the references.
#: tests/test_split.py checks that no memoised value is read by rules of two families.
FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"AM301", "AM302", "AM303", "AM304", "AM305", "AM306", "AM307", "AM308",
               "AM422", "AM501", "AM502", "AM503", "AM504", "AM601", "AM602", "AM603"}),
    frozenset({"AM401", "AM402", "AM403", "AM404", "AM405", "AM406", "AM407", "AM411",
               "AM412", "AM416", "AM421"}),
    frozenset({"AM201", "AM202", "AM203"}),
)

#: What each rule costs on the benchmark map of 10,000 claims, in ms, run in code order in
#: one process (``benchmarks/profile_rules.py``; the first reader of a shared value pays for
#: it): the weights that balance the groups. A rule not listed weighs 5.
COST_MS: dict[str, int] = {
    "AM201": 23, "AM202": 38, "AM205": 19, "AM206": 7, "AM209": 27, "AM212": 1, "AM213": 11,
    "AM214": 13, "AM215": 12, "AM218": 11, "AM219": 8,
    "AM301": 1509, "AM302": 158, "AM303": 52, "AM304": 20, "AM306": 40, "AM307": 21,
    "AM308": 122, "AM401": 574, "AM402": 28, "AM403": 32, "AM404": 33, "AM405": 1,
    "AM411": 200, "AM412": 10, "AM414": 14, "AM416": 92, "AM421": 27, "AM422": 21,
    "AM501": 56, "AM504": 19, "AM601": 34, "AM602": 12, "AM603": 20, "AM701": 25,
}

#: Fewer nodes than this (claims, evidence, relations, sources and checks) and the map's
#: rules run in one process. Measured on 2 cores (the rules' CPU time, one process ->
#: the longer of the two groups): the paper's map, 463 nodes, 0.07 s -> 0.066 s, and each
#: process warms the same lazy caches, so the run is slower; 1,000 claims (3,568 nodes)
#: 0.26 s -> 0.18 s, a gain a busy second core takes back; 5,000 claims (17,675 nodes)
#: 1.33 s -> 0.95 s. Splitting from 10,000 nodes on (about 2,800 claims, 0.75 s of rules)
#: leaves a margin for the fork, the copied pages and a shared machine.
MIN_NODES = 10_000
#: More nodes than this and the rules run in one process too, for memory: a child copies
#: every page whose objects it touches (reference counts), so the processes together hold
#: 1.3-1.6 times what one does (total PSS at 10,000 claims 168 -> 223 MiB, at 50,000
#: claims (177,256 nodes) 595 -> 957 MiB, at 100,000 claims (356,000 nodes) 1,186 -> 1,711
#: MiB, over the 1,430 MiB budget). Up to 200,000 nodes a split run stays near 1 GiB.
MAX_NODES = 200_000


def min_nodes() -> int:
    """:data:`MIN_NODES`, or ``ARGMAP_SPLIT_MIN_NODES`` (for tests and measurements: 0
    splits every map)."""
    value = os.environ.get("ARGMAP_SPLIT_MIN_NODES", "")
    return int(value) if value.isdigit() else MIN_NODES


def max_nodes() -> int:
    """:data:`MAX_NODES`, or ``ARGMAP_SPLIT_MAX_NODES`` (for tests and measurements: 0
    leaves every map to the reader forked before the load, :mod:`argmap._engine.reader`)."""
    value = os.environ.get("ARGMAP_SPLIT_MAX_NODES", "")
    return int(value) if value.isdigit() else MAX_NODES


def groups(codes: Sequence[str], count: int) -> list[list[str]]:
    """``codes`` in at most ``count`` groups of about equal cost, the heaviest first, each in
    the order given; a family is never cut. No more groups than shorten the heaviest: each
    process costs a fork and memory, and the figures and dates family alone is more than
    half of all the rules, so two groups are as fast as any more."""
    units: list[list[str]] = []
    unit_of: dict[int, int] = {}  # family -> its unit
    for code in codes:
        family = next((index for index, members in enumerate(FAMILIES) if code in members),
                      None)
        if family is None:
            units.append([code])
        elif family in unit_of:
            units[unit_of[family]].append(code)
        else:
            unit_of[family] = len(units)
            units.append([code])
    order = {code: index for index, code in enumerate(codes)}
    best = _packed(units, 1, order)
    for more in range(2, count + 1):
        packed = _packed(units, more, order)
        if packed[0][0] < best[0][0] * 0.95:  # another process only for a real gain
            best = packed
    return [group for _, group in best if group]


def _cost(unit: Sequence[str]) -> int:
    return sum(COST_MS.get(code, 5) for code in unit)


def _packed(
    units: list[list[str]], count: int, order: dict[str, int]
) -> list[tuple[int, list[str]]]:
    """(cost, codes) of ``count`` groups or fewer, heaviest first: each unit, the costliest
    first, onto the lightest group (longest processing time first)."""
    bins: list[list[str]] = [[] for _ in range(count)]
    totals = [0] * count
    for unit in sorted(units, key=lambda unit: (-_cost(unit), order[unit[0]])):
        lightest = totals.index(min(totals))
        bins[lightest].extend(unit)
        totals[lightest] += _cost(unit)
    filled = [(total, sorted(group, key=order.__getitem__))
              for total, group in zip(totals, bins, strict=True) if group]
    filled.sort(key=lambda item: -item[0])  # stable: equal costs keep their order
    return filled or [(0, [])]


Results = dict[str, list["Finding"]]


class _Child:
    """A forked child: its process, the read ends of its pipes (None once closed: its
    findings', and the figures' it reads ahead), its rules.

    A plain class: a dataclass costs half a millisecond to define, on every check's start.
    """

    __slots__ = ("codes", "given", "pid", "pipe", "reaped")

    def __init__(self, pid: int, pipe: int, codes: list[str], given: int | None) -> None:
        self.pid = pid
        self.pipe: int | None = pipe
        self.codes = codes
        self.given = given
        self.reaped = False


def run_split(
    index: MapIndex,
    codes: Sequence[str],
    jobs: int,
    run_group: Callable[[Collection[str]], Results],
    reader: Reader | None = None,
) -> Results | None:
    """Each rule's findings (code -> findings), the rules run in up to ``jobs`` processes
    by ``run_group`` on the map of ``index`` (the rules' own); None when the map is better
    checked in one process (too small, one group, no safe fork, too big without a
    ``reader``), which the caller then does. Above :func:`max_nodes`, the rules run here,
    and the ``reader`` forked before the load reads the figures group's texts meanwhile."""
    from argmap._engine.lifetimes import nodes as count_nodes
    from argmap._engine.pool import can_fork

    nodes = count_nodes(index.map)
    big = jobs > 1 and min_nodes() <= nodes
    if reader is not None:
        if big and nodes > max_nodes():
            return _run_read(index, codes, run_group, reader)
        reader.stop()  # not needed: it ends before any other fork
    if not big or nodes > max_nodes() or not can_fork():
        return None
    parts = groups(codes, jobs)
    if len(parts) <= 1:
        return None
    from argmap._engine import preread

    ahead = preread.FIGURE_READERS.intersection(parts[0])
    theirs, mine = preread.shares(len(index.map.claims)) if ahead else ([], [])
    if ahead:
        _ = index.evidence  # built once, for both processes (the rules read it too)
    children: list[_Child] = []
    try:
        for part in parts[1:]:
            child = _fork(part, run_group, children,
                          (lambda: preread.read_share(index, theirs)) if ahead else None)
            if child is None:
                break  # no more processes: the groups left run here
            children.append(child)
            ahead = frozenset()  # the first child reads ahead, the others only run rules
        if children and children[0].given is not None:
            with contextlib.suppress(Exception):  # a text the grammar fails on: see _child
                preread.read_here(index, mine)
            preread.take_share(index, theirs, _receive(children[0]))
        results = run_group(parts[0])
        for part in parts[1 + len(children):]:
            results.update(run_group(part))
        for child in children:
            found = _collect(child)
            results.update(run_group(child.codes) if found is None else found)
    finally:
        for child in children:  # interrupted: stop the children, leave no zombie
            _reap(child, stop=True)
    return results


def _run_read(
    index: MapIndex,
    codes: Sequence[str],
    run_group: Callable[[Collection[str]], Results],
    reader: Reader,
) -> Results | None:
    """The rules run here: the other groups while ``reader`` reads the figures group's texts,
    then the figures group, its texts read by the reader or here (see
    :mod:`argmap._engine.reader`). Each group drops its memoised values after their last
    reader, as in code order: no memoised value is read by two groups (:data:`FAMILIES`)."""
    from argmap._engine import preread
    from argmap._engine import reader as reading

    parts = groups(codes, 2)
    if len(parts) <= 1 or not preread.FIGURE_READERS.intersection(parts[0]):
        reader.stop()
        return None
    _ = index.evidence  # the index's items by ID, which the texts' listing reads
    chunks = reading.send(reader, index)
    results: Results = {}
    for part in parts[1:]:
        results.update(run_group(part))
    reading.take(reader, index, chunks)
    results.update(run_group(parts[0]))
    return results


def _fork(
    codes: list[str],
    run_group: Callable[[Collection[str]], Results],
    others: list[_Child],
    read_ahead: Callable[[], bytes] | None,
) -> _Child | None:
    from argmap._engine.pool import fork_with_pipes

    forked = fork_with_pipes(1 if read_ahead is None else 2)
    if forked is None:
        return None
    pid, fds = forked
    if pid == 0:
        _child(codes, run_group, fds, others, read_ahead)
    for write_end in fds[1::2]:
        os.close(write_end)
    return _Child(pid, fds[0], codes, fds[2] if read_ahead is not None else None)


def _child(
    codes: list[str],
    run_group: Callable[[Collection[str]], Results],
    fds: list[int],
    others: list[_Child],
    read_ahead: Callable[[], bytes] | None,
) -> NoReturn:
    """Read ahead and send those figures (``read_ahead``, through the second pipe of
    ``fds``), run the group, send its findings and reads, and leave without running any exit
    handler or flushing the parent's buffers; any failure leaves the work to the parent."""
    status = 1
    try:
        import signal

        # Ctrl-C reaches the whole process group: the child ends at once, silently, and the
        # parent (which gets it too) reports the interruption; ignored, it stays ignored.
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        for read_end in fds[::2]:
            os.close(read_end)
        for other in others:
            for fd in (other.pipe, other.given):
                if fd is not None:
                    os.close(fd)
        sending = None
        if read_ahead is not None:
            ahead = b""  # a text the grammar fails on fails the rules that read it, as it
            with contextlib.suppress(Exception):  # would in one process: they read it again
                ahead = read_ahead()
            sending = _send(ahead, fds[3])
        import pickle

        from argmap._load.files import active_logs

        payload = pickle.dumps((run_group(codes), active_logs()), pickle.HIGHEST_PROTOCOL)
        if sending is not None:
            sending.join()
        write_end: int = fds[1]
        with open(write_end, "wb") as pipe:
            pipe.write(payload)
        status = 0
        from argmap._recache import flush

        flush()  # the patterns this child compiled (never raises); it runs no exit handler
    except BaseException:  # noqa: BLE001, S110 - whatever it is, the parent runs the group
        pass
    finally:
        os._exit(status)


def _send(payload: bytes, write_end: int) -> threading.Thread:
    """Write ``payload``, its length first, in a thread, and close the pipe: the parent
    reads it only once it has read its own share, and the group runs meanwhile."""
    import threading

    def write() -> None:
        with contextlib.suppress(OSError), open(write_end, "wb") as pipe:
            pipe.write(len(payload).to_bytes(8, "little") + payload)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def _receive(child: _Child) -> bytes:
    """What the child read ahead, pickled; empty when it sent nothing whole (it died)."""
    data = b""
    if child.given is not None:
        with open(child.given, "rb", closefd=False) as pipe:
            data = pipe.read()
        os.close(child.given)
        child.given = None
    if len(data) < 8 or int.from_bytes(data[:8], "little") != len(data) - 8:
        return b""
    return data[8:]


def _collect(child: _Child) -> Results | None:
    """The child's findings, its reads added to this process's recordings; None when it
    failed (killed, crashed, or sent something incomplete)."""
    import pickle

    from argmap._load.files import active_logs

    payload = b""
    if child.pipe is not None:
        with open(child.pipe, "rb", closefd=False) as pipe:
            payload = pipe.read()
    _close(child)
    if _reap(child) != 0:
        return None
    try:
        results, logs = pickle.loads(payload)  # noqa: S301 - from our own forked child
    except Exception:  # noqa: BLE001 - a truncated message: the group runs here
        return None
    for mine, theirs in zip(active_logs(), logs, strict=False):
        mine.add(theirs)
    found: Results = results
    return found


def _reap(child: _Child, *, stop: bool = False) -> int:
    """Wait for the child (killing it first with ``stop``); its exit code."""
    _close(child)
    if child.reaped:
        return 0
    if stop:
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)
    try:
        _, status = os.waitpid(child.pid, 0)
    except ChildProcessError:  # reaped by someone else: its result cannot be trusted
        child.reaped = True
        return -1
    child.reaped = True
    return os.waitstatus_to_exitcode(status)


def _close(child: _Child) -> None:
    if child.pipe is not None:
        os.close(child.pipe)
        child.pipe = None
    if child.given is not None:
        os.close(child.given)
        child.given = None
