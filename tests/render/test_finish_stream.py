"""The streaming finishing pass writes what the whole-tree ElementTree pass wrote.

Random SVG-like documents (Graphviz's shape and worse: dangerous elements at any depth,
comments between and inside elements, nested claim groups, unsafe links, entities, empty
elements, a legend) give byte-identical output from ``finish`` and the reference.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap._render.dot import Emphasis
from argmap._render.legend import LegendItem
from argmap._render.svg import finish

from .helpers import MAPS, assert_safe, parse_svg
from .reference_finish import reference_finish

TAGS = ["g", "text", "a", "title", "polygon", "script", "foreignObject", "tspan", "x:odd"]
WORDS = st.sampled_from(["", " ", "\n", "1", "20", "2021", "a & b", "<x>", "é “q”", "1 of 20",
                         "\t", "]]>", "x\r\ny"])
TEXT = st.lists(WORDS, max_size=4).map(" ".join) | st.lists(WORDS, max_size=3).map("".join)
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["id", "class", "onclick", "xlink:href", "href", "font-family", "x",
                     "ONLOAD", "style"]),
    st.sampled_from(["A", "B", "claim", "claim thesis", "node", "javascript:alert(1)",
                     "https://ok.example/?a=1&b=2", "Helvetica,sans-Serif", "Times", "1",
                     'say "hi"', "a\nb\tc"]),
    max_size=4,
)
NAMESPACES = ('xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
              'xmlns:x="urn:x"')


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    chosen = draw(ATTRIBUTES)
    if tag == "g" and draw(st.booleans()):  # a claim's node: its text lines get bold figures
        chosen = {"id": draw(st.sampled_from(["A", "B"])), "class": "claim", **chosen}
    elif tag in {"g", "a"} and draw(st.booleans()):
        tag, chosen = "text", {"x": "1"}
    attributes = "".join(f" {k}={quoteattr(v)}" for k, v in chosen.items())
    parts = [escape(draw(TEXT))]
    if depth < 3:
        for child in draw(st.lists(element(depth + 1), max_size=3)):
            parts.append(child)
            if draw(st.booleans()):
                parts.append("<!-- c -->")
            parts.append(escape(draw(TEXT)))
    inner = "".join(parts)
    if not inner and draw(st.booleans()):
        return f"<{tag}{attributes}/>"
    return f"<{tag}{attributes}>{inner}</{tag}>"


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    size = ' width="100pt" height="50pt" viewBox="0 0 100 50"' if draw(st.booleans()) else ""
    children = "".join(draw(st.lists(element(), max_size=4)))
    prolog = draw(st.sampled_from([
        "",
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n',
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- Generated -->\n',
        '<!DOCTYPE svg [<!ENTITY e "x">]>\n<!-- a -- b -->',
    ]))
    text = escape(draw(TEXT))
    return f'{prolog}<svg {NAMESPACES}{size} onload="x()">{text}{children}</svg>'.encode()


EMPHASIS = st.dictionaries(
    st.sampled_from(["A", "B"]),
    st.builds(Emphasis, st.sampled_from([(), ("1",), ("20", "1"), ("1 of 20",)]),
              st.integers(0, 2), st.integers(0, 3)),
    min_size=1,
)
LEGEND = st.sampled_from([(), (LegendItem.of("claim", "claim", "node", {"shape": "box"}),
                               LegendItem.of("edge_supports", "supports", "edge",
                                             {"style": "dashed"}))])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(svg=documents(), emphasis=EMPHASIS, legend=LEGEND)
def test_streaming_finish_writes_what_the_tree_pass_wrote(
    svg: bytes, emphasis: dict[str, Emphasis], legend: tuple[LegendItem, ...]
) -> None:
    out = finish(svg, emphasis, legend)
    assert out == reference_finish(svg, emphasis, legend)
    assert_safe(parse_svg(out))


def test_a_real_drawing_is_finished_as_before() -> None:
    import argmap
    from argmap._render import View, _build, _layout

    small = argmap.load(MAPS / "small")
    result = _build(small, View())
    raw = _layout(result, "wasm")
    assert finish(raw, result.emphasis, result.legend) == reference_finish(
        raw, result.emphasis, result.legend)
