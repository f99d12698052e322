"""When a run may drop each kind of memoised value: after the last rule that reads it.

The rules share one memo per map (:meth:`argmap._verify.index.MapIndex.memo`). Kept to the
end of a run, the claim figures, the quote dates and the quote anchorings of a map of 100,000
claims were all held at once, hundreds of MiB. A run that keeps no rule context (plain
``argmap check``) drops each kind once the last rule that reads it has run, in the engine's
order (code order). A value asked for again after it was dropped is computed again, the same,
so this table decides memory, never findings; tests/test_lean_check.py checks it against the
memo reads of every map in the repository.
"""

from __future__ import annotations

import importlib
from functools import cache

__all__ = ["LAST_READERS", "releases"]

#: Memo owner (``module:qualified name``, the first element of its memo keys) -> the code of
#: the last rule that reads it. Owners read only by reports (the grounded analysis, read by
#: the HTML map) are not listed: a run that keeps its context drops nothing anyway.
LAST_READERS: dict[str, str] = {
    "argmap.rules._shared:references": "AM203",
    "argmap._verify.graph:support_cycles": "AM205",
    "argmap._verify.graph:thesis_connected": "AM209",
    "argmap._verify.compare:_quote_mentions": "AM301",
    "argmap._verify.compare:_results": "AM301",
    "argmap._verify.suggest:_sentences": "AM301",
    "argmap._verify.dates:quote_dates": "AM302",
    "argmap._verify.dates:_source_issue": "AM302",
    "argmap._verify.quote_context:qualifiers": "AM411",
    "argmap._verify.anchor:index_for": "AM412",
    "argmap._verify.anchor:quote_counts": "AM412",
    "argmap._verify.elsewhere:found_elsewhere": "AM412",
    "argmap._verify.pages:snapshot_pages": "AM416",
    "argmap._verify.index:MapIndex._snapshot": "AM416",
    "argmap._verify.anchor:anchor_evidence": "AM421",
    "argmap._verify.anchor:anchored_evidence": "AM421",
    "argmap._verify.compare:claim_figures": "AM422",
    "argmap.rules._shared:every_claim_figure": "AM422",
    "argmap.rules._shared:check_outcomes": "AM502",
    "argmap._verify.dates:claim_dates": "AM603",
    "argmap.rules._shared:every_claim_date": "AM603",
}


def _resolve(name: str) -> object | None:
    """The function a ``module:qualified name`` names, or None when there is no such thing
    (an owner renamed: its values are then kept to the end, as before this table)."""
    module_name, _, qualname = name.partition(":")
    try:
        found: object = importlib.import_module(module_name)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return None
    return found


@cache
def releases() -> dict[str, frozenset[object]]:
    """Rule code -> the memo owners to drop after that rule (its turn, run or not)."""
    by_rule: dict[str, set[object]] = {}
    for name, code in LAST_READERS.items():
        owner = _resolve(name)
        if owner is not None:
            by_rule.setdefault(code, set()).add(owner)
    return {code: frozenset(owners) for code, owners in by_rule.items()}
