"""The number grammar: find every figure in English prose and read it as a typed quantity.

Policy papers round, hedge and abbreviate ("just slightly over $2 billion", "a fifth",
"increased 15-fold in 2013–2018", "USD 230 mil-\\nlion" split by a PDF line break). General
number-extraction libraries guess units from letters, average ranges and drop scale words, so
this closed domain has a small grammar of its own: one compiled regular expression finds the
candidates, and a few plain functions read them. Every :class:`Mention` keeps the character
span it came from. Ranges are never averaged (``value`` and ``upper``); nothing is converted.

The package, in the order a text goes through it: :mod:`.vocabulary` (every word, once),
:mod:`.grammar` (the patterns built from it), :mod:`.scanning` (where figures may start),
:mod:`.reading` (a match as a :class:`Mention`), :mod:`.neighbours` (ranges, shared units,
periods), :mod:`.parsing` (``parse``); then :mod:`.periods`, :mod:`.declared` (declared
quantities) and :mod:`.formatting`.

>>> [format_mention(m) for m in parse("In 2019, bilateral trade reached USD 4 billion.")]
['2019', 'USD 4 billion']
"""

from __future__ import annotations

from argmap._verify.numbers.declared import from_quantity, to_quantity
from argmap._verify.numbers.formatting import format_mention
from argmap._verify.numbers.mention import FIGURE_KINDS, TEMPORAL_KINDS, Mention
from argmap._verify.numbers.parsing import parse, text_period
from argmap._verify.numbers.periods import period_bounds, periods_overlap
from argmap._verify.numbers.scanning import compile_common_patterns

__all__ = [
    "FIGURE_KINDS",
    "TEMPORAL_KINDS",
    "Mention",
    "compile_common_patterns",
    "format_mention",
    "from_quantity",
    "parse",
    "period_bounds",
    "periods_overlap",
    "text_period",
    "to_quantity",
]

# Private names the grammar's own tests and a benchmark reach for: the pattern and the scan
# that must find the same matches (tests/test_numbers.py), the cache a cold run clears
# (benchmarks/profile_rules.py).
from argmap._verify.numbers.declared import declared as _declared  # noqa: F401 - see above
from argmap._verify.numbers.scanning import mask as _mask  # noqa: F401 - see above
from argmap._verify.numbers.scanning import matches as _matches  # noqa: F401 - see above
from argmap._verify.numbers.scanning import starts as _starts  # noqa: F401 - see above


def __getattr__(name: str) -> object:
    """``_PATTERN``, compiled only when a test reads it."""
    if name == "_PATTERN":
        from argmap._verify.numbers.grammar import pattern

        return pattern("PATTERN")
    raise AttributeError(name)
