"""The work budgets of the approximate quote search (:mod:`argmap._verify.fuzzy`).

Kept apart from the search so that a snapshot's index can start with its budget without
importing the search, which only a quote that is not in its snapshot verbatim needs.
"""

from __future__ import annotations

__all__ = ["FUZZY_BUDGET", "SNAPSHOT_FUZZY_BUDGET"]

#: Characters compared at most per quote: quote length times the length of text searched.
FUZZY_BUDGET = 2_000_000_000
#: Characters compared at most for all the quotes of one snapshot.
SNAPSHOT_FUZZY_BUDGET = 20_000_000_000
