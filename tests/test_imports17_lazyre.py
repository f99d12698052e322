"""``argmap._lazyre.lazy_compile``: a stand-in that matches as ``re.compile`` does and puts
the compiled pattern in its place in the module that made it."""

from __future__ import annotations

import importlib
import re
import types
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from argmap._lazyre import _LazyPattern

_SRC = Path(__file__).parent.parent / "src"

_PATTERNS = (r"\d{1,3}(?:,\d{3})+", r"(?<![\w-])(?:mid|early|late)-$", r"[^\W_]+",
             r"\s*[-–—]\s*", r"((?:1[89]|20)\d\d)\.\d{1,2}")


def _module(source: str) -> types.ModuleType:
    module = types.ModuleType("lazy_home")
    exec(source, module.__dict__)  # noqa: S102 - a module made for the test
    return module


@given(st.sampled_from(_PATTERNS), st.sampled_from((0, re.IGNORECASE, re.MULTILINE)),
       st.text(alphabet="19,2005.-– mid lateX_a\n", max_size=30))
def test_a_stand_in_matches_as_the_compiled_pattern(source: str, flags: int, text: str) -> None:
    module = _module("from argmap._lazyre import lazy_compile\n"
                     f"P = lazy_compile({source!r}, {int(flags)})\nHELD = P\n")
    held = module.HELD
    compiled = re.compile(source, flags)
    found = module.P.search(text)
    assert (found and found.span()) == (compiled.search(text) and compiled.search(text).span())
    assert isinstance(module.P, re.Pattern)  # the first use put the pattern in its place
    assert module.P.pattern == source
    assert module.P.flags == compiled.flags
    assert isinstance(held, _LazyPattern)  # a reference taken before keeps working
    assert held.findall(text) == compiled.findall(text)
    assert held.sub("-", text) == compiled.sub("-", text)
    assert [m.span() for m in held.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert held.split(text, maxsplit=1) == compiled.split(text, maxsplit=1)
    assert repr(held) == repr(compiled)


def test_a_bytes_pattern_and_an_unused_one() -> None:
    module = _module("from argmap._lazyre import lazy_compile\n"
                     "B = lazy_compile(rb'[,}]')\nU = lazy_compile(r'(')\n")
    assert isinstance(module.U, _LazyPattern)  # never compiled: a bad pattern is not seen
    assert module.B.search(b"a,}").start() == 1
    assert isinstance(module.B, re.Pattern)
    try:
        module.U.match("")
    except re.error:
        pass
    else:  # pragma: no cover - the test fails
        raise AssertionError("a bad pattern compiles")


def test_the_lazy_patterns_of_argmap_compile_as_written() -> None:
    """Every stand-in the package makes compiles, and to what ``re.compile`` gives."""
    for path in sorted((_SRC / "argmap").rglob("*.py")):
        if "lazy_compile(" not in path.read_text(encoding="utf-8") or path.stem == "_lazyre":
            continue
        module = importlib.import_module(".".join(path.relative_to(_SRC).with_suffix("").parts))
        for value in list(vars(module).values()):
            if isinstance(value, _LazyPattern):
                compiled = value._compile()  # noqa: SLF001 - what it stands for
                assert compiled == re.compile(compiled.pattern, compiled.flags)
