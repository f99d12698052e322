"""Finishing an SVG from Graphviz: make it safe to embed, and emphasise the figures.

Graphviz writes what the DOT says, and the DOT holds user text; this step is the second line
of defence: it drops comments, scripts and event attributes, and any link that is not
http(s). It also sets the quantity spans of each claim in bold (DOT labels are plain text,
see ``_dot``). The result is serialised by ElementTree, so the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._render.dot import Emphasis
    from argmap._render.legend import LegendItem

__all__ = ["SANS", "finish", "place_runs", "points_to_pixels"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.DOTALL)
_DANGEROUS = {"script", "foreignObject", "iframe", "object", "embed", "handler", "listener"}
_HREFS = {"href", f"{{{XLINK_NS}}}href"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _emphasise(element: Any, spans: Sequence[str], make: Any) -> bool:
    """Wrap each occurrence of a span in a <text>'s own text in a bold <tspan>; True if any."""
    from argmap._render.metrics import split_figures

    content = element.text or ""
    if not content or len(element) or not spans:
        return False
    runs = split_figures(content, spans)  # whole figures: "20" is not lit inside "2021"
    if not any(bold for _, bold in runs):
        return False
    element.text = ""
    last = None
    for run, bold in runs:
        if bold:
            last = make(f"{{{SVG_NS}}}tspan", {"font-weight": "bold"})
            last.text = run
            element.append(last)
        elif last is None:
            element.text = run
        else:
            last.tail = run
    return True


#: Everything before the root element that Graphviz writes: declaration, DOCTYPE, comments.
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*",
                     re.DOTALL)
#: Bytes fed to the parser at a time.
_CHUNK = 1 << 16


def finish(
    svg: bytes,
    emphasis: Mapping[str, Emphasis] | None = None,
    legend: Sequence[LegendItem] = (),
) -> bytes:
    """The SVG with comments, scripts, event handlers and unsafe links removed.

    ``legend`` entries are drawn as a strip under the picture (see ``_render.legend``).

    One pass over the parser's events (:class:`_Finisher`): each element is written out
    when it ends and dropped, so no tree of the whole picture is held (at 5,000 claims it
    was 60 MB for a 10 MB SVG). The bytes are those ElementTree wrote from the whole tree.
    """
    import xml.etree.ElementTree as ET

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    # No DTD reaches the parser (no entities): the DOCTYPE is cut from the prolog, the only
    # place XML allows it; the parser drops the comments after it, as removing them did.
    end = _PROLOG.match(svg).end()  # type: ignore[union-attr] # the pattern matches ""
    if svg[end : end + 1] == b"<" and svg[end + 1 : end + 2] not in {b"!", b"?"}:
        head, rest = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg[:end])), memoryview(svg)[end:]
    else:  # not Graphviz's layout: clean the whole document
        head, rest = _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg)), memoryview(b"")
    finisher = _Finisher(ET, emphasis or {}, legend)
    finisher.feed(head)
    for at in range(0, len(rest), _CHUNK):
        finisher.feed(rest[at : at + _CHUNK])
    return finisher.close()


class _Finisher:
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

    def feed(self, data: bytes | memoryview) -> None:
        self.parser.feed(data)
        for event, element in self.parser.read_events():
            if event == "start":
                self._start(element)
            else:
                self._end(element)

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
        self._flush_tail()
        if _local(element.tag) in _DANGEROUS:
            self.skip = depth
            return
        self._close_parent_tag()
        self._clean(element)
        write = self.out.write
        write("<" + self.names(element.tag))
        for key, value in element.items():
            write(f' {self.names(key)}="{_escape_attrib(value)}"')
        self.opened = True
        if element.tag == _TEXT:
            for claim in self.claims:
                claim[2] += 1
        elif (_local(element.tag) == "g" and element.get("id") in self.emphasis
              and "claim" in (element.get("class") or "").split()):
            self.claims.append([element, self.emphasis[element.get("id", "")], 0])

    def _end(self, element: Any) -> None:
        depth = len(self.stack)
        self.stack.pop()
        if self.skip:
            if depth == self.skip:
                self.skip = 0
                self.tail_of = None  # the element goes with its tail
            self._drop(element)
            return
        self._flush_tail()
        if depth == 1:
            return
        if element.tag == _TEXT and self.opened:
            self._emphasise(element)
        write = self.out.write
        if self.opened:
            self.opened = False
            if element.text or len(element):  # children here: the tspans of bold figures
                write(">")
                if element.text:
                    write(_escape_cdata(element.text))
                for child in element:
                    self._subtree(child)
                write(f"</{self.names(element.tag)}>")
            else:
                write(" />")
        else:
            write(f"</{self.names(element.tag)}>")
        if self.claims and self.claims[-1][0] is element:
            self.claims.pop()
        self.tail_of = element
        self._drop(element)

    # --- helpers -----------------------------------------------------------------------

    def _drop(self, element: Any) -> None:
        """Forget an element written out (or dropped): the parser's tree stays small."""
        if self.stack:
            self.stack[-1].remove(element)  # its only child: the earlier ones are gone

    def _flush_tail(self) -> None:
        if self.tail_of is not None:
            if self.tail_of.tail:
                self.out.write(_escape_cdata(self.tail_of.tail))
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
            local = _local(name).lower()
            if local == "font-family":
                attrib[name] = _font_family(attrib[name])
            elif local.startswith("on") or (name in _HREFS and safe_url(attrib[name]) is None):
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
        if element.text or len(element):
            write(">")
            if element.text:
                write(_escape_cdata(element.text))
            for child in element:
                self._subtree(child)
            write(f"</{tag}>")
        else:
            write(" />")
        if element.tail:
            write(_escape_cdata(element.tail))

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
    take up to four bytes a character), encoded in batches."""

    def __init__(self) -> None:
        import io

        self.buffer = io.BytesIO()
        self.parts: list[str] = []
        self.size = 0
        self.started = False  # the root's start tag has its ">"

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += 1
        if self.size >= 4096:
            self._encode()

    def _encode(self) -> None:
        self.buffer.write("".join(self.parts).encode("utf-8", "xmlcharrefreplace"))
        self.parts.clear()
        self.size = 0

    def document(self, root_tag: str) -> bytes:
        self._encode()
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


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'


def _serialise(et: Any, root: Any) -> bytes:
    """The document as UTF-8 bytes, written once: a ``str`` of a large map's SVG (curly quotes
    make it two bytes a character) and its copies cost more memory than the tree itself."""
    import io

    buffer = io.BytesIO()
    buffer.write(_DECLARATION)
    et.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=False)
    buffer.write(b"\n")
    return buffer.getvalue()


#: Graphviz writes ``Helvetica,sans-Serif``; renderers need a real list and a lower-case
#: generic family, or they fall back to a serif font. Every family named has Helvetica's
#: widths, the widths the boxes were sized for (Liberation Sans and Arimo are metric clones of
#: Arial); the PNG and PDF writers replace the list with the shipped Liberation Sans alone.
SANS = "Helvetica,Arial,'Liberation Sans',Arimo,'Nimbus Sans',sans-serif"


def _font_family(value: str) -> str:
    first = value.split(",", 1)[0].strip().strip("'\"").lower()
    return SANS if first in {"helvetica", "arial", "sans-serif"} else value


def _maker(et: Any) -> Any:
    def make(tag: str, attrib: dict[str, str]) -> Any:
        return et.Element(tag, attrib)

    return make


_SIZE = re.compile(rb'(<svg\b[^>]*?\b(width|height)=")([0-9.]+)pt(")')


def points_to_pixels(svg: bytes) -> bytes:
    """Root width/height from pt to px (x 4/3): resvg rejects a pt-sized root.

    >>> points_to_pixels(b'<svg width="60pt" height="30pt" viewBox="0 0 60 30">')
    b'<svg width="80px" height="40px" viewBox="0 0 60 30">'
    """

    def convert(match: re.Match[bytes]) -> bytes:
        pixels = float(match.group(3)) * 4 / 3
        text = f"{pixels:.2f}".rstrip("0").rstrip(".")
        return match.group(1) + text.encode() + b"px" + match.group(4)

    for _ in range(2):
        svg = _SIZE.sub(convert, svg, count=1)
    return svg


def place_runs(svg: bytes) -> bytes:
    """Each run of a line that holds bold figures placed at its own ``x``, from the font.

    svglib advances from one run to the next by the width of the line's font, not the run's,
    so the text after a bold figure started inside it, and text extraction lost the space
    between them ("EUR 2.4 millionthe lane cost"). Here every run after the first becomes a
    ``<tspan>`` with the ``x`` the shipped font gives it; the text itself is unchanged.
    """
    import xml.etree.ElementTree as ET

    from argmap._render.metrics import text_width

    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)  # noqa: S314 - our own finished SVG, no DTD or entities
    changed = False
    for text in root.iter(f"{{{SVG_NS}}}text"):
        if not len(text) or text.get("text-anchor", "start") != "start":
            continue
        try:
            x, size = float(text.get("x", "")), float(text.get("font-size", "14"))
        except ValueError:
            continue
        x += text_width(text.text or "", size)
        for child in list(text):
            bold = child.get("font-weight") == "bold"
            child.set("x", f"{x:.2f}")
            x += text_width(child.text or "", size, bold=bold)
            if child.tail:
                run = ET.Element(f"{{{SVG_NS}}}tspan", {"x": f"{x:.2f}"})
                run.text, child.tail = child.tail, None
                text.insert(list(text).index(child) + 1, run)
                x += text_width(run.text, size)
        changed = True
    if not changed:
        return svg
    return _serialise(ET, root)
