"""When a run may drop each kind of memoised value: after the last rule that reads it.

The rules share one memo per map (:meth:`argmap._verify.index.MapIndex.memo`). Kept to the
end of a run, the claim figures, the quote dates and the quote anchorings of a map of 100,000
claims were all held at once, hundreds of MiB. A run that keeps no rule context (plain
``argmap check``) drops each kind once the last rule that reads it has run, in the engine's
order (code order). A value asked for again after it was dropped is computed again, the same,
so this table decides memory, never findings; tests/test_lean_check.py checks it against the
memo reads of every map in the repository.

Dropping costs time (freeing the values one by one) and pays only where it lowers the
process's peak, so a run drops nothing on a map under :data:`DROP_FROM_NODES` nodes, and
leaves what the last rules of a group read to the next group run in the same process, if
any: after a process's last rule nothing big is allocated, so freeing them then lowers no
peak (see :func:`argmap._engine.run._run_rules`).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["DROP_FROM_NODES", "LAST_READERS", "drops", "nodes", "releases"]

#: Fewer nodes than this (:func:`nodes`) and a run keeps every memoised value to its end.
#: Measured on the benchmark maps: at 10,000 claims (35,000 nodes) dropping lowered the
#: peak by about 3 MiB (the rules of one process allocate little after the values they
#: drop) and cost 97 M instructions, 0.7 % of a ``-j 1`` check (65 ms of freeing); at
#: 100,000 claims (356,000 nodes), where the quote rules' values are dropped before the
#: figures group runs, it lowers the peak by about 150 MiB (1,208 -> 1,062 MiB).
DROP_FROM_NODES = 100_000


def nodes(argmap: ArgumentMap) -> int:
    """The map's nodes: claims, evidence, relations, sources and checks."""
    return (len(argmap.claims) + len(argmap.evidence) + len(argmap.relations)
            + len(argmap.sources) + len(argmap.checks))


def drops(argmap: ArgumentMap) -> bool:
    """Whether a run that keeps no context drops memoised values on this map (a big one)."""
    return nodes(argmap) >= DROP_FROM_NODES

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
    "argmap._verify.compare:declared_mentions": "AM501",
    "argmap.rules._shared:every_claim_figure": "AM422",
    "argmap.rules._shared:check_outcomes": "AM502",
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
