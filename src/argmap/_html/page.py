"""The HTML page: one file, its script and style inline, allowed by hash and nothing else.

The Content-Security-Policy forbids every fetch (``default-src 'none'``: no scripts, styles,
images, fonts, frames or connections from anywhere) and allows exactly the page's own script
and stylesheet by their SHA-256, so even markup that slipped into the page could not run or
load anything. The page needs no server: it works from ``file://``, from an e-mail attachment,
and inside a sandboxed Jupyter frame.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources
from typing import Any

from argmap._html.escape import json_block, text

__all__ = ["asset", "csp", "page"]


def asset(name: str) -> str:
    """A file of ``argmap/_html/assets`` (the page's script and stylesheet)."""
    return resources.files("argmap._html").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(script: str, style: str) -> str:
    """The policy: nothing may be fetched; only this script and this stylesheet run."""
    return (
        "default-src 'none'; "
        f"script-src {_sha256(script)}; "
        f"style-src {_sha256(style)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def page(title: str, pictures: dict[str, str], data: dict[str, Any]) -> str:
    """The whole document. ``pictures``: name -> prepared SVG; ``data``: the page's JSON."""
    script = asset("viewer.js")
    style = asset("viewer.css")
    for source, closer in ((script, "</script"), (style, "</style")):
        if closer in source.lower():  # the assets are ours; this guards an edit, not input
            msg = f"an inline asset contains {closer}"
            raise ValueError(msg)
    shown = text(title)
    figures = "\n".join(
        f'<div class="frame" data-frame="{text(name)}"{"" if i == 0 else " hidden"}>{svg}</div>'
        for i, (name, svg) in enumerate(pictures.items())
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp(script, style)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{shown}</title>
<style>{style}</style>
</head>
<body>
<header id="bar">
<h1 id="map-title">{shown}</h1>
<div id="find" role="search">
<label for="search">Find a claim</label>
<input id="search" type="search" placeholder="ID or words" autocomplete="off" \
aria-controls="results" aria-describedby="search-help">
<span id="search-help" class="hint">Enter opens the first match</span>
<ul id="results" aria-label="matching claims" hidden></ul>
</div>
<nav id="tools" aria-label="map controls">
<button type="button" id="show-overview" title="Back to the overview">Overview</button>
<button type="button" id="show-all" title="Show every claim">Show all</button>
<button type="button" id="fit" title="Fit the shown claims to the window (key 0)">Fit</button>
<button type="button" id="zoom-in" title="Zoom in (key +)" aria-label="zoom in">+</button>
<button type="button" id="zoom-out" title="Zoom out (key -)" aria-label="zoom out">&#x2212;</button>
<button type="button" id="findings-toggle" aria-expanded="false" aria-controls="findings">\
Findings</button>
<span id="status" role="status" aria-live="polite"></span>
</nav>
</header>
<main id="viewport" aria-label="argument map: drag to pan, wheel or + and - to zoom; \
Tab to a claim, Enter opens it, E shows or hides its supports and attacks">
{figures}
</main>
<aside id="panel" aria-label="claim details" tabindex="-1">
<p class="hint" id="panel-empty">Choose a claim (click it, or Tab to it and press Enter) to \
see its text, status, figures, evidence and findings.</p>
<div id="panel-body"></div>
</aside>
<section id="findings" aria-label="findings" hidden>
<h2>Findings</h2>
<fieldset id="severity-filter"><legend>Severity</legend></fieldset>
<label for="rule-filter">Rule</label> <select id="rule-filter"></select>
<ol id="findings-list"></ol>
</section>
<noscript><p>The picture above is the map; the claim details, search and findings need \
JavaScript.</p></noscript>
<script type="application/json" id="argmap-data">{json_block(data)}</script>
<script>{script}</script>
</body>
</html>
"""
