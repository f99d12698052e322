"""The table of arithmetic check types (``argmap._verify.check_types``) agrees with the
models, the format documentation and the rules that read checks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

import argmap
from argmap._engine.run import check_loaded
from argmap._model import ArithmeticCheck
from argmap._verify.check_types import CHECK_TYPES, CheckType

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_check_model_has_a_spec() -> None:
    (union, _discriminator) = get_args(ArithmeticCheck)
    names = {get_args(model.model_fields["type"].annotation)[0] for model in get_args(union)}
    assert names == set(CHECK_TYPES)


@pytest.mark.parametrize("spec", CHECK_TYPES.values(), ids=list(CHECK_TYPES))
def test_a_spec_names_only_its_own_operands(spec: CheckType) -> None:
    keys = [operand.key for operand in spec.operands]
    assert spec.result in keys
    assert {key for group in spec.same_unit for key in group} <= set(keys)
    assert all(len(group) >= 2 for group in spec.same_unit)


def test_the_format_documents_every_check_type_with_its_keys() -> None:
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| ((?:`\w+`(?:, )?)+) \|", text, re.MULTILINE))
    documented = {name: re.findall(r"`(\w+)`", keys) for name, keys in rows.items()}
    assert documented == {name: [op.key for op in spec.operands]
                          for name, spec in CHECK_TYPES.items()}


def test_am202_reports_an_unknown_quantity_in_every_operand(tmp_path: Path) -> None:
    lines = ["title: Test map", "checks:"]
    expected: list[tuple[str, str, int]] = []
    for number, spec in enumerate(CHECK_TYPES.values(), 1):
        fields = []
        for operand in spec.operands:
            ref = f"missing_{number}_{operand.key}"
            fields.append(f"{operand.key}: {[ref] if operand.many else ref}")
            expected.append((f"K{number}", f"quantity {ref!r} does not exist", len(lines) + 1))
        lines.append(f"  - {{id: K{number}, type: {spec.name}, {', '.join(fields)}}}")
    path = tmp_path / "map.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [f for f in check_loaded(argmap.load(path)) if f.code == "AM202"]
    assert sorted((f.node or "", f.message, f.line or 0) for f in found) == sorted(expected)
    assert len({(f.line, f.column) for f in found}) == len(found)  # each at its own field
