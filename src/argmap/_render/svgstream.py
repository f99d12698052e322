"""The SVG finishing pass as a stream: parser events in, ElementTree's bytes out.

``svg.finish`` decides what to change (the safety rules, the bold figures, the legend); this
module applies it element by element, so no tree of the whole picture is held, and writes the
bytes ``ElementTree.write`` wrote for the changed tree (tests/render/test_finish_stream.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from argmap._render.svg import (
    _DANGEROUS,
    _DECLARATION,
    _HREFS,
    SANS,
    SVG_NS,
    _emphasise,
    _font_family,
    _local,
    _maker,
)

if TYPE_CHECKING:
    from argmap._render.dot import Emphasis
    from argmap._render.legend import LegendItem

__all__ = ["Finisher"]


class Finisher:
    """The finishing pass as a stream: parser events in, ElementTree's bytes out.

    Writes what ``ElementTree.write`` writes for the tree after the safety and emphasis
    changes: each start tag when the element starts (its ``>`` or `` />`` once its text and
    children are known), each tail at the next event, the root's start tag last (its
    namespace declarations depend on the whole document, its size on the legend).
    """

    def __init__(self, et: Any, emphasis: Mapping[str, Emphasis], legend: Sequence[LegendItem]
                 ) -> None:
        self.et = et
        self.emphasis = emphasis
        self.legend = legend
        self.parser = et.XMLPullParser(events=("start", "end"))
        self.names = _Names(et)
        self.out = _Output()
        self.stack: list[Any] = []  # the open elements, root first
        self.opened = False  # the last start tag written still lacks its ">"
        self.tail_of: Any = None  # an element written out whose tail comes at the next event
        self.skip = 0  # depth of the dangerous element being dropped, 0: none
        self.claims: list[list[Any]] = []  # [element, Emphasis, texts seen] of claim <g>s open
        self.root: Any = None
        # each tag's local name and each attribute's kind, worked out once per picture: the
        # same few names come back on every element
        self.locals: dict[str, str] = {}
        self.kinds: dict[str, str] = {}

    def feed(self, data: bytes | memoryview) -> None:
        self.parser.feed(data)
        start, end = self._start, self._end
        for event, element in self.parser.read_events():
            if event == "start":
                start(element)
            else:
                end(element)
        self.out.encode()

    def close(self) -> bytes:
        self.parser.close()
        for event, element in self.parser.read_events():  # pragma: no cover - fed whole
            (self._start if event == "start" else self._end)(element)
        if self.root is None:  # pragma: no cover - close() raises on a document without one
            msg = "no root element"
            raise ValueError(msg)
        return self.out.document(self._root_tag())

    # --- events ------------------------------------------------------------------------

    def _start(self, element: Any) -> None:
        self.stack.append(element)
        depth = len(self.stack)
        if self.skip:
            return
        if depth == 1:
            self.root = element
            self._clean(element)
            for name in (element.tag, *element.keys()):  # named first, as ElementTree does
                self.names(name)
            return
        if self.tail_of is not None:
            self._flush_tail()
        tag = element.tag
        local = self.locals.get(tag)
        if local is None:
            local = self.locals[tag] = _local(tag)
        if local in _DANGEROUS:
            self.skip = depth
            return
        self._close_parent_tag()
        attrib = element.attrib
        if attrib:
            self._clean(element)
        qname = self.names.qnames.get
        parts = ["<", qname(tag) or self.names(tag)]
        for key, value in attrib.items():
            parts += (" ", qname(key) or self.names(key), '="', _escape_attrib(value), '"')
        self.out.write("".join(parts))
        self.opened = True
        if tag == _TEXT:
            for claim in self.claims:
                claim[2] += 1
        elif (local == "g" and attrib.get("id") in self.emphasis
              and "claim" in (attrib.get("class") or "").split()):
            self.claims.append([element, self.emphasis[attrib.get("id", "")], 0])

    def _end(self, element: Any) -> None:
        depth = len(self.stack)
        self.stack.pop()
        if self.skip:
            if depth == self.skip:
                self.skip = 0
                self.tail_of = None  # the element goes with its tail
            self._drop(element)
            return
        if self.tail_of is not None:
            self._flush_tail()
        if depth == 1:
            return
        tag = element.tag
        name = self.names.qnames.get(tag) or self.names(tag)
        if self.opened:
            self.opened = False
            if tag == _TEXT:
                self._emphasise(element)
            if len(element):
                self._rest(element, name)  # children: bold figures' tspans
            elif element.text:
                self.out.write(f">{_escape_cdata(element.text)}</{name}>")
            else:
                self.out.write(" />")
        else:
            self.out.write(f"</{name}>")
        if self.claims and self.claims[-1][0] is element:
            self.claims.pop()
        self.tail_of = element
        self.stack[-1].remove(element)  # its only child: the earlier ones are gone

    # --- helpers -----------------------------------------------------------------------

    def _drop(self, element: Any) -> None:
        """Forget an element written out (or dropped): the parser's tree stays small."""
        if self.stack:
            self.stack[-1].remove(element)  # its only child: the earlier ones are gone

    def _flush_tail(self) -> None:
        if self.tail_of is not None:
            tail = self.tail_of.tail
            if tail:
                self.out.write(tail if tail == "\n" else _escape_cdata(tail))
            self.tail_of = None

    def _close_parent_tag(self) -> None:
        """A child starts: its parent's start tag ends with ``>``, then the parent's text."""
        if len(self.stack) == 2:  # the root's start tag is written last
            if self.root.text and not self.out.started:
                self.out.write(">" + _escape_cdata(self.root.text))
            elif not self.out.started:
                self.out.write(">")
            self.out.started = True
            return
        if self.opened:
            parent = self.stack[-2]
            self.out.write(">" + (_escape_cdata(parent.text) if parent.text else ""))
            self.opened = False

    def _clean(self, element: Any) -> None:
        """The safety rules for attributes: no event handler, no link that is not http(s)."""
        from argmap._render.dot import safe_url

        attrib = element.attrib
        for name in list(attrib):
            kind = self.kinds.get(name)
            if kind is None:
                kind = self.kinds[name] = _attribute_kind(name)
            if kind is _KEEP:
                continue
            if kind is _FONT:
                attrib[name] = _font_family(attrib[name])
            elif kind is _HANDLER or safe_url(attrib[name]) is None:
                del attrib[name]

    def _emphasise(self, element: Any) -> None:
        """Bold figures in a claim's text line: the first claim <g> around it that sets any."""
        for _, wanted, seen in self.claims:
            if wanted.first_line < seen <= wanted.first_line + wanted.line_count and _emphasise(
                element, wanted.spans, _maker(self.et)
            ):
                return

    def _subtree(self, element: Any) -> None:
        """An element made here (a bold run, the legend), as ElementTree writes it."""
        write = self.out.write
        tag = self.names(element.tag)
        write("<" + tag)
        for key, value in element.items():
            write(f' {self.names(key)}="{_escape_attrib(value)}"')
        self._rest(element, tag)
        if element.tail:
            write(_escape_cdata(element.tail))

    def _rest(self, element: Any, tag: str) -> None:
        """What follows an element's open start tag, as ElementTree writes it: its text,
        children and end tag, or `` />`` when it has none."""
        write = self.out.write
        if element.text or len(element):
            write(">")
            if element.text:
                write(_escape_cdata(element.text))
            for child in element:
                self._subtree(child)
            write(f"</{tag}>")
        else:
            write(" />")

    def _root_tag(self) -> str:
        """The root's start tag, and its end: written after the rest, the legend drawn."""
        root = self.root
        if self.legend:
            from argmap._render.legend import draw_legend

            draw_legend(root, self.legend, SANS)  # appends the strip, grows the size
        children = list(root)
        if children:
            if not self.out.started:
                self.out.write(">" + (_escape_cdata(root.text) if root.text else ""))
                self.out.started = True
            for child in children:
                self._subtree(child)
        tag = self.names(root.tag)
        if self.out.started:
            self.out.write(f"</{tag}>")
        elif root.text:
            self.out.write(f">{_escape_cdata(root.text)}</{tag}>")
        else:
            self.out.write(" />")
        parts = ["<" + tag]
        attributes = [f' {self.names(key)}="{_escape_attrib(value)}"' for key, value
                      in root.items()]
        parts += [f' xmlns{":" + prefix if prefix else ""}="{_escape_attrib(uri)}"'
                  for uri, prefix in sorted(self.names.namespaces.items(), key=lambda x: x[1])]
        return "".join(parts + attributes)


_TEXT = f"{{{SVG_NS}}}text"

#: What the safety rules do with an attribute, by its name (``Finisher.kinds``).
_KEEP, _FONT, _HANDLER, _LINK = "keep", "font-family", "handler", "link"


def _attribute_kind(name: str) -> str:
    local = _local(name).lower()
    if local == "font-family":
        return _FONT
    if local.startswith("on"):
        return _HANDLER
    return _LINK if name in _HREFS else _KEEP


class _Names:
    """Qualified names as ElementTree writes them (``_namespaces`` in its source): the
    registered prefix, ``ns0``... in order of first use otherwise, none for SVG."""

    def __init__(self, et: Any) -> None:
        self.known: dict[str, str] = et._namespace_map  # noqa: SLF001 - register_namespace's table
        self.qnames: dict[str, str] = {}
        self.namespaces: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        qname = self.qnames.get(name)
        if qname is None:
            qname = self.qnames[name] = self._add(name)
        return qname

    def _add(self, name: str) -> str:
        if name[:1] != "{":
            return name
        uri, local = name[1:].rsplit("}", 1)
        prefix = self.namespaces.get(uri)
        if prefix is None:
            prefix = self.known.get(uri)
            if prefix is None:
                prefix = f"ns{len(self.namespaces)}"
            if prefix != "xml":
                self.namespaces[uri] = prefix
        return f"{prefix}:{local}" if prefix else local


class _Output:
    """The document after the root's start tag, kept as UTF-8 bytes (a ``str`` of it would
    take up to four bytes a character), encoded in batches: the parts written since the
    last batch are encoded after each chunk the parser is fed (:meth:`Finisher.feed`)."""

    def __init__(self) -> None:
        import io

        self.buffer = io.BytesIO()
        self.parts: list[str] = []
        self.write = self.parts.append
        self.started = False  # the root's start tag has its ">"

    def encode(self) -> None:
        self.buffer.write("".join(self.parts).encode("utf-8", "xmlcharrefreplace"))
        self.parts.clear()

    def document(self, root_tag: str) -> bytes:
        self.encode()
        head = _DECLARATION + root_tag.encode("utf-8", "xmlcharrefreplace")
        return b"".join((head, self.buffer.getbuffer(), b"\n"))


def _escape_cdata(text: str) -> str:
    """Character data as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attrib(text: str) -> str:
    """An attribute value as ElementTree escapes it."""
    text = _escape_cdata(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text
