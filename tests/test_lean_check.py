"""A plain ``argmap check`` drops what it no longer needs, and reports exactly the same.

Once the models are built the parsed data is pruned to its outline (findings are located by
reading again only the items they name), and each memoised value is dropped after the last
rule that reads it. Checked here: every node is located at the same line and column after
the prune, in block-style YAML, flow-style YAML and JSON maps; the lean run's findings equal
the full run's; and the table of last readers matches the memo reads of every map here.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._engine import lifetimes
from argmap._engine.lifetimes import LAST_READERS, _resolve, releases
from argmap._engine.run import check_paths
from argmap._load.loader import find_map_file, load
from argmap._verify.index import MapIndex
from tree_paths import tree_paths

ROOT = Path(__file__).resolve().parent.parent
MAP_FOLDERS = sorted(
    {
        path.parent
        for folder in ("claims", "examples", "tests/example-maps", "tests/fix-maps")
        for path in (ROOT / folder).rglob("map.yaml")
    }
)


def _loads(folder: Path) -> Any:
    map_file = find_map_file(folder)
    assert map_file is not None
    return load(map_file)


def _same_locations(folder: Path) -> int:
    """Every node of the map, key and value, located with the data and after the prune."""
    kept = _loads(folder).origin
    pruned = _loads(folder).origin
    assert kept is not None
    assert pruned is not None
    data = kept.combined_data()
    pruned.release_data(always=True)
    count = 0
    for path in tree_paths(data):
        for part in ("value", "key"):
            assert pruned.locate_path(path, part) == kept.locate_path(path, part), (path, part)  # type: ignore[arg-type]
            count += 1
    for collection in ("claims", "evidence", "relations", "sources"):
        for item in data.get(collection) or []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                assert pruned.path_of(item["id"], collection) == kept.path_of(item["id"],
                                                                              collection)
                assert pruned.locate(item["id"], "text") == kept.locate(item["id"], "text")
    return count


def _flow_yaml(data: Any) -> str:
    """Block style at the top, each item of a top-level list one flow mapping on its line
    (plain keys, JSON-quoted values): the style the scan reads item by item."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}"
                                      for k, v in item.items())
                    lines.append(f"  - {{{inner}}}")
                else:
                    lines.append(f"  - {json.dumps(item, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _variant(folder: Path, tmp_path: Path, style: str) -> Path:
    """A copy of a map folder with its map (and sources file) rewritten in ``style``."""
    target = tmp_path / style / "-".join(folder.relative_to(ROOT).parts)
    shutil.copytree(folder, target)
    for name in ("map", "sources"):
        source = target / f"{name}.yaml"
        if not source.exists():
            continue
        data = yaml_rs.loads(source.read_text(encoding="utf-8"), parse_datetime=False)
        source.unlink()
        if style == "json":
            (target / f"{name}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False),
                                                 encoding="utf-8")
        elif style == "flow" and isinstance(data, dict):
            source.write_text(_flow_yaml(data), encoding="utf-8")
        else:  # one flow collection over several lines, as JSON writes it
            source.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return target


def test_every_node_is_located_the_same_after_the_prune() -> None:
    count = sum(_same_locations(folder) for folder in MAP_FOLDERS)
    assert count > 10_000


@pytest.mark.parametrize("style", ["json", "flow", "flow-lines"])
def test_json_and_flow_maps_are_located_the_same_after_the_prune(
    style: str, tmp_path: Path
) -> None:
    folders = [ROOT / "examples" / "bike-lanes", ROOT / "claims" / "fiia-298",
               *sorted((ROOT / "tests" / "example-maps").glob("AM4*/bad"))[:6]]
    for folder in folders:
        _same_locations(_variant(folder, tmp_path, style))


def _run(paths: list[Path], *, lean: bool) -> list[Any]:
    # keep_contexts=False checks each map as a worker does (check_one): the lean run
    run = check_paths(paths, jobs=1, keep_contexts=not lean)
    return [(f.to_dict(), run.line_text(f.location) if f.location else "")
            for f in run.findings]


def test_a_lean_check_reports_what_a_full_check_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lifetimes, "DROP_FROM_NODES", 0)  # every map drops its values
    folders = [*MAP_FOLDERS, *(_variant(folder, tmp_path, style)
                               for folder in MAP_FOLDERS[::7] for style in ("json", "flow"))]
    assert _run(folders, lean=True) == _run(folders, lean=False)


_SAMPLE = (ROOT / "examples" / "bike-lanes" / "map.yaml").read_text(encoding="utf-8")


@settings(max_examples=max(40, settings().max_examples // 4))
@given(
    picks=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(["value", "key"])),
                   min_size=1, max_size=8),
    order=st.booleans(),
)
def test_pruned_answers_do_not_depend_on_what_was_asked_before(
    picks: list[tuple[int, str]], order: bool
) -> None:
    """Located items are remembered; asking in any order gives the same answers."""
    from argmap._load.positions import PositionIndex

    data = yaml_rs.loads(_SAMPLE, parse_datetime=False)
    paths = list(tree_paths(data))
    kept = PositionIndex("m.yaml", _SAMPLE)
    kept.scan_with(data)
    pruned = PositionIndex("m.yaml", _SAMPLE)
    pruned.scan_with(data)
    pruned.prune()
    asked = [(paths[i % len(paths)], part) for i, part in picks]
    for path, part in (reversed(asked) if order else asked):
        assert pruned.locate(path, part) == kept.locate(path, part)  # type: ignore[arg-type]


# --- the memo's lifetimes ---------------------------------------------------------------------


def test_every_owner_in_the_table_exists() -> None:
    for name in LAST_READERS:
        assert _resolve(name) is not None, name
    assert sum(len(owners) for owners in releases().values()) == len(LAST_READERS)


def test_no_rule_reads_a_value_after_its_last_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dropping early is never wrong (a value asked for again is computed again), but it
    would be slow: the table must name, for each owner, the last rule that reads it."""
    from argmap._engine import run

    reads: dict[object, set[str]] = {}
    current: list[str] = [""]
    memo = MapIndex.memo

    def traced(self: MapIndex, key: Any, compute: Any) -> Any:
        owner = key[0] if type(key) is tuple else key
        reads.setdefault(owner, set()).add(current[0])
        return memo(self, key, compute)

    def tracing(ctx: Any, config: Any, rules: Any, **kwargs: Any) -> Any:
        def wrap(rule: Any) -> Any:
            class Traced:
                CODE, ID, SEVERITY, OPTIONS = rule.CODE, rule.ID, rule.SEVERITY, rule.OPTIONS

                @staticmethod
                def check(c: Any) -> Iterator[Any]:
                    current[0] = rule.CODE
                    yield from rule.check(c)
                    current[0] = ""

            return Traced

        return original(ctx, config, [wrap(rule) for rule in rules], **kwargs)

    original = run._check_loaded  # noqa: SLF001 - the engine's loop is traced
    monkeypatch.setattr(MapIndex, "memo", traced)
    monkeypatch.setattr(run, "_check_loaded", tracing)
    check_paths(MAP_FOLDERS, jobs=1)
    last = {owner: code for code, owners in releases().items() for owner in owners}
    for owner, codes in reads.items():
        if owner in last:
            assert max(codes) <= last[owner], (owner, sorted(codes))


def _kept_contexts(monkeypatch: pytest.MonkeyPatch) -> list[MapIndex]:
    """The rule context of each map checked from now on (a lean run keeps none)."""
    from argmap._engine import run

    kept: list[MapIndex] = []
    original = run._run  # noqa: SLF001 - the engine's run is watched

    def keeping(argmap: Any, config: Any, **options: Any) -> Any:
        findings, ctx = original(argmap, config, **options)
        kept.append(ctx)
        return findings, ctx

    monkeypatch.setattr(run, "_run", keeping)
    return kept


def test_a_lean_run_drops_the_owners_it_is_done_with(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = _kept_contexts(monkeypatch)
    monkeypatch.setattr(lifetimes, "DROP_FROM_NODES", 0)
    check_paths([ROOT / "claims" / "fiia-298"], jobs=1, keep_contexts=False)
    check_paths([ROOT / "claims" / "fiia-298"], jobs=1)
    lean, full = kept
    dropped = set().union(*releases().values())
    assert _owners(full) & dropped  # the full run keeps them ...
    assert not _owners(lean) & dropped  # ... the lean run does not


def test_a_lean_run_of_a_small_map_drops_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under DROP_FROM_NODES nodes, freeing the values would cost time and lower no peak
    worth it: the lean run keeps what the full run keeps."""
    kept = _kept_contexts(monkeypatch)
    folder = ROOT / "claims" / "fiia-298"
    assert lifetimes.nodes(_loads(folder)) < lifetimes.DROP_FROM_NODES
    check_paths([folder], jobs=1, keep_contexts=False)
    check_paths([folder], jobs=1)
    lean, full = kept
    assert _owners(lean) == _owners(full)
    assert _owners(lean) & set().union(*releases().values())


def test_what_a_group_read_last_is_dropped_when_the_next_group_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A group's last rules' values stay while nothing runs after them in the process (a
    split child, the last group), and go before the next group's first rule."""
    from argmap._engine import run
    from argmap._engine.context import RuleContext
    from argmap.rules import load_rules

    monkeypatch.setattr(lifetimes, "DROP_FROM_NODES", 0)
    by_code = {rule.CODE: rule for rule in load_rules()}
    ctx = RuleContext(_loads(ROOT / "claims" / "fiia-298"))
    locate = run._Locator(ctx.map)  # noqa: SLF001 - the engine's loop is under test

    def group(*codes: str) -> None:
        run._run_rules(ctx, [by_code[code] for code in codes], run.DEFAULT_CONFIG, locate,  # noqa: SLF001
                       lean=True)

    anchorings = releases()["AM421"]
    group("AM401", "AM421")
    assert anchorings <= _owners(ctx)  # read by the group's last rule: kept for now
    assert ctx.spent >= anchorings
    group("AM301", "AM302")
    assert not anchorings & _owners(ctx)  # the next group let them go first
    assert not releases()["AM301"] & _owners(ctx)  # and dropped its own in turn
    assert releases()["AM302"] <= ctx.spent


def _owners(index: MapIndex) -> set[object]:
    memo = index._memo  # noqa: SLF001 - what the memo holds is under test
    return {key[0] if type(key) is tuple else key for key in memo}


def test_forget_drops_only_the_owners_named() -> None:
    argmap = _loads(ROOT / "examples" / "bike-lanes")
    index = MapIndex(argmap)

    def one() -> int:
        return 1

    def two() -> int:
        return 2

    index.memo((one, "a"), one)
    index.memo(one, one)
    index.memo((two, "b"), two)
    index.forget(frozenset({one}))
    assert _owners(index) == {two}
    assert index.memo((one, "a"), lambda: 3) == 3  # asked again: computed again


def test_the_last_map_is_left_to_the_exit_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI ends with os._exit: the last map of a lean check is kept from being freed, one
    map at a time; the findings do not change."""
    from argmap._engine import run
    from argmap._model import ArgumentMap

    folder = Path(__file__).parent / "example-maps" / "AM201"
    maps = [folder / "bad", folder / "good"]
    monkeypatch.setattr(run, "_LAST_MAP", None)
    before = check_paths([str(path) for path in maps], keep_contexts=False).findings
    assert run._LAST_MAP is None  # noqa: SLF001 - the switch under test
    run.free_last_map_at_exit()
    after = check_paths([str(path) for path in maps], keep_contexts=False).findings
    kept = run._LAST_MAP  # noqa: SLF001 - the switch under test
    assert after == before
    assert kept is not None
    assert len(kept) == 2
    assert isinstance(kept[0], ArgumentMap)
    assert kept[0].origin is not None
    assert kept[0].origin.map_file.path.parent == maps[-1]
    # the next map's check lets the one before go before it loads, so two are never held
    collector = run._Collector(run.DEFAULT_CONFIG, run.DEFAULT_LIMITS, lean=True)  # noqa: SLF001
    collector.map_at(maps[0] / "map.yaml")
    assert kept[0].origin.map_file.path.parent == maps[0]
    monkeypatch.setattr(run, "_LAST_MAP", None)
