"""PDF text extraction for `argmap source add`: pypdfium2 against pdfminer.six.

    python benchmarks/ingest_pdf.py [PAGES]

Makes a PDF of PAGES pages (default 200) with tests/docmaker.py, extracts every page with
each library and prints the time and whether both found the same words. pdfminer.six is not
a dependency of argmap; the script skips it when it is not installed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import docmaker


def with_pdfium(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    pages = []
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        pages.append(textpage.get_text_bounded().replace("\x02", "-\n"))
        textpage.close()
        page.close()
    pdf.close()
    return pages


def with_pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return ["".join(e.get_text() for e in layout if isinstance(e, LTTextContainer))
            for layout in extract_pages(str(path))]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    pages = docmaker.PDF_PAGES * (count // len(docmaker.PDF_PAGES))
    with tempfile.TemporaryDirectory() as folder:
        path = docmaker.make_pdf(Path(folder) / "bench.pdf", pages)
        words: dict[str, list[str]] = {}
        for name, extract in (("pypdfium2", with_pdfium), ("pdfminer.six", with_pdfminer)):
            try:
                start = time.perf_counter()
                text = extract(path)
                elapsed = time.perf_counter() - start
            except ImportError:
                print(f"{name:13} not installed")
                continue
            words[name] = " ".join(text).split()
            print(f"{name:13} {len(pages)} pages  {elapsed:.3f} s")
        if len(words) == 2:
            print("same words:", words["pypdfium2"] == words["pdfminer.six"])


if __name__ == "__main__":
    main()
