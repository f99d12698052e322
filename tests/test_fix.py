"""``argmap check --fix`` / ``--unsafe-fixes`` / ``--diff``: fixes as text edits that keep the map.

The acceptance test plants fixable problems in a copy of a clean map (tests/fix-maps) and
checks that ``--fix --unsafe-fixes`` gives back the original map's model, keeps every
comment, and that a second run changes nothing. Property tests: an edit either gives exactly
the intended data or is refused (never a corrupt file), and ``--fix`` on a mutated map never
crashes and always leaves a map that loads when the mutated one did.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._fix.text_edits import EditRefusedError, apply_edit
from argmap._load.read import parse_text
from argmap.cli import cli

ORIGINAL = Path(__file__).parent / "fix-maps" / "bike-lanes"

#: (file, old, new): each plants one fixable problem in the copy.
PLANTS = [
    # AM421 (safe): spaces and a no-break space where the snapshot has one space
    ("map.yaml", "exact: rose from 400 to 1,200 per weekday, a threefold increase",
     "exact: rose from 400 to 1,200 per weekday,  a threefold\u00a0increase"),
    # AM421 (safe): a double-quoted quote with an en space (U+2002) for a space
    ("map.yaml", "exact: Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.",
     'exact: "Reported injuries to cyclists fell from 20 in 2021 to 12\u2002in 2022."'),
    # AM422 (safe): a declared quantity removed; the fix declares it again
    ("map.yaml",
     "      - {id: Q-P-FUND-1, kind: amount, value: 0.9, unit: EUR, scale: million, "
     "text: EUR 0.9 million}\n", ""),
    # AM301 (unsafe): the claim's evidence dropped; the suggestion cites E-INJURIES again
    ("map.yaml", "evidence: [E-INJURIES]  # the one quote on safety",
     "evidence: []  # the one quote on safety"),
    # AM405 (unsafe): a stale fingerprint
    ("sources.yaml", "sha256: 5efa4469a5c9d835a9e13795b6716c62b2f1857d991aeee3a4c0c8d8cf9aa55b",
     "sha256: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
]


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, ["check", "--no-config", *args])


def planted(tmp_path: Path) -> Path:
    copy = tmp_path / "bike-lanes"
    shutil.copytree(ORIGINAL, copy)
    for name, old, new in PLANTS:
        path = copy / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))}


def comments(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def test_the_original_has_nothing_to_fix() -> None:
    result = invoke("--diff", "--unsafe-fixes", str(ORIGINAL))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_fix_gives_back_the_original_map_and_keeps_every_comment(tmp_path: Path) -> None:
    copy = planted(tmp_path)
    before = invoke("--show-info", "-f", "concise", str(copy))
    for code in ("AM421", "AM422", "AM301", "AM405"):
        assert code in before.stdout, code
    result = invoke("--fix", "--unsafe-fixes", str(copy))
    assert "Fixed 5 findings in 2 files." in result.stdout, result.stdout
    assert argmap.load(copy).model_dump() == argmap.load(ORIGINAL).model_dump()
    for name, text in texts(copy).items():
        assert comments(text) == comments((ORIGINAL / name).read_text(encoding="utf-8"))
    fixed = texts(copy)
    again = invoke("--fix", "--unsafe-fixes", str(copy))
    assert "Fixed 0 findings in 0 files." in again.stdout
    assert texts(copy) == fixed
    assert again.exit_code == 0, again.stdout


def test_safe_fixes_alone_leave_the_unsafe_ones(tmp_path: Path) -> None:
    copy = planted(tmp_path)
    result = invoke("--fix", str(copy))
    assert "(3 more with --unsafe-fixes)" in result.stdout, result.stdout
    text = (copy / "sources.yaml").read_text(encoding="utf-8")
    assert "0123456789abcdef" in text  # the unsafe fix was not made
    assert "evidence: []" in (copy / "map.yaml").read_text(encoding="utf-8")


def test_diff_prints_the_fixes_and_changes_nothing(tmp_path: Path) -> None:
    copy = planted(tmp_path)
    before = texts(copy)
    result = invoke("--diff", str(copy))
    assert result.exit_code == 1
    assert texts(copy) == before
    assert re.search(r"^--- a/.*bike-lanes/map.yaml$", result.stdout, re.MULTILINE)
    assert "+      exact: rose from 400 to 1,200 per weekday, a threefold increase" in result.stdout
    assert "sources.yaml" not in result.stdout  # the hash is an unsafe fix
    assert "Would fix 3 findings (3 more with --unsafe-fixes)." in result.stderr
    unsafe = invoke("--diff", "--unsafe-fixes", str(copy))
    assert "+    sha256: 5efa4469a5c9d835a9e13795b6716c62b2f1857d991aeee3a4c0c8d8cf9aa55b" in (
        unsafe.stdout)


def test_fixable_findings_are_marked(tmp_path: Path) -> None:
    copy = planted(tmp_path)
    result = invoke("--show-info", "-f", "concise", str(copy))
    marked = [line for line in result.stdout.splitlines() if " [*] " in line]
    assert {re.search(r"AM\d+", line).group() for line in marked} == {"AM421", "AM422"}  # type: ignore[union-attr]
    assert "[*] 3 fixable with `argmap check --fix` (3 more with `--unsafe-fixes`)." in (
        result.stdout)
    document = invoke("-f", "json", str(copy)).stdout
    import json

    fixes = [f["fix"] for f in json.loads(document)["findings"] if f["fix"]]
    assert {fix["applicability"] for fix in fixes} == {"safe", "unsafe"}


def test_fix_options_are_checked() -> None:
    assert invoke("--unsafe-fixes", str(ORIGINAL)).exit_code == 2
    assert invoke("--fix", "--diff", str(ORIGINAL)).exit_code == 2
    assert invoke("--fix", "-").exit_code == 2


# --- properties -------------------------------------------------------------------------------


def _parse(text: str) -> Any:
    return parse_text(text, Path("map.yaml"), "map.yaml").data


MAP_TEXT = (ORIGINAL / "map.yaml").read_text(encoding="utf-8")
MAP_DATA = _parse(MAP_TEXT)
SCALAR_PATHS = [
    ("title",), ("claims", 0, "text"), ("claims", 3, "text"), ("evidence", 0, "quote", "exact"),
    ("evidence", 1, "quote", "exact"), ("evidence", 2, "quote", "exact"),
    ("relations", 0, "to"), ("evidence", 0, "quote", "prefix"),
]
LIST_PATHS = [("claims", 1, "evidence"), ("claims", 0, "tags"), ("evidence",), ("relations",),
              ("claims", 2, "quantities")]
values = st.one_of(
    st.text(max_size=40),
    st.integers(-10**6, 10**6),
    st.dictionaries(st.sampled_from(["id", "text", "value"]), st.text(max_size=10), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(SCALAR_PATHS), value=st.text(max_size=60))
def test_a_set_gives_the_intended_data_or_is_refused(path: tuple[Any, ...], value: str) -> None:
    try:
        after = apply_edit(MAP_TEXT, MAP_DATA, "set", path, value, _parse)
    except EditRefusedError:
        return
    data = _parse(after)
    target = data
    for step in path[:-1]:
        target = target[step]
    assert target[path[-1]] == _parse("x: " + __import__("json").dumps(value))["x"]
    assert all(comment in after for comment in comments(MAP_TEXT))


@settings(max_examples=100, deadline=None)
@given(path=st.sampled_from(LIST_PATHS), value=values)
def test_an_append_gives_the_intended_data_or_is_refused(path: tuple[Any, ...],
                                                         value: Any) -> None:
    try:
        after = apply_edit(MAP_TEXT, MAP_DATA, "append", path, value, _parse)
    except EditRefusedError:
        return
    assert all(comment in after for comment in comments(MAP_TEXT))
    assert _parse(after) != MAP_DATA


MUTATIONS = st.lists(
    st.tuples(st.sampled_from(["E-CYCLISTS", "E-INJURIES", "E-COST", "Q-FUND", "T1", "0.9"]),
              st.sampled_from(["  ", "\u00a0", "\u2019", '"', "'", "#", ": ", "\n", "-", "]",
                               "\u201c", "x"])),
    max_size=4,
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=MUTATIONS, unsafe=st.booleans())
def test_fix_never_crashes_and_never_corrupts(tmp_path: Path, mutations: list[tuple[str, str]],
                                              unsafe: bool) -> None:
    copy = tmp_path / f"m{abs(hash((tuple(mutations), unsafe)))}"
    if copy.exists():
        shutil.rmtree(copy)
    copy = planted(copy)
    text = (copy / "map.yaml").read_text(encoding="utf-8")
    for anchor, insert in mutations:
        at = text.find(anchor)
        if at >= 0:
            text = text[:at + len(anchor) // 2] + insert + text[at + len(anchor) // 2:]
    (copy / "map.yaml").write_text(text, encoding="utf-8")
    try:
        argmap.load(copy)
        loaded = True
    except argmap.MapLoadError:
        loaded = False
    args = ["--fix", "--unsafe-fixes"] if unsafe else ["--fix"]
    result = invoke(*args, "-f", "concise", str(copy))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2)
    if loaded:
        argmap.load(copy)  # raises if a fix corrupted it
    else:
        assert (copy / "map.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("suffix", [".json"])
def test_json_maps_are_fixed_as_json(tmp_path: Path, suffix: str) -> None:
    import json

    folder = tmp_path / "m"
    shutil.copytree(ORIGINAL, folder)
    data = _parse((folder / "map.yaml").read_text(encoding="utf-8"))
    data["evidence"][0]["quote"]["exact"] = (
        "rose  from 400 to 1,200 per weekday, a threefold increase")
    (folder / "map.yaml").unlink()
    (folder / f"map{suffix}").write_text(json.dumps(data, indent=2), encoding="utf-8")
    result = invoke("--fix", str(folder))
    assert "Fixed 1 finding in 1 file." in result.stdout, result.stdout
    fixed = json.loads((folder / f"map{suffix}").read_text(encoding="utf-8"))
    assert fixed["evidence"][0]["quote"]["exact"] == (
        "rose from 400 to 1,200 per weekday, a threefold increase")
