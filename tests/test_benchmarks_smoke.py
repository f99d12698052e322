"""The benchmark code must not rot: generate small maps and check them (no timings asserted)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml_rs

import argmap
from argmap._engine.run import check_loaded

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    """Import a benchmark script as a module (they import each other by plain name)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return _module("generate")


def test_generator_is_deterministic(generate: ModuleType) -> None:
    first, second = generate.generate(150), generate.generate(150)
    assert first.map_data == second.map_data
    assert first.argdown == second.argdown
    assert first.snapshots == second.snapshots
    assert first.stats["claims"] == 150


def test_yaml_writer_round_trips(generate: ModuleType) -> None:
    generated = generate.generate(120)
    for data in (generated.map_data, generated.sources):
        parsed = yaml_rs.loads(generate.to_yaml(data), parse_datetime=False)
        assert parsed == json.loads(json.dumps(data))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_generated_map_loads_and_checks_without_errors(
    generate: ModuleType, tmp_path: Path, fmt: str
) -> None:
    generated = generate.generate(200)
    paths = generate.write(generated, tmp_path)
    loaded = argmap.load(paths[fmt])
    assert len(loaded.claims) == 200
    assert len(loaded.sources) == generated.stats["sources"]
    findings = check_loaded(loaded)
    errors = [f for f in findings if f.severity >= argmap.Severity.ERROR]
    assert errors == [], [str(f) for f in errors]


@pytest.mark.parametrize("size", [1300, 1700])
def test_generated_maps_check_without_am303_where_a_text_is_inside_a_longer_number(
    generate: ModuleType, tmp_path: Path, size: int
) -> None:
    """The generated maps are correct, yet AM303 failed them at 10,000 and 100,000 claims: a
    quantity's text ('72') was found inside a longer number of its claim ('3,723'). These
    sizes hold such a collision; the check reports no error at all."""
    from argmap._verify.numbers.declared import locate

    generated = generate.generate(size)
    inside = [(q["text"], c["text"]) for c in generated.map_data["claims"]
              for q in c.get("quantities", ()) if c["text"].find(q["text"]) != locate(
                  q["text"], c["text"])]
    assert inside, "no quantity text occurs inside a longer number at this size"
    paths = generate.write(generated, tmp_path)
    findings = check_loaded(argmap.load(paths["yaml"]))
    assert [f for f in findings if f.code == "AM303"] == []
    errors = [f for f in findings if f.severity >= argmap.Severity.ERROR]
    assert errors == [], [str(f) for f in errors]


def test_argdown_twin_names_every_claim_and_relation(generate: ModuleType) -> None:
    generated = generate.generate(100)
    text = generated.argdown
    for claim in generated.map_data["claims"]:
        assert f"\n[{claim['id']}]: " in text
    undercuts = [r for r in generated.map_data["relations"] if r["type"] == "undercuts"]
    assert text.count("_> <") == len(undercuts)


def test_runner_measures_a_process() -> None:
    run = _module("run")
    [sample] = run.measure([[sys.executable, "-c", "pass"]], runs=1)
    assert sample.returncode == 0
    assert sample.wall > 0
    assert sample.rss_mb > 0
