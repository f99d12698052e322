"""One big map's rules in forked processes (``_engine/split``): the output never changes.

The split is forced here on every map of the repository (``ARGMAP_SPLIT_MIN_NODES=0``) and
its report and cache entry compared with a check in one process; a child that is killed,
exits early or sends nothing leaves its rules to the parent; ``--jobs 1`` never forks.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from argmap._engine import split
from argmap._engine.cache import CheckCache
from argmap._engine.config import DEFAULT_CONFIG
from argmap._engine.pool import can_fork
from argmap._engine.run import check_paths
from argmap._load.limits import DEFAULT_LIMITS
from argmap._verify.index import MapIndex
from argmap.cli import cli
from argmap.rules import REGISTRY
from split_report import children, report

ROOT = Path(__file__).resolve().parent.parent
MAP_FOLDERS = sorted(
    {
        path.parent
        for folder in ("claims", "examples", "tests/example-maps", "tests/fix-maps",
                       "tests/bad-inputs")
        for pattern in ("map.yaml", "map.json", "*.argdown")
        for path in (ROOT / folder).rglob(pattern)
        # but for one stress input of the number grammar that takes seconds to check
        if path.parent.name != "grammar-hyphen-joined-digits"
    }
)
#: Every map with findings (the good examples have none, and the split is the same code)
SPLIT_FOLDERS = [folder for folder in MAP_FOLDERS if folder.name != "good"]
CODES = list(REGISTRY)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Every map is split; the list holds one entry per fork."""
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")
    made: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    yield made
    assert not children(), "a child was left behind"


@pytest.mark.skipif(not can_fork(), reason="no safe fork on this platform")
def test_a_split_check_reports_and_caches_what_one_process_does(
    forks: list[int], tmp_path: Path
) -> None:
    for number, folder in enumerate(SPLIT_FOLDERS):
        one = report(folder, 1, tmp_path / f"one-{number}")
        assert report(folder, 2, tmp_path / f"split-{number}") == one, folder
    assert len(forks) > 50  # every map that loads is split


def _crashing(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Rule AM401 (in the group a child runs) ends its process, in a child only."""
    from argmap.rules import am401_quote_not_found as rule

    parent = os.getpid()
    check = rule.check

    def crash(ctx: Any) -> Any:
        if os.getpid() != parent:
            if how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(3)
        return check(ctx)

    monkeypatch.setattr(rule, "check", crash)


@pytest.mark.skipif(not can_fork(), reason="no safe fork on this platform")
@pytest.mark.parametrize("how", ["kill", "exit"])
def test_a_child_that_dies_leaves_its_rules_to_the_parent(
    forks: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    folder = ROOT / "tests" / "example-maps" / "AM401" / "bad"
    one = report(folder, 1, tmp_path / "one")
    _crashing(monkeypatch, how)
    assert report(folder, 2, tmp_path / "split") == one
    assert forks
    assert '"AM401"' in one[0]


@pytest.mark.skipif(not can_fork(), reason="no safe fork on this platform")
def test_a_rule_that_raises_in_a_child_is_am000_as_in_one_process(
    forks: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from argmap.rules import am401_quote_not_found as rule

    def broken(ctx: Any) -> Any:  # noqa: ARG001 - a rule's signature
        raise ValueError("broken on purpose")

    monkeypatch.setattr(rule, "check", broken)
    folder = ROOT / "tests" / "example-maps" / "AM401" / "bad"
    one = report(folder, 1, tmp_path / "one")
    assert report(folder, 2, tmp_path / "split") == one
    assert forks
    assert "AM000" in one[0]


def test_one_job_never_forks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARGMAP_SPLIT_MIN_NODES", "0")

    def no_fork() -> int:
        raise AssertionError("forked with one job")

    monkeypatch.setattr(os, "fork", no_fork)
    folder = ROOT / "claims" / "fiia-298"
    check_paths([folder], jobs=1, keep_contexts=False)
    check_paths([folder], jobs=1, cache=CheckCache(tmp_path, DEFAULT_CONFIG, DEFAULT_LIMITS))
    monkeypatch.setenv("ARGMAP_JOBS", "1")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", str(folder)],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output


def test_a_small_map_is_not_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_SPLIT_MIN_NODES", raising=False)

    def no_fork() -> int:
        raise AssertionError("forked for a small map")

    monkeypatch.setattr(os, "fork", no_fork)
    check_paths([ROOT / "claims" / "fiia-298"], jobs=4, keep_contexts=False)


# --- the groups --------------------------------------------------------------------------------


@given(picked=st.sets(st.sampled_from(CODES)), count=st.integers(1, 6))
def test_groups_hold_every_rule_once_and_never_cut_a_family(
    picked: set[str], count: int
) -> None:
    codes = [code for code in CODES if code in picked]
    parts = split.groups(codes, count)
    assert sorted(code for part in parts for code in part) == sorted(codes)
    assert len(parts) <= count
    assert all(part and part == sorted(part, key=codes.index) for part in parts)
    for family in split.FAMILIES:
        assert sum(1 for part in parts if family & set(part)) <= 1


def test_two_groups_of_all_rules_however_many_jobs() -> None:
    """The figures and dates family is most of the rules' cost: a third process would not
    end the run sooner, only copy more memory."""
    heavy, light = split.groups(CODES, 2)
    assert split.FAMILIES[0] <= set(heavy)
    assert split.FAMILIES[1] <= set(light)
    assert split.groups(CODES, 8) == [heavy, light]
    assert split.groups(CODES, 1) == [CODES]


#: Memoised values that two families may each compute: cheap next to the rules around them.
CHEAP_TO_SHARE = {
    "MapIndex._snapshot",  # reading a snapshot file; AM301 reads the few its figures cite
}


def test_no_memoised_value_is_read_by_two_families(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules that share a memoised value run in one process, else it is computed twice."""
    reads: dict[object, set[str]] = {}
    current = [""]
    memo = MapIndex.memo

    def traced(self: MapIndex, key: Any, compute: Any) -> Any:
        reads.setdefault(key[0] if type(key) is tuple else key, set()).add(current[0])
        return memo(self, key, compute)

    monkeypatch.setattr(MapIndex, "memo", traced)
    from argmap.rules import load_rules

    for rule in load_rules():
        monkeypatch.setattr(rule, "check", _tracing(rule.CODE, rule.check, current))
    check_paths(MAP_FOLDERS, jobs=1)
    family_of = {code: index for index, family in enumerate(split.FAMILIES) for code in family}
    for owner, codes in reads.items():
        codes.discard("")
        if getattr(owner, "__qualname__", None) in CHEAP_TO_SHARE:
            continue
        families = {family_of.get(code, code) for code in codes}
        assert len(families) <= 1, (owner, sorted(codes))


def _tracing(code: str, check: Any, current: list[str]) -> Any:
    def traced(ctx: Any) -> Any:
        current[0] = code
        yield from check(ctx)
        current[0] = ""

    return traced


def test_findings_come_back_from_a_pickle_whole() -> None:
    """A child sends findings pickled; every field comes back, the uncompared ones too."""
    import pickle

    folders = [folder for folder in SPLIT_FOLDERS if folder.parent.name != "bad-inputs"]
    findings = list(check_paths(folders, jobs=1, keep_contexts=False).findings)
    assert any(finding.fix for finding in findings)
    assert any(finding.related for finding in findings)
    back = pickle.loads(pickle.dumps(findings, pickle.HIGHEST_PROTOCOL))  # noqa: S301 - ours
    assert [repr(finding) for finding in back] == [repr(finding) for finding in findings]
    assert [finding.to_dict() for finding in back] == [finding.to_dict() for finding in findings]
