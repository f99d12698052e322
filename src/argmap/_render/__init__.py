"""Drawing argument maps: DOT built in pure Python, laid out by Graphviz, finished as SVG.

``render(map, format="svg", backend="auto", **view)`` returns the bytes of a drawing. The view
options are those of :class:`View` (``view`` "full" or "overview", ``overview_depth``,
``stubs``, ``titles``, ``section``, ``focus``, ``depth``, ``evidence``,
``sources``, ``rankdir``, ``legend``, ``findings``, ``grounded``, ``tag_colours``, ``wrap``,
``max_label``, ``max_nodes``, ``max_edges``). ``format="dot"`` needs no layout engine at all;
``format="html"`` is the interactive page of ``argmap._html`` around the same drawing.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap._render.backends import BACKENDS, RenderError
from argmap._render.views import View, ViewError

if TYPE_CHECKING:
    from argmap._model import ArgumentMap
    from argmap._render.dot import DotResult

__all__ = ["BACKENDS", "FORMATS", "Drawing", "RenderError", "RenderWarning", "View", "ViewError",
           "draw_svg", "prepare", "render", "to_dot"]

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot", "html")


class RenderWarning(UserWarning):
    """The drawing was simplified (evidence collapsed) because the map is large."""


def to_dot(argmap: ArgumentMap, **view: Any) -> str:
    """The DOT text of a map: pure Python, byte-identical for the same map and options."""
    return _build(argmap, View.from_options(view)).source


def _build(argmap: ArgumentMap, view: View, stacklevel: int = 3) -> DotResult:
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
        warnings.warn(note, RenderWarning, stacklevel=stacklevel)
    return result


#: What Graphviz 2.42-2.43's dot (Debian 11-12, Ubuntu 20.04-24.04) prints when its newer
#: ranking fails on a large clustered graph; later versions and the WebAssembly engine do not.
_NEWRANK_FAILURE = "trouble in init_rank"


def _layout(result: DotResult, backend: str, stacklevel: int = 3) -> bytes:
    """Graphviz's SVG for ``result``; on the newrank failure, laid out again without it.

    The classic DOT comes from ``result`` itself (:meth:`DotResult.classic_source`), so the
    map is not needed here and its caller may have let it go.
    """
    from argmap._render.backends import layout_svg

    try:
        return layout_svg(result.source, backend)
    except RenderError as exc:
        classic = result.classic_source()
        if _NEWRANK_FAILURE not in str(exc) or classic is None:
            raise
    warnings.warn(
        "dot failed with its newer ranking (newrank), a known fault of Graphviz 2.42-2.43 on "
        "large clustered maps; drawn with the classic ranking (the layout may differ)",
        RenderWarning,
        stacklevel=stacklevel,
    )
    return layout_svg(classic, backend)


def draw_svg(argmap: ArgumentMap, view: View, backend: str = "auto") -> bytes:
    """The finished SVG of ``argmap`` under ``view`` (what ``render(format="svg")`` returns)."""
    from argmap._render.svg import finish

    result = _build(argmap, view)
    return finish(_layout(result, backend), result.emphasis)


@dataclass
class Drawing:
    """A drawing whose DOT is built: all the layout and the finishing step need, and no longer
    the map, so a caller that lets the map go (``argmap render``) does not hold it, nor the
    builder's selection, while Graphviz and the SVG pass run (docs/render.md, "Memory")."""

    format: str
    backend: str
    result: DotResult

    def draw(self, *, stacklevel: int = 2) -> bytes:
        """The bytes of the drawing: DOT, or laid out, finished and converted."""
        if self.format == "dot":
            return self.result.source.encode("utf-8")
        from argmap._render.backends import svg_to_pdf, svg_to_png
        from argmap._render.svg import finish

        result = self.result
        svg = finish(_layout(result, self.backend, stacklevel + 1), result.emphasis,
                     result.legend)
        if self.format == "png":
            return svg_to_png(svg)
        if self.format == "pdf":
            return svg_to_pdf(svg)
        return svg


def prepare(argmap: ArgumentMap, format: str = "svg", *, backend: str = "auto",
            **view: Any) -> Drawing:
    """The DOT of a drawing built, layout not yet run: ``prepare(...).draw()`` is
    ``render(...)`` for every format but ``html``. Raises as :func:`render` does."""
    if format not in FORMATS or format == "html":
        msg = f"unknown format {format!r}: use {', '.join(f for f in FORMATS if f != 'html')}"
        raise RenderError(msg)
    return _prepare(argmap, format, backend, View.from_options(view))


def _prepare(argmap: ArgumentMap, format: str, backend: str, view: View) -> Drawing:
    result = _build(argmap, view, stacklevel=4)
    return Drawing(format, backend, dataclasses.replace(result, selection=None))


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
    return Drawing(format, backend, result).draw(stacklevel=3)
