"""Argdown text -> a syntax tree: statements, arguments, relations and headings, with places.

Hand-written, line by line, after Argdown 1.x as ``@argdown/cli`` 1.7.5 reads it (no Python
Argdown parser is maintained: PyPI's ``pyargdown`` 0.0.1 is an empty package). The reader
never raises on any text: what it cannot read becomes a :class:`ReadProblem` at its line and
column, and the text itself is kept (``ArgdownDocument.unread``) so that nothing is lost.

Comments (``<!-- -->``, ``/* */`` and ``//`` after a space) are cut out first, keeping every
line and column in place; a line that held only a comment does not end a block.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from argmap._recache import recompile
from argmap._record import record

__all__ = ["ArgdownDocument", "Element", "Heading", "Inference", "Pcs", "ReadProblem",
           "RelationLine", "parse", "read_data"]


@record
class ReadProblem:
    """What the reader could not take as written: ``kind`` names its load code."""

    kind: str  # "unreadable", "undefined" or "kept"
    message: str
    line: int
    column: int
    hint: str | None = None


@dataclass(eq=False, slots=True)
class Element:
    """One written statement or argument: a definition (with text) or a reference."""

    kind: str  # "statement" or "argument"
    title: str | None
    line: int
    column: int
    section: int | None
    parts: list[str] = field(default_factory=list)  # text lines, joined when read
    text: str = ""
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] | None = None

    @property
    def reference(self) -> bool:
        return not self.text


@dataclass(eq=False, slots=True)
class RelationLine:
    """``source`` supports/attacks/undercuts/contradicts ``target``, written at a place."""

    type: str
    source: Element
    target: Element
    line: int
    column: int


@dataclass(slots=True)
class Inference:
    """An inference line of a premise-conclusion structure: its rules and data."""

    rules: str | None
    data: dict[str, Any] | None
    line: int
    column: int


@dataclass(eq=False, slots=True)
class Pcs:
    """A premise-conclusion structure: numbered statements, inferences before conclusions."""

    argument: Element | None
    line: int
    column: int
    section: int | None
    items: list[Element] = field(default_factory=list)
    inferences: dict[int, Inference] = field(default_factory=dict)  # conclusion index -> rule


@dataclass(slots=True)
class Heading:
    title: str
    level: int
    line: int
    column: int
    parent: int | None
    data: dict[str, Any] | None = None


@dataclass
class ArgdownDocument:
    frontmatter: dict[str, Any] | None = None
    headings: list[Heading] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)
    relations: list[RelationLine] = field(default_factory=list)
    pcs: list[Pcs] = field(default_factory=list)
    comments: list[tuple[str, int, int]] = field(default_factory=list)
    unread: list[tuple[str, int, int]] = field(default_factory=list)
    mentions: list[tuple[str, str, int, int]] = field(default_factory=list)  # kind, title
    problems: list[ReadProblem] = field(default_factory=list)


# --- patterns ---------------------------------------------------------------------------------

_COMMENT = recompile(r"<!--.*?-->|/\*.*?\*/|(?<!\S)//[^\n]*", re.DOTALL)
_OPEN_COMMENT = recompile(r"<!--|/\*")
_HEADING = recompile(r"(#{1,6})[ \t]+(.*)")
_PCS_ITEM = recompile(r"\((\d+)\)(?:[ \t]+(.*)|$)")
_INFERENCE_BARE = recompile(r"-{2,}")
_INFERENCE_INLINE = recompile(r"-{2,}[ \t]+(.+?)[ \t]+-{2,}")
_RELATION = recompile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:[ \t]+(.*)|$)")
_LIST_ITEM = recompile(r"(?:\*|\d+\.)[ \t]+(.*)")
_STATEMENT_HEAD = recompile(r"\[((?:[^\]\\]|\\.)*)\](:?)(.*)")
_ARGUMENT_HEAD = recompile(r"<((?:[^>\\]|\\.)*)>(:?)(.*)")
_TAG = recompile(r"(?<![\\\w@])#(?:\(([^)\n]*)\)|([\w-]+))")
_LINK_TARGET = recompile(r"\]\([^)\n]*\)")
_MENTION = recompile(r"@\[((?:[^\]\\]|\\.)*)\]|@<((?:[^>\\]|\\.)*)>")
_SPACES = recompile(r"\s+")

#: marker -> (relation type, True when the written element is the source)
_MARKERS: dict[str, tuple[str, bool]] = {
    "+": ("supports", True), "<+": ("supports", True), "+>": ("supports", False),
    "-": ("attacks", True), "<-": ("attacks", True), "->": ("attacks", False),
    "_": ("undercuts", True), "<_": ("undercuts", True), "_>": ("undercuts", False),
    "><": ("contradicts", False),
}


def _blank_out(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _place(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read_data(raw: str) -> tuple[dict[str, Any] | None, str | None]:
    """``{key: value}`` as Argdown reads it (YAML flow), or why it is not a mapping."""
    import yaml_rs

    try:
        value = yaml_rs.loads(
            raw,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(
                max_total_replayed_events=1000, max_alias_expansions_per_anchor=10
            ),
        )
    except Exception as exc:  # noqa: BLE001 - any failure of the YAML library is a finding
        first = str(exc).strip().splitlines()
        return None, first[-1] if first else type(exc).__name__
    if not isinstance(value, dict):
        return None, "the data is not a mapping of keys"
    return _plain(value), None


def _plain(value: Any) -> Any:
    """Data as JSON holds it: string keys, and no value JSON cannot write."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _trailing_data(text: str) -> tuple[str, str | None]:
    """Split ``text {data}`` into the text and the raw ``{...}`` at its end, if any."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, None
    depth = 0
    for index in range(len(stripped) - 1, -1, -1):
        char = stripped[index]
        if index and stripped[index - 1] == "\\":
            continue
        if char == "}":
            depth += 1
        elif char == "{":
            depth -= 1
            if depth == 0:
                return stripped[:index].rstrip(), stripped[index:]
    return text, None


# --- the reader -------------------------------------------------------------------------------


class _Reader:
    def __init__(self, text: str) -> None:
        self.doc = ArgdownDocument()
        self.text = text
        self.section: int | None = None
        self.stack: list[tuple[int, Element]] = []
        self.current: Element | None = None
        self.pcs: Pcs | None = None
        self.pending: Inference | None = None
        self.rules: list[tuple[str, int, int]] | None = None  # open multi-line inference
        self.rules_place = (0, 0)
        self.blank = True
        self.lone_argument: Element | None = None  # an argument alone in the last block
        self.block_root: Element | None = None
        self.block_size = 0

    # -- helpers -----------------------------------------------------------------------------

    def problem(self, kind: str, message: str, line: int, column: int,
                hint: str | None = None) -> None:
        self.doc.problems.append(ReadProblem(kind, message, line, column, hint))

    def split_data(self, text: str, what: str, line: int, column: int
                   ) -> tuple[str, dict[str, Any] | None]:
        """``text`` without its trailing ``{data}``, and the data; data that cannot be read
        is reported and ``text`` kept whole."""
        body, raw = _trailing_data(text)
        if raw is None:
            return text, None
        data, why = read_data(raw)
        if data is None:
            self.problem("unreadable", f"{what} cannot be read: {why}", line, column)
            return text, None
        return body, data

    def unread(self, raw: str, line: int, column: int, why: str) -> None:
        self.doc.unread.append((raw, line, column))
        self.problem("unreadable", why, line, column,
                     "kept verbatim in the map's data (argdown.unread) and written back on "
                     "export")

    def element(self, content: str, line: int, column: int) -> Element:
        """A statement or argument from the start of its first line."""
        head = _STATEMENT_HEAD.fullmatch(content)
        if head and not head.group(3).startswith("("):
            title, colon, rest = head.group(1).strip(), head.group(2), head.group(3).strip()
            if colon or not rest or rest[0] in "{#":
                return self._new("statement", title or None, rest, line, column)
        head = _ARGUMENT_HEAD.fullmatch(content)
        if head:
            title, colon, rest = head.group(1).strip(), head.group(2), head.group(3).strip()
            if colon or not rest or rest[0] in "{#":
                return self._new("argument", title or None, rest, line, column)
        return self._new("statement", None, content.strip(), line, column)

    def _new(self, kind: str, title: str | None, first: str, line: int, column: int) -> Element:
        found = Element(kind, title, line, column, self.section)
        if first:
            found.parts.append(first)
        self.doc.elements.append(found)
        return found

    def finish(self, element: Element | None) -> None:
        """Read an element's text once its last line is known: data, tags, mentions."""
        if element is None or not element.parts:
            return
        text = _SPACES.sub(" ", " ".join(element.parts)).strip()
        element.parts = []
        text, raw = _trailing_data(text)
        if raw is not None:
            data, why = read_data(raw)
            if data is None:
                self.problem("unreadable", f"the data {raw[:60]!r} cannot be read: {why}",
                             element.line, element.column,
                             "Argdown data is YAML in braces, e.g. {source: P1}; kept in the "
                             "text as written")
                text = f"{text} {raw}".strip()
            else:
                element.data = data
        element.text = text
        bare = _LINK_TARGET.sub("]", text)
        for match in _TAG.finditer(bare):
            tag = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
            if tag and tag not in element.tags:
                element.tags.append(tag)
        for match in _MENTION.finditer(text):
            if match.group(1) is not None:
                self.doc.mentions.append(("statement", match.group(1).strip(), element.line,
                                          element.column))
            else:
                self.doc.mentions.append(("argument", match.group(2).strip(), element.line,
                                          element.column))

    def end_block(self) -> None:
        self.finish(self.current)
        self.current = None
        if self.block_root is not None:
            root = self.block_root
            # as Argdown reads it: a structure after a block whose first line is an argument
            # belongs to that argument, whatever relations the block lists under it
            self.lone_argument = root if root.kind == "argument" and self.pcs is None else None
        self.block_root = None
        self.block_size = 0
        self.stack = []

    def close_pcs(self) -> None:
        self.close_rules()
        if self.pcs is not None and self.pending is not None:
            self.problem("unreadable", "an inference with no conclusion after it",
                         self.pending.line, self.pending.column,
                         "end a premise-conclusion structure with its conclusion, (n) ...")
            self.doc.unread.append(("--", self.pending.line, self.pending.column))
        self.pending = None
        if self.pcs is not None:
            if not self.pcs.inferences and self.pcs.items:
                self.problem("unreadable",
                             "a premise-conclusion structure without an inference line",
                             self.pcs.line, self.pcs.column,
                             "separate the premises from the conclusion with --")
            self.pcs = None
            self.lone_argument = None

    def close_rules(self) -> None:
        if self.rules is None:
            return
        line, column = self.rules_place
        raw = " ".join(part for part, _, _ in self.rules).strip()
        self.rules = None
        self.set_inference(raw, line, column)

    def set_inference(self, raw: str, line: int, column: int) -> None:
        if self.pending is not None:
            self.problem("unreadable", "two inference lines with no statement between them",
                         line, column)
            self.doc.unread.append(("--", self.pending.line, self.pending.column))
        text, data = self.split_data(raw, "the inference data", line, column)
        rules = _SPACES.sub(" ", text).strip() or None
        self.pending = Inference(rules, data, line, column)

    # -- lines -----------------------------------------------------------------------------

    def run(self) -> ArgdownDocument:
        text = self._frontmatter(self.text)
        cleaned = self._comments(text)
        commented = {
            number
            for number, (before, after) in enumerate(
                zip(text.split("\n"), cleaned.split("\n"), strict=True), start=1
            )
            if before.strip() and not after.strip()
        }
        for number, raw in enumerate(cleaned.split("\n"), start=1):
            if number in commented:
                continue
            self.line(raw.rstrip().replace("\t", "    "), number)
        self.end_block()
        self.close_pcs()
        return self.doc

    def _frontmatter(self, text: str) -> str:
        """Read ``=== yaml ===`` at the start; return the text with it blanked out."""
        lines = text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or lines[first].strip() != "===":
            return text
        end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="),
                   None)
        if end is None:
            self.problem("unreadable", "the front matter (===) is never closed", first + 1, 1,
                         "close it with a line of ===")
            return text
        raw = "\n".join(lines[first + 1 : end])
        data, why = read_data("{}" if not raw.strip() else raw)
        if data is None:
            self.problem("unreadable", f"the front matter cannot be read: {why}", first + 1, 1,
                         "front matter is YAML between two lines of ===")
            self.doc.unread.append((f"===\n{raw}\n===", first + 1, 1))
        else:
            self.doc.frontmatter = data
        blanked = ["" for _ in range(first, end + 1)]
        return "\n".join([*lines[:first], *blanked, *lines[end + 1 :]])

    def _comments(self, text: str) -> str:
        def keep(match: re.Match[str]) -> str:
            line, column = _place(text, match.start())
            self.doc.comments.append((match.group().rstrip(), line, column))
            return _blank_out(match)

        cleaned = _COMMENT.sub(keep, text)
        opened = _OPEN_COMMENT.search(cleaned)
        if opened is not None:
            line, column = _place(cleaned, opened.start())
            self.problem("unreadable", "a comment is opened here and never closed", line,
                         column, "close it with --> (or */); the rest of the file is kept "
                         "as a comment")
            self.doc.comments.append((text[opened.start() :].rstrip(), line, column))
            cleaned = cleaned[: opened.start()] + re.sub(r"[^\n]", " ",
                                                         cleaned[opened.start() :])
        return cleaned

    def line(self, raw: str, number: int) -> None:
        content = raw.strip()
        if not content:
            self.blank = True
            if self.rules is None:
                self.end_block()
            return
        indent = len(raw) - len(raw.lstrip(" "))
        column = indent + 1
        after_blank, self.blank = self.blank, False
        if self.rules is not None:
            if _INFERENCE_BARE.fullmatch(content):
                self.close_rules()
                return
            if _PCS_ITEM.fullmatch(content):
                self.close_rules()
            else:
                self.rules.append((content, number, column))
                return
        heading = _HEADING.fullmatch(content) if indent == 0 else None
        if heading is not None:
            self.end_block()
            self.close_pcs()
            self.lone_argument = None
            self.heading(heading.group(1), heading.group(2), number, column)
            return
        item = _PCS_ITEM.fullmatch(content)
        if item is not None:
            self.pcs_item(item.group(2) or "", number, column, indent, item.group(1) == "1")
            return
        if self.pcs is not None and self._inference(content, number, column):
            return
        if after_blank and self.pcs is not None:
            self.close_pcs()
        marker = _RELATION.fullmatch(content)
        if marker is not None and not content.startswith("--"):
            self.relation(marker.group(1), marker.group(2) or "", number, column, indent)
            return
        listed = _LIST_ITEM.fullmatch(content)
        if listed is not None:
            self.root(listed.group(1), number, column, indent, new_block=True)
            return
        if self.current is not None and not after_blank:
            self.current.parts.append(content)
            return
        self.root(content, number, column, indent, new_block=after_blank)

    def _inference(self, content: str, number: int, column: int) -> bool:
        if _INFERENCE_BARE.fullmatch(content):
            self.finish(self.current)
            self.current = None
            self.stack = []
            self.rules = []
            self.rules_place = (number, column)
            return True
        inline = _INFERENCE_INLINE.fullmatch(content)
        if inline is not None:
            self.finish(self.current)
            self.current = None
            self.stack = []
            self.set_inference(inline.group(1), number, column)
            return True
        return False

    def heading(self, hashes: str, title: str, number: int, column: int) -> None:
        level = len(hashes)
        parent = self.section
        while parent is not None and self.doc.headings[parent].level >= level:
            parent = self.doc.headings[parent].parent
        text, data = self.split_data(title.strip(), "the heading's data", number, column)
        self.doc.headings.append(Heading(text.strip() or hashes, level, number, column,
                                         parent, data))
        self.section = len(self.doc.headings) - 1

    def root(self, content: str, number: int, column: int, indent: int,
             *, new_block: bool) -> None:
        if not content.strip():
            self.unread(content, number, column, "an empty list item")
            return
        if new_block or self.block_root is None:
            self.end_block()
        else:
            self.finish(self.current)
        found = self.element(content, number, column)
        self.stack = [(indent, found)]
        self.current = found
        if self.block_root is None:
            self.block_root = found
        self.block_size += 1

    def pcs_item(self, content: str, number: int, column: int, indent: int,
                 first: bool) -> None:
        self.close_rules()
        if not content.strip():
            self.unread(f"({number})", number, column, "a numbered statement with no text")
            return
        if self.pcs is not None and first and self.pcs.items:
            self.close_pcs()  # (1) again: the next structure starts
        if self.pcs is None:
            argument = self.lone_argument
            if self.block_root is not None and self.block_root.kind == "argument" and (
                self.pcs is None
            ):
                argument = self.block_root
            self.finish(self.current)
            self.current = None
            self.stack = []
            self.block_root = None
            self.block_size = 0
            if argument is not None and any(p.argument is argument or (
                    p.argument is not None and argument.title is not None
                    and p.argument.title == argument.title) for p in self.doc.pcs):
                self.problem("unreadable", f"argument <{argument.title}> already has a "
                             "premise-conclusion structure; this one is read as another, "
                             "untitled argument", number, column)
                argument = None
            self.pcs = Pcs(argument, number, column, self.section)
            self.doc.pcs.append(self.pcs)
            self.lone_argument = None
        else:
            self.finish(self.current)
        found = self.element(content, number, column)
        self.pcs.items.append(found)
        if self.pending is not None:
            self.pcs.inferences[len(self.pcs.items) - 1] = self.pending
            self.pending = None
        self.stack = [(indent, found)]
        self.current = found

    def relation(self, marker: str, content: str, number: int, column: int,
                 indent: int) -> None:
        if not content.strip():
            self.unread(marker, number, column, f"the relation {marker} names no statement "
                        "or argument")
            return
        if not self.stack:
            self.unread(f"{marker} {content}", number, column,
                        f"the relation {marker} has no statement or argument above it to "
                        "belong to")
            return
        self.finish(self.current)
        # as Argdown's lexer: a line back out to a depth between two levels is a sibling of
        # the level below it, not a child
        dedented = False
        while len(self.stack) > 1 and self.stack[-1][0] > indent:
            self.stack.pop()
            dedented = True
        if len(self.stack) > 1 and (self.stack[-1][0] == indent or dedented):
            self.stack.pop()
        parent = self.stack[-1][1]
        child = self.element(content, number, column + len(marker) + 1)
        kind, child_is_source = _MARKERS[marker]
        source, target = (child, parent) if child_is_source else (parent, child)
        self.doc.relations.append(RelationLine(kind, source, target, number, column))
        self.stack.append((indent, child))
        self.current = child
        self.block_size += 1


def parse(text: str) -> ArgdownDocument:
    """Read Argdown text into a :class:`ArgdownDocument`; never raises on any text."""
    return _Reader(text.replace("\r\n", "\n").replace("\r", "\n")).run()
