"""Which converter a document needs: by its first bytes, its content type, then its name."""

from __future__ import annotations

from pathlib import PurePosixPath

from argmap._ingest.codes import DOCUMENT_UNREADABLE, IngestError
from argmap._ingest.document import Document

__all__ = ["KINDS", "convert", "sniff"]

KINDS = ("pdf", "html", "epub", "markdown", "text")
_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html",
             ".epub": "epub", ".md": "markdown", ".markdown": "markdown", ".txt": "text",
             ".text": "text"}
_TYPES = {"application/pdf": "pdf", "text/html": "html", "application/xhtml+xml": "html",
          "application/epub+zip": "epub", "text/markdown": "markdown", "text/plain": "text"}


def sniff(data: bytes, name: str, content_type: str = "") -> str:
    """The kind of a document: its magic bytes decide, then its content type, then its name."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"application/epub+zip" in data[:100]:
        return "epub"
    if content_type in _TYPES:
        return _TYPES[content_type]
    suffix = PurePosixPath(name.split("?", maxsplit=1)[0]).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def convert(data: bytes, where: str, kind: str, url: str | None = None) -> Document:
    """The document converted by the converter of ``kind``."""
    if kind == "pdf":
        from argmap._ingest.pdf import convert_pdf

        return convert_pdf(data, where)
    if kind == "html":
        from argmap._ingest.html import convert_html

        return convert_html(data, where, url)
    if kind == "epub":
        from argmap._ingest.epub import convert_epub

        return convert_epub(data, where)
    from argmap._ingest.plain import convert_markdown, convert_text

    if kind == "markdown":
        return convert_markdown(data, where)
    if kind == "text":
        return convert_text(data, where)
    raise IngestError(DOCUMENT_UNREADABLE, f"unknown kind of document {kind!r}", where)
