"""The limits' quick pass against the exact walk: a file the quick pass lets through is one
the walk lets through, whatever escapes its strings hold (YAML and JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import MapLoadError
from argmap._load import limits
from argmap._load.limits import FORBIDDEN_CHARS, may_hold_forbidden
from argmap._load.read import parse_text

#: Escapes of a double-quoted YAML scalar, a few that write forbidden characters.
_YAML_PIECES = [
    "\\0", "\\a", "\\b", "\\t", "\\n", "\\v", "\\f", "\\r", "\\e", "\\x1b", "\\x1F", "\\x41",
    "\\x7f", "\\u0007", "\\u0041", "\\uFFFE", "\\uffff", "\\ud800", "\\U0001F600",
    "\\U0000fffe", "\\\\", "\\\\0", "\\\\u0007", '\\"', "\\N", "\\_", "\\L", "\\ ", "a", "é",
    "\ufffe", "\u00a0", " ",
]
#: Escapes of a JSON string.
_JSON_PIECES = [
    "\\b", "\\f", "\\n", "\\t", "\\r", "\\u0000", "\\u001f", "\\u001F", "\\u0041", "\\uD800",
    "\\udc00", "\\ud83d\\ude00", "\\uFFFE", "\\uffff", "\\\\", "\\\\b", "\\\\u0000", '\\"',
    "\\/", "a", "é", "\ufffe", "\uffff", " ",
]


def _outcome(text: str, name: str, *, quick: bool) -> str:
    with pytest.MonkeyPatch.context() as patch:
        if not quick:
            patch.setattr(limits, "_passes_quickly", lambda *_a, **_k: False)
        try:
            parse_text(text, Path(name))
        except MapLoadError as exc:
            return repr(exc.findings)
        except UnicodeEncodeError:
            return "unencodable"
    return "ok"


def _assert_same(text: str, name: str) -> None:
    assert _outcome(text, name, quick=True) == _outcome(text, name, quick=False)


@pytest.mark.parametrize("piece", _YAML_PIECES)
def test_each_yaml_escape_alone(piece: str) -> None:
    _assert_same(f'k: "a{piece}b"\n', "map.yaml")


@pytest.mark.parametrize("piece", _JSON_PIECES)
def test_each_json_escape_alone(piece: str) -> None:
    _assert_same(f'{{"k": "a{piece}b"}}', "map.json")


@given(st.lists(st.lists(st.sampled_from(_YAML_PIECES), max_size=6), min_size=1, max_size=4))
def test_yaml_escapes(strings: list[list[str]]) -> None:
    lines = [f'k{index}: "{"".join(pieces)}"' for index, pieces in enumerate(strings)]
    _assert_same("\n".join(lines) + "\n", "map.yaml")


@given(st.lists(st.lists(st.sampled_from(_JSON_PIECES), max_size=6), min_size=1, max_size=4))
def test_json_escapes(strings: list[list[str]]) -> None:
    body = ", ".join(f'"k{index}": "{"".join(pieces)}"' for index, pieces in enumerate(strings))
    _assert_same("{" + body + "}", "map.json")


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                max_size=3),
    max_leaves=12,
))
def test_json_of_any_data(data: Any) -> None:
    for ascii_only in (True, False):
        try:
            text = json.dumps({"v": data}, ensure_ascii=ascii_only)
        except UnicodeEncodeError:
            continue
        _assert_same(text, "map.json")


@given(st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    ["\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x1f", "\x7f", "\x85",
     "\ufffe", "\uffff", "\ufffd", "\U0010ffff", "\ufeff"])))
def test_forbidden_bytes_agree_with_the_pattern(text: str) -> None:
    assert may_hold_forbidden(text.encode("utf-8")) is (FORBIDDEN_CHARS.search(text) is not None)
