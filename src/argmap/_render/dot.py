r"""Building DOT text: pure, deterministic, no layout engine.

Every string that reaches DOT passes through :func:`text`, which removes what XML cannot hold,
writes ``&`` as ``&amp;`` (Graphviz decodes entities in labels and tooltips, so ``&#10;`` in
a claim would break its label and ``&lt;`` would show as ``<``), doubles backslashes (so
``\N`` or ``\l`` in a claim is text, not a Graphviz escape) and marks the value as not-HTML
(so ``<b>x</b>`` in a claim is text, not markup); the ``graphviz`` package then quotes it.
Tooltips go through :func:`tooltip_text`, which doubles backslashes once more: Graphviz
unescapes a tooltip twice and expands ``\N``, ``\G``, ``\L``, ``\E``, ``\T``, ``\H`` in
it (labels stay literal with one doubling). URLs are percent-encoded (:func:`dot_url`) and IDs
are restricted to ``[A-Za-z0-9._:-]``, so neither holds a backslash. Labels are plain text,
never HTML-like: the WebAssembly Graphviz is built without HTML-label support, and the same
DOT must lay out the same on every backend.
Quantities are emphasised in the SVG afterwards (see ``_svg``).

>>> from argmap._model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "t", "claims": [{"id": "T1", "kind": "thesis",
...     "text": 'Say "\\N" <b>&</b>'}]})
>>> print(build(m, View(legend=False)).source)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
digraph argmap {
...
	c0 [class="claim thesis" ... id=T1 label="T1\lSay \"\\N\" <b>&amp;</b>\l" ...
	tooltip="T1 (thesis)\nSay \"\\\\N\" <b>&amp;</b>" width=1.99]
}
<BLANKLINE>
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from argmap._render.legend import LegendItem
from argmap._render.metrics import label_width
from argmap._render.style import (
    EDGE_STYLES,
    FONT,
    GROUNDED_STYLES,
    NODE_LEGEND,
    NODE_STYLES,
    SEVERITY_STYLES,
    STUB_STYLE,
)
from argmap._render.views import Selection, Stub, View, relations_aimed_at, select, short_title
from argmap._text import clip

if TYPE_CHECKING:
    from argmap._findings import Finding
    from argmap._model import ArgumentMap, Claim, Evidence, Relation, Source

__all__ = ["DotResult", "build", "citation", "display_kind", "safe_url", "text", "tooltip_text",
           "wrap"]

# C0/C1 controls (but not tab/newline, which become spaces) and lone surrogates cannot be in
# XML 1.0, so Graphviz would write an SVG that does not parse.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_NBSP = "\u00a0"

#: Sections nested deeper than this are drawn inside the deepest box: Graphviz gains nothing
#: from hundreds of nested clusters, and building them recursively would exhaust the stack.
MAX_NESTING = 24
#: Longest map or section title drawn, in characters: a title is one line (Graphviz refuses
#: a cluster wider than 65,535 points), so a longer one is cut, whole in the tooltip and report.
MAX_TITLE = 120


def clean(value: str) -> str:
    r"""Text with unprintable characters replaced and every run of whitespace one space.

    >>> clean("a\n\tb\x00c")
    'a b\ufffdc'
    """
    return _SPACES.sub(" ", _UNPRINTABLE.sub("\ufffd", value)).strip()


def text(value: str) -> str:
    r"""One literal line of text as a DOT escString value, safe for ``graphviz`` quoting.

    >>> import graphviz
    >>> print(graphviz.quoting.quote(text('back\\slash "quoted" \\N')))
    "back\\slash \"quoted\" \\N"
    >>> print(graphviz.quoting.quote(text("<b>html?</b>")))
    "<b>html?</b>"
    >>> print(graphviz.quoting.quote(text("ends with \\")))
    "ends with \\"
    >>> print(graphviz.quoting.quote(text("a &amp; b &#10; c")))
    "a &amp;amp; b &amp;#10; c"
    """
    import graphviz

    cleaned = _UNPRINTABLE.sub("\ufffd", value).replace("&", "&amp;")
    escaped: str = graphviz.escape(cleaned)  # a NoHtml str: never read as an HTML label
    return escaped


def tooltip_text(value: str) -> str:
    r"""One literal paragraph of a tooltip: as :func:`text`, backslashes doubled twice.

    >>> import graphviz
    >>> print(graphviz.quoting.quote(tooltip_text(r"\N \G \L")))
    "\\\\N \\\\G \\\\L"
    """
    return text(value.replace("\\", "\\\\"))


def _nohtml(value: str) -> str:
    """Mark a finished value as plain text (keep the returned NoHtml object, not a copy)."""
    import graphviz

    marked: str = graphviz.nohtml(value)
    return marked


def lines_label(lines: Sequence[str]) -> str:
    r"""Left-justified multi-line label: each line escaped, then ended by ``\l``.

    >>> print(lines_label(["C1", 'a "b"']))
    C1\la "b"\l
    """
    return _nohtml("".join(text(line) + r"\l" for line in lines))


def multiline(parts: Iterable[str]) -> str:
    r"""A tooltip: escaped paragraphs joined by DOT newlines.

    >>> print(multiline(["one", "two\\three"]))
    one\ntwo\\\\three
    """
    return _nohtml(r"\n".join(tooltip_text(clean(part)) for part in parts if part))


def wrap(value: str, width: int, keep: Sequence[str] = (), limit: int | None = None) -> list[str]:
    """Wrap text at ``width`` characters without breaking the spans in ``keep``.

    >>> wrap("Cycling rose from 400 to 1,200 per weekday", 16, keep=["to 1,200"])
    ['Cycling rose', 'from 400', 'to 1,200 per', 'weekday']
    >>> wrap("word " * 10, 12, limit=20)
    ['word word', 'word word…']
    """
    body = clean(value)
    if limit is not None and len(body) > limit:
        cut = body[:limit].rsplit(" ", 1)[0] if " " in body[:limit] else body[:limit]
        body = cut.rstrip() + "…"
    for raw in sorted(keep, key=len, reverse=True):
        span = clean(raw)
        if " " in span and len(span) <= width:
            body = body.replace(span, span.replace(" ", _NBSP))
    lines = textwrap.wrap(
        body, width=width, break_long_words=True, break_on_hyphens=False
    ) or [""]
    return [line.replace(_NBSP, " ") for line in lines]


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None (no javascript:, data:...).

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> print(safe_url("javascript:alert(1)"), safe_url("//evil.example"), safe_url(None))
    None None None
    """
    if not url or _UNPRINTABLE.search(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url


def dot_url(url: str) -> str:
    """A URL as Graphviz must receive it to write valid XML on every version.

    Graphviz 2.43 copies a bare ``&`` into ``xlink:href`` unescaped (invalid XML); newer
    releases escape it. Every version keeps an entity it is given, so ``&`` goes in as
    ``&amp;``, and characters that are not allowed in URLs are percent-encoded.

    >>> dot_url("https://example.org/?a=1&b=<2>")
    'https://example.org/?a=1&amp;b=%3C2%3E'
    """
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._").replace("&", "&amp;")


def _year(source: Source) -> str | None:
    issued = source.issued
    if issued is None:
        return None
    if isinstance(issued, str):
        return issued[:4]
    if issued.date_parts and issued.date_parts[0]:
        return str(issued.date_parts[0][0])
    found = re.search(r"\b(\d{4})\b", issued.literal or issued.raw or "")
    return found.group(1) if found else None


def _name(person: Any) -> str:
    return str(person.literal or person.family or person.given or "").strip()


def citation(source: Source | None) -> str:
    """Short citation: author or outlet, and year ("Smith & Jones 2020", "Reuters 2019").

    >>> from argmap._model import Source
    >>> citation(Source.model_validate({"id": "s", "author": [{"family": "Ng"},
    ...     {"family": "Ode"}, {"family": "Li"}], "issued": "2020-04"}))
    'Ng et al. 2020'
    >>> citation(Source.model_validate({"id": "s", "container-title": "Reuters"}))
    'Reuters'
    """
    if source is None:
        return "unknown source"
    names = [n for n in (_name(a) for a in source.author or []) if n]
    if len(names) > 2:
        who = f"{names[0]} et al."
    elif names:
        who = " & ".join(names)
    else:
        who = source.container_title or source.publisher or source.title or source.id
    year = _year(source)
    return clean(f"{who} {year}" if year else who)


def display_kind(claim: Claim, targets_of_support: set[str]) -> str:
    """The drawn kind: a plain claim or premise that something supports is intermediate."""
    kind = str(claim.kind.value)
    if kind in {"claim", "premise"}:
        return "intermediate" if claim.id in targets_of_support else "premise"
    return kind


@dataclass(frozen=True)
class Emphasis:
    """Figures to set in bold in a node, and which label lines (0-based) hold its text.

    Graphviz writes one SVG ``<text>`` per label line, so the line range keeps the ID line
    and the lines added after the text (evidence count, grounded status) plain.
    """

    spans: tuple[str, ...]
    first_line: int
    line_count: int


@dataclass
class DotResult:
    """DOT source plus what the SVG finishing step needs: what to emphasise per element."""

    source: str
    emphasis: dict[str, Emphasis] = field(default_factory=dict)
    selection: Selection | None = None
    notes: list[str] = field(default_factory=list)
    legend: tuple[LegendItem, ...] = ()
    #: The graph statement as written with newrank, and as ``build(newrank=False)`` writes it.
    graph_lines: tuple[str, str] | None = None

    def classic_source(self) -> str | None:
        """The DOT without newrank, byte for byte what ``build(..., newrank=False)`` writes,
        made from the source alone: the map need not be held for the layout's fallback."""
        if self.graph_lines is None:
            return None
        written, classic = self.graph_lines
        head = self.source.index("\n") + 1  # the graph statement is the second line
        if not self.source.startswith(written, head):  # pragma: no cover - graphviz's layout
            return None
        return self.source[:head] + classic + self.source[head + len(written):]


#: The nodes' horizontal label margin in inches (``node_attr`` margin "0.12,0.06").
_MARGIN_X = 0.12


def _min_width(lines: Sequence[str], attrs: Mapping[str, str], emphasis: Emphasis | None) -> str:
    """A node's ``width``: its widest line measured in the shipped font, figures in bold.

    Graphviz sizes a box from its own estimate of the plain text; figures are set in bold after
    layout and characters outside its tables are guessed, so it is told the measured width
    (a minimum: Graphviz still takes its own when that is wider). Rounded up to 0.01 inch.
    """
    spans, bold = ((), range(0)) if emphasis is None else (
        emphasis.spans, range(emphasis.first_line, emphasis.first_line + emphasis.line_count))
    points = label_width(lines, float(attrs.get("fontsize", "12")), spans, bold)
    hundredths = -(-(points / 72 + 2 * _MARGIN_X) * 100 // 1)
    return f"{hundredths / 100:.2f}"


def _findings_by_node(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    by_node: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.node is not None and finding.suppressed is None:
            by_node.setdefault(finding.node, []).append(finding)
    return by_node


def _badge(findings: Sequence[Finding]) -> tuple[str, str]:
    """(badge line, worst severity label) for a node's findings."""
    worst = max(f.severity for f in findings)
    parts = []
    for severity in sorted({f.severity for f in findings}, reverse=True):
        codes = sorted({f.code for f in findings if f.severity == severity})
        parts.append(f"{severity.label.upper()} {', '.join(codes)}")
    return "!! " + "; ".join(parts), worst.label


def _finding_notes(findings: Sequence[Finding]) -> list[str]:
    return [f"{f.code} {f.severity.label}: {f.message}" for f in findings]


#: Edge kind -> the kind of node it points to, and its CSS class.
_LINKS = {"evidence": ("claim", "backs"), "source": ("evidence", "cites")}


class _Builder:
    def __init__(
        self, argmap: ArgumentMap, view: View, selection: Selection, *, newrank: bool = True
    ) -> None:
        from argmap._render.quoting import digraph

        self.map = argmap
        self.view = view
        self.sel = selection
        self.emphasis: dict[str, Emphasis] = {}
        self.used_kinds: set[str] = set()
        self.used_edges: set[str] = set()
        self.used_severities: set[str] = set()
        self.used_grounded: set[str] = set()
        self.used_tags: list[str] = []
        self.names: dict[tuple[str, str], str] = {}
        self.counts: dict[str, int] = {}
        self.findings = _findings_by_node(view.findings)
        self.sources = {s.id: s for s in argmap.sources}
        self.relations = {r.id: r for r in selection.relations}
        self.stub_ids = selection.stub_ids()
        self.hidden_below = _hidden_below(argmap, selection) if view.view == "overview" else {}
        self.claim_ids = {c.id for c in selection.claims}
        aimed = relations_aimed_at(selection.relations)
        self.pointed = {
            r.id for r in selection.relations if r.linked or r.id in aimed
        }
        self.grounded = self._grounded()
        self.graph = digraph(
            "argmap",
            graph_attr={
                "rankdir": view.rankdir,
                "fontname": FONT,
                "fontsize": "18",
                "label": text(clip(clean(argmap.title), MAX_TITLE)),
                "labelloc": "t",
                "id": "argmap",
                "class": "argmap",
                "nodesep": "0.3",
                "ranksep": "0.5",
                **({"newrank": "true"} if newrank else {}),  # ranks across clusters
                "outputorder": "edgesfirst",
                "bgcolor": "white",
                "pad": "0.2",
            },
            node_attr={"fontname": FONT, "fontsize": "12", "margin": "0.12,0.06"},
            edge_attr={"fontname": FONT, "fontsize": "10"},
        )

    def _grounded(self) -> Mapping[str, str] | None:
        grounded = self.view.grounded
        if grounded is True:
            from argmap._verify.argumentation import grounded_labelling

            return grounded_labelling(self.map)
        if grounded is False or grounded is None:
            return None
        return grounded

    # -- names ---------------------------------------------------------------------------

    def name(self, kind: str, node_id: str) -> str:
        """Internal DOT node names are short and never need quoting; IDs go in ``id``."""
        key = (kind, node_id)
        if key not in self.names:
            self.names[key] = f"{kind[0]}{self._next(kind)}"
        return self.names[key]

    def _next(self, kind: str) -> int:
        number = self.counts.get(kind, 0)
        self.counts[kind] = number + 1
        return number

    # -- nodes ---------------------------------------------------------------------------

    def _finish(self, node_id: str, attrs: dict[str, str], lines: list[str],
                tip: list[str], classes: list[str], url: str | None = None) -> dict[str, str]:
        """Add the findings overlay and the link, then the label, tooltip, id and class."""
        found = self.findings.get(node_id)
        if found:
            badge, worst = _badge(found)
            self.used_severities.add(worst)
            attrs.update(SEVERITY_STYLES[worst])
            lines.insert(1, badge)
            if node_id in self.emphasis:  # the text lines moved down one
                moved = self.emphasis[node_id]
                self.emphasis[node_id] = replace(moved, first_line=moved.first_line + 1)
            tip.extend(_finding_notes(found))
            classes.append(f"finding-{worst}")
        if url:
            attrs["URL"] = _nohtml(dot_url(url))
            attrs["target"] = "_blank"
        attrs["width"] = _min_width(lines, attrs, self.emphasis.get(node_id))
        attrs.update(
            {
                "label": lines_label(lines),
                "tooltip": multiline(tip),
                "id": _nohtml(node_id),
                "class": " ".join(classes),
            }
        )
        return attrs

    def claim(self, claim: Claim, kind: str) -> dict[str, str]:
        view = self.view
        self.used_kinds.add(kind)
        attrs = dict(NODE_STYLES[kind])
        body = short_title(claim) if view.short_titles else claim.text
        spans = [q.text for q in claim.quantities if q.text and clean(q.text) in clean(body)]
        text_lines = wrap(body, view.wrap_width, spans, view.max_label)
        lines = [claim.id, *text_lines]
        tip = [f"{claim.id} ({claim.kind.value})", claim.text]
        if claim.period:
            tip.append(f"period: {claim.period}")
        if claim.note:
            tip.append(f"note: {claim.note}")
        classes = ["claim", kind]
        hidden = self.hidden_below.get(claim.id, 0)
        if hidden:
            lines.append(f"[+{hidden} more below]")
        if self.sel.evidence_mode == "count" and claim.evidence:
            count = len(dict.fromkeys(claim.evidence))
            lines.append(f"[{count} evidence]")
        for tag in claim.tags:
            if tag in view.tag_colours:
                attrs["fillcolor"] = view.tag_colours[tag]
                attrs["fontcolor"] = "#000000"
                if tag not in self.used_tags:
                    self.used_tags.append(tag)
                break
        if self.grounded is not None:
            status = self.grounded.get(claim.id)
            if status in GROUNDED_STYLES:
                attrs.update(GROUNDED_STYLES[status])
                lines.append(f"grounded: {status}")
                self.used_grounded.add(status)
                classes.append(f"grounded-{status}")
        if spans:
            self.emphasis[claim.id] = Emphasis(tuple(clean(s) for s in spans), 1, len(text_lines))
        return self._finish(claim.id, attrs, lines, tip, classes)

    def evidence(self, item: Evidence) -> dict[str, str]:
        self.used_kinds.add("evidence")
        attrs = dict(NODE_STYLES["evidence"])
        source = self.sources.get(item.source)
        where = citation(source)
        if item.locator is not None and item.locator.describe():
            where += ", " + item.locator.describe()
        lines = [item.id, *wrap(where, 40, limit=120)]
        tip = [f"{item.id} (evidence)", where]
        if item.quote is not None:
            lines += wrap(f"“{clean(item.quote.exact)}”", 40, limit=110)
            tip.append(f"“{item.quote.exact}”")
        if source is not None and source.title:
            tip.append(source.title)
        url = safe_url(source.url) if source is not None else None
        return self._finish(item.id, attrs, lines, tip, ["evidence"], url)

    def source(self, item: Source) -> dict[str, str]:
        self.used_kinds.add("source")
        attrs = dict(NODE_STYLES["source"])
        lines = [item.id, *wrap(citation(item), 30, limit=80)]
        if item.title:
            lines += wrap(item.title, 30, limit=90)
        tip = [f"{item.id} (source)", citation(item), item.title or ""]
        url = safe_url(item.url)
        if url:
            tip.append(url)
        return self._finish(item.id, attrs, lines, tip, ["source"], url)

    def stub(self, item: Stub) -> dict[str, str]:
        """A far node a relation reaches: its ID (and section) and short title, dashed."""
        self.used_kinds.add("stub")
        attrs = dict(STUB_STYLE)
        where = f" (in {item.section})" if item.section else ""
        first = f"outside: {item.id}{where}"
        lines = [*wrap(first, 30, limit=80), *wrap(item.title, 24, limit=80)]
        tip = [f"{item.id} (outside this view)", item.title]
        return self._finish(f"stub-{item.id}", attrs, lines, tip, ["stub", f"stub-{item.kind}"])

    def end(self, claim_id: str) -> str:
        """The DOT name of a relation's end: the claim, or its stub when it is outside."""
        if claim_id in self.stub_ids:
            return self.name("stub", claim_id)
        return self.name("claim", claim_id)

    # -- relations -----------------------------------------------------------------------

    def _relation_tip(self, relation: Relation) -> str:
        premises = " + ".join(relation.from_)
        parts = [f"{relation.id}: {premises} {relation.type.value} {relation.to}"]
        if len(relation.from_) > 1:
            parts.append("linked premises" if relation.linked else "convergent premises")
        if relation.scheme:
            parts.append(f"scheme: {relation.scheme}")
        if relation.label:
            parts.append(relation.label)
        parts.extend(_finding_notes(self.findings.get(relation.id, [])))
        return multiline(parts)

    def _edge_caption(self, relation: Relation) -> dict[str, str]:
        found = self.findings.get(relation.id)
        # A blank caption draws no label: a label whose first line is empty makes Graphviz
        # read memory it never set when the graph has clusters (see backends._run_wasm).
        caption = clean(relation.label or relation.scheme or "")
        attrs: dict[str, str] = {}
        if found:
            badge, worst = _badge(found)
            self.used_severities.add(worst)
            caption = f"{badge} {caption}" if caption else badge
            attrs["fontcolor"] = SEVERITY_STYLES[worst]["color"]
        if caption:
            attrs["label"] = lines_label(wrap(caption, 24, limit=60))
        return attrs

    def _target_name(self, relation: Relation) -> str:
        if relation.to in self.stub_ids:
            return self.name("stub", relation.to)
        # a relation's inference point, or a claim (an undercut argument is a claim too)
        if relation.to in self.relations and relation.to not in self.claim_ids:
            return self.name("relation", relation.to)
        return self.end(relation.to)

    def _premise_name(self, premise: str) -> str:
        """A premise is a claim (or its stub), or (a preference ranking inferences) a
        relation's point."""
        if premise in self.relations and premise not in self.claim_ids:
            return self.name("relation", premise)
        return self.end(premise)

    def relation(self, relation: Relation) -> None:
        kind = str(relation.type.value)
        self.used_edges.add(kind)
        style = dict(EDGE_STYLES[kind])
        tip = self._relation_tip(relation)
        target = self._target_name(relation)
        classes = f"relation {kind}"
        if relation.id in self.pointed:
            point = self.name("relation", relation.id)
            self.graph.node(
                point,
                _attributes={
                    "shape": "circle",
                    "label": "",
                    "width": "0.14",
                    "height": "0.14",
                    "fixedsize": "true",
                    "style": "filled",
                    "fillcolor": style["color"],
                    "color": style["color"],
                    "id": _nohtml(relation.id),
                    "class": f"inference {kind}",
                    "tooltip": tip,
                },
            )
            for premise in dict.fromkeys(relation.from_):
                self.graph.edge(
                    self._premise_name(premise),
                    point,
                    _attributes={
                        **style,
                        "arrowhead": "none",
                        "id": _nohtml(f"{relation.id}-from-{premise}"),
                        "class": classes,
                        "tooltip": tip,
                    },
                )
            self.graph.edge(
                point,
                target,
                _attributes={
                    **style,
                    **self._edge_caption(relation),
                    "id": _nohtml(f"{relation.id}-to-{relation.to}"),
                    "class": classes,
                    "tooltip": tip,
                },
            )
            return
        premises = list(dict.fromkeys(relation.from_))
        for premise in premises:
            edge_id = relation.id if len(premises) == 1 else f"{relation.id}-from-{premise}"
            self.graph.edge(
                self._premise_name(premise),
                target,
                _attributes={
                    **style,
                    **self._edge_caption(relation),
                    "id": _nohtml(edge_id),
                    "class": classes,
                    "tooltip": tip,
                },
            )

    # -- structure -----------------------------------------------------------------------

    def _section_tree(self) -> tuple[dict[str | None, list[str]], dict[str, str]]:
        """Children of each section; a section whose parents run in a circle is a root."""
        parent_of: dict[str, str | None] = {}
        for section in self.map.sections:
            parent_of.setdefault(section.id, section.parent)
        children: dict[str | None, list[str]] = {}
        for section_id, parent in parent_of.items():
            seen = {section_id}
            step = parent
            while step is not None and step in parent_of and step not in seen:
                seen.add(step)
                step = parent_of[step]
            rooted = parent in parent_of and (step is None or step not in parent_of)
            children.setdefault(parent if rooted else None, []).append(section_id)
        titles = {s.id: s.title for s in reversed(self.map.sections)}
        return children, titles

    def build(self) -> str:
        sel = self.sel
        # the overview draws a claim whose supports it hides as what it is in the map
        drawn = self.map.relations if self.view.view == "overview" else sel.relations
        supported = {r.to for r in drawn if r.type == "supports"}
        # which cluster each drawn node goes into
        home: dict[str | None, list[tuple[str, str, dict[str, str]]]] = {}
        section_ids = {s.id for s in self.map.sections}
        claim_home: dict[str, str | None] = {}
        backed: dict[str, list[str]] = {}  # evidence ID -> the drawn claims it backs, in order
        for claim in sel.claims:
            kind = display_kind(claim, supported)
            attrs = self.claim(claim, kind)
            clustered = claim.section in section_ids and self.view.view != "overview"
            where = claim.section if clustered else None
            claim_home[claim.id] = where
            home.setdefault(where, []).append(("claim", claim.id, attrs))
            for evidence_id in dict.fromkeys(claim.evidence):
                backed.setdefault(evidence_id, []).append(claim.id)
        for item in sel.evidence:
            owners = {claim_home[c] for c in backed.get(item.id, [])}
            where = owners.pop() if len(owners) == 1 else None
            home.setdefault(where, []).append(("evidence", item.id, self.evidence(item)))
        for cited in sel.sources:
            home.setdefault(None, []).append(("source", cited.id, self.source(cited)))
        for far in sel.stubs:
            home.setdefault(None, []).append(("stub", far.id, self.stub(far)))

        children, titles = self._section_tree()
        self._emit_nodes(self.graph, home.get(None, []))
        filled = _filled_sections(children, home)
        for section in children.get(None, []):
            self._cluster(self.graph, section, children, titles, home, filled)
        for relation in sel.relations:
            self.relation(relation)
        for item in sel.evidence:
            for claim_id in backed.get(item.id, []):
                self._link("evidence", item.id, claim_id)
        cites: dict[str, list[str]] = {}  # source ID -> the drawn evidence citing it
        for item in sel.evidence:
            cites.setdefault(item.source, []).append(item.id)
        for source in sel.sources:
            for evidence_id in cites.get(source.id, []):
                self._link("source", source.id, evidence_id)
        return str(self.graph.source)

    def graph_lines(self) -> tuple[str, str]:
        """The graph statement as :meth:`build` wrote it, and as it reads without newrank."""
        written = _graph_statement(self.graph)
        self.graph.graph_attr.pop("newrank", None)
        return written, _graph_statement(self.graph)

    def _link(self, kind: str, tail: str, head: str) -> None:
        """An evidence edge (evidence to claim) or a citation edge (source to evidence)."""
        head_kind, css_class = _LINKS[kind]
        self.used_edges.add(kind)
        self.graph.edge(
            self.name(kind, tail),
            self.name(head_kind, head),
            _attributes={**EDGE_STYLES[kind], "id": _nohtml(f"{tail}-to-{head}"),
                         "class": css_class},
        )

    def _emit_nodes(self, graph: Any, nodes: list[tuple[str, str, dict[str, str]]]) -> None:
        for kind, node_id, attrs in nodes:
            graph.node(self.name(kind, node_id), _attributes=attrs)

    def _cluster(
        self, graph: Any, section: str, children: dict[str | None, list[str]],
        titles: Mapping[str, str], home: Mapping[str | None, list[Any]],
        filled: set[str], depth: int = 0,
    ) -> None:
        if section not in filled:
            return
        number = self._next("section")
        self.names[("section", section)] = f"cluster_{number}"
        with graph.subgraph(name=f"cluster_{number}") as sub:
            sub.attr(
                label=text(clip(clean(titles.get(section, section)), MAX_TITLE)),
                id=_nohtml(f"section-{section}"),
                _attributes={"class": "section"},
                style="rounded,filled",
                fillcolor="#F7F7F7" if depth % 2 == 0 else "#EDEDED",
                color="#BBBBBB",
                fontsize="13",
                labeljust="l",
                labelloc=self._top(),
            )
            self._emit_nodes(sub, list(home.get(section, [])))
            if depth + 1 >= MAX_NESTING:  # deeper sections: their nodes, without more boxes
                for inner in _descendants(section, children):
                    self._emit_nodes(sub, list(home.get(inner, [])))
                return
            for child in children.get(section, []):
                self._cluster(sub, child, children, titles, home, filled, depth + 1)

    def _top(self) -> str:
        """The ``labelloc`` that puts a cluster's title on top: Graphviz flips it in BT."""
        return "b" if self.view.rankdir == "BT" else "t"

    def legend(self) -> tuple[LegendItem, ...]:
        """The legend's entries: only the kinds, edges and overlays this picture uses."""
        if not self.view.legend:
            return ()
        items = [LegendItem.of(kind, NODE_LEGEND[kind], "node", NODE_STYLES[kind])
                 for kind in NODE_STYLES if kind in self.used_kinds]
        if "stub" in self.used_kinds:
            items.append(LegendItem.of("stub", "outside this view", "node", STUB_STYLE))
        plain = {"shape": "box", "style": "rounded,filled", "fillcolor": "#FFFFFF",
                 "color": "#555555"}
        for status, attrs in GROUNDED_STYLES.items():
            if status in self.used_grounded:
                items.append(LegendItem.of(f"grounded_{status}", f"grounded: {status}", "node",
                                           {**plain, **attrs}))
        for severity in ("error", "warning", "info"):
            if severity in self.used_severities:
                items.append(LegendItem.of(f"finding_{severity}",
                                           f"!! {severity.upper()} finding", "node",
                                           {**plain, **SEVERITY_STYLES[severity]}))
        for index, tag in enumerate(self.used_tags):
            items.append(LegendItem.of(f"tag_{index}", f"tag: {clean(tag)[:40]}", "node",
                                       {**plain, "fillcolor": self.view.tag_colours[tag]}))
        words = {"evidence": "backs (evidence)", "source": "cites"}
        items += [LegendItem.of(f"edge_{kind}", words.get(kind, kind), "edge", EDGE_STYLES[kind])
                  for kind in EDGE_STYLES if kind in self.used_edges]
        return tuple(items)


def _graph_statement(graph: Any) -> str:
    """The ``graph [...]`` line of a ``graphviz`` graph: the second line it writes."""
    lines = iter(graph)
    next(lines)  # "digraph argmap {"
    statement: str = next(lines)
    return statement


def _hidden_below(argmap: ArgumentMap, selection: Selection) -> dict[str, int]:
    """Drawn claim ID -> how many relations into it (or into its relations) are not drawn."""
    drawn = {r.id for r in selection.relations}
    claims = {c.id for c in selection.claims}
    target = {r.id: r.to for r in argmap.relations}
    hidden: dict[str, int] = {}
    for relation in argmap.relations:
        if relation.id in drawn:
            continue
        to = target.get(relation.to, "") if relation.type == "undercuts" else relation.to
        if to in claims:
            hidden[to] = hidden.get(to, 0) + 1
    return hidden


def _filled_sections(
    children: Mapping[str | None, list[str]], home: Mapping[str | None, list[Any]]
) -> set[str]:
    """Sections that hold a drawn node, themselves or in a section nested in them."""
    parent = {child: up for up, kids in children.items() if up is not None for child in kids}
    filled: set[str] = set()
    for section, nodes in home.items():
        step = section if nodes else None
        while step is not None and step not in filled:
            filled.add(step)
            step = parent.get(step)
    return filled


def _descendants(section: str, children: Mapping[str | None, list[str]]) -> list[str]:
    """Every section nested in ``section``, depth first in map order (no recursion)."""
    found: list[str] = []
    stack = list(reversed(children.get(section, [])))
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed(children.get(current, [])))
    return found


def build(argmap: ArgumentMap, view: View | None = None, *, newrank: bool = True) -> DotResult:
    """The DOT text of ``argmap`` as ``view`` shows it, plus emphasis for the SVG.

    ``newrank=False`` leaves out Graphviz's newer ranking, for the engines that fail with it
    (see :func:`argmap._render.render`).
    """
    chosen = view or View()
    selection = select(argmap, chosen)
    builder = _Builder(argmap, chosen, selection, newrank=newrank)
    source = builder.build()
    lines = builder.graph_lines() if newrank else None
    notes = []
    if selection.collapsed:
        notes.append(
            f"the map has more than {chosen.max_nodes} nodes or {chosen.max_edges} edges with "
            "its evidence, so evidence is collapsed to counts; draw a section (--section) or a "
            "neighbourhood (--focus ID --depth N) to see it"
        )
    return DotResult(source, builder.emphasis, selection, notes, builder.legend(), lines)
