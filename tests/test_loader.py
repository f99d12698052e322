"""Loading: files and folders, YAML 1.2 and JSON, and one located, coded error per bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import argmap
from argmap import MapLoadError

EXAMPLE = Path(__file__).parent.parent / "examples" / "bike-lanes"


def load_error(path: Path) -> argmap.Finding:
    with pytest.raises(MapLoadError) as caught:
        argmap.load(path)
    assert len(caught.value.findings) == 1, caught.value.findings
    return caught.value.findings[0]


def write(tmp_path: Path, text: str | bytes, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_folder_combines_map_and_sources_files() -> None:
    loaded = argmap.load(EXAMPLE)
    assert [s.id for s in loaded.sources] == ["city-report-2023"]
    assert loaded.origin.folder == EXAMPLE
    assert {c.kind for c in loaded.claims} >= {"thesis", "premise", "assumption", "objection"}


def test_locations_point_at_the_named_field() -> None:
    loaded = argmap.load(EXAMPLE)
    origin = loaded.origin
    where = origin.locate("E-CYCLISTS", "period", kind="evidence")
    assert origin.line_text(where).strip() == "period: 2022"
    where = origin.locate("city-report-2023", "URL", kind="sources")
    assert where.file.endswith("sources.yaml")
    assert origin.line_text(where).strip().startswith("URL: https://example.org")
    assert where.column == origin.line_text(where).index("https") + 1
    # a flow mapping inside a block list
    where = origin.locate("P-CYCLISTS", "quantities", 1, "value", kind="claims")
    assert origin.line_text(where)[where.column - 1 :].startswith("1200")


def test_locations_survive_escapes_and_crlf(tmp_path: Path) -> None:
    text = 'title: "a\\nb\\tc"\r\nclaims:\r\n  - id: C1\r\n    text: "x\\ny"\r\n    kind: bad\r\n'
    error = load_error(write(tmp_path, text))
    assert (error.code, error.line, error.column) == ("AM114", 5, 11)


def test_yaml_is_read_as_yaml_1_2(tmp_path: Path) -> None:
    path = write(tmp_path, "title: NO\nclaims:\n  - {id: C1, text: yes, kind: thesis}\n")
    loaded = argmap.load(path)
    assert loaded.title == "NO"
    assert loaded.claims[0].text == "yes"


def test_json_and_yaml_are_equivalent(tmp_path: Path) -> None:
    loaded = argmap.load(EXAMPLE)
    shutil.copytree(EXAMPLE / "snapshots", tmp_path / "snapshots")  # dump() needs them there
    path = tmp_path / "copy.json"
    argmap.dump(loaded, path)
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == loaded.title
    assert argmap.load(path) == loaded


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufefftitle: With BOM\n".encode())
    assert argmap.load(path).title == "With BOM"


@pytest.mark.parametrize(
    ("name", "content", "code", "line", "column", "hint_part"),
    [
        ("syntax", "title: [x\n", "AM105", 1, 8, None),
        ("tabs", "title: x\nclaims:\n\t- id: C1\n", "AM105", 3, 2, "spaces"),
        ("list", "- title: x\n", "AM110", 1, 1, "title"),
        ("scalar", "just words\n", "AM110", 1, 1, "title"),
        ("empty", "", "AM110", 1, 1, "title"),
        ("comments-only", "# nothing\n", "AM110", 1, 1, "title"),
        ("dup-key", "title: x\nclaims: []\ntitle: y\n", "AM106", 3, 1, "line 1"),
        ("unsafe-tag", "title: !!python/object:os.system x\n", "AM108", 1, 8, "plain data"),
        ("unknown-key", "title: x\nclaims:\n  - {id: C1, text: a, tex: hi}\n", "AM111", 3, 23,
         "'text'"),
        ("wrong-type", "title: x\nclaims:\n  - {id: C1, text: hi, tags: 5}\n", "AM112", 3, 30,
         None),
        ("missing-field", "title: x\nclaims:\n  - id: C1\n", "AM113", 3, 3, None),
        ("bad-enum", "title: x\nclaims:\n  - {id: C1, text: t, kind: theses}\n", "AM114", 3, 29,
         "'thesis'"),
        ("bad-id", "title: x\nclaims:\n  - {id: my claim, text: t}\n", "AM114", 3, 10, None),
        ("bad-date", "title: x\nclaims:\n  - {id: C, text: t, period: 2020-13-45}\n", "AM114",
         3, 30, None),
        ("not-a-date", "title: x\nclaims:\n  - {id: C, text: t, period: 2021-02-29}\n", "AM114",
         3, 30, None),
        ("infinite", "title: x\nclaims:\n  - id: C\n    text: t\n    quantities:\n"
         "      - {id: q, value: .inf}\n", "AM114", 6, 24, None),
    ],
)
def test_bad_yaml_gets_one_located_coded_error(
    tmp_path: Path,
    name: str,
    content: str,
    code: str,
    line: int,
    column: int,
    hint_part: str | None,
) -> None:
    error = load_error(write(tmp_path, content, f"{name}.yaml"))
    assert (error.code, error.line, error.column) == (code, line, column), error
    assert error.file.endswith(f"{name}.yaml")
    assert "\n" not in error.message
    if hint_part is not None:
        assert error.hint is not None
        assert hint_part in error.hint


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "title: x\nclaims:\n  - {id: C1, txt: a}\n  - {id: C2, text: b, kind: nope}\n",
    )
    with pytest.raises(MapLoadError) as caught:
        argmap.load(path)
    codes = [(f.code, f.line) for f in caught.value.findings]
    assert codes == [("AM113", 3), ("AM111", 3), ("AM114", 4)]


def test_not_utf8_points_at_the_byte(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, b"title: ok\ntext: caf\xe9\n"))
    assert (error.code, error.line, error.column) == ("AM104", 2, 10)
    assert "0xe9" in error.message


def test_missing_path_and_folder_without_map(tmp_path: Path) -> None:
    assert load_error(tmp_path / "nope.yaml").code == "AM101"
    assert load_error(tmp_path).code == "AM102"
    assert MapLoadError([load_error(tmp_path)]).unreadable


@pytest.mark.parametrize(
    ("content", "line", "column", "message_part"),
    [
        ('{"title": "x",\n "claims": [}', 2, 13, "invalid JSON"),
        ('{"title": "x", "title": "y"}', 1, 17, "duplicate key"),
        ('{"title": "x", "claims": [{"id": "C", "text": "t", "quantities":'
         ' [{"id": "q", "value": NaN}]}]}', 1, 88, "NaN"),
    ],
)
def test_bad_json(tmp_path: Path, content: str, line: int, column: int, message_part: str) -> None:
    error = load_error(write(tmp_path, content, "map.json"))
    assert (error.line, error.column) == (line, column), error
    assert message_part in error.message


def test_quantity_values_are_exact_decimals(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "title: x\nclaims:\n  - id: C\n    text: t\n    quantities:\n"
        "      - {id: q, value: 18.79, scale: million}\n",
    )
    quantity = argmap.load(path).claims[0].quantities[0]
    assert str(quantity.value) == "18.79"
    assert quantity.magnitude == 18_790_000


def test_json_duplicate_key_message_names_the_key_it_points_at(tmp_path: Path) -> None:
    # json meets the inner object's duplicate first; the location is the first in the file
    error = load_error(write(tmp_path, '{"b": 1, "b": 2, "a": {"x": 1, "x": 2}}', "map.json"))
    assert error.code == "AM106"
    assert (error.line, error.column) == (1, 11)
    assert error.message == "duplicate key 'b'"


def test_json_duplicate_key_after_other_keys_is_found_and_siblings_may_repeat_keys(
    tmp_path: Path,
) -> None:
    """The hook builds each mapping in C and compares lengths: a key repeated after others
    is still refused, and the same keys in sibling mappings are not a duplicate."""
    fine = '{"title": "t", "claims": [{"id": "A", "text": "x"}, {"id": "B", "text": "y"}]}'
    assert [claim.id for claim in argmap.load(write(tmp_path, fine, "map.json")).claims] == [
        "A", "B"]
    error = load_error(write(tmp_path, '{"title": "t", "claims": [], "title": "u"}', "map.json"))
    assert error.code == "AM106"
    assert error.message == "duplicate key 'title'"
    assert (error.line, error.column) == (1, 31)


def test_json_integer_too_long_is_a_located_limit_error(tmp_path: Path) -> None:
    """Refused by --max-number-length before conversion; above it, int()'s own limit."""
    text = '{"title": "t", "claims": [], "n": ' + "9" * 5000 + "}"
    path = write(tmp_path, text, "map.json")
    error = load_error(path)
    assert error.code == "AM107"
    assert "a number of 5,000 characters" in error.message
    assert (error.location.line, error.location.column) == (1, 35)
    with pytest.raises(MapLoadError) as caught:
        argmap.load(path, limits=argmap.Limits(max_number_length=10_000))
    raised = caught.value.findings[0]
    assert raised.code == "AM105"
    assert "is not a number" not in raised.message
    assert "5000 digits" in raised.message


@pytest.mark.parametrize(("content", "line"), [(":", 1), ("title: x\n: 2\n", 2)])
def test_an_empty_key_is_a_located_null_key(tmp_path: Path, content: str, line: int) -> None:
    """An empty plain key has no text of its own in the parse tree; it once crashed the
    key check with a TypeError (found by the arbitrary-bytes property)."""
    path = tmp_path / "map.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        argmap.load(path)
    (finding,) = caught.value.findings
    assert finding.code == "AM112"
    assert "(empty) is null" in finding.message
    assert finding.location is not None
    assert finding.location.line == line
