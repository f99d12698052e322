"""MapIndex: indexes and values computed once per map, shared by every rule."""

from __future__ import annotations

import hashlib
from pathlib import Path

import argmap
from argmap._load.snapshots import SnapshotText, read_snapshot
from argmap._verify.index import MapIndex

MAP = "title: t\nclaims:\n  - {id: T1, kind: thesis, text: One.}\n  - {id: T1, text: Two.}\n"


def test_memo_computes_each_key_once() -> None:
    index = MapIndex(argmap.ArgumentMap.model_validate({"title": "t"}))
    calls: list[str] = []

    def compute(name: str) -> list[str]:
        calls.append(name)
        return [name]

    first = index.memo(("a", 1), lambda: compute("a"))
    assert index.memo(("a", 1), lambda: compute("again")) is first
    assert index.memo(("a", 2), lambda: compute("b")) == ["b"]
    assert calls == ["a", "b"]


def test_indexes_keep_the_first_node_of_an_id(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    index = MapIndex(argmap.load(tmp_path / "map.yaml"))
    assert index.claims["T1"].text == "One."


def test_read_snapshot_fingerprints_the_bytes_and_drops_a_bom(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_bytes(b"\xef\xbb\xbfcycling tripled")
    found = read_snapshot(tmp_path, "s.txt")
    assert isinstance(found, SnapshotText)
    assert found.text == "cycling tripled"
    assert found.sha256 == hashlib.sha256(b"\xef\xbb\xbfcycling tripled").hexdigest()


def test_read_snapshot_says_why_it_cannot(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert read_snapshot(tmp_path, "latin1.txt") == "snapshot file 'latin1.txt' is not UTF-8 text"
    assert read_snapshot(tmp_path, "gone.txt") == "snapshot file 'gone.txt' does not exist"
