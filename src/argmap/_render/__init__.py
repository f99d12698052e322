"""Drawing argument maps: DOT built in pure Python, laid out by Graphviz, finished as SVG.

``render(map, format="svg", backend="auto", **view)`` returns the bytes of a drawing. The view
options are those of :class:`View` (``view`` "full" or "overview", ``overview_depth``,
``stubs``, ``titles``, ``section``, ``focus``, ``depth``, ``evidence``,
``sources``, ``rankdir``, ``legend``, ``findings``, ``grounded``, ``tag_colours``, ``wrap``,
``max_label``, ``max_nodes``, ``max_edges``). ``format="dot"`` needs no layout engine at all;
``format="html"`` is the interactive page of ``argmap._html`` around the same drawing.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from argmap._render.backends import BACKENDS, RenderError
from argmap._render.views import View, ViewError

if TYPE_CHECKING:
    from argmap._model import ArgumentMap
    from argmap._render.dot import DotResult

__all__ = ["BACKENDS", "FORMATS", "RenderError", "RenderWarning", "View", "ViewError", "draw_svg",
           "render", "to_dot"]

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot", "html")


class RenderWarning(UserWarning):
    """The drawing was simplified (evidence collapsed) because the map is large."""


def to_dot(argmap: ArgumentMap, **view: Any) -> str:
    """The DOT text of a map: pure Python, byte-identical for the same map and options."""
    return _build(argmap, View.from_options(view)).source


def _build(argmap: ArgumentMap, view: View) -> DotResult:
    from argmap._render.dot import build

    result = build(argmap, view)
    selection = result.selection
    if selection is not None and selection.over(view):
        nodes, edges = selection.node_count, selection.edge_count
        over, option = (
            (f"{nodes} nodes, over the limit of {view.max_nodes}", "--max-nodes")
            if nodes > view.max_nodes
            else (f"{edges} edges, over the limit of {view.max_edges}", "--max-edges")
        )
        raise RenderError(
            f"the view has {over}" + (", even with evidence collapsed" if selection.collapsed
                                      else ""),
            hint="draw a section (--section ID) or a neighbourhood (--focus ID --depth N), "
            f"or raise {option}",
        )
    for note in result.notes:
        warnings.warn(note, RenderWarning, stacklevel=3)
    return result


#: What Graphviz 2.42-2.43's dot (Debian 11-12, Ubuntu 20.04-24.04) prints when its newer
#: ranking fails on a large clustered graph; later versions and the WebAssembly engine do not.
_NEWRANK_FAILURE = "trouble in init_rank"


def _layout(
    argmap: ArgumentMap, view: View, result: DotResult, backend: str
) -> tuple[bytes, DotResult]:
    """Graphviz's SVG for ``result``; on the newrank failure, laid out again without it."""
    from argmap._render.backends import layout_svg
    from argmap._render.dot import build

    try:
        return layout_svg(result.source, backend), result
    except RenderError as exc:
        if _NEWRANK_FAILURE not in str(exc):
            raise
    plain = build(argmap, view, newrank=False)
    warnings.warn(
        "dot failed with its newer ranking (newrank), a known fault of Graphviz 2.42-2.43 on "
        "large clustered maps; drawn with the classic ranking (the layout may differ)",
        RenderWarning,
        stacklevel=3,
    )
    return layout_svg(plain.source, backend), plain


def draw_svg(argmap: ArgumentMap, view: View, backend: str = "auto") -> bytes:
    """The finished SVG of ``argmap`` under ``view`` (what ``render(format="svg")`` returns)."""
    from argmap._render.svg import finish

    laid_out, result = _layout(argmap, view, _build(argmap, view), backend)
    return finish(laid_out, result.emphasis)


def render(
    argmap: ArgumentMap, format: str = "svg", *, backend: str = "auto", **view: Any
) -> bytes:
    """A drawing of ``argmap`` as SVG, PNG, PDF, DOT or HTML bytes.

    ``format="html"`` checks the map with the default configuration (or shows the
    ``findings`` given) and returns the self-contained interactive page (docs/render.md).

    Raises :class:`RenderError` (with a ``hint``) when no engine or converter can make the
    format, :class:`ViewError` for a view the map cannot satisfy, and :class:`TypeError` for
    an unknown option.
    """
    if format not in FORMATS:
        msg = f"unknown format {format!r}: use {', '.join(FORMATS)}"
        raise RenderError(msg)
    chosen = View.from_options(view)
    if format == "html":
        from argmap._html import render_html

        return render_html(argmap, chosen, backend)
    result = _build(argmap, chosen)
    if format == "dot":
        return str(result.source).encode("utf-8")
    from argmap._render.backends import svg_to_pdf, svg_to_png
    from argmap._render.svg import finish

    laid_out, result = _layout(argmap, chosen, result, backend)
    svg = finish(laid_out, result.emphasis, result.legend)
    if format == "png":
        return svg_to_png(svg)
    if format == "pdf":
        return svg_to_pdf(svg)
    return svg

