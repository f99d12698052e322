"""The bounds checked before YAML is parsed: numbers too long to convert, and what aliases
copy, measured on the unexpanded tree. Properties: the measure never falls short of what
yaml-rs really copies, and no number over the limit reaches the parser."""

from __future__ import annotations

from typing import Any

import pytest
import yaml_rs
from hypothesis import given
from hypothesis import strategies as st

from argmap import Limits, MapLoadError
from argmap._load.positions import PositionIndex
from argmap._load.prescan import alias_characters, check_aliases, check_numbers


def _strings(value: Any) -> int:
    """Characters of every string in parsed data (keys too)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_strings(k) + _strings(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(_strings(v) for v in value)
    return 0


@st.composite
def _aliased_documents(draw: st.DrawFn) -> tuple[str, int]:
    """A document of anchors, each a text or a list of aliases of earlier anchors; and the
    characters its texts hold as written."""
    lines = []
    written = 0
    for index in range(draw(st.integers(1, 6))):
        key = f"k{index}"
        written += len(key)
        if index == 0 or draw(st.booleans()):
            # an empty text is a null value, which rapidyaml gives as None
            text = draw(st.text("abc xyz", max_size=40)).strip()
            comment = " # c" if not text and draw(st.booleans()) else ""
            lines.append(f"{key}: &a{index} {text}{comment}")
            written += len(text)
        else:
            refs = draw(st.lists(st.integers(0, index - 1), min_size=1, max_size=5))
            lines.append(f"{key}: &a{index} [" + ", ".join(f"*a{r}" for r in refs) + "]")
    return "\n".join(lines) + "\n", written


@given(_aliased_documents())
def test_the_alias_measure_is_never_short_of_what_is_copied(document: tuple[str, int]) -> None:
    text, written = document
    copied = _strings(yaml_rs.loads(text, parse_datetime=False)) - written
    positions = PositionIndex("map.yaml", text)  # owns the buffer the tree points into
    assert alias_characters(positions.tree(), 10**12) >= copied


def test_an_alias_bomb_is_refused_and_an_ordinary_alias_is_not() -> None:
    bomb = "a: &a " + "x" * 1000 + "\nb: [" + ", ".join(["*a"] * 50) + "]\n"
    with pytest.raises(MapLoadError) as caught:
        check_aliases(bomb, PositionIndex("m.yaml", bomb), Limits(max_alias_characters=40_000))
    assert "aliases copy more than 40,000 characters" in caught.value.findings[0].message
    assert check_aliases(bomb, PositionIndex("m.yaml", bomb), Limits())


@pytest.mark.parametrize("text", [
    "a: &x\nb: *x\n",  # an anchored empty value, copied
    "&x : 1\nb: *x\n",  # an anchored empty key, copied
    "title: t\nclaims:\n  - id: C0\n    text: #\n  - id: C1\n    text: *1\n",
])
def test_empty_scalars_measure_as_empty(text: str) -> None:
    """rapidyaml gives an empty key or value as None: once a crash (TypeError) of every
    check of such a map with an alias in it."""
    positions = PositionIndex("map.yaml", text)
    assert alias_characters(positions.tree(), 10**12) <= 1  # the copied value itself
    assert check_aliases(text, positions, Limits())


_NUMBER_FORMS = st.sampled_from(["{d}", "-{d}", "+{d}", "0x{h}", "0o{o}", "{d}.{d}", "{d}e5",
                                 "{d}_{d}", ".{d}", "0b{b}"])


@given(form=_NUMBER_FORMS, length=st.integers(1, 60), quoted=st.booleans())
def test_no_number_over_the_limit_reaches_the_parser(form: str, length: int,
                                                     quoted: bool) -> None:
    literal = form.format(d="7" * length, h="f" * length, o="7" * length, b="1" * length)
    text = f"title: x\nvalue: {literal!r}\n" if quoted else f"title: x\nvalue: {literal}\n"
    limits = Limits(max_number_length=30)
    parsed = yaml_rs.loads(text, parse_datetime=False)["value"]
    is_number = isinstance(parsed, int | float) and not isinstance(parsed, bool)
    if is_number and len(literal) > 30:
        with pytest.raises(MapLoadError) as caught:
            check_numbers(PositionIndex("m.yaml", text), limits)
        location = caught.value.findings[0].location
        assert location is not None
        assert (location.line, location.column) == (2, 8)
    else:
        check_numbers(PositionIndex("m.yaml", text), limits)
