"""Limits on what one map file may hold, checked before any recursive code meets the data.

A hostile map can be large, deep, or hold huge texts; these checks refuse it early with
AM107 and a location, and stay cheap on an ordinary map (a quick scan proves most files clean).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, repeat
from typing import Any, Literal

from argmap._findings import Location, MapLoadError
from argmap._lazyre import lazy_compile
from argmap._load.codes import (
    FORBIDDEN_CHARACTER,
    LIMIT_EXCEEDED,
    WRONG_TYPE,
    load_error,
    load_problem,
)
from argmap._load.positions import PathStep, PositionIndex
from argmap._recache import recompile
from argmap._record import record
from argmap._text import clip, short_repr

FORBIDDEN_CHARS = recompile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The C0 control bytes FORBIDDEN_CHARS refuses: all but tab and the line ends.
_FORBIDDEN_BYTES = tuple(byte for byte in range(0x20) if byte not in b"\t\n\r")
#: Bytes of a file :func:`may_hold_forbidden` searches at a time for each control byte, a
#: piece that stays in the CPU's cache while all 29 searches read it.
_SEARCHED_AT_ONCE = 1 << 18


def may_hold_forbidden(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character ``FORBIDDEN_CHARS`` refuses, in C passes over
    the bytes (a C0 control byte, or U+FFFE or U+FFFF encoded); UTF-8 cannot hold a lone
    surrogate. Half the time of the pattern's search over the text (18 ms at 10,000 claims),
    which then finds where it is. Each control byte is looked for by ``bytes.find``
    (memchr, many bytes an instruction) in a piece of the file at a time, where
    ``bytes.translate`` deleting every allowed byte took several instructions a byte (at
    10,000 claims 54.8 -> 19.5 M instructions, the time about the same: the 29 searches read
    the piece in the cache; over the whole file, each read it from memory, three times as
    slow at 100,000 claims). Both noncharacters start with the byte 0xEF, searched for
    first: one byte is found at memory speed, where each three-byte search took 60 ms over
    a 60 MB map."""
    for start in range(0, len(data), _SEARCHED_AT_ONCE):
        end = start + _SEARCHED_AT_ONCE
        if max(map(data.find, _FORBIDDEN_BYTES, repeat(start), repeat(end))) >= 0:
            return True
    return b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


_PLAIN_SCALARS = (str, int, float, bool, type(None))
#: At most this many problems of one kind are listed; the rest would only repeat them.
_MAX_REPORTED = 20


@record
class Limits:
    """Bounds that keep a hostile map from exhausting time or memory."""

    #: A map of 100,000 claims (benchmarks/generate.py) is 56 MB of YAML or 84 MB of JSON
    #: with about 5 million values, and checks in under 1.5 GB; the limits leave room for it.
    max_file_bytes: int = 128 * 1024 * 1024
    max_values: int = 10_000_000
    max_text_length: int = 100_000
    max_alias_expansions: int = 10_000
    max_depth: int = 200
    #: Characters that aliases may add to a file in all (each alias counts its anchor's
    #: characters, plus one per value): a 140 KB file of one 99,000-character anchor and
    #: 9,999 aliases would otherwise expand to a billion characters (1.9 GB).
    max_alias_characters: int = 10_000_000
    #: Characters of one number (digits, sign, point, exponent): converting a number of a
    #: million digits takes a minute (the conversion is quadratic), and no figure needs more.
    max_number_length: int = 1_000
    #: Bytes of one snapshot file (snapshots are read whole, to anchor quotes in them).
    max_snapshot_bytes: int = 50 * 1024 * 1024
    #: Folders below a searched folder (``argmap check claims/``) that are searched for maps.
    max_folder_depth: int = 32


DEFAULT_LIMITS = Limits()


def check_limits(
    data: Any,
    display: str,
    limits: Limits,
    positions: PositionIndex | None = None,
    text: str | None = None,
    *,
    text_clean: bool = False,
    yaml_or_json: bool = False,
) -> None:
    """Reject data no map needs before other code meets it: too deep, too many values, texts
    too long, forbidden characters, or values that are not plain data (a set, a list as key).

    The walk is iterative and stops at the first problem; only then is the offending value's
    path looked up, so files that pass pay for one pass and no path bookkeeping. A quick scan
    first proves most files clean with C-speed checks; only a file it doubts takes the walk.
    ``text``: the file's text, which that scan searches for forbidden characters when it
    holds no escapes; ``text_clean``: the caller found no forbidden character in it;
    ``yaml_or_json``: the text is YAML or JSON, whose escapes that scan knows.
    """
    if _passes_quickly(data, limits, text, text_clean=text_clean, yaml_or_json=yaml_or_json):
        return
    stack: list[tuple[Any, int]] = [(data, 0)]
    count = 0
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > limits.max_values:
            raise _limit_error(
                f"the file has more than {limits.max_values:,} values",
                Location(display),
                "split the map, or raise the limit with --max-values",
            )
        if depth > limits.max_depth:
            raise _limit_error(
                f"the data nests more than {limits.max_depth} levels deep",
                _deep_location(data, value, display, positions, limits),
                "a map needs a handful of levels; raise the limit with --max-depth",
            )
        if isinstance(value, dict):
            for key in value:
                _check_scalar(key, data, display, limits, positions, is_key=True)
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        else:
            _check_scalar(value, data, display, limits, positions)


_QUICK_SCALARS = frozenset({int, float, bool, type(None)})

#: Every escape sequence of JSON or of a double-quoted YAML scalar that can write a character
#: ``FORBIDDEN_CHARS`` refuses: ``\0 \a \b \v \f \e``, ``\xHH``, ``\uHHHH`` and
#: ``\UHHHHHHHH`` for a C0 control, a surrogate, U+FFFE or U+FFFF. It may also match text
#: that is no escape (after an escaped backslash): the joined strings are then searched.
_FORBIDDEN_ESCAPE = lazy_compile(
    r"\\(?:[0abvfe]|x[01][0-9a-fA-F]|u(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}"
    r"|[fF]{3}[eEfF])|U0000(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF]))"
)


def _passes_quickly(
    data: Any, limits: Limits, text: str | None, *, text_clean: bool = False,
    yaml_or_json: bool = False,
) -> bool:
    """True when ``data`` certainly passes :func:`check_limits`; False means "walk it".

    Forbidden characters are searched in the file's own text, where a parsed string's
    characters come from, unless an escape could write one (any backslash; in YAML and JSON,
    an escape ``_FORBIDDEN_ESCAPE`` finds): then in the joined strings
    (:func:`_strings_pass_quickly`). ``text_clean``: the caller already found no forbidden
    character in ``text`` (the YAML reader searches it before parsing: a second search cost
    18 ms at 10,000 claims). Else only the shape is left to judge (:func:`_shape_passes`).
    """
    if text is None:
        return _strings_pass_quickly(data, limits)
    if not text_clean and FORBIDDEN_CHARS.search(text):
        return False
    if "\\" in text and not (yaml_or_json and _FORBIDDEN_ESCAPE.search(text) is None):
        return _strings_pass_quickly(data, limits)
    return _shape_passes(data, limits)


#: Values of one level the quick pass reads before it reads their children (see
#: :func:`_shape_passes`).
_CHUNK = 256


#: At most this many keys are remembered as measured (see :func:`_shape_passes`).
_KNOWN_KEYS = 1024
#: ``_NO_KEYS.union(*mappings)``: the keys of the mappings, read in C (see :func:`_shape_passes`).
_NO_KEYS: frozenset[Any] = frozenset()
#: At most this many values in a chunk's containers for its mappings' keys to be read into
#: one set (a hostile mapping may hold millions of keys).
_UNITED = 1 << 16


def _shape_passes(data: Any, limits: Limits) -> bool:
    """True when ``data`` is not too deep, has not too many values, holds only plain values
    and text keys, and no text (key or value) over the length limit.

    A pass per nesting level with the least Python per value, a level read in chunks of
    ``_CHUNK`` values, each chunk's children (and theirs) before the next chunk: the parser
    built each claim's objects together, so they are read while in the CPU's cache, where a
    whole level of 100,000 claims was read again for each level below it (the pass in a
    load of 100,000 claims 429 -> 367 ms, of 10,000 41 -> 35 ms). The answer does not depend on
    the order: every value is read once, counted once, at its depth. A text is measured when
    the pass meets it, and a mapping's keys in C as its values are taken. The keys are
    joined and the joined text measured, one C call without a Python call per key as
    ``max(map(str.__len__, keys))`` made; only keys longer than the limit together are
    measured one by one (instructions at 10,000 claims: -26%; CPU 0.62 -> 0.51 s at 100,000).
    Keys so measured are remembered (up to ``_KNOWN_KEYS``: a hostile map's keys may all
    differ, or one mapping hold millions), and keys all among them are not measured again:
    one C-level set test, where a map's mappings repeat a few dozen keys (the pass at 100,000
    claims 0.34 -> 0.29 s). Only texts within the limit are remembered, and a key equal to
    one of them is a text of the same length (the parsers make no other key equal to a
    text). The keys are judged a chunk at a time, all its mappings' keys read into one set
    in C (``frozenset.union`` walks a dictionary without an iterator), where a set test a
    mapping cost a call, an iterator and a string comparison a key, and the mappings' values
    are taken for the next level together, in C (instructions of the pass at 10,000 claims
    296.4 -> 275.0 M); a key that is no text is in that set as well (no other key is equal
    to it but one that is no text either).
    """
    count = 0
    limit = limits.max_text_length
    max_depth = limits.max_depth
    max_values = limits.max_values
    chunk = _CHUNK
    # the builtins the loop meets per value, read as locals: a global read of a builtin
    # checks two dictionaries' versions (instructions of the pass at 10,000 claims: YAML
    # 321.6 -> 296.7 M, JSON 304.8 -> 280.1 M)
    text, mapping, sequence, type_of, length, scalars = str, dict, list, type, len, _QUICK_SCALARS
    key_length = str.__len__  # not len: a key that is a tuple (YAML `? [a, b]`) must fail
    join = "".join
    known: set[str] = set()  # keys measured already: texts within the limit
    known_keys = known.issuperset
    union = _NO_KEYS.union
    values_of = dict.values
    flatten = chain.from_iterable
    # (a level's values, their depth, where the values still to read start)
    stack: list[tuple[list[Any], int, int]] = [([data], 0, 0)]
    pop = stack.pop
    push = stack.append
    try:
        while stack:
            level, depth, start = pop()
            if start or len(level) > chunk:  # the rest of the level waits for this chunk's
                if start + chunk < len(level):
                    push((level, depth, start + chunk))
                level = level[start:start + chunk]
            if depth > max_depth:
                return False
            count += len(level)
            if count > max_values:
                return False
            deeper: list[Any] = []
            extend = deeper.extend
            mappings: list[dict[Any, Any]] = []
            keep = mappings.append
            for value in level:
                kind = type_of(value)
                if kind is text:
                    if length(value) > limit:
                        return False
                elif kind is mapping:
                    keep(value)
                elif kind is sequence:
                    extend(value)
                elif kind not in scalars:
                    return False
            if mappings:
                extend(flatten(map(values_of, mappings)))
                # the chunk's keys in one set, read in C; when its mappings hold more than
                # _UNITED keys (no more than the values just taken), one mapping at a time,
                # so that the set stays small
                for names in (union(*mappings),) if len(deeper) <= _UNITED else mappings:
                    if known_keys(names):
                        continue
                    # the keys' total length bounds each key's; join refuses a key that is
                    # no string, as str.__len__ does
                    if len(join(names)) > limit and max(map(key_length, names)) > limit:
                        return False
                    if len(known) + len(names) <= _KNOWN_KEYS:
                        known.update(names)
            if deeper:
                push((deeper, depth + 1, 0))
    except TypeError:  # a key that is not a string: let the walk judge it
        return False
    return True


def _strings_pass_quickly(data: Any, limits: Limits) -> bool:
    """:func:`_shape_passes`, and no forbidden character in the strings (keys too), joined
    and searched once: for a text whose escapes could write one, or no text (rare: a second
    walk, over data the shape pass has proved plain and shallow enough).

    Measured on a map of 10,000 claims: 70 ms against 350 ms for the walk. (Splitting each
    level by type with ``map`` and ``compress`` instead of the loop was slower: each pass
    reads every object again, and the objects are spread over the heap.)
    """
    if not _shape_passes(data, limits):
        return False
    strings: list[str] = []
    level: list[Any] = [data]
    while level:
        deeper: list[Any] = []
        for value in level:
            kind = type(value)
            if kind is dict:
                strings.extend(value)
                deeper.extend(value.values())
            elif kind is list:
                deeper.extend(value)
            elif kind is str:
                strings.append(value)
        level = deeper
    return FORBIDDEN_CHARS.search("\n".join(strings)) is None


def _check_scalar(
    value: Any,
    data: Any,
    display: str,
    limits: Limits,
    positions: PositionIndex | None,
    *,
    is_key: bool = False,
) -> None:
    if isinstance(value, str):
        if len(value) > limits.max_text_length:
            raise _limit_error(
                f"a text of {len(value):,} characters is over the limit of "
                f"{limits.max_text_length:,}",
                _where_is(data, value, display, positions, is_key=is_key),
                "quote less: a sentence or two is evidence, the whole source belongs in a "
                "snapshot; or raise the limit with --max-text-length",
            )
        bad = FORBIDDEN_CHARS.search(value)
        if bad:
            raise load_error(
                FORBIDDEN_CHARACTER,
                f"the text {short_repr(value)} holds the control character "
                f"U+{ord(bad.group()):04X}",
                _where_is(data, value, display, positions, is_key=is_key),
                hint="map text may hold tabs and line breaks but no other control "
                "characters; delete it",
            )
    elif is_key and isinstance(value, _PLAIN_SCALARS):
        # a key read as a number, boolean or null: name every such key where it is written
        typed = non_text_keys(positions) if positions is not None else None
        if typed is not None:
            raise typed
        raise load_error(
            WRONG_TYPE,
            f"a mapping key is {short_repr(value)}, not a text",
            Location(display),
            hint="keys are texts; quote the key",
        )
    elif not isinstance(value, _PLAIN_SCALARS):
        what = "a mapping key" if is_key else "a value"
        raise load_error(
            WRONG_TYPE,
            f"{what} is a {type(value).__name__}; maps hold only strings, numbers, "
            "booleans, null, lists and mappings",
            _where_is(data, value, display, positions, is_key=is_key),
            hint="write keys as plain strings" if is_key else None,
        )


def _deep_location(
    data: Any, value: Any, display: str, positions: PositionIndex | None, limits: Limits
) -> Location:
    """Where nesting passes the limit: the node itself, or the first bracket that opens too
    deep (flow style and JSON, whose nested lists the tree cannot place)."""
    found = _where_is(data, value, display, positions)
    if positions is None or (found.line, found.column) != (1, 1):
        return found
    return json_too_deep(positions.text(), positions, limits.max_depth)


def _limit_error(message: str, location: Location, hint: str) -> MapLoadError:
    return load_error(LIMIT_EXCEEDED, message, location, hint=hint)


def _where_is(
    data: Any,
    target: Any,
    display: str,
    positions: PositionIndex | None,
    *,
    is_key: bool = False,
) -> Location:
    """Location of the first value (or key) that is ``target``; the file when not found."""
    if positions is None:
        return Location(display)
    stack: list[tuple[Any, tuple[PathStep, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if value is target and not is_key:
            return _locate_quietly(positions, path, "value", display)
        if isinstance(value, dict):
            for key, item in value.items():
                if is_key and key is target and isinstance(key, str):
                    return _locate_quietly(positions, (*path, key), "key", display)
                if isinstance(key, str):
                    stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
    return Location(display)


def _locate_quietly(
    positions: PositionIndex, path: tuple[PathStep, ...], part: Literal["key", "value"],
    display: str,
) -> Location:
    try:
        return positions.locate(path, part)
    except Exception:  # noqa: BLE001 - a location is a courtesy; the error must still come out
        return Location(display)


def tree_nodes(tree: Any) -> Iterator[int]:
    """Every node of a rapidyaml tree, without recursion."""
    import ryml

    stack = [tree.root_id()]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(ryml.children(tree, node))


def non_text_keys(positions: PositionIndex) -> MapLoadError | None:
    """Every plain key that YAML reads as a number, boolean or null, each located.

    None when there is none or the file cannot be walked; the caller then says what it can.
    """
    import yaml_rs

    tree = positions.tree()
    if tree is None:
        return None
    found: list[tuple[int, bytes, str]] = []
    for node in tree_nodes(tree):
        if not tree.has_key(node) or tree.is_key_ref(node) or not tree.is_key_plain(node):
            continue
        view = tree.key(node)
        # an empty key (`: x`) has no text of its own: it is placed at its value
        where = view if view is not None else tree.val(node) if tree.has_val(node) else None
        raw = b"" if view is None else bytes(view)
        if len(raw) > 64:  # no number, boolean or null is longer (longer numbers: see above)
            continue
        try:
            value = yaml_rs.loads(raw.decode("utf-8") + ": x", parse_datetime=False)
        except (yaml_rs.YAMLDecodeError, UnicodeDecodeError):
            continue
        key = next(iter(value)) if isinstance(value, dict) and value else ""
        if not isinstance(key, str):
            what = "null" if key is None else "a boolean" if isinstance(key, bool) else "a number"
            offset = positions.offset_of(where) if where is not None else None
            found.append((offset or 0, raw, what))
    if not found:
        return None
    return MapLoadError(
        [
            load_problem(
                WRONG_TYPE,
                f"the key {clip(raw.decode('utf-8', 'replace')) or '(empty)'} is {what}, "
                "not a text",
                positions.at_offset(offset, len(raw)),
                hint=f"keys are texts; quote it (\"{clip(raw.decode('utf-8', 'replace'))}\":) "
                "if you mean the text",
            )
            for offset, raw, what in sorted(found)[:_MAX_REPORTED]
        ]
    )


_JSON_TOKENS = lazy_compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_too_deep(text: str, positions: PositionIndex, depth: int = 200) -> Location:
    """Where JSON brackets first open more than ``depth`` levels deep (strings skipped)."""
    level = 0
    for token in _JSON_TOKENS.finditer(text):
        char = token.group()[0]
        if char in "[{":
            level += 1
            if level > depth:
                return positions.at_offset(len(text[: token.start()].encode("utf-8")))
        elif char in "]}":
            level -= 1
    return positions.at_offset(0)


