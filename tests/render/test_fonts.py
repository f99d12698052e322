"""The shipped font: labels fit their boxes, PNG and PDF draw with it, the PDF embeds it.

The map ``wide`` has long labels in wide letters, full of figures (set in bold after layout)
and Greek and Cyrillic words (outside Graphviz's width tables): on the renderer before the
shipped font, its text ran out of the boxes on every backend.
"""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap._render import metrics
from argmap._render.backends import layout_svg, svg_to_png

from .helpers import MAPS, SVG, need_dot

BACKENDS = ["wasm", "dot"]
#: Liberation Sans' ascent and descent (hhea), as fractions of the font size.
ASCENT, DESCENT = 1854 / 2048, 434 / 2048
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def use(backend: str) -> str:
    """The backend's name, once it is known to be there (dot: skipped without it, not in CI)."""
    if backend == "dot":
        need_dot()
    return backend


@pytest.fixture(scope="module")
def wide() -> argmap.ArgumentMap:
    return argmap.load(MAPS / "wide")


def box(group: ET.Element) -> tuple[float, float, float, float]:
    """The innermost outline of a node (the smallest polygon or path): x0, y0, x1, y1."""
    found = outline(group)
    assert found is not None, ET.tostring(group)
    return found


def outline(group: ET.Element) -> tuple[float, float, float, float] | None:
    """As :func:`box`; None for a node drawn without one (legend words, points)."""
    outlines = []
    for shape in group.iter():
        if shape.tag == f"{SVG}polygon":
            numbers = [float(n) for n in _NUMBER.findall(shape.get("points", ""))]
        elif shape.tag == f"{SVG}path":
            numbers = [float(n) for n in _NUMBER.findall(shape.get("d", ""))]
        else:
            continue
        xs, ys = numbers[0::2], numbers[1::2]
        outlines.append((min(xs), min(ys), max(xs), max(ys)))
    if not outlines:
        return None
    return min(outlines, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))


def extent(text: ET.Element) -> tuple[float, float, float, float]:
    """Where a <text> is drawn, measured with the shipped font (bold runs in bold)."""
    size = float(text.get("font-size", "14"))
    width = metrics.text_width(text.text or "", size)
    for run in text:
        width += metrics.text_width(run.text or "", size, bold=run.get("font-weight") == "bold")
        width += metrics.text_width(run.tail or "", size)
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    anchor = text.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return left, y - ASCENT * size, left + width, y + DESCENT * size


def boxed(group: ET.Element) -> bool:
    return "node" in (group.get("class") or "").split() and outline(group) is not None


def nodes(svg: bytes) -> list[ET.Element]:
    """The nodes drawn in a box (claims, evidence, legend swatches), in document order."""
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return [g for g in root.iter(f"{SVG}g") if boxed(g)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_line_lies_inside_its_box(wide: argmap.ArgumentMap, backend: str) -> None:
    svg = argmap.render(wide, "svg", backend=use(backend))
    checked = 0
    for group in nodes(svg):
        x0, y0, x1, y1 = box(group)
        for text in group.iter(f"{SVG}text"):
            left, top, right, bottom = extent(text)
            where = f"{group.get('id')}: {''.join(text.itertext())!r}"
            across, down = f"{left:.1f}-{right:.1f}", f"{top:.1f}-{bottom:.1f}"
            assert x0 <= left, f"{where} spans {across}, box {x0}-{x1}"
            assert right <= x1, f"{where} spans {across}, box {x0}-{x1}"
            assert y0 <= top, f"{where} spans {down}, box {y0}-{y1}"
            assert bottom <= y1, f"{where} spans {down}, box {y0}-{y1}"
            checked += 1
    assert checked >= 15
    assert svg.count(b'font-weight="bold"') >= 15  # the figures are bold


def _without_node_text(svg: bytes) -> bytes:
    ET.register_namespace("", SVG[1:-1])
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    for group in root.iter(f"{SVG}g"):
        if not boxed(group):
            continue
        for parent in list(group.iter()):
            for text in parent.findall(f"{SVG}text"):
                parent.remove(text)
    return ET.tostring(root)


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_text_pixel_falls_outside_its_box(wide: argmap.ArgumentMap, backend: str) -> None:
    """The pixels that text changes, from the finished PNG, all lie inside node boxes."""
    from PIL import Image, ImageChops, ImageDraw

    svg = argmap.render(wide, "svg", backend=use(backend))
    scale = 2.0
    with_text = Image.open(io.BytesIO(svg_to_png(svg, scale))).convert("L")
    blank = Image.open(io.BytesIO(svg_to_png(_without_node_text(svg), scale))).convert("L")
    changed = ImageChops.difference(with_text, blank).point(lambda v: 255 if v > 24 else 0)
    assert changed.getbbox() is not None  # there is text at all
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    graph = root.find(f"{SVG}g")
    assert graph is not None
    tx, ty = (float(n) for n in re.findall(r"translate\(([-\d.]+) ([-\d.]+)\)",
                                           graph.get("transform", ""))[0])
    pixels = scale * 4 / 3  # points_to_pixels: 1 pt = 4/3 px, then the zoom
    outside = Image.new("L", changed.size, 255)
    draw = ImageDraw.Draw(outside)
    for group in nodes(svg):
        x0, y0, x1, y1 = box(group)
        draw.rectangle([(x0 + tx) * pixels - 1, (y0 + ty) * pixels - 1,
                        (x1 + tx) * pixels + 1, (y1 + ty) * pixels + 1], fill=0)
    stray = ImageChops.multiply(changed, outside).getbbox()
    assert stray is None, f"text pixels outside every box, within {stray} (px)"


def test_png_does_not_depend_on_the_system_fonts(wide: argmap.ArgumentMap) -> None:
    """What resvg draws with the shipped font alone is what argmap's PNG is."""
    import resvg_py

    from argmap._render.backends import _drawing_fonts
    from argmap._render.svg import points_to_pixels

    svg = argmap.render(wide, "svg", backend="wasm")
    alone = resvg_py.svg_to_bytes(
        svg_string=points_to_pixels(_drawing_fonts(svg)).decode(), background="white",
        zoom=2.0, font_family="Liberation Sans", sans_serif_family="Liberation Sans",
        font_files=[str(p) for p in metrics.FONT_FILES.values()], skip_system_fonts=True)
    assert svg_to_png(svg) == bytes(alone)
    assert argmap.render(wide, "png", backend="wasm") == svg_to_png(svg)


def test_graphviz_sizes_latin_text_with_the_shipped_font_widths() -> None:
    """The reason this font was chosen: the WebAssembly Graphviz's box is the font's width
    for ASCII (other characters it guesses, one reason nodes are told their measured width)."""
    for label in ["a better world WWW mmm iii", "EUR 2.4 million, (quoted) - dash...",
                  "{[|]} ~^_` @#$%&*+=<> !?;:/ 0123456789"]:
        source = (f'digraph {{ node [shape=box fontname="Helvetica" fontsize=12 margin=0 '
                  f'width=0 height=0]; a [label="{label}"] }}')
        group = nodes(layout_svg(source, "wasm"))[0]
        x0, _, x1, _ = box(group)
        assert x1 - x0 == pytest.approx(metrics.text_width(label, 12), abs=0.01)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
       st.booleans())
def test_widths_agree_with_reportlab(value: str, bold: bool) -> None:
    """metrics.py's struct reading against reportlab's own TrueType parser."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "ArgmapSansTest-Bold" if bold else "ArgmapSansTest"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(metrics.FONT_FILES[bold])))
    expected = pdfmetrics.stringWidth(value, name, 12)
    assert metrics.text_width(value, 12, bold=bold) == pytest.approx(expected, abs=1e-6)


def test_findings_badge_keeps_the_figures_bold() -> None:
    """The badge line used to push the bold range one line up, losing the last line's."""
    bike = argmap.load(MAPS.parents[2] / "examples" / "bike-lanes")
    plain = argmap.render(bike, "svg", backend="wasm")
    marked = argmap.render(bike, "svg", backend="wasm", findings=argmap.check(bike))
    assert b"AM305" in marked
    assert marked.count(b'font-weight="bold"') == plain.count(b'font-weight="bold"') >= 8


def _pdf_fonts(reader: Any) -> dict[str, list[str]]:
    fonts: dict[str, list[str]] = {}
    for page in reader.pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            files = [k for k in descriptor.get_object() if k.startswith("/FontFile")] \
                if descriptor is not None else []
            fonts[str(font["/BaseFont"])] = files
    return fonts


@pytest.mark.parametrize("backend", BACKENDS)
def test_pdf_embeds_every_font_and_keeps_the_space_after_bold(backend: str) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra")
    bike = argmap.load(MAPS.parents[2] / "examples" / "bike-lanes")
    pdf = argmap.render(bike, "pdf", backend=use(backend))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = _pdf_fonts(reader)
    assert fonts, "the PDF names no font"
    assert all(files for files in fonts.values()), fonts
    assert {name.split("+")[-1] for name in fonts} == {"LiberationSans", "LiberationSans-Bold"}
    text = reader.pages[0].extract_text()
    assert "At EUR 2.4 million the lane cost" in text
    assert "EUR 1.5 million, so the city paid" in text
    assert "only EUR 0.9 million." in text
    assert argmap.render(bike, "pdf", backend=backend) == pdf  # reproducible


def test_pdf_runs_do_not_overlap(wide: argmap.ArgumentMap) -> None:
    """Each run of a line starts where the run before it ends, in the font it is drawn in
    (before, the text after a bold figure started inside the figure)."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in the test extra")
    reader = pypdf.PdfReader(io.BytesIO(argmap.render(wide, "pdf", backend="wasm")))
    lines: dict[tuple[float, ...], list[tuple[float, float]]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text and font is not None:
            bold = "Bold" in str(font["/BaseFont"])
            where = (*(round(v, 2) for v in cm), round(tm[5], 2))
            lines.setdefault(where, []).append(
                (tm[4], tm[4] + metrics.text_width(text, size, bold=bold)))

    reader.pages[0].extract_text(visitor_text=visit)
    runs = 0
    for line in lines.values():
        line.sort()
        for (_, end), (start, _) in itertools.pairwise(line):
            assert start >= end - 0.01, line
            runs += 1
    assert runs >= 15  # text after a bold figure, on the lines of the wide map


_FIGURE_TEXT = st.text(st.sampled_from(list("20.1 ,aé_-€%x")), max_size=30)


@given(_FIGURE_TEXT, st.lists(st.text(st.sampled_from(list("20.1 ,aé_")), min_size=1,
                                      max_size=5), max_size=4))
def test_split_figures_matches_the_pattern_it_replaced(line: str, spans: list[str]) -> None:
    """``split_figures`` cuts a line as ``(?<!\\w)(?:longest|...)(?!\\w)`` did."""
    runs = metrics.split_figures(line, spans)
    assert "".join(run for run, _ in runs) == line
    unique = sorted(set(spans), key=len, reverse=True)
    if not unique:
        assert [bold for _, bold in runs] == [False]
        return
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(s) for s in unique)})(?!\w)")
    assert [run for run, bold in runs if bold] == pattern.findall(line)


def test_the_system_dot_measures_with_the_shipped_font() -> None:
    """Through a fontconfig file that knows only the shipped font: on a machine whose
    Helvetica is DejaVu Sans (14 % wider), the box is still Liberation Sans' width."""
    need_dot()
    label = "a better world WWW mmm iii"
    source = (f'digraph {{ node [shape=box fontname="Helvetica" fontsize=12 margin=0 '
              f'width=0 height=0]; a [label="{label}"] }}')
    x0, _, x1, _ = box(nodes(layout_svg(source, "dot"))[0])
    assert x1 - x0 == pytest.approx(metrics.text_width(label, 12), rel=0.02)
