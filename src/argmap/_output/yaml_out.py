"""A YAML emitter for plain map data whose output every YAML 1.2 (and 1.1) reader agrees on.

The emitter of yaml-rs writes ``0_`` or ``0b101`` unquoted, which its own reader then reads
as numbers, so a map with such an ID would not survive a round trip. Map data is JSON-shaped
(mappings, lists, strings, numbers, booleans, null), so this emitter is small: block style,
and a string is written plain only when it cannot be read as anything but that string;
otherwise it is double-quoted with JSON escapes, which are valid YAML escapes.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["emit"]

#: Plain scalars: a letter first, then a conservative set of characters (no ``:``, ``#``,
#: quotes first, or flow indicators), no trailing space.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,/()'&+-]*[A-Za-z0-9_.)]|[A-Za-z]")
#: Words some YAML readers take for booleans or null.
_RESERVED = frozenset(
    {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)  # "1e-05" is a float in YAML 1.2 but a string in YAML 1.1
        return text if "." in text or "e" not in text else text.replace("e", ".0e", 1)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and "  " not in text:
        return text
    return _INVISIBLE.sub(_escape, json.dumps(text, ensure_ascii=False))


#: Characters a reader may treat as line breaks or that a reviewer cannot see: escaped.
_INVISIBLE = re.compile("[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                        "\u2060-\u206f\ufeff\ufff0-\uffff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _lines(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            label = _scalar(str(key))
            if isinstance(item, dict | list) and item:
                out.append(f"{pad}{label}:")
                _lines(item, indent + 2, out)
            else:
                out.append(f"{pad}{label}: {_inline(item)}")
    else:
        for item in value:
            if isinstance(item, dict) and item:
                first = len(out)
                _lines(item, indent + 2, out)
                out[first] = f"{pad}- " + out[first][indent + 2 :]
            elif isinstance(item, list) and item and all(_flat(x) for x in item):
                # a short list inside a list (CSL date-parts [[2020, 3]]) reads best in flow
                out.append(f"{pad}- [{', '.join(_flow(x) for x in item)}]")
            elif isinstance(item, list) and item:
                out.append(f"{pad}-")
                _lines(item, indent + 2, out)
            else:
                out.append(f"{pad}- {_inline(item)}")


def _flat(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float | str)


def _flow(value: Any) -> str:
    """A scalar inside ``[...]``: strings always quoted, as ``,`` and ``]`` end a plain one."""
    if isinstance(value, str):
        return _INVISIBLE.sub(_escape, json.dumps(value, ensure_ascii=False))
    return _scalar(value)


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def emit(data: Any) -> str:
    """YAML text for JSON-shaped data, ending with a newline."""
    if not isinstance(data, dict | list) or not data:
        return _inline(data) + "\n"
    out: list[str] = []
    _lines(data, 0, out)
    return "\n".join(out) + "\n"
