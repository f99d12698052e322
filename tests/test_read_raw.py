"""A file's position index keeps the bytes it was read from instead of encoding its text
again: they must be the text's UTF-8 (a BOM, which decoding drops, is the one exception)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from argmap._load.read import decode, parse_file, parse_text


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=20), st.booleans())
def test_the_bytes_kept_are_the_texts_utf8(text: str, bom: bool) -> None:
    raw = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    decoded = decode(raw, "x")
    kept = parse_text("k: 1\n", Path("map.yaml"), raw=raw).positions._data  # noqa: SLF001
    if not bom:
        assert decoded.encode("utf-8") == raw
        assert kept is raw
    else:
        assert kept == b"k: 1\n"  # encoded from the text, not the bytes with their BOM


def test_a_file_with_a_bom_is_located_as_before(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_bytes("\ufeff".encode() + b"title: t\nclaims:\n  - id: A\n    text: x\n")
    parsed = parse_file(path)
    assert parsed.positions._data.startswith(b"title")  # noqa: SLF001
    assert parsed.positions.locate(("claims", 0, "text")).line == 4
