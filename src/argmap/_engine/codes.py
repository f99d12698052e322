"""Every code argmap reports, in one registry: load codes, rules and the engine's own codes.

Configuration checks codes and ids against it, and docs/rules.md, ``argmap rules``,
``argmap explain`` and the SARIF rule list are generated from it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from argmap._codes import CodeDoc, code_doc
from argmap._findings import Severity
from argmap._load.codes import LOAD_CODES
from argmap.rules import rule_headers

if TYPE_CHECKING:
    from argmap._engine.context import Rule

__all__ = [
    "ENGINE_CODES",
    "INTERNAL_ERROR",
    "UNTARGETED_SUPPRESSION",
    "UNUSED_SUPPRESSION",
    "all_codes",
    "find_code",
    "rule_doc",
]

INTERNAL_ERROR = code_doc("AM000", "internal-error", Severity.ERROR, """
    A rule crashed on this map; the other rules still ran.

    This is a bug in argmap, not in the map: please report it with the map that caused it. The
    finding carries the rule's code and the exception.
""")

UNUSED_SUPPRESSION = code_doc("AM901", "unused-suppression", Severity.WARNING, """
    An `ignore` entry on a node that suppresses nothing, or whose target names nothing reported.

    A suppression outlives its reason when the map or the rule changes; remove it, or check
    that the code is the one reported on this node and that `target` is what the finding names
    (`argmap check --format json` shows each finding's `node` and `target`). An entry for a rule
    that did not run (not selected, or ignored) is not reported; one for a code that names no
    rule is.

    FAIL::

        claims:
          - id: T1
            kind: thesis
            text: The lane was worth building.
            ignore: [{code: AM301, target: "2.4", reason: no figure here}]

    PASS::

        claims:
          - id: T1
            kind: thesis
            text: The lane was worth building.
""")

UNTARGETED_SUPPRESSION = code_doc("AM902", "untargeted-suppression", Severity.WARNING, """
    An `ignore` entry without a `target` that silences a finding which names one.

    Findings about one part of a node name it as their target: a figure's text (AM301, AM303,
    AM304, AM305, AM306, AM422), a date's text (AM302, AM308), the ID of an evidence item,
    relation or claim the node names (AM202, AM203, AM206, AM215, AM218, AM602), a key of a
    source that CSL does not define (AM413, AM414). An entry without a
    target silences every finding of its rule on the node, later ones included, so an entry
    written for one false alarm would hide the next real error. The entry still suppresses;
    name the target it means, one entry per target.

    FAIL::

        claims:
          - id: C1
            text: Cycling tripled to 1,200 a day.
            evidence: [E1]
            ignore: [{code: AM301, reason: the report says three times}]

    PASS::

        claims:
          - id: C1
            text: Cycling tripled to 1,200 a day.
            evidence: [E1]
            ignore: [{code: AM301, target: tripled, reason: the report says three times}]
""")

#: Codes the engine itself reports (not rule modules).
ENGINE_CODES = (INTERNAL_ERROR, UNUSED_SUPPRESSION, UNTARGETED_SUPPRESSION)


def rule_doc(rule: Rule) -> CodeDoc:
    """A rule module's doc: its docstring, code, id, default severity and options."""
    return code_doc(rule.CODE, rule.ID, rule.SEVERITY, rule.__doc__ or "", rule.OPTIONS)


@functools.cache
def all_codes() -> tuple[CodeDoc, ...]:
    """Every load code, import code, registered rule, engine code and ``argmap source add``
    code, in code order.

    The import and ``source add`` codes are imported here, when the whole list is asked
    for (configuration naming a code, ``argmap rules``, SARIF): a check that asks for none
    imports neither table (2.6 M instructions of the paper's check under callgrind)."""
    from argmap._ingest.codes import INGEST_CODES
    from argmap._interop.codes import INTEROP_CODES

    docs = [
        *LOAD_CODES.values(),
        *INTEROP_CODES.values(),
        *(code_doc(rule.code, rule.id, rule.severity, rule.doc, rule.options)
          for rule in rule_headers()),
        *ENGINE_CODES,
        *INGEST_CODES.values(),
    ]
    return tuple(sorted(docs, key=lambda doc: doc.code))


def find_code(code_or_id: str) -> CodeDoc | None:
    """The doc of a code (``AM205``, any case) or a readable id (``circular-support``)."""
    wanted = code_or_id.strip()
    for doc in all_codes():
        if wanted.upper() == doc.code or wanted.lower() == doc.id:
            return doc
    return None
