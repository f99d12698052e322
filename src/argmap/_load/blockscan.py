"""Locating a node of a block-style YAML file by scanning its lines, without a second parse.

Maps are written in block style: a mapping's keys start lines at one indentation, a sequence's
items start lines with a dash at one indentation. Along such a path a finding's node can be
found with a few regular-expression searches over the bytes, guided by the parsed data (which
says which keys and how many items there are), where building rapidyaml's tree of the whole
file cost 1.7 s and 808 MiB at 100,000 claims.

The scan answers only when it is sure: every key it finds must be the data's, every sequence
must have as many items as the data's, and a scalar it points at must read as the data's
value. Anything else (anchors, tags, quoted keys, escapes, multi-line plain or quoted
scalars, nested flow collections, a tab after a key's colon, carriage returns) gives None,
and the caller builds the tree as before; the two agree wherever the scan answers
(tests/test_blockscan.py compares them node by node).

A check that keeps no context drops the parsed data once the models are built (a third of a
large map's memory); the scan then keeps only its :func:`outline` and parses again, alone,
the lines of each top-level item a path steps into (:meth:`BlockScan.prune`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Literal

__all__ = ["BlockScan", "outline"]

PathStep = str | int

#: Maps nest a handful of levels; each level costs a search over its block, so a deeply
#: nested file (a hostile one: 10,000 levels) is left to the tree, which walks it in one pass.
_MAX_DEPTH = 16
_FLOW_MAP_STOP = re.compile(rb"[,}]")
_FLOW_SEQ_STOP = re.compile(rb"[,\]]")
_PLAIN_KEY = re.compile(rb"[A-Za-z_][A-Za-z0-9_.-]*")
_BLANK_OR_COMMENT = re.compile(rb"[ \t]*(?:#[^\n]*)?\r?(?:\n|\Z)")
_INDENT = re.compile(rb"[ ]*")
_SPACES = re.compile(rb"[ \t]*")
_WHITESPACE = re.compile(rb"[ \t\r\n]*")
_NUMBER = re.compile(rb"[-+]?[0-9._]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|"
                     rb"\.(?:nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+")
_BLOCK_HEADER = re.compile(rb"[|>](?:[-+][1-9]?|[1-9][-+]?)?[ \t]*(?:#.*)?")
_DOCUMENT_MARKER = re.compile(rb"^(?:---|\.\.\.)(?=[ \t\r\n]|\Z)", re.M)


class _Pruned:
    """The place of an item of a top-level list whose data was dropped (see :func:`outline`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<pruned>"


PRUNED = _Pruned()


def outline(data: Any) -> Any:
    """The parsed data with each top-level list's items dropped, their number kept.

    The items of the top-level lists (claims, relations, evidence, sources) are nearly all of
    a map's data; the scan reads again only the items a finding names (:meth:`BlockScan.prune`).
    """
    if isinstance(data, dict):
        return {key: [PRUNED] * len(value) if isinstance(value, list) else value
                for key, value in data.items()}
    if isinstance(data, list):
        return [PRUNED] * len(data)
    return data


def _parse_alone(text: bytes) -> Any:
    """Part of the file parsed on its own, as the loader parses a file; ``PRUNED`` when it
    does not parse alone (any failure: the caller is then not sure, and leaves it to the tree).
    """
    import yaml_rs

    try:
        return yaml_rs.loads(text.decode("utf-8"), parse_datetime=False)
    except Exception:  # noqa: BLE001 - any failure to read it alone means "not sure"
        return PRUNED


@cache
def _key_line(indent: int, key: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"^" + b" " * indent + re.escape(key) + rb":(?=[ \t\r\n]|\Z)", re.M)


@cache
def _item_line(indent: int) -> re.Pattern[bytes]:
    return re.compile(rb"^" + b" " * indent + rb"-(?=[ \t\r\n]|\Z)", re.M)


@cache
def _end_of_block(indent: int) -> re.Pattern[bytes]:
    """The first line that leaves a block nested deeper than ``indent``: a line with at most
    ``indent`` spaces before text that is not a comment."""
    return re.compile(rb"^ {0,%d}(?=[^ \t\r\n#])" % indent, re.M)


@cache
def _end_of_sequence(indent: int) -> re.Pattern[bytes]:
    """The first line that ends a block sequence whose dashes stand at ``indent``."""
    if indent == 0:
        return re.compile(rb"^(?=[^ \t\r\n#-]|-[^ \t\r\n])", re.M)
    return re.compile(
        rb"^(?: {0,%d}(?=[^ \t\r\n#])| {%d}(?=[^ \t\r\n#-]|-[^ \t\r\n]))" % (indent - 1, indent),
        re.M,
    )


class _Node:
    """Where a node of the file is: a mapping, a sequence, or a scalar value."""

    __slots__ = ("end", "entries", "indent", "key_at", "key_len", "kind", "start", "values")

    def __init__(
        self,
        kind: Literal["map", "seq", "scalar", "flow"],
        start: int,
        end: int,
        indent: int = 0,
        key_at: int | None = None,
        key_len: int = 0,
    ) -> None:
        self.kind = kind
        self.start = start  # map: first key; seq: first dash; scalar: first character
        self.end = end  # where the node's lines end (exclusive)
        self.indent = indent  # map: column of its keys; seq: column of its dashes
        self.key_at = key_at  # the key this node is the value of, if any
        self.key_len = key_len
        #: flow: (key, key offset, key length, value offset, value length) of each entry
        self.entries: list[tuple[str | None, int, int, int, int]] = []
        #: flow: the items read again from its text, when the data's were pruned
        self.values: list[Any] | None = None


class _NotSureError(Exception):
    """The scan cannot vouch for an answer; the caller parses the file instead."""


def _remembered(memo: dict[Any, _Node | None], key: Any, find: Callable[[], _Node]) -> _Node:
    """``find()``, once per key; a "not sure" is remembered too, and raised again."""
    if key not in memo:
        try:
            memo[key] = find()
        except _NotSureError:
            memo[key] = None
    found = memo[key]
    if found is None:
        raise _NotSureError
    return found


class BlockScan:
    """Finds nodes of one block-style YAML file; see the module docstring."""

    def __init__(self, data: bytes, parsed: Any) -> None:
        self._data = data
        self._parsed = parsed
        self._item_memo: dict[tuple[int, int], list[int]] = {}
        #: Files the scan leaves to the tree: a tab after a key's colon (rapidyaml and yaml-rs
        #: read ``exact:<tab>>-`` differently) and carriage returns (a block scalar's text is
        #: shorter than its lines when they end in CR LF).
        self._declined = b":\t" in data or b"\r" in data
        self._keys: dict[tuple[int, int, int, str], _Node | None] = {}
        self._item_nodes: dict[tuple[int, int, int], _Node | None] = {}
        #: The data of items read again from their own lines (``PRUNED``: they could not be).
        self._reread: dict[tuple[int, int, int], Any] = {}

    def prune(self) -> None:
        """Keep only the :func:`outline` of the parsed data: an item a path steps into is read
        again from its own lines, parsed alone (an item that cannot be, such as one whose
        alias points at another item, is left to the tree)."""
        self._parsed = outline(self._parsed)

    def locate(
        self, path: Sequence[PathStep], part: Literal["key", "value"]
    ) -> tuple[int, int] | None:
        """Byte offset and length of the deepest node of ``path``, as the tree would give it,
        or None when the scan is not sure."""
        if self._declined:
            return None
        try:
            return self._locate(path, part)
        except (_NotSureError, IndexError, KeyError, TypeError, ValueError, RecursionError):
            return None

    # -- walking -------------------------------------------------------------------------------

    def _locate(self, path: Sequence[PathStep], part: Literal["key", "value"]) -> tuple[int, int]:
        value = self._parsed
        if not isinstance(value, dict | list) or not value or len(path) > _MAX_DEPTH:
            raise _NotSureError
        node = self._root()
        for step in path:
            if isinstance(step, str):
                if not isinstance(value, dict) or step not in value:
                    break
                if node.kind == "flow":
                    index = list(value).index(step)
                    child = self._flow_entry(node, index)
                elif node.kind == "map":
                    child = self._key(node, step, value[step])
                else:
                    raise _NotSureError
                value = value[step]
            else:
                if not isinstance(value, list) or not 0 <= step < len(value):
                    break
                if node.kind == "flow":
                    child = self._flow_entry(node, step)
                    value = (node.values or value)[step]
                elif node.kind == "seq":
                    child = self._item(node, step, value)
                    value = self._item_value(node, step, value)
                else:
                    raise _NotSureError
            node = child
        return self._answer(node, value, part)

    @staticmethod
    def _flow_entry(node: _Node, index: int) -> _Node:
        key, key_off, key_len, value_off, value_len = node.entries[index]
        if value_len == 0:  # an empty scalar: the tree points at its key
            if key is None:
                raise _NotSureError
            value_off = key_off
        entry = _Node("scalar", value_off, value_off + value_len,
                      key_at=key_off if key is not None else None, key_len=key_len)
        entry.indent = value_len
        return entry

    def _root(self) -> _Node:
        data = self._data
        pos = self._skip_blank_lines(0, len(data))
        if _INDENT.match(data, pos).end() != pos:  # type: ignore[union-attr]
            raise _NotSureError  # an indented top level
        if data.startswith((b"---", b"%"), pos):
            raise _NotSureError  # document markers and directives: leave them to the parser
        if isinstance(self._parsed, list):
            return _Node("seq", pos, len(data), 0)
        return _Node("map", pos, len(data), 0)

    def _skip_blank_lines(self, pos: int, end: int) -> int:
        """The start of the first line at or after ``pos`` that holds more than a comment."""
        data = self._data
        while pos < end:
            match = _BLANK_OR_COMMENT.match(data, pos)
            if match is None or match.end() == pos:
                return pos
            pos = match.end()
        return pos

    def _key(self, node: _Node, key: str, value: Any) -> _Node:
        """The value node of ``key`` in the mapping ``node`` (remembered: findings name the
        same collections again and again)."""
        return _remembered(self._keys, (node.start, node.end, node.indent, key),
                           lambda: self._find_key(node, key, value))

    def _find_key(self, node: _Node, key: str, value: Any) -> _Node:
        data = self._data
        raw = key.encode("utf-8")
        if not _PLAIN_KEY.fullmatch(raw):
            raise _NotSureError
        if data.startswith(raw + b":", node.start) and data[node.start + len(raw) + 1:
                                                            node.start + len(raw) + 2] in (
            b" ", b"\t", b"\r", b"\n", b""
        ):
            at = node.start
        else:
            found = _key_line(node.indent, raw).search(data, node.start, node.end)
            if found is None:
                raise _NotSureError
            at = found.start() + node.indent
            again = _key_line(node.indent, raw).search(data, found.end(), node.end)
            if again is not None:
                raise _NotSureError  # the key twice at this indentation: not one mapping's
        after = at + len(raw) + 1
        pos = _SPACES.match(data, after).end()  # type: ignore[union-attr]
        line_end = data.find(b"\n", pos)
        line_end = len(data) if line_end == -1 else line_end
        rest = data[pos:line_end].rstrip(b"\r")
        if rest and not rest.startswith(b"#"):
            if pos == after and rest:
                raise _NotSureError  # `key:value` without a space is not a key here
            return self._inline_value(pos, line_end, value, at, len(raw), node,
                                      at - self._line_start(at))
        # the value is on the following lines: a block collection, or nothing (null)
        nxt = self._skip_blank_lines(line_end + 1, node.end)
        if nxt >= node.end:
            return _Node("scalar", at, at, key_at=at, key_len=len(raw))
        indent = _INDENT.match(data, nxt).end() - nxt  # type: ignore[union-attr]
        column = at - self._line_start(at)
        is_item = data[nxt + indent:nxt + indent + 1] == b"-" and data[
            nxt + indent + 1:nxt + indent + 2] in (b" ", b"\t", b"\r", b"\n", b"")
        if is_item and indent >= column and isinstance(value, list):
            end_match = _end_of_sequence(indent).search(data, nxt, node.end)
            end = end_match.start() if end_match else node.end
            return _Node("seq", nxt + indent, end, indent, key_at=at, key_len=len(raw))
        if indent > column and isinstance(value, dict):
            end_match = _end_of_block(column).search(data, nxt, node.end)
            end = end_match.start() if end_match else node.end
            return _Node("map", nxt + indent, end, indent, key_at=at, key_len=len(raw))
        if value is None:
            return _Node("scalar", at, at, key_at=at, key_len=len(raw))
        raise _NotSureError

    def _back_to_dash(self, offset: int) -> int:
        """As the tree does for a sequence item: from its first key back to its dash or brace."""
        data = self._data
        pos = offset - 1
        while pos >= 0 and data[pos] in b" \t":
            pos -= 1
        return pos if pos >= 0 and data[pos] in b"-{" else offset

    def _line_start(self, pos: int) -> int:
        return self._data.rfind(b"\n", 0, pos) + 1

    def _inline_value(
        self, pos: int, line_end: int, value: Any, key_at: int | None, key_len: int,
        parent: _Node, owner: int,
    ) -> _Node:
        """A value that starts on its key's (or dash's) line: a scalar, or a compact mapping."""
        data = self._data
        first = data[pos:pos + 1]
        if first in (b"|", b">") and isinstance(value, str):
            return self._block_scalar(pos, line_end, value, key_at, key_len)
        if first in (b"[", b"{") and isinstance(value, list | dict):
            return self._flow(pos, line_end, value, key_at, key_len)
        if first in (b"|", b">", b"[", b"{", b"&", b"*", b"!", b"?", b"%", b"@", b"`"):
            raise _NotSureError
        if isinstance(value, dict):
            if key_at is not None:
                raise _NotSureError  # `key: inner: x` is not valid YAML; something else is going on
            column = pos - self._line_start(pos)
            return _Node("map", pos, parent.end, column)
        if isinstance(value, list):
            raise _NotSureError  # `- - x` and the like
        start, length = self._scalar(pos, line_end, value, owner)
        if length == 0:  # the tree has no view of an empty scalar and points at the key
            if key_at is None:
                raise _NotSureError
            start = key_at
        node = _Node("scalar", start, start + length, key_at=key_at, key_len=key_len)
        node.indent = length
        return node

    def _flow(
        self, pos: int, line_end: int, value: list[Any] | dict[str, Any], key_at: int | None,
        key_len: int,
    ) -> _Node:
        """A one-line flow collection of scalars: ``{id: Q1, value: 2}`` or ``[A, B]``."""
        data = self._data
        is_map = data[pos:pos + 1] == b"{"
        if is_map != isinstance(value, dict):
            raise _NotSureError
        close = ord("}") if is_map else ord("]")
        entries: list[tuple[str | None, int, int, int, int]] = []
        i = pos + 1
        while True:
            i = _SPACES.match(data, i).end()  # type: ignore[union-attr]
            if i >= line_end:
                raise _NotSureError  # continued on the next line
            if data[i] == close and not entries:
                break
            key: str | None = None
            key_off = key_len_here = 0
            if is_map:
                match = _PLAIN_KEY.match(data, i)
                if match is None or data[match.end():match.end() + 2] != b": ":
                    raise _NotSureError
                key, key_off, key_len_here = match.group().decode(), i, match.end() - i
                i = _SPACES.match(data, match.end() + 1).end()  # type: ignore[union-attr]
            value_off, value_len, i = self._flow_scalar(i, line_end, close)
            entries.append((key, key_off, key_len_here, value_off, value_len))
            i = _SPACES.match(data, i).end()  # type: ignore[union-attr]
            if i < line_end and data[i] == ord(","):
                i += 1
                continue
            if i < line_end and data[i] == close:
                break
            raise _NotSureError
        items = list(value.values()) if isinstance(value, dict) else value
        reread = None
        if any(item is PRUNED for item in items):  # a top-level list, pruned: read it alone
            items = reread = self._read_flow(data[pos:i + 1], len(items))
        if len(items) != len(entries) or (
            isinstance(value, dict) and [e[0] for e in entries] != list(value)
        ):
            raise _NotSureError
        for item, (_, _, _, value_off, value_len) in zip(items, entries, strict=True):
            self._check_reads_as(data[value_off:value_off + value_len], item,
                                 quoted=data[value_off - 1:value_off] in (b'"', b"'"))
        node = _Node("flow", pos, i + 1, key_at=key_at, key_len=key_len)
        node.entries = entries
        node.values = reread
        return node

    @staticmethod
    def _read_flow(text: bytes, count: int) -> list[Any]:
        """A one-line flow sequence of plain or simply quoted scalars (as :meth:`_flow`
        accepts them), parsed alone: it reads as it did in the file."""
        parsed = _parse_alone(text)
        if not isinstance(parsed, list) or len(parsed) != count:
            raise _NotSureError
        return parsed

    def _flow_scalar(self, i: int, line_end: int, close: int) -> tuple[int, int, int]:
        """Offset and length of a scalar inside a flow collection, and where it ends."""
        data = self._data
        first = data[i:i + 1]
        if first in (b'"', b"'"):
            end = data.find(first, i + 1, line_end)
            if end == -1 or b"\\" in data[i:end] or data[end + 1:end + 2] == first:
                raise _NotSureError
            return i + 1, end - i - 1, end + 1
        if first in (b"[", b"{", b"&", b"*", b"!", b"|", b">", b"#", b",", b"?"):
            raise _NotSureError
        stop = (_FLOW_MAP_STOP if close == ord("}") else _FLOW_SEQ_STOP).search(data, i, line_end)
        end = stop.start() if stop else line_end
        text = data[i:end].rstrip(b" \t")
        if not text or b": " in text or b" #" in text:
            raise _NotSureError
        return i, len(text), end

    def _check_reads_as(self, text: bytes, value: Any, *, quoted: bool) -> None:
        """The scan's text of a scalar must be the parsed value, or the scan is not sure."""
        if isinstance(value, str):
            if text.decode("utf-8", "replace") != value:
                raise _NotSureError
        elif quoted or isinstance(value, list | dict):
            raise _NotSureError
        elif isinstance(value, bool) or value is None:
            if text.lower() not in (b"true", b"false", b"null", b"~"):
                raise _NotSureError
        elif isinstance(value, int | float):
            if not _NUMBER.fullmatch(text):
                raise _NotSureError
        else:
            raise _NotSureError

    def _block_scalar(
        self, pos: int, line_end: int, value: str, key_at: int | None, key_len: int
    ) -> _Node:
        """A literal or folded scalar: the tree's view starts at its first character, and is
        as long as the text it reads as."""
        data = self._data
        if not _BLOCK_HEADER.fullmatch(data[pos:line_end].rstrip(b"\r")):
            raise _NotSureError
        start = _WHITESPACE.match(data, line_end).end()  # type: ignore[union-attr]
        length = len(value.encode("utf-8"))
        if length == 0 or not value.lstrip().startswith(
            data[start:start + 1].decode("utf-8", "replace")
        ):
            raise _NotSureError
        node = _Node("scalar", start, start + length, key_at=key_at, key_len=key_len)
        node.indent = length
        return node

    def _scalar(self, pos: int, line_end: int, value: Any, owner: int) -> tuple[int, int]:
        """Offset and length of a one-line scalar that reads as ``value``; ``owner`` is the
        column of its key (or dash), which a continuation line would be indented past."""
        data = self._data
        line = data[pos:line_end].rstrip(b"\r")
        if line[:1] in (b'"', b"'"):
            quote = line[:1]
            close = line.find(quote, 1)
            if close == -1 or b"\\" in line[:close] or line[close + 1:close + 2] == quote:
                raise _NotSureError  # escapes, doubled quotes or a multi-line string
            text = line[1:close]
            tail = line[close + 1:].strip()
            if tail and not tail.startswith(b"#"):
                raise _NotSureError
            if not isinstance(value, str) or text.decode("utf-8") != value:
                raise _NotSureError
            self._single_line(line_end, owner)
            return pos + 1, len(text)
        comment = re.search(rb"[ \t]#", line)
        text = (line[:comment.start()] if comment else line).rstrip(b" \t")
        if not text or b": " in text or text.endswith(b":"):
            raise _NotSureError
        self._check_reads_as(text, value, quoted=False)
        self._single_line(line_end, owner)
        return pos, len(text)

    def _single_line(self, line_end: int, owner: int) -> None:
        """A scalar continued on the next line is read by the parser, not here: the next line
        that holds text must not be indented past the scalar's key or dash."""
        data = self._data
        nxt = self._skip_blank_lines(line_end + 1, len(data))
        if nxt >= len(data):
            return
        indent = _INDENT.match(data, nxt).end() - nxt  # type: ignore[union-attr]
        if indent > owner:
            raise _NotSureError

    def _items(self, node: _Node) -> list[int]:
        found = self._item_memo.get((node.start, node.indent))
        if found is None:
            pattern = _item_line(node.indent)
            found = [m.start() + node.indent for m in
                     pattern.finditer(self._data, self._line_start(node.start), node.end)]
            self._item_memo[(node.start, node.indent)] = found
        return found

    def _item(self, node: _Node, index: int, values: list[Any]) -> _Node:
        return _remembered(self._item_nodes, (node.start, node.indent, index),
                           lambda: self._find_item(node, index, values))

    def _find_item(self, node: _Node, index: int, values: list[Any]) -> _Node:
        items = self._items(node)
        if len(items) != len(values):
            raise _NotSureError
        dash = items[index]
        end = items[index + 1] if index + 1 < len(items) else node.end
        data = self._data
        value = self._item_value(node, index, values)
        pos = _SPACES.match(data, dash + 1).end()  # type: ignore[union-attr]
        line_end = data.find(b"\n", pos)
        line_end = len(data) if line_end == -1 else line_end
        rest = data[pos:line_end].rstrip(b"\r")
        if not rest or rest.startswith(b"#"):
            raise _NotSureError  # the item's content on the next lines: rare in maps
        if isinstance(value, dict) and not rest.startswith(b"{"):
            key = _PLAIN_KEY.match(data, pos)
            if key is None or data[key.end():key.end() + 1] != b":":
                raise _NotSureError
            item = self._inline_value(pos, line_end, value, None, 0, _Node("map", pos, end),
                                      node.indent)
            item.end = end
            return item
        return self._inline_value(pos, line_end, value, None, 0, node, node.indent)

    def _item_value(self, node: _Node, index: int, values: list[Any]) -> Any:
        """The data of item ``index`` of a block sequence: as parsed, or read again from the
        item's lines when it was pruned."""
        value = values[index]
        if value is not PRUNED:
            return value
        key = (node.start, node.indent, index)
        if key not in self._reread:
            self._reread[key] = self._read_item(node, index, len(values))
        found = self._reread[key]
        if found is PRUNED:
            raise _NotSureError
        return found

    def _read_item(self, node: _Node, index: int, count: int) -> Any:
        """Parse one item's lines alone (from its dash's line to the next dash's), or PRUNED.

        The lines hold the whole item and nothing else, so they read as the item did in the
        file, unless they lean on the rest of the file: an alias of an anchor elsewhere fails
        to parse, and document markers or directives are refused here.
        """
        items = self._items(node)
        if len(items) != count:
            return PRUNED
        start = self._line_start(items[index])
        end = self._line_start(items[index + 1]) if index + 1 < count else node.end
        lines = self._data[start:end]
        if _DOCUMENT_MARKER.search(lines) or lines.startswith(b"%"):
            return PRUNED
        parsed = _parse_alone(lines)
        if not isinstance(parsed, list) or len(parsed) != 1:
            return PRUNED
        return parsed[0]

    # -- the answer ----------------------------------------------------------------------------

    def _answer(self, node: _Node, value: Any, part: Literal["key", "value"]) -> tuple[int, int]:
        """What rapidyaml's tree gives for this node (see ``PositionIndex._node_offset``)."""
        if node.kind == "scalar":
            if node.key_at is not None and (part == "key" or node.start == node.key_at):
                return node.key_at, node.key_len
            return node.start, node.indent
        if node.key_at is not None:
            return node.key_at, node.key_len
        if node.kind == "flow":
            first_key, _, first_len, _, _ = node.entries[0] if node.entries else (None, 0, 0, 0, 0)
            if first_key is None:
                raise _NotSureError
            return node.start, first_len  # the tree steps back from the first key to the brace
        if node.kind == "map":
            key = _PLAIN_KEY.match(self._data, node.start)
            if key is None or not isinstance(value, dict) or not value:
                raise _NotSureError
            start = node.start
            before = self._data[self._line_start(start):start]
            stripped = before.rstrip(b" \t")
            if stripped.endswith((b"-", b"{")):
                start = self._line_start(start) + len(stripped) - 1
            return start, key.end() - node.start
        first = self._item_value(node, 0, value) if isinstance(value, list) and value else None
        if isinstance(first, dict):
            # a top-level sequence of mappings: the tree points at the first item's dash
            start, length = self._answer(self._item(node, 0, value), first, "value")
            return self._back_to_dash(start), length
        raise _NotSureError  # a sequence of scalars without a key, or an empty one
