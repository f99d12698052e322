"""Documents made on the spot for the ingestion tests and benchmark: a PDF, an HTML page, an EPUB.

Each states a title, authors and a date in its own metadata, and the body sentences the tests
quote. The PDF has what extraction must repair: a running header, a printed page number in
the footer, a word split by a line-end hyphen and a word that lost its "ff" ligature, and
PDF page labels that start with roman front matter (i, ii, then 1, 2, ...).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

TITLE = "Cycling in Riverton: the Main Street lane"
AUTHORS = (("Jane", "Smith"), ("Ali", "Khan"))
DATE = "2023-04-02"

#: (page label, body lines) for the PDF: two front-matter pages, then the report's pages.
PDF_PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("i", ("Cycling in Riverton", "A report of the city transport office")),
    ("ii", ("Contents", "1 Main Street", "2 Safety")),
    ("1", ("Since the lane opened, the number of cyclists on Main Street",
           "rose from 400 to 1,200 per week-",
           "day, a threefold increase.")),
    ("2", ("Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.",
           "The lane was efective in every month of the year.")),
    ("3", ("Shops on Main Street reported no loss of trade.",
           "The council will build two more lanes by 2025.")),
)
HEADER = "Riverton Transport Review"


def make_pdf(path: Path, pages: tuple[tuple[str, tuple[str, ...]], ...] = PDF_PAGES) -> Path:
    """A PDF with metadata, a running header, printed page numbers and page labels."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    pdf.setTitle(TITLE)
    pdf.setAuthor("; ".join(f"{given} {family}" for given, family in AUTHORS))
    pdf.setSubject("Cycling on Main Street")
    pdf.setDateFormatter(lambda *_: "D:20230402120000+00'00'")  # the date the PDF states
    front = sum(1 for label, _ in pages if not label.isdigit())
    if front:
        pdf.addPageLabel(0, style="ROMAN_LOWER")
    pdf.addPageLabel(front, style="ARABIC", start=1)
    width, height = A4
    for label, lines in pages:
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, height - 40, HEADER)
        pdf.setFont("Helvetica", 11)
        y = height - 100
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.setFont("Helvetica", 9)
        pdf.drawCentredString(width / 2, 30, label)
        pdf.showPage()
    pdf.save()
    return path


HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{TITLE} | Riverton News</title>
<meta name="citation_title" content="{TITLE}">
<meta name="citation_author" content="Smith, Jane">
<meta name="citation_author" content="Khan, Ali">
<meta name="citation_publication_date" content="2023/04/02">
<meta property="og:site_name" content="Riverton News">
<meta property="og:url" content="https://news.example.org/riverton/main-street">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather and traffic for the whole week ahead</a></li></ul></nav>
<header><p>Subscribe to our newsletter for the latest news from Riverton.</p></header>
<main><article>
<h1>{TITLE}</h1>
<p>Since the lane opened, the number of cyclists on Main Street rose from 400 to 1,200 per
weekday, a threefold increase, according to the city transport office.</p>
<p>Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022, and shops on Main Street
reported no loss of trade during the first year of the lane.</p>
<p>The council will build two more lanes by 2025, the mayor told reporters on Monday.</p>
</article></main>
<footer><p>Copyright Riverton News. All rights reserved. Privacy policy.</p></footer>
</body></html>
"""


def make_html(path: Path) -> Path:
    path.write_text(HTML, encoding="utf-8")
    return path


_OPF = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:0f7e1c2a-0000-4000-8000-000000000001</dc:identifier>
<dc:title>{TITLE}</dc:title>
<dc:creator>Jane Smith</dc:creator>
<dc:creator>Ali Khan</dc:creator>
<dc:date>{DATE}</dc:date>
<dc:language>en</dc:language>
<dc:publisher>Riverton Press</dc:publisher>
</metadata>
<manifest>
<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
</manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>
"""

_CHAPTER = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>
<body><h1>{title}</h1>{paragraphs}</body></html>
"""


def make_epub(path: Path) -> Path:
    """A minimal EPUB 3: two chapters in the spine, Dublin Core metadata."""
    chapters = {
        "text/ch1.xhtml": ("Main Street", (
            "Since the lane opened, the number of cyclists on Main Street rose from 400 to "
            "1,200 per weekday, a threefold increase.",)),
        "text/ch2.xhtml": ("Safety", (
            "Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.",)),
    }
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", (
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>'))
        book.writestr("OEBPS/content.opf", _OPF)
        book.writestr("OEBPS/nav.xhtml", _CHAPTER.format(title="Contents", paragraphs=""))
        for name, (title, paragraphs) in chapters.items():
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            book.writestr(f"OEBPS/{name}", _CHAPTER.format(title=title, paragraphs=body))
    return path


MARKDOWN = f"""---
title: "{TITLE}"
author: [Jane Smith, Ali Khan]
date: {DATE}
---

# {TITLE}

Since the lane opened, the number of cyclists on Main Street rose from 400 to
1,200 per weekday, a **threefold** increase.

Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.
"""


def make_markdown(path: Path) -> Path:
    path.write_text(MARKDOWN, encoding="utf-8")
    return path
