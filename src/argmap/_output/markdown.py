r"""Markdown escaping: every string from a map or a file name goes into ``argmap report`` as
inert text.

A report is read on GitHub, in editors and in terminals, and a map comes from anyone: a title
with a line break and ``# heading`` or ``<script>``, a claim with ``[x](javascript:...)`` or a
tracking image ``![](https://...)``, raw HTML (``<img onerror=...>``), a carriage return that
ends a table row, a ``|`` that adds a cell, a file name with a code fence in it. Each helper
here makes one kind of place safe, and the report uses nothing else for user text:

- :func:`inline` for headings, paragraphs and table cells: line breaks folded to spaces,
  control and bidi characters made visible (:func:`argmap._text.visible`), ``&``, ``<``,
  ``>`` and ``|`` written as character references, and the other punctuation that can start
  Markdown syntax (``\ ` * _ [ ] ~ # $``) backslash-escaped. The rendered text is the
  original text, character for character (less the folded line breaks and the stand-ins).
- :func:`code_span` for text shown as code in a paragraph (not in a table cell, where a ``|``
  would still split the cell): one line, in a run of backticks longer than any inside.
- :func:`code_block` for a fenced block: one line, a fence longer than any backtick run inside.

Bare ``https://`` URLs and e-mail addresses in user text are left as text; a renderer with
GitHub's autolink extension may show them as links whose target is exactly the text shown
(never ``javascript:``, never an image).
"""

from __future__ import annotations

import re

from argmap._text import visible

__all__ = ["code_block", "code_span", "inline"]

#: Every line break a renderer might honour (CommonMark's CR, LF, CRLF, and what others read).
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
#: ASCII punctuation that can open or close Markdown (or GitHub) syntax in running text.
_SYNTAX = re.compile(r"([\\`*_\[\]~#$])|([&<>|])")
_BACKTICKS = re.compile("`+")


def _one_line(text: object) -> str:
    return visible(_LINE_BREAKS.sub(" ", str(text)))


def inline(text: object) -> str:
    r"""``text`` as inert Markdown for a heading, a paragraph or a table cell.

    >>> print(inline("Hi\n<script>x</script>\r# h | [a](javascript:b) ![](https://t/p.gif)"))
    Hi &lt;script&gt;x&lt;/script&gt; \# h &#124; \[a\](javascript:b) !\[\](https://t/p.gif)
    >>> print(inline(r"a \| *b* `c` ~~d~~ $e$ &amp;"))
    a \\&#124; \*b\* \`c\` \~\~d\~\~ \$e\$ &amp;amp;
    """

    def escape(match: re.Match[str]) -> str:
        found = match.group()
        return "\\" + found if match.group(1) else _ENTITIES[found]

    return _SYNTAX.sub(escape, _one_line(text))


def _fence(content: str, least: int) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(content)), default=0)
    return "`" * max(least, longest + 1)


def code_span(text: object) -> str:
    """``text`` as one inline code span (for paragraphs, not table cells).

    >>> print(code_span("a `b` c"))
    ``a `b` c``
    >>> print(code_span("`x"))
    `` `x ``
    """
    content = _one_line(text)
    fence = _fence(content, 1)
    if content.startswith(("`", " ")) or content.endswith(("`", " ")):
        content = f" {content} "  # CommonMark strips one space from each end
    return f"{fence}{content}{fence}"


def code_block(text: object, info: str = "") -> list[str]:
    """``text`` as a fenced code block of one line, as the lines of the block.

    >>> code_block("argmap report 'a\\n```'", "console")
    ['````console', "argmap report 'a␊```'", '````']
    """
    content = visible(str(text))
    fence = _fence(content, 3)
    return [fence + info, content, fence]
