"""A source URL that is not a well-formed http or https address.

Rendered maps and reports turn a source's ``URL`` into a link. ``javascript:``, ``data:``,
``file:`` and any other scheme can run code or read local files when clicked, so only
``http`` and ``https`` are allowed; a URL with no scheme, no host, or spaces in it is
malformed and would not lead anywhere.

FAIL::

    sources:
      - {id: S1, title: City report, URL: "javascript:alert(1)"}

PASS::

    sources:
      - {id: S1, title: City report, URL: "https://example.org/report"}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap._engine.context import Problem, RuleContext
from argmap._findings import Severity
from argmap._recache import recompile
from argmap._verify.anchor import shorten

CODE = "AM409"
ID = "unsafe-url"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}

_SCHEME = recompile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_BAD_CHARACTERS = recompile(r"[\s\x00-\x1f\x7f<>\"\\]")


def problem(url: str) -> str | None:
    """Why a URL is unsafe or malformed, or None when it is a plain http(s) address.

    >>> problem("https://example.org/a?b=1"), problem("javascript:alert(1)")
    (None, "its scheme 'javascript:' is not http or https")
    """
    from urllib.parse import urlsplit

    scheme = _SCHEME.match(url)
    if scheme is None:
        return "it has no scheme (it must start with https:// or http://)"
    name = scheme.group(1).lower()
    if name not in ("http", "https"):
        return f"its scheme {scheme.group(1) + ':'!r} is not http or https"
    if _BAD_CHARACTERS.search(url):
        return "it contains spaces, control characters or characters a URL cannot hold"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return f"it is malformed ({exc})"
    if not url[len(name) + 1:].startswith("//") or not host:
        return "it has no host (write scheme://host/path)"
    return None


def check(ctx: RuleContext) -> Iterator[Problem]:
    for source in ctx.sources.values():
        if source.url is None:
            continue
        why = problem(source.url)
        if why is None:
            continue
        yield Problem(
            f"the URL of source {source.id!r} is unsafe or malformed: {why}: "
            f"{shorten(source.url, 80)!r}",
            node=source.id,
            kind="sources",
            field=("URL",),
            hint="give the source's web address as https://... (or http://...)",
            data={"source": source.id, "url": source.url, "problem": why},
        )
