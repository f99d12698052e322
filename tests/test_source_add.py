"""``argmap new`` and ``argmap source add``: from a PDF, an HTML page, an EPUB and a Markdown
file made here to snapshots whose quotes anchor on the right pages, with the CSL metadata the
documents state; URLs fetched from a server on 127.0.0.1; broken input gives a located code.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import cli

sys.path.insert(0, str(Path(__file__).parent))
import docmaker

pytest.importorskip("pypdfium2", reason="argmap[ingest] is not installed")
pytest.importorskip("trafilatura", reason="argmap[ingest] is not installed")

QUOTE = "rose from 400 to 1,200 per weekday, a threefold increase"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr, result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def documents(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    return {
        "pdf": docmaker.make_pdf(folder / "report.pdf"),
        "html": docmaker.make_html(folder / "page.html"),
        "epub": docmaker.make_epub(folder / "book.epub"),
        "md": docmaker.make_markdown(folder / "notes.md"),
    }


@pytest.fixture
def new_map(tmp_path: Path) -> Path:
    folder = tmp_path / "lane"
    code, out, _ = run("new", str(folder), "--title", "The Main Street lane")
    assert code == 0
    assert "started a map" in out
    return folder


MAP = """\
title: The Main Street lane
claims:
  - id: T1
    kind: thesis
    text: Cycling on Main Street tripled after the lane opened.
    evidence: [E1, E2, E3, E4, E5, E6]
evidence:
  - {{id: E1, source: pdf, locator: {{page: {page1}}}, quote: {{exact: "{quote}"}}}}
  - {{id: E2, source: pdf, locator: {{page: "2"}},
      quote: {{exact: "The lane was effective in every month of the year."}}}}
  - {{id: E3, source: pdf, locator: {{page: ii}}, quote: {{exact: "2 Safety"}}}}
  - {{id: E4, source: html, quote: {{exact: "{quote}"}}}}
  - {{id: E5, source: epub, quote: {{exact: "{quote}"}}}}
  - {{id: E6, source: md, quote: {{exact: "{quote}"}}}}
"""


def add_all(folder: Path, documents: dict[str, Path]) -> None:
    for name, path in documents.items():
        code, out, err = run("source", "add", str(path), "--id", name, "--map", str(folder))
        assert code == 0, err
        assert f"added source '{name}'" in out


def findings(folder: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["check", "--no-config", "--format", "json",
                                      "--exit-zero", str(folder)])
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def test_snapshots_from_four_kinds_anchor_their_quotes_on_the_right_pages(
    new_map: Path, documents: dict[str, Path],
) -> None:
    add_all(new_map, documents)
    (new_map / "map.yaml").write_text(MAP.format(page1=1, quote=QUOTE), encoding="utf-8")
    codes = {str(f["code"]) for f in findings(new_map)}
    assert not codes & {"AM401", "AM402", "AM403", "AM404", "AM405", "AM406", "AM416"}, codes
    result = argmap.check(new_map / "map.yaml")
    assert not [f for f in result if f.severity.label == "error"]

    (new_map / "map.yaml").write_text(MAP.format(page1=2, quote=QUOTE), encoding="utf-8")
    wrong = [f for f in findings(new_map) if f["code"] == "AM416"]
    assert len(wrong) == 1
    assert "is on page 1 of the snapshot of 'pdf', but its locator says page 2" in str(
        wrong[0]["message"])


def test_the_csl_items_carry_what_each_document_states(
    new_map: Path, documents: dict[str, Path],
) -> None:
    add_all(new_map, documents)
    (new_map / "map.yaml").write_text(MAP.format(page1=1, quote=QUOTE), encoding="utf-8")
    loaded = argmap.load(new_map)
    sources = {s.id: s for s in loaded.sources}
    assert set(sources) == {"pdf", "html", "epub", "md"}
    for source in sources.values():
        assert source.title == docmaker.TITLE
        assert [(a.given, a.family) for a in source.author or []] == list(docmaker.AUTHORS)
        assert str(source.issued) == docmaker.DATE
        assert source.snapshot is not None
        assert source.snapshot.sha256 is not None
        snapshot = new_map / source.snapshot.path
        import hashlib

        assert hashlib.sha256(snapshot.read_bytes()).hexdigest() == source.snapshot.sha256
    assert sources["html"].url == "https://news.example.org/riverton/main-street"
    assert sources["html"].container_title == "Riverton News"
    assert sources["epub"].publisher == "Riverton Press"
    assert sources["pdf"].type == "report"


def test_the_pdf_snapshot_keeps_pages_and_records_its_repairs(
    new_map: Path, documents: dict[str, Path],
) -> None:
    add_all(new_map, {"pdf": documents["pdf"]})
    text = (new_map / "snapshots/pdf.txt").read_text(encoding="utf-8")
    sidecar = json.loads((new_map / "snapshots/pdf.txt.json").read_text(encoding="utf-8"))
    assert sidecar["pages"] == ["i", "ii", "1", "2", "3"]
    assert text.count("\f") == 4
    assert docmaker.HEADER not in text  # the running header is gone
    assert "per weekday," in text  # the line-end hyphen is joined
    assert "effective" in text  # the lost ligature is repaired
    kinds = {r["kind"] for r in sidecar["repairs"]}
    assert kinds == {"header", "footer", "hyphen", "lost-ligature"}
    for repair in sidecar["repairs"]:
        assert text[repair["start"]:repair["end"]] == repair["text"]
    (lost,) = [r for r in sidecar["repairs"] if r["kind"] == "lost-ligature"]
    assert (lost["text"], lost["original"], lost["page"]) == ("ff", "f", "2")
    assert sidecar["sha256"] == argmap.load(new_map).sources[0].snapshot.sha256  # type: ignore[union-attr]


def test_the_sources_file_is_appended_to_as_text(new_map: Path, documents: dict[str, Path]) -> None:
    before = (new_map / "sources.yaml").read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.startswith("#")]
    add_all(new_map, {"md": documents["md"], "epub": documents["epub"]})
    after = (new_map / "sources.yaml").read_text(encoding="utf-8")
    assert after.splitlines()[:len(comments)] == comments
    assert "[]" not in after
    assert after.index("- id: \"md\"") < after.index("- id: \"epub\"")


def test_a_new_map_checks_with_only_the_expected_warning(new_map: Path) -> None:
    assert sorted(p.name for p in new_map.iterdir()) == ["map.yaml", "schemas", "snapshots",
                                                          "sources.yaml"]
    first = (new_map / "map.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/argmap.schema.json"
    assert [f["code"] for f in findings(new_map)] == ["AM210"]
    code, _, _ = run("check", "--no-config", str(new_map))
    assert code == 0


def test_a_new_map_inside_argmaps_repository_points_at_its_schemas(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    for name in ("argmap.schema.json", "sources.schema.json"):
        (tmp_path / "schemas" / name).write_text("{}", encoding="utf-8")
    code, _, _ = run("new", str(tmp_path / "claims" / "x"))
    assert code == 0
    first = (tmp_path / "claims/x/map.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.endswith("$schema=../../schemas/argmap.schema.json")
    assert not (tmp_path / "claims/x/schemas").exists()


def test_new_refuses_a_folder_that_holds_a_map(new_map: Path) -> None:
    before = (new_map / "map.yaml").read_bytes()
    code, _, err = run("new", str(new_map))
    assert code == 2
    assert "already holds a map" in err
    assert (new_map / "map.yaml").read_bytes() == before


def test_the_sources_alias_and_a_derived_id(new_map: Path, documents: dict[str, Path]) -> None:
    code, out, _ = run("sources", "add", str(documents["md"]), "--map", str(new_map))
    assert code == 0
    assert "added source 'smith-2023-cycling-in-riverton'" in out
    code, out, _ = run("sources", "add", str(documents["md"]), "--map", str(new_map))
    assert "'smith-2023-cycling-in-riverton-2'" in out


# --- refusals ---------------------------------------------------------------------------------


def test_a_taken_id_or_snapshot_is_refused(new_map: Path, documents: dict[str, Path]) -> None:
    add_all(new_map, {"md": documents["md"]})
    before = (new_map / "sources.yaml").read_bytes()
    code, _, err = run("source", "add", str(documents["md"]), "--id", "md", "--map",
                       str(new_map))
    assert (code, err.split(": ")[1].split()[0]) == (2, "AM420")
    (new_map / "snapshots/other.txt").write_text("x", encoding="utf-8")
    code, _, err = run("source", "add", str(documents["md"]), "--id", "other", "--map",
                       str(new_map))
    assert code == 2
    assert "AM420 snapshots/other.txt exists" in err
    code, _, err = run("source", "add", str(documents["md"]), "--id", "-bad", "--map",
                       str(new_map))
    assert code == 2
    assert "is not an ID" in err
    assert (new_map / "sources.yaml").read_bytes() == before


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "AM418 the PDF cannot be opened"),
    ("latin1.txt", "caf\u00e9".encode("latin-1"), "AM418 the file is not UTF-8 text"),
    ("book.epub", b"PK\x03\x04not really a zip application/epub+zip", "AM418 the EPUB"),
    ("empty.md", b"", "AM418 the Markdown file has no text"),
    ("nav.html", b"<html><head><title>t</title></head><body>  </body></html>",
     "AM418 the page has no main text"),
])
def test_a_broken_document_gives_a_located_code(
    new_map: Path, tmp_path: Path, name: str, content: bytes, message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = run("source", "add", str(path), "--map", str(new_map))
    assert code == 2
    assert err.startswith(f"{path}:1:1: ")
    assert message in err
    assert list((new_map / "snapshots").iterdir()) == []


def test_a_pdf_without_text_needs_ocr(new_map: Path, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(100, 100, 200, 200)
    pdf.showPage()
    pdf.save()
    code, _, err = run("source", "add", str(tmp_path / "scan.pdf"), "--map", str(new_map))
    assert code == 2
    assert "AM418 the PDF has no text layer" in err


def test_a_missing_converter_is_named(
    new_map: Path, documents: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    code, _, err = run("source", "add", str(documents["pdf"]), "--map", str(new_map))
    assert code == 2
    assert "AM417 reading a PDF needs pypdfium2, which is not installed" in err
    assert "pip install 'argmap[ingest]'" in err


def test_no_map_and_no_file(tmp_path: Path, documents: dict[str, Path]) -> None:
    code, _, err = run("source", "add", str(documents["md"]), "--map", str(tmp_path))
    assert (code, "AM102 no map in this folder" in err) == (2, True)
    (tmp_path / "m").mkdir()
    run("new", str(tmp_path / "m"))
    code, _, err = run("source", "add", str(tmp_path / "nothing.pdf"), "--map",
                       str(tmp_path / "m"))
    assert (code, "AM101 no such file" in err) == (2, True)
    code, _, err = run("source", "add", str(documents["pdf"]), "--map", str(tmp_path / "m"),
                       "--max-size", "100")
    assert (code, "AM418 over the size limit" in err) == (2, True)


# --- URLs ---------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"},
                     docmaker.HTML.encode()),
        "/moved": (302, {"Location": "/article"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_a_url_is_fetched_through_a_redirect(new_map: Path, server: str) -> None:
    code, out, err = run("source", "add", f"{server}/moved", "--id", "web", "--map",
                         str(new_map))
    assert code == 0, err
    assert "added source 'web' (html)" in out
    (source,) = argmap.load(new_map).sources
    assert source.title == docmaker.TITLE
    assert source.url == "https://news.example.org/riverton/main-street"  # the page's own
    assert source.accessed is not None
    assert source.note is not None
    assert f"{server}/article" in source.note  # fetched from, after the redirect


@pytest.mark.parametrize(("path", "args", "message"), [
    ("/loop", (), "AM419 more than 5 redirects"),
    ("/to-file", (), "AM419 only http and https URLs are fetched, not 'file'"),
    ("/big", ("--max-size", "1000"), "AM419 the document is 5,000 bytes, over the limit"),
    ("/nothing", (), "AM419 the server answered 404"),
])
def test_a_refused_url_gives_a_located_code(
    new_map: Path, server: str, path: str, args: tuple[str, ...], message: str,
) -> None:
    code, _, err = run("source", "add", f"{server}{path}", "--map", str(new_map), *args)
    assert code == 2
    assert err.startswith(f"{server}{path}:1:1: ")
    assert message in err
    assert list((new_map / "snapshots").iterdir()) == []


def test_only_http_is_fetched(new_map: Path) -> None:
    code, _, err = run("source", "add", "file:///etc/hostname", "--map", str(new_map))
    assert code == 2
    assert "AM419 only http and https URLs are fetched, not 'file'" in err
