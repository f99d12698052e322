"""The codes of ``argmap source add`` (AM417-AM420) and the error that carries one.

They are not rules: they describe why a document could not become a snapshot, so they are
reported by the command and exit 2, with the file or URL as their location. ``argmap
explain AM418`` and docs/rules.md describe them with the other codes.
"""

from __future__ import annotations

from argmap._codes import CodeDoc, code_doc
from argmap._findings import Severity

__all__ = [
    "CONVERTER_MISSING",
    "DOCUMENT_UNREADABLE",
    "FETCH_REFUSED",
    "INGEST_CODES",
    "SOURCE_NOT_ADDED",
    "IngestError",
]

CONVERTER_MISSING = code_doc("AM417", "converter-missing", Severity.ERROR, """
    `argmap source add` needs a library that is not installed for this kind of document.

    The converters are optional extras, so that argmap itself stays small: PDF needs
    pypdfium2, HTML needs trafilatura (both in `argmap[ingest]`). EPUB, Markdown and plain
    text need nothing more. The message names the package to install.

    FAIL::

        $ # norun: it needs a machine without pypdfium2, which the tests install
        $ argmap source add report.pdf
        report.pdf:1:1: AM417 reading a PDF needs pypdfium2, which is not installed
""")

DOCUMENT_UNREADABLE = code_doc("AM418", "document-unreadable", Severity.ERROR, """
    A document that cannot be turned into text: broken, encrypted, empty or of an unknown kind.

    The message says what the converter found (a PDF that does not parse, an EPUB without its
    container, a text file that is not UTF-8, a PDF with no text layer, which needs OCR first).

    FAIL::

        $ argmap new lane
        $ printf '%%PDF-1.7\\n' > broken.pdf
        $ argmap source add broken.pdf --map lane
        broken.pdf:1:1: AM418 the PDF cannot be opened: Failed to load document (PDFium: Data format error).
          help: is it a complete PDF, and not encrypted?
""")  # noqa: E501 (real output, pasted whole)

FETCH_REFUSED = code_doc("AM419", "fetch-refused", Severity.ERROR, """
    A URL that was not fetched: not http(s), too large, too many redirects, a timeout, an error.

    `argmap source add URL` fetches with a timeout (`--timeout`), a size cap (`--max-size`),
    at most five redirects, and only `http` and `https`, on the first request and on every
    redirect.

    FAIL::

        $ argmap new lane
        $ argmap source add file:///etc/passwd --map lane
        file:///etc/passwd:1:1: AM419 only http and https URLs are fetched, not 'file'
""")

SOURCE_NOT_ADDED = code_doc("AM420", "source-not-added", Severity.ERROR, """
    The snapshot was made but cannot be added to the map: the ID or the file is taken.

    `argmap source add` appends to the map's `sources.yaml` and writes
    `snapshots/<ID>.txt`; it never replaces an existing source or snapshot. Choose another
    `--id`, or remove the old one first.

    FAIL::

        $ argmap new lane
        $ printf 'Cycling tripled.\\n' > report.txt
        $ argmap source add report.txt --map lane --id s1
        added source 's1' (text) to lane/sources.yaml
        $ argmap source add report.txt --map lane --id s1
        lane/sources.yaml:1:1: AM420 the map already has a source 's1'
          help: choose another --id
""")

#: code -> its doc, for the code registry
INGEST_CODES: dict[str, CodeDoc] = {
    doc.code: doc for doc in (CONVERTER_MISSING, DOCUMENT_UNREADABLE, FETCH_REFUSED,
                              SOURCE_NOT_ADDED)
}


class IngestError(Exception):
    """Why a document did not become a snapshot: a code of this module, where, and a hint."""

    def __init__(self, doc: CodeDoc, message: str, where: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.code = doc.code
        self.rule = doc.id
        self.message = message
        self.where = where
        self.hint = hint
