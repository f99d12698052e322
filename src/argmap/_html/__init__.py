"""The interactive HTML map: one self-contained page, no network, tested in a real browser.

``render_html(map, view, backend)`` checks the map (or takes a finished check), draws it with
Graphviz as the SVG renderer does, and writes one HTML file that holds the drawing, the data the
reader can open (claims, evidence with the snapshot text around each quote, grounded status and
its reason, findings) and a small script (``assets/viewer.js``) that shows and hides claims on
the fixed Graphviz layout, pans, zooms, searches and opens claims. See docs/render.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap._engine.context import RuleContext
    from argmap._findings import Finding
    from argmap._model import ArgumentMap
    from argmap._render.views import View

__all__ = ["notebook_frame", "render_html"]


def render_html(
    argmap: ArgumentMap,
    view: View,
    backend: str = "auto",
    checked: tuple[list[Finding], RuleContext] | None = None,
) -> bytes:
    """The HTML page of ``argmap``; ``checked`` is a finished check (findings, context), else
    the map is checked here with the default configuration.

    The whole map's page has two pictures: the overview (``View(view="overview")``), where it
    starts, and the whole map, on whose fixed layout claims are shown and hidden; a section or
    neighbourhood view has the second only. Both mark the findings on their nodes; evidence drawn
    as nodes (``evidence="show"``, the default) becomes a count on each claim, as the claim
    panel shows every evidence item in full.
    """
    import dataclasses

    from argmap._engine.run import check_context
    from argmap._html.data import page_data
    from argmap._html.page import page
    from argmap._html.svg import prepare_svg
    from argmap._render import draw_svg
    from argmap._render.views import select

    findings, ctx = checked if checked is not None else check_context(argmap)
    if view.findings:
        findings = list(view.findings)
    evidence = "count" if view.evidence == "show" else view.evidence
    drawn = dataclasses.replace(view, findings=tuple(findings), evidence=evidence)
    drawn = dataclasses.replace(drawn, view="full")
    whole = view.section is None and view.focus is None
    overview = dataclasses.replace(drawn, view="overview", evidence="hide")
    start = [c.id for c in select(argmap, overview).claims] if whole else []
    # the whole map first: a map too large to draw is refused before any other layout runs
    whole_map = prepare_svg(draw_svg(argmap, drawn, backend), argmap, "map")
    pictures: dict[str, str] = {}
    if start:  # first in the page: what a reader without JavaScript sees
        pictures["overview"] = prepare_svg(draw_svg(argmap, overview, backend), argmap,
                                           "overview")
    pictures["map"] = whole_map
    data: dict[str, Any] = page_data(ctx, findings)
    # the whole map starts from the overview's claims; a section or neighbourhood from all
    data["overview"] = start or list(dict.fromkeys(c.id for c in argmap.claims))
    data["pictures"] = list(pictures)
    return page(argmap.title, pictures, data).encode("utf-8")


def notebook_frame(argmap: ArgumentMap) -> str | None:
    """The page for Jupyter: the ``srcdoc`` of an ``<iframe sandbox="allow-scripts">``.

    In the frame the page's own Content-Security-Policy applies, it cannot reach the notebook
    (no ``allow-same-origin``) and it fetches nothing. When the page cannot be made (no layout
    engine, a map too large to draw) this returns None, and Jupyter shows the SVG instead.
    """
    from argmap._html.escape import document_attribute
    from argmap._render import RenderError, ViewError, render

    try:
        page = render(argmap, "html").decode("utf-8")
    except (RenderError, ViewError):
        return None
    return (
        '<iframe sandbox="allow-scripts" referrerpolicy="no-referrer" title="argument map" '
        'width="100%" height="640" '
        f'srcdoc="{document_attribute(page)}"></iframe>'
    )
