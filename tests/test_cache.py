"""The result cache and the worker pool of ``argmap check`` (issue 19).

Both must be invisible in the output: a stored or pooled result prints byte for byte what a
fresh check in one process prints, and anything that could change a result (a file's
content, a new file beside the map, the configuration, argmap's own code) makes the cache
check the map again. An entry is untrusted input: whatever it holds, the run is right.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._cachedir import user_cache_dir
from argmap._engine import cache as cache_module
from argmap._engine import run as run_module
from argmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("full", "concise", "json", "sarif", "github")


def _check(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)
    finally:
        os.chdir(previous)
    return result.exit_code, result.output


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("check/*/*.json"))


@pytest.fixture
def bike(tmp_path: Path) -> Path:
    """A copy of the example map, to change files in."""
    folder = tmp_path / "bike-lanes"
    shutil.copytree(ROOT / "examples" / "bike-lanes", folder)
    return folder


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_stored_result_prints_what_a_fresh_check_prints(
    output_format: str, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    fresh = _check("--no-cache", "-f", output_format, "claims", "examples", cwd=ROOT)
    first = _check("--cache-dir", str(cache), "-f", output_format, "claims", "examples",
                   cwd=ROOT)
    assert len(_entries(cache)) == 4  # one entry per map: three in claims/, one example
    stored = _check("--cache-dir", str(cache), "-f", output_format, "claims", "examples",
                    cwd=ROOT)
    assert fresh == first == stored


def test_a_stored_result_is_used(tmp_path: Path, bike: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _check("--cache-dir", str(cache), str(bike))
    calls: list[Path] = []
    real = run_module.check_one

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(run_module, "check_one", counting)
    _check("--cache-dir", str(cache), str(bike))
    assert calls == []  # nothing was checked again
    (bike / "map.yaml").write_bytes((bike / "map.yaml").read_bytes() + b"\n")
    _check("--cache-dir", str(cache), str(bike))
    assert len(calls) == 1


def test_no_cache_writes_nothing(tmp_path: Path, bike: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _check("--no-cache", "--cache-dir", str(cache), str(bike))
    monkeypatch.setenv("ARGMAP_NO_CACHE", "1")
    _check("--cache-dir", str(cache), str(bike))
    assert not cache.exists()


def _changes(bike: Path) -> dict[str, object]:
    snapshot = next((bike / "snapshots").iterdir())
    return {
        "snapshot": lambda: snapshot.write_text(
            snapshot.read_text(encoding="utf-8").replace("2", "3"), encoding="utf-8"
        ),
        "map": lambda: (bike / "map.yaml").write_text(
            (bike / "map.yaml").read_text(encoding="utf-8") + "\n# a comment\n",
            encoding="utf-8",
        ),
        "missing snapshot": snapshot.unlink,
        "new file": lambda: (bike / "notes.txt").write_text("x", encoding="utf-8"),
    }


@pytest.mark.parametrize("change", ["snapshot", "map", "missing snapshot", "new file"])
def test_any_change_to_what_the_check_read_checks_again(
    change: str, tmp_path: Path, bike: Path
) -> None:
    cache = tmp_path / "cache"
    _check("--cache-dir", str(cache), "-f", "json", str(bike))
    _changes(bike)[change]()  # type: ignore[operator]
    after = _check("--cache-dir", str(cache), "-f", "json", str(bike))
    assert after == _check("--no-cache", "-f", "json", str(bike))
    if change in {"snapshot", "missing snapshot"}:
        before = _check("--no-cache", "-f", "json", str(ROOT / "examples" / "bike-lanes"))
        assert json.loads(after[1]) != json.loads(before[1])  # the change shows


def test_a_file_that_was_missing_and_appears_checks_again(tmp_path: Path, bike: Path) -> None:
    cache = tmp_path / "cache"
    snapshot = next((bike / "snapshots").iterdir())
    kept = snapshot.read_bytes()
    snapshot.unlink()
    missing = _check("--cache-dir", str(cache), "-f", "json", str(bike))
    snapshot.write_bytes(kept)
    present = _check("--cache-dir", str(cache), "-f", "json", str(bike))
    assert present == _check("--no-cache", "-f", "json", str(bike))
    assert present != missing


def test_configuration_is_part_of_the_key(tmp_path: Path, bike: Path) -> None:
    cache = tmp_path / "cache"
    everything = _check("--cache-dir", str(cache), "-f", "json", str(bike))
    only = _check("--cache-dir", str(cache), "-f", "json", "--select", "AM2", str(bike))
    assert only == _check("--no-cache", "-f", "json", "--select", "AM2", str(bike))
    assert only != everything
    assert len(_entries(cache)) == 2


def test_entries_of_other_code_are_pruned(tmp_path: Path, bike: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _check("--cache-dir", str(cache), str(bike))
    [old] = _entries(cache)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "edited-code")
    _check("--cache-dir", str(cache), str(bike))
    [new] = _entries(cache)
    assert new.parent.name == "edited-code"
    assert not old.exists()


@settings(max_examples=40)
@given(
    garbage=st.one_of(
        st.binary(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda inner: st.lists(inner, max_size=4)
            | st.dictionaries(st.text(max_size=8), inner, max_size=4),
            max_leaves=12,
        ).map(lambda value: json.dumps(value).encode()),
    )
)
def test_a_corrupt_entry_is_ignored_and_rewritten(garbage: bytes, tmp_path_factory:
                                                  pytest.TempPathFactory) -> None:
    cache = tmp_path_factory.mktemp("cache")
    bike = tmp_path_factory.mktemp("map") / "bike-lanes"
    shutil.copytree(ROOT / "examples" / "bike-lanes", bike)
    expected = _check("--no-cache", "-f", "json", str(bike))
    _check("--cache-dir", str(cache), str(bike))
    [entry] = _entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(garbage)
    assert _check("--cache-dir", str(cache), "-f", "json", str(bike)) == expected
    assert entry.read_bytes() == good


def test_an_entry_with_its_fields_swapped_is_ignored(tmp_path: Path, bike: Path) -> None:
    """Right shape, wrong types inside: a finding whose line is a string, a related note
    of the wrong length, a severity that does not exist."""
    cache = tmp_path / "cache"
    expected = _check("--no-cache", "-f", "json", str(bike))
    _check("--cache-dir", str(cache), str(bike))
    [entry] = _entries(cache)
    stored = json.loads(entry.read_text(encoding="utf-8"))
    assert stored["findings"], "the example map has findings to tamper with"
    for tamper in (
        lambda f: f.update(location=[f["location"][0], "1", 1, None, None]),
        lambda f: f.update(related=[["only a message"]]),
        lambda f: f.update(severity=99),
        lambda f: f.pop("code"),
    ):
        broken = json.loads(json.dumps(stored))
        tamper(broken["findings"][0])
        entry.write_text(json.dumps(broken), encoding="utf-8")
        assert _check("--cache-dir", str(cache), "-f", "json", str(bike)) == expected


def test_an_unwritable_cache_folder_does_not_stop_the_check(tmp_path: Path, bike: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, output = _check("--cache-dir", str(blocker / "cache"), "-f", "json", str(bike))
    assert (code, output) == _check("--no-cache", "-f", "json", str(bike))


def test_concurrent_runs_share_a_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "argmap", "check", "--cache-dir", str(cache), "-f",
               "json", "claims", "examples"]
    env = {**os.environ, "ARGMAP_JOBS": "1"}
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, env=env)
            for _ in range(4)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    fresh = subprocess.run([*command[:4], "--no-cache", *command[6:]], cwd=ROOT,
                           capture_output=True, env=env, check=False).stdout
    assert outputs == [fresh] * 4
    assert len(_entries(cache)) == 4
    assert not list(cache.glob("check/*/.entry-*"))  # no temporary file left behind


@pytest.mark.parametrize("output_format", ["full", "json"])
def test_many_workers_print_what_one_process_prints(output_format: str) -> None:
    one = _check("--no-cache", "-j", "1", "-f", output_format, "claims", "examples", cwd=ROOT)
    two = _check("--no-cache", "-j", "2", "-f", output_format, "claims", "examples", cwd=ROOT)
    assert one == two


def test_a_broken_pool_leaves_the_maps_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            raise BrokenProcessPool("no processes here")

    expected = _check("--no-cache", "-j", "1", "-f", "json", "claims", "examples", cwd=ROOT)
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Broken)
    assert _check("--no-cache", "-j", "2", "-f", "json", "claims", "examples",
                  cwd=ROOT) == expected


def test_the_cache_folder_is_the_users(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ARGMAP_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert user_cache_dir() == tmp_path / ".cache" / "argmap"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "argmap"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # the spec says: ignore a relative path
    assert user_cache_dir() == tmp_path / ".cache" / "argmap"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert user_cache_dir() == tmp_path / "Library" / "Caches" / "argmap"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert user_cache_dir() == tmp_path / "local" / "argmap" / "Cache"
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(tmp_path / "mine"))
    assert user_cache_dir() == tmp_path / "mine"


def test_the_library_takes_a_cache_and_jobs(tmp_path: Path) -> None:
    import argmap

    paths = [ROOT / "claims", ROOT / "examples"]
    plain = argmap.check_paths(paths)
    cache = argmap.CheckCache(tmp_path, argmap.Config(), argmap.Limits())
    first = argmap.check_paths(paths, jobs=2, cache=cache)
    again = argmap.check_paths(paths, jobs=2, cache=cache)
    assert plain.findings == first.findings == again.findings
    assert plain.files == first.files == again.files
    assert len(plain.contexts) == 4
    assert again.contexts == ()  # stored results load no map
    location = next(f.location for f in plain.findings if f.location is not None)
    assert again.line_text(location) == plain.line_text(location) != ""


def test_a_check_that_keeps_no_contexts_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """``argmap check --no-cache --jobs 1`` over many maps holds one map at a time: it asks
    for no rule contexts, and its findings are those of the check that keeps them."""
    import argmap

    paths = [ROOT / "claims", ROOT / "examples"]
    plain = argmap.check_paths(paths)
    lean = argmap.check_paths(paths, keep_contexts=False)
    assert lean.contexts == ()
    assert len(plain.contexts) == 4
    assert lean.findings == plain.findings
    assert lean.files == plain.files
    location = next(f.location for f in plain.findings if f.location is not None)
    assert lean.line_text(location) == plain.line_text(location) != ""

    asked: list[bool] = []
    real = run_module.check_paths

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(bool(kwargs.get("keep_contexts", True)))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run_module, "check_paths", spy)
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--jobs", "1", str(ROOT / "examples")])
    assert result.exit_code in (0, 1), result.output
    assert asked == [False]
