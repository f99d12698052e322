"""(Round fifteen) the core scan of a lower-cased ASCII text (``core_ascii(breaks, True)``)
drops the word alternative's ``(?<!\\w)`` and writes its first class as the ASCII
characters it holds. Held to the scan it replaces, built below as round fourteen built it,
on hostile lower-cased ASCII texts: the same matches, start and end."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap._verify.numbers.grammar import _CORE_TRIE, _CORE_WORDS_ANYWHERE, core_ascii
from test_grammar12_trie import TEXTS, _spans


def _old_scan(breaks: bool) -> re.Pattern[str]:
    """``core_ascii(breaks)`` as round fourteen built it, for every text."""
    words = _CORE_WORDS_ANYWHERE if breaks else _CORE_TRIE
    return re.compile(r"[^a-z_](?:(?<=[0-9])[0-9]*(?:[,.][0-9]+)*|(?<!\w)(?:" + words + "))")


_OLD = {breaks: _old_scan(breaks) for breaks in (False, True)}
ASCII_TEXTS = st.one_of(
    TEXTS.map(lambda text: text.encode("ascii", "replace").decode().lower()),
    st.text(st.characters(max_codepoint=127), max_size=40).map(str.lower),
)


@settings(max_examples=800)
@given(ASCII_TEXTS)
@example(" 5million, in 2019 ten-fold (a dozen) 2,416.5 x_one _two [three] {four}\x7ffive")
@example("mil-\nlion jan-\nuary 5\tbillion\x00half ^third `fourth")
def test_the_ascii_core_scan_finds_what_the_general_one_finds(text: str) -> None:
    spaced = " " + text
    for breaks in (False, True):
        assert _spans(core_ascii(breaks, True), spaced) == _spans(_OLD[breaks], spaced)


def test_the_oracle_tells_a_broken_scan() -> None:
    """A scan that let "_" lead a word would be told apart by the property above."""
    broken = re.compile(core_ascii(False, True).pattern.replace(r"\x5e\x60", r"\x5f\x60", 1))
    assert _spans(broken, " x_one") != _spans(_OLD[False], " x_one")
