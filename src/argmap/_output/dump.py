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

__all__ = ["SnapshotPathError", "atomic_write", "dump", "dumps", "suffix_format", "to_data"]

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


class SnapshotPathError(ValueError):
    """A map written to another folder would lose its snapshots (they must sit inside the
    folder of the map that names them)."""


def relocated(argmap: ArgumentMap, folder: Path) -> ArgumentMap:
    """The map with each snapshot path relative to ``folder``, where it will be written.

    A loaded map's snapshot paths are relative to the folder it was loaded from. Written
    elsewhere, a path is kept when a file is at that path from the new folder too (the
    snapshots were copied along), rewritten when the snapshot lies inside the new folder, and
    otherwise refused: a snapshot outside a map's folder is never read (docs/security.md).
    A map built in Python has no folder; its paths are taken as relative to ``folder``.
    """
    origin = argmap.origin
    if origin is None or origin.folder.resolve() == folder.resolve():
        return argmap
    sources = []
    changed = False
    for source in argmap.sources:
        snapshot = source.snapshot
        if snapshot is None or (folder / snapshot.path).exists():
            sources.append(source)
            continue
        old = (origin.folder / snapshot.path).resolve()
        try:
            new_path = old.relative_to(folder.resolve()).as_posix()
        except ValueError:
            msg = (f"source {source.id!r}: its snapshot {snapshot.path} (in {origin.folder}) "
                   f"would be outside {folder}, where the map is written, and a map's "
                   "snapshots must be inside its folder; copy the snapshots there first, "
                   "or write the map into a folder that holds them")
            raise SnapshotPathError(msg) from None
        sources.append(source.model_copy(update={
            "snapshot": snapshot.model_copy(update={"path": new_path})}))
        changed = True
    return argmap.model_copy(update={"sources": sources}) if changed else argmap


def dump(argmap: ArgumentMap, path: str | os.PathLike[str], fmt: Format | None = None) -> None:
    """Write a map to ``path``; the format follows the suffix (``.json``, ``.argdown`` or YAML)
    unless given.

    Snapshot paths follow the map to its new folder (:func:`relocated`); a snapshot the new
    map could not read raises :class:`SnapshotPathError` and nothing is written.
    """
    target = Path(path)
    chosen: Format = fmt or suffix_format(target)
    moved = relocated(argmap, target.absolute().parent)
    atomic_write(target, dumps(moved, chosen))
