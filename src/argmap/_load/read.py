"""Reading and parsing one YAML or JSON file: decoding, syntax, tags and limits.

Each problem is a load error with a code (AM101-AM109) and a location; rapidyaml finds the
line and column only when a message needs them.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap._findings import Location, MapLoadError
from argmap._lazyre import lazy_compile
from argmap._load.blockscan import outline
from argmap._load.codes import (
    DUPLICATE_KEY,
    FORBIDDEN_CHARACTER,
    LIMIT_EXCEEDED,
    NOT_UTF8,
    OUTSIDE_MAP_FOLDER,
    PATH_NOT_FOUND,
    SYNTAX_ERROR,
    UNREADABLE,
    UNSAFE_TAG,
    load_error,
    load_problem,
)
from argmap._load.files import FileRefusedError, read_bytes
from argmap._load.limits import (
    DEFAULT_LIMITS,
    FORBIDDEN_CHARS,
    Limits,
    check_limits,
    json_too_deep,
    may_hold_forbidden,
    non_text_keys,
)
from argmap._load.positions import PositionIndex
from argmap._load.prescan import (
    check_aliases,
    check_numbers,
    may_hold_long_number,
    replay_budget,
)
from argmap._record import record
from argmap._text import clip

if TYPE_CHECKING:
    import threading


@record(frozen=False, slots=False)
class ParsedFile:
    """A file's text, its data and the index that finds positions in it.

    The text may be given as None: it is then the bytes the position index keeps, decoded
    when first asked for (fixes and the language server ask; a check does not), so that a
    file is not held twice, as text and as bytes (60 MiB each at 100,000 claims).
    """

    path: Path
    display: str
    _text: str | None
    data: Any
    positions: PositionIndex

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.positions.text()
        return self._text

    def release_data(self) -> None:
        """Drop the parsed data but its outline (top-level keys, the length of each top-level
        list), once the map's models are built from it; findings are located as before."""
        self.data = outline(self.data)
        self.positions.prune()


def display_path(path: Path) -> str:
    """Paths in messages are relative to the working directory when they can be."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def _refusal(exc: FileRefusedError, display: str, limit: int) -> MapLoadError:
    """The load error for a file the read layer refused; it never quotes the file."""
    where = Location(display)
    if exc.kind == "missing":
        return load_error(PATH_NOT_FOUND, "no such file", where)
    if exc.kind == "outside":
        return load_error(
            OUTSIDE_MAP_FOLDER,
            "the file leads outside the map's folder; it is not read",
            where,
            hint="a symbolic link leads out of the folder; keep the map's files inside it, "
            "or name the file on the command line to read it as given",
        )
    if exc.kind == "too-big":
        size = f"{exc.size:,}" if exc.size is not None else f"more than {limit:,}"
        return load_error(
            LIMIT_EXCEEDED,
            f"file is {size} bytes, over the limit of {limit:,}",
            where,
            hint="split the map, or raise the limit with --max-file-size",
        )
    hint = {
        "folder": None,
        "special": "a map is a file on disk; this one would block or never end",
        "kernel": "a map is a file on disk, not a file of the kernel",
    }.get(exc.kind, "check the file's permissions")
    return load_error(UNREADABLE, exc.reason, where, hint=hint)


def read_text(
    path: Path, limits: Limits = DEFAULT_LIMITS, inside: Path | None = None
) -> str:
    """Read a UTF-8 text file (a BOM is allowed), raising MapLoadError with a location.

    The read goes through :func:`~argmap._load.files.read_bytes`: a regular file of at most
    ``max_file_bytes``, inside ``inside`` when the file was found rather than named.
    """
    return _read(path, limits, inside)[0]


def _read(path: Path, limits: Limits, inside: Path | None) -> tuple[str, bytes]:
    """:func:`read_text`, and the bytes read."""
    display = display_path(path)
    try:
        raw = read_bytes(path, limit=limits.max_file_bytes, inside=inside)
    except FileRefusedError as exc:
        raise _refusal(exc, display, limits.max_file_bytes) from None
    return decode(raw, display), raw


def decode(raw: bytes, display: str) -> str:
    """The text of a file's bytes (UTF-8, a BOM allowed), or MapLoadError with a location."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise load_error(
            NOT_UTF8,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
            Location(display, line, column),
            hint="save the file as UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


_BOM = "\ufeff".encode()
_YAML_POSITION = lazy_compile(r"line (\d+), column (\d+)")


#: Texts from this many characters parse long enough for the models' imports to be done
#: beside the parse (see :func:`_work_meanwhile`).
_IMPORT_BESIDE_FROM = 1 << 20

#: What the caller of the load does right after it, in order: the parse's helper thread
#: takes these steps too while the parse lasts (see :func:`beside_parse`).
_NEXT_STEPS: ContextVar[tuple[Callable[[], object], ...]] = ContextVar("next_steps", default=())


@contextmanager
def beside_parse(*steps: Callable[[], object]) -> Iterator[None]:
    """Within this block, the helper thread of a long YAML parse (:func:`_work_meanwhile`)
    takes ``steps`` too, in order, after the models' imports and only while the parse runs:
    what the caller does next (a check imports its rules), done while yaml-rs leaves the
    interpreter free. Each step must be one the caller takes again anyway, with the same
    outcome whether it was taken before or not (an import, a compiled pattern): a step the
    parse ended before, or that failed in the thread, is the caller's to take, as without
    this block. Nothing else is worth it: yaml-rs parses 15-20 % slower while the other
    core is busy (at 10,000 claims 0.25 -> 0.29 s beside a thread that hashes, holding no
    GIL), and a step the parse ends in holds the caller up until it is done."""
    token = _NEXT_STEPS.set((*_NEXT_STEPS.get(), *steps))
    try:
        yield
    finally:
        _NEXT_STEPS.reset(token)


def _models_imported() -> bool:
    return "argmap._model" in sys.modules


def _import_models() -> None:
    try:
        from argmap._load.fast_schema import written_module

        written_module()  # imports pydantic, the models and their written schema
    except Exception:  # noqa: BLE001, S110 - the main thread imports them again, and fails there
        pass


def _prepare(steps: tuple[Callable[[], object], ...], parsed: threading.Event) -> None:
    """The helper thread's work: the models, then the caller's next steps until the parse
    is over (the caller waits for the step under way; it takes the others in its own time)."""
    _import_models()
    for step in steps:
        if parsed.is_set():
            return
        with suppress(Exception):  # the caller takes the step again, and fails there
            step()


def _work_meanwhile(length: int) -> Callable[[], None] | None:
    """A thread importing pydantic and the models (60-80 ms, needed next to validate), then
    taking the caller's next steps (:func:`beside_parse`), while yaml-rs parses a long text,
    which it does for the most part without holding the GIL; None when there is nothing to
    do. The function returned ends it once the parse returns: it waits for the thread, so
    that the main thread runs no Python beside it (no import runs in two threads at once)."""
    steps = _NEXT_STEPS.get()
    if length < _IMPORT_BESIDE_FROM or (_models_imported() and not steps):
        return None
    import threading

    parsed = threading.Event()
    helper = threading.Thread(target=_prepare, args=(steps, parsed), name="argmap-imports",
                              daemon=True)
    helper.start()

    def finish() -> None:
        parsed.set()
        helper.join()

    return finish


def _parse_yaml(text: str, display: str, positions: PositionIndex, limits: Limits) -> Any:
    import yaml_rs

    # the position index holds the text as UTF-8 (it could encode it: no lone surrogate)
    raw = positions._data  # noqa: SLF001 - same package
    bad = FORBIDDEN_CHARS.search(text) if may_hold_forbidden(raw) else None
    if bad:  # YAML streams may not hold them; yaml-rs would skip some and read garbage as empty
        raise load_error(
            FORBIDDEN_CHARACTER,
            f"the file holds the control character U+{ord(bad.group()):04X}",
            positions.at_offset(len(text[: bad.start()].encode("utf-8"))),
            hint="a map is text: tabs and line breaks only; is this a binary file?",
        )
    check_numbers(positions, limits)
    measured = check_aliases(text, positions, limits)
    alias_limits = yaml_rs.AliasLimits(
        max_total_replayed_events=replay_budget(text, limits, measured),
        max_alias_expansions_per_anchor=limits.max_alias_expansions,
    )
    finish = _work_meanwhile(len(text))
    try:
        try:
            data = yaml_rs.loads(text, parse_datetime=False, alias_limits=alias_limits)
        finally:
            if finish is not None:
                finish()
    except yaml_rs.YAMLDecodeError as exc:
        message = str(exc)
        first_line = message.splitlines()[0] if message else "invalid YAML"
        if first_line.startswith("duplicate mapping key"):
            dup = positions.duplicate_key()
            if dup:
                key, second, first = dup
                raise load_error(
                    DUPLICATE_KEY,
                    f"duplicate key {key!r} in one mapping",
                    second,
                    hint=f"the first {key!r} is at line {first.line}; keep one of them",
                ) from None
            # Keys that differ as written but are equal to Python (1, 1.0 and true): they
            # are not texts, which is the real problem.
            typed = non_text_keys(positions)
            if typed is not None:
                raise typed from None
            raise load_error(DUPLICATE_KEY, first_line, Location(display)) from None
        if "recursion limit" in message:
            found = _YAML_POSITION.search(first_line)
            loc = Location(display, int(found[1]), int(found[2])) if found else Location(display)
            raise load_error(
                LIMIT_EXCEEDED,
                "the data nests too deeply for the YAML parser",
                loc,
                hint="a map needs a handful of levels; flatten the structure",
            ) from None
        if "alias" in first_line and "limit" in first_line:
            raise load_error(
                LIMIT_EXCEEDED,
                f"aliases expand too far ({first_line})",
                Location(display),
                hint="an alias bomb, or a map that needs fewer aliases",
            ) from None
        if first_line.startswith("Invalid tag"):
            tag = first_line.partition(":")[2].strip().strip("'")
            loc = _find_text(positions, tag) or Location(display)
            raise load_error(
                UNSAFE_TAG,
                f"tag {tag} is not allowed",
                loc,
                hint="maps hold plain data: strings, numbers, lists and mappings",
            ) from None
        found = _YAML_POSITION.search(first_line)
        loc = Location(display, int(found[1]), int(found[2])) if found else Location(display)
        reason = message.strip().splitlines()[-1].strip() if "\n" in message else first_line
        reason = _YAML_POSITION.sub("", reason).replace("YAML parse error at", "").strip(" ,")
        hint = None
        if "tab" in reason:
            hint = "indent with spaces; YAML does not allow tabs for indentation"
        raise load_error(SYNTAX_ERROR, f"invalid YAML: {reason}", loc, hint=hint) from None
    except RecursionError:
        raise load_error(LIMIT_EXCEEDED, "the file nests too deeply", Location(display)) from None
    if "!" in text:
        _check_tags(text, positions)
    return data


#: Tags of the YAML 1.2 core schema: they only say what the plain value already is.
_CORE_TYPES = ("str", "int", "float", "bool", "null", "map", "seq")
_SAFE_TAGS = frozenset(
    {f"!!{name}" for name in _CORE_TYPES} | {f"<tag:yaml.org,2002:{name}>" for name in _CORE_TYPES}
)
#: At most this many problems of one kind are listed; the rest would only repeat them.
_MAX_REPORTED = 20
#: A tag token where YAML allows one: at a line start or after a space or flow indicator.
_TAG_TOKEN = lazy_compile(r"(?:^|(?<=[\s\[{,]))!(?:<[^>\s]*>|[^\s\[\]{},]*)", re.MULTILINE)


def _check_tags(text: str, positions: PositionIndex) -> None:
    """Reject every tag beyond the core schema's: no objects, sets, binaries or custom types.

    yaml-rs never builds objects, but it quietly drops unknown tags (``!!python/object``
    reads as plain data) and turns ``!!set`` into a Python set whose order changes per run;
    a map that asks for either is refused, with every such tag listed.
    """
    found = positions.tags()
    if found is None:  # the locating parser failed on this file: scan the text instead
        found = [(m.group(), positions.at_offset(m.start())) for m in _TAG_TOKEN.finditer(text)]
        found = [(tag, loc) for tag, loc in found if len(tag) > 1]
    bad = [
        (tag, loc)
        for tag, loc in found
        if tag not in _SAFE_TAGS and tag.removeprefix("!") not in _SAFE_TAGS
    ]
    if bad:
        raise MapLoadError(
            [
                load_problem(
                    UNSAFE_TAG,
                    f"tag {clip(tag)} is not allowed",
                    loc,
                    hint="maps hold plain data: strings, numbers, lists and mappings; "
                    "remove the tag",
                )
                for tag, loc in bad[:_MAX_REPORTED]
            ]
        )


def _find_text(positions: PositionIndex, needle: str) -> Location | None:
    offset = positions._data.find(needle.encode("utf-8"))  # noqa: SLF001 - same package
    return positions.at_offset(offset) if offset >= 0 else None


class _NotANumberError(ValueError):
    """NaN, Infinity or -Infinity in a JSON file."""


class _LongNumberError(ValueError):
    """A JSON number longer than ``max_number_length`` characters (caught before conversion)."""


def _parse_json(text: str, display: str, positions: PositionIndex, limits: Limits) -> Any:
    import json  # a YAML map, the usual kind, does without it

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        # built in C, and the lengths compared: a key met twice makes the mapping shorter
        # (the hook's Python loop over every key cost 25 M of the 627 M instructions of
        # parsing the JSON map of 10,000 claims)
        result = dict(items)
        if len(result) < len(items):
            raise _duplicate(items)
        return result

    def _duplicate(items: list[tuple[str, Any]]) -> MapLoadError:
        """The error for a mapping that holds a key twice: the first key met again."""
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                break
            seen.add(key)
        # json calls this hook innermost object first, so the key it meets first need
        # not be the first duplicate in the file: name the one the index locates
        dup = positions.duplicate_key()
        name, loc, first = dup if dup else (key, Location(display), None)
        hint = f"the first {name!r} is at line {first.line}" if first else None
        return load_error(DUPLICATE_KEY, f"duplicate key {name!r}", loc, hint=hint)

    def constant(name: str) -> Any:
        raise _NotANumberError(name)

    def number(convert: type[int] | type[float]) -> Any:
        def bounded(literal: str) -> int | float:
            if len(literal) > limits.max_number_length:
                raise _LongNumberError(literal)
            return convert(literal)

        return bounded

    # the hooks cost a Python call per number: only a file with a long run of digits needs them
    bounded = may_hold_long_number(positions._data, limits.max_number_length)  # noqa: SLF001
    try:
        return json.loads(
            text,
            object_pairs_hook=pairs,
            parse_constant=constant,
            parse_int=number(int) if bounded else None,
            parse_float=number(float) if bounded else None,
        )
    except _LongNumberError as exc:
        literal = str(exc)
        raise load_error(
            LIMIT_EXCEEDED,
            f"a number of {len(literal):,} characters is over the limit of "
            f"{limits.max_number_length:,}",
            _find_text(positions, literal) or Location(display),
            hint="no figure needs that many digits; raise the limit with --max-number-length",
        ) from None
    except json.JSONDecodeError as exc:
        raise load_error(
            SYNTAX_ERROR,
            f"invalid JSON: {exc.msg}",
            Location(display, exc.lineno, exc.colno),
        ) from None
    except _NotANumberError as exc:  # NaN / Infinity, which JSON does not have
        loc = _find_text(positions, str(exc)) or Location(display)
        raise load_error(SYNTAX_ERROR, f"invalid JSON: {exc} is not a number", loc) from None
    except ValueError as exc:  # an integer of more digits than int() accepts
        reason = str(exc).partition(";")[0]
        raise load_error(SYNTAX_ERROR, f"invalid JSON: {reason}", Location(display)) from None
    except RecursionError:
        raise load_error(
            LIMIT_EXCEEDED,
            "the data nests too deeply for the JSON parser",
            json_too_deep(text, positions),
            hint="a map needs a handful of levels; flatten the structure",
        ) from None


def parse_file(
    path: Path, limits: Limits = DEFAULT_LIMITS, inside: Path | None = None
) -> ParsedFile:
    """Read and parse one YAML or JSON file (by suffix; YAML otherwise, a superset of JSON).

    ``inside``: the folder a file that was found (not named) must resolve into.
    """
    text, raw = _read(path, limits, inside)
    return parse_text(text, path, display_path(path), limits, raw=raw)


def parse_text(
    text: str,
    path: Path,
    display: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    as_json: bool | None = None,
    raw: bytes | None = None,
) -> ParsedFile:
    """Parse text read elsewhere (standard input, a fix's result, a merged sources file
    checked before it is written) as the file ``path`` would be parsed, with every check
    :func:`parse_file` makes after reading. ``display`` defaults to the path as shown,
    ``as_json`` to the path's suffix. ``raw``: the bytes ``text`` was decoded from, which
    are its UTF-8 unless they start with a BOM (:func:`decode` drops it): the position index
    keeps them instead of encoding the text again (50-70 ms at 100,000 claims)."""
    display = display_path(path) if display is None else display
    same = type(raw) is bytes and not raw.startswith(_BOM)
    positions = PositionIndex(display, text, raw if same else None)
    if as_json is None:
        as_json = path.suffix.lower() == ".json"
    if as_json:
        data = _parse_json(text, display, positions, limits)
        # JSON refuses raw control characters, and text with a lone surrogate cannot be
        # encoded (the position index did): of the forbidden characters only these two
        # can stand in the text as they are
        clean = "\ufffe" not in text and "\uffff" not in text
    else:
        data = _parse_yaml(text, display, positions, limits)  # searched the whole text
        positions.scan_with(data)
        clean = True
    check_limits(data, display, limits, positions, text, text_clean=clean, yaml_or_json=True)
    return ParsedFile(path, display, None, data, positions)


#: Characters no map text may hold: C0 controls other than tab and line ends, lone
#: surrogates and the two noncharacters XML 1.0 forbids. They cannot appear in SVG, they
#: drive terminals (escape sequences) and they hide text from reviewers.

