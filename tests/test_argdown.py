"""Argdown in and out: round trips, the Argdown CLI's own reading, findings in the .argdown file.

Runs over the Argdown project's files in ../shared/interop/argdown when that folder is there
(skipped with a reason otherwise, which CI counts as a failure) and over the committed
fixtures in tests/interop/argdown always. The Argdown CLI comparison needs node and npm:
``@argdown/cli`` 1.7.5 is installed into a temporary folder once per session, as
benchmarks/run.py installs it (``.ci/run`` makes sure node and npm are there).
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap._findings import Severity
from argmap._interop.argdown import read_text, to_argdown
from argmap._model import ArgumentMap
from argmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "interop" / "argdown"
SHARED = ROOT.parent / "shared" / "interop" / "argdown"
ARGDOWN_VERSION = "1.7.5"

FIXTURE_FILES = sorted(FIXTURES.glob("*.argdown"))
SHARED_FILES = sorted(SHARED.glob("*.argdown")) if SHARED.is_dir() else []
#: Files the Argdown CLI itself rejects (they test what argmap keeps from broken input).
ARGDOWN_REJECTS = {"lexer-relations.argdown", "defects.argdown"}


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _files(kind: str) -> list[Any]:
    if kind == "fixtures":
        return [pytest.param(p, id=_id(p)) for p in FIXTURE_FILES]
    if not SHARED_FILES:
        return [pytest.param(None, id="shared-missing", marks=pytest.mark.skip(
            reason=f"{SHARED} is not there (the shared interop corpus)"))]
    return [pytest.param(p, id=_id(p)) for p in SHARED_FILES]


EVERY_FILE = [*_files("shared"), *_files("fixtures")]


def _read(path: Path) -> ArgumentMap:
    data, _, _ = read_text(path.read_text(encoding="utf-8"), path.name, path.stem)
    return ArgumentMap.model_validate(data)


def _from_text(text: str) -> ArgumentMap:
    data, _, _ = read_text(text, "x.argdown", "x")
    return ArgumentMap.model_validate(data)


# --- round trips --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EVERY_FILE)
def test_import_export_import_gives_an_equal_map(path: Path) -> None:
    first = _read(path)
    written = to_argdown(first)
    again = _from_text(written)
    assert again == first
    assert to_argdown(again) == written  # and the export is a fixpoint


@pytest.mark.parametrize("path", EVERY_FILE)
def test_export_is_deterministic(path: Path) -> None:
    assert to_argdown(_read(path)) == to_argdown(_read(path))


def test_a_native_map_survives_argdown() -> None:
    """An argmap map written as Argdown and read back keeps evidence, quantities, checks,
    sources and kinds (in ``{argmap: ...}`` data); claims gain their ID as a title."""
    native = argmap.load(ROOT / "examples" / "bike-lanes")
    back = _from_text(to_argdown(native))
    assert back.evidence == native.evidence
    assert back.sources == native.sources
    assert back.checks == native.checks
    by_text = {c.text: c for c in back.claims}
    for claim in native.claims:
        found = by_text[claim.text]
        assert (found.id, found.kind, found.evidence, found.quantities) == (
            claim.id, claim.kind, claim.evidence, claim.quantities)
    assert {(r.type, tuple(r.from_), r.to) for r in back.relations} == {
        (r.type, tuple(r.from_), r.to) for r in native.relations}


# --- the Argdown CLI's own reading --------------------------------------------------------------


@pytest.fixture(scope="session")
def argdown_cli() -> Path:
    """``argdown`` from npm, installed once into a temporary folder."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        pytest.skip("node and npm are needed to run the Argdown CLI (.ci/run installs them)")
    folder = Path(os.environ.get("ARGMAP_ARGDOWN_CLI_DIR",
                                 Path(tempfile.gettempdir()) / "argmap-argdown-cli"))
    exe = folder / "node_modules" / ".bin" / "argdown"
    with _installing(folder):
        if not exe.exists():
            done = subprocess.run(
                [npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder),
                 f"@argdown/cli@{ARGDOWN_VERSION}"],
                capture_output=True, text=True, check=False, timeout=600,
            )
            if done.returncode or not exe.exists():
                pytest.skip(f"npm could not install @argdown/cli: {done.stderr[-400:]}")
    return exe


@contextlib.contextmanager
def _installing(folder: Path) -> Iterator[None]:
    """One installer at a time: pytest-xdist's workers each run this session fixture, and two
    npm installs into one folder would break each other (a lock file beside the folder)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock (the CLI's .bin/argdown is a POSIX script anyway)
        yield
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    with (folder.parent / f"{folder.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _argdown_json(exe: Path, source: Path, out: Path) -> dict[str, Any] | None:
    done = subprocess.run([str(exe), "json", str(source), str(out)], capture_output=True,
                          text=True, check=False, timeout=300)
    result = out / f"{source.stem}.json"
    if done.returncode or not result.exists():
        return None
    found: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return found


_UNTITLED = re.compile(r"Untitled \d+")


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _summary(doc: dict[str, Any]) -> tuple[collections.Counter[Any], ...]:
    """Statements (title, texts), arguments (title, descriptions, structure) and relations
    (source, target, type) as the Argdown CLI reads them. Argdown names untitled statements
    "Untitled N" in reading order; those are compared by their texts instead."""
    statements, arguments = doc["statements"], doc["arguments"]
    key: dict[str, Any] = {}

    def texts(members: list[dict[str, Any]]) -> tuple[str, ...]:
        return tuple(sorted({_norm(m.get("text")) for m in members if _norm(m.get("text"))}))

    for title, statement in statements.items():
        untitled = _UNTITLED.fullmatch(title) is not None
        key[title] = ("S", None if untitled else title,
                      texts(statement["members"]) if untitled else None)
    for title, argument in arguments.items():
        if _UNTITLED.fullmatch(title):
            key[title] = ("A", None, tuple(key.get(p["title"]) for p in argument["pcs"]))
        else:
            key[title] = ("A", title, None)
    found_statements = collections.Counter(
        (key[t][1], texts(s["members"])) for t, s in statements.items())
    found_arguments = collections.Counter(
        (key[t], texts(a["members"]), tuple(key.get(p["title"]) for p in a["pcs"]))
        for t, a in arguments.items())
    found_relations: collections.Counter[Any] = collections.Counter()
    for relation in doc["relations"]:
        ends = (key[relation["from"]], key[relation["to"]])
        if relation["relationType"] == "contradictory":  # symmetric
            ends = tuple(sorted(ends, key=repr))
        found_relations[(ends, relation["relationType"])] += 1
    return found_statements, found_arguments, found_relations


def _argdown_json_each(exe: Path, sources: list[Path], out: Path) -> list[dict[str, Any] | None]:
    """What :func:`_argdown_json` gives for each of ``sources`` (files of distinct names in
    one folder), from one run of the CLI over the folder: starting node and the CLI costs
    about 0.6 s of CPU, reading a file a few ms, and each file's JSON is byte-identical to
    the one a run of its own writes. When that run fails, each file is read on its own."""
    folder = sources[0].parent
    assert all(s.parent == folder for s in sources)
    done = subprocess.run([str(exe), "json", str(folder / "*.argdown"), str(out)],
                          capture_output=True, text=True, check=False, timeout=300)
    if done.returncode:
        return [_argdown_json(exe, source, out / source.stem) for source in sources]
    found: list[dict[str, Any] | None] = []
    for source in sources:
        result = out / f"{source.stem}.json"
        found.append(json.loads(result.read_text(encoding="utf-8")) if result.exists() else None)
    return found


_Reading = tuple[dict[str, Any] | None, dict[str, Any] | None] | Exception


@pytest.fixture(scope="session")
def argdown_readings(argdown_cli: Path,
                     tmp_path_factory: pytest.TempPathFactory) -> dict[Path, _Reading]:
    """For each file the Argdown CLI accepts: its reading of the file and of argmap's export
    of it (or the error the export raised), in one run of the CLI per side."""
    accepted = [p for p in [*SHARED_FILES, *FIXTURE_FILES] if p.name not in ARGDOWN_REJECTS]
    assert len({p.name for p in accepted}) == len(accepted), "two files of one name"
    work = tmp_path_factory.mktemp("argdown-cli")
    (work / "original").mkdir()
    (work / "exported").mkdir()
    failed: dict[Path, Exception] = {}
    for path in accepted:
        shutil.copyfile(path, work / "original" / path.name)
        try:
            text = to_argdown(_read(path))
        except Exception as error:  # noqa: BLE001 - the test of that file raises it
            failed[path] = error
            continue
        (work / "exported" / path.name).write_text(text, encoding="utf-8")
    exported = [p for p in accepted if p not in failed]
    originals = _argdown_json_each(
        argdown_cli, [work / "original" / p.name for p in accepted], work / "original-json")
    agains = _argdown_json_each(
        argdown_cli, [work / "exported" / p.name for p in exported], work / "exported-json"
    ) if exported else []
    readings: dict[Path, _Reading] = dict(failed)
    again_of = dict(zip(exported, agains, strict=True))
    for path, original in zip(accepted, originals, strict=True):
        if path not in failed:
            readings[path] = (original, again_of[path])
    return readings


@pytest.mark.parametrize("path", EVERY_FILE)
def test_the_argdown_cli_reads_the_export_as_it_reads_the_original(
    path: Path, argdown_cli: Path, argdown_readings: dict[Path, _Reading], tmp_path: Path
) -> None:
    if path.name in ARGDOWN_REJECTS:
        assert _argdown_json(argdown_cli, path, tmp_path / "original") is None
        return
    reading = argdown_readings[path]
    if isinstance(reading, Exception):
        raise reading
    original, again = reading
    assert original is not None, f"the Argdown CLI rejects {path}"
    assert again is not None, "the Argdown CLI rejects the export"
    assert _summary(again) == _summary(original)


def test_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """The counts docs/interop.md lists: what argmap reads from each file."""
    rows = []
    for path in [*SHARED_FILES, *FIXTURE_FILES]:
        data, _, findings = read_text(path.read_text(encoding="utf-8"), path.name, path.stem)
        m = ArgumentMap.model_validate(data)
        arguments = sum(1 for c in m.claims if c.kind == "argument")
        steps = sum(1 for r in m.relations if r.argument is not None)
        rows.append(f"| {_id(path)} | {len(m.claims) - arguments} | {arguments} | "
                    f"{len(m.relations) - steps} | {steps} | {len(m.sections)} | "
                    f"{len(findings)} |")
        assert again_equal(m)
    with capsys.disabled():
        # the counts docs/interop.md lists are printed on purpose
        print("\n| file | statements | arguments | relations | inference steps | sections "  # noqa: T201
              "| reader notes |\n|---|---|---|---|---|---|---|")
        print("\n".join(rows))  # noqa: T201
    assert len(rows) == len(SHARED_FILES) + len(FIXTURE_FILES)


def again_equal(m: ArgumentMap) -> bool:
    return _from_text(to_argdown(m)) == m


# --- findings in the .argdown file ----------------------------------------------------------------


def test_check_reports_at_argdown_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "defects.argdown"
    shutil.copy(FIXTURES / "defects.argdown", path)
    findings = argmap.check(path)
    where = {(f.code, f.location.line, f.location.column) for f in findings if f.location}
    assert ("AM116", 1, 1) in where  # + with nothing above it
    assert ("AM117", 4, 5) in where  # [Undefined] never given a text
    assert ("AM204", 5, 3) in where  # [Claim] supports itself: a rule, located in the file
    assert ("AM116", 7, 1) in where  # data that is not YAML
    assert ("AM116", 9, 1) in where  # a comment never closed
    assert all(f.location is not None and f.location.file.endswith("defects.argdown")
               for f in findings)


def test_a_second_text_is_kept_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_text("[T]: One wording.\n\n[T]: Another wording.\n", encoding="utf-8")
    m = argmap.load(path)
    assert m.claims[0].text == "One wording."
    assert m.claims[0].data == {"argdown": {"texts": ["Another wording."]}}
    notes = [f for f in argmap.check(path) if f.code == "AM118"]
    assert [(f.severity, f.location.line) for f in notes if f.location] == [(Severity.INFO, 3)]


def test_the_mapping_of_a_small_map() -> None:
    m = _from_text(
        "===\ntitle: Lanes\n===\n\n# Safety\n\n[T]: Lanes are safe. #road {a: 1}\n"
        "  + [P]: Injuries fell.\n  - <O>: They cost too much.\n  >< [N]: Lanes are unsafe.\n"
        "\n<A>: Because.\n\n(1) [P]\n(2) Q.\n-- Modus ponens {uses: [1]} --\n(3) [T]\n"
    )
    assert m.title == "Lanes"
    assert [s.title for s in m.sections] == ["Safety"]
    claims = {c.id: c for c in m.claims}
    assert claims["T"].tags == ["road"]
    assert claims["T"].data == {"a": 1}
    assert claims["O"].kind == "argument"
    assert claims["A"].kind == "argument"
    relations = {(r.type, tuple(r.from_), r.to, r.argument) for r in m.relations}
    assert ("supports", ("P",), "T", None) in relations
    assert ("attacks", ("O",), "T", None) in relations
    # symmetric: argmap writes it from the side the export lists it under
    assert ("contradicts", ("N",), "T", None) in relations
    step = next(r for r in m.relations if r.argument == "A")
    assert (step.from_, step.to, step.linked, step.scheme, step.data) == (
        ["P", "u1"], "T", True, "Modus ponens", {"uses": [1]})


# --- the command line ---------------------------------------------------------------------------


def test_convert_there_and_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "relations.argdown", "in.argdown")
    runner = CliRunner()
    first = runner.invoke(cli, ["convert", "in.argdown", "-o", "out"])
    assert first.exit_code == 0, first.output
    assert Path("out/map.yaml").exists()
    back = runner.invoke(cli, ["convert", "out", "-o", "x.argdown"])
    assert back.exit_code == 0, back.output
    assert argmap.load("x.argdown") == argmap.load("in.argdown")
    assert argmap.load("out") == argmap.load("in.argdown")


def test_convert_never_overwrites_its_input(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "markup.argdown", "in.argdown")
    before = Path("in.argdown").read_bytes()
    result = CliRunner().invoke(cli, ["convert", "in.argdown", "-o", "in.argdown"])
    assert result.exit_code == 2
    assert Path("in.argdown").read_bytes() == before


def test_convert_of_a_map_that_does_not_load_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("title: x\nclaims: [{id: 1 2, text: t}]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", "bad.yaml", "-o", "x.argdown"])
    assert result.exit_code == 1
    assert not Path("x.argdown").exists()


# --- never a traceback ----------------------------------------------------------------------------

_ARGDOWN_BITS = st.sampled_from([
    "[T]", "[T]:", "<A>", "<A>:", " text", "\n", "\n\n", "  ", "+ ", "- ", "+> ", "-> ", "<+ ",
    "<- ", "_> ", "<_ ", ">< ", "_ ", "(1) ", "(2) ", "--", "----", "-- rule --", "# ", "## ",
    "===", "{a: 1}", "{", "}", "#tag", "#(t t)", "@[T]", "@<A>", "\\[", "<!--", "-->", "/*",
    "*/", "//", "* ", "1. ", "[x](http://y)", "{argmap: {kind: thesis}}", "{argmap: 5}",
    "\t", "é", "\u200f",
])


@given(st.lists(st.one_of(_ARGDOWN_BITS, st.text(max_size=8)), max_size=40))
def test_the_reader_never_raises(parts: list[str]) -> None:
    """Any text reads into map data with located findings; the data validates (or, for
    ``{argmap: ...}`` data that names no valid field, fails as a load error), and the map
    writes as Argdown that reads again. (Equality after the round trip is asserted on the
    corpus and the fixtures: arbitrary text can hold a statement that starts with what
    Argdown reads as syntax, such as a lone ``+``.)"""
    text = "".join(parts)
    data, _, findings = read_text(text, "x.argdown", "x")
    assert all(f.location is not None and f.location.line >= 1 for f in findings)
    try:
        m = ArgumentMap.model_validate(data)
    except ValueError:
        return
    again, _, _ = read_text(to_argdown(m), "y.argdown", "y")
    assert isinstance(again, dict)


@given(st.text(max_size=300))
def test_load_never_raises_anything_but_a_load_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.argdown"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        failed: argmap.MapLoadError | None = None
        try:
            argmap.load(path)
        except argmap.MapLoadError as exc:
            failed = exc
        assert failed is None or all(f.location is not None for f in failed.findings)


def test_numbers_in_markup_are_no_figures(tmp_path: Path) -> None:
    """``@[Statement 1]``, ``#tag-2`` and a link's address state no figure (AM301 reads
    only the prose); a figure in the prose still needs its source."""
    path = tmp_path / "x.argdown"
    path.write_text(
        "[Statement 1]: See @[Statement 1] and [the report](https://example.org/2023). #tag-2\n"
        "\n[S2]: Injuries fell by 40 percent.\n",
        encoding="utf-8",
    )
    uncited = [f for f in argmap.check(path) if f.code == "AM301"]
    assert [(f.location.line if f.location else 0) for f in uncited] == [3]
