"""argmap: argument maps as code.

Load a map written in YAML or JSON, check it, and draw it::

    import argmap
    m = argmap.load("claims/fiia-298")
    for finding in argmap.check(m):
        print(finding)

    run = argmap.check_paths(["claims/"])   # every map found, as `argmap check` runs it

The names below are imported on first use, so ``import argmap`` stays fast for the
command line and pre-commit hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap._version import __version__

if TYPE_CHECKING:
    from argmap._engine.cache import CheckCache
    from argmap._engine.config import Config
    from argmap._engine.run import CheckRun, check, check_paths, grounded_labelling
    from argmap._findings import Finding, Location, MapLoadError, Related, Severity
    from argmap._interop.arguebuf_read import from_arguebuf
    from argmap._load.limits import Limits
    from argmap._load.loader import load
    from argmap._load.origin import MapOrigin
    from argmap._model import (
        ArgumentMap,
        Claim,
        ClaimKind,
        Evidence,
        Quantity,
        Relation,
        RelationType,
        Section,
        Source,
    )
    from argmap._output.dump import dump, dumps
    from argmap._render import RenderError, RenderWarning, ViewError, render, to_dot

__all__ = [
    "ArgumentMap",
    "CheckCache",
    "CheckRun",
    "Claim",
    "ClaimKind",
    "Config",
    "Evidence",
    "Finding",
    "Limits",
    "Location",
    "MapLoadError",
    "MapOrigin",
    "Quantity",
    "Related",
    "Relation",
    "RelationType",
    "RenderError",
    "RenderWarning",
    "Section",
    "Severity",
    "Source",
    "ViewError",
    "__version__",
    "check",
    "check_paths",
    "dump",
    "dumps",
    "from_arguebuf",
    "grounded_labelling",
    "load",
    "render",
    "to_dot",
]

_LAZY = {
    "dump": "argmap._output.dump",
    "dumps": "argmap._output.dump",
    "check": "argmap._engine.run",
    "check_paths": "argmap._engine.run",
    "CheckRun": "argmap._engine.run",
    "CheckCache": "argmap._engine.cache",
    "Config": "argmap._engine.config",
    "grounded_labelling": "argmap._engine.run",
    "from_arguebuf": "argmap._interop.arguebuf_read",
    "Finding": "argmap._findings",
    "Location": "argmap._findings",
    "MapLoadError": "argmap._findings",
    "Related": "argmap._findings",
    "Severity": "argmap._findings",
    "Limits": "argmap._load.limits",
    "MapOrigin": "argmap._load.origin",
    "load": "argmap._load.loader",
    "render": "argmap._render",
    "to_dot": "argmap._render",
    "RenderError": "argmap._render",
    "RenderWarning": "argmap._render",
    "ViewError": "argmap._render",
}
_MODELS = {
    "ArgumentMap",
    "Claim",
    "ClaimKind",
    "Evidence",
    "Quantity",
    "Relation",
    "RelationType",
    "Section",
    "Source",
}


def __getattr__(name: str) -> Any:
    import importlib

    module = "argmap._model" if name in _MODELS else _LAZY.get(name)
    if module is None:
        msg = f"module 'argmap' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
