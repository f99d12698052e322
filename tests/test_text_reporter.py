"""The ``full`` report quotes the offending line; long lines are cut to a window."""

from __future__ import annotations

from argmap._findings import Finding, Location, Severity
from argmap._output.reporters import ReportContext
from argmap._output.reporters.text import MAX_SHOWN, full


def _report(line: str, column: int) -> list[str]:
    finding = Finding("AM105", "syntax-error", Severity.ERROR, "bad", Location("m.yaml", 1, column))
    context = ReportContext(files=["m.yaml"], line_text=lambda _location: line)
    return full([finding], context).splitlines()


def test_caret_under_the_column() -> None:
    lines = _report("title: [x", 8)
    assert lines[1] == "  1 | title: [x"
    assert lines[2].index("^") == lines[1].index("[")


def test_long_line_is_windowed_around_the_column() -> None:
    line = "a" * 5000 + "X" + "b" * 5000
    lines = _report(line, 5001)
    shown, caret = lines[1], lines[2]
    assert len(shown) < MAX_SHOWN + 20
    assert shown[caret.index("^")] == "X"
    assert shown.count("…") == 2
