"""The line scan that locates findings without a second parse must agree with rapidyaml's tree.

Wherever the scan answers, its answer must be the tree's, node for node, key and value; it
may decline (the tree is then built as before). Checked on every node of the maps in this
repository and of a generated map, and on hypothesis's edits of a map: lines indented,
duplicated, removed, re-quoted, commented, turned into flow style or block scalars.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load.blockscan import BlockScan
from argmap._load.positions import PositionIndex
from tree_paths import tree_paths

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(
    path
    for folder in ("claims", "examples", "tests/example-maps")
    for path in (ROOT / folder).rglob("*.y*ml")
)


def _compare(text: str, *, pruned_too: bool = True) -> tuple[int, int]:
    """(paths, answered): fails on the first node where the scan and the tree differ.

    The scan is asked twice: with the parsed data, and pruned to its outline (a check drops
    the data once the models are built; the items a path names are then read again alone).
    Both must agree with the tree wherever they answer, and the pruned scan must answer
    wherever the full one does, unless an item leans on the rest of the file (an alias).
    """
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - an edit that breaks the YAML proves nothing here
        return 0, 0
    tree = PositionIndex("f.yaml", text)
    if tree.tree() is None:  # rapidyaml cannot read it: the tree has nothing to compare with
        return 0, 0
    scan = BlockScan(text.encode("utf-8"), data)
    pruned = BlockScan(text.encode("utf-8"), data)
    pruned.prune()
    total = answered = 0
    for path in tree_paths(data):
        for part in ("value", "key"):
            total += 1
            found = scan.locate(path, part)  # type: ignore[arg-type]
            if pruned_too:
                again = pruned.locate(path, part)  # type: ignore[arg-type]
                if again is not None:
                    assert tree.at_offset(*again) == tree.locate(path, part), (path, part)  # type: ignore[arg-type]
                elif found is not None:  # only an alias keeps an item from reading alone
                    assert "*" in text, (path, part)
            if found is None:
                continue
            answered += 1
            assert tree.at_offset(*found) == tree.locate(path, part), (path, part)  # type: ignore[arg-type]
    tree.drop_tree()
    return total, answered


def test_the_scan_agrees_with_the_tree_on_every_map_here() -> None:
    total = answered = 0
    for path in CORPUS:
        paths, found = _compare(path.read_text(encoding="utf-8"))
        if "example-maps" not in path.parts:  # those are made to be odd; only agreement counts
            total += paths
            answered += found
    assert total > 10_000
    # the scan must also be useful: it answers for nearly every node of real maps
    assert answered / total > 0.95, f"{answered} of {total}"


def test_the_scan_agrees_on_a_generated_map(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate, write
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folders = write(generate(300), tmp_path, ("yaml",))
    for name in ("map.yaml", "sources.yaml"):
        total, answered = _compare((folders["yaml"] / name).read_text(encoding="utf-8"))
        assert answered / total > 0.95


_SAMPLE = (ROOT / "examples" / "bike-lanes" / "map.yaml").read_text(encoding="utf-8")
_LINES = _SAMPLE.splitlines(keepends=True)


def _edit(lines: list[str], kind: str, index: int, amount: int) -> list[str]:
    """One edit of the kinds that move a scan off course if it trusts indentation blindly."""
    lines = list(lines)
    if not lines:
        return lines
    index %= len(lines)
    line = lines[index]
    if kind == "indent":
        lines[index] = " " * amount + line
    elif kind == "dedent":
        lines[index] = line[min(amount, len(line) - len(line.lstrip(" "))):]
    elif kind == "duplicate":
        lines.insert(index, line)
    elif kind == "remove":
        del lines[index]
    elif kind == "comment":
        lines.insert(index, " " * amount + "# - id: X\n")
    elif kind == "quote":
        lines[index] = re.sub(r": (\S.*)$", lambda m: ': "' + m.group(1) + '"', line)
    elif kind == "single-quote":
        lines[index] = re.sub(r": (\S.*)$", lambda m: ": '" + m.group(1) + "'", line)
    elif kind == "flow":
        lines[index] = re.sub(r"^(\s*)- (\w+): (.*)$", r"\1- {\2: \3}", line)
    elif kind == "block":
        lines[index] = re.sub(r": (\S.*)$", lambda m: ": >-\n" + " " * (amount + 2)
                              + m.group(1), line)
    elif kind == "continue":
        lines.insert(index + 1, " " * amount + "more words\n")
    elif kind == "crlf":
        lines[index] = line.replace("\n", "\r\n")
    elif kind == "tab":
        lines[index] = line.replace(": ", ":\t", 1)
    elif kind == "anchor":  # an anchor on one value, an alias to it on another line
        lines[index] = re.sub(r": (\S.*)$", r": &a \1", line)
        other = (index + amount + 1) % len(lines)
        lines[other] = re.sub(r": (\S.*)$", ": *a", lines[other])
    elif kind == "marker":
        lines.insert(index, "---\n" if amount % 2 else "...\n")
    return lines


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["indent", "dedent", "duplicate", "remove", "comment", "quote",
                         "single-quote", "flow", "block", "continue", "crlf", "tab",
                         "anchor", "marker"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=8),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=max(150, settings().max_examples))  # the long profile runs 5,000
@given(edits=_EDITS)
def test_the_scan_never_disagrees_with_the_tree_on_an_edited_map(
    edits: list[tuple[str, int, int]],
) -> None:
    lines = _LINES
    for kind, index, amount in edits:
        lines = _edit(lines, kind, index, amount)
    _compare("".join(lines))


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2]\nb: {c: d}\n",
        "- {id: A, n: 1}\n- {id: B, n: 2}\n",
        "x: |\n  keep\n  this\ny: 'it''s'\nz: \"esc\\u00e9\"\n",
        "k:\n- 1\n- 2\nm:\n  n: plain\n    continued\n",
        "a: &x 1\nb: *x\n",
        "? complex\n: value\n",
        "---\na: 1\n",
        "a:\n  - - 1\n    - 2\n",
        "claims:\n  - &c {id: A}\n  - *c\n",
        "claims:\n  - id: A\n    text: &t hello\n  - id: B\n    text: *t\n",
        "claims:\n  - &base\n    kind: fact\n  - <<: *base\n    id: B\n",
        "claims:\n- id: A\n  text: x\n- id: B\n  text: |\n    - not an item\n",
        "- id: A\n  issued: 2020-01-02\n- id: B\n  n: 0x1F\n",
        "claims:\n  - id: A\n    text: \"multi\n      line\"\n  - id: B\n",
        "claims:\n  - id: A\n    text: plain\n      continued\n  # - id: C\n  - id: B\n",
        "claims:\n  - id: A\n    text: |2\n       two more\n      x\n  - id: B\n    text: >1\n"
        "      folded\n",
        "claims:\n- id: A\n  text: |4-\n        deep\n- id: B\n",
        "sources:\n  - id: S\n    issued: {date-parts: [[2020, 1]]}\n    author:\n"
        "      - family: X\n  - id: T\n    title: 'a ''b'' c'\n",
    ],
)
def test_the_scan_agrees_on_awkward_yaml(text: str) -> None:
    _compare(text)
