"""``argmap lsp`` driven by pygls's own LSP client over stdio, as an editor drives it.

Each test starts ``python -m argmap lsp`` as a subprocess on a copy of the bike-lanes map
and speaks the protocol to it. Waits are hang guards (generous, never a timing assertion):
a server that does not answer fails the test instead of blocking the suite.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from argmap._lsp.positions import to_code_points, to_utf16, utf16_length

ROOT = Path(__file__).parent.parent
BIKE_LANES = ROOT / "tests" / "fix-maps" / "bike-lanes"
#: How long a test waits for the server before it fails (a hang guard, not a timing test).
GUARD = float(os.environ.get("ARGMAP_LSP_GUARD", "120"))


@pytest.fixture
def bike(tmp_path: Path) -> Path:
    target = tmp_path / "bike-lanes"
    shutil.copytree(BIKE_LANES, target)
    return target


class Session:
    """A started client, with the diagnostics the server published per URI."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.versions: dict[str, int | None] = {}
        self.arrived = asyncio.Condition()

    async def published(self, uri: str, test: Callable[[list[types.Diagnostic]], bool],
                        version: int | None = None) -> list[types.Diagnostic]:
        """Wait until the diagnostics of ``uri`` (for ``version``, if given) pass ``test``."""
        async def ready() -> list[types.Diagnostic]:
            async with self.arrived:
                await self.arrived.wait_for(lambda: uri in self.diagnostics and (
                    version is None or self.versions.get(uri) == version) and test(
                    self.diagnostics[uri]))
                return self.diagnostics[uri]
        return await asyncio.wait_for(ready(), GUARD)

    def open(self, path: Path, text: str | None = None, version: int = 1) -> str:
        uri = str(from_fs_path(str(path)))
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=
                                   path.read_text("utf-8") if text is None else text)))
        return uri

    def replace(self, uri: str, text: str, version: int) -> None:
        """Send the whole new text as one change (unsaved: the file on disk stays)."""
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))


def run_session(folder: Path, scenario: Callable[[Session], Awaitable[None]]) -> None:
    """Start the server in ``folder``, run the scenario, shut the server down."""

    async def main() -> None:
        client = LanguageClient("argmap-tests", "1")
        session = Session(client)

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            async with session.arrived:
                session.diagnostics[params.uri] = list(params.diagnostics)
                session.versions[params.uri] = params.version
                session.arrived.notify_all()

        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        await client.start_io(sys.executable, "-m", "argmap", "lsp", cwd=str(folder), env=env)
        try:
            await asyncio.wait_for(client.initialize_async(types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=str(from_fs_path(str(folder))))), GUARD)
            client.initialized(types.InitializedParams())
            await scenario(session)
        finally:
            try:
                await asyncio.wait_for(client.shutdown_async(None), GUARD)
                client.exit(None)
            finally:
                await asyncio.wait_for(client.stop(), GUARD)

    asyncio.run(main())


def cli_findings(folder: Path) -> list[dict[str, Any]]:
    """What ``argmap check --format json`` reports for a map folder (run where the server
    runs, so file names agree)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--format", "json", "--show-info", "."],
        cwd=folder, env=env, capture_output=True, text=True, timeout=GUARD, check=False)
    payload = json.loads(done.stdout)
    found: list[dict[str, Any]] = payload["findings"] if isinstance(payload, dict) else payload
    return found


def position_of(text: str, needle: str, *, occurrence: int = 0, offset: int = 0
                ) -> types.Position:
    """The protocol position (UTF-16) of the ``occurrence``-th ``needle`` in ``text``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    at += offset
    line = text.count("\n", 0, at)
    line_start = text.rfind("\n", 0, at) + 1
    return types.Position(line, utf16_length(text[line_start:at]))


def text_at(text: str, span: types.Range) -> str:
    """The text a single-line protocol range covers."""
    line = text.split("\n")[span.start.line]
    return line[to_code_points(line, span.start.character):to_code_points(
        line, span.end.character)]


# --- positions ------------------------------------------------------------------------------


def test_utf16_positions_count_astral_characters_twice() -> None:
    line = "a🚲é b"
    assert utf16_length(line) == 6
    assert to_utf16(line, 2) == 3  # after the bicycle (two code units)
    assert to_code_points(line, 3) == 2
    assert to_code_points(line, 99) == len(line)
    assert to_code_points(line, to_utf16(line, 4)) == 4


# --- diagnostics ----------------------------------------------------------------------------

#: An edit that plants problems after non-ASCII text on the same line: an unknown evidence
#: ID (AM202) and an uncited figure (AM301), so columns differ between code points and UTF-16.
PLANTED = (
    "  - {id: C-EMOJI, text: \"Ça 🚲🚲 — riders rose 17% there\", evidence: [E-NONE]}\n"
)


def test_diagnostics_on_open_and_after_an_unsaved_edit_match_check(bike: Path) -> None:
    map_file = bike / "map.yaml"
    original = map_file.read_text("utf-8")
    edited = original.replace("\nrelations:\n", "\n" + PLANTED + "\nrelations:\n", 1)
    assert edited != original
    planted_copy = bike.parent / "planted"
    shutil.copytree(bike, planted_copy)
    (planted_copy / "map.yaml").write_text(edited, "utf-8")
    expected = [f for f in cli_findings(planted_copy) if f["file"] == "map.yaml"
                and not f["suppressed"]]
    assert {"AM202", "AM301"} <= {f["code"] for f in expected}

    async def scenario(session: Session) -> None:
        uri = session.open(map_file)
        first = await session.published(uri, lambda _: True, version=1)
        assert not [d for d in first if d.code in ("AM202", "AM301")]
        session.replace(uri, edited, 2)
        after = await session.published(
            uri, lambda ds: any(d.code == "AM202" for d in ds), version=2)
        lines = edited.split("\n")
        got = sorted((d.code, d.range.start.line, d.range.start.character) for d in after)
        want = sorted(
            (f["code"], f["line"] - 1, to_utf16(lines[f["line"] - 1], f["column"] - 1))
            for f in expected)
        assert got == want
        unknown = next(d for d in after if d.code == "AM202")
        line = lines[unknown.range.start.line]
        assert "🚲" in line
        assert unknown.range.start.character != line.index("E-NONE")  # UTF-16 differs
        assert text_at(edited, unknown.range) == "E-NONE"
        # the file on disk was never changed: the check read the buffer
        assert map_file.read_text("utf-8") == original

    run_session(bike, scenario)


def test_diagnostics_for_the_sources_file(bike: Path) -> None:
    sources = bike / "sources.yaml"
    text = sources.read_text("utf-8").replace("issued: \"2023-04\"", "issued: \"2031-04\"")

    async def scenario(session: Session) -> None:
        uri = session.open(sources, text)
        found = await session.published(uri, bool, version=1)
        assert any(d.source == "argmap" and str(d.code).startswith("AM") for d in found)

    run_session(bike, scenario)


# --- hover ----------------------------------------------------------------------------------


def hover(session: Session, uri: str, position: types.Position) -> Awaitable[Any]:
    return asyncio.wait_for(session.client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), position)), GUARD)


def test_hover_on_a_claim_a_figure_and_an_evidence_item(bike: Path) -> None:
    map_file = bike / "map.yaml"
    text = map_file.read_text("utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open(map_file)
        # a claim ID where a relation names it
        claim = await hover(session, uri, position_of(text, "from: P-CYCLISTS", offset=8))
        value = claim.contents.value
        assert "P-CYCLISTS" in value
        assert "premise" in value
        assert "Cyclists per weekday rose from 400 to 1,200." in value
        assert "grounded" in value
        assert "**in**" in value
        # a figure in a claim's text
        figure = await hover(session, uri, position_of(text, "EUR 2.4 million the lane",
                                                       offset=5))
        value = figure.contents.value
        assert "figure" in value
        assert "EUR 2.4 million" in value
        assert "amount" in value
        assert "cited by" in value
        assert "E-COST" in value
        # an evidence item: its quote in the snapshot's context
        evidence = await hover(session, uri, position_of(text, "id: E-INJURIES", offset=5))
        value = evidence.contents.value
        assert "E-INJURIES" in value
        assert "**Reported injuries to cyclists fell from 20 in 2021 to 12 in 2022.**" in value
        assert "Safety" in value  # text before the quote in the snapshot
        assert "Station Road" in value  # text after it
        # nothing to say on a key
        nothing = await hover(session, uri, position_of(text, "license:"))
        assert nothing is None

    run_session(bike, scenario)


# --- navigation -----------------------------------------------------------------------------


def test_definition_and_references_of_an_id(bike: Path) -> None:
    map_file = bike / "map.yaml"
    text = map_file.read_text("utf-8")
    sources = bike / "sources.yaml"
    sources_text = sources.read_text("utf-8")

    async def scenario(session: Session) -> None:
        uri = session.open(map_file)
        target = types.TextDocumentIdentifier(uri)
        # the evidence ID in a claim's list -> its item under evidence:
        used = position_of(text, "evidence: [E-COST]", offset=11)
        found = await asyncio.wait_for(session.client.text_document_definition_async(
            types.DefinitionParams(target, used)), GUARD)
        assert isinstance(found, list)
        assert len(found) == 1
        assert found[0].uri == uri
        assert found[0].range.start == position_of(text, "id: E-COST", offset=4)
        assert text_at(text, found[0].range) == "E-COST"
        # a source ID -> its item in sources.yaml
        source_use = position_of(text, "source: city-report-2023", offset=9)
        found = await asyncio.wait_for(session.client.text_document_definition_async(
            types.DefinitionParams(target, source_use)), GUARD)
        assert found[0].uri == str(from_fs_path(str(sources)))
        assert text_at(sources_text, found[0].range) == "city-report-2023"
        # references of a quantity ID: its definition and the check that uses it
        refs = await asyncio.wait_for(session.client.text_document_references_async(
            types.ReferenceParams(
                context=types.ReferenceContext(include_declaration=True), text_document=target,
                position=position_of(text, "total: Q-COST", offset=8))), GUARD)
        assert sorted(r.range.start.line for r in refs) == sorted(
            [position_of(text, "id: Q-COST").line, position_of(text, "total: Q-COST").line])
        # references of a claim ID without its definition
        refs = await asyncio.wait_for(session.client.text_document_references_async(
            types.ReferenceParams(
                context=types.ReferenceContext(include_declaration=False), text_document=target,
                position=position_of(text, "id: O-COST", offset=4))), GUARD)
        assert sorted(r.range.start.line for r in refs) == [
            position_of(text, "from: O-COST").line, position_of(text, "to: O-COST").line]
        assert all(text_at(text, r.range) == "O-COST" for r in refs)

    run_session(bike, scenario)


# --- completion -----------------------------------------------------------------------------


def test_completion_of_ids_kinds_and_sources(bike: Path) -> None:
    map_file = bike / "map.yaml"
    text = map_file.read_text("utf-8")
    typed = text.replace("    evidence: [E-INJURIES]  # the one quote on safety",
                         "    evidence: [E-INJURIES, ]  # the one quote on safety")
    typed = typed.replace("  - id: A-NO-OTHER-CAUSE\n    kind: assumption",
                          "  - id: A-NO-OTHER-CAUSE\n    kind: ")
    typed = typed.replace("  - id: E-COST\n    source: city-report-2023",
                          "  - id: E-COST\n    source: ")

    async def complete(session: Session, uri: str, position: types.Position) -> set[str]:
        found = await asyncio.wait_for(session.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(uri), position)), GUARD)
        items = found.items if isinstance(found, types.CompletionList) else found
        return {item.label for item in items}

    async def scenario(session: Session) -> None:
        uri = session.open(map_file)
        await session.published(uri, lambda _: True, version=1)
        session.replace(uri, typed, 2)
        evidence = await complete(session, uri, position_of(typed, "[E-INJURIES, ]",
                                                            offset=13))
        assert evidence == {"E-CYCLISTS", "E-INJURIES", "E-COST"}
        kinds = await complete(session, uri, position_of(typed, "kind: \n", offset=6))
        assert {"thesis", "premise", "assumption", "objection"} <= kinds
        sources = await complete(session, uri, position_of(typed, "source: \n", offset=8))
        assert sources == {"city-report-2023"}
        anywhere = await complete(session, uri, position_of(typed, "description: ", offset=13))
        assert {"T1", "R-USE", "E-COST", "use", "X-COST-PARTS"} <= anywhere

    run_session(bike, scenario)


# --- code actions ---------------------------------------------------------------------------


def test_a_code_action_applies_a_fix(bike: Path) -> None:
    map_file = bike / "map.yaml"
    original = map_file.read_text("utf-8")
    declared = ("      - {id: Q-P-FUND-1, kind: amount, value: 0.9, unit: EUR, scale: million, "
                "text: EUR 0.9 million}\n")
    assert declared in original
    broken = original.replace(declared, "", 1)

    async def scenario(session: Session) -> None:
        uri = session.open(map_file, broken)
        found = await session.published(
            uri, lambda ds: any(d.code == "AM422" for d in ds), version=1)
        diagnostic = next(d for d in found if d.code == "AM422")
        actions = await asyncio.wait_for(session.client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri), diagnostic.range,
                                   types.CodeActionContext([diagnostic]))), GUARD)
        fixes = [a for a in actions if isinstance(a, types.CodeAction)
                 and a.diagnostics and a.diagnostics[0].code == "AM422"]
        assert fixes
        action = fixes[0]
        assert action.kind == types.CodeActionKind.QuickFix
        assert action.edit is not None
        assert action.edit.changes is not None
        edits = action.edit.changes[uri]
        fixed = apply_edits(broken, edits)
        claims_part = fixed.split("relations:")[0].split("id: P-FUND")[1]
        assert "Q-P-FUND-1" not in broken.split("relations:")[0]
        assert "id: Q-P-FUND-1" in claims_part  # the new quantity, with the ID the check uses
        assert "EUR 0.9 million" in claims_part
        # the fixed text, sent back, no longer has the finding
        session.replace(uri, fixed, 2)
        after = await session.published(uri, lambda _: True, version=2)
        assert not [d for d in after if d.code in ("AM422", "AM202")]

    run_session(bike, scenario)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply protocol text edits (UTF-16 positions) as an editor does, last first."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        return starts[position.line] + to_code_points(lines[position.line], position.character)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def test_lsp_without_pygls_exits_2(tmp_path: Path) -> None:
    """With pygls missing (hidden by a stub that fails to import), a clear message, exit 2."""
    stub = tmp_path / "pygls"
    stub.mkdir()
    (stub / "__init__.py").write_text("raise ImportError('no pygls here', name='pygls')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")])}
    done = subprocess.run([sys.executable, "-m", "argmap", "lsp"], env=env,
                          capture_output=True, text=True, timeout=GUARD, check=False,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "pip install 'argmap[lsp]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_latency_benchmark_runs(bike: Path) -> None:
    """benchmarks/lsp_latency.py must not rot: one edit on a small map (no timing asserted)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "lsp_latency", ROOT / "benchmarks" / "lsp_latency.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    times = asyncio.run(asyncio.wait_for(module.measure(bike, 1), GUARD))
    assert len(times) == 1
