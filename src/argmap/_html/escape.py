"""The HTML page's one escaper, and the one way data enters it as JSON.

Every string from a map that the page's markup holds (the title) goes through :func:`text`;
everything else the page shows travels as JSON in a ``<script type="application/json">``
block written by :func:`json_block` and is put into the document by the script as text
(``textContent``), never as markup. Together they make any string inert: ``<script>``,
``</script>``, ``<!--``, ``&``-references, quotes and control characters stay characters.
"""

from __future__ import annotations

import json
from typing import Any

from argmap._text import visible

__all__ = ["document_attribute", "json_block", "text"]

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
#: In a script element only ``</script``, ``<!--`` and ``<script`` mean anything to the HTML
#: parser; escaping every ``<``, ``>`` and ``&`` (and the two JavaScript line separators) as
#: JSON ``\\u`` escapes covers them all, and JSON.parse gives the original characters back.
_JSON_ESCAPES = {
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
}


def text(value: object) -> str:
    """``value`` as HTML text or a quoted attribute value: markup characters as references,
    control and bidi characters as visible stand-ins (``visible``).

    >>> text('<img src=x onerror="alert(1)"> &')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;'
    """
    return "".join(_ESCAPES.get(c, c) for c in visible(str(value)))


def json_block(data: Any) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    >>> json_block({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(c, c) for c in raw)


def document_attribute(document: str) -> str:
    """A whole HTML document as a quoted attribute value (an iframe's ``srcdoc``): character
    for character, so the frame parses exactly the page (no stand-ins, unlike :func:`text`).

    >>> document_attribute('<p title="a">&amp;</p>')
    '&lt;p title=&quot;a&quot;&gt;&amp;amp;&lt;/p&gt;'
    """
    return "".join(_ESCAPES.get(c, c) for c in document)
