"""Checking many maps on all cores: one map per task, results in the order asked.

Each map is checked by :func:`argmap._engine.run.check_one` in a worker process, which sends
back a :class:`~argmap._engine.outcome.MapOutcome` (findings and quoted lines, no loaded map),
so the output is the same as a check in one process. A pool that cannot start or breaks
(no process support, a worker killed for memory) leaves the remaining maps to this process.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from argmap._engine.config import Config
    from argmap._engine.outcome import MapOutcome
    from argmap._load.limits import Limits

__all__ = ["can_fork", "default_jobs", "fork_with_pipes", "run_maps"]


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Forking is safe here: Linux, and no other thread (a lock another thread holds would
    stay locked in the child for ever)."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


def fork_with_pipes(count: int) -> tuple[int, list[int]] | None:
    """``os.fork()`` after opening ``count`` pipes: the pid (0 in the child) and the pipes'
    ends, read end then write end for each; None, with nothing left open, when a pipe or the
    fork fails (the caller then does the work itself)."""
    fds: list[int] = []
    try:
        for _ in range(count):
            fds.extend(os.pipe())
        return os.fork(), fds
    except OSError:
        for fd in fds:
            os.close(fd)
        return None


def _context() -> BaseContext:
    """``fork`` where it is safe (see :func:`can_fork`): workers start without re-importing
    argmap; elsewhere ``spawn``, the one start method every platform has."""
    import multiprocessing

    return multiprocessing.get_context("fork" if can_fork() else "spawn")


def _warm() -> None:
    """Import what every check needs before forking, so workers share it instead of each
    importing it again (the models and the rules' patterns are most of a small check)."""
    import argmap._load.loader  # noqa: F401 - imported for its side effect: the models
    from argmap.rules import load_rules

    load_rules()


def _check(task: tuple[Path, Path | None, Config, Limits, bool]) -> MapOutcome:
    from argmap._engine.run import check_one
    from argmap._recache import flush

    try:
        return check_one(*task)
    finally:
        flush()  # a forked worker leaves without exit handlers: its patterns are stored here


def run_maps(
    todo: Sequence[tuple[Path, Path | None]],
    config: Config,
    limits: Limits,
    jobs: int,
    *,
    for_cache: bool = True,
) -> list[MapOutcome]:
    """The outcome of checking each map of ``todo``, in order, on up to ``jobs`` processes
    (``for_cache``: hash the files each check reads, so the outcome can be stored).

    One map alone is checked in this process, its rules spread over up to ``jobs``
    processes when it is big enough to pay for it (:mod:`argmap._engine.split`).
    """
    from argmap._engine.run import check_one

    tasks = [(path, inside, config, limits, for_cache) for path, inside in todo]
    workers = min(jobs, len(tasks))
    if workers <= 1:
        return [check_one(*task, jobs=jobs) for task in tasks]
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _context()
    if context.get_start_method() == "fork":
        _warm()

    done: list[MapOutcome] = []
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            # A few tasks per message: small maps are cheaper to check than to send one by one.
            chunk = max(1, len(tasks) // (workers * 8))
            for outcome in pool.map(_check, tasks, chunksize=chunk):
                done.append(outcome)
    except (BrokenProcessPool, OSError, NotImplementedError):
        pass  # finish in this process, from the first map without an outcome
    done.extend(check_one(*task) for task in tasks[len(done):])
    return done
