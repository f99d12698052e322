"""``argmap source``: add a document to a map as a source with a text snapshot; diff a snapshot.

``argmap source add FILE|URL`` converts the document (:mod:`argmap._ingest`), writes
``snapshots/<ID>.txt`` and, for a PDF or a repaired text, its sidecar ``snapshots/<ID>.txt.json``,
then appends the source's CSL-JSON item to the map's ``sources.yaml`` as text. It is the one
command besides ``argmap new`` that writes into a map folder; it never replaces a source or a
snapshot that exists. ``argmap sources`` is the same group.
"""

from __future__ import annotations

import hashlib
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import click

from argmap._text import visible
from argmap.cli import Group

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SOURCES_HEADER = (
    "# The sources this map cites, as CSL-JSON items (docs/format.md); "
    "`argmap source add FILE|URL` appends one.\n"
)


def _fail(code: str, where: str, message: str, hint: str | None = None) -> NoReturn:
    sys.stderr.write(f"{visible(where)}:1:1: {code} {visible(message)}\n")
    if hint:
        sys.stderr.write(f"  help: {visible(hint)}\n")
    sys.exit(2)


@click.group(cls=Group)
def source() -> None:
    """A map's sources: add one from PDF, HTML, EPUB, Markdown or text, import a Zotero or
    BibTeX library, compare a snapshot with its recorded version."""


@source.command()
@click.argument("document")
@click.option("--id", "source_id", help="The new source's ID (default: author-year-title).")
@click.option("--map", "map_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(), show_default=True, help="The map folder to add the source to.")
@click.option("--kind", type=click.Choice(["pdf", "html", "epub", "markdown", "text"]),
              help="The kind of document (default: from its first bytes, type and name).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a URL's server.")
@click.option("--max-size", type=click.IntRange(min=1), default=50 * 1024 * 1024,
              show_default=True, help="Largest document read or fetched, in bytes.")
def add(document: str, source_id: str | None, map_dir: Path, kind: str | None,
        timeout: float, max_size: int) -> None:
    """Make a text snapshot of DOCUMENT (a file or an http(s) URL) and add it as a source.

    Writes snapshots/ID.txt (pages separated by form feeds for a PDF), its sidecar
    snapshots/ID.txt.json (page labels and each repair of the extracted text), and appends
    a CSL-JSON item with the title, authors, date and URL the document states and the
    snapshot's sha256 to the map's sources.yaml.
    """
    from argmap._ingest.codes import IngestError

    try:
        _add(document, source_id, map_dir, kind, timeout, max_size)
    except IngestError as exc:
        _fail(exc.code, exc.where, exc.message, exc.hint)


def _add(document: str, source_id: str | None, map_dir: Path, kind: str | None,
         timeout: float, max_size: int) -> None:
    from argmap._ingest.convert import convert, sniff
    from argmap._ingest.entry import (
        append_item,
        choose_id,
        item_yaml,
        sidecar_json,
        sidecar_path,
    )
    from argmap._model import ID_PATTERN

    taken, sources_file = _map_sources(map_dir)
    url: str | None = None
    if _URL.match(document):
        from argmap._ingest.fetch import fetch

        fetched = fetch(document, timeout=timeout, max_bytes=max_size)
        data, url, content_type = fetched.data, fetched.url, fetched.content_type
    else:
        data, content_type = _read_document(document, max_size), ""
    kind = kind or sniff(data, document, content_type)
    converted = convert(data, document, kind, url)
    if source_id is None:
        fallback = Path(document.split("?", maxsplit=1)[0].rstrip("/")).stem
        source_id = choose_id(converted.metadata, fallback, taken)
    elif not re.match(ID_PATTERN, source_id):
        _fail("AM420", str(sources_file), f"{source_id!r} is not an ID: use letters, digits "
              "and . _ : - (starting with a letter or digit)")
    elif source_id in taken:
        _fail("AM420", str(sources_file), f"the map already has a source {source_id!r}",
              "choose another --id")
    snapshot = f"snapshots/{source_id}.txt"
    for relative in (snapshot, sidecar_path(snapshot)):
        if (map_dir / relative).exists():
            _fail("AM420", str(map_dir / relative), f"{relative} exists: a snapshot is never "
                  "replaced", "choose another --id, or remove the old file first")
    payload = converted.text.encode("utf-8")
    sha256 = hashlib.sha256(payload).hexdigest()
    made = datetime.now(UTC).date()
    origin = url or Path(document).name
    existing = _read_sources(sources_file)
    item = item_yaml(source_id, converted, snapshot, sha256, made, origin, url)
    (map_dir / "snapshots").mkdir(exist_ok=True)
    _write(map_dir / snapshot, payload)
    if converted.pages is not None or converted.repairs:
        _write(map_dir / sidecar_path(snapshot), sidecar_json(converted, sha256, origin))
    _write(sources_file, append_item(existing, item, SOURCES_HEADER), edits=True)
    pages = f", {len(converted.pages)} pages" if converted.pages else ""
    repairs = f", {len(converted.repairs)} repairs" if converted.repairs else ""
    click.echo(f"added source {source_id!r} ({converted.kind}{pages}{repairs}) to "
               f"{visible(str(sources_file))}")
    click.echo(f"  snapshot {visible(str(map_dir / snapshot))}  sha256 {sha256}")
    stated = {*converted.metadata, *(("URL",) if url else ())}
    missing = [name for name in ("title", "author", "issued") if name not in stated]
    if not stated & {"URL", "DOI", "ISBN"}:
        missing.append("URL, DOI or ISBN")
    if missing:
        click.echo(f"  the document states no {', '.join(missing)}: add "
                   f"{'them' if len(missing) > 1 else 'it'} to the item by hand")


def _map_sources(map_dir: Path) -> tuple[set[str], Path]:
    """The source IDs the map has, and its sources file (which may not exist yet)."""
    from argmap._findings import MapLoadError
    from argmap._load.loader import MAP_FILE_NAMES, SOURCES_FILE_NAMES, load

    if not any((map_dir / name).is_file() for name in MAP_FILE_NAMES):
        _fail("AM102", str(map_dir), "no map in this folder",
              "start one with `argmap new DIR`, or name the map with --map DIR")
    try:
        argmap = load(map_dir)
    except MapLoadError as exc:
        _fail("AM420", str(map_dir), f"the map does not load ({len(exc.findings)} "
              "problems), so no source is added to it", f"`argmap check {map_dir}` shows why")
    sources_file = next((map_dir / name for name in SOURCES_FILE_NAMES
                         if (map_dir / name).is_file()), map_dir / "sources.yaml")
    if sources_file.suffix == ".json":
        _fail("AM420", str(sources_file), "the sources file is JSON: argmap appends only to "
              "YAML (sources.yaml)", "convert it to YAML, or add the item by hand")
    return {s.id for s in argmap.sources}, sources_file


def _read_sources(path: Path) -> str | None:
    """The sources file's text (it loaded with the map, so it is UTF-8), or None."""
    from argmap._load.files import FileRefusedError, read_bytes
    from argmap._load.limits import DEFAULT_LIMITS

    try:
        return read_bytes(path, limit=DEFAULT_LIMITS.max_file_bytes).decode("utf-8")
    except FileRefusedError as exc:
        if exc.kind == "missing":
            return None
        _fail("AM420", str(path), f"the sources file cannot be read: {exc.reason}")


def _read_document(document: str, max_size: int) -> bytes:
    from argmap._load.files import FileRefusedError, read_bytes

    try:
        return read_bytes(document, limit=max_size)
    except FileRefusedError as exc:
        code = "AM101" if exc.kind == "missing" else "AM418"
        reason = f"{exc.reason} (--max-size {max_size:,})" if exc.kind == "too-big" else \
            exc.reason
        _fail(code, document, reason)


def _write(path: Path, content: str | bytes, *, edits: bool = False) -> None:
    """Write whole, or stop with a one-line error. Only the sources file is an edit of an
    input (the command's purpose); a snapshot or sidecar never replaces a file read."""
    from argmap._output.write import write_file
    from argmap.cli.output import write_or_exit

    if not edits:
        write_or_exit(path, content)
        return
    try:
        write_file(path, content)
    except OSError as exc:
        _fail("AM420", str(path), f"cannot write: {exc.strerror or exc}")


@source.command()
@click.argument("source_id", metavar="ID")
@click.option("--map", "map_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(), show_default=True, help="The map folder.")
def diff(source_id: str, map_dir: Path) -> None:
    """Show how a source's snapshot differs from the text its recorded sha256 names.

    The recorded text is looked up in git (any committed version of the snapshot file whose
    bytes have that sha256); the diff is unified, from the recorded text to the file. Exit 0
    when the file still has its recorded hash, 1 when it changed.
    """
    from argmap._ingest.history import DiffResult, snapshot_diff

    result: DiffResult = snapshot_diff(map_dir, source_id)
    if result.error is not None:
        _fail(result.error[0], result.error[1], result.error[2], result.hint)
    click.echo(result.summary)
    if result.diff:
        click.echo(result.diff, nl=False)
    sys.exit(1 if result.changed else 0)


def _register_import() -> None:
    """``argmap source import`` lives in its own module (BibTeX and CSL-JSON merging)."""
    from argmap.cli.sources_import import import_

    source.add_command(import_)


_register_import()
