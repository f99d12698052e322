"""Writing maps: deterministic bytes, atomic replacement, lossless round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap._dump import atomic_write

EXAMPLE = Path(__file__).parent.parent / "examples" / "bike-lanes"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trip_and_determinism(tmp_path: Path, suffix: str) -> None:
    loaded = argmap.load(EXAMPLE)
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    argmap.dump(loaded, first)
    argmap.dump(argmap.load(first), second)
    assert first.read_bytes() == second.read_bytes()
    assert argmap.load(second) == loaded


def test_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.yaml"
    target.write_text("old", encoding="utf-8")

    def broken_replace(self: Path, target: Path) -> None:  # noqa: ARG001 - Path.replace's signature
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.yaml"]


def test_dump_keeps_field_order() -> None:
    text = argmap.dumps(argmap.load(EXAMPLE))
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys[:3] == ["title", "description", "authors"]
    assert keys.index("claims") < keys.index("relations") < keys.index("sources")
