"""``argmap sources import``: a Zotero CSL-JSON export and a 20-entry BibTeX file import clean,
the sources file keeps what the user wrote, and the importers never crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._findings import Severity
from argmap.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
BIB = FIXTURES / "library.bib"
ZOTERO = FIXTURES / "zotero-export.json"
MAP = "title: Bike lanes\nclaims:\n  - {id: T1, kind: thesis, text: Worth it.}\n"
CSL_CODES = {"AM413", "AM414", "AM415"}


def _folder(tmp_path: Path, sources: str | None = None, name: str = "sources.yaml") -> Path:
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "map.yaml").write_text(MAP, encoding="utf-8")
    if sources is not None:
        (folder / name).write_text(sources, encoding="utf-8")
    return folder


def _import(library: Path, folder: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["sources", "import", str(library), str(folder), *extra])
    return result.exit_code, result.output


@pytest.mark.parametrize(("library", "count"), [(BIB, 20), (ZOTERO, 10)])
def test_a_library_imports_clean(tmp_path: Path, library: Path, count: int) -> None:
    folder = _folder(tmp_path)
    code, output = _import(library, folder)
    assert code == 0, output
    assert f"added {count} source(s)" in output
    loaded = argmap.load(folder)
    assert len(loaded.sources) == count
    findings = argmap.check(loaded)
    assert not [f for f in findings if f.code in CSL_CODES or f.severity is Severity.ERROR]
    assert all(s.model_extra == {} for s in loaded.sources)


def test_bibtex_fields_become_csl(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _import(BIB, folder)
    sources = {s.id: s for s in argmap.load(folder).sources}
    article = sources["mueller2020"]
    assert article.type == "article-journal"
    assert article.container_title == "Transport Reviews"  # through @string
    assert article.issue == "1"
    assert article.page == "57-80"
    assert [(n.family, n.given, n.non_dropping_particle) for n in article.author or []] == [
        ("Müller", "Anna", None), ("Berg", "Jan", "van den"), ("O'Neill", "Siobhán", None)]
    report = sources["springfield2023"]
    assert report.type == "report"
    assert report.publisher == "City of Springfield"
    assert [n.literal for n in report.author or []] == [
        "City of Springfield, Department of Transport"]
    assert report.accessed is not None
    assert sources["counter17"].url == "https://data.springfield.example/datasets/bike-counter-17"
    assert sources["nguyen2018"].genre == "PhD thesis"
    assert sources["hoffmann2014"].issued.model_dump(by_alias=True)["date-parts"] == [  # type: ignore[union-attr]
        [2014, 4, 29]]
    assert sources["park2018"].custom == {"bibtex": {"archiveprefix": "arXiv"}}
    assert sources["garcia2017"].title == "Do bike lanes slow traffic? A before–after study"
    assert {s.type for s in sources.values()} >= {
        "book", "chapter", "paper-conference", "thesis", "document", "webpage", "manuscript",
        "report", "pamphlet", "dataset", "software", "patent"}


def test_existing_text_is_kept_byte_for_byte_and_import_is_idempotent(tmp_path: Path) -> None:
    mine = ("# my sources, edited by hand\n- id: mueller2020   # my own id\n"
            "  type: article-journal\n  title: 'Cycling infrastructure (my title)'\n")
    folder = _folder(tmp_path, mine)
    code, output = _import(BIB, folder)
    assert code == 0
    text = (folder / "sources.yaml").read_text(encoding="utf-8")
    assert text.startswith(mine)
    assert "added 19 source(s)" in output
    assert "AM127" in output
    assert "differs in" in output
    loaded = argmap.load(folder)
    assert loaded.sources[0].title == "Cycling infrastructure (my title)"
    again_code, again = _import(BIB, folder)
    assert again_code == 0
    assert "added 0 source(s)" in again
    assert (folder / "sources.yaml").read_text(encoding="utf-8") == text


def test_same_work_under_another_id_is_not_added_twice(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _import(BIB, folder)
    code, output = _import(ZOTERO, folder)
    assert code == 0
    assert "added 5 source(s)" in output
    assert output.count("AM127") == 5
    ids = [s.id for s in argmap.load(folder).sources]
    assert len(ids) == len(set(ids)) == 25


def test_output_is_deterministic(tmp_path: Path) -> None:
    texts = []
    for run in ("a", "b"):
        folder = _folder(tmp_path / run if (tmp_path / run).mkdir() is None else tmp_path)
        _import(ZOTERO, folder)
        _import(BIB, folder)
        texts.append((folder / "sources.yaml").read_bytes())
    assert texts[0] == texts[1]


def test_a_json_sources_file_gets_json_items(tmp_path: Path) -> None:
    mine = '[\n  {"id": "S1", "type": "report", "title": "Mine"}\n]\n'
    folder = _folder(tmp_path, mine, "sources.json")
    code, output = _import(ZOTERO, folder)
    assert code == 0, output
    text = (folder / "sources.json").read_text(encoding="utf-8")
    assert text.startswith('[\n  {"id": "S1", "type": "report", "title": "Mine"},\n')
    data = json.loads(text)
    assert len(data) == 11
    assert len(argmap.load(folder).sources) == 11


def test_a_flow_list_is_refused_not_rewritten(tmp_path: Path) -> None:
    mine = "[{id: S1, title: Mine}]\n"
    folder = _folder(tmp_path, mine)
    code, output = _import(ZOTERO, folder)
    assert code == 1
    assert "AM126" in output
    assert (folder / "sources.yaml").read_text(encoding="utf-8") == mine


def test_a_broken_entry_stops_the_import_with_its_place(tmp_path: Path) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text("@book{ok, title={T}, year={2019}}\n\n@misc{bad,\n  title = {open\n"
                   "@book{after, title={U}}\n", encoding="utf-8")
    folder = _folder(tmp_path)
    code, output = _import(bib, folder)
    assert code == 1
    assert "broken.bib:3:1: AM126" in output
    assert not (folder / "sources.yaml").exists()


def test_a_bad_csl_item_is_located_in_the_library(tmp_path: Path) -> None:
    library = tmp_path / "lib.json"
    library.write_text('[\n  {"id": "a", "type": "book"},\n  {"id": "b", "author": "Lee"}\n]\n',
                       encoding="utf-8")
    folder = _folder(tmp_path)
    code, output = _import(library, folder)
    assert code == 1
    assert "lib.json:3:26: AM126" in output


def test_a_single_file_map_is_a_usage_error(tmp_path: Path) -> None:
    single = tmp_path / "x.argmap.yaml"
    single.write_text(MAP, encoding="utf-8")
    code, _ = _import(BIB, single)
    assert code == 2


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "type", "title", "author", "issued", "URL",
                                       "family", "date-parts", "zz"]), inner, max_size=5),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_JSONISH)
def test_the_csl_importer_never_crashes(tmp_path: Path, data: object) -> None:
    from argmap._interop.library import library_items

    path = tmp_path / "lib.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        items, findings = library_items(path)
    except argmap.MapLoadError as exc:  # a file argmap refuses to read (control characters)
        refused = exc.findings
        assert refused
        return
    assert all(isinstance(item, dict) for item, _ in items)
    assert all(f.location is not None for f in findings)


_BIBLIKE = st.text(alphabet=st.sampled_from(list("@{}=,\"\\ \n%#abtitleyar0123ü")), max_size=120)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_BIBLIKE | st.text(max_size=80).map(lambda t: "@article{k,\n title = {" + t + "}}"))
def test_the_bibtex_importer_never_crashes(tmp_path: Path, text: str) -> None:
    from argmap._interop.library import library_items

    path = tmp_path / "lib.bib"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        items, findings = library_items(path)
    except argmap.MapLoadError as exc:  # a file argmap refuses to read (control characters)
        refused = exc.findings
        assert refused
        return
    assert all(isinstance(item, dict) for item, _ in items)
    assert all(f.location is not None for f in findings)
