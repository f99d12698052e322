"""Writing maps: deterministic bytes, atomic replacement, lossless round trips."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml_rs
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap._output.dump import atomic_write
from argmap._output.yaml_out import emit

EXAMPLE = Path(__file__).parent.parent / "examples" / "bike-lanes"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trip_and_determinism(tmp_path: Path, suffix: str) -> None:
    loaded = argmap.load(EXAMPLE)
    shutil.copytree(EXAMPLE / "snapshots", tmp_path / "snapshots")  # dump() needs them there
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


_JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(st.characters(exclude_categories=("Cs",)), max_size=8), inner,
                      max_size=4),
    max_leaves=20,
)


@given(_JSONISH)
def test_yaml_emitter_output_reads_back_as_the_same_data(data: object) -> None:
    # regression: yaml-rs's own emitter wrote the ID "0_" plain, which reads back as 0
    text = emit(data)
    assert yaml_rs.loads(text, parse_datetime=False) == data


@pytest.mark.parametrize("text", ["0_", "1_000", "0o7", "0b101", "yes", "NO", "2020-01-01", "~"])
def test_number_like_and_boolean_like_strings_are_quoted(text: str) -> None:
    assert emit({"id": text}) == f'id: "{text}"\n'


def test_dump_keeps_trailing_zeros_of_a_quantity(tmp_path: Path) -> None:
    # "2.50" states a precision that 2.5 does not; the round trip must keep the digits
    source = tmp_path / "q.argmap.yaml"
    source.write_text(
        "title: t\nclaims:\n  - id: C1\n    text: a 2.50 b\n    kind: thesis\n"
        '    quantities:\n      - {id: Q1, value: "2.50"}\n      - {id: Q2, value: 3}\n',
        encoding="utf-8",
    )
    copy = tmp_path / "copy.argmap.yaml"
    argmap.dump(argmap.load(source), copy)
    values = [q.value for q in argmap.load(copy).claims[0].quantities]
    assert [str(v) for v in values] == ["2.50", "3"]
