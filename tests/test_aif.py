"""AIF JSON in and out: every nodeset of ../shared/interop/aif (when present) and the committed
fixtures import, round-trip to an equal model, and export to an isomorphic nodeset."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._findings import Severity
from argmap._interop.aif_write import dumps_aif

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "aif").glob("*.json"))
CORPUS_DIR = Path(__file__).parents[2] / "shared" / "interop" / "aif"
CORPUS = sorted(CORPUS_DIR.glob("*.json")) if CORPUS_DIR.is_dir() else []
ALL = FIXTURES + CORPUS
#: Rule families whose errors would be the import's fault: file/schema, references and graph,
#: argumentation. AM3xx (uncited figures and dates) are about the text: AIF carries no sources.
IMPORT_FAMILIES = ("AM1", "AM2", "AM7", "AM000")


def _graph(aif: dict[str, Any]) -> tuple[Counter[tuple[str, str, str]], Counter[tuple[str, str]]]:
    """Nodes as (nodeID, type, text) and edges as (fromID, toID): the graph, IDs included."""
    nodes = Counter((str(n["nodeID"]), n["type"], n.get("text")) for n in aif["nodes"])
    edges = Counter((str(e["fromID"]), str(e["toID"])) for e in aif["edges"])
    return nodes, edges


def _round_trip(path: Path, tmp_path: Path) -> tuple[argmap.ArgumentMap, argmap.ArgumentMap, str]:
    first = argmap.load(path)
    text = dumps_aif(first)
    out = tmp_path / path.name  # same name: the title names the nodeset
    out.write_text(text, encoding="utf-8")
    second = argmap.load(out)
    return first, second, text


def _id(path: Path) -> str:
    return path.name if path in FIXTURES else f"corpus/{path.name}"


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_round_trip(path: Path, tmp_path: Path) -> None:
    first, second, text = _round_trip(path, tmp_path)
    assert first == second
    original = json.loads(path.read_text(encoding="utf-8"))
    assert _graph(json.loads(text)) == _graph(original)
    assert dumps_aif(second) == text  # deterministic, and stable after one trip
    for key in original:
        if key not in ("nodes", "edges") and original[key] != []:
            assert json.loads(text)[key] == original[key]


@pytest.mark.parametrize("path", ALL, ids=_id)
def test_no_error_caused_by_the_import(path: Path) -> None:
    findings = argmap.check(path)
    caused = [f for f in findings
              if f.severity is Severity.ERROR and f.code.startswith(IMPORT_FAMILIES)]
    assert caused == []
    assert all(f.file == str(path) or f.file.endswith(path.name) for f in findings if f.file)


def test_the_corpus_counts() -> None:
    """Print what the corpus holds and what it became (docs/interop.md lists these)."""
    if not CORPUS:
        pytest.skip("../shared/interop/aif is not present on this machine")
    nodes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    linked = 0
    for path in CORPUS:
        raw = json.loads(path.read_text(encoding="utf-8"))
        nodes.update(n["type"] for n in raw["nodes"])
        loaded = argmap.load(path)
        kinds.update(c.kind.value for c in loaded.claims)
        relations.update(r.type.value for r in loaded.relations)
        linked += sum(r.linked for r in loaded.relations)
        findings.update(f"{f.code} {f.severity.name.lower()}" for f in argmap.check(loaded))
    report = "\n".join([
        f"AIF corpus: {len(CORPUS)} nodesets; nodes {dict(sorted(nodes.items()))}",
        f"claims {sum(kinds.values())} {dict(sorted(kinds.items()))}",
        f"relations {sum(relations.values())} {dict(sorted(relations.items()))}, "
        f"linked {linked}",
        f"check findings {dict(sorted(findings.items()))}",
    ])
    print("\n" + report)  # noqa: T201 - the counts are this test's report (pytest -s)
    assert len(CORPUS) == 82
    assert sum(kinds.values()) == nodes["I"]
    assert relations["supports"] == nodes["RA"]  # one conclusion per RA in this corpus


def test_dialogue_layer_and_relations() -> None:
    loaded = argmap.load(FIXTURES[[p.name for p in FIXTURES].index("dialogue.json")])
    types = {r.id: (r.type.value, r.from_, r.to, r.linked, r.scheme) for r in loaded.relations}
    assert types["4"] == ("supports", ["2", "3"], "1", True, "PracticalReasoning")
    assert types["6"] == ("attacks", ["5"], "1", False, None)
    assert types["8"] == ("undercuts", ["7"], "4", False, None)
    assert types["10"] == ("rephrases", ["9"], "2", False, None)
    assert types["11"] == ("prefers", ["4"], "6", False, None)
    kept = loaded.data["aif"]
    assert sorted(n["type"] for n in kept["nodes"]) == ["L", "L", "TA", "YA", "YA"]
    assert len(kept["locutions"]) == 2
    assert "participants" in kept
    assert [c.id for c in loaded.claims if c.kind.value == "thesis"] == ["1"]
    assert "marked as theses (1)" in (loaded.description or "")
    assert next(c for c in loaded.claims if c.text.startswith("Parking")).id == "a-b"


def test_defects_are_findings_at_their_place() -> None:
    path = FIXTURES[[p.name for p in FIXTURES].index("defects.json")]
    found = sorted((f.code, f.line, f.column) for f in argmap.check(path)
                   if f.code in ("AM128", "AM129", "AM130"))
    assert found == [("AM128", 14, 7), ("AM129", 7, 17), ("AM130", 6, 7), ("AM130", 8, 67)]


def test_a_map_json_is_not_taken_for_aif(tmp_path: Path) -> None:
    (tmp_path / "map.json").write_text(json.dumps(
        {"title": "t", "claims": [{"id": "T1", "kind": "thesis", "text": "x"}]}),
        encoding="utf-8")
    assert argmap.load(tmp_path).title == "t"


_NODE = st.fixed_dictionaries(
    {"nodeID": st.sampled_from(["1", "2", "3", "4", "5", 6, "a b", ""]),
     "type": st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "XA"]),
     "text": st.sampled_from(["a claim", "", "RA", "Default Inference"])},
    optional={"scheme": st.sampled_from(["Example", ""])},
)
_EDGE = st.fixed_dictionaries(
    {"edgeID": st.integers(0, 99),
     "fromID": st.sampled_from(["1", "2", "3", "4", "5", "6", "a b", "99", 7]),
     "toID": st.sampled_from(["1", "2", "3", "4", "5", "6", "a b", "99"])})


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(nodes=st.lists(_NODE | st.integers(), max_size=8),
       edges=st.lists(_EDGE | st.none(), max_size=10))
def test_any_nodeset_imports_and_round_trips(tmp_path: Path, nodes: list[Any],
                                             edges: list[Any]) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    first = argmap.load(path)
    argmap.check(first)
    out = tmp_path / "out" / "x.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(dumps_aif(first), encoding="utf-8")
    assert argmap.load(out) == first


ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize("folder", ["claims/fiia-298", "examples/bike-lanes"])
def test_an_argmap_map_survives_aif(folder: str, tmp_path: Path) -> None:
    """What AIF has no place for rides under `argmap` keys, so the map comes back whole."""
    first = argmap.load(ROOT / folder)
    out = tmp_path / "map-as.json"
    out.write_text(dumps_aif(first), encoding="utf-8")
    assert argmap.load(out) == first
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    assert sum(n["type"] == "I" for n in nodes) == len(first.claims)


def test_convert_writes_and_reads_aif(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from argmap.cli import cli

    source = FIXTURES[[p.name for p in FIXTURES].index("dialogue.json")]
    out = tmp_path / "dialogue.aif.json"
    result = CliRunner().invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _graph(json.loads(out.read_text(encoding="utf-8"))) == _graph(
        json.loads(source.read_text(encoding="utf-8")))
    back = tmp_path / "back"
    result = CliRunner().invoke(cli, ["convert", str(out), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert argmap.load(back) == argmap.load(source)
