"""docs/rules.md is generated from the registry; `argmap rules` and `explain` read the same."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from argmap._load.codes import LOAD_CODES
from argmap._output.docgen import all_docs, main, render_markdown
from argmap.cli import cli
from argmap.rules import REGISTRY

DOCS = Path(__file__).parent.parent / "docs" / "rules.md"


def test_rules_md_is_in_sync() -> None:
    assert DOCS.read_text(encoding="utf-8") == render_markdown(), (
        "docs/rules.md is out of date: run `.venv/bin/python -m argmap._output.docgen`"
    )


def test_every_registered_rule_is_documented() -> None:
    text = render_markdown()
    for doc in all_docs():
        assert f"\n### {doc.code} {doc.id}\n" in text
        assert f"(#{doc.anchor})" in text
    assert {d.code for d in all_docs()} >= set(REGISTRY) | set(LOAD_CODES)


def test_load_codes_have_their_family_section_saying_they_are_not_rules() -> None:
    text = render_markdown()
    section = text.split("\n## File and schema (AM1xx)\n", 1)[1].split("\n## ", 1)[0]
    from argmap._interop.codes import INTEROP_CODES

    assert [line.split()[1] for line in section.splitlines() if line.startswith("### ")] == (
        sorted([*LOAD_CODES, *INTEROP_CODES])
    )
    intro = " ".join(section.split("\n### ", 1)[0].split())
    assert "They are not rules: they cannot be selected, ignored" in intro
    assert "#file-and-schema-am1xx" in text  # the page's intro links to the section


def test_docgen_check_mode(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert main(["--check", str(target)]) == 1
    assert main([str(target)]) == 0
    assert main(["--check", str(target)]) == 0


def test_rules_command_lists_every_code() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == [d.code for d in all_docs()]
    assert any(line.split()[:3] == ["AM205", "circular-support", "error"] for line in lines)
    markdown = CliRunner().invoke(cli, ["rules", "--markdown"])
    assert markdown.output == render_markdown()


def test_explain_by_code_or_id() -> None:
    by_code = CliRunner().invoke(cli, ["explain", "am205"])
    by_id = CliRunner().invoke(cli, ["explain", "circular-support"])
    assert by_code.exit_code == 0
    assert by_code.output == by_id.output
    assert by_code.output.startswith("AM205 circular-support (error, references and graph)")
    assert "FAIL::" in by_code.output
    unknown = CliRunner().invoke(cli, ["explain", "AM999"])
    assert unknown.exit_code == 2
