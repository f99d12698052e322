"""The shape of a code's documentation, shared by load codes, rules and engine codes.

It lives in the base layer so the loader can describe its codes (AM1xx) in the same shape as
the rules (AM2xx-AM7xx) without importing them; ``argmap._engine.codes`` gathers every code.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import field
from types import MappingProxyType
from typing import Any

from argmap._findings import Severity
from argmap._record import record

__all__ = ["DOCS_URL", "FAMILIES", "CodeDoc", "code_doc"]

DOCS_URL = "https://github.com/argmap/argmap/blob/main/docs/rules.md"

#: Code prefix -> the family every code starting with it belongs to.
FAMILIES = {
    "AM0": "internal",
    "AM1": "file and schema",
    "AM2": "references and graph",
    "AM3": "citations and numbers",
    "AM4": "quotes and sources",
    "AM5": "quantities and arithmetic",
    "AM6": "dates",
    "AM7": "argumentation",
    "AM9": "suppressions",
}


@record
class CodeDoc:
    """What the docs say about one code: its readable id, default severity and purpose.

    ``body`` uses the rule docstrings' form: paragraphs, and ``FAIL::`` / ``PASS::`` followed
    by an indented example, which docs/rules.md shows as a fenced block.
    """

    code: str
    id: str
    severity: Severity
    summary: str
    body: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:3], "other")

    @property
    def anchor(self) -> str:
        return f"{self.code.lower()}-{self.id}"

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URL}#{self.anchor}"


def code_doc(
    code: str,
    code_id: str,
    severity: Severity,
    docstring: str,
    options: Mapping[str, Any] | None = None,
) -> CodeDoc:
    """A CodeDoc from a docstring: its first line is the summary, the rest the body."""
    summary, _, body = inspect.cleandoc(docstring).partition("\n")
    return CodeDoc(
        code, code_id, severity, summary.strip(), body.strip(),
        MappingProxyType(dict(options or {})),
    )
