"""The search for forbidden bytes before a YAML parse looks for each control byte with
``bytes.find``, a piece of the file at a time. It must answer as the pass it replaced
(``bytes.translate`` deleting every byte that is allowed), wherever the pieces end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import limits as limits_module
from argmap._load.limits import FORBIDDEN_CHARS, may_hold_forbidden

#: Every byte but the C0 controls FORBIDDEN_CHARS refuses.
_NOT_FORBIDDEN_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\r"


def _reference(data: bytes) -> bool:
    """The search as it was: one ``translate`` pass over the bytes, then the noncharacters."""
    return bool(data.translate(None, _NOT_FORBIDDEN_BYTES)) or (
        b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)
    )


_CHARACTERS = st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    ["\x00", "\x01", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1b", "\x1f", " ",
     "\x7f", "\x85", "\ufffd", "\ufffe", "\uffff", "\uefbf", "\U0010ffff", "a"])


@settings(max_examples=max(400, settings().max_examples))
@given(text=st.text(_CHARACTERS, max_size=40), piece=st.integers(1, 8))
def test_the_search_answers_as_the_translate_pass(text: str, piece: int) -> None:
    data = text.encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits_module, "_SEARCHED_AT_ONCE", piece)
        assert may_hold_forbidden(data) is _reference(data)
        assert may_hold_forbidden(data) is (FORBIDDEN_CHARS.search(text) is not None)


@pytest.mark.parametrize("byte", [*range(0x20), 0x7f, 0xef])
def test_each_byte_alone_and_at_the_end_of_a_piece(byte: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits_module, "_SEARCHED_AT_ONCE", 4)
        for at in range(9):
            data = b"a" * at + bytes([byte]) + b"b" * (8 - at)
            assert may_hold_forbidden(data) is _reference(data), (byte, at)
