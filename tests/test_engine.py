"""The rule engine: registry, stamping, configuration, suppressions, robustness."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import Severity
from argmap._engine.config import Config, is_selected
from argmap._engine.context import Problem, RuleContext
from argmap._engine.run import check_loaded
from argmap.rules import REGISTRY, load_rules, rule_by_code

EXAMPLE = Path(__file__).parent.parent / "examples" / "bike-lanes"

BROKEN = """\
title: Broken in many ways
claims:
  - {id: T1, kind: thesis, text: Thesis.}
  - {id: P1, text: Premise.}
  - {id: O1, kind: objection, text: Objection., ignore: [{code: AM702, reason: out of scope}]}
  - {id: C1, text: Stray., ignore: [{code: AM301, reason: stale}]}
relations:
  - {id: R1, type: supports, from: P1, to: T2}
  - {id: R2, type: attacks, from: O1, to: T1}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the registry ---------------------------------------------------------------------------


def test_registry_modules_are_complete_rules() -> None:
    ids = set()
    for code, module_path in REGISTRY.items():
        module = importlib.import_module(module_path)
        assert code == module.CODE
        assert re.fullmatch(r"AM\d{3}", code)
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", module.ID), module.ID
        assert module.ID not in ids, f"two rules use the id {module.ID}"
        ids.add(module.ID)
        assert isinstance(module.SEVERITY, Severity)
        assert isinstance(module.OPTIONS, dict)
        doc = module.__doc__ or ""
        assert "FAIL::" in doc, f"{code} documents no failing example"
        assert "PASS::" in doc, f"{code} documents no passing example"
        assert module_path.rsplit(".", 1)[1].startswith(code.lower() + "_")
    assert [r.CODE for r in load_rules()] == sorted(REGISTRY)


def test_every_rule_check_takes_the_context_alone() -> None:
    """Options reach a rule through ``ctx.options``; the engine passes nothing else."""
    for rule in load_rules():
        parameters = inspect.signature(rule.check).parameters
        assert list(parameters) == ["ctx"], f"{rule.CODE}.check takes {list(parameters)}"


def test_each_rule_sees_its_own_merged_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.rules

    seen: dict[str, dict[str, Any]] = {}

    def recording(code: str, rule_id: str, defaults: dict[str, Any]) -> Any:
        def check(ctx: RuleContext) -> Iterator[Problem]:
            seen[code] = dict(ctx.options)
            yield from ()

        return SimpleNamespace(CODE=code, ID=rule_id, SEVERITY=Severity.INFO, OPTIONS=defaults,
                               check=check)

    rules = (recording("AM297", "first", {"a": 1, "b": 2}), recording("AM298", "second", {}))
    monkeypatch.setattr(argmap.rules, "load_rules", lambda: rules)
    config = Config(options={"AM297": {"b": 3}, "second": {"c": 4}})
    argmap.check(write(tmp_path, BROKEN), config)
    assert seen == {"AM297": {"a": 1, "b": 3}, "AM298": {"c": 4}}


def test_rule_by_code_or_id() -> None:
    rule = rule_by_code("am205")
    assert rule is not None
    assert rule_by_code("circular-support") is rule
    assert rule_by_code("AM999") is None


# --- check() ----------------------------------------------------------------------------------


def test_check_accepts_a_path_or_a_map_and_sorts(tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    from_path = argmap.check(path)
    from_map = argmap.check(argmap.load(path))
    assert from_path == from_map
    keys = [(f.file, f.line, f.column, f.code) for f in from_path]
    assert keys == sorted(keys)
    codes = {f.code for f in from_path}
    assert {"AM202", "AM209", "AM901"} <= codes


def test_findings_are_stamped_and_located(tmp_path: Path) -> None:
    found = [f for f in argmap.check(write(tmp_path, BROKEN)) if f.code == "AM202"]
    (finding,) = found
    assert (finding.rule, finding.severity, finding.node) == (
        "unknown-reference", Severity.ERROR, "R1"
    )
    assert (finding.line, finding.column) == (8, 44)
    with pytest.raises(AttributeError):
        finding.code = "AM999"  # type: ignore[misc]


def test_load_errors_come_back_as_findings(tmp_path: Path) -> None:
    found = argmap.check(write(tmp_path, "title: t\nclaims: 3\n"))
    assert [f.code for f in found] == ["AM112"]


def test_every_finding_in_one_run(tmp_path: Path) -> None:
    text = BROKEN + "  - {id: R3, type: supports, from: NOPE1, to: NOPE2}\n"
    found = [f for f in argmap.check(write(tmp_path, text)) if f.code == "AM202"]
    assert len(found) == 3


def test_same_input_same_output(tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    first = [f.to_dict() for f in argmap.check(path)]
    second = [f.to_dict() for f in argmap.check(path)]
    assert json.dumps(first) == json.dumps(second)


# --- configuration in the engine -----------------------------------------------------------


def test_select_and_ignore_most_specific_wins() -> None:
    config = Config(select=("AM2",), ignore=("AM20",))
    assert not is_selected("AM202", "unknown-reference", config)
    config = Config(select=("AM2", "AM202"), ignore=("AM20",))
    assert is_selected("AM202", "unknown-reference", config)
    assert not is_selected("AM701", "thesis-not-accepted", config)
    assert is_selected("AM701", "x", Config(select=("AM",), ignore=("AM2",)))
    assert not is_selected("AM209", "disconnected-claim", Config(ignore=("disconnected-claim",)))


def test_severity_override_and_per_file_ignores(tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    loaded = argmap.load(path)
    found = check_loaded(loaded, Config(severity={"disconnected-claim": Severity.ERROR}))
    assert {f.severity for f in found if f.code == "AM209"} == {Severity.ERROR}
    glob = str(tmp_path.resolve() / "*.yaml")
    found = check_loaded(loaded, Config(per_file_ignores={glob: ("AM202", "AM901")}))
    assert not [f for f in found if f.code in ("AM202", "AM901")]
    assert [f for f in found if f.code == "AM209"]


# --- suppressions ---------------------------------------------------------------------------


def test_suppressed_findings_are_kept_marked_and_unused_ones_reported(tmp_path: Path) -> None:
    found = argmap.check(write(tmp_path, BROKEN))
    (suppressed,) = [f for f in found if f.suppressed is not None]
    assert (suppressed.code, suppressed.node, suppressed.suppressed) == (
        "AM702", "O1", "out of scope"
    )
    (unused,) = [f for f in found if f.code == "AM901"]
    assert unused.node == "C1"
    assert "AM301" in unused.message
    assert unused.line == 6


# --- robustness -----------------------------------------------------------------------------


def _crashing_rule() -> Any:
    def check(ctx: RuleContext) -> Iterator[Problem]:
        yield Problem("fine", node=ctx.map.claims[0].id, kind="claims")
        raise ZeroDivisionError

    return SimpleNamespace(CODE="AM299", ID="crashes", SEVERITY=Severity.WARNING, OPTIONS={},
                           check=check)


def test_a_crashing_rule_becomes_am000(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.rules

    rules = (*load_rules(), _crashing_rule())
    monkeypatch.setattr(argmap.rules, "load_rules", lambda: rules)
    found = argmap.check(write(tmp_path, BROKEN))
    (crash,) = [f for f in found if f.code == "AM000"]
    assert "AM299 (crashes) crashed: ZeroDivisionError" in crash.message
    assert "Traceback" in crash.data["traceback"]
    assert any(f.code == "AM202" for f in found)  # the other rules still ran


IDS = st.sampled_from(["T1", "P1", "P2", "O1", "E1", "S1", "R1", "R2", "X", "Q1"])
KINDS = st.sampled_from(["thesis", "claim", "premise", "assumption", "objection"])
TEXTS = st.sampled_from(["Cats purr.", "cats  PURR.", "Dogs bark.", "x"])


@st.composite
def broken_maps(draw: st.DrawFn) -> dict[str, Any]:
    claims = [
        {"id": draw(IDS), "kind": draw(KINDS), "text": draw(TEXTS),
         "evidence": draw(st.lists(IDS, max_size=2))}
        for _ in range(draw(st.integers(0, 6)))
    ]
    relations = [
        {"id": draw(IDS), "type": draw(st.sampled_from(["supports", "attacks", "undercuts"])),
         "from": draw(st.lists(IDS, min_size=1, max_size=3)), "to": draw(IDS),
         "linked": draw(st.booleans())}
        for _ in range(draw(st.integers(0, 8)))
    ]
    evidence = [
        {"id": draw(IDS), "source": draw(IDS), **({"via": draw(IDS)} if draw(st.booleans())
                                                 else {})}
        for _ in range(draw(st.integers(0, 3)))
    ]
    sources = [{"id": draw(IDS)} for _ in range(draw(st.integers(0, 3)))]
    data: dict[str, Any] = {"title": "fuzz", "claims": claims, "relations": relations,
                            "evidence": evidence, "sources": sources}
    if draw(st.booleans()):
        data["subject"] = draw(IDS)
    # suppressions only on nodes with a unique ID until the crash in
    # test_unused_suppression_on_a_duplicate_id_does_not_crash is fixed (a segfault would
    # take the whole test run down)
    nodes = claims + relations
    for item in draw(st.lists(st.sampled_from(nodes), max_size=2)) if nodes else []:
        item["ignore"] = [{"code": draw(st.sampled_from(["AM202", "AM209", "AM701"])),
                           "reason": "fuzz"}]
    return data


def test_unused_suppression_on_a_duplicate_id_does_not_crash(tmp_path: Path) -> None:
    # regression: locating a key the first node of a duplicated ID lacks crashed ryml (NPOS)
    path = write(tmp_path, """\
title: t
claims:
  - {id: T1, kind: thesis, text: a}
  - {id: T1, text: b, ignore: [{code: AM301, reason: r}]}
""")
    code = "import sys, argmap; argmap.check(sys.argv[1])"
    done = subprocess.run([sys.executable, "-c", code, str(path)], check=False,
                          capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-300:]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_maps())
def test_check_never_raises_on_a_loadable_map(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        found = argmap.check(path)  # goes through the loader, so locations are exercised
    assert not [f for f in found if f.code == "AM000"], [f.message for f in found]
    assert all(f.code.startswith("AM") for f in found)
    labels = argmap.grounded_labelling(argmap.ArgumentMap.model_validate(data))
    assert set(labels) == {c["id"] for c in data["claims"]}
    assert set(labels.values()) <= {"in", "out", "undecided"}
