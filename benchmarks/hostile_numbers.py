"""Hostile inputs for the number grammar: texts built to make a regular expression or a
neighbour scan do work that grows faster than the text (issue 14).

Each generator takes a size in characters and returns a text of about that size (never more):
long runs of hyphen-joined digits and years, thousands grouped by spaces, no-break spaces and
commas that break at the end, mixed separators, a slash that turns on URL masking, signs,
many figures before one year, a figure before a very long word, lists of labels, decimals
joined by dots, line-end hyphens, repeated qualifiers, months and ranges.
``benchmarks/numbers_bench.py --hostile`` times them at 10 KB, 100 KB and 1 MB;
``tests/test_numbers_hostile.py`` holds each to a CPU budget at 100 KB. Deterministic: the
same size always gives the same text.
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["HOSTILE", "hostile"]


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = size - len(head) - len(tail)
    return head + unit * max(0, body // len(unit)) + tail


def _random(alphabet: list[str], size: int, seed: int) -> str:
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not a secret
    parts: list[str] = []
    length = 0
    while True:
        part = rng.choice(alphabet)
        if length + len(part) > size:
            return "".join(parts)
        parts.append(part)
        length += len(part)


#: Name -> generator of a text of at most ``size`` characters.
HOSTILE: dict[str, Callable[[int], str]] = {
    "hyphen-joined digits": lambda n: _repeat("12-", n, tail="3"),
    "hyphen-joined years": lambda n: _repeat("2019-", n, tail="2020"),
    "hyphen-joined years without a hyphen at the end": lambda n: _repeat("2019-20", n),
    "space-grouped digits, one number": lambda n: _repeat(" 000", n, head="1"),
    "space-grouped digits, broken at the end": lambda n: _repeat(" 000", n, head="1",
                                                                  tail="0"),
    "space-separated numbers": lambda n: _repeat("5 ", n),
    "no-break-space groups, broken at the end": lambda n: _repeat("\u00a0000", n, head="1",
                                                                   tail="1"),
    "comma groups, broken at the end": lambda n: _repeat(",000", n, head="1", tail="1"),
    "comma groups then a decimal dot run": lambda n: _repeat(",000", n // 2, head="1")
    + _repeat(".1", n - n // 2),
    "mixed separators": lambda n: _random(
        ["1", "12", "123", "2019", "-", ",", " ", ".", "\u00a0", "\u2009", "–", "+", "%", "\n"],
        n, 14),
    "mixed separators and letters": lambda n: _random(
        ["1", "123", "-", ",", " ", ".", "x", "k", "m", "bn", "USD", "$", "%", "fold", "times",
         "over", "a", "fifth", "/", "KiB", "page", "rose", "by"], n, 15),
    "a slash, then one long token": lambda n: _repeat("1-", n, head="/"),
    "a slash, then letters": lambda n: _repeat("x", n, head="a/"),
    "signed numbers": lambda n: _repeat("-1 +2 ", n),
    "many figures, then a year": lambda n: _repeat("5 ", n, tail="in 2019"),
    "many amounts, one sentence": lambda n: _repeat("USD 5 million, ", n, tail="in 2019."),
    "a figure before a very long word": lambda n: _repeat("a", n, head="5 "),
    "a figure before a long hyphenated word": lambda n: _repeat("-a", n, head="5 a"),
    "a list of labels": lambda n: _repeat("1, ", n, head="pages "),
    "dots between digits": lambda n: _repeat("1.", n, tail="1"),
    "line-end hyphens": lambda n: _repeat("USD 5 mil-\n", n),
    "repeated qualifiers": lambda n: _repeat("just over ", n, tail="5"),
    "months and ranges": lambda n: _repeat("January–March 2019, 5–10% ", n),
    "whitespace before a figure": lambda n: _repeat(" ", n, head="a", tail="5"),
    "newlines and footnote numbers": lambda n: _repeat("\n1 A", n),
}


def hostile(name: str, size: int) -> str:
    """The hostile text ``name`` at ``size`` characters (at most)."""
    return HOSTILE[name](size)[:size]
