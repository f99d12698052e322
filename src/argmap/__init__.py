"""argmap: argument maps as code.

Load a map written in YAML or JSON, check it, and draw it::

    import argmap
    m = argmap.load("claims/fiia-298")
    for finding in argmap.check(m):
        print(finding)

The names below are imported on first use, so ``import argmap`` stays fast for the
command line and pre-commit hooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap._version import __version__

if TYPE_CHECKING:
    from argmap._dump import dump, dumps
    from argmap._engine import Config, check, grounded_labelling
    from argmap._findings import Finding, Location, MapLoadError, Related, Severity
    from argmap._loader import Limits, MapOrigin, load
    from argmap._models import (
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
    from argmap._render import RenderError, RenderWarning, ViewError, render, to_dot

__all__ = [
    "ArgumentMap",
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
    "dump",
    "dumps",
    "grounded_labelling",
    "load",
    "render",
    "to_dot",
]

_LAZY = {
    "dump": "argmap._dump",
    "dumps": "argmap._dump",
    "check": "argmap._engine",
    "Config": "argmap._engine",
    "grounded_labelling": "argmap._engine",
    "Finding": "argmap._findings",
    "Location": "argmap._findings",
    "MapLoadError": "argmap._findings",
    "Related": "argmap._findings",
    "Severity": "argmap._findings",
    "Limits": "argmap._loader",
    "MapOrigin": "argmap._loader",
    "load": "argmap._loader",
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

    module = "argmap._models" if name in _MODELS else _LAZY.get(name)
    if module is None:
        msg = f"module 'argmap' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
