"""The visual grammar: one place that says how each kind of node and relation looks.

Colours come from the Okabe-Ito palette, chosen to stay distinct under the common forms of
colour blindness; every distinction that matters is also carried by something other than
colour (shape, border style, arrowhead, line style), so a greyscale print still reads.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "EDGE_STYLES",
    "FONT",
    "GROUNDED_STYLES",
    "NODE_STYLES",
    "SEVERITY_STYLES",
    "check_colour",
]

#: Okabe & Ito (2008), "Color Universal Design".
ORANGE: Final = "#E69F00"
SKY_BLUE: Final = "#56B4E9"
BLUISH_GREEN: Final = "#009E73"
YELLOW: Final = "#F0E442"
BLUE: Final = "#0072B2"
VERMILLION: Final = "#D55E00"
REDDISH_PURPLE: Final = "#CC79A7"
BLACK: Final = "#000000"
GREY: Final = "#555555"

#: Graphviz knows Helvetica's metrics without any font installed (the WebAssembly build has
#: none); renderers of the SVG fall back to a metric-compatible sans (see _backends).
FONT: Final = "Helvetica"

Style = dict[str, str]

#: Node kinds as drawn; ``claim`` is an intermediate conclusion (the target of a support).
NODE_STYLES: Final[dict[str, Style]] = {
    "thesis": {
        "shape": "box",
        "style": "rounded,filled,bold",
        "fillcolor": BLUE,
        "color": BLACK,
        "fontcolor": "#FFFFFF",
        "penwidth": "3",
        "fontsize": "15",
    },
    "intermediate": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#D4EAF7",
        "color": BLUE,
        "penwidth": "1.6",
    },
    "premise": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#FFFFFF",
        "color": GREY,
    },
    "assumption": {
        "shape": "box",
        "style": "rounded,filled,dashed",
        "fillcolor": "#FFFFFF",
        "color": GREY,
        "penwidth": "1.4",
    },
    "objection": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#F9DCCB",
        "color": VERMILLION,
        "penwidth": "1.6",
    },
    # format 2: an argument as one node (Argdown's <title>): a hexagon, as argument maps draw it
    "argument": {
        "shape": "hexagon",
        "style": "filled",
        "fillcolor": "#E5F3EC",
        "color": BLUISH_GREEN,
        "penwidth": "1.6",
    },
    "evidence": {
        "shape": "note",
        "style": "filled",
        "fillcolor": "#FBF7D5",
        "color": "#8C8100",
        "fontsize": "10",
    },
    "source": {
        "shape": "folder",
        "style": "filled",
        "fillcolor": "#EEEEEE",
        "color": GREY,
        "fontsize": "10",
    },
}

#: What each kind is called in the legend.
NODE_LEGEND: Final[dict[str, str]] = {
    "thesis": "thesis",
    "intermediate": "intermediate claim",
    "premise": "premise",
    "assumption": "assumption (implicit)",
    "objection": "objection",
    "argument": "argument",
    "evidence": "evidence (quote)",
    "source": "source",
}

#: Relation types: colour, arrowhead and line style all differ, so each reads on its own.
EDGE_STYLES: Final[dict[str, Style]] = {
    "supports": {"color": BLUE, "arrowhead": "normal", "style": "solid", "penwidth": "1.6"},
    "attacks": {"color": VERMILLION, "arrowhead": "tee", "style": "bold", "penwidth": "2.2"},
    "undercuts": {
        "color": REDDISH_PURPLE,
        "arrowhead": "box",
        "style": "dashed",
        "penwidth": "2",
    },
    # format 2: arrowheads at both ends (symmetric), a restatement, a ranking
    "contradicts": {
        "color": VERMILLION,
        "arrowhead": "tee",
        "arrowtail": "tee",
        "dir": "both",
        "style": "bold",
        "penwidth": "2.2",
    },
    "rephrases": {"color": GREY, "arrowhead": "empty", "style": "dashed", "penwidth": "1.4"},
    "prefers": {"color": ORANGE, "arrowhead": "diamond", "style": "dotted", "penwidth": "1.8"},
    "evidence": {"color": "#8C8100", "arrowhead": "odot", "style": "dotted", "penwidth": "1.2"},
    "source": {"color": GREY, "arrowhead": "none", "style": "dotted", "penwidth": "1"},
}

#: Grounded status overlay: fill colours (with a text line naming the status as well).
GROUNDED_STYLES: Final[dict[str, Style]] = {
    "in": {"fillcolor": "#BFE6D8", "fontcolor": BLACK},
    "out": {"fillcolor": "#E3E3E3", "fontcolor": "#555555"},
    "undecided": {"fillcolor": "#F8F1A8", "fontcolor": BLACK},
}

#: Validator finding overlay: a double border in the severity's colour, and a badge line.
SEVERITY_STYLES: Final[dict[str, Style]] = {
    "error": {"color": VERMILLION, "peripheries": "2", "penwidth": "2.5"},
    "warning": {"color": ORANGE, "peripheries": "2", "penwidth": "2.5"},
    "info": {"color": SKY_BLUE, "peripheries": "2", "penwidth": "1.5"},
}

_COLOUR = re.compile(r"^(#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?|[A-Za-z]{3,20})$")


def check_colour(value: str) -> str:
    """A colour a user passes for a tag: ``#RRGGBB``(``AA``) or a plain colour name.

    >>> check_colour("#56B4E9")
    '#56B4E9'
    >>> check_colour("red; URL=x")
    Traceback (most recent call last):
    ...
    ValueError: not a colour: 'red; URL=x' (use #RRGGBB or a colour name)
    """
    if not _COLOUR.match(value):
        msg = f"not a colour: {value!r} (use #RRGGBB or a colour name)"
        raise ValueError(msg)
    return value
