"""``lazy_compile``: a module's regular expression compiled when it is first used.

Compiling a pattern costs from 50,000 to a few million instructions, and a check imports
patterns that only some maps need (a JSON map's tokens, a YAML tag, a page range, the error
message of a parse): 35 of them were compiled by every check of the paper's map and never
used; compiling 32 of them at first use took 18 M instructions off its 1,470 M.
``lazy_compile`` returns a stand-in that compiles the pattern at its first use and then puts
the compiled pattern in its own place in the module that made it, so that later uses there
read the pattern itself. A reference taken before that (``from module import NAME``) keeps
working through the stand-in.

Use it only for a pattern that is not used on every check: a first use costs a scan of the
module's names, and each use through a kept stand-in an attribute lookup more.
The pattern is compiled through :func:`argmap._recache.recompile` (its code kept on disk).
"""

from __future__ import annotations

import re
import sys
from typing import Any, AnyStr, cast

from argmap._recache import recompile

__all__ = ["lazy_compile"]


class _LazyPattern:
    """Stands in for ``re.compile(source, flags)`` until it is first used."""

    __slots__ = ("_compiled", "_flags", "_home", "_source")

    def __init__(self, source: str | bytes, flags: int, home: dict[str, Any]) -> None:
        self._source = source
        self._flags = flags
        self._home = home
        self._compiled: re.Pattern[Any] | None = None

    def _compile(self) -> re.Pattern[Any]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = recompile(self._source, self._flags)
            home = self._home
            for name in [name for name, value in home.items() if value is self]:
                home[name] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return repr(self._compile())


def lazy_compile(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, compiled at the first use of one of its attributes;
    to be assigned to a name of the calling module, where the compiled pattern replaces it."""
    home = sys._getframe(1).f_globals  # noqa: SLF001 - the module that assigns the pattern
    return cast("re.Pattern[AnyStr]", _LazyPattern(source, int(flags), home))
