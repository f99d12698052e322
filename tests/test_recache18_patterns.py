"""``argmap._recache``: patterns built from cached code are the patterns ``re.compile``
makes; a damaged, foreign or hostile file, or a changed private API, costs a compile and
never a wrong pattern or a traceback; concurrent writers never leave a partial file; each
process writes what it compiled itself; ``ARGMAP_NO_CACHE`` turns the cache off."""

# ruff: noqa: SLF001 - the cache's private state and file format are what is under test

from __future__ import annotations

import contextlib
import marshal
import os
import re
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import _recache as recache
from cache_process import new_process

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src"
PAPER = ROOT / "claims" / "fiia-298"

#: A pattern with named and unnamed groups, a class, a look-behind and inline flags.
SOURCE = r"(?P<year>(?:1[89]|20)\d\d)(?:-(\d\d))?(?<![A-Z]x)(?i:\s*CE)?"


def process(folder: Path | None, *, off: bool = False) -> contextlib.AbstractContextManager[None]:
    """The cache's state as in a new process whose cache folder is ``folder`` (restored
    afterwards)."""
    return new_process(recache, "_entries", folder, off=off)


def _file(folder: Path) -> Path:
    with process(folder):
        path = recache.cache_file()
    assert path is not None
    return path


def _same(built: re.Pattern[Any], source: str | bytes, flags: int) -> None:
    """Equal to ``re.compile``'s pattern: ``==`` compares the flags, the source and the
    compiled code word by word."""
    expected = re.compile(source, flags)
    assert built == expected
    assert (built.pattern, built.flags, built.groups, dict(built.groupindex)) == (
        expected.pattern, expected.flags, expected.groups, dict(expected.groupindex))


def _matches(pattern: re.Pattern[Any], text: Any) -> list[Any]:
    found = [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]
    full = pattern.fullmatch(text)
    return [found, full and full.span(), pattern.split(text, maxsplit=2)]


def _write_raw(path: Path, payload: bytes, *, checksum: int | None = None) -> None:
    """A cache file around ``payload``, with its true checksum unless one is given."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    crc = zlib.crc32(payload) if checksum is None else checksum
    path.write_bytes(recache.MAGIC + crc.to_bytes(4, "little") + payload)
    path.chmod(0o600)


def _entry_of(source: str | bytes, flags: int = 0) -> recache.Entry:
    with process(None):
        recache._entries = {}
        recache.recompile(source, flags)
        (entry,) = recache._new.values()
    return entry


def _key(source: str | bytes, flags: int = 0) -> recache.Key:
    return (type(source) is bytes, source, int(flags))


# --- the round trip ---------------------------------------------------------------------------

def test_written_once_at_the_end_then_read(tmp_path: Path) -> None:
    path = _file(tmp_path)
    with process(tmp_path):
        first = recache.recompile(SOURCE, re.MULTILINE)
        assert not path.exists()  # nothing is written before the process ends
        recache.flush()
        assert path.exists()
        assert recache._new == {}
    written = path.stat()
    with process(tmp_path):
        again = recache.recompile(SOURCE, re.MULTILINE)
        assert _key(SOURCE, re.MULTILINE) in recache._used
        assert recache._new == {}  # from the file: nothing compiled
        recache.flush()
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    _same(first, SOURCE, re.MULTILINE)
    _same(again, SOURCE, re.MULTILINE)
    assert again is not first
    text = "in 2019-04 ce, 1999 and 2100x"
    assert _matches(again, text) == _matches(re.compile(SOURCE, re.M), text)


def test_flags_given_as_regexflag_and_bytes_patterns(tmp_path: Path) -> None:
    with process(tmp_path):
        recache.recompile(rb"[a-f]+\d", re.IGNORECASE)
        recache.recompile("[a-f]+\\d", re.IGNORECASE | re.ASCII)
        recache.flush()
    with process(tmp_path):
        built = recache.recompile(rb"[a-f]+\d", re.IGNORECASE)
        text_built = recache.recompile("[a-f]+\\d", int(re.IGNORECASE | re.ASCII))
        assert recache._new == {}
    _same(built, rb"[a-f]+\d", re.IGNORECASE)
    _same(text_built, "[a-f]+\\d", re.IGNORECASE | re.ASCII)


def test_what_re_compile_does_not_cache_goes_to_it(tmp_path: Path) -> None:
    compiled = re.compile(SOURCE)
    with process(tmp_path):
        assert recache.recompile(compiled) is compiled  # type: ignore[type-var]
        with pytest.raises(re.error) as caught:
            recache.recompile("(unclosed")
        with pytest.raises(re.error) as expected:
            re.compile("(unclosed")
        assert str(caught.value) == str(expected.value)
        with pytest.raises(TypeError):
            recache.recompile(42)  # type: ignore[type-var]
        assert recache._new == {}


# --- equivalence with re.compile --------------------------------------------------------------

_ATOMS = st.sampled_from([
    "a", "b", "ab", r"\d", r"\w", r"\W", r"\s", r"\S", ".", r"\.", "[a-c]", r"[^x\d]", "[-–—]",
    r"\b", r"\B", "^", "$", r"\A", r"\Z", "é", "İ", "ſ", "K", "Σ", "[ß-ü]", r"\u212a", "x{2}",
    r"\(", "[.!?]", r"\n", " ", "1", "0-9",
])
_QUANTIFIERS = st.sampled_from(["*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{,2}?",
                                "*+", "{2,}"])


def _regexes() -> st.SearchStrategy[str]:
    return st.recursive(_ATOMS, lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map("|".join),
        inner.map(lambda s: f"({s})"),
        inner.map(lambda s: f"(?:{s})"),
        st.tuples(st.sampled_from(["n", "y", "when"]), inner).map(
            lambda t: f"(?P<{t[0]}>{t[1]})"),
        st.tuples(inner, _QUANTIFIERS).map(lambda t: f"(?:{t[0]}){t[1]}"),
        inner.map(lambda s: f"(?={s})"),
        inner.map(lambda s: f"(?!{s})"),
        inner.map(lambda s: f"(?<=[{s[:1]}x])" if s[:1] not in "\\^-[]" else s),
        inner.map(lambda s: f"(?i:{s})"),
        inner.map(lambda s: f"(?>{s})"),
        inner.map(lambda s: f"(?:{s})|\\1"),
    ), max_leaves=12)


_FLAGS = st.sampled_from([0, re.I, re.M, re.S, re.X, re.A, re.I | re.A, re.M | re.S, re.U,
                          re.I | re.U, re.A | re.U])
_TEXTS = st.text(alphabet="ab1029 .-–x\nİıſKkΣσςßé(", max_size=25)


@given(_regexes(), _FLAGS, st.booleans(), st.lists(_TEXTS, min_size=1, max_size=4))
def test_a_pattern_built_from_its_entry_is_re_compiles(
    source: str, flags: int, as_bytes: bool, texts: list[str]
) -> None:
    pattern: str | bytes = source.encode("utf-8") if as_bytes else source
    try:
        expected = re.compile(pattern, flags)
    except (re.error, ValueError) as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        with process(None):
            recache._entries = {}
            with pytest.raises(type(refused)) as caught:
                recache.recompile(pattern, flags)
        assert str(caught.value) == str(refused)
        return
    with process(None):
        recache._entries = {}
        missed = recache.recompile(pattern, flags)
        assert list(recache._new) == [_key(pattern, int(flags))]
        stored = marshal.loads(marshal.dumps(recache._new[_key(pattern, int(flags))]))  # noqa: S302
        recache._entries = {_key(pattern, int(flags)): stored}
        built = recache.recompile(pattern, flags)
        assert recache._used == {_key(pattern, int(flags))}
    for made in (missed, built):
        _same(made, pattern, flags)
        for text in texts:
            subject: str | bytes = text.encode("utf-8") if as_bytes else text
            assert _matches(made, subject) == _matches(expected, subject)


def _argmap_patterns() -> list[tuple[str | bytes, int]]:
    """Every pattern argmap's check-path modules hold (compiled or standing in), and the
    number grammar's variants, as (source, flags) pairs."""
    import importlib

    from argmap._lazyre import _LazyPattern
    from argmap._verify.numbers import grammar, scanning

    found: dict[tuple[str | bytes, int], None] = {}
    for path in sorted((SRC / "argmap").rglob("*.py")):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        if not name.startswith(("argmap._load", "argmap._verify", "argmap.rules", "argmap._engine",
                                "argmap._interop", "argmap._text", "argmap._model")):
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:  # an optional extra (arguebuf)
            continue
        for value in list(vars(module).values()):
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, _LazyPattern):
                    found[item._source, item._flags] = None
                elif isinstance(item, re.Pattern):
                    found[item.pattern, item.flags] = None
    from argmap._verify.quote_context import CUES

    built_elsewhere = [cue.pattern for cue in CUES] + [grammar.core()] + [
        grammar.core_lower(breaks) for breaks in (True, False)] + [
        grammar.core_ascii(breaks, ascii_text) for breaks in (True, False)
        for ascii_text in (True, False)]
    for built in built_elsewhere:
        found[built.pattern, built.flags] = None
    for variant in grammar._VARIANTS:
        for breaks in (True, False):
            built = grammar.pattern(variant, breaks)
            found[built.pattern, built.flags] = None
            starts = scanning._BY_BREAKS[breaks][variant]
            found[starts.pattern, starts.flags] = None
    return list(found)


def test_every_pattern_of_argmap_is_built_as_re_compile_builds_it(tmp_path: Path) -> None:
    patterns = _argmap_patterns()
    assert len(patterns) > 150
    with process(tmp_path):
        for source, flags in patterns:
            recache.recompile(source, flags)
        recache.flush()
    texts = ["In 2019, EUR 4.5 million (twenty-foot equivalent units) rose 12% to 1,200 by "
             "mid-March 2021; not only that, however, but it is said that 3/4 of them --04-05.",
             "claims:\n  - id: C1\n    text: 'x'\n"]
    with process(tmp_path):
        for source, flags in patterns:
            built = recache.recompile(source, flags)
            _same(built, source, flags)
            for text in texts:
                subject = text.encode() if isinstance(source, bytes) else text
                assert _matches(built, subject) == _matches(re.compile(source, flags), subject)
        assert recache._new == {}  # every one came from the file


def test_a_check_writes_the_patterns_it_compiled_and_they_are_sound(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = _cli(folder, "check", "--no-cache", "-j1", str(PAPER))
    path = _file(folder)
    entries = recache._read(path)
    assert entries is not None
    assert len(entries) > 100
    for key, entry in entries.items():
        _, source, flags = key
        with process(None):
            built = recache._rebuild(source, flags, entry)
        assert built is not None
        _same(built, source, flags)
    written = path.stat()
    second = _cli(folder, "check", "--no-cache", "-j1", str(PAPER))
    assert second.stdout == first.stdout
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


# --- damaged, foreign and hostile files --------------------------------------------------------

def _compiles_anew(folder: Path) -> None:
    """A new process given this folder builds the right pattern and rewrites a sound file."""
    with process(folder):
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        assert _key(SOURCE, re.M) in recache._new  # compiled, not read
        recache.flush()
    entries = recache._read(_file(folder))
    assert entries is not None
    assert _key(SOURCE, re.M) in entries
    with process(folder):
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        assert recache._new == {}


@given(st.binary(max_size=300), st.sampled_from(["raw", "checksummed", "bad checksum"]))
def test_garbage_files(garbage: bytes, how: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _file(folder)
        if how == "raw":
            path.write_bytes(garbage)
            path.chmod(0o600)
        else:
            _write_raw(path, garbage,
                       checksum=None if how == "checksummed" else zlib.crc32(garbage) ^ 1)
        _compiles_anew(folder)


def _hostile_entries() -> st.SearchStrategy[Any]:
    """Entries of a sound shape but one part wrong, for ``SOURCE`` with ``re.M``."""
    good = list(_entry_of(SOURCE, re.M))
    other = list(_entry_of(r"(\w+)-(?P<n>\d)", re.M))

    def changed(index: int, value: Any) -> Any:
        entry = list(good)
        entry[index] = value
        return tuple(entry)

    code = good[3]
    wrong = [
        tuple(other),  # another pattern's entry under this key
        changed(0, SOURCE + "x"), changed(0, SOURCE.encode()), changed(1, 0),
        changed(2, "34"), changed(2, good[2] & ~int(re.M)),
        changed(3, code[:-4]), changed(3, code[4:]), changed(3, code[:-1]),
        changed(3, b"\xff\xff\x00\x00" + code[4:]), changed(3, list(code)),
        changed(4, good[4] + 1), changed(4, -1), changed(4, 10**9),
        changed(5, {"year": 2}), changed(5, {"year": "1"}), changed(5, [("year", 1)]),
        changed(5, {1: 1}),
        changed(6, good[6][:-1]), changed(6, (*good[6][:-1], "x")), changed(6, list(good[6])),
        tuple(good[:-1]), (*good, None), None, 0, "x", [], {},
    ]
    return st.sampled_from(wrong)


@given(_hostile_entries(), st.sampled_from(["entry", "interpreter", "top"]))
def test_sound_files_with_wrong_entries(entry: Any, where: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _file(folder)
        if where == "entry":
            top: Any = (recache._interpreter(), {_key(SOURCE, re.M): entry})
        elif where == "interpreter":  # a sound entry, for another interpreter
            sound = _entry_of(SOURCE, re.M)
            top = ("another" + recache._interpreter(), {_key(SOURCE, re.M): sound})
        else:
            top = entry
        _write_raw(path, marshal.dumps(top))
        _compiles_anew(folder)


def test_another_patterns_code_in_a_damaged_file_is_not_used(tmp_path: Path) -> None:
    """The code of another pattern put under this one's key, in a file whose checksum no
    longer holds: not read. (A file rewritten on purpose, checksum and all, would be read:
    the folder is the user's own, as ``__pycache__`` is.)"""
    good = _entry_of(SOURCE, re.M)
    other = _entry_of(r"(\d)(x)(?P<year>y)", re.M)
    path = _file(tmp_path)
    payload = marshal.dumps((recache._interpreter(), {_key(SOURCE, re.M): good}))
    swapped = (*good[:3], *other[3:])
    forged = marshal.dumps((recache._interpreter(), {_key(SOURCE, re.M): swapped}))
    _write_raw(path, forged, checksum=zlib.crc32(payload))
    _compiles_anew(tmp_path)


def test_a_file_others_may_write_is_not_read(tmp_path: Path) -> None:
    with process(tmp_path):
        recache.recompile(SOURCE, re.M)
        recache.flush()
    path = _file(tmp_path)
    path.chmod(0o666)
    with process(tmp_path):
        recache.recompile(SOURCE, re.M)
        assert _key(SOURCE, re.M) in recache._new


def test_a_changed_private_api_costs_only_the_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re._compiler as compiler  # type: ignore[import-not-found]

    real = compiler.compile

    def wrapped(pattern: Any, flags: int = 0) -> Any:  # no _sre among its globals
        return real(pattern, flags)

    with process(tmp_path):
        monkeypatch.setattr(compiler, "compile", wrapped)
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        assert recache._new == {}  # nothing recorded: nothing stored
        monkeypatch.undo()
        monkeypatch.setattr(recache, "_recording", lambda _calls: 1 / 0)
        _same(recache.recompile(SOURCE, re.S), SOURCE, re.S)
        assert recache._new == {}
    monkeypatch.undo()
    with process(tmp_path):
        recache.recompile(SOURCE, re.M)
        recache.flush()

    import _sre  # type: ignore[import-not-found]

    class Changed:
        """``_sre`` whose ``compile`` takes other arguments."""

        def compile(self, *_args: Any) -> Any:
            raise TypeError("compile() takes 7 arguments")

        def __getattr__(self, name: str) -> Any:
            return getattr(_sre, name)

    with process(tmp_path):  # _sre.compile with another signature: compiled by re
        monkeypatch.setattr(recache, "_sre", Changed())
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        assert _key(SOURCE, re.M) not in recache._used
    with process(tmp_path):  # an _sre without the constants the key is made of
        monkeypatch.setattr(recache, "_sre", object())
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        assert recache._new == {}
        recache.flush()


# --- processes --------------------------------------------------------------------------------

def _env(folder: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ARGMAP_NO_CACHE"}
    env.update({"ARGMAP_CACHE_DIR": str(folder), "PYTHONPATH": str(SRC), "ARGMAP_JOBS": "1"})
    env.update(extra)
    return env


def _cli(folder: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], env=_env(folder, **extra),
                          capture_output=True, text=True, check=False, cwd=ROOT, timeout=300)


def _python(folder: Path, code: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)],
                            env=_env(folder, **extra), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_concurrent_writers_lose_nothing_and_readers_see_whole_files(tmp_path: Path) -> None:
    go = tmp_path / "go"
    writers = [_python(tmp_path, f"""
        import os, re, time
        from argmap import _recache as r
        for round in range(5):
            for n in range(40):
                r.recompile("w%d-%d-%d(a|b)+[0-9]" % ({i}, round, n), re.I)
            while not os.path.exists({str(go)!r} + str(round)):
                time.sleep(0.001)
            r.flush()
        """) for i in range(4)]
    reader = _python(tmp_path, f"""
        import os, time
        from argmap import _recache as r
        path = r.cache_file()
        seen = bad = 0
        end = time.monotonic() + 60
        while not os.path.exists({str(go)!r} + "done") and time.monotonic() < end:
            if path.exists():
                seen += 1
                bad += r._read(path) is None
        print(seen, bad)
        """)
    import time

    for round_ in range(5):
        time.sleep(0.3)
        (tmp_path / f"go{round_}").touch()
    for writer in writers:
        _, failed = writer.communicate(timeout=120)
        assert writer.returncode == 0, failed
    (tmp_path / "godone").touch()
    out, err = reader.communicate(timeout=120)
    seen, bad = map(int, out.split())
    assert seen > 0
    assert bad == 0, err
    entries = recache._read(_file(tmp_path))
    assert entries is not None
    assert len(entries) == 4 * 5 * 40
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX fork")
def test_a_forked_child_writes_only_what_it_compiled(tmp_path: Path) -> None:
    child = _python(tmp_path, """
        import os, re
        from argmap import _recache as r
        r.recompile("parent(x)")
        pid = os.fork()
        if pid == 0:
            r.recompile("child(y)")
            r.flush()
            os._exit(0)
        os.waitpid(pid, 0)
        print(sorted(k[1] for k in r._read(r.cache_file())))
        r.flush()
        print(sorted(k[1] for k in r._read(r.cache_file())))
        """)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert out.split("\n")[:2] == ["['child(y)']", "['child(y)', 'parent(x)']"]


def test_pool_workers_and_split_groups_write_what_they_compiled(tmp_path: Path) -> None:
    """The number grammar's variants are compiled in the worker that checks a map, never in
    the process that runs the pool: they are in the file after a run of two maps on two
    workers. A split check writes what a one-process check writes."""
    maps = [str(ROOT / "tests" / "example-maps" / "AM301" / kind) for kind in ("good", "bad")]
    _cli(tmp_path / "pool", "check", "--no-cache", "-j2", *maps, ARGMAP_JOBS="2")
    one = tmp_path / "one"
    _cli(one, "check", "--no-cache", "-j1", *maps)
    pooled = recache._read(_file(tmp_path / "pool"))
    alone = recache._read(_file(one))
    assert pooled is not None
    assert alone is not None
    from argmap._verify.numbers import scanning

    variant = scanning._BY_BREAKS[False]["AT_DIGIT"]
    assert any(key[1] == variant.pattern for key in pooled)
    assert set(pooled) >= set(alone)
    split = tmp_path / "split"
    _cli(split, "check", "--no-cache", "-j2", str(PAPER), ARGMAP_SPLIT_MIN_NODES="0",
         ARGMAP_JOBS="2")
    paper = tmp_path / "paper"
    _cli(paper, "check", "--no-cache", "-j1", str(PAPER))
    split_entries = recache._read(_file(split))
    paper_entries = recache._read(_file(paper))
    assert split_entries is not None
    assert paper_entries is not None
    assert set(split_entries) >= set(paper_entries)


# --- turned off -------------------------------------------------------------------------------

def test_argmap_no_cache_turns_it_off(tmp_path: Path) -> None:
    with process(tmp_path, off=True):
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        assert recache._new == {}
        assert recache.cache_file() is None
        recache.flush()
    assert not list(tmp_path.iterdir())
    off = tmp_path / "off"
    result = _cli(off, "check", "--no-cache", "-j1", str(PAPER), ARGMAP_NO_CACHE="1")
    assert result.returncode in (0, 1), result.stderr
    assert not off.exists() or not list(off.glob("re-*"))


def test_check_no_cache_keeps_the_compiled_patterns(tmp_path: Path) -> None:
    """``--no-cache`` is about stored results; the compiled code is kept, as the compiled
    Graphviz is."""
    _cli(tmp_path, "check", "--no-cache", "-j1", str(PAPER))
    assert list(tmp_path.glob("re-*.marshal"))


def test_an_unwritable_folder_costs_only_the_compiles(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with process(blocker / "cache"):
        _same(recache.recompile(SOURCE, re.M), SOURCE, re.M)
        recache.flush()  # never raises
