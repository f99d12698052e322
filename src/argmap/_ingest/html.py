"""HTML to snapshot: the main text by trafilatura, the metadata from the page's own tags.

trafilatura (Apache-2.0) was compared with readability-lxml on the test page (navigation,
header, footer and an article): both kept the article and dropped the rest, but trafilatura
returns text with one line per paragraph where readability returns HTML to convert again,
and it is the better maintained and benchmarked of the two. Its metadata guesser joins
``citation_author`` names into one string, so the metadata is read here instead, in this
order: Highwire ``citation_*`` tags, Dublin Core (``DC.*``, ``dcterms.*``), OpenGraph and
``article:*``, then ``<title>``, ``<meta name=author>`` and ``<link rel=canonical>``.
"""

from __future__ import annotations

from typing import Any

from argmap._ingest.codes import CONVERTER_MISSING, DOCUMENT_UNREADABLE, IngestError
from argmap._ingest.document import Document
from argmap._ingest.meta import csl_date, names

__all__ = ["convert_html", "html_metadata"]

_TITLE = ("citation_title", "dc.title", "dcterms.title", "og:title")
_AUTHOR = ("citation_author", "dc.creator", "dcterms.creator", "author", "article:author")
_DATE = ("citation_publication_date", "citation_date", "citation_online_date", "dc.date",
         "dcterms.issued", "dcterms.date", "dcterms.created", "article:published_time")
_CONTAINER = ("citation_journal_title", "citation_conference_title", "og:site_name")
_URL = ("citation_public_url", "citation_abstract_html_url", "og:url", "dc.identifier")


def convert_html(data: bytes, where: str, url: str | None = None) -> Document:
    """The main text of an HTML page (paragraphs one per line) and its metadata."""
    try:
        import trafilatura
    except ImportError:
        raise IngestError(CONVERTER_MISSING, "reading HTML needs trafilatura, which is not "
                          "installed", where, "pip install 'argmap[ingest]'") from None
    metadata = html_metadata(data, url)
    try:
        text = trafilatura.extract(data, include_comments=False, include_tables=True,
                                   favor_precision=True, deduplicate=False)
    except Exception as exc:  # noqa: BLE001 - any failure inside the extractor is the page's
        raise IngestError(DOCUMENT_UNREADABLE, f"the HTML cannot be read: {exc}", where) from None
    if not text or not text.strip():
        raise IngestError(DOCUMENT_UNREADABLE, "the page has no main text to keep", where,
                          "is it a page that builds its text with JavaScript?")
    return Document(text.strip() + "\n", "html", metadata)


def html_metadata(data: bytes, url: str | None = None) -> dict[str, Any]:
    """Title, authors, date, container and URL from the page's meta tags (see the module)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(data, parser=lxml.html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError):
        return {"type": "webpage"}
    tags: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            tags.setdefault(key, []).append(content)

    def first(keys: tuple[str, ...]) -> str | None:
        return next((tags[key][0] for key in keys if key in tags), None)

    found: dict[str, Any] = {"type": "article-journal" if "citation_journal_title" in tags
                             else "webpage"}
    title = first(_TITLE) or " ".join((root.findtext(".//title") or "").split()) or None
    if title:
        found["title"] = title.strip()
    for key in _AUTHOR:
        if key in tags:
            found["author"] = names(tags[key], split=key != "citation_author")
            break
    issued = next((d for key in _DATE if key in tags if (d := csl_date(tags[key][0]))), None)
    if issued:
        found["issued"] = issued
    container = first(_CONTAINER)
    if container and container != found.get("title"):
        found["container-title"] = container
    canonical = next((link.get("href") for link in root.iter("link")
                      if (link.get("rel") or "").lower() == "canonical" and link.get("href")),
                     None)
    page_url = first(_URL) or canonical or url
    if page_url and page_url.startswith(("http://", "https://")):
        found["URL"] = page_url
    language = root.get("lang")
    if language:
        found["language"] = language.strip()
    return found
