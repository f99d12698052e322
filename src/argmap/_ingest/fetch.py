"""Fetching a URL for a snapshot: http(s) only, a timeout, a size cap, at most five redirects.

The standard library's urllib does the work; its redirect handler is replaced by one that
counts and checks the scheme of every hop, so a page cannot redirect to ``file:`` or loop.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPMessage
from typing import IO, Any

from argmap._ingest.codes import FETCH_REFUSED, IngestError
from argmap._record import record

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "MAX_REDIRECTS", "Fetched", "fetch"]

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_AGENT = "argmap-source-add (+https://github.com/argmap/argmap)"


@record
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Counts redirects and checks each target's scheme before urllib follows it."""

    max_redirections = MAX_REDIRECTS + 1  # urllib's own limits never come first
    max_repeats = MAX_REDIRECTS + 1

    def __init__(self, where: str) -> None:
        self.where = where
        self.count = 0

    def http_error_302(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                       msg: str, headers: HTTPMessage) -> IO[bytes] | None:
        target = headers.get("Location") or headers.get("URI")
        if target:
            self.count += 1
            try:
                if self.count > MAX_REDIRECTS:
                    raise IngestError(FETCH_REFUSED, f"more than {MAX_REDIRECTS} redirects",
                                      self.where)
                _check_scheme(urllib.parse.urljoin(req.full_url, target), self.where)
            except IngestError:
                fp.close()  # the redirect's own response, which is not followed
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_scheme(url: str, where: str) -> None:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in _SCHEMES:
        raise IngestError(FETCH_REFUSED, f"only http and https URLs are fetched, not "
                          f"{scheme or 'a relative URL'!r}", where)


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT,
          max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """The body of ``url`` (at most ``max_bytes``), its final URL and its content type."""
    _check_scheme(url, url)
    opener = urllib.request.build_opener(_Redirects(url))
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT, "Accept": "*/*"})  # noqa: S310 - scheme checked above
    try:
        with opener.open(request, timeout=timeout) as response:
            return _read(response, url, max_bytes)
    except IngestError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise IngestError(FETCH_REFUSED, f"the server answered {exc.code} {exc.reason}",
                          url) from None
    except urllib.error.URLError as exc:
        raise IngestError(FETCH_REFUSED, f"cannot fetch: {exc.reason}", url) from None
    except TimeoutError:
        raise IngestError(FETCH_REFUSED, f"no answer within {timeout:g} s (--timeout)",
                          url) from None
    except (OSError, ValueError) as exc:
        raise IngestError(FETCH_REFUSED, f"cannot fetch: {exc}", url) from None


def _read(response: Any, url: str, max_bytes: int) -> Fetched:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise IngestError(FETCH_REFUSED, f"the document is {int(length):,} bytes, over the "
                          f"limit of {max_bytes:,} (--max-size)", url)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(min(1 << 16, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise IngestError(FETCH_REFUSED, f"the document is over the limit of "
                              f"{max_bytes:,} bytes (--max-size)", url)
    content_type = response.headers.get_content_type() or ""
    return Fetched(response.geturl(), content_type, b"".join(chunks))
