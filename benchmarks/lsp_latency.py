"""Language server latency on the paper's map: didChange to publishDiagnostics (prints).

Run: ``.venv/bin/python benchmarks/lsp_latency.py [MAP_FOLDER] [RUNS]``. Starts ``python -m
argmap lsp`` over stdio with pygls's client, opens the map file of claims/fiia-298 (2,325
lines), then edits it RUNS times (default 9): each edit changes one word of a claim's text,
unsaved, as a keystroke would, and the time is measured from sending the didChange until
the diagnostics for that version arrive. Prints every time and the median, in milliseconds;
the goal is under one second. Nothing is asserted (this machine's load varies).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAP = ROOT / "claims" / "fiia-298"


async def measure(folder: Path, runs: int) -> list[float]:
    client = LanguageClient("argmap-bench", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.uri.endswith("map.yaml") and params.version is not None:
            arrived[params.version] = time.perf_counter()
            counts[params.version] = len(params.diagnostics)
            event.set()

    async def published(version: int) -> float:
        while version not in arrived:
            event.clear()
            await asyncio.wait_for(event.wait(), 300)
        return arrived[version]

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    await client.start_io(sys.executable, "-m", "argmap", "lsp", cwd=str(ROOT), env=env)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    map_file = folder / "map.yaml"
    text = map_file.read_text("utf-8")
    uri = str(from_fs_path(str(map_file)))
    started = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="yaml", version=1, text=text)))
    await published(1)
    print(f"first check after didOpen (imports, snapshots): "
          f"{(time.perf_counter() - started) * 1000:8.1f} ms, {counts[1]} diagnostics")
    # an edit inside the first claim's text: replace its last character by itself + " "
    at = text.index("text:") + len("text:")
    line = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    times = []
    for run in range(runs):
        version = run + 2
        insert = " " if run % 2 == 0 else ""
        remove_end = column + (1 if run % 2 == 1 else 0)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, column), types.Position(line, remove_end)),
            text=insert)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(version=version, uri=uri),
            content_changes=[change]))
        times.append((await published(version) - sent) * 1000)
        print(f"  edit {run + 1}: {times[-1]:8.1f} ms, {counts[version]} diagnostics")
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    folder = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_MAP
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    times = asyncio.run(measure(folder, runs))
    print(f"didChange -> publishDiagnostics on {folder.name}: median "
          f"{statistics.median(times):.1f} ms over {runs} edits "
          f"(min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
