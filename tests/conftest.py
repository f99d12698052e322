"""Shared test set-up.

In CI (``CI=true``) a skipped test is a failure: CI installs everything optional tests need,
so a skip there means a test silently stopped running.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# The compiled patterns' cache (argmap._recache) is read when argmap first compiles a pattern,
# as the test modules are collected, before any fixture runs, and written when the process
# ends: it gets a folder of this process's own from the start, never the user's, removed at
# exit (after the cache's own exit handler, registered later, has written into it).
_PATTERN_CACHE = tempfile.mkdtemp(prefix="argmap-test-cache-")
os.environ["ARGMAP_CACHE_DIR"] = _PATTERN_CACHE
atexit.register(shutil.rmtree, _PATTERN_CACHE, ignore_errors=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport() -> object:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped in CI, where nothing may be skipped: {reason}"
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report() -> object:
    """A whole module skipped while it is collected (``pytest.importorskip`` at its top)
    fails in CI too: its tests never reach :func:`pytest_runtest_makereport`."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if IN_CI and report.skipped:
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped in CI, where nothing may be skipped: {reason}"
    return None


# Hypothesis: a small default profile for every run, a long one for the fuzzing record
# (HYPOTHESIS_PROFILE=long, see docs/security.md).
from hypothesis import HealthCheck, settings  # noqa: E402 - grouped with its use

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The compiled Graphviz module is cached in a folder of the run's own, never the user's
    (CLI tests in subprocesses inherit the variable). pytest-xdist's workers share one such
    folder, in the run's base folder, so the module is compiled once per run, not per worker
    (the cache is safe for concurrent first runs: tests/render/test_wasm_cache.py)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.getbasetemp().parent / "argmap-cache"
        folder.mkdir(exist_ok=True)
    else:
        folder = tmp_path_factory.mktemp("argmap-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGMAP_CACHE_DIR", str(folder))
        patch.delenv("ARGMAP_NO_CACHE", raising=False)
        yield


@pytest.fixture(autouse=True)
def _own_cache_and_one_job(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Each test gets an empty check-result cache of its own (a test that patches a rule must
    not get another test's stored result; the compiled Graphviz stays shared, above) and
    checks in one process unless it asks for more."""
    monkeypatch.setenv("ARGMAP_CHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("ARGMAP_JOBS", "1")
    monkeypatch.delenv("ARGMAP_NO_CACHE", raising=False)
