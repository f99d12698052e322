"""Reporters turn findings into output, chosen by name (``--format``).

Each reporter is a function ``(findings, context) -> str``; load errors and rule findings
arrive together, already sorted, so a reporter only formats.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from argmap._record import record

if TYPE_CHECKING:
    from argmap._findings import Finding, Location

__all__ = ["REPORTERS", "ReportContext", "get_reporter"]


@record(frozen=False, slots=False)
class ReportContext:
    """What a reporter may need besides the findings."""

    files: list[str] = field(default_factory=list)
    line_text: Callable[[Location], str] = lambda _location: ""
    color: bool = False
    #: False: the text reporters print info notes as one summary line (``--show-info``)
    show_info: bool = True


Reporter = Callable[[Sequence["Finding"], ReportContext], str]

#: name -> "module:function"
REPORTERS: dict[str, str] = {
    "full": "argmap._output.reporters.text:full",
    "concise": "argmap._output.reporters.text:concise",
    "json": "argmap._output.reporters.json:json_report",
    "github": "argmap._output.reporters.github:github",
    "sarif": "argmap._output.reporters.sarif:sarif",
    "gitlab": "argmap._output.reporters.gitlab:gitlab",
    "junit": "argmap._output.reporters.junit:junit",
}


def get_reporter(name: str) -> Reporter:
    module, _, function = REPORTERS[name].partition(":")
    reporter: Reporter = getattr(importlib.import_module(module), function)
    return reporter
