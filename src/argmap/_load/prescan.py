"""Bounds the YAML parser cannot keep by itself, checked on the file before it parses.

yaml-rs converts every number it meets (a number of a million digits takes a second there,
and a minute more when the model turns it into a decimal: the conversion is quadratic), and
it counts alias expansions but not what they copy (one anchor of 99,000 characters aliased
9,999 times is a billion characters, 1.9 GB). Both are measured on the rapidyaml tree the
position index builds anyway, which keeps every scalar as text and every alias unexpanded;
a quick scan of the text spares that walk for the files that cannot break either bound.
"""

from __future__ import annotations

import re
from typing import Any

from argmap._findings import Location, MapLoadError
from argmap._lazyre import lazy_compile
from argmap._load.codes import LIMIT_EXCEEDED, load_error, load_problem
from argmap._load.limits import Limits, tree_nodes
from argmap._load.positions import PositionIndex

__all__ = ["check_aliases", "check_numbers", "may_hold_long_number", "replay_budget"]

#: Every form of number yaml-rs reads from a plain scalar (underscores, 0b/0o/0x, floats).
_NUMBER = lazy_compile(
    rb"[-+]?(?:0[bB][01_]+|0[oO][0-7_]+|0[xX][0-9a-fA-F_]+"
    rb"|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9_]+)?)"
)
#: An alias where YAML allows one: ``*name`` after a space, a line start or a flow indicator.
_STAR = lazy_compile(r"\*[^\s\[\]{},]")
_BEFORE_ALIAS = frozenset("\n\r[{,:-?")
#: At most this many problems of one kind are listed; the rest would only repeat them.
_MAX_REPORTED = 20


#: Bytes that can be part of a number's digits -> "1", every other byte -> "0".
_DIGIT_LIKE = bytes(0x31 if chr(b) in "0123456789abcdefABCDEF_" else 0x30 for b in range(256))


def may_hold_long_number(data: bytes, limit: int) -> bool:
    """Whether ``data`` holds a run of digit-like bytes that a number over ``limit`` needs.

    A number of more than N characters holds such a run of a third of N (at most a sign, a
    point and an exponent mark split it), so a file without one needs no closer look. A
    translation and a substring search are linear and run in C: 0.15 s on 60 MB, where a
    regular expression took 1.4 s. A long run is first looked for in every ``step``-th byte
    (:func:`_sampled_runs`), which reads a sixteenth of the file: translating all of it
    cost 80-100 ms at 100,000 claims (a 56 MB copy), the samples about 10 ms.
    """
    run = max(1, (limit - 2) // 3)
    step = run // _SAMPLES_PER_RUN
    if step >= 2:
        sampled = _sampled_runs(data, run, step)
        if sampled is not None:
            return sampled
    return b"1" * run in data.translate(_DIGIT_LIKE)


#: A run of ``run`` bytes holds at least this many of every ``run // _SAMPLES_PER_RUN``-th
#: byte, all digit-like; fewer in a row among the samples: no such run.
_SAMPLES_PER_RUN = 16
#: Places where the samples hold a long enough row, looked at one by one; more: the whole
#: file is translated (a file of hex digits or long numbers, not a map).
_MAX_SAMPLED_ROWS = 64


def _sampled_runs(data: bytes, run: int, step: int) -> bool | None:
    """Whether ``data`` holds ``run`` digit-like bytes in a row, judged from every ``step``-th
    byte; None when the samples leave too many places to look at.

    Such a run ``[a, a + L)`` holds the bytes at ``step`` times ``ceil(a / step)`` and the
    ``run // step - 1`` multiples after it, which the samples hold in a row. Each row of the
    samples is then looked at in the file: ``run`` bytes either side of its first byte hold
    ``run`` of any run through that byte.
    """
    need = run // step
    row = b"1" * need
    samples = data[::step].translate(_DIGIT_LIKE)
    found = samples.find(row)
    rows = 0
    while found >= 0:
        rows += 1
        if rows > _MAX_SAMPLED_ROWS:
            return None
        at = found * step
        if b"1" * run in data[max(0, at - run):at + run + 1].translate(_DIGIT_LIKE):
            return True
        found = samples.find(row, found + 1)
    return False


def check_numbers(positions: PositionIndex, limits: Limits) -> None:
    """Refuse numbers longer than ``max_number_length`` characters before anything converts them."""
    limit = limits.max_number_length
    if not may_hold_long_number(positions._data, limit):  # noqa: SLF001 - same package
        return
    tree = positions.tree()
    found: list[tuple[int, int]] = []
    if tree is not None:
        for node in tree_nodes(tree):
            parts = []
            if tree.has_key(node) and tree.is_key_plain(node) and not tree.is_key_ref(node):
                parts.append(tree.key(node))
            if tree.has_val(node) and tree.is_val_plain(node) and not tree.is_val_ref(node):
                parts.append(tree.val(node))
            for view in parts:
                if len(view) > limit and _NUMBER.fullmatch(bytes(view)):
                    found.append((positions.offset_of(view) or 0, len(view)))
    else:  # rapidyaml cannot read the file: judge any run of digits this long a number
        data = positions._data  # noqa: SLF001 - same package
        found = [
            (m.start(), len(m.group()))
            for m in re.finditer(rb"(?<![0-9_])[0-9_]{%d,}" % (limit + 1), data)
        ]
    if found:
        raise MapLoadError(
            [
                load_problem(
                    LIMIT_EXCEEDED,
                    f"a number of {length:,} characters is over the limit of {limit:,}",
                    positions.at_offset(offset),
                    hint="no figure needs that many digits; quote it if it is a text, or "
                    "raise the limit with --max-number-length",
                )
                for offset, length in sorted(found)[:_MAX_REPORTED]
            ]
        )


def has_aliases(text: str) -> bool:
    """The text may hold an alias (``*name``): only then can aliases expand.

    Each ``*`` is found by a fast literal search and judged by what comes before it: an alias
    starts a node, after a line start, ``:``, ``-``, ``?`` or a flow indicator; a ``*`` inside
    a text ("a *word*") costs no walk of the tree.
    """
    if "*" not in text:
        return False
    for found in _STAR.finditer(text):
        at = found.start() - 1
        while at >= 0 and text[at] in " \t":
            at -= 1
        if at < 0 or text[at] in _BEFORE_ALIAS:
            return True
    return False


def alias_characters(tree: Any, limit: int) -> int:
    """Characters the file's aliases copy in all (stops counting once past ``limit``).

    Each alias copies its anchor's scalars (UTF-8 bytes, an upper bound of characters) and
    one per value, nested aliases included; the walk follows the document's order, in which
    an anchor always comes before its aliases.
    """
    import ryml

    anchors: dict[bytes, int] = {}
    sizes: dict[int, int] = {}
    total = 0
    stack: list[tuple[int, list[int] | None]] = [(tree.root_id(), None)]
    while stack:
        node, kids = stack.pop()
        if kids is None:
            kids = list(ryml.children(tree, node))
            stack.append((node, kids))
            stack.extend((kid, None) for kid in reversed(kids))
            continue
        value = 1 + sum(sizes.pop(kid) for kid in kids)
        if tree.is_val_ref(node):
            copied = anchors.get(bytes(tree.val_ref(node)), 0)
            total += copied
            value += copied
        elif tree.has_val(node):
            value += _length(tree.val(node))
        if tree.has_val_anchor(node):
            anchors[bytes(tree.val_anchor(node))] = value
        key = 0
        if tree.has_key(node):
            if tree.is_key_ref(node):
                key = anchors.get(bytes(tree.key_ref(node)), 0)
                total += key
            else:
                key = _length(tree.key(node))
                if tree.has_key_anchor(node):
                    anchors[bytes(tree.key_anchor(node))] = key
        sizes[node] = key + value
        if total > limit:
            break
    return total


def _length(scalar: Any) -> int:
    """A scalar's length in bytes; 0 for one rapidyaml gives as None (an empty value or key,
    ``a: &x`` or ``&x : 1``, which an alias may still copy)."""
    return 0 if scalar is None else len(scalar)


def check_aliases(text: str, positions: PositionIndex, limits: Limits) -> bool:
    """Refuse a file whose aliases copy more than ``max_alias_characters`` characters.

    False when the file has aliases but rapidyaml cannot read it: then the parser must be
    held to :func:`replay_budget` instead.
    """
    if not has_aliases(text):
        return True
    tree = positions.tree()
    if tree is None:
        return False
    limit = limits.max_alias_characters
    copied = alias_characters(tree, limit)
    if copied > limit:
        raise load_error(
            LIMIT_EXCEEDED,
            f"aliases copy more than {limit:,} characters",
            Location(positions.file),
            hint="an alias bomb, or a map that needs fewer or smaller aliases; raise the "
            "limit with --max-alias-characters",
        )
    return True


def replay_budget(text: str, limits: Limits, measured: bool) -> int:
    """How many events yaml-rs may replay through aliases.

    ``max_alias_expansions`` x 10 when the aliases were measured; else so few that even
    events as long as the whole file stay within ``max_alias_characters``.
    """
    budget = limits.max_alias_expansions * 10
    if measured:
        return budget
    return max(1, min(budget, limits.max_alias_characters // max(1, len(text))))
