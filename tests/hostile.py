"""Hostile alphabets, maps built from them, and what "safe output" means for each format.

Every string field of a map (titles, texts, notes, tags, quotes, locators, source fields,
units, relation schemes and labels) and the map's file name are drawn from pieces that attack
one output each: markup (SVG, HTML in Markdown), Markdown syntax, DOT and Graphviz escapes,
terminal and CI-log control sequences, bidi controls, and numbers and dates that have crashed
rules before. The checkers say what safe means for an SVG, a Markdown report and text printed
to a terminal or CI log; ``tests/test_hostile_outputs.py`` runs them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "BIDI",
    "DOT",
    "MARKDOWN",
    "MARKUP",
    "NUMERIC",
    "PIECES",
    "TERMINAL",
    "assert_safe_markdown",
    "assert_safe_svg",
    "assert_terminal_safe",
    "heading_texts",
    "hostile_map_data",
    "hostile_names",
    "hostile_texts",
    "loadable",
]

MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "</title>", "</text>", "]]>", "<!--", "-->", "<?xml?>", "&amp;", "&#10;", "&lt;", "&",
    '"', "'", '" onload="alert(1)', "javascript:alert(1)", "data:text/html,x", "<a href=x>",
    "<details open>", "<iframe>",
]
MARKDOWN = [
    "[x](javascript:alert(1))", "![](https://track.example/p.gif)", "<https://evil.example>",
    "`", "```", "````", "~~~", "|", "\\|", "||", "# ", "\n# heading\n", "---", "***", "_",
    "*", "$x$", "$$", "[^1]", "[a]: https://evil.example", "\\", "> ", "- ", "1. ", "    ",
    "\n\n", "\n|a|b|\n", "\r", "\n```\n", "@user", "~~x~~", "www.evil.example",
]
DOT = [
    "\\N", "\\G", "\\L", "\\E", "\\T", "\\H", "\\l", "\\n", "\\r", "\\\\", "{", "}", ";",
    "->", "--", "<<b>>", "node [shape=box]", "\"]; evil [label=\"owned", "\\", "%",
]
TERMINAL = [
    "\x1b[2J", "\x1b]0;pwned\x07", "\x9b2J", "\x9d0;t\x9c", "\x85", "\x90", "\x7f", "\x00",
    "\x08", "\r", "\n", "\t", "\r\n", "\x0b", "\x0c", "::error::forged", "\n::warning::x",
    " ::notice::x", "##[error]forged", "##[add-mask]x", "%0A", "%25", "::stop-commands::t",
]
BIDI = [
    "\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u200e", "\u200f", "\u061c", "\u2028", "\u2029", "\ufeff", "\u200b", "\u00a0", "\u0301",
]
NUMERIC = [
    "0000", "year 0", "1" * 400, "9" * 4_400, "1,000,000,000,000,000", "10^22", "1e999",
    "-0", "0.0%",
    "3-4-5-6-7-8-9-10", "1 000 000 000", "1.000,5", "½", "٣٤", "ſ", "twelve thousand",
    "100 million", "x10", "3x", "0 / 0", "9999-12-31", "0000-01", "50%", "−5", "1/0",
]
PIECES = MARKUP + MARKDOWN + DOT + TERMINAL + BIDI + NUMERIC

#: What the loader refuses (AM109): a loadable map holds none of these.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def loadable(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def hostile_texts(*, allow_controls: bool = True, max_pieces: int = 6) -> st.SearchStrategy[str]:
    """Text of hostile pieces and odd characters, at least one non-blank character."""
    characters = st.characters(blacklist_categories=("Cs",))
    raw = st.lists(st.one_of(st.sampled_from(PIECES), characters), min_size=1,
                   max_size=max_pieces).map("".join)
    texts = raw if allow_controls else raw.map(loadable)
    return texts.map(lambda t: t if t.strip() else t + "x")


def hostile_names() -> st.SearchStrategy[str]:
    """A file or folder name: anything but ``/`` and NUL, at most 60 characters."""
    return hostile_texts(max_pieces=4).map(
        lambda t: t.replace("/", "\u2215").replace("\x00", "").strip()[:60] or "x"
    ).filter(lambda t: t not in {".", ".."} and len(t.encode("utf-8", "surrogatepass")) < 200)


_ID_PIECES = st.sampled_from(["_", "__", ":", "::", "-", ".", "--", "e", "0", "x_y_", "a.b:c"])
_ids = st.builds(lambda first, rest: first + rest, st.sampled_from("Ax0z"),
                 st.lists(_ID_PIECES, max_size=4).map("".join))

_periods = st.sampled_from(["2020", "2020-02", "2021-02-28", "0000", "0001", "9999-12",
                            "9999-12-31", "1000", "2020-12-31"])
_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(Decimal),
    st.sampled_from([Decimal(0), Decimal("-0"), Decimal("1e-30"), Decimal(10) ** 300,
                     Decimal("0.000001"), Decimal("123456789.987654321"),
                     Decimal(10) ** 4_400 + 1]),  # int() of it is over Python's 4,300 digits
)


@st.composite
def hostile_map_data(draw: st.DrawFn, *, allow_controls: bool = False) -> dict[str, Any]:
    """Plain data of a valid map whose every string field is hostile text.

    ``allow_controls=False`` keeps what the loader refuses (AM109) out, so the map loads and
    every rule, the report and the renderer run on it; ``True`` is for in-memory maps.
    """
    text = hostile_texts(allow_controls=allow_controls)
    maybe = st.none() | text
    n_claims = draw(st.integers(1, 4))
    ids = draw(st.lists(_ids, min_size=n_claims + 8, max_size=n_claims + 8,
                        unique_by=str.lower))
    claim_ids, (sec, src, src2, ev, ev2, rel, rel2, chk) = ids[:n_claims], ids[n_claims:]
    sources = [
        {
            "id": sid,
            "type": "report",
            "title": draw(text),
            "author": [{"family": draw(text), "given": draw(text)}, {"literal": draw(text)}],
            "issued": draw(st.one_of(
                _periods,
                st.builds(lambda y, m: {"date-parts": [[y, m]]},
                          st.integers(-(10**25), 10**25), st.integers(-5, 40)),
                st.builds(lambda lit: {"literal": lit}, text),
            )),
            "URL": draw(st.one_of(st.just("https://example.org/a?b=1&c=<2>"),
                                  text.map(lambda t: "https://example.org/" + t), text)),
            "container-title": draw(maybe),
            "publisher": draw(maybe),
            "note": draw(maybe),
            "number": draw(st.none() | st.integers(-(10**20), 10**20) | text),
        }
        for sid in (src, src2)
    ]
    evidence = [
        {
            "id": eid,
            "source": src,
            "via": draw(st.none() | st.just(src2)),
            "quote": {"exact": draw(text), "prefix": draw(maybe), "suffix": draw(maybe)},
            "locator": {"page": draw(text | st.integers(-5, 10**6)), "section": draw(maybe)},
            "period": draw(st.none() | _periods),
            "note": draw(maybe),
        }
        for eid in (ev, ev2)
    ]
    claims = []
    for index, cid in enumerate(claim_ids):
        claim: dict[str, Any] = {
            "id": cid,
            "kind": "thesis" if index == 0 else draw(st.sampled_from(
                ["claim", "premise", "assumption", "objection"])),
            "text": draw(text),
            "title": draw(maybe),
            "note": draw(maybe),
            "tags": draw(st.lists(text, max_size=2)),
            "section": draw(st.none() | st.just(sec)),
            "period": draw(st.none() | _periods),
            "evidence": draw(st.lists(st.sampled_from([ev, ev2]), max_size=2, unique=True)),
        }
        if index == 0:
            claim["quantities"] = [
                {"id": f"{cid}q{k}", "value": draw(_numbers),
                 "kind": draw(st.sampled_from(["amount", "count", "percent", "ratio", "fold"])),
                 "unit": draw(maybe), "text": draw(maybe), "period": draw(st.none() | _periods),
                 "qualifier": draw(st.sampled_from(["exact", "approx", "over"]))}
                for k in range(3)
            ]
        claims.append(claim)
    relations = []
    if len(claim_ids) > 1:
        relations.append({"id": rel, "type": draw(st.sampled_from(["supports", "attacks"])),
                          "from": claim_ids[1:], "to": claim_ids[0],
                          "linked": draw(st.booleans()), "scheme": draw(maybe),
                          "label": draw(maybe)})
        relations.append({"id": rel2, "type": "undercuts", "from": [claim_ids[-1]], "to": rel,
                          "label": draw(maybe)})
    q = [f"{claim_ids[0]}q{k}" for k in range(3)]
    checks = [draw(st.sampled_from([
        {"id": chk, "type": "ratio", "numerator": q[0], "denominator": q[1], "result": q[2]},
        {"id": chk, "type": "share", "part": q[0], "whole": q[1], "result": q[2]},
        {"id": chk, "type": "fold", "from": q[0], "to": q[1], "result": q[2]},
        {"id": chk, "type": "percent-change", "from": q[0], "to": q[1], "result": q[2]},
        {"id": chk, "type": "sum", "parts": [q[0], q[1]], "total": q[2]},
        {"id": chk, "type": "difference", "minuend": q[0], "subtrahend": q[1], "result": q[2]},
    ]))]
    data: dict[str, Any] = {
        "title": draw(text),
        "description": draw(maybe),
        "authors": draw(st.lists(text, max_size=2)),
        "subject": src,
        "sections": [{"id": sec, "title": draw(text), "description": draw(maybe)}],
        "claims": claims,
        "relations": relations,
        "evidence": evidence,
        "sources": sources,
        "checks": checks,
    }
    return _without_none(data)


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


# --- what safe means --------------------------------------------------------------------------

#: What the terminal sanitiser must never let through (argmap._text): C0 but tab and line feed,
#: DEL, C1, bidi controls, U+2028/U+2029.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_ANNOTATION = re.compile(
    r"^::(error|warning|notice) (?:[A-Za-z]+=[^,:\n]*,)*title=AM\d{3} [a-z0-9-]+::[^\n]*$"
)


def assert_terminal_safe(output: str, *, annotations: bool = False) -> None:
    """Nothing a terminal or a CI runner would act on: no control, bidi or separator
    character, no ``##[`` (GitHub's legacy command, read anywhere in a line), and no line that
    starts a workflow command (``::`` after blanks) unless ``annotations`` and it is one of
    argmap's own, whole annotations."""
    bad = _CONTROL.search(output)
    assert bad is None, f"U+{ord(bad.group()):04X} in {output[max(0, bad.start() - 40):][:80]!r}"
    assert "##[" not in output, output
    for line in output.split("\n"):
        if line.lstrip().startswith("::"):
            assert annotations, line
            assert _ANNOTATION.match(line), line


#: The elements Graphviz writes into an SVG (and the finishing pass keeps): anything else, a
#: <script>, <foreignObject>, <iframe>, <image>, <use>, <style>..., is an injection.
_SVG_ELEMENTS = {"svg", "g", "title", "text", "tspan", "polygon", "polyline", "path", "ellipse",
                 "a", "circle", "rect", "line"}
_SAFE_LINK = re.compile(r"^(https?://|#)", re.IGNORECASE)


def assert_safe_svg(svg: str) -> Any:
    """Well-formed XML of the elements Graphviz writes and nothing else; no event handler, no
    link that is not http(s) or in-page, no DTD; texts (labels, tooltips) may say anything."""
    from xml.etree import ElementTree

    assert "<!DOCTYPE" not in svg
    assert "<!ENTITY" not in svg
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output, parsed to check it
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag in _SVG_ELEMENTS, tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (name, value)
            if local in ("href", "src"):  # the scheme decides: https://x/javascript: is a path
                assert _SAFE_LINK.match(value), (name, value)
            if local == "style":
                assert "javascript:" not in value.lower(), (name, value)
                assert "url(" not in value.lower(), (name, value)
    return root


def assert_safe_markdown(markdown: str, *, fences: int | None = None) -> list[list[list[str]]]:
    """Parse with a CommonMark renderer (markdown-it-py, with GFM tables): no raw HTML, no link
    or image, no emphasis, strike-through or code inside a table, every source line of a table
    one row of it (a CR or ``|`` in a cell adds no row or cell), and ``fences`` code blocks (if
    given) of one line each. Returns each table's body rows as the text a reader sees."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = parser.parse(markdown)
    everything = list(tokens)
    for token in tokens:
        everything.extend(token.children or [])
    kinds = {t.type for t in everything}
    for forbidden in ("html_block", "html_inline", "image", "link_open"):
        assert forbidden not in kinds, (forbidden, markdown)
    assert _CONTROL.search(markdown) is None

    source_tables = _source_tables(markdown)
    tables = _rendered_tables(tokens)
    assert [len(t) for t in tables] == [len(rows) - 2 for rows in source_tables], markdown
    for rows, table in zip(source_tables, tables, strict=True):
        width = rows[0].count(" | ") + 1
        for source, row in zip(rows[2:], table, strict=True):
            assert source.count(" | ") + 1 == width, source  # no cell added by a raw |
            assert len(row) == width, (source, row)
    if fences is not None:
        blocks = [t for t in tokens if t.type in ("fence", "code_block")]
        assert len(blocks) == fences, markdown
        assert all(block.content.count("\n") == 1 for block in blocks), blocks
    return tables


def heading_texts(markdown: str) -> list[str]:
    """The text of each heading, as rendered."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": True}).parse(markdown)
    return [
        _plain(tokens[i + 1].children or [])
        for i, token in enumerate(tokens) if token.type == "heading_open"
    ]


def _plain(children: list[Any]) -> str:
    out = []
    for child in children:
        assert child.type in ("text", "text_special", "softbreak", "hardbreak"), child.type
        out.append("\n" if child.type.endswith("break") else child.content)
    return "".join(out)


def _source_tables(markdown: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in markdown.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _rendered_tables(tokens: list[Any]) -> list[list[list[str]]]:
    """For each table, its body rows, each the rendered text of its cells."""
    tables: list[list[list[str]]] = []
    in_body = in_cell = False
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            tables[-1].append([])
        elif in_body and token.type == "td_open":
            in_cell = True
        elif in_body and token.type == "td_close":
            in_cell = False
        elif in_cell and token.type == "inline":
            tables[-1][-1].append(_plain(token.children or []))
    return tables
