"""Writing maps back to YAML or JSON: deterministic, atomic, lossless.

Keys keep the model's field order and items keep their list order, so the same map always
gives the same bytes and a diff shows only what changed. Files are written through the one
write layer (``_output/write.py``): to a temporary file beside the target, then renamed over
it, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap._output.write import write_file

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["atomic_write", "dump", "dumps", "suffix_format", "to_data"]

Format = Literal["yaml", "json", "argdown", "aif"]


def to_data(argmap: ArgumentMap) -> dict[str, Any]:
    """Plain data of a map as files hold it: aliases for keys, defaults left out."""
    return argmap.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def dumps(argmap: ArgumentMap, fmt: Format = "yaml") -> str:
    """The text of a map file in YAML, JSON or Argdown, or the map as an AIF JSON nodeset
    (``aif``) (docs/interop.md)."""
    if fmt == "argdown":
        from argmap._interop.argdown import to_argdown

        return to_argdown(argmap)
    if fmt == "aif":
        from argmap._interop.aif_write import dumps_aif

        return dumps_aif(argmap)
    data = to_data(argmap)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from argmap._output.yaml_out import emit

    return emit(data)


def suffix_format(path: Path) -> Format:
    """The format a file name asks for: ``.aif.json`` (or ``.aif``), ``.json``, ``.argdown``
    (or ``.ad``), else YAML."""
    suffix = path.suffix.lower()
    if path.name.lower().endswith(".aif.json") or suffix == ".aif":
        return "aif"
    if suffix == ".json":
        return "json"
    return "argdown" if suffix in {".argdown", ".ad"} else "yaml"


def atomic_write(path: str | os.PathLike[str], content: bytes | str) -> None:
    """Write a file all at once or not at all (see :func:`argmap._output.write.write_file`)."""
    write_file(path, content)


def dump(argmap: ArgumentMap, path: str | os.PathLike[str], fmt: Format | None = None) -> None:
    """Write a map to ``path``; the format follows the suffix (``.json``, ``.argdown`` or YAML)
    unless given."""
    target = Path(path)
    chosen: Format = fmt or suffix_format(target)
    atomic_write(target, dumps(argmap, chosen))
