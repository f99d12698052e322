r"""Hostile text in, safe output out: the Markdown report, the terminal and CI log, the SVG.

One escaper per output (docs/security.md): ``_output/markdown.py`` for ``argmap report``,
``argmap._text.terminal`` (and its one-line form ``visible``) for everything printed, the DOT
escapes of ``_render/dot.py`` and the SVG finishing pass for drawings. The unit tests replay the
attacks of issue 14 on each; the properties build maps whose every string field (and file
name) is drawn from hostile alphabets (``tests/hostile.py``) and check every output of every
command against what safe means for it. They also check that no input produces AM000.

Profiles: ``default`` runs 60 examples per property; ``HYPOTHESIS_PROFILE=long`` runs 5,000.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._findings import Finding, Location, Related, Severity
from argmap._model import ArgumentMap
from argmap._output.markdown import code_block, code_span, inline
from argmap._output.report import report_markdown
from argmap._output.reporters import REPORTERS, ReportContext, get_reporter
from argmap._text import json_text, line_start_path, terminal, visible
from hostile import (
    assert_safe_markdown,
    assert_safe_svg,
    assert_terminal_safe,
    heading_texts,
    hostile_map_data,
    hostile_names,
    hostile_texts,
)

# max_examples from the profile (tests/conftest.py): 60 by default, 5,000 in the long one
_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def shown(text: str) -> str:
    """What a reader of the report sees for ``text``: one line, controls as stand-ins (a
    heading or table cell then loses the blanks at its ends)."""
    return visible(_BREAKS.sub(" ", text))


def _parse(markdown: str) -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(
        markdown
    )


# --- the terminal sanitiser -------------------------------------------------------------------


def test_terminal_replaces_every_control_one_for_one() -> None:
    hostile = "a\x1b]0;title\x07b\x1b[2J\x9b2J\x85\x7f\u202e\u2066\u200f\u061c\u2028\r\x00"
    cleaned = terminal(hostile + "\tkept\nkept")
    assert cleaned == "a␛]0;title␇b␛[2J\ufffd2J\ufffd␡\ufffd\ufffd\ufffd\ufffd\ufffd␍␀\tkept\nkept"
    assert len(visible(hostile)) == len(hostile)  # the caret under a quoted line stays right
    assert visible("a\nb") == "a␊b"
    assert_terminal_safe(cleaned)


def test_ci_workflow_commands_are_broken() -> None:
    assert terminal("x ##[error]forged") == "x ##［error]forged"
    assert line_start_path("::error::x/map.yaml") == "./::error::x/map.yaml"
    assert line_start_path("  ::warning::x") == "./  ::warning::x"
    assert line_start_path("a::b/map.yaml") == "a::b/map.yaml"


def test_json_keeps_the_data_and_escapes_what_a_terminal_reads() -> None:
    data = {"message": "a\x85b\u202ec\x7f ##[error] \u2028 ok é 中"}
    text = json_text(data)
    assert json.loads(text) == data
    assert_terminal_safe(text)
    assert "é 中" in text  # ordinary characters stay readable


def _finding(text: str, file: str) -> Finding:
    return Finding(
        "AM201", "duplicate-id", Severity.ERROR, f"claim ID {text!r} and {text}",
        Location(file, 3, 5, 3, 9), node="C1", hint=f"rename {text}",
        related=(Related(f"first {text}", Location(file, 1, 1)),),
    )


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_reporters_print_hostile_messages_and_file_names_safely(fmt: str) -> None:
    evil = "x\x1b]0;pwned\x07\x1b[2J\x9b\u202e\n::error::forged ##[add-mask]a\r\n%0A"
    file = f"::warning::{evil}/map.yaml"
    findings = [_finding(evil, file)]
    context = ReportContext(files=[file], line_text=lambda _loc: f"  - id: {evil}")
    output = get_reporter(fmt)(findings, context)
    assert_terminal_safe(output, annotations=fmt == "github")
    if fmt == "json":  # the data is whole
        assert json.loads(output)["findings"][0]["message"] == findings[0].message
    if fmt == "sarif":
        result = json.loads(output)["runs"][0]["results"][0]
        assert result["message"]["text"] == findings[0].message
    if fmt == "concise":
        assert len(output.splitlines()) == 2  # one line per finding, one summary


# --- the Markdown escaper ---------------------------------------------------------------------

ATTACKS = {
    "title with a line break and a script": "Hi\n<script>alert(1)</script>",
    "title with a heading": "Hi\n# heading\n\n## another",
    "javascript link": "[click](javascript:alert(1))",
    "tracking image": "![](https://track.example/pixel.gif)",
    "raw html": "<img src=x onerror=alert(1)> <svg onload=alert(1)>",
    "autolink": "<https://evil.example> <javascript:alert(1)>",
    "CR ending a row": "a\rb\r| c | d |",
    "escaped pipe adding a cell": "a \\| b | c",
    "code fence": "x\n```\ny",
    "entities and escapes": "&lt;script&gt; &#10; \\* \\\\",
    "emphasis and code": "*a* _b_ `c` ~~d~~ $e$",
    "reference definition": "\n[a]: https://evil.example\n[a]",
}


@pytest.mark.parametrize("attack", list(ATTACKS.values()), ids=list(ATTACKS))
def test_inline_text_reads_as_written(attack: str) -> None:
    markdown = "\n".join([
        f"# Report: {inline(attack)}", "",
        f"Text {inline(attack)} and {code_span(attack)}.", "",
        "| a | b | c |", "|---|---|---|", f"| {inline(attack)} | {inline(attack)} | x |", "",
        *code_block(f"argmap report {shlex.quote(attack)}", "console"), "",
    ])
    tables = assert_safe_markdown(markdown, fences=1)
    assert tables == [[[shown(attack).strip(), shown(attack).strip(), "x"]]]
    assert heading_texts(markdown) == [f"Report: {shown(attack)}".strip()]
    tokens = _parse(markdown)
    paragraph = next(t for t in tokens if t.type == "inline" and t.content.startswith("Text "))
    spans = [c.content for c in paragraph.children or [] if c.type == "code_inline"]
    assert spans == [visible(_BREAKS.sub(" ", attack))]


def test_code_block_fence_outlasts_any_backtick_run() -> None:
    lines = code_block("a ```` b\n```", "console")
    assert lines[0] == "`````console"
    assert lines[-1] == "`````"
    assert len(lines) == 3


def _report_of(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "report", "--no-config", *extra, str(folder)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_report_of_a_hostile_map_in_a_hostile_folder(tmp_path: Path) -> None:
    """The seven report injections of issue 14 at once, through the real command."""
    folder = tmp_path / "m\n```\n# pwned <img src=x onerror=alert(1)>\x1b[2J"
    folder.mkdir()
    attacks = list(ATTACKS.values())
    argmap.dump(ArgumentMap.model_validate({
        "title": ATTACKS["title with a line break and a script"] + ATTACKS["title with a heading"],
        "subject": "S1",
        "claims": [
            {"id": "T1", "kind": "thesis", "text": attacks[2] + attacks[3],
             "quantities": [{"id": "Q1", "value": 3, "text": attacks[4], "unit": attacks[6]}]},
            {"id": "O1", "kind": "objection", "text": attacks[7] + attacks[8]},
        ],
        "relations": [{"id": "R1", "type": "attacks", "from": ["O1"], "to": "T1"}],
        "sources": [{"id": "S1", "title": attacks[5]}],
    }), folder / "map.yaml")
    result = _report_of(folder)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    tables = assert_safe_markdown(report, fences=1)
    assert_terminal_safe(report)
    fence = next(t for t in _parse(report) if t.type == "fence")
    outside = report.replace(fence.content, "")
    assert "<img" not in outside  # only in the code block, as code
    assert "<script" not in outside
    title = ATTACKS["title with a line break and a script"] + ATTACKS["title with a heading"]
    assert heading_texts(report)[0] == f"Verification report: {shown(title)}".strip()
    assert len([h for h in heading_texts(report) if "pwned" in h]) == 0
    theses = tables[1]
    assert ["O1 (objection)", "in", shown(attacks[7] + attacks[8]).strip()] in theses
    sources = tables[2]
    assert sources[0][:4] == ["S1", "", "", shown(attacks[5]).strip()]
    figures = tables[3]
    assert figures[0][:3] == ["T1", "Q1", shown(attacks[4]).strip()]
    assert shown(attacks[6]).strip() in figures[0][3]
    assert fence.content == visible(f"argmap report {shlex.quote(str(folder))}") + "\n"


# --- the terminal, through the command line ---------------------------------------------------


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", errors="surrogateescape", timeout=300, check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


HOSTILE_NAME = "x\x1b]0;pwned\x07\x1b[2J\x9b\u202e::error::y ##[add-mask]z\x85"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_check_prints_hostile_file_names_and_text_safely(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "claims" / HOSTILE_NAME
    folder.mkdir(parents=True)
    (folder / "map.yaml").write_text(
        'title: "a\\u202eb\\x85c"\nclaims:\n'
        '  - {id: T1, kind: thesis, text: "x \\u202e y \\x9b2J ##[error]z"}\n'
        '  - {id: T1, kind: thesis, text: "dup \\u2066"}\n',
        encoding="utf-8",
    )
    (tmp_path / f"::error::{HOSTILE_NAME}.argmap.yaml").write_text(
        "title: [unclosed\n", encoding="utf-8"
    )
    result = _run(["check", "--no-config", "-f", fmt, "."], tmp_path)
    assert result.returncode == 1, result.stderr
    assert_terminal_safe(result.stdout, annotations=fmt == "github")
    assert_terminal_safe(result.stderr)
    assert "AM201" in result.stdout
    assert "AM105" in result.stdout


def test_load_errors_and_click_errors_are_sanitised(tmp_path: Path) -> None:
    folder = tmp_path / HOSTILE_NAME
    folder.mkdir()
    (folder / "map.yaml").write_text("title: [unclosed \u202e\x85\n", encoding="utf-8")
    for args in (["report", str(folder)], ["render", str(folder)],
                 ["render", str(folder), f"extra{HOSTILE_NAME}"],
                 ["check", "--format", HOSTILE_NAME],
                 ["render", str(folder), "--tag-colour", HOSTILE_NAME],
                 ["render", str(folder), "-o", f"{HOSTILE_NAME}.svgx"]):
        result = _run(args, tmp_path)
        assert result.returncode in (1, 2), (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert_terminal_safe(result.stdout)
        assert_terminal_safe(result.stderr)
        assert result.stderr.strip()


# --- properties -------------------------------------------------------------------------------


def _assert_report_safe(run: Any, folder: Path) -> None:
    context = run.contexts[0]
    command = f"argmap report {shlex.quote(str(folder))}"
    report = report_markdown(context, run.findings, command=command)
    tables = assert_safe_markdown(report, fences=1)
    m = context.map
    assert heading_texts(report)[0] == f"Verification report: {shown(m.title)}".strip()
    quantities = [(c.id, q) for c in m.claims for q in c.quantities]
    # size, theses, then sources (a table when the map has any), figures, years and dates
    # (each a table when the map has any)
    index = 3 if m.sources else 2
    for dated in (False, True):
        chosen = [(cid, q) for cid, q in quantities if (str(q.kind) in {"year", "date"}) == dated]
        if not chosen:
            continue
        assert [row[:3] for row in tables[index]] == [
            [cid, q.id, shown(q.text or "").strip()] for cid, q in chosen
        ]
        index += 1
    findings_table = tables[-1] if run.findings else []
    messages = [row[3] for row in findings_table]
    for finding, message in zip(run.findings, messages, strict=True):
        assert message.startswith(shown(finding.message).strip())


def _assert_svg_safe(m: ArgumentMap) -> None:
    from argmap._render.dot import clean

    svg = argmap.render(m, "svg", sources=True).decode("utf-8")
    root = assert_safe_svg(svg)
    tips = {}
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        for anchor in group.iter():
            tip = anchor.get("{http://www.w3.org/1999/xlink}title")
            if tip is not None:
                tips.setdefault(group.get("id"), tip)
                break
    for claim in m.claims:
        expected = f"{claim.id} ({claim.kind.value})\n{clean(claim.text)}"
        assert tips[claim.id].startswith(expected), (tips[claim.id], expected)


@_SETTINGS
@given(data=hostile_map_data(), name=hostile_names(), suffix=st.sampled_from(["yaml", "json"]))
def test_every_output_of_a_hostile_map_is_safe(data: dict[str, Any], name: str,
                                               suffix: str) -> None:
    """A hostile map in a hostile folder: check prints safely in every format and reports no
    AM000, the Markdown report is inert and reads as written, and the SVG is safe with
    tooltips that show the text literally."""
    from argmap._engine.run import check_paths

    original = ArgumentMap.model_validate(data)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        folder.mkdir()
        argmap.dump(original, folder / f"map.{suffix}")
        run = check_paths([folder])
        assert [f for f in run.findings if f.code == "AM000"] == []
        context = ReportContext(files=list(run.files), line_text=run.line_text)
        for fmt in sorted(REPORTERS):
            output = get_reporter(fmt)(list(run.findings), context)
            assert_terminal_safe(output, annotations=fmt == "github")
            if fmt == "concise":
                active = [f for f in run.findings if f.suppressed is None]
                lines = [line for line in output.splitlines()  # the fixable count aside
                         if not line.startswith(("[*] ", "No safe fixes ("))]
                assert len(lines) == len(active) + 1
            if fmt in ("json", "sarif"):
                json.loads(output)
        assert run.contexts, run.findings
        _assert_report_safe(run, folder)
        _assert_svg_safe(run.contexts[0].map)


@_SETTINGS
@given(data=hostile_map_data(allow_controls=True), text=hostile_texts())
def test_in_memory_maps_with_any_character_render_and_report_safely(
    data: dict[str, Any], text: str
) -> None:
    """Maps built in Python skip the loader's AM109, so they may hold ESC, NUL and every other
    control: the SVG, the DOT, the report and the reporters stay safe all the same."""
    from argmap._engine.context import RuleContext
    from argmap._engine.run import check_loaded

    m = ArgumentMap.model_validate(data)
    findings = check_loaded(m)
    assert [f for f in findings if f.code == "AM000"] == []
    report = report_markdown(RuleContext(m), findings, command=f"argmap report {text}")
    assert_safe_markdown(report, fences=1)
    _assert_svg_safe(m)
    dot = argmap.render(m, "dot").decode("utf-8")
    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", dot) is None
    finding = _finding(text, f"{text}/map.yaml")
    for fmt in sorted(REPORTERS):
        context = ReportContext(files=[text], line_text=lambda _loc, t=text: t)
        output = get_reporter(fmt)([*findings, finding], context)
        assert_terminal_safe(output, annotations=fmt == "github")
