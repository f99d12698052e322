"""The rules of ``argmap check``: an explicit registry, code -> module.

Families: AM1xx file and schema (load errors, see ``argmap._loader``), AM2xx references and
graph, AM3xx citations and numbers, AM4xx quotes and sources, AM5xx quantities and arithmetic,
AM6xx dates, AM7xx argumentation, AM9xx suppressions. Each module documents its rule in its
docstring; ``docs/rules.md`` is generated from them.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._rule import Rule

__all__ = ["REGISTRY", "load_rules", "rule_by_code"]

REGISTRY: dict[str, str] = {
    "AM201": "argmap.rules.am201_duplicate_id",
    "AM202": "argmap.rules.am202_unknown_reference",
}


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every registered rule module, in code order."""
    rules = []
    for code in sorted(REGISTRY):
        module = importlib.import_module(REGISTRY[code])
        if code != module.CODE:  # pragma: no cover - guarded by a test of the registry
            msg = f"{REGISTRY[code]} declares {module.CODE}, registered as {code}"
            raise RuntimeError(msg)
        rules.append(module)
    return tuple(rules)


def rule_by_code(code_or_id: str) -> Rule | None:
    """Find a rule by its code (``AM201``) or readable id (``duplicate-id``)."""
    wanted = code_or_id.strip()
    for rule in load_rules():
        if wanted.upper() == rule.CODE or wanted == rule.ID:
            return rule
    return None
