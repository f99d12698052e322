"""The rules of ``argmap check``: an explicit registry, code -> module.

Families: AM1xx file and schema (load errors, a table in ``argmap._load.codes``), AM2xx
references and graph, AM3xx citations and numbers, AM4xx quotes and sources, AM5xx quantities
and arithmetic, AM6xx dates, AM7xx argumentation, AM9xx suppressions. Each module documents
its rule in its docstring; ``docs/rules.md`` is generated from them.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._engine.context import Rule
    from argmap.rules._headers import RuleHeader

__all__ = ["REGISTRY", "load_rules", "rule_by_code", "rule_headers"]

REGISTRY: dict[str, str] = {
    "AM201": "argmap.rules.am201_duplicate_id",
    "AM202": "argmap.rules.am202_unknown_reference",
    "AM203": "argmap.rules.am203_wrong_kind_reference",
    "AM204": "argmap.rules.am204_self_relation",
    "AM205": "argmap.rules.am205_circular_support",
    "AM206": "argmap.rules.am206_supports_and_attacks",
    "AM207": "argmap.rules.am207_empty_map",
    "AM208": "argmap.rules.am208_no_thesis",
    "AM209": "argmap.rules.am209_disconnected_claim",
    "AM210": "argmap.rules.am210_unsupported_thesis",
    "AM211": "argmap.rules.am211_unbacked_premise",
    "AM212": "argmap.rules.am212_unused_source",
    "AM213": "argmap.rules.am213_unused_evidence",
    "AM214": "argmap.rules.am214_duplicate_claim_text",
    "AM215": "argmap.rules.am215_thesis_as_premise",
    "AM216": "argmap.rules.am216_unbacked_claim",
    "AM217": "argmap.rules.am217_supported_premise",
    "AM218": "argmap.rules.am218_supporting_objection",
    "AM219": "argmap.rules.am219_aimless_objection",
    "AM301": "argmap.rules.am301_uncited_figure",
    "AM302": "argmap.rules.am302_uncited_date",
    "AM303": "argmap.rules.am303_quantity_text_mismatch",
    "AM304": "argmap.rules.am304_more_precise_than_source",
    "AM305": "argmap.rules.am305_secondary_only_figure",
    "AM306": "argmap.rules.am306_unverifiable_figure",
    "AM307": "argmap.rules.am307_understated_figure",
    "AM308": "argmap.rules.am308_unverifiable_date",
    "AM401": "argmap.rules.am401_quote_not_found",
    "AM402": "argmap.rules.am402_inexact_quote",
    "AM403": "argmap.rules.am403_quote_number_mismatch",
    "AM404": "argmap.rules.am404_quote_context_mismatch",
    "AM405": "argmap.rules.am405_snapshot_changed",
    "AM406": "argmap.rules.am406_snapshot_unreadable",
    "AM407": "argmap.rules.am407_no_snapshot",
    "AM408": "argmap.rules.am408_incomplete_citation",
    "AM409": "argmap.rules.am409_unsafe_url",
    "AM410": "argmap.rules.am410_accessed_before_issued",
    "AM411": "argmap.rules.am411_qualified_quote",
    "AM412": "argmap.rules.am412_quote_found_elsewhere",
    "AM413": "argmap.rules.am413_unknown_csl_variable",
    "AM414": "argmap.rules.am414_unknown_csl_name_or_date_key",
    "AM415": "argmap.rules.am415_unknown_csl_type",
    "AM416": "argmap.rules.am416_wrong_page",
    "AM421": "argmap.rules.am421_normalised_quote",
    "AM422": "argmap.rules.am422_undeclared_figure",
    "AM501": "argmap.rules.am501_check_failed",
    "AM502": "argmap.rules.am502_fold_reading",
    "AM503": "argmap.rules.am503_conflicting_figures",
    "AM504": "argmap.rules.am504_check_unit_mismatch",
    "AM601": "argmap.rules.am601_source_predates_period",
    "AM602": "argmap.rules.am602_period_mismatch",
    "AM603": "argmap.rules.am603_unresolved_relative_date",
    "AM604": "argmap.rules.am604_impossible_source_date",
    "AM701": "argmap.rules.am701_thesis_not_accepted",
    "AM702": "argmap.rules.am702_unanswered_objection",
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


def rule_headers() -> tuple[RuleHeader, ...]:
    """Every registered rule's code, id, severity, options and docstring, in code order,
    without importing the rules that are not imported yet (see ``argmap.rules._headers``)."""
    from argmap.rules._headers import rule_header

    return tuple(rule_header(REGISTRY[code]) for code in sorted(REGISTRY))


def rule_by_code(code_or_id: str) -> Rule | None:
    """Find a rule by its code (``AM201``) or readable id (``duplicate-id``)."""
    wanted = code_or_id.strip()
    for rule in load_rules():
        if wanted.upper() == rule.CODE or wanted == rule.ID:
            return rule
    return None
