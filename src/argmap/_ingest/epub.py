"""EPUB to snapshot with the standard library's zipfile and lxml: the spine's text in order.

No EPUB library is needed: an EPUB is a ZIP whose ``META-INF/container.xml`` names the
package document (OPF), whose Dublin Core metadata gives the title, creators and date and
whose spine lists the XHTML documents in reading order. Each document's block elements
(headings, paragraphs, list items, table cells) become one line each, documents separated by a
blank line. The archive is bounded (number of members, total uncompressed size) and the XML is
parsed without network access or entity expansion.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from argmap._ingest.codes import DOCUMENT_UNREADABLE, IngestError
from argmap._ingest.document import Document
from argmap._ingest.meta import csl_date, names

__all__ = ["convert_epub"]

_MAX_MEMBERS = 10_000
_MAX_UNPACKED = 200 * 1024 * 1024
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th",
           "dt", "dd", "figcaption", "caption"}
_DC = "{http://purl.org/dc/elements/1.1/}"


def convert_epub(data: bytes, where: str) -> Document:
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise IngestError(DOCUMENT_UNREADABLE, f"the EPUB is not a ZIP archive: {exc}",
                          where) from None
    with book:
        members = book.infolist()
        if len(members) > _MAX_MEMBERS or sum(m.file_size for m in members) > _MAX_UNPACKED:
            raise IngestError(DOCUMENT_UNREADABLE, "the EPUB unpacks to more than 200 MB or "
                              "10,000 files", where)
        try:
            container = _xml(book.read("META-INF/container.xml"))
            rootfile = next(e.get("full-path") for e in container.iter()
                            if _local(e.tag) == "rootfile" and e.get("full-path"))
            package = _xml(book.read(rootfile))
            texts = [_document_text(_xml(book.read(name)))
                     for name in _spine(package, posixpath.dirname(rootfile))]
        except (KeyError, StopIteration) as exc:
            raise IngestError(DOCUMENT_UNREADABLE, f"the EPUB lacks a part it needs: {exc}",
                              where) from None
        except (ValueError, zipfile.BadZipFile, RuntimeError, OSError) as exc:
            raise IngestError(DOCUMENT_UNREADABLE, f"the EPUB cannot be read: {exc}",
                              where) from None
    text = "\n\n".join(t for t in texts if t)
    if not text:
        raise IngestError(DOCUMENT_UNREADABLE, "the EPUB has no text in its spine", where)
    return Document(text + "\n", "epub", _metadata(package))


def _xml(data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=False)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"XML syntax error: {exc}") from None


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _spine(package: Any, base: str) -> list[str]:
    manifest = {item.get("id"): item.get("href") for item in package.iter()
                if _local(item.tag) == "item"}
    spine = [ref.get("idref") for ref in package.iter() if _local(ref.tag) == "itemref"
             and ref.get("linear", "yes") != "no"]
    return [posixpath.normpath(posixpath.join(base, manifest[idref])) for idref in spine
            if manifest.get(idref)]


def _document_text(root: Any) -> str:
    lines: list[str] = []
    for element in root.iter():
        if _local(element.tag) in _BLOCKS and not any(
                _local(a.tag) in _BLOCKS for a in element.iterancestors()):
            line = " ".join("".join(element.itertext()).split())
            if line:
                lines.append(line)
    return "\n".join(lines)


def _metadata(package: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"type": "book"}
    title = package.findtext(f".//{_DC}title")
    if title and title.strip():
        found["title"] = " ".join(title.split())
    creators = [c.text for c in package.iter(f"{_DC}creator") if c.text and c.text.strip()]
    if creators:
        found["author"] = names(creators)
    issued = csl_date(package.findtext(f".//{_DC}date") or "")
    if issued:
        found["issued"] = issued
    publisher = package.findtext(f".//{_DC}publisher")
    if publisher and publisher.strip():
        found["publisher"] = publisher.strip()
    language = package.findtext(f".//{_DC}language")
    if language and language.strip():
        found["language"] = language.strip()
    for identifier in package.iter(f"{_DC}identifier"):
        value = (identifier.text or "").strip()
        if value.lower().startswith("urn:isbn:"):
            found["ISBN"] = value[9:]
    return found
