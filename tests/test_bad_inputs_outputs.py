"""The bad-input corpus, every output: what check prints in each format, the report and the
drawing of each hostile case are safe, and a view too dense to lay out is refused at once.

``tests/test_bad_inputs.py`` runs every committed case through ``check -o`` (exit code,
findings, no traceback, input unchanged, the CPU budget) and, for cases marked ``render``,
checks the SVG. A case whose ``expected.json`` has ``outputs`` is also run here, through the
same ``run_argmap`` (CPU budget, hang guard):

- ``terminal``: ``check`` printing to the terminal in every format (``full``, ``concise``,
  ``github``, ``json``, ``sarif``): no control, bidi or separator character on either stream,
  no ``##[`` and no line that starts a workflow command but argmap's own annotations;
- ``report``: ``argmap report``: the Markdown is inert under a CommonMark renderer (no HTML,
  links or images; tables keep their rows and cells; one balanced fence), or, for a map that
  does not load, its load errors are printed safely (exit 2);
- ``render``, for every case whose map loads: ``argmap render`` writes an SVG of only the
  elements Graphviz writes, with no event handler and no link but http(s) (its tooltips may
  *say* ``javascript:``: they are text); ``tooltips`` / ``texts`` are strings that must
  appear literally among its tooltips / text lines; with ``render_refused`` it must instead
  exit 2 with this message and write nothing.

Hostile file names (a folder named with ESC, OSC and BEL; a file name with a line break and a
code fence) cannot be committed portably, so those cases are made here at test time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hostile import assert_safe_markdown, assert_safe_svg, assert_terminal_safe
from test_bad_inputs import CLEAN_MAP, CORPUS, _committed, _copy_case, _snapshot, run_argmap

XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
SVG_TEXT = "{http://www.w3.org/2000/svg}text"
FORMATS = ("full", "concise", "github", "json", "sarif")


def _output_cases() -> list[str]:
    return [
        name for name in _committed()
        if "outputs" in json.loads((CORPUS / name / "expected.json").read_text(encoding="utf-8"))
    ]


def check_terminal(case_dir: Path, target: str = ".") -> None:
    """``check`` printing every format to standard output: nothing a terminal acts on."""
    for fmt in FORMATS:
        result = run_argmap(["check", "--no-config", "-f", fmt, target], case_dir)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 1, 2), result.stderr
        assert_terminal_safe(result.stdout, annotations=fmt == "github")
        assert_terminal_safe(result.stderr)
        if fmt in ("json", "sarif"):
            json.loads(result.stdout)


def check_report(case_dir: Path, target: str = ".") -> str:
    """``argmap report``: inert Markdown, or safely printed load errors."""
    result = run_argmap(["report", "--no-config", target], case_dir)
    assert "Traceback" not in result.stderr, result.stderr
    assert_terminal_safe(result.stderr)
    if result.returncode == 2:
        assert result.stdout == ""
        assert result.stderr.strip(), "a map that does not load gets its load errors"
        return ""
    assert result.returncode == 0, result.stderr
    assert_terminal_safe(result.stdout)
    assert_safe_markdown(result.stdout, fences=1)
    return result.stdout


@pytest.mark.parametrize("name", _output_cases())
def test_outputs_of_case(name: str, tmp_path: Path) -> None:
    case_dir, out_dir, expected = _copy_case(name, tmp_path)
    outputs: dict[str, Any] = expected["outputs"]
    before = _snapshot(case_dir)
    if outputs.get("terminal"):
        check_terminal(case_dir)
    if outputs.get("report"):
        check_report(case_dir)
    refused = outputs.get("render_refused")
    wanted_tips = outputs.get("tooltips", [])
    wanted_texts = outputs.get("texts", [])
    svg_path = out_dir / "map.svg"
    result = run_argmap(["render", ".", "-o", str(svg_path)], case_dir)
    assert "Traceback" not in result.stderr, result.stderr
    assert_terminal_safe(result.stderr)
    if refused:
        assert result.returncode == 2, result.stderr
        assert refused in result.stderr
        assert "--max-edges" in result.stderr or "--max-nodes" in result.stderr
        assert not svg_path.exists()
    elif result.returncode == 1:  # load errors, printed (safely, as checked above)
        assert "cannot be loaded" in result.stderr
        assert not wanted_tips
        assert not wanted_texts
    else:
        assert result.returncode == 0, result.stderr
        root = assert_safe_svg(svg_path.read_text(encoding="utf-8"))
        tips = {e.get(XLINK_TITLE) for e in root.iter() if e.get(XLINK_TITLE)}
        for tip in wanted_tips:
            assert tip in tips, (tip, sorted(t for t in tips if t))
        texts = {"".join(e.itertext()) for e in root.iter(SVG_TEXT)}
        for text in wanted_texts:
            assert text in texts, (text, sorted(texts))
    assert _snapshot(case_dir) == before, "an output command changed its input folder"


# --- hostile file names -----------------------------------------------------------------------

#: A folder name that clears the screen, retitles the terminal, rings the bell, reorders the
#: line, starts a GitHub workflow command and ends a line (C1 NEL).
TERMINAL_NAME = "lane\x1b[2J\x1b]0;pwned\x07\u202e::error::forged ##[add-mask]x\x85end"
#: A file name that ends the report's code fence and starts a heading and raw HTML.
FENCE_NAME = "m\n```\n# pwned <img src=x onerror=alert(document.cookie)>\n```"


def _map_with_a_duplicate() -> str:
    """The clean map with a second claim P1: an error located in the file, quoting its line."""
    duplicate = "  - {id: P1, kind: premise, text: Another.}\n"
    return CLEAN_MAP.replace("relations:\n", duplicate + "relations:\n", 1)


@pytest.mark.parametrize("name", [TERMINAL_NAME, FENCE_NAME])
def test_hostile_folder_names_print_safely(name: str, tmp_path: Path) -> None:
    """check in every format, report and render with the map in a hostile folder under
    claims/ (found by the search) and named on the command line."""
    folder = tmp_path / "claims" / name
    folder.mkdir(parents=True)
    (folder / "map.yaml").write_text(_map_with_a_duplicate(), encoding="utf-8")
    (tmp_path / "claims" / f"{name}.argmap.yaml").write_text("title: [unclosed\n",
                                                             encoding="utf-8")
    before = _snapshot(tmp_path / "claims")
    check_terminal(tmp_path, "claims")
    report = check_report(tmp_path, f"claims/{name}")
    assert "pwned" not in "".join(
        line for line in report.splitlines() if line.startswith("#")
    ), "a heading from the file name"
    result = run_argmap(["render", f"claims/{name}", "-o", str(tmp_path / "m.svg")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert_terminal_safe(result.stderr)
    assert_safe_svg((tmp_path / "m.svg").read_text(encoding="utf-8"))
    result = run_argmap(["render", f"claims/{name}.argmap.yaml"], tmp_path)
    assert result.returncode == 1  # the broken file: its load errors, safely
    assert_terminal_safe(result.stderr)
    assert "AM105" in result.stderr
    assert _snapshot(tmp_path / "claims") == before
