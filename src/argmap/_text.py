r"""Text made safe to show: clipped, and with control characters made visible.

Every layer quotes user text in messages (the loader, the rules, the reporters); these helpers
sit below all of them so each quotes the same way.

:func:`terminal` is the one sanitiser for everything argmap prints to a terminal or a CI log
(findings, file names, messages, hints, quoted source lines, the Markdown report): a map's text
or a file's name must not be able to move the cursor, clear or retitle the terminal, reorder
what is shown (bidi controls, "Trojan Source"), or issue a CI workflow command. It replaces,
one character for one, so columns under a quoted line stay right:

- C0 controls except tab and line feed: the Control Pictures ``␀``-``␟`` (ESC is ``␛``);
- DEL: ``␡``;
- C1 controls (U+0080-U+009F; a UTF-8 terminal may read U+009B as CSI), the bidi controls
  (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and the line and paragraph
  separators U+2028, U+2029: ``�`` (U+FFFD);
- ``##[`` (the GitHub Actions runner reads a legacy workflow command anywhere in a line):
  ``##［`` (a full-width bracket).

:func:`visible` does the same to one line (a line feed becomes ``␊``), and
:func:`line_start_path` makes a file name safe to begin a printed line (GitHub reads a line that
starts with ``::`` as a workflow command).
"""

from __future__ import annotations

import re
from typing import Any

from argmap._lazyre import lazy_compile
from argmap._recache import recompile

__all__ = ["clip", "json_text", "line_start_path", "short_repr", "terminal", "visible"]


def clip(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, ending in ``...`` when cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short_repr(value: Any, limit: int = 60) -> str:
    return clip(repr(value), limit)


#: Characters a terminal or a log viewer acts on instead of showing (line feed kept).
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_TERMINAL = lazy_compile(f"[{_UNSAFE}]|##\\[")
_ONE_LINE = recompile(f"[\n{_UNSAFE}]|##\\[")
_UNSAFE_IN_JSON = lazy_compile(f"[{_UNSAFE}]|(?<=##)\\[")


def _stand_in(match: re.Match[str]) -> str:
    found = match.group()
    if found == "##[":
        return "##\uff3b"
    code = ord(found)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal(text: str) -> str:
    r"""``text`` safe to print to a terminal or CI log: tabs and line feeds kept, every other
    control replaced by a visible stand-in, one for one.

    >>> terminal("a\tb\nc\x1b]0;pwned\x07d\x9b\u202ee\r")
    'a\tb\nc␛]0;pwned␇d\ufffd\ufffde␍'
    >>> terminal("log ##[error]forged")
    'log ##［error]forged'
    """
    return _TERMINAL.sub(_stand_in, text)


def visible(text: str) -> str:
    r"""One line of ``text`` safe to print: as :func:`terminal`, and a line feed is ``␊``.

    >>> visible("one\ntwo\x7f")
    'one␊two␡'
    """
    return _ONE_LINE.sub(_stand_in, text)


def line_start_path(path: str) -> str:
    """A file name made :func:`visible`, with ``./`` before it when it would start a GitHub
    workflow command (``::`` after any blanks) at the start of a printed line.

    >>> line_start_path("::error::forged/map.yaml")
    './::error::forged/map.yaml'
    >>> line_start_path("claims/map.yaml")
    'claims/map.yaml'
    """
    shown = visible(path)
    return "./" + shown if shown.lstrip().startswith("::") else shown


def json_text(document: Any, *, indent: int | None = 2) -> str:
    r"""``document`` as JSON whose text holds no character :func:`terminal` would replace.

    JSON and SARIF are data: their strings keep every character. But they are printed too, and
    ``json.dumps(..., ensure_ascii=False)`` leaves DEL, C1, bidi controls and U+2028/U+2029 raw,
    so those are written as ``\uXXXX`` escapes, and so is the ``[`` of ``##[`` (a CI runner
    reads every printed line): the same data for any JSON reader, inert text on a terminal.

    >>> json_text({"t": "a\u202eb\x9b ##[error]"}, indent=None)
    '{"t": "a\\u202eb\\u009b ##\\u005berror]"}'
    """
    import json

    dumped = json.dumps(document, indent=indent, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
