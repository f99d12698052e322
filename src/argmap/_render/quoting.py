"""A ``graphviz.Digraph`` that quotes each short attribute name and value once per graph.

The ``graphviz`` package quotes every name and value of every attribute list it writes:
about 190,000 calls for a map of 5,000 claims, a third of building its DOT, though the
names and most values (shapes, colours, fonts, widths) come back on every node and edge.
This graph keeps the quoted form of the short ones; what it writes is what
``graphviz.quoting.attr_list`` writes (tests/render/test_quoting.py), which it still calls
for any other kind of attribute list.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["digraph"]

#: Values longer than this (labels, tooltips, IDs) are almost all distinct: not kept.
_KEPT_LENGTH = 40


def digraph(name: str, **options: Any) -> Any:
    """A new ``graphviz.Digraph`` (the package is imported on first use)."""
    graph: Any = _graph_class()(name, **options)
    return graph


@cache
def _graph_class() -> type:
    import graphviz

    quote = graphviz.quoting.quote
    attr_list = graphviz.quoting.attr_list

    class QuotingOnce(graphviz.Digraph):
        """``Digraph`` with attribute lists quoted through a per-graph table."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # keyed by type too: a NoHtml string is quoted unlike the same plain str
            self.quoted: dict[tuple[type, str], str] = {}

        def _attr_list(self, label: str | None = None, kwargs: Any = None,
                       attributes: Any = None) -> str:
            if label is not None or kwargs or type(attributes) is not dict:
                text: str = attr_list(label, kwargs=kwargs, attributes=attributes)
                return text
            quoted = self.quoted
            parts = []
            for key, value in sorted(attributes.items()):  # attr_list sorts a plain dict
                if value is None:
                    continue
                parts.append(f"{_quoted(quoted, quote, key)}={_quoted(quoted, quote, value)}")
            return f" [{' '.join(parts)}]" if parts else ""

    return QuotingOnce


def _quoted(table: dict[tuple[type, str], str], quote: Any, value: str) -> str:
    if len(value) > _KEPT_LENGTH:
        text: str = quote(value)
        return text
    key = (type(value), value)
    found = table.get(key)
    if found is None:
        found = table[key] = quote(value)
    return found
