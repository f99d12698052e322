"""The HTML map without a browser: what the file holds, how it is escaped, how it is made.

A page is safe when an HTML parser finds in it exactly the elements of argmap's template and
of Graphviz's SVG, no event handler and no link, two scripts (the JSON data block and the
script the Content-Security-Policy allows by hash), and the map's strings back, character
for character, from the JSON. That is checked over the bad-input corpus and over hostile maps
drawn by hypothesis. The browser tests (``test_html_browser.py``) check what a reader does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap._findings import MapLoadError
from argmap._html.escape import json_block, text
from argmap._html.page import asset
from argmap._model import ArgumentMap
from argmap._render import RenderError
from argmap._render.views import View as _View
from argmap._render.views import select
from hostile import hostile_map_data

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "bad-inputs"
PAPER = ROOT / "claims" / "fiia-298"

#: The template's elements (page.py) and what the script adds (viewer.js).
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "div", "label", "input",
    "span", "ul", "nav", "button", "main", "aside", "p", "section", "h2", "fieldset",
    "legend", "select", "ol", "noscript", "script",
}
#: What Graphviz writes (and argmap's SVG finishing keeps).
SVG_TAGS = {"svg", "g", "title", "path", "polygon", "polyline", "ellipse", "text", "tspan", "a"}


def start_claims(m: argmap.ArgumentMap) -> list[str]:
    """The claims the page starts on: those the overview draws."""
    return [c.id for c in select(m, _View(view="overview")).claims]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.title = ""
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else ""
        if where == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif where == "style":
            self.styles.append(data)
        elif where == "title" and "svg" not in self._open:
            self.title += data


def assert_safe_page(page: str, m: ArgumentMap) -> dict[str, Any]:
    """The checks of the module docstring; returns the page's data."""
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    tags = {tag for tag, _ in parsed.tags}
    assert tags <= PAGE_TAGS | SVG_TAGS, tags - PAGE_TAGS - SVG_TAGS
    for tag, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "href" not in attrs, (tag, attrs)
        assert "xlink:href" not in attrs, (tag, attrs)
        assert "src" not in attrs, (tag, attrs)
    assert [a for a, _ in parsed.scripts] == [
        {"type": "application/json", "id": "argmap-data"}, {},
    ]
    policy = next(a["content"] for t, a in parsed.tags if a.get("http-equiv"))
    assert policy is not None
    script = parsed.scripts[1][1]
    assert _hash(script) in policy
    assert _hash(parsed.styles[0]) in policy
    data: dict[str, Any] = json.loads(parsed.scripts[0][1])
    assert data["title"] == m.title
    first = {}
    for claim in m.claims:
        first.setdefault(claim.id, claim)
    assert [(c["id"], c["text"]) for c in data["claims"]] == [
        (c.id, c.text) for c in first.values()
    ]
    assert parsed.title == text(m.title).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
    return data


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _loadable_cases() -> list[str]:
    """The corpus cases that are drawn (``render``) or whose outputs are checked, and load."""
    names = []
    for case in sorted(p for p in CORPUS.iterdir() if (p / "expected.json").is_file()):
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        if not (expected.get("render") or "outputs" in expected):
            continue
        try:
            argmap.load(case)
        except MapLoadError:
            continue
        names.append(case.name)
    return names


@pytest.mark.parametrize("case", _loadable_cases())
def test_bad_input_corpus_pages_are_inert(case: str) -> None:
    m = argmap.load(CORPUS / case)
    if case == "render-dense-relations":  # refused, as the SVG is
        with pytest.raises(RenderError, match="over the limit"):
            argmap.render(m, "html")
        return
    assert_safe_page(argmap.render(m, "html").decode("utf-8"), m)


def test_corpus_has_loadable_hostile_cases() -> None:
    """The corpus test above leaves out maps that do not load; the markup cases must load."""
    for case in ("html-label-injection", "svg-script-injection", "svg-url-injection",
                 "report-markdown-injection"):
        assert case in _loadable_cases()
        argmap.load(CORPUS / case)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=hostile_map_data(allow_controls=True))
def test_hostile_maps_give_inert_pages(data: dict[str, Any]) -> None:
    m = ArgumentMap.model_validate(data)
    try:
        page = argmap.render(m, "html").decode("utf-8")
    except RenderError:
        return
    assert_safe_page(page, m)


def test_json_block_cannot_close_its_script() -> None:
    hostile = "</script><script>alert(1)</script><!-- \u2028 & </SCRIPT"
    block = json_block({"t": hostile})
    for character in "<>&":
        assert character not in block
    assert "\u2028" not in block
    assert json.loads(block) == {"t": hostile}


def test_script_builds_no_markup_from_strings() -> None:
    """The script puts text into the page only as text nodes: no HTML sinks at all."""
    script = asset("viewer.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute(\"on", "createContextualFragment", "srcdoc"):
        assert sink not in script, sink


def test_paper_page() -> None:
    m = argmap.load(PAPER)
    page = argmap.render(m, "html").decode("utf-8")
    data = assert_safe_page(page, m)
    assert data["overview"] == start_claims(m)
    theses = [c.id for c in m.claims if c.kind == "thesis"]
    assert set(theses) <= set(data["overview"]) < {c.id for c in m.claims}
    anchored = [e["anchor"] for e in data["evidence"].values() if "span" in e.get("anchor", {})]
    assert anchored
    snapshots = {s.id: s for s in m.sources}
    for anchor in anchored[:20]:
        source = snapshots[anchor["snapshot"]]
        assert source.snapshot is not None
        snapshot = (PAPER / source.snapshot.path).read_text(encoding="utf-8")
        whole = anchor["before"] + anchor["span"] + anchor["after"]
        assert whole in snapshot.replace("\r\n", "\n") or whole in snapshot
        assert snapshot.find(anchor["span"]) >= 0
    out = [c for c in data["claims"] if c["status"]["label"] != "in"]
    assert all(c["status"]["reason"] for c in out if c["status"]["chain"])
    assert page == argmap.render(m, "html").decode("utf-8")  # byte-identical


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(PAPER), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert re.search(r"Content-Security-Policy\" content=\"default-src 'none';", page)
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(PAPER), "-f", "html", "-o",
         str(tmp_path / "map.svg")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "--format html would write HTML" in result.stderr


def test_notebook_shows_the_page_in_a_sandboxed_frame_else_the_svg(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = ArgumentMap.model_validate(
        {"title": "t <b>", "claims": [{"id": "T1", "kind": "thesis", "text": "a \"b\" <i>"}]}
    )
    frame = m._repr_html_()
    assert frame is not None
    assert frame.startswith('<iframe sandbox="allow-scripts" ')
    assert "allow-same-origin" not in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None
    import html

    assert_safe_page(html.unescape(srcdoc.group(1)), m)

    def fail(*_args: object, **_kwargs: object) -> bytes:
        raise RenderError("no engine")

    monkeypatch.setattr("argmap._render.render", fail)
    assert m._repr_html_() is None
    monkeypatch.undo()
    assert m._repr_svg_().startswith("<?xml")
