"""Writing maps back to YAML or JSON: deterministic, atomic, lossless.

Keys keep the model's field order and items keep their list order, so the same map always
gives the same bytes and a diff shows only what changed. Files are written to a temporary
file beside the target and renamed over it, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from argmap._model import ArgumentMap

__all__ = ["atomic_write", "dump", "dumps", "to_data"]

Format = Literal["yaml", "json"]


def to_data(argmap: ArgumentMap) -> dict[str, Any]:
    """Plain data of a map as files hold it: aliases for keys, defaults left out."""
    return argmap.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def dumps(argmap: ArgumentMap, fmt: Format = "yaml") -> str:
    """The text of a map file in YAML or JSON."""
    data = to_data(argmap)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from argmap._output.yaml_out import emit

    return emit(data)


def atomic_write(path: str | os.PathLike[str], content: bytes | str) -> None:
    """Write a file through a temporary sibling and a rename: all of it or none of it."""
    target = Path(path)
    payload = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        temp = Path(tmp)
        if target.exists():
            temp.chmod(target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            temp.chmod(0o666 & ~umask)
        temp.replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dump(argmap: ArgumentMap, path: str | os.PathLike[str], fmt: Format | None = None) -> None:
    """Write a map to ``path``; the format follows the suffix (``.json`` or YAML) unless given."""
    target = Path(path)
    chosen: Format = fmt or ("json" if target.suffix.lower() == ".json" else "yaml")
    atomic_write(target, dumps(argmap, chosen))
