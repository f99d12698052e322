"""PDF to snapshot with pypdfium2: text per page, page labels, metadata.

pypdfium2 (Apache-2.0 / BSD-3-Clause, the PDFium engine of Chromium) was measured against
pdfminer.six on a generated 200-page PDF (``benchmarks/ingest_pdf.py``): 0.023 s against
0.36 s on an idle machine, 0.18 s against 1.85 s on a loaded one, the same words; and it
marks the hyphens it joins at a line end (U+0002), which the repair step uses. PyMuPDF is
not used: its AGPL does not fit an MIT package.
"""

from __future__ import annotations

import re
from typing import Any

from argmap._ingest.codes import CONVERTER_MISSING, DOCUMENT_UNREADABLE, IngestError
from argmap._ingest.document import Document
from argmap._ingest.meta import csl_date, names
from argmap._ingest.repair import PageText, repair_pages

__all__ = ["convert_pdf"]

_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def convert_pdf(data: bytes, where: str) -> Document:
    """The snapshot of a PDF: its pages' text, repaired, with form feeds between pages."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise IngestError(CONVERTER_MISSING, "reading a PDF needs pypdfium2, which is not "
                          "installed", where, "pip install 'argmap[ingest]'") from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IngestError(DOCUMENT_UNREADABLE, f"the PDF cannot be opened: {exc}", where,
                          "is it a complete PDF, and not encrypted?") from None
    try:
        pages: list[PageText] = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                text = textpage.get_text_bounded()
            finally:
                textpage.close()
                page.close()
            pages.append((pdf.get_page_label(index) or None, text))
        info = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        raise IngestError(DOCUMENT_UNREADABLE, f"the PDF cannot be read: {exc}", where) from None
    finally:
        pdf.close()
    if not pages:
        raise IngestError(DOCUMENT_UNREADABLE, "the PDF has no pages", where)
    if not any(text.strip() for _, text in pages):
        raise IngestError(DOCUMENT_UNREADABLE, "the PDF has no text layer (a scan?): run OCR "
                          "on it first", where)
    text, labels, repairs = repair_pages(pages)
    return Document(text, "pdf", _metadata(info), labels, repairs)


def _metadata(info: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {"type": "report"}
    title = str(info.get("Title", "")).strip()
    if title:
        found["title"] = title
    authors = names(str(info.get("Author", "")), split=True)
    if authors:
        found["author"] = authors
    match = _PDF_DATE.match(str(info.get("CreationDate", "")))
    if match:
        issued = csl_date("-".join(part for part in match.groups() if part))
        if issued:
            found["issued"] = issued
    return found
