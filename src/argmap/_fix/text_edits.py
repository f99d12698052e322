"""Edits to a map file's text at the spans of its data, so comments and formatting survive.

A fix names data (``set`` the value at a path, ``append`` to a list, ``add`` a key to a
mapping); this module finds the span of that data in the YAML or JSON text (through the
file's rapidyaml tree, the one the position index builds) and writes the smallest change
there: a scalar re-written in its own style, an item added in the list's style (flow or
block), a key added at the mapping's indentation. Every edit is checked before it is kept:
the new text is parsed and must equal the old data with exactly that change made, or the
edit is refused (:class:`EditRefusedError`) and the file is left as it was. So a fix can fail
to apply, but never corrupts a map.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from copy import deepcopy
from decimal import Decimal
from typing import Any

from argmap._load.positions import PositionIndex

__all__ = ["EditRefusedError", "apply_edit", "render_flow"]

PathStep = str | int


class EditRefusedError(Exception):
    """The edit cannot be made safely (a span not found, or a result that would not parse
    to the intended data); the reason is the message."""


# --- rendering values ---------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_ .\-/%()]*[A-Za-z0-9_.%)]|[A-Za-z_]")
_SPECIAL_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def _string(value: str, *, as_json: bool) -> str:
    if (not as_json and _PLAIN.fullmatch(value) and value.lower() not in _SPECIAL_WORDS
            and ": " not in value and " #" not in value):
        return value
    return json.dumps(value, ensure_ascii=False)


def render_flow(value: Any, *, as_json: bool = False) -> str:
    """One line of flow YAML (or JSON) for a value: mappings, lists, strings, numbers."""
    if isinstance(value, dict):
        items = ", ".join(f"{_string(str(k), as_json=as_json)}: "
                          f"{render_flow(v, as_json=as_json)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(render_flow(v, as_json=as_json) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, int | float):
        return str(value)
    return _string(str(value), as_json=as_json)


# --- finding spans ------------------------------------------------------------------------


class _Tree:
    """The rapidyaml tree of a text, walked along data paths."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self.positions = PositionIndex("<fix>", text)
        self.tree = self.positions.tree()
        if self.tree is None:
            msg = "the file cannot be parsed for positions"
            raise EditRefusedError(msg)

    def node(self, path: Sequence[PathStep]) -> int:
        import ryml

        tree = self.tree
        node = tree.root_id()
        if tree.is_stream(node) and tree.has_children(node):
            node = tree.first_child(node)
        for step in path:
            if isinstance(step, int):
                if not tree.is_seq(node):
                    raise EditRefusedError(f"{_shown(path)} is not in the file")
                kids = list(ryml.children(tree, node))
                if not 0 <= step < len(kids):
                    raise EditRefusedError(f"{_shown(path)} is not in the file")
                node = kids[step]
            else:
                if not tree.is_map(node):
                    raise EditRefusedError(f"{_shown(path)} is not in the file")
                found = tree.find_child(node, step.encode("utf-8"))
                if not 0 <= found < int(tree.size()):
                    raise EditRefusedError(f"{_shown(path)} is not in the file")
                node = found
        return int(node)

    def offset(self, view: Any) -> int:
        found = self.positions.offset_of(view)
        if found is None:
            msg = "an empty node has no span"
            raise EditRefusedError(msg)
        return found

    def key_offset(self, node: int) -> int | None:
        return self.offset(self.tree.key(node)) if self.tree.has_key(node) else None

    def children(self, node: int) -> list[int]:
        import ryml

        return [int(kid) for kid in ryml.children(self.tree, node)]


def _shown(path: Sequence[PathStep]) -> str:
    return "/".join(str(step) for step in path) or "the top"


def _line_start(data: bytes, offset: int) -> int:
    return data.rfind(b"\n", 0, offset) + 1


def _line_end(data: bytes, offset: int) -> int:
    end = data.find(b"\n", offset)
    return len(data) if end < 0 else end


def _indent(data: bytes, line_start: int) -> int:
    pos = line_start
    while pos < len(data) and data[pos] == ord(" "):
        pos += 1
    return pos - line_start


def _is_content(line: bytes) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(b"#")


def _block_end(data: bytes, first_line_start: int, belongs: Callable[[int, bytes], bool]) -> int:
    """Offset just after the last content line, from ``first_line_start`` on, of a block
    whose lines ``belongs(indent, stripped line)`` says are its own."""
    end = _line_end(data, first_line_start)
    pos = end + 1
    while pos <= len(data):
        stop = _line_end(data, pos)
        line = data[pos:stop]
        if _is_content(line):
            if not belongs(_indent(data, pos), line.strip()):
                break
            end = stop
        if stop >= len(data):
            break
        pos = stop + 1
    return end


def _scalar_span(tree: _Tree, node: int) -> tuple[int, int, str]:
    """Start, end and style (``"``, ``'``, ``plain``, ``block``) of a scalar value's token."""
    t = tree.tree
    data = tree.data
    if t.is_container(node) or not t.has_val(node):
        msg = "the value is not a single scalar"
        raise EditRefusedError(msg)
    value = bytes(t.val(node))
    if t.is_val_literal(node) or t.is_val_folded(node):
        key_at = tree.key_offset(node)
        if key_at is None:
            msg = "a block scalar without a key"
            raise EditRefusedError(msg)
        header = data.find(b":", key_at) + 1
        while header < len(data) and data[header] in b" \t":
            header += 1
        if header >= len(data) or data[header] not in b"|>":
            msg = "the block scalar's header was not found"
            raise EditRefusedError(msg)
        key_indent = _indent(data, _line_start(data, key_at))
        end = _block_end(data, _line_start(data, header),
                         lambda indent, _line: indent > key_indent)
        return header, end, "block"
    if len(value) == 0:
        key_at = tree.key_offset(node)
        msg = "an empty value" if key_at is not None else "an empty item"
        raise EditRefusedError(msg)
    start = tree.offset(t.val(node))
    before = data[start - 1:start] if start > 0 else b""
    if before == b'"':
        pos = start
        while pos < len(data) and data[pos] != ord('"'):
            pos += 2 if data[pos] == ord("\\") else 1
        return start - 1, pos + 1, '"'
    if before == b"'":
        pos = start
        while pos < len(data):
            if data[pos] == ord("'"):
                if data[pos + 1:pos + 2] == b"'":
                    pos += 2
                    continue
                break
            pos += 1
        return start - 1, pos + 1, "'"
    if data[start:start + len(value)] == value:
        return start, start + len(value), "plain"
    msg = "a plain scalar over several lines"
    raise EditRefusedError(msg)


def _block_scalar(value: str, indent: int, width: int = 88) -> str | None:
    """``>-`` and the value folded at ``width`` columns (the old block's widest line), when
    folding keeps it exact (the result is checked by parsing in any case)."""
    if not value or "\n" in value or value != value.strip() or "  " in value:
        return None
    margin = " " * indent
    lines: list[str] = []
    current = ""
    for word in value.split(" "):
        if current and len(margin) + len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return ">-\n" + "\n".join(margin + line for line in lines)


def _scalar_candidates(value: Any, style: str, indent: int, *, as_json: bool,
                       width: int = 88) -> list[str]:
    """Spellings of a new scalar, the original style first, double quotes as the fallback."""
    quoted = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else render_flow(
        value, as_json=as_json)
    found: list[str] = []
    if isinstance(value, str) and not as_json:
        if style == "block":
            folded = _block_scalar(value, indent, width)
            if folded is not None:
                found.append(folded)
        elif style == "'" and "\n" not in value:
            found.append("'" + value.replace("'", "''") + "'")
        elif style == "plain":
            if value and "\n" not in value and value == value.strip():
                found.append(value)  # checked by parsing: a hash stays a plain string
            found.append(render_flow(value))
    found.append(quoted)
    return found


# --- containers ---------------------------------------------------------------------------


def _flow_close(data: bytes, open_at: int) -> int:
    """The offset of the bracket closing the flow collection opened at ``open_at``."""
    depth = 0
    pos = open_at
    quote: int | None = None
    while pos < len(data):
        char = data[pos]
        if quote is not None:
            if char == ord("\\") and quote == ord('"'):
                pos += 2
                continue
            if char == quote:
                if quote == ord("'") and data[pos + 1:pos + 2] == b"'":
                    pos += 2
                    continue
                quote = None
        elif char in b"\"'":
            quote = char
        elif char in b"[{":
            depth += 1
        elif char in b"]}":
            depth -= 1
            if depth == 0:
                return pos
        elif char == ord("#") and data[pos - 1:pos] in b" \t\n":
            pos = _line_end(data, pos)
            continue
        pos += 1
    msg = "the flow collection is not closed"
    raise EditRefusedError(msg)


def _value_start(tree: _Tree, node: int) -> int:
    """Where a keyed container's value starts: after ``key:``, spaces and comments."""
    data = tree.data
    key_at = tree.key_offset(node)
    if key_at is None:
        kids = tree.children(node)
        if not kids:
            msg = "an empty collection without a key"
            raise EditRefusedError(msg)
        first = tree.key_offset(kids[0])
        at = first if first is not None else tree.offset(tree.tree.val(kids[0]))
        pos = at - 1
        while pos >= 0 and data[pos] in b" \t\r\n":
            pos -= 1
        return pos if pos >= 0 and data[pos] in b"{[-" else at
    pos = data.find(b":", key_at + len(bytes(tree.tree.key(node))))
    pos += 1
    while pos < len(data):
        if data[pos] in b" \t\r\n":
            pos += 1
        elif data[pos] == ord("#"):
            pos = _line_end(data, pos)
        else:
            break
    return pos


def _insert_flow(data: bytes, open_at: int, text: str) -> bytes:
    close = _flow_close(data, open_at)
    inside = data[open_at + 1:close].strip()
    lead = b", " if inside and not inside.endswith(b",") else b" " if inside else b""
    cut = close
    while cut > open_at + 1 and data[cut - 1] in b" \t":
        cut -= 1
    if data[cut - 1:cut] == b"\n":  # a closing bracket on a line of its own
        cut = close
    return data[:cut] + lead + text.encode("utf-8") + data[cut:]


def _append_block_item(tree: _Tree, node: int, text: str) -> bytes:
    data = tree.data
    first = _value_start(tree, node)
    if data[first:first + 1] != b"-":
        msg = "the list's first item was not found"
        raise EditRefusedError(msg)
    dash = len(data[_line_start(data, first):first].decode("utf-8"))
    end = _block_end(data, _line_start(data, first),
                     lambda indent, line: indent > dash or (indent == dash
                                                            and line.startswith(b"-")))
    return data[:end] + b"\n" + (" " * dash + "- " + text).encode("utf-8") + data[end:]


def _add_block_key(tree: _Tree, node: int, key: str, value_text: str,
                   block_list: str | None) -> bytes:
    data = tree.data
    kids = tree.children(node)
    if not kids:
        msg = "an empty mapping"
        raise EditRefusedError(msg)
    first_key = tree.key_offset(kids[0])
    if first_key is None:
        msg = "a mapping without keys"
        raise EditRefusedError(msg)
    line = _line_start(data, first_key)
    column = len(data[line:first_key].decode("utf-8"))
    if tree.tree.is_root(node) or node == _root_map(tree):
        end = _block_end(data, line, lambda _indent, _line: True)
    else:
        end = _block_end(data, line, lambda indent, _line: indent >= column)
    margin = " " * column
    if block_list is not None:
        entry = f"{margin}{key}:\n{margin}  - {block_list}"
    else:
        entry = f"{margin}{key}: {value_text}"
    return data[:end] + b"\n" + entry.encode("utf-8") + data[end:]


def _root_map(tree: _Tree) -> int:
    t = tree.tree
    node = t.root_id()
    if t.is_stream(node) and t.has_children(node):
        node = t.first_child(node)
    return int(node)


# --- the edit -------------------------------------------------------------------------------


def _expected(before: Any, op: str, path: Sequence[PathStep], value: Any, key: str | None,
              parse: Callable[[str], Any], *, as_json: bool) -> Any:
    """The data after the edit, the new value read back from its own rendering."""
    try:
        parsed_value = parse(("" if as_json else "x: ") + render_flow(
            {"x": value} if as_json else value, as_json=as_json))["x"]
    except Exception as exc:  # noqa: BLE001 - a value that cannot be written is refused
        msg = f"the new value cannot be written: {exc}"
        raise EditRefusedError(msg) from None
    after = deepcopy(before)
    target = after
    for step in path[:-1] if op == "set" else path:
        target = target[step]
    if op == "set":
        target[path[-1]] = parsed_value
    elif op == "append":
        target.append(parsed_value)
    else:
        target[key] = parsed_value
    return after


def _container(data: Any, path: Sequence[PathStep]) -> Any:
    for step in path:
        if isinstance(step, int):
            if not isinstance(data, list) or not 0 <= step < len(data):
                return None
        elif not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


def apply_edit(text: str, before: Any, op: str, path: Sequence[PathStep], value: Any,
               parse: Callable[[str], Any], key: str | None = None, *,
               as_json: bool = False) -> str:
    """The text with one edit made, checked by parsing; :class:`EditRefusedError` if not.

    ``before`` is ``parse(text)``; ``append`` to a list whose key is missing adds the key.
    """
    if op == "append" and _container(before, path) is None:
        parent = _container(before, path[:-1])
        if not isinstance(parent, dict) or not isinstance(path[-1], str):
            raise EditRefusedError(f"{_shown(path[:-1])} is not a mapping")
        return apply_edit(text, before, "add", path[:-1], [value], parse, path[-1],
                          as_json=as_json)
    expected = _expected(before, op, path, value, key, parse, as_json=as_json)
    for candidate in _candidates(text, op, path, value, key, as_json=as_json):
        try:
            after = parse(candidate)
        except Exception:  # noqa: BLE001, S112 - a candidate that does not parse is not used
            continue
        if after == expected:
            return candidate
    msg = f"no edit at {_shown(path)} gives the intended data"
    raise EditRefusedError(msg)


def _candidates(text: str, op: str, path: Sequence[PathStep], value: Any, key: str | None,
                *, as_json: bool) -> list[str]:
    tree = _Tree(text)
    data = tree.data
    node = tree.node(path)
    t = tree.tree
    flow = render_flow(value, as_json=as_json)
    out: list[bytes] = []
    if op == "set":
        start, end, style = _scalar_span(tree, node)
        indent = _indent(data, _line_start(data, start)) + 2
        old_lines = data[start:end].decode("utf-8").splitlines()[1:]
        width = max((len(line.rstrip()) for line in old_lines), default=88)
        for spelling in _scalar_candidates(value, style, indent, as_json=as_json,
                                           width=max(width, 60)):
            out.append(data[:start] + spelling.encode("utf-8") + data[end:])
    elif op == "append":
        if not t.is_seq(node):
            raise EditRefusedError(f"{_shown(path)} is not a list")
        open_at = _value_start(tree, node)
        if data[open_at:open_at + 1] == b"[":
            out.append(_insert_flow(data, open_at, flow))
        else:
            out.append(_append_block_item(tree, node, flow))
    elif op == "add":
        if not t.is_map(node):
            raise EditRefusedError(f"{_shown(path)} is not a mapping")
        if key is None:
            msg = "add needs a key"
            raise EditRefusedError(msg)
        key_text = json.dumps(key) if as_json else render_flow(key)
        open_at = _value_start(tree, node) if node != _root_map(tree) else -1
        if open_at >= 0 and data[open_at:open_at + 1] == b"{":
            out.append(_insert_flow(data, open_at, f"{key_text}: {flow}"))
        elif as_json and node == _root_map(tree):
            out.append(_insert_flow(data, data.find(b"{"), f"{key_text}: {flow}"))
        else:
            block_list = None
            if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
                block_list = render_flow(value[0])
            out.append(_add_block_key(tree, node, key_text, flow, block_list))
            out.append(_add_block_key(tree, node, key_text, flow, None))
    else:
        raise EditRefusedError(f"unknown edit {op!r}")
    return [candidate.decode("utf-8") for candidate in out]
