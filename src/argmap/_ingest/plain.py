"""Plain text and Markdown to snapshot.

Plain text is kept as it is (UTF-8, line ends made ``\\n``). Markdown keeps its words and
loses its markup, so that a quote copied from the rendered page anchors: emphasis markers,
heading marks, link targets, images, HTML tags and code fences go; a YAML front matter block
gives the title, authors and date and is not part of the snapshot.
"""

from __future__ import annotations

import re
from typing import Any

from argmap._ingest.codes import DOCUMENT_UNREADABLE, IngestError
from argmap._ingest.document import Document
from argmap._ingest.meta import csl_date, names

__all__ = ["convert_markdown", "convert_text", "decode"]

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MARKUP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*$|^~~~.*$", re.MULTILINE), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE), ""),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"^#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\n{3,}"), "\n\n"),
)


def decode(data: bytes, where: str) -> str:
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise IngestError(DOCUMENT_UNREADABLE, f"the file is not UTF-8 text (byte "
                          f"{exc.start})", where, "convert it to UTF-8 first") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def convert_text(data: bytes, where: str) -> Document:
    text = decode(data, where)
    if not text.strip():
        raise IngestError(DOCUMENT_UNREADABLE, "the file is empty", where)
    return Document(text if text.endswith("\n") else text + "\n", "text", {"type": "document"})


def convert_markdown(data: bytes, where: str) -> Document:
    text = decode(data, where)
    metadata: dict[str, Any] = {"type": "document"}
    front = _FRONT.match(text)
    if front:
        metadata.update(_front_matter(front.group(1)))
        text = text[front.end():]
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    text = text.strip()
    if not text:
        raise IngestError(DOCUMENT_UNREADABLE, "the Markdown file has no text", where)
    return Document(text + "\n", "markdown", metadata)


def _front_matter(block: str) -> dict[str, Any]:
    """Title, author(s) and date from a YAML front matter; anything unreadable is skipped."""
    import yaml_rs

    try:
        data = yaml_rs.loads(block)
    except Exception:  # noqa: BLE001 - a broken front matter only costs its metadata
        return {}
    if not isinstance(data, dict):
        return {}
    found: dict[str, Any] = {}
    if isinstance(data.get("title"), str):
        found["title"] = data["title"].strip()
    authors = data.get("author", data.get("authors"))
    if isinstance(authors, str):
        found["author"] = names(authors, split=True)
    elif isinstance(authors, list):
        found["author"] = names([a for a in authors if isinstance(a, str)])
    if "date" in data:
        issued = csl_date(str(data["date"]))
        if issued:
            found["issued"] = issued
    return {key: value for key, value in found.items() if value}
