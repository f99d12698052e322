"""BibTeX (and biblatex) entries as CSL-JSON items, through bibtexparser v2.

bibtexparser parses (``@string`` macros, comments, brace nesting, name lists) and reports the
blocks it cannot read; this module maps entry types and fields to CSL the way citeproc users
expect (the BibTeX column of the CSL specification's appendix and Zotero's importer agree on
the common ones). LaTeX is decoded to Unicode (pylatexenc, which bibtexparser uses). A field
CSL has no variable for is kept in ``custom.bibtex``, so nothing in the library is lost.
"""

from __future__ import annotations

import re
from typing import Any

from argmap._findings import Finding, Location
from argmap._interop.codes import LIBRARY_ENTRY_UNREADABLE, interop_problem
from argmap._recache import recompile

__all__ = ["ENTRY_TYPES", "bibtex_items"]

#: BibTeX / biblatex entry type -> CSL item type.
ENTRY_TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "report": "report",
    "techreport": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "misc": "document",
    "unpublished": "manuscript",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "periodical": "periodical",
    "standard": "standard",
    "legislation": "legislation",
    "legal": "legal_case",
    "jurisdiction": "legal_case",
    "artwork": "graphic",
    "audio": "song",
    "video": "motion_picture",
    "movie": "motion_picture",
    "music": "musical_score",
    "performance": "performance",
    "review": "review",
    "suppbook": "chapter",
}

#: Fields copied as they are (after LaTeX decoding) to a CSL variable.
_PLAIN = {
    "title": "title",
    "shorttitle": "title-short",
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "shortjournal": "container-title-short",
    "series": "collection-title",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "edition": "edition",
    "volume": "volume",
    "volumes": "number-of-volumes",
    "pagetotal": "number-of-pages",
    "chapter": "chapter-number",
    "note": "note",
    "annote": "annote",
    "annotation": "annote",
    "abstract": "abstract",
    "keywords": "keyword",
    "language": "language",
    "langid": "language",
    "type": "genre",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "eventtitle": "event-title",
    "venue": "event-place",
    "version": "version",
    "origtitle": "original-title",
    "eprint": "number",
}

#: Name-list fields -> CSL name variables.
_NAMES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "bookauthor": "container-author",
    "director": "director",
}

#: Who published a report, a thesis or a manual when ``publisher`` is absent.
_PUBLISHER_LIKE = ("institution", "school", "organization")

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_ISO_DATE = recompile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_URL_COMMAND = recompile(r"^\\url\{(.*)\}$", re.DOTALL)


def _decoder() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)


def _text(value: Any, decoder: Any) -> str:
    """A field value as plain Unicode text: LaTeX decoded, whitespace runs made one space."""
    raw = str(value)
    try:
        decoded = decoder.latex_to_text(raw)
    except Exception:  # noqa: BLE001 - pylatexenc raises many types; keep the raw text then
        decoded = raw.replace("{", "").replace("}", "")
    return " ".join(str(decoded).split())


def _name(parts: Any, decoder: Any) -> dict[str, str]:
    """One CSL name from bibtexparser's NameParts; a braced single name is an organisation."""
    first, von, last, jr = (list(p) for p in (parts.first, parts.von, parts.last, parts.jr))
    if not first and not von and not jr and len(last) == 1 and last[0].startswith("{"):
        return {"literal": _text(last[0], decoder)}
    name: dict[str, str] = {}
    if last:
        name["family"] = _text(" ".join(last), decoder)
    if first:
        name["given"] = _text(" ".join(first), decoder)
    if von:
        name["non-dropping-particle"] = _text(" ".join(von), decoder)
    if jr:
        name["suffix"] = _text(" ".join(jr), decoder)
    return name or {"literal": ""}


def _date(fields: dict[str, Any], decoder: Any, key: str) -> dict[str, Any] | None:
    """``date``/``urldate`` (ISO) or ``year``/``month``/``day`` as a CSL date."""
    iso = fields.get(key)
    if iso is not None:
        text = _text(iso, decoder)
        match = _ISO_DATE.match(text)
        if match:
            return {"date-parts": [[int(g) for g in match.groups() if g is not None]]}
        return {"literal": text}
    if key != "date" or "year" not in fields:
        return None
    year = _text(fields["year"], decoder)
    if not year.isdigit():
        return {"literal": year}
    parts: list[int] = [int(year)]
    month = _text(fields.get("month", ""), decoder).lower().rstrip(".")
    number = _MONTHS.get(month) or (int(month) if month.isdigit() and 1 <= int(month) <= 12
                                    else None)
    if number:
        parts.append(number)
        day = _text(fields.get("day", ""), decoder)
        if day.isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


_USED = {"year", "month", "day", "date", "urldate", "pages", "number", "issue", "howpublished",
         "subtitle", *_PUBLISHER_LIKE}


def entry_item(entry_type: str, key: str, fields: dict[str, Any], decoder: Any) -> dict[str, Any]:
    """One CSL-JSON item for one BibTeX entry (fields by lowercase name)."""
    kind = entry_type.lower()
    csl_type = ENTRY_TYPES.get(kind, "document")
    if kind == "article" and "journal" not in fields and "journaltitle" not in fields:
        csl_type = "article"
    item: dict[str, Any] = {"id": key, "type": csl_type, "citation-key": key}
    extra: dict[str, str] = {}
    for field, value in fields.items():
        if field in _NAMES:
            names = value if isinstance(value, list) else []
            item[_NAMES[field]] = [_name(n, decoder) for n in names]
        elif field in _PLAIN:
            item[_PLAIN[field]] = _text(value, decoder)
        elif field not in _USED:
            extra[field] = _text(value, decoder)
    if "subtitle" in fields and "title" in item:
        item["title"] = f"{item['title']}: {_text(fields['subtitle'], decoder)}"
    if "pages" in fields:
        item["page"] = _text(str(fields["pages"]).replace("--", "-"), decoder)
    for field in ("number", "issue"):
        if field in fields:
            target = "issue" if csl_type == "article-journal" or field == "issue" else "number"
            item[target] = _text(fields[field], decoder)
    if "publisher" not in item:
        for field in _PUBLISHER_LIKE:
            if field in fields:
                item["publisher"] = _text(fields[field], decoder)
                break
    else:
        for field in _PUBLISHER_LIKE:
            if field in fields:
                extra[field] = _text(fields[field], decoder)
    if kind in ("phdthesis", "mastersthesis") and "genre" not in item:
        item["genre"] = "PhD thesis" if kind == "phdthesis" else "Master's thesis"
    if "howpublished" in fields:
        raw = str(fields["howpublished"]).strip()
        url = _URL_COMMAND.match(raw)
        if url and "URL" not in item:
            item["URL"] = url.group(1).strip()
        else:
            item["medium"] = _text(raw, decoder)
    if "URL" in item:
        item["URL"] = item["URL"].replace(" ", "")
    issued = _date(fields, decoder, "date")
    if issued is not None:
        item["issued"] = issued
    accessed = _date(fields, decoder, "urldate")
    if accessed is not None:
        item["accessed"] = accessed
    if extra:
        item["custom"] = {"bibtex": dict(sorted(extra.items()))}
    return item


def bibtex_items(
    text: str, display: str
) -> tuple[list[tuple[dict[str, Any], Location]], list[Finding]]:
    """The CSL items of a BibTeX text with their places, in file order, and a finding per
    unreadable block."""
    import logging

    import bibtexparser
    from bibtexparser import middlewares

    # bibtexparser logs each block it gives up on; the findings below say it, located
    logger = logging.getLogger("bibtexparser")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    library = bibtexparser.parse_string(
        text,
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )
    findings = [
        interop_problem(
            LIBRARY_ENTRY_UNREADABLE,
            f"this BibTeX block cannot be read: {_reason(block.error)}",
            Location(display, (block.start_line or 0) + 1, 1),
            hint="check its braces and quotes; nothing was imported",
        )
        for block in library.failed_blocks
    ]
    decoder = _decoder()
    items = []
    for entry in library.entries:
        fields: dict[str, Any] = {}
        for field in entry.fields:
            fields.setdefault(field.key.lower(), field.value)
        items.append((entry_item(entry.entry_type, entry.key, fields, decoder),
                      Location(display, (entry.start_line or 0) + 1, 1)))
    return items, findings


def _reason(error: Any) -> str:
    text = str(getattr(error, "abort_reason", "") or error or "").strip()
    return " ".join(text.split()) if text else "a syntax error"
