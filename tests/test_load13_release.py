"""``MapOrigin.release_data`` drops a map's parsed data only from ``RELEASE_FROM_BYTES``: a
smaller map keeps it (freeing it was serial work before the rules), and is located the same
either way (``tests/test_lean_check.py`` compares every node kept and released)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap._load import origin as origin_module
from argmap._load.blockscan import PRUNED
from argmap._load.loader import load

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "examples"


def _a_map() -> Path:
    return next(path.parent for path in sorted(MAP.rglob("map.yaml")))


def _released(threshold: int | None, *, always: bool = False) -> bool:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(origin_module, "_KEPT", [])
        if threshold is not None:
            patch.setattr(origin_module, "RELEASE_FROM_BYTES", threshold)
        origin = load(_a_map()).origin
        assert origin is not None
        claims = origin.combined_data()["claims"]
        origin.release_data(always=always)
        after = origin.combined_data()["claims"]
    assert len(after) == len(claims)
    return all(item is PRUNED for item in after)


def test_a_small_map_keeps_its_data() -> None:
    assert not _released(None)


def test_a_map_of_the_threshold_releases_it() -> None:
    size = sum(path.stat().st_size for path in _a_map().glob("*.yaml"))  # with sources.yaml
    assert _released(size)
    assert not _released(size + 1)


def test_always_releases_a_small_map() -> None:
    assert _released(None, always=True)



def test_a_run_holds_one_small_maps_data() -> None:
    """The data kept is released when the next small map's is kept (a run over many maps)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(origin_module, "_KEPT", [])
        first, second = load(_a_map()).origin, load(_a_map()).origin
        assert first is not None
        assert second is not None
        first.release_data()
        first.release_data()  # again: still kept
        assert not any(item is PRUNED for item in first.combined_data()["claims"])
        second.release_data()
        assert all(item is PRUNED for item in first.combined_data()["claims"])
        assert not any(item is PRUNED for item in second.combined_data()["claims"])
        assert [second] == origin_module._KEPT  # noqa: SLF001 - the slot under test
