"""Snapshot reads with what they record, for the tests that compare two ways of reading."""

from __future__ import annotations

from collections.abc import Callable

from argmap._load.files import recording


def reads(read: Callable[[str], object], paths: list[str]) -> tuple[list[object], object]:
    """What ``read`` gives for each path (or the type of what it raised), and the reads it
    recorded: asked, passed, identities and digests."""
    found: list[object] = []
    with recording(digests=True) as log:
        for path in paths:
            try:
                found.append(read(path))
            except Exception as exc:  # noqa: BLE001 - a path read_snapshot cannot take
                found.append(("raised", type(exc)))
    return found, (log.asked, log.passed, log.identities, log.digests)
