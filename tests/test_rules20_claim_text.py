"""AM214's key of a claim's text (rules20): a printable ASCII text with single spaces between
its words is only lowered; every text keeps round nineteen's key, kept here as the oracle."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import load
from argmap.rules.am214_duplicate_claim_text import normalise


def old_normalise(text: str) -> str:
    """Round nineteen's key."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


#: Every ASCII character, the whitespace ``str.split`` splits at among them (space, tab,
#: line ends, the file, group, record and unit separators) and a few others it splits at.
_ASCII = "".join(map(chr, range(128)))
_ALPHABET = st.sampled_from([*_ASCII, "  ", " ", "\u00a0", "\u2003", "\u0130", "\ufb01",
                             "\u00c9", "\u1e9e", "\u2460"])


@settings(max_examples=3000, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=30).map("".join))
def test_the_key_is_round_nineteens_on_ascii_and_spaces(text: str) -> None:
    assert normalise(text) == old_normalise(text)


@settings(max_examples=1000, deadline=None)
@given(text=st.text(max_size=40))
def test_the_key_is_round_nineteens_on_any_text(text: str) -> None:
    assert normalise(text) == old_normalise(text)


@pytest.mark.parametrize("text", ["", " ", "a", " a", "a ", "A  B", "A\tB", "a\x1cb", "a\x1fb",
                                  "a\x7fb", "a\x00b", "Wind  POWER", "wind power.", "x\u00a0y"])
def test_the_key_on_the_edges(text: str) -> None:
    assert normalise(text) == old_normalise(text)


def test_every_character_alone_and_between_words() -> None:
    for code in range(0x3000):
        for text in (chr(code), f"a{chr(code)}b", f"A {chr(code)} B"):
            assert normalise(text) == old_normalise(text), hex(code)


def test_the_papers_and_the_benchmark_maps_claims() -> None:
    folders = [f for f in (Path("claims/fiia-298"), Path("/tmp/argmap-bench/maps/1000/yaml"))
               if f.is_dir()]
    if not folders:
        pytest.skip("no map here")
    for folder in folders:
        for claim in load(folder).claims:
            assert normalise(claim.text) == old_normalise(claim.text)
