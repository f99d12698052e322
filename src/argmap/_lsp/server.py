"""The language server: pygls wired to the check, the ID index, hover, completion and fixes.

Documents are synchronised incrementally; every open, change, save and close of a map file
or a sources file marks its map for a new check, which runs as soon as the server has read
the messages waiting (a burst of keystrokes is checked once). A request about a map whose
check is due runs it first, so every answer reflects the text in the editor.
"""

from __future__ import annotations

import asyncio
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from argmap._findings import Finding, Location, Severity
from argmap._lsp.actions import TextChange, fix_actions
from argmap._lsp.complete import candidates
from argmap._lsp.hover import hover_text
from argmap._lsp.positions import to_code_points, to_utf16
from argmap._lsp.symbols import Occurrence, SymbolIndex
from argmap._lsp.workspace import MapState, analyse, config_for, map_file_for
from argmap._version import __version__

__all__ = ["ArgmapServer", "create_server", "serve"]

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def _absolute(path: str | os.PathLike[str]) -> str:
    """An absolute path without following links: the name the editor and findings use."""
    return os.path.abspath(path)  # noqa: PTH100 - Path.resolve would follow symbolic links


def _path(uri: str) -> Path | None:
    found = to_fs_path(uri)
    return Path(_absolute(found)) if found else None


def _uri(path: Path) -> str:
    return str(from_fs_path(str(path)))


def _lines(text: str) -> list[str]:
    return [line.rstrip("\r") for line in text.split("\n")]


class ArgmapServer(LanguageServer):
    """Keeps each map's latest check, and which maps must be checked again."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__)
        self.analyses: dict[Path, MapState] = {}
        self.dirty: set[Path] = set()
        self.published: dict[Path, set[Path]] = {}
        self._flush_due = False

    # -- the text of files ---------------------------------------------------------------------

    def buffers(self) -> dict[Path, str]:
        """Every open document's text, by absolute path."""
        found: dict[Path, str] = {}
        for uri, document in self.workspace.text_documents.items():
            path = _path(uri)
            if path is not None:
                found[path] = document.source
        return found

    def text_of(self, path: Path, analysis: MapState | None = None) -> str:
        """A file's text as the editor has it (else as it was loaded)."""
        document = self.workspace.text_documents.get(_uri(path))
        if document is not None:
            return str(document.source)
        if analysis is not None:
            display = analysis.display_of(path)
            parsed = analysis.parsed(display) if display else None
            if parsed is not None:
                return parsed.text
        return ""

    # -- checking ------------------------------------------------------------------------------

    def touch(self, uri: str) -> None:
        """A document changed: check its map once the waiting messages are read."""
        path = _path(uri)
        map_path = map_file_for(path) if path is not None else None
        if map_path is None:
            return
        self.dirty.add(Path(_absolute(map_path)))
        if not self._flush_due:
            self._flush_due = True
            asyncio.get_running_loop().call_soon(self.flush)

    def flush(self) -> None:
        self._flush_due = False
        for map_path in sorted(self.dirty):
            self.check(map_path)

    def check(self, map_path: Path) -> MapState:
        self.dirty.discard(map_path)
        config, problem = config_for(map_path)
        if problem is not None:
            self.window_show_message(types.ShowMessageParams(
                types.MessageType.Warning, f"argmap: the configuration is not used: {problem}"))
        analysis = analyse(map_path, self.buffers(), config)
        self.analyses[map_path] = analysis
        self.publish(map_path, analysis)
        return analysis

    def analysis_for(self, uri: str) -> tuple[MapState, Path] | None:
        """The current check of the map a document belongs to (run now if due)."""
        path = _path(uri)
        map_path = map_file_for(path) if path is not None else None
        if path is None or map_path is None:
            return None
        map_path = Path(_absolute(map_path))
        analysis = self.analyses.get(map_path)
        if analysis is None or map_path in self.dirty:
            analysis = self.check(map_path)
        return analysis, path

    # -- diagnostics ---------------------------------------------------------------------------

    def file_of(self, finding: Finding, analysis: MapState) -> Path:
        location = finding.location
        if location is None:
            return analysis.map_path
        return analysis.files.get(location.file) or Path(_absolute(location.file))

    def range_of(self, location: Location | None, text: str) -> types.Range:
        """A finding's place as a protocol range: its span, else the rest of its line."""
        lines = _lines(text)
        if location is None:
            return types.Range(types.Position(0, 0), types.Position(0, 0))

        def position(line: int, column: int) -> types.Position:
            row = max(0, min(line - 1, len(lines) - 1))
            content = lines[row] if lines else ""
            return types.Position(row, to_utf16(content, column - 1))

        start = position(location.line, location.column)
        if location.end_line is not None and location.end_column is not None:
            end = position(location.end_line, location.end_column)
        else:
            end = start
        if (end.line, end.character) <= (start.line, start.character):
            row = start.line
            content = lines[row] if row < len(lines) else ""
            end = types.Position(row, max(start.character, to_utf16(content, len(
                content.rstrip()))))
        return types.Range(start, end)

    def diagnostic(self, finding: Finding, text: str, analysis: MapState) -> types.Diagnostic:
        message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
        related = []
        for item in finding.related:
            if item.location is not None:
                path = analysis.files.get(item.location.file) or Path(
                    _absolute(item.location.file))
                related.append(types.DiagnosticRelatedInformation(
                    types.Location(_uri(path), self.range_of(
                        item.location, self.text_of(path, analysis))), item.message))
        return types.Diagnostic(
            range=self.range_of(finding.location, text),
            message=message,
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            source="argmap",
            related_information=related or None,
            data={"rule": finding.rule, "fixable": finding.fix is not None},
        )

    def findings_by_file(self, analysis: MapState) -> dict[Path, list[Finding]]:
        grouped: dict[Path, list[Finding]] = defaultdict(list)
        for finding in analysis.findings:
            if finding.suppressed is None:
                grouped[self.file_of(finding, analysis)].append(finding)
        return grouped

    def publish(self, map_path: Path, analysis: MapState) -> None:
        grouped = self.findings_by_file(analysis)
        files = {map_path, *analysis.files.values(), *grouped}
        for stale in self.published.get(map_path, set()) - files:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(_uri(stale), []))
        for path in sorted(files):
            text = self.text_of(path, analysis)
            diagnostics = [self.diagnostic(f, text, analysis) for f in grouped.get(path, [])]
            document = self.workspace.text_documents.get(_uri(path))
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                _uri(path), diagnostics, version=document.version if document else None))
        self.published[map_path] = files

    # -- positions -----------------------------------------------------------------------------

    def cursor(self, uri: str, position: types.Position) -> tuple[list[str], int, int]:
        """The document's lines and the cursor as 0-based line and code point column."""
        document = self.workspace.get_text_document(uri)
        lines = _lines(document.source)
        row = min(position.line, max(0, len(lines) - 1))
        return lines, row, to_code_points(lines[row] if lines else "", position.character)

    def location_of(self, occurrence: Occurrence, analysis: MapState) -> types.Location | None:
        path = analysis.files.get(occurrence.file)
        if path is None:
            return None
        lines = _lines(self.text_of(path, analysis))
        row = occurrence.line - 1
        content = lines[row] if 0 <= row < len(lines) else ""
        return types.Location(_uri(path), types.Range(
            types.Position(row, to_utf16(content, occurrence.start)),
            types.Position(row, to_utf16(content, occurrence.end))))

    def occurrence_at(self, uri: str, position: types.Position
                      ) -> tuple[MapState, Occurrence] | None:
        found = self.analysis_for(uri)
        if found is None:
            return None
        analysis, path = found
        symbols = analysis.symbols
        if symbols is None:
            return None
        display = analysis.display_of(path)
        if display is None:
            return None
        _, row, column = self.cursor(uri, position)
        occurrence = symbols.at(display, row + 1, column)
        return (analysis, occurrence) if occurrence is not None else None

    @staticmethod
    def symbols_of(analysis: MapState) -> SymbolIndex:
        """The ID index of an analysis that :meth:`occurrence_at` answered from."""
        if analysis.symbols is None:
            msg = "the map has no index"
            raise LookupError(msg)
        return analysis.symbols

    def edit_of(self, change: TextChange) -> types.TextEdit:
        def position(offset: int) -> types.Position:
            row = change.text.count("\n", 0, offset)
            line_start = change.text.rfind("\n", 0, offset) + 1
            line_end = change.text.find("\n", line_start)
            content = change.text[line_start:line_end if line_end >= 0 else len(change.text)]
            return types.Position(row, to_utf16(content, offset - line_start))

        return types.TextEdit(types.Range(position(change.start), position(change.end)),
                              change.new)


def create_server() -> ArgmapServer:
    """The server with every feature registered."""
    server = ArgmapServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.touch(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.touch(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.touch(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.touch(params.text_document.uri)  # the file on disk is checked again

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        found = ls.analysis_for(params.text_document.uri)
        if found is None:
            return None
        analysis, path = found
        display = analysis.display_of(path)
        if display is None:
            return None
        _, row, column = ls.cursor(params.text_document.uri, params.position)
        text = hover_text(analysis, display, row + 1, column)
        if text is None:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams
                   ) -> list[types.Location] | None:
        found = ls.occurrence_at(params.text_document.uri, params.position)
        if found is None:
            return None
        analysis, occurrence = found
        places = [ls.location_of(o, analysis)
                  for o in ls.symbols_of(analysis).definitions(occurrence.id)]
        return [p for p in places if p is not None] or None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams
                   ) -> list[types.Location] | None:
        found = ls.occurrence_at(params.text_document.uri, params.position)
        if found is None:
            return None
        analysis, occurrence = found
        places = [ls.location_of(o, analysis) for o in ls.symbols_of(analysis).references(
            occurrence.id, include_definition=params.context.include_declaration)]
        return [p for p in places if p is not None]

    @server.feature(types.TEXT_DOCUMENT_COMPLETION)
    def completion(ls: ArgmapServer, params: types.CompletionParams
                   ) -> types.CompletionList | None:
        found = ls.analysis_for(params.text_document.uri)
        if found is None:
            return None
        lines, row, column = ls.cursor(params.text_document.uri, params.position)
        items = [types.CompletionItem(
            label=c.label, detail=c.detail,
            kind=types.CompletionItemKind.Reference if c.is_id else
            types.CompletionItemKind.EnumMember,
        ) for c in candidates(lines, row, column, found[0].symbols)]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: ArgmapServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction] | None:
        found = ls.analysis_for(params.text_document.uri)
        if found is None:
            return None
        analysis, path = found
        text = ls.text_of(path, analysis)
        wanted = params.range
        chosen: list[Finding] = []
        diagnostics: dict[int, types.Diagnostic] = {}
        for finding in ls.findings_by_file(analysis).get(path, []):
            if finding.fix is None:
                continue
            diagnostic = ls.diagnostic(finding, text, analysis)
            span = diagnostic.range
            if ((span.end.line, span.end.character) < (wanted.start.line, wanted.start.character)
                    or (span.start.line, span.start.character) > (
                        wanted.end.line, wanted.end.character)):
                continue
            diagnostics[id(finding)] = diagnostic
            chosen.append(finding)
        actions = []
        for action in fix_actions(analysis, chosen):
            changes: dict[str, list[types.TextEdit]] = defaultdict(list)
            for change in action.changes:
                changes[_uri(change.path)].append(ls.edit_of(change))
            actions.append(types.CodeAction(
                title=action.title, kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostics[id(action.finding)]],
                edit=types.WorkspaceEdit(changes=dict(changes)),
                is_preferred=action.safe or None,
            ))
        return actions

    return server


def serve(**options: Any) -> None:
    """Run the server over standard input and output until the client exits."""
    create_server().start_io(**options)
