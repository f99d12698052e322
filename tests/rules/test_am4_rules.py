"""The AM4xx rules (quotes and sources) on small map folders: each fires and stays silent."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import argmap
from argmap import Finding
from argmap._engine.config import Config
from argmap._engine.run import check_loaded
from argmap._verify.anchor import AnchorStatus, anchor_evidence
from argmap._verify.dates import date_bounds
from argmap._verify.index import MapIndex
from argmap.rules.am409_unsafe_url import problem

SNAPSHOT = (
    "City Transport Report 2023\n\n"
    "Since the lane opened, the number of cyclists on Main Street\n"
    "rose from 400 to 1,200 per week-\nday, a threefold increase.\n"
    "Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.\n"
)
SHA = hashlib.sha256(SNAPSHOT.encode()).hexdigest()
GOOD_SOURCE = (
    "  - id: S1\n    title: City report\n    issued: '2023-04'\n"
    "    URL: https://example.org/report\n"
    f"    snapshot: {{path: snapshots/s1.txt, sha256: {SHA}}}\n"
)


def run(tmp_path: Path, evidence: str, sources: str = GOOD_SOURCE,
        snapshot: str | None = SNAPSHOT) -> list[Finding]:
    folder = tmp_path / "map"
    (folder / "snapshots").mkdir(parents=True, exist_ok=True)
    if snapshot is not None:
        (folder / "snapshots" / "s1.txt").write_text(snapshot, encoding="utf-8")
    text = (
        "title: Test map\nclaims:\n  - {id: T1, kind: thesis, text: The lane was worth it., "
        f"evidence: [E1]}}\nevidence:\n{evidence}sources:\n{sources}"
    )
    (folder / "map.yaml").write_text(text, encoding="utf-8")
    result = check_loaded(argmap.load(folder), Config(select=("AM4",)))
    assert not [f for f in result if f.code == "AM000"], result
    return result


def codes(found: list[Finding]) -> list[str]:
    return [f.code for f in found]


def quote(exact: str, extra: str = "") -> str:
    return f"  - id: E1\n    source: S1\n{extra}    quote:\n      exact: \"{exact}\"\n"


# --- AM401-AM404: the quote --------------------------------------------------------------------


def test_a_clean_map_has_no_findings(tmp_path: Path) -> None:
    assert run(tmp_path, quote("rose from 400 to 1,200 per weekday, a threefold increase")) == []


def test_quote_not_found(tmp_path: Path) -> None:
    (found,) = run(tmp_path, quote("Cycling on Main Street doubled within one year."))
    assert found.code == "AM401"
    assert found.node == "E1"
    assert "best candidate" in found.message
    assert "% similar" in found.message
    assert found.data["anchor"]["status"] == "not-found"
    assert found.location is not None
    assert found.location.line == 8  # the quote's exact


def test_inexact_quote_is_an_error_with_the_word_differences(tmp_path: Path) -> None:
    (found,) = run(tmp_path, quote("Reported injuries to cyclist fell from 20 in 2021 to 12 in "
                                   "2022."))
    assert found.code == "AM402"
    assert found.severity is argmap.Severity.ERROR
    assert "in 1 place (quote -> source): cyclist -> cyclists;" in found.message
    assert "Reported injuries to cyclists fell" in found.message
    assert found.data["anchor"]["status"] == "fuzzy"
    assert found.data["anchor"]["differences"] == [{"quote": "cyclist", "source": "cyclists"}]


@pytest.mark.parametrize(
    ("changed", "quote_words", "source_words"),
    [
        ("Reported injuries to cyclists rose from 20 in 2021 to 12 in 2022.", "rose", "fell"),
        ("Reported injuries to pedestrians fell from 20 in 2021 to 12 in 2022.",
         "pedestrians", "cyclists"),
        ("Reported injuries to cyclists did not fall from 20 in 2021 to 12 in 2022.",
         "did not fall", "fell"),
    ],
)
def test_a_changed_word_fails_check(tmp_path: Path, changed: str, quote_words: str,
                                    source_words: str) -> None:
    (found,) = run(tmp_path, quote(changed))
    assert found.code == "AM402"
    assert found.severity is argmap.Severity.ERROR
    difference = {"quote": quote_words, "source": source_words}
    assert difference in found.data["anchor"]["differences"]


def test_a_wrong_digit_is_am403_not_am402(tmp_path: Path) -> None:
    (found,) = run(tmp_path, quote("Reported injuries to cyclists fell from 20 in 2021 to 13 in "
                                   "2022."))
    assert found.code == "AM403"
    assert found.severity is argmap.Severity.ERROR
    assert found.data["missing"] == ["13"]
    assert "12" in found.data["found"]


def test_prefix_and_suffix_that_do_not_match(tmp_path: Path) -> None:
    evidence = (
        "  - id: E1\n    source: S1\n    quote:\n      exact: rose from 400 to 1,200\n"
        "      prefix: 'the number of buses '\n      suffix: ' per month'\n"
    )
    prefix, suffix = run(tmp_path, evidence)
    assert codes([prefix, suffix]) == ["AM404", "AM404"]
    assert "cyclists on Main Street" in prefix.message
    assert "per week" in suffix.message
    assert prefix.location is not None
    assert suffix.location is not None
    assert (prefix.location.line, suffix.location.line) == (9, 10)


def test_matching_prefix_and_suffix_are_silent(tmp_path: Path) -> None:
    evidence = (
        "  - id: E1\n    source: S1\n    quote:\n      exact: rose from 400 to 1,200\n"
        "      prefix: \"cyclists on Main Street\\n\"\n      suffix: ' per weekday'\n"
    )
    assert run(tmp_path, evidence) == []


def test_via_names_the_snapshot_that_holds_the_quote(tmp_path: Path) -> None:
    evidence = (
        "  - id: E1\n    source: S2\n    via: S1\n    quote:\n"
        "      exact: Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.\n"
    )
    sources = GOOD_SOURCE + "  - {id: S2, title: Police statistics, issued: '2022', "\
        "URL: 'https://example.org/police'}\n"
    assert run(tmp_path, evidence, sources) == []
    folder = tmp_path / "map"
    index = MapIndex(argmap.load(folder))
    result = anchor_evidence(index, index.evidence["E1"])
    assert result.source == "S1"
    assert result.status is AnchorStatus.EXACT


def test_unchecked_results_say_why(tmp_path: Path) -> None:
    evidence = "  - {id: E1, source: S1}\n  - {id: E2, source: S2, quote: {exact: x}}\n"
    sources = GOOD_SOURCE + "  - {id: S2, title: T, issued: '2022', URL: 'https://a.org'}\n"
    run(tmp_path, evidence, sources)
    index = MapIndex(argmap.load(tmp_path / "map"))
    no_quote = anchor_evidence(index, index.evidence["E1"])
    no_snapshot = anchor_evidence(index, index.evidence["E2"])
    assert no_quote.status is no_snapshot.status is AnchorStatus.UNCHECKED
    assert no_quote.reason == "the evidence has no quote"
    assert no_snapshot.reason == "source 'S2' has no snapshot"


# --- AM405-AM407: snapshots --------------------------------------------------------------------


def test_changed_snapshot_marks_its_evidence_suspect(tmp_path: Path) -> None:
    changed = SNAPSHOT.replace("City Transport", "Town Transport")
    (found,) = run(tmp_path, quote("rose from 400 to 1,200"), snapshot=changed)
    assert found.code == "AM405"
    actual = hashlib.sha256(changed.encode()).hexdigest()
    assert SHA in found.message
    assert actual in found.message
    assert found.hint is not None
    assert f"sha256: {actual}" in found.hint
    assert found.node == "S1"  # one finding per source, naming the evidence that quotes it
    assert "1 evidence item quoting it is suspect ('E1')" in found.message
    assert found.related[0].node == "E1"
    assert found.fix is not None
    assert not found.fix.safe
    assert found.fix.edits[0].value == actual


def test_changed_snapshot_of_an_unquoted_source(tmp_path: Path) -> None:
    sources = GOOD_SOURCE.replace("id: S1", "id: S3") + (
        "  - {id: S1, title: T, issued: '2022', URL: 'https://a.org'}\n")
    found = run(tmp_path, "  - {id: E1, source: S1}\n", sources, snapshot="edited\n")
    assert codes(found) == ["AM405"]
    assert found[0].node == "S3"


def test_snapshot_without_a_recorded_hash_is_not_suspect(tmp_path: Path) -> None:
    sources = GOOD_SOURCE.replace(f", sha256: {SHA}", "")
    assert run(tmp_path, quote("rose from 400 to 1,200"), sources, snapshot=SNAPSHOT) == []


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("snapshots/missing.txt", "does not exist"),
        ("../outside.txt", "outside the map's folder"),
        ("/etc/hostname", "is absolute"),
    ],
)
def test_unreadable_snapshot(tmp_path: Path, path: str, why: str) -> None:
    (tmp_path / "outside.txt").write_text("rose from 400 to 1,200", encoding="utf-8")
    sources = GOOD_SOURCE.replace("path: snapshots/s1.txt", f"path: {path}")
    (found,) = run(tmp_path, quote("rose from 400 to 1,200"), sources)
    assert found.code == "AM406"
    assert why in found.message
    assert found.node == "S1"


def test_symlink_out_of_the_folder_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET rose from 400 to 1,200", encoding="utf-8")
    folder = tmp_path / "map" / "snapshots"
    folder.mkdir(parents=True)
    (folder / "link.txt").symlink_to(secret)
    sources = GOOD_SOURCE.replace("snapshots/s1.txt", "snapshots/link.txt")
    found = run(tmp_path, quote("TOP-SECRET rose"), sources)
    assert codes(found) == ["AM406"]
    assert "outside" in found[0].message
    assert "TOP-SECRET" not in str(found[0].data)


def test_snapshot_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "map" / "snapshots"
    folder.mkdir(parents=True)
    (folder / "s1.txt").write_bytes(b"caf\xe9 \xff")
    found = run(tmp_path, quote("rose"), snapshot=None)
    assert codes(found) == ["AM406"]
    assert "UTF-8" in found[0].message


def test_quote_without_a_snapshot_is_information(tmp_path: Path) -> None:
    sources = GOOD_SOURCE.replace(f"    snapshot: {{path: snapshots/s1.txt, sha256: {SHA}}}\n",
                                  "")
    (found,) = run(tmp_path, quote("anything at all"), sources)
    assert found.code == "AM407"
    assert found.severity is argmap.Severity.INFO
    assert run(tmp_path, "  - {id: E1, source: S1}\n", sources) == []  # no quote: nothing to do


# --- AM408-AM410: citations ------------------------------------------------------------------


def test_incomplete_citation(tmp_path: Path) -> None:
    sources = GOOD_SOURCE + "  - {id: S2}\n  - {id: S3, title: T, DOI: 10.1000/182}\n"
    found = run(tmp_path, quote("rose from 400 to 1,200"), sources)
    assert codes(found) == ["AM408", "AM408"]
    assert found[0].message == ("source 'S2' lacks what a citation needs: title, issued date, "
                                "URL, DOI or ISBN")
    assert found[1].message == "source 'S3' lacks what a citation needs: issued date"


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("javascript:alert(1)", "'javascript:'"),
        ("JavaScript:alert(1)", "'JavaScript:'"),
        ("data:text/html;base64,PHNjcmlwdD4=", "'data:'"),
        ("file:///etc/passwd", "'file:'"),
        ("ftp://example.org/a", "'ftp:'"),
        ("www.example.org", "no scheme"),
        ("https:/example.org", "no host"),
        ("https://", "no host"),
        ("https://exa mple.org", "spaces"),
        ("https://example.org:99999/", "malformed"),
    ],
)
def test_unsafe_or_malformed_urls(url: str, fragment: str) -> None:
    why = problem(url)
    assert why is not None
    assert fragment in why


@pytest.mark.parametrize(
    "url", ["https://example.org", "HTTP://example.org/a?b=1#c", "https://[::1]:8080/x"]
)
def test_good_urls(url: str) -> None:
    assert problem(url) is None


def test_unsafe_url_rule(tmp_path: Path) -> None:
    sources = GOOD_SOURCE.replace("https://example.org/report", "'javascript:alert(1)'")
    (found,) = run(tmp_path, quote("rose from 400 to 1,200"), sources)
    assert found.code == "AM409"
    assert found.location is not None
    assert found.location.line == 13


@pytest.mark.parametrize(
    ("issued", "accessed", "fires"),
    [
        ("'2023-04'", "'2023-03-31'", True),
        ("'2023-04'", "'2023-04-01'", False),
        ("'2023-04-15'", "'2023-04'", False),  # the same month, at the precision given
        ("'2023'", "'2022-12-31'", True),
        ("{date-parts: [[2023, 4, 2]]}", "{date-parts: [[2023, 4, 1]]}", True),
        ("{date-parts: [['2023', '4']]}", "{raw: '2023-05-02'}", False),
        ("{literal: spring 2023}", "'2020'", False),  # unreadable: no guess
    ],
)
def test_accessed_before_issued(tmp_path: Path, issued: str, accessed: str,
                                fires: bool) -> None:
    sources = GOOD_SOURCE.replace("issued: '2023-04'", f"issued: {issued}\n    accessed: "
                                  f"{accessed}")
    found = run(tmp_path, quote("rose from 400 to 1,200"), sources)
    assert codes(found) == (["AM410"] if fires else [])


def test_date_bounds() -> None:
    from datetime import date

    assert date_bounds("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert date_bounds("2019/2020-03") == (date(2019, 1, 1), date(2020, 3, 31))
    assert date_bounds(None) is None
