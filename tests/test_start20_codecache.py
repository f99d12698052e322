"""``argmap._codecache``: the code it gives for a text is the code the builtins compile
(the oracle: ``compile``, ``exec`` and ``eval`` as ``typing``, ``dataclasses`` and
``collections`` call them), from the file or compiled anew; a damaged or foreign file costs a
compile, never wrong code; ``ARGMAP_NO_CACHE`` turns it off; the command line's output is the
same with the file as without it."""

# ruff: noqa: SLF001 - the cache's private state and file format are what is under test

from __future__ import annotations

import builtins
import collections
import contextlib
import dataclasses
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import CodeType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import _codecache as codecache
from cache_process import new_process

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src"
PAPER = ROOT / "claims" / "fiia-298"

#: The texts the served modules compile: annotations, a dataclass method, a named tuple's
#: ``__new__`` (with the spaces ``eval`` skips).
ANNOTATIONS = ["int", "list[str] | None", "Annotated[int, Field(gt=0)]", "'x'", "(*Ts,)[0]"]
IDENTIFIER = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda name: name not in {"if", "in", "is", "or", "as", "def", "for", "and", "not", "del",
                              "try", "with", "from", "else", "elif", "pass", "case", "match",
                              "while", "break", "class", "raise", "yield", "async", "await",
                              "global", "lambda", "assert", "import", "return", "except",
                              "finally", "continue", "nonlocal"})


def process(folder: Path | None, *, off: bool = False) -> contextlib.AbstractContextManager[None]:
    """The cache's state as in a new process whose cache folder is ``folder`` (restored
    afterwards)."""
    return new_process(codecache, "_codes", folder, off=off)


@contextlib.contextmanager
def installed() -> Iterator[None]:
    """:func:`codecache.install` for the block, the served modules' globals restored after."""
    served = [(sys.modules[module], name) for module, name, _ in codecache._SERVED]
    before = [name in vars(module) for module, name in served]
    codecache.install()
    try:
        yield
    finally:
        for (module, name), had in zip(served, before, strict=True):
            if not had:
                vars(module).pop(name, None)


def oracle(source: str, filename: str, mode: str) -> CodeType:
    """What the builtins make of the text in a module without ``__future__`` flags."""
    return builtins.compile(source, filename, mode, 0, True)


@given(st.lists(st.sampled_from(ANNOTATIONS) | IDENTIFIER, min_size=1, max_size=6))
@settings(max_examples=40, deadline=None)
def test_code_is_the_builtins_code_from_the_file_and_anew(texts: list[str]) -> None:
    """Compiled anew, then read back from the file by a new process: equal code each time."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        with process(Path(folder)):
            first = [codecache.cached_compile(text, "<string>", "eval") for text in texts]
            codecache.flush()
        with process(Path(folder)):
            again = [codecache.cached_compile(text, "<string>", "eval") for text in texts]
            assert codecache._used == {(text, "<string>", "eval") for text in texts}
            assert not codecache._new
    for text, made, read in zip(texts, first, again, strict=True):
        assert made == oracle(text, "<string>", "eval") == read


def test_a_bad_text_raises_as_compile_does(tmp_path: Path) -> None:
    with process(tmp_path), pytest.raises(SyntaxError):
        codecache.cached_compile("*Ts", "<string>", "eval")
    with pytest.raises(SyntaxError):
        oracle("*Ts", "<string>", "eval")


@given(st.lists(IDENTIFIER, min_size=1, max_size=5, unique=True), st.booleans())
@settings(max_examples=25, deadline=None)
def test_installed_dataclasses_namedtuples_forward_refs_are_the_same(
    names: list[str], frozen: bool
) -> None:
    """Classes and forward references made with the cache installed behave and compile as
    those made without it."""
    import tempfile

    def make() -> tuple[type, type, typing.ForwardRef]:
        klass = dataclasses.make_dataclass("K", [(name, int) for name in names], frozen=frozen)
        pair = collections.namedtuple("P", names)
        return klass, pair, typing.ForwardRef(" | ".join(names))

    plain = make()
    with tempfile.TemporaryDirectory() as folder, process(Path(folder)), installed():
        cached = make()
        codecache.flush()
        with process(Path(folder)):
            from_file = make()
            assert codecache._used
    values = list(range(len(names)))
    for klass, pair, reference in (cached, from_file):
        for method in ("__init__", "__repr__", "__eq__"):
            assert vars(klass)[method].__code__ == vars(plain[0])[method].__code__
        assert repr(klass(*values)) == repr(plain[0](*values))
        assert pair(*values) == plain[1](*values)
        assert pair.__new__.__code__ == plain[1].__new__.__code__
        assert reference.__forward_code__ == plain[2].__forward_code__


def test_served_modules_call_compile_without_future_flags() -> None:
    """The cache compiles with no inherited flags: what the builtins do for these modules."""
    for module_name, _, _ in codecache._SERVED:
        module = sys.modules[module_name]
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "from __future__ import" not in source, module_name


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "magic"])
def test_a_damaged_or_foreign_file_is_not_read(tmp_path: Path, damage: str) -> None:
    with process(tmp_path):
        codecache.cached_compile("a + b", "<string>", "eval")
        codecache.flush()
        path = codecache.cache_file()
    assert path is not None
    data = path.read_bytes()
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data = data[:-5] + bytes([data[-5] ^ 1]) + data[-4:]
    elif damage == "magic":
        data = b"argmap-code-0\n" + data[len(codecache.MAGIC):]
    else:
        import marshal

        payload = marshal.dumps(("another interpreter", {("a + b", "<string>", "eval"):
                                                         oracle("a - b", "<string>", "eval")}))
        data = codecache.MAGIC + codecache._crc(payload) + payload
    path.write_bytes(data)
    with process(tmp_path):
        code = codecache.cached_compile("a + b", "<string>", "eval")
        assert not codecache._used
    assert code == oracle("a + b", "<string>", "eval")


def test_off_compiles_and_writes_nothing(tmp_path: Path) -> None:
    with process(tmp_path, off=True):
        code = codecache.cached_compile("x", "<string>", "eval")
        assert codecache._codes is codecache._OFF
        codecache.flush()
    assert code == oracle("x", "<string>", "eval")
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_writes_reads_and_says_the_same(tmp_path: Path) -> None:
    """``python -m argmap check`` with no file, with the file it wrote, and with every cache
    off: the same output and exit code; the second run compiles nothing new."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARGMAP_")}
    env.update(PYTHONPATH=str(SRC), ARGMAP_CACHE_DIR=str(tmp_path))
    runs = []
    for extra in ({}, {}, {"ARGMAP_NO_CACHE": "1"}):
        runs.append(subprocess.run(
            [sys.executable, "-m", "argmap", "check", "--no-cache", str(PAPER)],
            env={**env, **extra}, capture_output=True, text=True, check=False))
        if not extra:
            files = sorted(tmp_path.glob("code-*.marshal"))
            assert len(files) == 1
    first, second, off = runs
    assert (first.returncode, first.stdout, first.stderr) == (
        second.returncode, second.stdout, second.stderr) == (
        off.returncode, off.stdout, off.stderr)


@given(st.lists(IDENTIFIER, min_size=0, max_size=5, unique=True))
@settings(max_examples=25, deadline=None)
def test_slot_init_compiles_as_its_exec_did(names: list[str]) -> None:
    """``slot_init``'s ``__init__`` from the cache is the code its ``exec`` of the text made
    (the oracle: the old line, ``exec(source + "\\n", namespace)``, run from a module with
    ``from __future__ import annotations``, as this one and ``_slotinit`` are)."""
    from argmap._slotinit import slot_init, slot_maker

    fields = [name for name in names if name != "self" and not name.startswith("_")]
    klass = slot_init(dataclasses.make_dataclass(
        "S", [(name, int) for name in fields], frozen=True, slots=True))
    init = vars(klass)["__init__"]
    params = ", ".join(fields)
    stores = "".join(f"        self.{name} = {name}\n" for name in fields)
    lines = "\n".join(f"        _set_{name}(self, {name})" for name in fields)
    source = (f"def __init__(self, {params}):\n"
              "    if _type(self) is _cls:\n"
              "        _set_class(self, _open)\n"
              + stores
              + "        _set_class(self, _cls)\n"
              "    else:\n" + (lines or "        pass"))
    namespace: dict[str, object] = {}
    exec(source + "\n", namespace)  # noqa: S102 - the oracle: the line the cache replaced
    assert init.__code__ == namespace["__init__"].__code__  # type: ignore[attr-defined]
    assert init.__code__.co_flags == namespace["__init__"].__code__.co_flags  # type: ignore[attr-defined]
    values = list(range(len(fields)))
    made = klass(*values)
    assert [getattr(made, name) for name in fields] == values
    # slot_maker's function, compiled through the cache the same way
    make = slot_maker(klass)
    maker_source = (f"def make({', '.join(fields) + ', /' if fields else ''}):\n"
                    "    self = _new(_open)\n"
                    + "".join(f"    self.{name} = {name}\n" for name in fields)
                    + "    _set_class(self, _cls)\n"
                    "    return self\n")
    namespace = {}
    exec(maker_source, namespace)  # noqa: S102 - the oracle: the exec the cache replaced
    assert make.__code__ == namespace["make"].__code__  # type: ignore[attr-defined]
    assert make.__code__.co_flags == namespace["make"].__code__.co_flags  # type: ignore[attr-defined]
    built = make(*values)
    assert type(built) is klass
    assert [getattr(built, name) for name in fields] == values
