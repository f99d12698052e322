"""Every path into parsed map data (shared by the tests that locate nodes by path)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def tree_paths(value: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """``prefix`` and the path of every node below it: string keys and list indexes."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from tree_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from tree_paths(item, (*prefix, index))
