"""``argmap._recache.install``: with :func:`argmap._recache._serve` in the place of
``re._compiler.compile`` (what ``re`` calls when its own cache misses), every pattern ``re``
gives is the pattern the original function gives (the oracle: ``re._compiler.compile`` as
Python has it), compiled anew or built from the file; errors, flags the cache leaves alone
and caching off go to the original; ``re``'s own cache still works; the command line says
the same with the patterns of its imports served."""

# ruff: noqa: SLF001 - the cache's private state is what is under test

from __future__ import annotations

import contextlib
import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import _recache as recache

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src"
PAPER = ROOT / "claims" / "fiia-298"

import re._compiler as compiler  # type: ignore[import-not-found]  # noqa: E402 - the oracle

ORACLE = compiler.compile


@contextlib.contextmanager
def served(entries: dict[Any, Any] | None) -> Iterator[None]:
    """``_serve`` installed over a cache whose entries are ``entries`` (None: caching off),
    with no file; everything restored afterwards, ``re``'s cache purged on both sides."""
    names = ("_entries", "_file", "_new", "_used", "_replaced")
    saved = {name: getattr(recache, name) for name in names}
    recache._entries = {} if entries is None else entries
    recache._file, recache._new, recache._used, recache._replaced = None, {}, set(), None
    recache.install()
    if entries is None:
        recache._entries = recache._OFF
    re.purge()
    try:
        yield
    finally:
        compiler.compile = ORACLE
        for name, value in saved.items():
            setattr(recache, name, value)
        re.purge()


ATOMS = st.sampled_from([
    "a", "b", r"\d", r"\w", r"\s", ".", r"\.", "[a-c]", r"[^x\d]", r"\b", "^", "$", "é", "İ",
    "ſ", "K", "Σ", "[ß-ü]", "x{2}", r"\(", " ", "(", ")", "[", "?", "*",
])
QUANTIFIERS = st.sampled_from(["*", "+", "?", "*?", "{2}", "{1,3}", "*+"])


def regexes() -> st.SearchStrategy[str]:
    return st.recursive(ATOMS, lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map("|".join),
        inner.map(lambda s: f"({s})"),
        st.tuples(st.sampled_from(["n", "y"]), inner).map(lambda t: f"(?P<{t[0]}>{t[1]})"),
        st.tuples(inner, QUANTIFIERS).map(lambda t: f"(?:{t[0]}){t[1]}"),
        inner.map(lambda s: f"(?i:{s})"),
        inner.map(lambda s: f"(?:{s})|\\1"),
    ), max_leaves=8)


FLAGS = st.sampled_from([0, re.I, re.M, re.S, re.X, re.A, re.I | re.A, re.U, re.DEBUG])


def outcome(call: Any, source: str | bytes, flags: int) -> Any:
    """The pattern, with what tells two apart, or the error's type and message."""
    try:
        with contextlib.redirect_stdout(None):
            made = call(source, flags)
    except Exception as error:  # noqa: BLE001 - the error is the outcome compared
        return type(error), str(error)
    return made, made.pattern, made.flags, made.groups, dict(made.groupindex)


@given(regexes(), FLAGS, st.booleans())
@settings(max_examples=150, deadline=None)
def test_re_gives_the_original_functions_pattern(source: str, flags: int, as_bytes: bool) -> None:
    pattern: str | bytes = source.encode("utf-8") if as_bytes else source
    expected = outcome(ORACLE, pattern, flags)
    with served({}):
        missed = outcome(re.compile, pattern, flags)
        again = outcome(re.compile, pattern, flags)  # re's own cache
        new = dict(recache._new)
    assert missed == expected == again
    if isinstance(expected[0], type) or flags & re.DEBUG:
        assert new == {}  # an error or a flag the cache leaves alone: nothing stored
        return
    key = (as_bytes, pattern, flags)
    assert list(new) == [key]
    stored = marshal.loads(marshal.dumps(new[key]))  # noqa: S302 - made just above
    with served({key: stored}):
        built = outcome(re.compile, pattern, flags)
        assert recache._used == {key}
        assert recache._new == {}
    assert built == expected


def test_re_keeps_its_own_cache_and_functions() -> None:
    with served({}):
        first = re.compile(r"(\w+)-(\d+)", re.I)
        assert re.compile(r"(\w+)-(\d+)", re.I) is first
        assert re.sub(r"(\d)", r"<\1>", "a1b22") == "a<1>b<2><2>"
        assert re.fullmatch(rb"[a-c]+", b"abca") is not None
        assert re.compile(first) is first
        assert len(recache._new) == 3


def test_caching_off_goes_to_the_original() -> None:
    with served(None):
        assert re.compile("a|b+") == ORACLE("a|b+", 0)
        assert recache._new == {}


def test_install_is_done_once() -> None:
    with served({}):
        assert compiler.compile is recache._serve
        assert recache._replaced is ORACLE
        recache.install()
        assert recache._replaced is ORACLE


def test_recompile_records_with_the_original_function() -> None:
    """``recompile`` runs the original function with a recording ``_sre``, not the stand-in."""
    with served({}):
        built = recache.recompile(r"(?P<y>\d{4})-\d\d", re.M)
        assert list(recache._new) == [(False, r"(?P<y>\d{4})-\d\d", re.M)]
    assert built == ORACLE(r"(?P<y>\d{4})-\d\d", re.M)


def test_the_command_line_serves_its_imports_patterns(tmp_path: Path) -> None:
    """``python -m argmap check``: the standard library's patterns (``platform``'s) are
    written to the file; the same output and exit code with the file, without it, and with
    every cache off."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARGMAP_")}
    env.update(PYTHONPATH=str(SRC), ARGMAP_CACHE_DIR=str(tmp_path))
    runs = [subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--no-cache", str(PAPER)],
        env={**env, **extra}, capture_output=True, text=True, check=False)
        for extra in ({}, {}, {"ARGMAP_NO_CACHE": "1"})]
    first, second, off = runs
    assert (first.returncode, first.stdout, first.stderr) == (
        second.returncode, second.stdout, second.stderr) == (
        off.returncode, off.stdout, off.stderr)
    with served({}):
        files = list(tmp_path.glob("re-*.marshal"))
        assert len(files) == 1
        entries = recache._read(files[0])
    assert entries is not None
    import platform

    parser = platform._sys_version_parser  # type: ignore[attr-defined]
    assert (False, parser.pattern, int(re.ASCII)) in entries
