"""Every pydantic model object inside a loaded value (shared by the tests that compare what
validation builds node by node)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def model_nodes(value: Any) -> list[BaseModel]:
    """``value`` and every model below it, through fields and lists, parents first."""
    if isinstance(value, BaseModel):
        return [value, *(n for item in value.__dict__.values() for n in model_nodes(item))]
    if isinstance(value, list):
        return [n for item in value for n in model_nodes(item)]
    return []
