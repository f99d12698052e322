"""Text made safe to show: clipped, and with control characters made visible.

Every layer quotes user text in messages (the loader, the rules, the reporters); these helpers
sit below all of them so each quotes the same way.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["clip", "short_repr", "visible"]


def clip(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, ending in ``...`` when cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short_repr(value: Any, limit: int = 60) -> str:
    return clip(repr(value), limit)


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Replace control characters with visible stand-ins, one character for one, so a quoted
    line cannot drive the terminal or CI log it is printed to (columns stay right)."""
    return _CONTROL.sub(
        lambda m: chr(0x2400 + ord(m.group())) if m.group() < "\x20" else "\ufffd", text
    )
