"""A rule's code, id, severity, options and docstring, read without importing the rule.

``argmap rules``, ``argmap explain`` and the docs list every rule; importing the rule modules
for that imports the models and compiles the number and date grammars (0.3 s). A rule module
states these as literals before its first function, so they are read from its source. A rule
already imported (a check has run) is read from the module; a module whose source cannot be
read that way (no source file, a value that is not a literal) is imported.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from typing import Any

from argmap._findings import Severity
from argmap._record import record

__all__ = ["RuleHeader", "rule_header"]


@record(slots=False)
class RuleHeader:
    """What a rule module declares about itself, as the registry of codes needs it."""

    code: str
    id: str
    severity: Severity
    options: dict[str, Any]
    doc: str


def rule_header(module_name: str) -> RuleHeader:
    """The header of the rule module ``module_name``."""
    module = sys.modules.get(module_name)
    if module is None:
        header = _from_source(module_name)
        if header is not None:
            return header
        module = importlib.import_module(module_name)
    return RuleHeader(module.CODE, module.ID, module.SEVERITY, module.OPTIONS,
                      module.__doc__ or "")


def _from_source(module_name: str) -> RuleHeader | None:
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return None
    try:
        with open(spec.origin, encoding="utf-8") as file:  # noqa: PTH123 - no pathlib needed
            source = file.read()
    except OSError:
        return None
    return _parse(source)


def _parse(source: str) -> RuleHeader | None:
    """The header from the statements before the first top-level function or class."""
    cut = min((at for at in (source.find("\ndef "), source.find("\nclass ")) if at >= 0),
              default=len(source))
    try:
        tree = ast.parse(source[:cut])
    except SyntaxError:
        return None
    values: dict[str, Any] = {}
    for node in tree.body:
        target, value = _assignment(node)
        if target is None or value is None:
            continue
        if target == "SEVERITY":
            if not (isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name)
                    and value.value.id == "Severity" and value.attr in Severity.__members__):
                return None
            values[target] = Severity[value.attr]
        elif target in ("CODE", "ID", "OPTIONS"):
            try:
                values[target] = ast.literal_eval(value)
            except ValueError:
                return None
    if set(values) != {"CODE", "ID", "SEVERITY", "OPTIONS"}:
        return None
    return RuleHeader(values["CODE"], values["ID"], values["SEVERITY"], values["OPTIONS"],
                      ast.get_docstring(tree, clean=False) or "")


def _assignment(node: ast.stmt) -> tuple[str | None, ast.expr | None]:
    """``NAME = value`` or ``NAME: type = value``: the name and the value."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 \
            and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id, node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    return None, None
