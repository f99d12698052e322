"""The load codes (AM1xx) are one table: every code the loader emits is in it, every entry is
emitted somewhere, each has its constant, and each example triggers its code."""

from __future__ import annotations

import ast
import json
import re
import shlex
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap import MapLoadError
from argmap._codes import CodeDoc
from argmap._findings import UNREADABLE_CODES, Severity
from argmap._load import codes
from argmap._load.codes import ARGDOWN_CODES, LOAD_CODES, load_problem
from argmap.cli import cli

LOAD_PACKAGE = Path(codes.__file__).parent
CORPUS = Path(__file__).parent / "bad-inputs"
EXAMPLE = re.compile(r"^(FAIL|PASS)::\n\n((?:    .*\n|\n)+)", re.MULTILINE)


def _constant_name(doc: CodeDoc) -> str:
    return doc.id.upper().replace("-", "_")


def _emitting_modules() -> dict[str, ast.Module]:
    """Every module of the loader but the table itself."""
    return {
        path.name: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(LOAD_PACKAGE.glob("*.py"))
        if path.name != "codes.py"
    }


def _examples(doc: CodeDoc) -> list[tuple[str, str]]:
    """The body's (FAIL or PASS, text) literal blocks."""
    return [
        (label, textwrap.dedent(block).strip() + "\n")
        for label, block in EXAMPLE.findall(doc.body + "\n")
    ]


def test_the_table_is_in_code_order_and_holds_load_errors() -> None:
    assert list(LOAD_CODES) == sorted(LOAD_CODES)
    assert list(LOAD_CODES) == [f"AM1{n:02d}" for n in range(1, len(LOAD_CODES) + 1)]
    for code, doc in LOAD_CODES.items():
        assert doc.code == code
        if doc in ARGDOWN_CODES.values():  # the Argdown reader's notes: the map still loads
            assert doc.severity < Severity.ERROR
        else:
            assert doc.severity is Severity.ERROR
        assert doc.family == "file and schema"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", doc.id)
        assert doc.summary.endswith("."), code
        assert doc.body, code
        assert not doc.body.startswith(("FAIL::", "PASS::")), f"{code}: a paragraph comes first"
        assert _examples(doc), f"{code} has no example"
    assert len({doc.id for doc in LOAD_CODES.values()}) == len(LOAD_CODES)


def test_each_code_has_a_constant_named_after_its_id() -> None:
    for doc in LOAD_CODES.values():
        assert getattr(codes, _constant_name(doc)) is doc
        assert _constant_name(doc) in codes.__all__


def test_every_entry_is_emitted_somewhere() -> None:
    used: set[str] = set()
    for module in _emitting_modules().values():
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                "load_problem", "load_error"
            ):
                first = node.args[0]
                if isinstance(first, ast.IfExp):  # validate.py: WRONG_TYPE if ... else ...
                    used.update(getattr(part, "id", "") for part in (first.body, first.orelse))
                else:
                    used.add(getattr(first, "id", ""))
    # the Argdown reader names its problems by kind; ARGDOWN_CODES turns a kind into a code
    reader = Path(codes.__file__).parent.parent / "_interop" / "argdown"
    kinds = {
        node.args[0].value
        for path in reader.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ReadProblem"
        and node.args and isinstance(node.args[0], ast.Constant)
    } | {
        node.args[0].value
        for path in reader.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "problem"
        and node.args and isinstance(node.args[0], ast.Constant)
    }
    assert kinds == set(ARGDOWN_CODES)
    used.update(_constant_name(ARGDOWN_CODES[kind]) for kind in kinds)
    assert used == {_constant_name(doc) for doc in LOAD_CODES.values()}


def test_no_load_code_is_written_outside_the_table() -> None:
    """A code as a string literal in the loader would bypass the table (and its id)."""
    for name, module in _emitting_modules().items():
        literals = [
            node.value
            for node in ast.walk(module)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.fullmatch(r"AM\d{3}", node.value)
        ]
        assert literals == [], f"{name} writes {literals}"


def test_every_code_of_the_bad_input_corpus_is_in_the_table() -> None:
    found = set()
    for expected in CORPUS.glob("*/expected.json"):
        for finding in json.loads(expected.read_text(encoding="utf-8")).get("findings", []):
            if re.fullmatch(r"AM1\d\d", finding["code"]):
                found.add(finding["code"])
    assert found, "the corpus asserts no load code"
    assert found <= set(LOAD_CODES)


def test_unreadable_codes_are_in_the_table_and_say_how_they_exit() -> None:
    assert set(LOAD_CODES) >= UNREADABLE_CODES
    for code, doc in LOAD_CODES.items():
        assert ("exits 2" in doc.body) == (code in UNREADABLE_CODES), code


def test_a_problem_takes_code_id_and_severity_from_the_table() -> None:
    finding = load_problem(codes.LIMIT_EXCEEDED, "too deep", None, hint="flatten it")
    assert (finding.code, finding.rule, finding.severity) == (
        "AM107", "limit-exceeded", Severity.ERROR
    )
    assert finding.hint == "flatten it"
    assert not MapLoadError([finding]).unreadable
    assert MapLoadError([load_problem(codes.NO_MAP_FOUND, "none", None)]).unreadable


def _replay(session: str) -> bool:
    """Run a console example in the current folder; False when it needs what a test cannot do.

    ``cat FILE`` and ``printf TEXT > FILE`` write the file, ``mkdir`` makes a folder, ``ln -s``
    a symbolic link, and the first line ``argmap`` prints must be the one shown.
    """
    lines = session.splitlines()
    steps: list[tuple[list[str], list[str]]] = []
    for line in lines:
        if line.startswith("$ "):
            steps.append((shlex.split(line[2:]), []))
        else:
            steps[-1][1].append(line)
    for command, shown in steps:
        if command[0] == "cat":
            Path(command[1]).write_text("\n".join(shown) + "\n", encoding="utf-8")
        elif command[0] == "printf" and command[2] == ">":
            text = command[1].encode().decode("unicode_escape")
            Path(command[3]).write_bytes(text.encode("latin-1"))
        elif command[0] == "mkdir":
            Path(command[1]).mkdir()
        elif command[:2] == ["ln", "-s"]:
            Path(command[3]).symlink_to(command[2])
        elif command[0] == "argmap":
            result = CliRunner().invoke(cli, [command[1], "--no-config", *command[2:]])
            assert result.output.splitlines()[0] == shown[0]
        else:
            return False
    return True


@pytest.mark.parametrize("doc", LOAD_CODES.values(), ids=list(LOAD_CODES))
def test_each_example_shows_its_code(
    doc: CodeDoc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A map example fails with its code alone and its fix loads; a console example prints
    what it shows (AM103's needs a file its reader may not read, which root always may)."""
    monkeypatch.chdir(tmp_path)
    for number, (label, text) in enumerate(_examples(doc)):
        if text.startswith("$ "):
            assert f": {doc.code} " in text.splitlines()[-1]
            assert _replay(text) or doc.code == "AM103"
            continue
        path = tmp_path / f"{number}.yaml"
        path.write_text(text, encoding="utf-8")
        if label == "PASS":
            argmap.load(path)
            continue
        with pytest.raises(MapLoadError) as caught:
            argmap.load(path)
        assert {f.code for f in caught.value.findings} == {doc.code}, caught.value
