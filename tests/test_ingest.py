"""The pieces of ``argmap source add``: page repairs, page requests, metadata, Markdown, and
``argmap source diff`` against the version of a snapshot that git holds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._ingest.html import html_metadata
from argmap._ingest.plain import convert_markdown
from argmap._ingest.repair import repair_pages
from argmap._verify.pages import Pages, page_request
from argmap.cli import cli

# --- repairs --------------------------------------------------------------------------------


def pages_of(*bodies: str, header: str = "Annual Review", numbers: bool = True,
             labels: bool = False) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    for number, body in enumerate(bodies, start=1):
        footer = f"\n{number + 10}" if numbers else ""
        out.append((str(number) if labels else None, f"{header}\n{body}{footer}"))
    return out


def test_running_headers_and_page_number_footers_go_and_name_the_pages() -> None:
    text, labels, repairs = repair_pages(pages_of("One.", "Two.", "Three."))
    assert text == "One.\n\fTwo.\n\fThree.\n"
    assert labels == ["11", "12", "13"]  # the printed numbers, not the positions
    assert [(r.kind, r.original, r.page) for r in repairs[:2]] == [
        ("header", "Annual Review\n", "11"), ("footer", "\n11", "11")]


def test_the_documents_own_labels_win_over_printed_numbers() -> None:
    _, labels, _ = repair_pages(pages_of("One.", "Two.", labels=True))
    assert labels == ["1", "2"]


def test_a_line_that_is_not_running_stays() -> None:
    text, _, repairs = repair_pages([(None, "Only once at the top\nBody one."),
                                     (None, "Something else\nBody two.")])
    assert text == "Only once at the top\nBody one.\n\fSomething else\nBody two.\n"
    assert repairs == []


def test_hyphens_ligatures_and_lost_ligatures_are_repaired_and_recorded() -> None:
    text, _, repairs = repair_pages([(None, "the poli-\ncy of Sino-\nRussian \ufb01rms\n"
                                            "was efective")])
    assert text == "the policy of Sino-Russian firms\nwas effective\n"
    got = [(r.kind, r.text, r.original) for r in repairs]
    assert got == [("hyphen", "", "-\n"), ("hyphen", "-", "-\n"), ("ligature", "fi", "\ufb01"),
                   ("lost-ligature", "ff", "f")]
    for repair in repairs:
        assert text[repair.start:repair.end] == repair.text


def test_pdfiums_hyphen_mark_is_a_line_end_hyphen() -> None:
    text, _, _ = repair_pages([(None, "per week\x02day, three")])
    assert text == "per weekday, three\n"


_PAGE_TEXT = st.text(st.sampled_from("ab fT-\n\x02\r1\ufb01\ufb00 iv"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.none() | st.sampled_from(["i", "1", "A-3"]), _PAGE_TEXT),
                min_size=1, max_size=6))
def test_any_pages_give_a_snapshot_whose_repairs_point_at_their_text(
    pages: list[tuple[str | None, str]],
) -> None:
    text, labels, repairs = repair_pages(pages)
    assert text.count("\f") == len(pages) - 1 == len(labels) - 1
    for repair in repairs:
        assert 0 <= repair.start <= repair.end <= len(text)
        assert text[repair.start:repair.end] == repair.text
        assert repair.page in labels


# --- page requests --------------------------------------------------------------------------

PAGES = Pages(("i", "ii", "1", "2", "3", "1"), (0, 10, 20, 30, 40, 50))


@pytest.mark.parametrize(("value", "wanted", "unknown"), [
    (2, {3}, []),
    ("II", {1}, []),
    ("1", {2, 5}, []),  # a label used twice names both pages
    ("1-3", {2, 3, 4}, []),
    ("pp. 2–3", {3, 4}, []),
    ("ii, 3", {1, 4}, []),
    ("7", set(), ["7"]),
    ("3-i", set(), ["i"]),
])
def test_a_locator_page_names_pages_by_label(value: str | int, wanted: set[int],
                                             unknown: list[str]) -> None:
    assert page_request(PAGES, value) == (wanted, unknown)


def test_a_page_is_found_from_an_offset() -> None:
    assert [PAGES.at(o) for o in (0, 9, 10, 49, 50, 99)] == [0, 0, 1, 4, 5, 5]
    assert PAGES.spanned(15, 31) == {1, 2, 3}


# --- metadata -------------------------------------------------------------------------------


def test_dublin_core_and_opengraph_are_read_when_there_is_no_citation_tag() -> None:
    page = b"""<html lang="fr"><head><title>Fallback | Site</title>
    <meta name="DC.title" content="Le titre"><meta name="DC.creator" content="Marie Curie">
    <meta name="DC.date" content="1903-06-25"><meta property="og:site_name" content="Le Site">
    <link rel="canonical" href="https://example.org/a"></head><body></body></html>"""
    assert html_metadata(page) == {
        "type": "webpage", "title": "Le titre",
        "author": [{"family": "Curie", "given": "Marie"}], "issued": "1903-06-25",
        "container-title": "Le Site", "URL": "https://example.org/a", "language": "fr"}


def test_the_title_tag_and_the_fetched_url_are_the_last_resort() -> None:
    page = b"<html><head><title> Only  a title </title></head></html>"
    assert html_metadata(page, "https://example.org/p") == {
        "type": "webpage", "title": "Only a title", "URL": "https://example.org/p"}


def test_markdown_loses_its_markup_and_keeps_its_words() -> None:
    document = convert_markdown(
        b"---\ntitle: T\nauthor: Ada Lovelace and Charles Babbage\ndate: 1843\n---\n"
        b"# Notes\n\nThe *engine* could compute **Bernoulli** numbers "
        b"([note G](https://example.org/g)).\n\n```\ncode\n```\n", "notes.md")
    assert document.text == ("Notes\n\nThe engine could compute Bernoulli numbers "
                             "(note G).\n\ncode\n")
    assert document.metadata == {"type": "document", "title": "T", "issued": "1843",
                                 "author": [{"family": "Lovelace", "given": "Ada"},
                                            {"family": "Babbage", "given": "Charles"}]}


# --- argmap source diff --------------------------------------------------------------------

SOURCES = """\
- id: s1
  title: A report
  snapshot: {{path: snapshots/s1.txt, sha256: {sha}}}
"""


def make_map(folder: Path, text: str) -> str:
    import hashlib

    (folder / "snapshots").mkdir(parents=True)
    (folder / "snapshots/s1.txt").write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode()).hexdigest()
    (folder / "map.yaml").write_text("title: t\nclaims:\n  - {id: T1, kind: thesis, text: x}\n",
                                     encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES.format(sha=sha), encoding="utf-8")
    return sha


def diff(folder: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["source", "diff", "s1", "--map", str(folder)])
    return result.exit_code, result.stdout, result.stderr


def test_an_unchanged_snapshot_says_so(tmp_path: Path) -> None:
    sha = make_map(tmp_path, "one\ntwo\n")
    assert diff(tmp_path) == (0, f"snapshots/s1.txt: unchanged (sha256 {sha})\n", "")


def test_without_git_only_the_hashes_are_shown(tmp_path: Path) -> None:
    make_map(tmp_path, "one\ntwo\n")
    (tmp_path / "snapshots/s1.txt").write_text("one\nthree\n", encoding="utf-8")
    code, out, _ = diff(tmp_path)
    assert code == 1
    assert "no version with the recorded sha256 was found in git" in out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_recorded_version_is_found_in_git_and_diffed(tmp_path: Path) -> None:
    sha = make_map(tmp_path, "one\ntwo\n")

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c",
                        "user.email=t@example.org", *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "snapshot")
    (tmp_path / "snapshots/s1.txt").write_text("one\nthree\n", encoding="utf-8")
    code, out, _ = diff(tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"snapshots/s1.txt: changed (recorded sha256 {sha}")
    assert lines[1].startswith("--- snapshots/s1.txt (recorded, commit ")
    assert lines[-2:] == ["-two", "+three"]


def test_diff_of_an_unknown_source_is_a_located_error(tmp_path: Path) -> None:
    make_map(tmp_path, "one\n")
    result = CliRunner().invoke(cli, ["source", "diff", "nope", "--map", str(tmp_path)])
    assert result.exit_code == 2
    assert "AM202 the map has no source 'nope' (its sources: s1)" in result.stderr


# --- arbitrary input -----------------------------------------------------------------------

_PREFIXES = st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><head><meta name=",
                             b"---\ntitle: ", b"\xef\xbb\xbf"])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["pdf", "html", "epub", "markdown", "text"]), _PREFIXES, st.binary(
    max_size=300))
def test_any_bytes_convert_or_give_a_code(kind: str, prefix: bytes, body: bytes) -> None:
    pytest.importorskip("pypdfium2", reason="argmap[ingest] is not installed")
    pytest.importorskip("trafilatura", reason="argmap[ingest] is not installed")
    from argmap._ingest.codes import INGEST_CODES, IngestError
    from argmap._ingest.convert import convert

    try:
        document = convert(prefix + body, "doc", kind)
    except IngestError as exc:
        refused: IngestError | None = exc
    else:
        refused = None
        assert document.text.endswith("\n")
        assert document.text.strip()
    if refused is not None:
        assert (refused.code in INGEST_CODES, refused.where) == (True, "doc")


# --- AM416 stays silent without page information -------------------------------------------

SILENT_MAP = """\
title: t
claims:
  - {id: T1, kind: thesis, text: The lane was worth it., evidence: [E1]}
evidence:
  - {id: E1, source: s1, locator: {page: 9}, quote: {exact: two words}}
"""


@pytest.mark.parametrize(("snapshot", "sidecar"), [
    ("one page with two words\n", None),  # no form feed: no pages
    ("page one\n\fpage two words\n", '{"pages": ["1", "2", "3"]}'),  # the sidecar is stale
])
def test_am416_is_silent_without_page_information(
    tmp_path: Path, snapshot: str, sidecar: str | None,
) -> None:
    import argmap

    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots/s1.txt").write_text(snapshot, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "snapshots/s1.txt.json").write_text(sidecar, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(SILENT_MAP, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "- {id: s1, title: r, snapshot: {path: snapshots/s1.txt}}\n", encoding="utf-8")
    codes = {f.code for f in argmap.check(tmp_path / "map.yaml")}
    assert "AM401" not in codes
    assert "AM416" not in codes
    (tmp_path / "snapshots/s1.txt").write_text("a\n\fb\n\fc two words\n", encoding="utf-8")
    codes = {f.code for f in argmap.check(tmp_path / "map.yaml")}
    assert "AM416" in codes  # with pages that match, page 9 is reported


def test_a_span_of_the_snapshot_is_restored_to_the_documents_text() -> None:
    from argmap._ingest.document import restore

    pages = [(None, "Review\nthe poli-\ncy was efec-\ntive\n1"),
             (None, "Review\nnext \ufb01eld\n2")]
    text, labels, repairs = repair_pages(pages)
    assert text == "the policy was effective\n\fnext field\n"
    assert labels == ["1", "2"]
    assert restore(text, repairs, 0, len(text)) == (
        "the poli-\ncy was efec-\ntive\n1\n\fReview\nnext \ufb01eld\n2\n")
    start = text.index("policy")
    assert restore(text, repairs, start, start + len("policy was effective")) == (
        "poli-\ncy was efec-\ntive")
