"""`argmap report`: the outline, sources, counts, periods, fold verdict and quote summary."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from argmap._engine.run import check_map
from argmap._output.report import _verdict, report_markdown
from argmap._verify.arith import Reading

ROOT = Path(__file__).resolve().parent.parent
BIKE = ROOT / "examples" / "bike-lanes"
PAPER = ROOT / "claims" / "fiia-298"
need_paper = pytest.mark.skipif(not (PAPER / "map.yaml").is_file(), reason="no paper map")


def report(path: Path) -> str:
    run = check_map(path)
    assert run.contexts, run.findings
    return report_markdown(run.contexts[0], run.findings)


def section(text: str, title: str) -> str:
    """The body of one ``## title`` section."""
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def write_map(folder: Path, data: dict[str, object], snapshot: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "map.json").write_text(json.dumps(data), encoding="utf-8")
    if snapshot is not None:
        (folder / "snap.txt").write_text(snapshot, encoding="utf-8")
    return folder


def test_outline_runs_from_the_theses_down_with_grounded_status() -> None:
    outline = section(report(BIKE), "The argument, from the theses down")
    lines = outline.splitlines()
    assert "- **T1** (thesis, in): The Main Street bike lane was worth building." in lines
    assert ("  - supported by (`R-USE`) **C-USE** (claim, in): Cycling on Main Street tripled "
            "after the lane opened.") in lines
    assert "    - supported by (`R-CYCLISTS`) **P-CYCLISTS** (premise, in): " \
           "Cyclists per weekday rose from 400 to 1,200." in lines
    assert "  - supported by `R-SAFETY`, linked premises together:" in lines
    assert any(line.startswith("    - **A-NO-OTHER-CAUSE** (assumption, in)") for line in lines)
    assert any(line.startswith("  - attacked by (`R-COST`) **O-COST** (objection, out)")
               for line in lines)
    assert "not reached from a thesis" not in outline


def test_outline_repeats_nothing_shows_undercuts_and_names_what_it_misses(
    tmp_path: Path,
) -> None:
    claims = [{"id": "T", "kind": "thesis", "text": "t"}, {"id": "A", "text": "a"},
              {"id": "B", "text": "b"}, {"id": "U", "kind": "premise", "text": "u"},
              {"id": "LOOSE", "text": "not linked to anything"}]
    relations = [{"id": "R1", "type": "supports", "from": "A", "to": "T"},
                 {"id": "R2", "type": "supports", "from": "B", "to": "T"},
                 {"id": "R3", "type": "supports", "from": "B", "to": "A"},
                 {"id": "R4", "type": "undercuts", "from": "U", "to": "R1"}]
    folder = write_map(tmp_path / "m", {"title": "m", "claims": claims, "relations": relations})
    lines = section(report(folder), "The argument, from the theses down").splitlines()
    assert "  - supported by (`R1`) **A** (claim, undecided): a" not in lines  # R1 undercut
    assert "  - undercut (`R4`) by **U** (premise, in): u" in lines
    assert sum(1 for line in lines if "**B**" in line and line.endswith(": b")) == 1
    assert any(line.endswith("**B** (claim, in) (see above)") for line in lines)
    assert "1 claim not reached from a thesis: `LOOSE`." in lines


def test_outline_of_a_deep_chain_needs_no_recursion(tmp_path: Path) -> None:
    depth = 1500
    claims = [{"id": "T", "kind": "thesis", "text": "t"}] + [
        {"id": f"C{i}", "text": f"c{i}"} for i in range(depth)]
    relations = [{"id": f"R{i}", "type": "supports", "from": f"C{i}",
                  "to": "T" if i == 0 else f"C{i - 1}"} for i in range(depth)]
    folder = write_map(tmp_path / "deep", {"title": "deep", "claims": claims,
                                           "relations": relations})
    outline = section(report(folder), "The argument, from the theses down")
    assert f"- [level {depth}] supported by (`R{depth - 1}`) **C{depth - 1}**" in outline
    # Markdown renderers stop parsing lists nested past about 20 levels: 8 is the deepest
    indents = {len(line) - len(line.lstrip(" ")) for line in outline.splitlines()}
    assert max(indents) == 16


def test_sources_section_lists_every_source() -> None:
    sources = section(report(BIKE), "Sources")
    assert "| city-report-2023 | City Transport Department | 2023-04 | City Transport Report " \
           "2023 | City of Exampleton | https://example.org/transport/report-2023 | 3 | " \
           "snapshots/city-report-2023.txt |" in sources


def test_quantities_show_their_own_period_not_their_claims(tmp_path: Path) -> None:
    claim = {"id": "T", "kind": "thesis", "text": "In 2020 sales were 5 and in 2019 4.",
             "period": "2020", "quantities": [
                 {"id": "Q5", "kind": "count", "value": 5, "text": "5"},
                 {"id": "Q4", "kind": "count", "value": 4, "text": "4", "period": "2019"}]}
    folder = write_map(tmp_path / "p", {"title": "p", "claims": [claim]})
    figures = section(report(folder), "Figures and their sources")
    assert "| T | Q5 | 5 | 5 |  |" in figures  # the claim's 2020 is not Q5's
    assert "| T | Q4 | 4 | 4 | 2019 |" in figures


def test_verdict_wording() -> None:
    fold = (Reading("ratio", "to / from", Decimal(16), False),
            Reading("increase", "(to - from) / from", Decimal(15), True))
    assert _verdict(fold) == "holds only as (to - from) / from"
    assert _verdict(fold[1:]) == "holds"
    assert _verdict(fold[:1]) == "fails"
    both = (fold[0], Reading("x", "a", Decimal(1), True), Reading("y", "b", Decimal(1), True))
    assert _verdict(both) == "holds only as a or b"


def test_quote_table_is_summarised_and_lists_only_what_is_not_as_written(
    tmp_path: Path,
) -> None:
    snapshot = "The lane opened in\nMay. Cyclists rose to 1,200 per week-\nday. Costs fell.\n"
    evidence = [
        {"id": "E-EXACT", "source": "s", "quote": {"exact": "Costs fell."}},
        {"id": "E-SPACE", "source": "s", "quote": {"exact": "The lane opened in May."}},
        {"id": "E-HYPHEN", "source": "s", "quote": {"exact": "1,200 per weekday"}},
        {"id": "E-FUZZY", "source": "s", "quote": {"exact": "The lane closed in May."}},
    ]
    folder = write_map(tmp_path / "q", {
        "title": "q", "claims": [{"id": "T", "kind": "thesis", "text": "t",
                                  "evidence": [e["id"] for e in evidence]}],
        "evidence": evidence,
        "sources": [{"id": "s", "title": "S", "snapshot": {"path": "snap.txt"}}]}, snapshot)
    quotes = section(report(folder), "Quote anchoring")
    counts = dict(re.findall(r"^\| ([^|]+?) \| (\d+) \|$", quotes, re.MULTILINE))
    assert counts["exact"] == "1"
    assert counts["exact but for line breaks and spacing"] == "1"
    assert counts["normalised: a line-end hyphen joined"] == "1"
    assert counts["fuzzy (misquoted)"] == "1"
    assert "E-EXACT" not in quotes
    assert "E-SPACE" not in quotes
    assert "| E-HYPHEN | s | normalised: a line-end hyphen joined |" in quotes
    assert "week-/day" in quotes
    assert "| E-FUZZY | s | fuzzy (misquoted) |" in quotes
    assert "closed → opened" in quotes


def _readme_sizes() -> dict[str, int]:
    text = (ROOT / "docs" / "paper" / "README.md").read_text(encoding="utf-8")
    sizes = {}
    for what, count in re.findall(r"^\| ([a-z ]+) \| (\d+)", section(text, "Sizes"),
                                  re.MULTILINE):
        sizes[what] = int(count)
    return sizes


@need_paper
def test_paper_counts_agree_with_its_readme() -> None:
    readme = _readme_sizes()
    sizes = {what: int(count) for what, count in re.findall(
        r"^\| ([a-z ]+) \| (\d+) \|", section(report(PAPER), "Size"), re.MULTILINE)}
    shared = set(readme) & set(sizes)
    assert {"claims", "relations", "figure quantities", "dated events"} <= shared
    assert {k: sizes[k] for k in shared} == {k: readme[k] for k in shared}


@need_paper
def test_paper_fold_verdict_and_quote_summary() -> None:
    text = report(PAPER)
    assert "holds only as (to - from) / from" in section(text, "Arithmetic checks")
    quotes = section(text, "Quote anchoring")
    listed = re.findall(r"^\| (E-[A-Z0-9-]+) \|", quotes, re.MULTILINE)
    assert listed  # the line-end hyphens the paper's PDF splits words with
    assert "| exact |" in quotes
